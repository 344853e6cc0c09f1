/** What only Node does: files in and out, member calendars over HTTP (with a timeout), the embed bundles. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bundles } from './hosting.js';

/** A calendar's text, or why it could not be had. */
export type Fetched = { ok: true; text: string; url: string; contentType?: string } | { ok: false; reason: 'timeout' | 'http' | 'network' | 'missing-file' | 'bad-url'; status?: number; detail?: string };

/**
 * A member's calendar: an http(s) or webcal:// URL, fetched with a timeout (so that one slow server cannot hold the
 * publish), or a local `.ics` (a `file:` URL, or a path relative to the member sheet's folder: for examples and tests).
 */
export async function fetchCalendar(value: string, sheetDir: string, timeoutMs: number): Promise<Fetched> {
  const trimmed = value.trim();
  let path: string | undefined;
  if (/^webcals?:\/\//i.test(trimmed) || /^https?:\/\//i.test(trimmed)) {
    const url = trimmed.replace(/^webcals?:/i, 'https:');
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { Accept: 'text/calendar, */*;q=0.5' }, redirect: 'follow' });
      if (!response.ok) return { ok: false, reason: 'http', status: response.status };
      const text = await response.text();
      const contentType = response.headers.get('content-type') ?? undefined;
      return contentType ? { ok: true, text, url: response.url || url, contentType } : { ok: true, text, url: response.url || url };
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, reason: 'timeout' };
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { ok: false, reason: 'network', detail: cause?.code ?? cause?.message ?? (error as Error).message };
    }
  }
  if (/^file:\/\//i.test(trimmed)) {
    try {
      path = fileURLToPath(trimmed);
    } catch {
      return { ok: false, reason: 'bad-url' };
    }
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[a-z]:[\\/]/i.test(trimmed)) {
    return { ok: false, reason: 'bad-url' };
  } else {
    path = isAbsolute(trimmed) ? trimmed : resolve(sheetDir, trimmed);
  }
  if (!existsSync(path) || !statSync(path).isFile()) return { ok: false, reason: 'missing-file' };
  return { ok: true, text: readFileSync(path, 'utf8'), url: `file://${path}` };
}

const sha = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

/**
 * The built embed bundles (`packages/widgets/dist`): each entry under its stable name and under a content-hashed one
 * (`fsd-widgets.1a2b3c4d.js`); chunks keep rollup's names, which already carry a hash of their content.
 */
export function loadBundles(dist: string): { files: Map<string, Uint8Array>; bundles: Bundles } | undefined {
  if (!existsSync(dist)) return undefined;
  const files = new Map<string, Uint8Array>();
  const bundles: Bundles = { stable: [], hashed: [] };
  const entries = readdirSync(dist).filter((name) => name.endsWith('.js')).sort();
  if (!entries.length) return undefined;
  for (const name of entries) {
    const content = readFileSync(join(dist, name));
    const hashed = `${name.replace(/\.js$/, '')}.${sha(content).slice(0, 8)}.js`;
    files.set(name, content);
    files.set(hashed, content);
    bundles.stable.push(name);
    bundles.hashed.push(hashed);
    if (existsSync(join(dist, `${name}.map`))) files.set(`${name}.map`, readFileSync(join(dist, `${name}.map`)));
  }
  const chunks = join(dist, 'chunks');
  if (existsSync(chunks)) for (const name of readdirSync(chunks).sort()) files.set(`chunks/${name}`, readFileSync(join(chunks, name)));
  return { files, bundles };
}

const MANIFEST = '.fsd-publish.json';

export interface WriteResult {
  written: string[];
  unchanged: number;
  removed: string[];
}

/**
 * Writes the site into `out`, comparing bytes first: a file whose content did not change is not touched (its
 * modification time, hence its ETag on most hosts, stays). Files of the previous publish that are no longer part of
 * the site (a member who left) are removed; the list lives in `.fsd-publish.json`, so nothing else in `out` is.
 */
export function writeSite(out: string, files: Map<string, string | Uint8Array>): WriteResult {
  const result: WriteResult = { written: [], unchanged: 0, removed: [] };
  const all = new Map(files);
  all.set(MANIFEST, `${JSON.stringify({ files: [...files.keys()].sort() }, null, 2)}\n`);
  let previous: string[];
  try {
    previous = (JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { files?: string[] }).files ?? [];
  } catch {
    previous = [];
  }
  const folders = new Set<string>();
  for (const path of [...all.keys()].sort()) {
    const content = all.get(path)!;
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    const target = join(out, path);
    try {
      if (readFileSync(target).equals(bytes)) {
        result.unchanged++;
        continue;
      }
    } catch {
      // not there yet
    }
    const folder = dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(target, bytes);
    result.written.push(path);
  }
  for (const path of previous) {
    if (all.has(path) || path.includes('..') || isAbsolute(path)) continue;
    rmSync(join(out, path), { force: true });
    result.removed.push(path);
  }
  return result;
}

/** The newest modification time of files, as an ISO date-time to the second. */
export function newestModification(paths: string[]): string | undefined {
  const times = paths.filter((p) => existsSync(p)).map((p) => statSync(p).mtimeMs);
  if (!times.length) return undefined;
  return new Date(Math.floor(Math.max(...times) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** A logo given as a file next to the sheet: its content and the name it is published under. */
export function localLogo(value: string, sheetDir: string, id: string): { path: string; content: Uint8Array } | undefined {
  const path = /^file:\/\//i.test(value) ? fileURLToPath(value) : resolve(sheetDir, value);
  if (!existsSync(path) || !statSync(path).isFile()) return undefined;
  const extension = /\.(svg|png|jpe?g|webp|gif)$/i.exec(basename(path))?.[0]?.toLowerCase();
  if (!extension) return undefined;
  return { path: `logos/${id}${extension}`, content: readFileSync(path) };
}
