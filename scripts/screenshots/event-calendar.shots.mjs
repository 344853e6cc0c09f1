// The event calendar in its views, wide and narrow, an event's details and a busy day's popover (10 December: the
// Rencontres and Kaliop's three sessions), from the examples' calendar page.
export default async function ({ browser, origin, shoot }) {
  const page = await browser.newPage();
  await page.emulateTimezone('Europe/Paris');
  await page.setViewport({ width: 1100, height: 1000, deviceScaleFactor: 1 });
  await page.goto(`${origin}/calendar/`, { waitUntil: 'load' });
  await page.waitForFunction(() => [...document.querySelectorAll('fsd-event-calendar')].every((c) => c.getAttribute('state') && c.getAttribute('state') !== 'loading'));
  // The narrow calendar without a view switches to the list on the next frame.
  await page.waitForFunction(() => !!document.querySelectorAll('#narrow fsd-event-calendar')[1].shadowRoot.querySelector('.agenda'));
  for (const id of ['month', 'list', 'narrow']) await shoot(await page.$(`#${id}`), `calendar-${id}`);
  const calendar = await page.$('#month fsd-event-calendar');
  await page.evaluate((c) => c.shadowRoot.querySelector('[data-day="2026-12-03"] [part~="event"]').click(), calendar);
  await page.waitForFunction((c) => c.shadowRoot.querySelector('dialog')?.open, {}, calendar);
  await shoot(page, 'calendar-dialog');
  await page.keyboard.press('Escape');
  await page.waitForFunction((c) => !c.shadowRoot.querySelector('dialog')?.open, {}, calendar);
  await page.evaluate((c) => c.shadowRoot.querySelector('[data-day="2026-12-10"] .more').click(), calendar);
  await page.waitForFunction((c) => !!c.shadowRoot.querySelector('.popover:popover-open'), {}, calendar);
  await shoot(await page.$('#month'), 'calendar-popover');
  await page.close();
}
