// The widgets in both themes side by side, from the examples' themes page (examples/themes.html).
export default async function ({ browser, origin, shoot }) {
  const page = await browser.newPage();
  await page.emulateTimezone('Europe/Paris');
  await page.setViewport({ width: 1000, height: 900, deviceScaleFactor: 1 });
  await page.goto(`${origin}/themes.html`, { waitUntil: 'load' });
  await page.waitForFunction(() =>
    [...document.querySelectorAll('fsd-member-badge, fsd-event-calendar, fsd-member-directory')].every((w) => w.getAttribute('state') && w.getAttribute('state') !== 'loading'),
  );
  await page.evaluate(() => document.fonts.ready);
  await shoot(await page.$('.themes'), 'themes');
  await page.close();
}
