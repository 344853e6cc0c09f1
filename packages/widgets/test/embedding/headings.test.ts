import { expect, fixture } from '@open-wc/testing';
import type { AxeResults, RunOptions } from 'axe-core';
import type { FsdEventCalendar, FsdMemberDirectory } from '../../src/fsd-widgets.js';
import '../../src/fsd-widgets.js';
import { captureConsole, sampleEventFeed, sampleMemberFeed, serveFeed, until } from '../../../../test/helpers/feeds.js';

let memberFeed: string;
let eventFeed: string;
before(async () => {
  memberFeed = await serveFeed(await sampleMemberFeed());
  eventFeed = await serveFeed(await sampleEventFeed());
  // @ts-expect-error axe.min.js has no types of its own (they come with 'axe-core'); it registers window.axe
  await import('axe-core/axe.min.js');
});

/** axe's rules on `element` (all of them by default), as the page's own audit would run them. */
async function violations(element: Element, rules?: string[]): Promise<string[]> {
  const axe = (window as unknown as { axe: { run(context: Element, options: RunOptions): Promise<AxeResults> } }).axe;
  const results = await axe.run(element, rules ? { runOnly: { type: 'rule', values: rules } } : {});
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The page's outline as a screen reader lists it, into shadow roots: `h1 Article`, `h2 Décembre 2026`… */
function outline(root: Element): string[] {
  const found: string[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      if (/^H[1-6]$/.test(child.tagName) && child.checkVisibility()) found.push(`${child.tagName.toLowerCase()} ${child.textContent!.replace(/\s+/g, ' ').trim()}`);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** An article whose only heading is its `<h1>`, holding `widget`. */
async function article(widget: HTMLElement): Promise<HTMLElement> {
  const page = await fixture<HTMLElement>(document.createRange().createContextualFragment('<article><h1>Le numérique à Montpellier</h1><p>Texte de l’article.</p></article>').firstElementChild as HTMLElement);
  page.append(widget);
  return page;
}

function element<T extends HTMLElement>(tag: string, attributes: Record<string, string>): T {
  const widget = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
  return widget;
}

async function calendarIn(attributes: Record<string, string>): Promise<[HTMLElement, FsdEventCalendar]> {
  const calendar = element<FsdEventCalendar>('fsd-event-calendar', { src: eventFeed, date: '2026-12-01', 'time-zone': 'Europe/Paris', ...attributes });
  const page = await article(calendar);
  await until(() => calendar.state !== 'loading', 8000, 'the calendar to settle');
  await calendar.updateComplete;
  return [page, calendar];
}

async function directoryIn(attributes: Record<string, string>): Promise<[HTMLElement, FsdMemberDirectory]> {
  const directory = element<FsdMemberDirectory>('fsd-member-directory', { src: memberFeed, 'url-state': 'none', ...attributes });
  const page = await article(directory);
  await until(() => directory.state !== 'loading', 5000, 'the directory to settle');
  await directory.updateComplete;
  return [page, directory];
}

describe('heading-level: widgets fit the outline of the page they are in', () => {
  it('the directory under an <h1> alone breaks the heading order with its default, and keeps it with heading-level="2"', async () => {
    const [page] = await directoryIn({});
    expect(outline(page)[0]).to.equal('h1 Le numérique à Montpellier');
    expect(outline(page)[1]).to.match(/^h3 /);
    expect(await violations(page, ['heading-order'])).to.have.length(1);

    const [fitted, directory] = await directoryIn({ 'heading-level': '2' });
    expect(outline(fitted).slice(1).every((line) => line.startsWith('h2 '))).to.equal(true);
    expect(await violations(fitted)).to.deep.equal([]);
    // The open profile names its member at the cards' level.
    directory.shadowRoot!.querySelector<HTMLButtonElement>('[data-member="kaliop"] .card__open')!.click();
    const dialog = directory.shadowRoot!.querySelector('dialog')!;
    await until(() => dialog.open && Boolean(dialog.querySelector('.profile__name')), 3000, 'the profile to open');
    expect(dialog.querySelector('.profile__name')!.tagName).to.equal('H2');
    expect(await violations(fitted)).to.deep.equal([]);
  });

  it('the calendar takes its title’s level, with its days and its dialog’s parts one below, in every view', async () => {
    for (const view of ['month', 'list', 'next']) {
      const [page, calendar] = await calendarIn({ view, 'heading-level': '2' });
      const levels = outline(page).map((line) => line.slice(0, 2));
      expect(levels[0]).to.equal('h1');
      expect(levels[1], view).to.equal('h2');
      expect(levels.slice(2).every((level) => level === 'h3'), `${view}: ${levels.join(' ')}`).to.equal(true);
      expect(await violations(page), view).to.deep.equal([]);
      calendar.remove();
    }
    // Under a page's <h2> section, heading-level="3".
    const [page, calendar] = await calendarIn({ view: 'list', 'heading-level': '3' });
    const section = document.createElement('section');
    section.innerHTML = '<h2>Agenda</h2>';
    page.append(section);
    section.append(calendar);
    await calendar.updateComplete;
    expect(outline(page).map((line) => line.slice(0, 2)).slice(0, 4)).to.deep.equal(['h1', 'h2', 'h3', 'h4']);
    calendar.shadowRoot!.querySelector<HTMLButtonElement>('[part~="event"]')!.click();
    await until(() => Boolean(calendar.shadowRoot!.querySelector('dialog')?.open), 3000, 'the event dialog to open');
    const open = calendar.shadowRoot!.querySelector('dialog')!;
    expect([open.querySelector('.dialog__title')!.tagName, open.querySelector('.dialog__subtitle')!.tagName]).to.deep.equal(['H3', 'H4']);
    expect(await violations(page)).to.deep.equal([]);
  });

  it('warns about a level that is not 1 to 6, and keeps its default', async () => {
    for (const value of ['0', '7', 'deux', '2.5']) {
      const { result, messages } = await captureConsole('warn', () => directoryIn({ 'heading-level': value }));
      const [page] = result;
      expect(messages, value).to.include(`[FrenchSouth.digital] <fsd-member-directory>: heading-level="${value}" is not a level from 1 to 6; using 3`);
      expect(outline(page)[1], value).to.match(/^h3 /);
    }
  });
});
