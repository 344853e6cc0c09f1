// The badge in its variants, themes and states, as a visitor of www.kaliop.com sees it.
export default async function ({ browser, origin, shoot }) {
  const port = new URL(origin).port;
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 900, deviceScaleFactor: 1 });
  await page.goto(`http://www.kaliop.com:${port}/member-site/badges.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => [...document.querySelectorAll('fsd-member-badge')].every((b) => b.getAttribute('state') !== 'loading' && b.getAttribute('state')));
  for (const id of ['light', 'dark', 'states']) await shoot(await page.$(`#${id}`), `badge-${id}`);
  await page.goto(`http://www.kaliop.com:${port}/member-site/`, { waitUntil: 'load' });
  await page.waitForFunction(() => [...document.querySelectorAll('fsd-member-badge')].every((b) => b.getAttribute('state') === 'verified'));
  await shoot(page, 'member-site');
  await page.close();
}
