/**
 * The background of the extension: a service worker in Chrome, an event page in Firefox. Every listener is
 * registered at the top level (the worker may start for any event); state lives in storage, never only in memory.
 *
 * - keeps the member registries: seeds the bundled snapshot, refreshes on an alarm (created only if missing), and
 *   checks members' domains against the whole Public Suffix List (`listedMemberFeedParser`);
 * - shows on the toolbar, tab by tab, whether the tab's site belongs to a member;
 * - answers the annotation content script's host lookups, and registers it for the sites the user enabled.
 */
import {
  configureFeedClient,
  DEFAULT_EVENT_FEED_URL,
  DEFAULT_MEMBER_FEED_URL,
  eventFeedParser,
  lastFeedError,
  readStoredFeed,
  refreshFeed,
  seedFeed,
  trustFeedKeys,
  type FeedParser,
} from '@frenchsouth-digital/feed';
import { listedMemberFeedParser } from '@frenchsouth-digital/feed/listed-member-feed';
import browser, { type Runtime } from './lib/browser.js';
import { ANNOTATE_SCRIPT, syncContentScripts } from './lib/annotation.js';
import { LOG } from './lib/log.js';
import { MAX_LOOKUP_HOSTS, dispatch, type LinkMember, type LookupAnswer, type MessageHandlers } from './lib/protocol.js';
import { getRefreshLog, setRefreshLog, type RefreshLog, type RefreshResult } from './lib/refresh-log.js';
import { Registries } from './lib/registries.js';
import { ALL_SITES, ANNOTATION_SETTINGS, annotationWanted, getSettings, pageHost, sitePattern, uiLanguage } from './lib/settings.js';
import { messages } from './ui/extension.messages.js';

// A registry is trusted for its own origin only: a redirect of its feed elsewhere (or from https to http) is
// refused, the copy held kept (packages/feed/src/options.ts).
configureFeedClient({ redirects: 'same-origin' });

const REFRESH_ALARM = 'fsd-refresh-registries';
/** How often the registries are refreshed: the feeds change a few times a month. */
const REFRESH_MINUTES = 6 * 60;
/** Snapshots of the cluster's feeds shipped with the extension (packaged files, not network requests). */
const SNAPSHOTS: [string, string, FeedParser<unknown>][] = [
  ['snapshot/members.json', DEFAULT_MEMBER_FEED_URL, listedMemberFeedParser as FeedParser<unknown>],
  ['snapshot/events.json', DEFAULT_EVENT_FEED_URL, eventFeedParser as FeedParser<unknown>],
];

/** Puts the bundled snapshots in place where no newer copy is held: the extension works from its first second, and offline. */
async function seedSnapshots(): Promise<void> {
  // Once per version of the extension: the worker starts often, and the copies held stay in IndexedDB.
  const { version } = browser.runtime.getManifest();
  const { snapshotsSeeded } = await browser.storage.local.get('snapshotsSeeded');
  if (snapshotsSeeded === version) return;
  for (const [file, url, parser] of SNAPSHOTS) {
    try {
      const response = await fetch(browser.runtime.getURL(file));
      await seedFeed(url, parser, await response.json());
    } catch (error) {
      console.error(`${LOG} the bundled snapshot ${file} could not be read`, error);
      return;
    }
  }
  await browser.storage.local.set({ snapshotsSeeded: version });
}
const seeded = seedSnapshots();

let registries: Promise<Registries> | undefined;
/** The subscribed registries as stored; read once per worker life, again after each refresh or change. */
function currentRegistries(): Promise<Registries> {
  registries ??= seeded.then(getSettings).then((settings) => Registries.read(settings.registries, settings.registryKeys));
  return registries;
}

async function ensureAlarm(): Promise<void> {
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (!existing) browser.alarms.create(REFRESH_ALARM, { delayInMinutes: 1, periodInMinutes: REFRESH_MINUTES });
}

/** Refreshes every subscribed registry (conditional requests; a bad or older feed never replaces the copy held). */
async function refreshAll(): Promise<RefreshLog> {
  await seeded;
  const settings = await getSettings();
  const log = await getRefreshLog();
  const feeds: [string, FeedParser<unknown>][] = [
    ...settings.registries.map((url): [string, FeedParser<unknown>] => [url, listedMemberFeedParser as FeedParser<unknown>]),
    ...settings.eventFeeds.map((url): [string, FeedParser<unknown>] => [url, eventFeedParser as FeedParser<unknown>]),
  ];
  for (const [url, parser] of feeds) {
    // A registry added with its keys is read as signed by one of them, or refused (packages/feed/src/cluster-keys.ts).
    trustFeedKeys(url, settings.registryKeys[url]);
    const before = await readStoredFeed(url, parser);
    const state = await refreshFeed(url, parser);
    const error = lastFeedError(url, parser);
    const result: RefreshResult = { at: Date.now(), ok: !error, outcome: 'unchanged' };
    if (error) {
      result.outcome = error.kind;
      result.message = error.message;
    } else if ((await readStoredFeed(url, parser))?.fingerprint !== before?.fingerprint) {
      result.outcome = 'updated';
    }
    const members = state.status === 'ready' ? (state.data as { members?: unknown[] }).members : undefined;
    if (members) result.members = members.length;
    else if (state.status === 'error' && !error) Object.assign(result, { ok: false, outcome: state.error.kind, message: state.error.message });
    log[url] = result;
  }
  for (const url of Object.keys(log)) if (!feeds.some(([feed]) => feed === url)) delete log[url];
  await setRefreshLog(log);
  registries = undefined;
  await showAllTabs();
  return log;
}

