// A real browser on a phone meets the staff forms (issue #11): a refused form comes back with what
// was typed, its error summary is focused and links to the field marked red, the next page after a
// done action says what happened, and the pages do not scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SCREENS, PHONE, launchBrowser, watch, staffLogin, act, noSidewaysScroll } from './browser.mjs';
import { BASE_URL, loginAdmin, createUser, newRepair, repairActionOk, RUN_ID, clearPublicThrottles } from './lib.mjs';

let browser;
let supervisor;
let technician;

before(async () => {
  clearPublicThrottles();
  const admin = await loginAdmin();
  const tag = RUN_ID.slice(-4);
  supervisor = await createUser(admin, { role: 'supervisor', display_name: `手机主管${tag}` });
  technician = await createUser(admin, { role: 'technician', display_name: `手机师傅${tag}` });
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
});

/** Runs fn(page) in a fresh phone browser signed in as user; fails on any script error or failed load. */
async function onPhone(user, fn) {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await staffLogin(page, user);
    await fn(page);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

const shot = (page, name) => page.screenshot({ path: path.join(SCREENS, `friction-${name}.png`), fullPage: true });

test('on a phone: the error summary is focused and links to the red field; a done action is confirmed', async () => {
  const r = await newRepair();
  await onPhone(supervisor, async (page) => {
    await page.goto(`${BASE_URL}/staff/repairs/${r.id}`);
    await noSidewaysScroll(page, 'the work order');

    // accept: the confirmation on the page after the redirect
    await act(page, 'accept', (f) => f.locator('select[name="priority"]').selectOption('urgent'), /^\/staff\/repairs\/\d+$/);
    const flash = page.locator('#flash');
    assert.match(await flash.textContent(), /「受理」已完成，状态：已受理。.*处理时限 \d{4}-\d\d-\d\d \d\d:\d\d/);
    assert.equal(await flash.getAttribute('role'), 'status');
    await shot(page, 'accepted-phone');
    await page.reload();
    assert.equal(await page.locator('#flash').count(), 0, 'the confirmation is shown again after a reload');

    // assign with a malformed visit time: 422, the typed values kept, the summary focused and linked
    const form = page.locator('form:has(input[name="action"][value="assign"])');
    await form.locator('select[name="assignee_id"]').selectOption(String(technician.id));
    await form.locator('input[name="visit_at"]').evaluate((el) => { el.type = 'text'; el.value = '明天下午'; });
    await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').click()]);
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'error-summary',
      'the error summary does not have the focus');
    assert.match(await summary.textContent(), /上门时间格式/);
    const link = summary.locator('a[href="#visit_at"]');
    assert.equal(await link.count(), 1, 'the summary does not link to the field');
    const field = page.locator('#visit_at');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    // (the date-time box itself shows only a valid value; the page sends back what was typed)
    assert.equal(await field.getAttribute('value'), '明天下午', 'the typed visit time is lost');
    assert.equal(await page.locator('#assignee_id').inputValue(), String(technician.id), 'the chosen technician is lost');
    const border = await field.evaluate((el) => getComputedStyle(el).borderTopColor);
    assert.equal(border, 'rgb(180, 35, 24)', `the invalid field's border is ${border}, not red`);
    await noSidewaysScroll(page, 'the refused work order');
    await shot(page, 'refused-phone');
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'visit_at',
      'the summary link does not lead to the field');
  });
});

test('a technician resolving warranty work with costs is asked to confirm the charge', async () => {
  const r = await newRepair();
  const admin = await loginAdmin();
  await repairActionOk(admin, r.id, 'accept', { priority: 'normal' });
  await repairActionOk(admin, r.id, 'assign', { assignee_id: String(technician.id) });
  await onPhone(technician, async (page) => {
    await page.goto(`${BASE_URL}/staff/repairs/${r.id}`);
    await act(page, 'start', null, /^\/staff\/repairs\/\d+$/);
    const form = () => page.locator('form:has(input[name="action"][value="resolve"])');
    await form().locator('#result').fill('更换主板');
    await form().locator('#labour_cost').fill('80');
    await form().locator('#warranty_repair').selectOption('1');
    await Promise.all([page.waitForNavigation(), form().locator('button[type="submit"]').click()]);
    assert.match(await page.locator('#error-summary').textContent(), /确认保修单收取费用/);
    assert.equal(await page.locator('#result').inputValue(), '更换主板');
    assert.equal(await page.locator('#labour_cost').inputValue(), '80');
    assert.equal(await page.locator('#warranty_repair').inputValue(), '1', 'the warranty choice came back changed');
    await form().locator('#confirm_warranty_charge').check();
    await act(page, 'resolve', null, /^\/staff\/repairs\/\d+$/);
    assert.equal(await page.getAttribute('#repair', 'data-status'), 'resolved');
    assert.match(await page.locator('#flash').textContent(), /「维修完成」已完成/);
  });
});

