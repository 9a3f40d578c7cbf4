// A real browser (Debian's Chromium through playwright-core) on the duty roster: a supervisor on a
// desktop opens the month from the navigation and assigns a shift with the form above the grid; on a
// phone the month grid scrolls inside its own panel, never the page, and offers the one-person view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SCREENS, launchBrowser, watch, staffLogin, clickThrough, noSidewaysScroll, DESKTOP, PHONE } from './browser.mjs';
import { BASE_URL, RUN_ID, appSql, login, loginAdmin, createUser, createShiftType, rosterMonth, rosterAssign, rosterCell } from './lib.mjs';

const TAG = RUN_ID.slice(-4);
const MONTH = rosterMonth(9);
let browser;
let supervisor;
let agent;
let early;

before(async () => {
  const admin = await loginAdmin();
  supervisor = await createUser(admin, { role: 'supervisor', display_name: `浏览器主管${TAG}` });
  agent = await createUser(admin, { role: 'agent', display_name: `浏览器客服${TAG}` });
  const boss = await login(supervisor.username, supervisor.password);
  early = await createShiftType(boss, { name: `白${TAG}`, start: '08:30', end: '17:30', roles: ['agent'], color: '#00897b' });
  // a shift this month, so the phone shows a full grid and the agent's own month has something in it
  const today = appSql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')")[0][0];
  assert.equal((await rosterAssign(boss, today.slice(0, 7), agent.id, today, early)).status, 303);
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
});

const shot = (page, name) => page.screenshot({ path: path.join(SCREENS, `roster-${name}.png`), fullPage: true });

test('a supervisor on a desktop opens the month and assigns a shift with the form', async () => {
  const context = await browser.newContext(DESKTOP);
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await staffLogin(page, supervisor);
    await clickThrough(page, page.locator('header nav').getByRole('link', { name: '值班表' }));
    assert.equal(new URL(page.url()).pathname, '/staff/roster');
    assert.ok(await page.isVisible('#roster-grid'));
    await page.goto(`${BASE_URL}/staff/roster?month=${MONTH}`);
    await page.selectOption('#assign-user', String(agent.id));
    await page.fill('#assign-day', `${MONTH}-10`);
    await page.selectOption('#assign-shift', String(early));
    await clickThrough(page, page.getByRole('button', { name: '排班' }));
    assert.equal(new URL(page.url()).search, `?month=${MONTH}`);
    const cell = page.locator(`td[data-user="${agent.id}"][data-day="${MONTH}-10"]`);
    assert.match(await cell.textContent(), new RegExp(`白${TAG}`));
    assert.ok(rosterCell(await page.content(), agent.id, `${MONTH}-10`).tags.length === 1);
    await shot(page, 'desktop');
    // the × on the tag takes it off again
    await clickThrough(page, cell.getByRole('button', { name: `删除白${TAG}` }));
    assert.equal(await cell.locator('.shift').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('on a phone the grid scrolls inside its panel and the page offers one person\'s month', async () => {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await staffLogin(page, agent);
    await page.goto(`${BASE_URL}/staff/roster`);
    await noSidewaysScroll(page, 'the month grid');
    const inner = await page.$eval('.grid-scroll', (e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    assert.ok(inner.scroll > inner.client, 'the table is wider than the phone and scrolls inside its panel');
    await shot(page, 'phone-grid');
    await clickThrough(page, page.getByRole('link', { name: '我的排班' }));
    assert.equal(await page.getAttribute('#user-view', 'data-user'), String(agent.id));
    assert.match(await page.textContent('.day-list'), new RegExp(`白${TAG}`));
    await noSidewaysScroll(page, 'one person\'s month');
    await shot(page, 'phone-user');
    await clickThrough(page, page.locator('.day-list li.today a'));
    assert.match(await page.textContent('#day-view'), /周/);
    await noSidewaysScroll(page, 'one day');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