/** The toolbar for one tab: the badge and title when its site belongs to a member, nothing otherwise. */
async function showTab(tabId: number, url: string | undefined): Promise<void> {
  const host = pageHost(url);
  const match = host ? (await currentRegistries()).byHost(host) : undefined;
  const text = messages(uiLanguage(await getSettings()));
  try {
    if (match && !match.lapsed) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#0b5a87' });
      await browser.action.setBadgeText({ tabId, text: '✓' });
      await browser.action.setTitle({ tabId, title: text.toolbarMember(match.member.name, match.registry.name) });
    } else {
      await browser.action.setBadgeText({ tabId, text: '' });
      await browser.action.setTitle({ tabId, title: text.toolbarDefault });
    }
  } catch {
    // The tab closed meanwhile.
  }
}

async function showAllTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : showTab(tab.id, tab.url))));
}

async function lookupHosts(hosts: unknown): Promise<LookupAnswer> {
  const members: Record<string, LinkMember> = {};
  if (!Array.isArray(hosts)) return { members };
  const index = await currentRegistries();
  for (const host of hosts.slice(0, MAX_LOOKUP_HOSTS)) {
    if (typeof host !== 'string') continue;
    const match = index.byHost(host);
    if (match && !match.lapsed) members[host] = { id: match.member.id, name: match.member.name, registry: match.registry.name };
  }
  return { members };
}

/** Runs the annotation script at once in open tabs whose site was just enabled (the registered script covers the next pages). */
async function annotateOpenTabs(): Promise<void> {
  const settings = await getSettings();
  for (const tab of await browser.tabs.query({})) {
    const host = pageHost(tab.url);
    if (tab.id === undefined || !host || !annotationWanted(settings, host)) continue;
    const origins = settings.annotateAll ? [ALL_SITES] : [sitePattern(host)];
    if (await browser.permissions.contains({ origins })) await annotateTab(tab.id).catch(() => {});
  }
}

async function annotateTab(tabId: unknown): Promise<void> {
  if (typeof tabId !== 'number' || !Number.isInteger(tabId)) throw new TypeError('annotate-tab: not a tab id');
  await browser.scripting.executeScript({ target: { tabId }, files: [ANNOTATE_SCRIPT] });
}

/** The answer to each message of the extension's parts (lib/protocol.ts); every payload is checked here. */
const handlers: MessageHandlers = {
  'lookup-hosts': ({ hosts }) => lookupHosts(hosts),
  refresh: () => refreshAll(),
  'annotate-tab': ({ tabId }) => annotateTab(tabId),
};

async function setUp(firstRun: boolean): Promise<void> {
  await seeded;
  await ensureAlarm();
  await syncContentScripts();
  await showAllTabs();
  if (firstRun) await refreshAll();
}

browser.runtime.onInstalled.addListener(() => void setUp(true));
browser.runtime.onStartup.addListener(() => void setUp(false));
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REFRESH_ALARM) void refreshAll();
});
browser.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.url !== undefined || change.status === 'loading') void showTab(tabId, tab.url);
});
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Only the extension's own pages and content scripts can reach this listener (no externally_connectable).
  if (sender.id !== browser.runtime.id) return undefined;
  return dispatch(handlers, message, sender);
});
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if (changes.registries || changes.registryKeys || changes.eventFeeds) {
    registries = undefined;
    void refreshAll();
  }
  if (changes.language) void showAllTabs();
  // Turned on again from the options page (an exception removed, say): the open pages of those sites are marked again
  // at once, as from the popup; a page where the script still runs ignores the second injection.
  if (ANNOTATION_SETTINGS.some((key) => key in changes)) void syncContentScripts().then(annotateOpenTabs);
});
browser.permissions.onAdded.addListener(() => void syncContentScripts().then(annotateOpenTabs));
browser.permissions.onRemoved.addListener(() => void syncContentScripts());
void ensureAlarm();
