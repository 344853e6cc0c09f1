import { LOG_PREFIX } from '@frenchsouth-digital/feed';
import { LitElement, type PropertyDeclarations } from 'lit';
import { canonicalTag, hasMessages, registrationListeners, resolveLang, type LanguageTag } from './localize.js';

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * The converter of boolean attributes: present means on, except `"false"`, which frameworks write for a false value
 * (Vue's `:include-cluster="false"` on an element not yet defined); absent means off.
 */
export const booleanAttribute = { fromAttribute: (value: string | null) => value !== null && value !== 'false' };

/** The `detail` of one of the page's typed events. */
export type EventDetail<K extends keyof GlobalEventHandlersEventMap> = GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * What every FrenchSouth.digital widget shares: language, theme, typed events that cross shadow roots,
 * and console messages that name the widget. Nothing a widget does may throw into the host page.
 */
export class FsdElement extends LitElement {
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
    // Not reflected: an empty `lang=""` written on the host would mark its content as of unknown language.
    lang: {},
  };

  /** `light` (default), `dark`, or `auto` (follows the visitor's system setting). */
  theme: Theme = 'light';

  /**
   * The widget's language (BCP 47: `fr`, `en`, `en-US`, `fr-BE`…); when absent, the page's. Dates and numbers follow
   * the whole tag; the texts are French or English unless the page registered others (`registerTranslation`).
   */
  override lang = '';

  readonly #warned = new Set<string>();
  /** What the last state event said (see {@link settle}). */
  #settled: string | undefined;

  constructor() {
    super();
    // The shadow content says which language it speaks, so that screen readers pronounce it right whatever the
    // page's own language (a French badge on an English page, say).
    // A language the page registers later (its script may run after ours) shows at once.
    const update = () => this.requestUpdate();
    this.addController({
      hostConnected: () => registrationListeners().add(update),
      hostDisconnected: () => registrationListeners().delete(update),
      hostUpdated: () => {
        for (const child of this.renderRoot.children) if (child.getAttribute('lang') !== this.language) child.setAttribute('lang', this.language);
      },
    });
  }

  /** The language the widget speaks now: a canonical tag, with a region for a bare `fr` or `en` (`fr-FR`, `en-GB`). */
  protected get language(): LanguageTag {
    return resolveLang(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) return;
    // A framework that sets a property on an element not yet defined writes it as an attribute of the property's
    // name, which HTML lowercases (React 19: `pageSize` becomes `pagesize`): read those as the real attributes.
    for (const [name, { attribute }] of (this.constructor as typeof FsdElement).elementProperties) {
      const folded = (name as string).toLowerCase();
      if (typeof attribute == 'string' && !this.hasAttribute(attribute) && this.hasAttribute(folded)) this.attributeChangedCallback(attribute, null, this.getAttribute(folded));
    }
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('theme')) this.theme = this.checkedValue('theme', this.theme, THEMES, 'light');
    if (changed.has('lang') && this.lang && !hasMessages(canonicalTag(this.lang) ?? '')) {
      this.warnOnce(`lang="${this.lang}": no texts in this language (built in: fr, en; others: registerTranslation()); showing French`);
    }
  }

  /** An attribute's value if it is one of `allowed`, else `fallback` with a console warning naming the attribute. */
  protected checkedValue<T extends string>(name: string, value: string | null | undefined, allowed: readonly T[], fallback: T): T {
    if (value && (allowed as readonly string[]).includes(value)) return value as T;
    if (value) this.warnOnce(`${name}="${value}" is not one of "${allowed.join('", "')}"; using "${fallback}"`);
    return fallback;
  }

  protected warnOnce(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    this.report('warn', message);
  }

  /** A console message that names the widget, after the project's one prefix: `[FrenchSouth.digital] <fsd-…>: …`. */
  protected report(level: 'warn' | 'error', message: string, ...details: unknown[]): void {
    console[level](`${LOG_PREFIX} <${this.localName}>: ${message}`, ...details);
  }

  /** Dispatches a typed event that bubbles and crosses shadow roots. */
  protected emit<K extends keyof GlobalEventHandlersEventMap>(name: K, detail: EventDetail<K>): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /**
   * The state protocol every widget follows, from its `updated()`: `state` is mirrored in the read-only `state`
   * attribute; once settled (anything but `loading`), the widget's state event fires, once for each new `key` (what
   * the widget counts as news: the state itself by default). `detail` is called only when the event fires, just
   * before it, with the settled state.
   */
  protected settle<K extends keyof GlobalEventHandlersEventMap, S extends string>(
    state: S,
    event: K,
    detail: (settled: Exclude<S, 'loading'>) => EventDetail<K>,
    key: string = state,
  ): void {
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
    if (state === 'loading' || key === this.#settled) return;
    this.#settled = key;
    this.emit(event, detail(state as Exclude<S, 'loading'>));
  }
}

/**
 * Registers a tag once; a second copy of the bundle on the same page is harmless. Where there is no DOM (an entry
 * imported in Node, for server rendering in Next.js, Nuxt or Astro), nothing is defined: the elements are defined when
 * the same import runs in the browser.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof document === 'undefined' || typeof customElements === 'undefined') return;
  if (customElements.get(tag)) return;
  // A read-only property (a getter: `state`, `results`) set by the page, or by a framework passing every prop, warns
  // and keeps its value instead of throwing into the page.
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(element.prototype))) {
    if (!descriptor.get || descriptor.set) continue;
    Object.defineProperty(element.prototype, name, {
      ...descriptor,
      set(this: HTMLElement) {
        console.warn(`${LOG_PREFIX} <${this.localName}>: ${name} is read-only`);
      },
    });
  }
  // This bundle's Lit could get no Trusted Types policy (build/lit-trusted-types.js): its templates would throw.
  if ((globalThis as Record<symbol, unknown>)[Symbol.for('fsd.lit-html-policy')] === false) {
    console.warn(`${LOG_PREFIX} <${tag}> not defined: no Trusted Types policy left for it`);
    return;
  }
  customElements.define(tag, element);
}
