import { fixture, oneEvent } from '@open-wc/testing';
import type { FsdMemberDirectory } from '../../src/fsd-member-directory.js';
import '../../src/fsd-member-directory.js';
import { captureConsole, sampleMemberFeed, serveFeed, until } from '../../../../test/helpers/feeds.js';

export type Feed = Awaited<ReturnType<typeof sampleMemberFeed>>;

/** A member entry for hand-made feeds. */
export function member(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: id,
    domains: [`${id}.example.com`],
    college: 'smart-software',
    city: 'Montpellier',
    description: { fr: `Description de ${id}.`, en: `About ${id}.` },
    website: `https://www.${id}.example.com/`,
    memberSince: '2020-01-01',
    ...fields,
  };
}

/** The sample feed with other members in place of its own. */
export async function feedWith(members: Record<string, unknown>[]): Promise<Feed> {
  return { ...(await sampleMemberFeed()), members };
}

/** Resolves once the directory has left its loading state and rendered. */
export async function settled(directory: FsdMemberDirectory): Promise<FsdMemberDirectory> {
  if (directory.state === 'loading') await oneEvent(directory, 'fsd-directory-state');
  await directory.updateComplete;
  return directory;
}

/** A directory on `feed` (the sample feed by default), URL state off unless asked for. */
export async function directoryFor(attributes: Record<string, string> = {}, feed?: unknown): Promise<FsdMemberDirectory> {
  const src = attributes.src ?? (await serveFeed(feed ?? (await sampleMemberFeed())));
  const element = document.createElement('fsd-member-directory');
  for (const [name, value] of Object.entries({ 'url-state': 'none', ...attributes, src })) element.setAttribute(name, value);
  const { result } = await captureConsole('warn', async () => settled(await fixture<FsdMemberDirectory>(element)));
  return result;
}

export const shadow = (d: FsdMemberDirectory) => d.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(d: FsdMemberDirectory, selector: string) => shadow(d).querySelector<T>(selector)!;
export const $$ = <T extends Element = HTMLElement>(d: FsdMemberDirectory, selector: string) => [...shadow(d).querySelectorAll<T>(selector)];

/** The names on the cards shown, in order. */
export const names = (d: FsdMemberDirectory) => $$(d, '[part~="card"] .card__name').map((n) => n.textContent!.trim());
export const countText = (d: FsdMemberDirectory) => $(d, '.dir__count').textContent!.trim();
export const searchInput = (d: FsdMemberDirectory) => $<HTMLInputElement>(d, '[part~="search"]');

/** Types into the search box as a visitor would (the input event), then waits for the render. */
export async function search(d: FsdMemberDirectory, text: string): Promise<void> {
  const input = searchInput(d);
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await d.updateComplete;
}

/** The facet checkbox whose label reads `label`, in the facet titled `facet`. */
export function facetBox(d: FsdMemberDirectory, facet: string, label: string): HTMLInputElement {
  const fieldset = $$(d, 'fieldset.facet').find((f) => f.querySelector('legend')!.textContent!.trim() === facet);
  if (!fieldset) throw new Error(`no facet "${facet}"`);
  const value = [...fieldset.querySelectorAll('.facet__value')].find((v) => v.querySelector('.facet__label')!.textContent!.trim() === label);
  if (!value) throw new Error(`no value "${label}" in facet "${facet}"`);
  return value.querySelector('input')!;
}

/** Each value of a facet with its count: `{ Montpellier: 7, … }`. */
export function facetCounts(d: FsdMemberDirectory, facet: string): Record<string, number> {
  const fieldset = $$(d, 'fieldset.facet').find((f) => f.querySelector('legend')!.textContent!.trim() === facet);
  if (!fieldset) return {};
  return Object.fromEntries(
    [...fieldset.querySelectorAll('.facet__value')].map((v) => [
      v.querySelector('.facet__label')!.textContent!.trim(),
      Number(v.querySelector('.facet__count')!.textContent!.replace(/\D/g, '')),
    ]),
  );
}

export async function toggle(d: FsdMemberDirectory, facet: string, label: string): Promise<void> {
  facetBox(d, facet, label).click();
  await d.updateComplete;
}

export { until };