test('cancelling a work order on a phone asks first, and going back changes nothing', async () => {
  const r = await newRepair();
  await onPhone(supervisor, async (page) => {
    await page.goto(`${BASE_URL}/staff/repairs/${r.id}`);
    const form = page.locator('form:has(input[name="action"][value="cancel"])');
    await form.locator('#cancel_reason').fill('客户来电取消');
    await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').click()]);
    assert.match(await page.locator('#confirm-what').textContent(), new RegExp(`工单 ${r.no} 将「取消工单」（原因：客户来电取消）`));
    await noSidewaysScroll(page, 'the confirmation page');
    await shot(page, 'confirm-cancel-phone');
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '返回，不做更改' }).click()]);
    assert.equal(await page.getAttribute('#repair', 'data-status'), 'new', 'going back cancelled the order');
    await form.locator('#cancel_reason').fill('客户来电取消');
    await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').click()]);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认取消工单' }).click()]);
    assert.equal(await page.getAttribute('#repair', 'data-status'), 'cancelled');
    assert.match(await page.locator('#flash').textContent(), /「取消工单」已完成，状态：已取消/);
  });
});

test('on a phone the queues are labelled cards, the pages do not scroll sideways, the staff menu stays compact', async () => {
  const r = await newRepair({ address: '杭州市西湖区文三路 99 号 3 单元 501 室（靠近地铁站的那一栋楼）' });
  await onPhone(supervisor, async (page) => {

    // the staff menu: the site's name and one line of links that scrolls sideways within itself
    const nav = page.locator('nav.staff-nav');
    const navBox = await nav.boundingBox();
    const linkBox = await nav.locator('a').first().boundingBox();
    assert.ok(navBox.height < linkBox.height * 2, `the staff menu is ${navBox.height}px high for ${linkBox.height}px links`);
    const topbar = await page.locator('header.topbar').boundingBox();
    assert.ok(topbar.height <= 110, `the top bar takes ${topbar.height}px of the phone's screen`);
    assert.equal(await nav.locator('a[href="/staff/password"]').count(), 1, 'the menu lost a link');
    await noSidewaysScroll(page, 'the staff home');

    for (const [path, tableId] of [['/staff/repairs', 'repair-list'], ['/staff/returns', 'return-list'], ['/staff/customers?q=1', null]]) {
      await page.goto(`${BASE_URL}${path}`);
      await noSidewaysScroll(page, path);
      if (!tableId) continue;
      const table = page.locator(`#${tableId}`);
      if (!(await table.locator('tbody tr').count())) continue;
      assert.equal(await table.locator('thead').evaluate((el) => getComputedStyle(el).display), 'none');
      const cells = await table.locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.map((td) => ({
        label: td.dataset.label, before: getComputedStyle(td, '::before').content, display: getComputedStyle(td).display,
      })));
      assert.equal(cells.length, await table.locator('thead th').count());
      for (const c of cells) assert.ok(c.label, `${path}: a cell without a label`);
      for (const c of cells) assert.equal(c.before, `"${c.label}："`, `${path}: the cell ${c.label} does not show its name`);
      const card = await table.locator('tbody tr').first().evaluate((tr) => getComputedStyle(tr).borderTopStyle);
      assert.equal(card, 'solid', `${path}: a row is no card`);
    }
    await shot(page, 'queue-phone');

    // the work order: the phone dials, the address opens a map
    await page.goto(`${BASE_URL}/staff/repairs/${r.id}`);
    await noSidewaysScroll(page, 'the work order');
    assert.equal(await page.locator('dd.phone a').getAttribute('href'), `tel:${r.phone}`);
    assert.match(await page.locator('a.map').getAttribute('href'), /^https:\/\/uri\.amap\.com\/search\?keyword=%E6%9D%AD/);
    await shot(page, 'repair-phone');
  });
});
