import { DEFAULT_MEMBER_FEED_URL, LOG_PREFIX, memberFeedParser, profileUrl, type Member } from '@frenchsouth-digital/feed';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { FsdElement, booleanAttribute, clusterMark, formatIsoDate, localized } from '@frenchsouth-digital/shared';
import { FeedController } from '../internal/feed-controller.js';
import { messages } from './member-badge.messages.js';
import { styles } from './member-badge.styles.js';
import { previewAllowedHere, verify, type Verification } from './verification.js';
import { BadgeState } from '../events/fsd-badge-state.js';

export const BADGE_VARIANTS = ['full', 'compact'] as const;
export type BadgeVariant = (typeof BADGE_VARIANTS)[number];

const check = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const cross = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="M4.5 4.5l7 7m0-7l-7 7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/></svg>`;

/**
 * The "Membre de FrenchSouth.digital" badge for member companies' sites. It checks itself against the cluster's
 * member feed and shows as valid only on one of the member's own domains, while the membership runs.
 *
 * @summary A verifiable membership badge.
 * @tag fsd-member-badge
 *
 * @attr member - The member id (slug) from the member feed, e.g. `kaliop`.
 * @attr src - The member feed URL; the cluster's published feed by default.
 * @attr variant - `full` (default) or `compact`.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr lang - `fr` (default), `en`, a region of either (`en-US`, `fr-BE`: dates and numbers follow it), or a language
 *   registered with `registerTranslation()`; when absent, the page's language.
 * @attr preview - On a development host (`localhost`, `127.0.0.1`, `*.localhost`, `*.test`) or a `file:` page, shows
 *   the badge as it will look on the member's site, marked "Aperçu". Ignored everywhere else, and in frames.
 * @attr state - Read only: `loading`, `verified`, `preview`, `unchecked` (on the member's domain, but the feed
 *   is not signed by the cluster), `unverified`, `lapsed`, `unknown-member` or `error`.
 *
 * @event {FsdBadgeStateEvent} fsd-badge-state - The state has settled: `detail` is `{ state, member, signedAt?, reason? }`.
 *
 * @csspart base - The badge: a link to the member's profile when verified, else a plain box.
 * @csspart mark - The cluster's mark.
 * @csspart label - The main line of text.
 * @csspart detail - The second line: the member's college, or why the badge is not valid.
 * @csspart status - The check or cross icon.
 *
 * @cssproperty --fsd-badge-background - Background colour (default: `--fsd-color-surface`, white or dark blue).
 * @cssproperty --fsd-badge-color - Text colour (default: `--fsd-color-text`).
 * @cssproperty --fsd-badge-accent - Colour of the name and check mark (default: `--fsd-color-accent`).
 * @cssproperty --fsd-badge-border-color - Border colour (default: `--fsd-color-border`).
 * @cssproperty --fsd-badge-radius - Corner radius (default: `--fsd-radius`, 0.5rem).
 * @cssproperty --fsd-font-family - Font of every widget (default: the system font).
 */
export class FsdMemberBadge extends FsdElement {
  static override styles = styles;
  static override properties = {
    member: { reflect: true },
    src: {},
    variant: { reflect: true },
    preview: { type: Boolean, reflect: true, converter: booleanAttribute },
  };

  /** The member id (slug) in the member feed. */
  member = '';

  /** The member feed URL. */
  src = DEFAULT_MEMBER_FEED_URL;

  /** `full` or `compact`. */
  variant: BadgeVariant = 'full';

  /** Preview the badge on a development host. */
  preview = false;

  readonly #feed = new FeedController(this, memberFeedParser, () => this.src || DEFAULT_MEMBER_FEED_URL);
  #verification: Verification = { state: BadgeState.Loading };

  /** Where the badge stands now; mirrored in the read-only `state` attribute. */
  get state(): BadgeState {
    return this.#verification.state;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('variant')) this.variant = this.checkedValue('variant', this.variant, BADGE_VARIANTS, 'full');
    this.#verification = verify(this.#feed.state, this.member.trim(), location.hostname, this.preview && previewAllowedHere());
  }

  override updated(): void {
    const { state, reason, signedAt } = this.#verification;
    this.settle(state, 'fsd-badge-state', (settled) => {
      // The console says why as the event fires, just before it. Named with its member, unlike the widget's other
      // messages: a page may hold several badges.
      if (reason) console[state === BadgeState.Error ? 'error' : 'warn'](`${LOG_PREFIX} <fsd-member-badge member="${this.member}">: ${state}: ${reason}`);
      return { state: settled, member: this.member, ...(signedAt && { signedAt }), ...(reason && { reason }) };
    }, `${state}|${this.member}|${reason ?? ''}`);
  }

  override render(): TemplateResult {
    const { state, member, index } = this.#verification;
    const t = messages(this.language);
    switch (state) {
      case BadgeState.Verified:
      case BadgeState.Preview: {
        const college = index?.college(member!.college);
        const preview = state === BadgeState.Preview;
        // The link's name is its visible text, framed by words for screen readers only (WCAG 2.5.3).
        return html`<a
          part="base"
          class="badge badge--${state} badge--${this.variant}"
          href=${profileUrl(index!.feed, member!)}
          target="_blank"
          rel="noopener"
          title=${preview ? t.previewNote : t.signed(formatIsoDate(this.#verification.signedAt!.slice(0, 10), this.language))}
          ><span class="sr-only">${t.linkBefore(member!.name)}</span>
          ${this.#body(t.memberOf, college && localized(college.name, this.language), check, preview ? t.preview : undefined)}
          <span class="sr-only">${t.linkAfter}</span></a
        >`;
      }
      case BadgeState.Loading:
        return html`<div part="base" class="badge badge--loading badge--${this.variant}" aria-busy="true">
          ${this.#body(t.memberOf, t.checking)}
        </div>`;
      default: {
        const [title, note] = this.#problem(state, member);
        return html`<div part="base" class="badge badge--invalid badge--${state} badge--${this.variant}" role="note">
          ${this.#body(title, note, state === BadgeState.Unchecked ? undefined : cross)}
        </div>`;
      }
    }
  }

  #problem(state: BadgeState, member: Member | undefined): [string, string] {
    const t = messages(this.language);
    const name = member?.name ?? this.member;
    switch (state) {
      case BadgeState.Lapsed:
        return [t.lapsed, t.lapsedNote(name, formatIsoDate(member!.validUntil!, this.language))];
      case BadgeState.UnknownMember:
        return [t.unknownMember, t.unknownMemberNote];
      case BadgeState.Error:
        return [t.error, t.errorNote];
      case BadgeState.Unchecked:
        return [t.unchecked, t.uncheckedNote];
      default:
        return [t.unverified, t.unverifiedNote(name)];
    }
  }

  #body(eyebrow: string, detail: string | undefined, icon?: unknown, tag?: string): TemplateResult {
    return html`<span part="mark" class="badge__mark">${clusterMark}</span>
      <span class="badge__text">
        <span part="label" class="badge__label"
          ><span class="badge__eyebrow">${eyebrow}</span> <span class="badge__name">FrenchSouth.digital</span></span
        >
        ${detail && this.variant === 'full' ? html`<span part="detail" class="badge__detail">${detail}</span>` : nothing}
      </span>
      ${tag ? html`<span class="badge__tag">${tag}</span>` : nothing}
      ${icon ? html`<span part="status" class="badge__status">${icon}</span>` : nothing}`;
  }
}
