import { html, nothing, type TemplateResult } from 'lit';
import { FsdElement, clusterMark, locale, tokens } from '@frenchsouth-digital/shared';
import { safeWebUrl } from '@frenchsouth-digital/feed';
import browser from '../lib/browser.js';
import { giveBack } from '../lib/permissions.js';
import { LOG } from '../lib/log.js';
import { send } from '../lib/protocol.js';
import { getRefreshLog, type RefreshLog } from '../lib/refresh-log.js';
import { registryUrlAllowed } from '../lib/hosts.js';
import { parseRegistryKeys, Registries } from '../lib/registries.js';
import { ALL_SITES, getSettings, sitePattern, uiLanguage, updateSettings, type Settings } from '../lib/settings.js';
import { messages } from './extension.messages.js';
import { optionsStyles } from './options.styles.js';
import { pageStyles } from './shared.styles.js';

/**
 * The options page: the registries followed (add, remove, refresh now, last update and its result), link
 * annotation on every site or per site, and the language of the extension.
 */
export class FsdExtensionOptions extends FsdElement {
  static override styles = [tokens, pageStyles, optionsStyles];
  static override properties = {
    _settings: { state: true },
    _registries: { state: true },
    _log: { state: true },
    _refreshing: { state: true },
    _formError: { state: true },
    _notice: { state: true },
  };

  _settings: Settings | undefined;
  _registries: Registries | undefined;
  _log: RefreshLog = {};
  _refreshing = false;
  _formError = '';
  _notice = '';
  readonly #onStorage = () => void this.#load();

