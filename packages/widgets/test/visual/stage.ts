// What the visual tests share: the widths and themes pictured, the stage each picture is taken of, and how to wait
// until a picture cannot change any more. See README.md in this folder.
import './fixed-clock.js';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { putFeed } from '../../../../test/helpers/feeds.js';
import { putSignedFeed, testKey, type TestKey } from '../../../../test/helpers/signing.js';
import { FIXED_NOW } from './fixed-clock.js';

/** The container widths pictured (CSS pixels): a phone's column, a tablet's, a desktop page's. */
export const WIDTHS = [280, 768, 1280] as const;
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The page's background behind a widget of each theme: the widgets' own surface colours (tokens.styles.ts). */
export const PAGE_BACKGROUND: Record<Theme, string> = { light: '#ffffff', dark: '#14212c' };
/** Around the container, so that borders and outlines at its edges are in the picture. */
export const MARGIN = 16;
/** The viewport's height when a picture holds a modal dialog (the dialog is placed in the viewport). */
export const DIALOG_VIEWPORT_HEIGHT = 800;
const MIN_VIEWPORT_HEIGHT = 600;

let prepared = false;
/** Once per page: no motion, the light system scheme (the widgets' `theme` attribute decides), no page margin. */
async function preparePage(): Promise<void> {
  if (prepared) return;
  prepared = true;
  await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  const style = document.createElement('style');
  style.textContent = `
    html, body { margin: 0; padding: 0; }
    .visual-stage { box-sizing: content-box; padding: ${MARGIN}px; overflow: hidden; }
  `;
  document.head.append(style);
}

export interface Stage {
  /** The element pictured: the container and the margin around it, on the page's background. */
  element: HTMLElement;
  /** The container of the given width the widget goes in. */
  container: HTMLElement;
}

/**
 * A fresh stage (the previous one removed) holding a container `width` px wide on the `theme`'s page background, in
 * a viewport just wide enough. With `dialog`, the stage fills a viewport of {@link DIALOG_VIEWPORT_HEIGHT} px, so
 * that a modal dialog, placed in the viewport, is in the picture.
 */
export async function stage(width: number, theme: Theme, { dialog = false } = {}): Promise<Stage> {
  await preparePage();
  document.querySelectorAll('.visual-stage').forEach((old) => old.remove());
  await setViewport({ width: width + 2 * MARGIN, height: dialog ? DIALOG_VIEWPORT_HEIGHT : MIN_VIEWPORT_HEIGHT });
  document.documentElement.style.background = PAGE_BACKGROUND[theme];
  const element = document.createElement('div');
  element.className = 'visual-stage';
  element.style.background = PAGE_BACKGROUND[theme];
  if (dialog) element.style.height = `${DIALOG_VIEWPORT_HEIGHT - 2 * MARGIN}px`;
  const container = document.createElement('div');
  container.style.width = `${width}px`;
  element.append(container);
  document.body.append(element);
  return { element, container };
}

/** Resolves after `count` frames have been rendered. */
export async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Resolves once `predicate` holds, checked at each frame; rejects after `timeout` ms saying what it waited for. */
export async function until(predicate: () => boolean, what: string, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await frames(1);
  }
}

/** Every image in `root` and in the open shadow roots under it. */
function images(root: ParentNode): HTMLImageElement[] {
  const found = [...root.querySelectorAll('img')];
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...images(element.shadowRoot));
  return found;
}

/**
 * Pictures `shot.element` as `name` (baseline/NAME.png) once it is still: the widgets' updates done (those of a
 * resize observer's frame too), a viewport tall enough for the whole stage (a dialog's stage has its own height), the
 * fonts and images loaded (lazy images load once in the viewport), two more frames drawn.
 */
export async function picture(shot: Stage, name: string, widgets: { updateComplete: Promise<unknown> }[] = []): Promise<void> {
  const updated = async () => {
    await Promise.all(widgets.map((widget) => widget.updateComplete));
    await frames(2);
    await Promise.all(widgets.map((widget) => widget.updateComplete));
  };
  await updated();
  const box = shot.element.getBoundingClientRect();
  if (!shot.element.style.height && box.height > MIN_VIEWPORT_HEIGHT) {
    await setViewport({ width: Math.ceil(box.width), height: Math.ceil(box.height) });
    await updated();
  }
  await document.fonts.ready;
  await until(() => images(shot.element).every((image) => image.complete), 'the images to load');
  await frames(2);
  await visualDiff(shot.element, name);
}

/** A test feed name no other run or page uses (the browser's cache of feeds outlives a page, not a run). */
export const feedName = (prefix: string) => `visual-${prefix}-${crypto.randomUUID()}`;

let key: TestKey | undefined;
/** The run's signing key, trusted as the cluster's in this page. */
export async function clusterKey(): Promise<TestKey> {
  return (key ??= await testKey());
}

/**
 * Serves `feed` signed by the cluster's (test) key, as the widgets read the cluster's feeds: signed on 20 November
 * 2026, valid 30 days after the fixed now. Resolves with its URL.
 */
export async function signedFeed(prefix: string, feed: Record<string, unknown>, signer?: TestKey): Promise<string> {
  const body = { ...feed, updated: '2026-11-20T09:00:00+01:00', expires: new Date(FIXED_NOW + 30 * 86_400_000).toISOString() };
  return putSignedFeed(feedName(prefix), body, signer ?? (await clusterKey()));
}

export { putFeed };
