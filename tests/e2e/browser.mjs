// What the browser tests share: launching Debian's Chromium, the screenshot folder, a phone's
// screen, a watch on each page for script errors and failed sub-requests, and the check that a
// page fits the phone's width.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { BASE_URL } from './lib.mjs';

export const SCREENS = path.join(process.env.AS_VAR || tmpdir(), 'screens');

/** A browser context's options for a customer's phone (390 x 844, touch). */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Fails unless page fits the phone's width without scrolling sideways. */
export async function noSidewaysScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.viewport.width, `${what} is ${width}px wide on a ${PHONE.viewport.width}px screen`);
}

/** Headless Chromium as the workplace runs it (no sandbox as root, no background traffic). */
export async function launchBrowser() {
  mkdirSync(SCREENS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.AS_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'],
  });
}

/** Collects script errors, CSP violations and failed sub-requests of page; returns the live list. */
export function watch(page) {
  const problems = [];
  page.on('console', (m) => {
    // a failed load is reported (with its address) by the response handler below
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    // expected statuses of the pages themselves are checked by the tests
    if (r.request().resourceType() !== 'document' && r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
  });
  return problems;
}

/** Clicks target (a locator) and waits for the page it leads to; returns that page's response. */
export async function clickThrough(page, target) {
  const [res] = await Promise.all([page.waitForNavigation(), target.click()]);
  return res;
}

/** A desktop browser window, as staff use all day. */
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** Opens a public form (path) in a new page of context, checks it answers 200 and fits the screen
 * without sideways scrolling; returns { page, problems } (problems: see watch). */
export async function openForm(context, path, what) {
  const page = await context.newPage();
  const problems = watch(page);
  const res = await page.goto(`${BASE_URL}${path}`);
  assert.equal(res.status(), 200);
  await noSidewaysScroll(page, what);
  return { page, problems };
}

/** Signs user ({ username, password, role }) in on page and checks it lands on the staff home
 * (technicians on 我的工单). */
export async function staffLogin(page, user) {
  await page.goto(`${BASE_URL}/login`);
  await page.fill('#username', user.username);
  await page.fill('#password', user.password);
  await clickThrough(page, page.getByRole('button', { name: '登录' }));
  assert.equal(new URL(page.url()).pathname, user.role === 'technician' ? '/staff/my' : '/staff');
}

/** Finds number no in a staff queue (path, its table's id) with the search box and opens its page:
 * the link named no, or linkText in the row of no. */
export async function openFromQueue(page, path, tableId, no, linkText = no) {
  await page.goto(`${BASE_URL}${path}`);
  await page.fill('#q', no);
  await clickThrough(page, page.getByRole('button', { name: '筛选' }));
  const link = page.locator(`#${tableId} tr`, { hasText: no }).locator('a', { hasText: linkText });
  assert.equal(await link.count(), 1, `${path} does not list ${no}`);
  await clickThrough(page, link);
}

/** Submits the record page's form for action (after fill(form), if given), waits for the page after
 * the 303 and checks it is the record's page again (pathRe). */
export async function act(page, action, fill, pathRe) {
  const form = page.locator(`form:has(input[name="action"][value="${action}"])`);
  assert.equal(await form.count(), 1, `the page offers no "${action}" form`);
  if (fill) await fill(form);
  const nav = await clickThrough(page, form.locator('button[type="submit"]'));
  assert.equal(nav.status(), 200, `after ${action} the browser got ${nav.status()}: ${(await page.textContent('.alert').catch(() => '')) || ''}`);
  assert.match(new URL(page.url()).pathname, pathRe);
}

/** Fails unless the public form's honeypot "website" is out of sight (hidden, or off the screen), so people leave it empty. */
export async function assertHoneypotHidden(page) {
  const hp = await page.locator('#website').boundingBox();
  assert.ok(!hp || hp.x + hp.width <= 0 || hp.y + hp.height <= 0 || hp.width <= 1 || hp.height <= 1,
    `the honeypot field is on the screen at ${JSON.stringify(hp)}`);
}

/** Fails unless locator is at least 32px high, something a thumb can hit. */
export async function assertTappable(locator, what) {
  const box = await locator.boundingBox();
  assert.ok(box && box.height >= 32, `${what} is ${box && box.height}px high`);
}

/**
 * After a public form was sent (the click on submit): its done page (path done) with the new
 * number matching numberRe, then "查询进度", the phone typed, "查询". Fails unless the tracking page
 * fits the phone and marks status. shot(name) is called on the done and the tracking page.
 * Returns { no, text } with the text of the result.
 */
export async function trackFromDone(page, submitted, { done, numberRe, phone, status, shot }) {
  assert.equal(submitted.status(), 200, `after submitting: ${submitted.status()} ${await page.textContent('main')}`);
  assert.equal(new URL(page.url()).pathname, done);
  const no = (await page.textContent('#public-no')).trim();
  assert.match(no, numberRe);
  await shot('done-phone');
  await clickThrough(page, page.getByRole('link', { name: '查询进度' }));
  assert.equal(new URL(page.url()).pathname, '/track');
  assert.equal(await page.inputValue('#no'), no, 'the tracking form does not carry the number');
  await page.fill('#phone', phone);
  const found = await clickThrough(page, page.getByRole('button', { name: '查询' }));
  assert.equal(found.status(), 200);
  assert.equal(await page.getAttribute('#track-result [data-status]', 'data-status'), status);
  await noSidewaysScroll(page, 'the tracking page');
  await shot('track-phone');
  return { no, text: await page.textContent('#track-result') };
}