  override connectedCallback(): void {
    super.connectedCallback();
    browser.storage.onChanged.addListener(this.#onStorage);
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    browser.storage.onChanged.removeListener(this.#onStorage);
  }

  async #load(): Promise<void> {
    const settings = await getSettings();
    document.documentElement.lang = this.lang = uiLanguage(settings);
    document.title = messages(this.language).optionsTitle;
    this._log = await getRefreshLog();
    this._registries = await Registries.read(settings.registries, settings.registryKeys);
    this._settings = settings;
  }

  override render(): TemplateResult {
    const text = messages(this.language);
    return html`
      <header>
        <span class="mark">${clusterMark}<span>FrenchSouth.digital</span></span>
        <h1>${text.optionsTitle}</h1>
      </header>
      ${this._settings ? html`${this.#registriesSection()} ${this.#annotationSection()} ${this.#displaySection()} ${this.#languageSection()}` : nothing}
      <p class="muted privacy">${text.privacy}</p>
    `;
  }

  #date(ms: number): string {
    return new Intl.DateTimeFormat(locale(this.language), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  }

  #registriesSection(): TemplateResult {
    const text = messages(this.language);
    return html`
      <section aria-labelledby="registries">
        <h2 id="registries">${text.registries}</h2>
        <p class="muted">${text.registriesHelp}</p>
        <ul class="registries">
          ${this._registries!.list.map((registry) => {
            const result = this._log[registry.url];
            const copy = registry.copy;
            return html`<li>
              <div>
                <strong>${registry.name}</strong> <span class="muted">${copy ? text.membersCount(copy.data.members.length) : ''}</span>
                <div class="url">${registry.url}</div>
                ${this._settings!.registryKeys[registry.url]
                  ? html`<div>${text.registryKeys(Object.keys(this._settings!.registryKeys[registry.url]!))}</div>`
                  : registry.cluster
                    ? nothing
                    : html`<div class="muted">${text.registryUnverified}</div>`}
                <div>
                  ${text.lastUpdate}
                  ${result
                    ? html`<span class=${result.ok ? 'ok' : 'error'}>${this.#date(result.at)}, ${text.outcome(result.outcome, result.members)}</span>`
                    : copy?.bundled
                      ? text.bundled(copy.data.updated?.slice(0, 10) ?? '')
                      : text.never}
                </div>
              </div>
              <button type="button" @click=${() => this.#remove(registry.url)} ?disabled=${this._settings!.registries.length === 1}>
                ${text.remove(registry.name)}
              </button>
            </li>`;
          })}
        </ul>
        <h3>${text.eventFeeds}</h3>
        <ul class="registries events">
          ${this._settings!.eventFeeds.map((url) => {
            const result = this._log[url];
            return html`<li>
              <div>
                <div class="url">${url}</div>
                <div>
                  ${text.lastUpdate}
                  ${result
                    ? html`<span class=${result.ok ? 'ok' : 'error'}>${this.#date(result.at)}, ${text.outcome(result.outcome)}</span>`
                    : text.never}
                </div>
              </div>
            </li>`;
          })}
        </ul>
        <button type="button" class="primary" @click=${this.#refresh} ?disabled=${this._refreshing}>
          ${this._refreshing ? text.refreshing : text.refreshNow}
        </button>
        <form @submit=${this.#add} novalidate>
          <label for="registry-url">${text.registryUrl}</label>
          <div class="row">
            <input id="registry-url" name="url" type="url" required placeholder="https://…/members.json" aria-describedby="registry-error" />
            <button type="submit">${text.add}</button>
          </div>
          <label for="registry-key">${text.registryKey}</label>
          <textarea id="registry-key" name="key" rows="3" spellcheck="false" autocomplete="off" aria-describedby="registry-key-help registry-error"></textarea>
          <p id="registry-key-help" class="muted">${text.registryKeyHelp}</p>
          <p id="registry-error" class="error" role="alert">${this._formError}</p>
        </form>
      </section>
    `;
  }

  #annotationSection(): TemplateResult {
    const text = messages(this.language);
    const settings = this._settings!;
    return html`
      <section aria-labelledby="annotation">
        <h2 id="annotation">${text.annotation}</h2>
        <p class="muted">${text.annotationHelp}</p>
        <label class="check"><input type="checkbox" .checked=${settings.annotateAll} @change=${this.#toggleAll} /> ${text.annotateAll}</label>
        <p role="status" class="error">${this._notice}</p>
        <h3>${settings.annotateAll ? text.exceptions : text.annotateSites}</h3>
        ${this.#siteList(settings.annotateAll ? settings.annotateExcept : settings.annotateSites, settings.annotateAll ? 'annotateExcept' : 'annotateSites')}
      </section>
    `;
  }

  #siteList(sites: string[], key: 'annotateSites' | 'annotateExcept'): TemplateResult {
    const text = messages(this.language);
    if (!sites.length) return html`<p class="muted">${key === 'annotateSites' ? text.noSites : '—'}</p>`;
    return html`<ul class="sites">
      ${sites.map(
        (host) => html`<li>
          <span>${host}</span>
          <button type="button" @click=${() => this.#removeSite(host, key)}>${key === 'annotateSites' ? text.stopSite(host) : text.remove(host)}</button>
        </li>`,
      )}
    </ul>`;
  }

  #displaySection(): TemplateResult {
    const text = messages(this.language);
    return html`
      <section aria-labelledby="display">
        <h2 id="display">${text.display}</h2>
        <label class="check">
          <input
            type="checkbox"
            aria-describedby="logos-help"
            .checked=${this._settings!.showLogos}
            @change=${(e: Event) => void updateSettings({ showLogos: (e.target as HTMLInputElement).checked })}
          />
          ${text.showLogos}
        </label>
        <p id="logos-help" class="muted">${text.showLogosHelp}</p>
      </section>
    `;
  }

  #languageSection(): TemplateResult {
    const text = messages(this.language);
    return html`
      <section aria-labelledby="language">
        <h2 id="language">${text.language}</h2>
        <select aria-labelledby="language" @change=${(e: Event) => void updateSettings({ language: (e.target as HTMLSelectElement).value as Settings['language'] })}>
          <option value="auto" ?selected=${this._settings!.language === 'auto'}>${text.languageAuto}</option>
          <option value="fr" lang="fr" ?selected=${this._settings!.language === 'fr'}>Français</option>
          <option value="en" lang="en" ?selected=${this._settings!.language === 'en'}>English</option>
        </select>
      </section>
    `;
  }

  readonly #refresh = async (): Promise<void> => {
    this._refreshing = true;
    try {
      await send('refresh', {});
    } finally {
      this._refreshing = false;
      await this.#load();
    }
  };

  readonly #add = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const text = messages(this.language);
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('url') as HTMLInputElement;
    const url = safeWebUrl(input.value.trim());
    if (!url) {
      this._formError = text.invalidUrl;
      return;
    }
    if (!registryUrlAllowed(url)) {
      this._formError = text.insecureUrl;
      console.warn(`${LOG} registry not added: ${url} is not https (plain http is accepted only from a development host: localhost, *.localhost, *.test, a loopback address)`);
      return;
    }
    if (this._settings!.registries.includes(url)) {
      this._formError = text.duplicateUrl;
      return;
    }
    const keyInput = form.elements.namedItem('key') as HTMLTextAreaElement;
    const pasted = keyInput.value.trim();
    const parsed = pasted ? parseRegistryKeys(pasted) : undefined;
    if (parsed && 'error' in parsed) {
      this._formError = text.invalidKey;
      console.warn(`${LOG} registry not added: its key ${parsed.error}`);
      return;
    }
    this._formError = '';
    input.value = '';
    keyInput.value = '';
    // The background sees the change and fetches the new registry at once (checked against its keys, if given).
    const registryKeys = { ...this._settings!.registryKeys };
    if (parsed) registryKeys[url] = parsed.keys;
    else delete registryKeys[url];
    await updateSettings({ registryKeys, registries: [...this._settings!.registries, url] });
  };

  async #remove(url: string): Promise<void> {
    const registryKeys = { ...this._settings!.registryKeys };
    delete registryKeys[url];
    await updateSettings({ registries: this._settings!.registries.filter((u) => u !== url), registryKeys });
  }

  readonly #toggleAll = async (event: Event): Promise<void> => {
    const box = event.target as HTMLInputElement;
    const text = messages(this.language);
    if (box.checked) {
      // Asked at the moment the user turns it on.
      const granted = await browser.permissions.request({ origins: [ALL_SITES] });
      if (!granted) {
        box.checked = false;
        this._notice = text.annotateDenied;
        return;
      }
      this._notice = '';
      await updateSettings({ annotateAll: true });
    } else {
      await updateSettings({ annotateAll: false });
      // Keep access only to the sites enabled one by one.
      await giveBack([ALL_SITES]);
    }
  };

  async #removeSite(host: string, key: 'annotateSites' | 'annotateExcept'): Promise<void> {
    const settings = this._settings!;
    await updateSettings({ [key]: settings[key].filter((h) => h !== host) });
    if (key === 'annotateSites' && !settings.annotateAll) await giveBack([sitePattern(host)]);
  }
}
