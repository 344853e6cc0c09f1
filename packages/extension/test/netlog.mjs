// Reading back Chromium's NetLog (launchWithExtension(path, { netLog }) in tools/extension.mjs): what the browser
// asked the network for during a whole run.
import { readFileSync } from 'node:fs';

/** Every URL the browser requested, with who asked (`initiator`), from a NetLog file (after the browser closed). */
export function requestedUrls(netLogPath) {
  let text = readFileSync(netLogPath, 'utf8').trim();
  // A NetLog cut short lacks its closing brackets.
  if (!text.endsWith('}')) text = text.replace(/,?\s*$/, '') + ']}';
  const log = JSON.parse(text);
  const types = Object.fromEntries(Object.entries(log.constants.logEventTypes).map(([name, n]) => [n, name]));
  const urls = [];
  for (const event of log.events ?? []) {
    const type = types[event.type];
    if (type === 'URL_REQUEST_START_JOB' && event.params?.url) {
      urls.push({ url: event.params.url, initiator: event.params.initiator, isolation: event.params.network_isolation_key });
    }
  }
  return urls;
}
