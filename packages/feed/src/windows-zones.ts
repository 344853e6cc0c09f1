import { WINDOWS_DISPLAY_NAMES, WINDOWS_ZONES } from './windows-zones-data.js';
import { isTimeZone } from './zoned-time.js';

/**
 * The IANA zone a TZID stands for, as calendar programs write them: an IANA name (`Europe/Paris`); a Windows name
 * (`W. Europe Standard Time`, Outlook and Exchange) or a Windows display name (`(UTC+01:00) Brussels, Copenhagen,
 * Madrid, Paris`), mapped with CLDR's windowsZones; an IANA name behind a prefix (`/mozilla.org/20050126_1/Europe/Paris`,
 * Thunderbird and Lightning). Quotes and spaces around the name are ignored. `undefined` for any other name.
 */
export function ianaZone(tzid: string | undefined): string | undefined {
  if (!tzid) return undefined;
  // Asked for every occurrence's start and end while a calendar expands: each TZID is worked out once.
  if (!resolved.has(tzid)) resolved.set(tzid, resolve(tzid));
  return resolved.get(tzid);
}

const resolved = new Map<string, string | undefined>();

function resolve(tzid: string): string | undefined {
  const name = tzid.trim().replace(/^["']+|["']+$/g, '').trim();
  if (!name) return undefined;
  if (isTimeZone(name)) return name;
  const windows = WINDOWS_ZONES[name] ?? WINDOWS_ZONES[WINDOWS_DISPLAY_NAMES[name] ?? ''];
  if (windows && isTimeZone(windows)) return windows;
  const tail = /(?:^|\/)([A-Z][A-Za-z_-]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?)$/.exec(name)?.[1];
  return tail && isTimeZone(tail) ? tail : undefined;
}
