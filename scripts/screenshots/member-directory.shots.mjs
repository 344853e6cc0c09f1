// The member directory in the local newspaper's article: wide (the article column), narrow (a phone), and a profile
// open from a deep link.
const settled = (page) =>
  page.waitForFunction(() => [...document.querySelectorAll('fsd-member-directory')].every((d) => ['ready', 'empty'].includes(d.getAttribute('state'))));

/** Waits until the logos on show have loaded or fallen back to initials. */
const logosDone = (page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('fsd-member-directory')].every((d) => [...d.shadowRoot.querySelectorAll('img')].every((img) => img.complete)),
  );

export default async function ({ browser, origin, shoot }) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1000, deviceScaleFactor: 1 });
  await page.goto(`${origin}/local-media/?fsd-q=montpellier`, { waitUntil: 'load' });
  await settled(page);
  await logosDone(page);
  await shoot(await page.$('fsd-member-directory'), 'directory-wide');

  // Tall enough for every card, so that lazy logos load.
  await page.setViewport({ width: 360, height: 3000, deviceScaleFactor: 1 });
  await page.goto(`${origin}/local-media/`, { waitUntil: 'load' });
  await settled(page);
  await logosDone(page);
  await shoot(await page.$('fsd-member-directory'), 'directory-narrow');

  await page.setViewport({ width: 1000, height: 700, deviceScaleFactor: 1 });
  await page.goto(`${origin}/local-media/?fsd-member=studio-garrigue`, { waitUntil: 'load' });
  await settled(page);
  await page.waitForFunction(() => document.querySelector('fsd-member-directory').shadowRoot.querySelector('dialog').open);
  await logosDone(page);
  await shoot(page, 'directory-profile');
  await page.close();
}
