// A real browser (Debian's Chromium through playwright-core): sign in through
// the login form, see the staff home, sign out through the header button; on a
// desktop and on a phone-sized screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SCREENS, launchBrowser, watch } from './browser.mjs';
import { BASE_URL, adminPassword } from './lib.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
});

async function signInAndOut(context, { screenshot, staffScreenshot } = {}) {
  const page = await context.newPage();
  const problems = watch(page);
  const res = await page.goto(`${BASE_URL}/login`);
  assert.equal(res.status(), 200);
  await page.fill('#username', 'admin');
  await page.fill('#password', adminPassword());
  if (screenshot) await page.screenshot({ path: path.join(SCREENS, screenshot), fullPage: true });

  const [nav] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: '登录' }).click(),
  ]);
  assert.ok(nav, 'no navigation after clicking the login button');
  const body = await page.textContent('body');
  assert.equal(new URL(page.url()).pathname, '/staff',
    `after login the browser is at ${page.url()} (status ${nav.status()}): ${body.replace(/\s+/g, ' ').slice(0, 300)}`);
  assert.equal(nav.status(), 200);
  const welcome = await page.textContent('#staff-home');
  assert.match(welcome, /欢迎/);
  assert.equal((await page.textContent('.user-name')).trim(), '系统管理员');
  if (staffScreenshot) await page.screenshot({ path: path.join(SCREENS, staffScreenshot), fullPage: true });
  const cookies = await context.cookies();
  const sid = cookies.find((c) => c.name === 'sid');
  assert.ok(sid, 'no sid cookie in the browser');
  assert.equal(sid.httpOnly, true);
  assert.equal(await page.evaluate(() => document.cookie.includes('sid=')), false, 'scripts can read the sid cookie');

  await Promise.all([
    page.waitForURL((u) => u.pathname === '/login'),
    page.locator('header').getByRole('button', { name: '退出' }).click(),
  ]);
  assert.ok(!(await context.cookies()).some((c) => c.name === 'sid' && c.value), 'sid cookie kept after logout');
  const again = await page.goto(`${BASE_URL}/staff`);
  assert.equal(new URL(page.url()).pathname, '/login', 'after logout /staff does not send the browser to /login');
  assert.equal(again.status(), 200);
  assert.deepEqual(problems, [], 'the browser reported problems');
  return page;
}

test('desktop: log in through the form, see the staff home, log out through the header', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await signInAndOut(context);
  } finally {
    await context.close();
  }
});

test('phone (390x844): the same, with no sideways scrolling and a screenshot of the login page', async () => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    await page.goto(`${BASE_URL}/login`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the login page is ${width}px wide on a 390px screen`);
    // the login button is big enough to tap
    const box = await page.getByRole('button', { name: '登录' }).boundingBox();
    assert.ok(box && box.height >= 32, `the login button is ${box && box.height}px high`);
    await page.close();
    const after = await signInAndOut(context, { screenshot: 'login.png', staffScreenshot: 'staff-phone.png' });
    const staffWidth = await after.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(staffWidth <= 390, `the page after logout is ${staffWidth}px wide`);
  } finally {
    await context.close();
  }
});
