// What frameworks do to custom elements, done here by hand in every engine (the real React 19 and Vue 3 builds are in
// test/frameworks.node.test.mjs): a boolean attribute written "false", properties set on an element before its
// definition loads (as attributes of the lowercased property name, React 19's way, or as properties), and a read-only
// property set by a framework that passes every prop.
import { expect, fixture } from '@open-wc/testing';
import { FsdMemberDirectory, type FsdEventCalendar } from '../../src/fsd-widgets.js';
import { captureConsole, sampleEventFeed, sampleMemberFeed, serveFeed, until } from '../../../../test/helpers/feeds.js';

let memberFeed: string;
let eventFeed: string;
before(async () => {
  memberFeed = await serveFeed(await sampleMemberFeed());
  eventFeed = await serveFeed(await sampleEventFeed());
});

let late = 0;
/**
 * An element of a subclass of `base` under a new tag, created and given `prepare` before that tag is defined, then
 * defined: the upgrade a page sees when our script loads after its framework rendered.
 */
async function upgradedLater<T extends HTMLElement>(base: CustomElementConstructor, prepare: (element: HTMLElement) => void): Promise<T> {
  const tag = `fsd-late-${++late}`;
  const element = document.createElement(tag);
  prepare(element);
  const container = await fixture<HTMLElement>(document.createElement('div'));
  container.append(element);
  customElements.define(tag, class extends base {});
  return element as T;
}

const weekColumn = (calendar: HTMLElement) => calendar.shadowRoot!.querySelectorAll('th.week').length;

async function calendar(attributes: string): Promise<FsdEventCalendar> {
  const element = await fixture<FsdEventCalendar>(
    document.createRange().createContextualFragment(`<fsd-event-calendar src="${eventFeed}" date="2026-12-01" time-zone="Europe/Paris" view="month" ${attributes}></fsd-event-calendar>`)
      .firstElementChild as HTMLElement,
  );
  await until(() => element.state !== 'loading', 8000, 'the calendar to settle');
  await element.updateComplete;
  return element;
}

describe('frameworks: booleans, properties before definition, read-only properties', () => {
  it('reads a boolean attribute written "false" as off, and one present (empty or "true") as on', async () => {
    expect(weekColumn(await calendar('week-numbers="false"'))).to.equal(0);
    expect((await calendar('week-numbers="false"')).weekNumbers).to.equal(false);
    expect(weekColumn(await calendar('week-numbers'))).to.be.greaterThan(4);
    expect(weekColumn(await calendar('week-numbers="true"'))).to.be.greaterThan(4);
    expect(weekColumn(await calendar(''))).to.equal(0);
  });

  it('honours, once defined, the lowercased attributes a framework wrote for properties (pageSize → pagesize)', async () => {
    const directory = await upgradedLater<FsdMemberDirectory>(FsdMemberDirectory, (element) => {
      element.setAttribute('src', memberFeed);
      element.setAttribute('url-state', 'none');
      element.setAttribute('pageSize', '3');
      element.setAttribute('headingLevel', '4');
    });
    await until(() => directory.state === 'ready', 8000, 'the directory to be ready');
    await directory.updateComplete;
    expect(directory.pageSize).to.equal(3);
    expect(directory.shadowRoot!.querySelectorAll('[part~="card"]').length).to.equal(3);
    expect(directory.shadowRoot!.querySelector('[part~="card"] h4')).to.exist;
  });

  it('the proper attribute wins over a lowercased one', async () => {
    const directory = await upgradedLater<FsdMemberDirectory>(FsdMemberDirectory, (element) => {
      element.setAttribute('src', memberFeed);
      element.setAttribute('url-state', 'none');
      element.setAttribute('page-size', '2');
      element.setAttribute('pagesize', '5');
    });
    await until(() => directory.state === 'ready', 8000, 'the directory to be ready');
    expect(directory.pageSize).to.equal(2);
  });

  it('honours properties set on the element before its definition', async () => {
    const directory = await upgradedLater<FsdMemberDirectory>(FsdMemberDirectory, (element) => {
      Object.assign(element, { src: memberFeed, urlState: 'none', pageSize: 2 });
    });
    await until(() => directory.state === 'ready', 8000, 'the directory to be ready');
    await directory.updateComplete;
    expect(directory.shadowRoot!.querySelectorAll('[part~="card"]').length).to.equal(2);
  });

  it('a read-only property set by the page warns, keeps its value and throws nothing', async () => {
    const directory = await fixture<FsdMemberDirectory>(
      document.createRange().createContextualFragment(`<fsd-member-directory src="${memberFeed}" url-state="none" page-size="4"></fsd-member-directory>`)
        .firstElementChild as HTMLElement,
    );
    await until(() => directory.state === 'ready', 8000, 'the directory to be ready');
    const before = directory.results.length;
    const { messages } = await captureConsole('warn', async () => {
      (directory as unknown as { results: unknown }).results = [];
      (directory as unknown as { state: string }).state = 'error';
    });
    expect(directory.results.length).to.equal(before);
    expect(directory.state).to.equal('ready');
    expect(messages).to.deep.equal(['[FrenchSouth.digital] <fsd-member-directory>: results is read-only', '[FrenchSouth.digital] <fsd-member-directory>: state is read-only']);
  });
});
