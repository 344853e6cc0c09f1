// A page that reads one feed as a fresh visit would, and tells its parent every state it went through.
import { loadFeed, memberFeedParser, watchFeed, type FeedState, type MemberFeed } from '@frenchsouth-digital/feed';

const src = new URLSearchParams(location.search).get('src')!;
const statuses: string[] = [];
const sources: string[] = [];
const stale: boolean[] = [];
const members: string[][] = [];
const record = (state: FeedState<MemberFeed>) => {
  statuses.push(state.status);
  if (state.status === 'ready') {
    sources.push(state.source);
    stale.push(state.stale);
    members.push(state.data.members.map((m) => m.id));
  }
};
const stop = watchFeed(src, memberFeedParser, record);
await loadFeed(src, memberFeedParser);
stop();
parent.postMessage({ type: 'fsd-visit-done', statuses, sources, stale, members }, '*');
