// A real browser (Debian's Chromium through playwright-core) walks a repair
// from both sides: a customer on a phone fills /repair/new, sees the number
// and tracks it; a supervisor on a desktop accepts, assigns, starts and
// resolves it; the customer's tracking page then shows "resolved".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  SCREENS, PHONE, launchBrowser, watch, clickThrough, assertHoneypotHidden, assertTappable, trackFromDone,
  staffLogin, openFromQueue, act as actOn, DESKTOP, openForm,
} from './browser.mjs';
import { loginAdmin, createUser, uniquePhone, RUN_ID, clearTrackThrottle, clearPublicThrottles } from './lib.mjs';

let browser;
let supervisor;
let technician;

before(async () => {
  clearPublicThrottles();
  const admin = await loginAdmin();
  const tag = RUN_ID.slice(-4);
  supervisor = await createUser(admin, { role: 'supervisor', display_name: `浏览器主管${tag}` });
  technician = await createUser(admin, { role: 'technician', display_name: `孙师${tag}` });
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  clearTrackThrottle();
});

const shot = (page, name) => page.screenshot({ path: path.join(SCREENS, `repair-${name}.png`), fullPage: true });

const act = (page, action, fill) => actOn(page, action, fill, /^\/staff\/repairs\/\d+$/);

test('a customer on a phone reports a fault and tracks it; a supervisor works it to resolved', async () => {
  const phone = uniquePhone('7');
  const customer = await browser.newContext(PHONE);
  const staff = await browser.newContext(DESKTOP);
  try {
    // ------------------------------------------------ the customer --
    const { page, problems } = await openForm(customer, '/repair/new', 'the repair form');
    await page.fill('#name', '钱女士');
    await page.fill('#phone', `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
    await page.fill('#email', `qian${RUN_ID}@example.com`);
    await page.fill('#address', '杭州市西湖区文三路 99 号 3 单元 501');
    await page.fill('#product', '洗衣机');
    await page.fill('#model', 'XQG100');
    await page.fill('#serial_no', `BR${RUN_ID}`.toUpperCase());
    await page.fill('#purchase_date', '2025-08-15');
    await page.fill('#fault', '脱水时剧烈晃动并有异响。');
    await page.fill('#preferred_time', '周末下午');
    await assertHoneypotHidden(page);
    const submit = page.getByRole('button', { name: '提交报修' });
    await assertTappable(submit, 'the submit button');
    await shot(page, 'form-phone');
    const { no, text: tracked } = await trackFromDone(page, await clickThrough(page, submit), {
      done: '/repair/done', numberRe: /^R\d{8}-\d{4,5}$/, phone, status: 'new', shot: (name) => shot(page, name),
    });
    assert.match(tracked, /已收到您的报修申请/);
    const trackUrl = page.url();

    // ------------------------------------------------ the supervisor --
    const sp = await staff.newPage();
    const staffProblems = watch(sp);
    await staffLogin(sp, supervisor);
    await openFromQueue(sp, '/staff/repairs', 'repair-list', no);
    assert.equal(await sp.getAttribute('#repair', 'data-status'), 'new');
    assert.equal((await sp.textContent('dd.phone')).trim(), phone, 'the supervisor does not see the phone');

    await act(sp, 'accept', (f) => f.locator('select[name="priority"]').selectOption('high'));
    assert.equal(await sp.getAttribute('#repair', 'data-status'), 'accepted');
    assert.match(await sp.textContent('.sla'), /处理时限/);

    await act(sp, 'assign', async (f) => {
      await f.locator('select[name="assignee_id"]').selectOption(String(technician.id));
      await f.locator('input[name="visit_at"]').fill('2030-01-07T14:00');
    });
    assert.equal(await sp.getAttribute('#repair', 'data-status'), 'assigned');
    assert.match(await sp.textContent('#repair'), new RegExp(technician.display_name));

    await act(sp, 'start');
    assert.equal(await sp.getAttribute('#repair', 'data-status'), 'in_progress');

    await act(sp, 'resolve', async (f) => {
      await f.locator('textarea[name="result"]').fill('更换减震器，试机正常。');
      await f.locator('input[name="parts_used"]').fill('减震器 x2');
      await f.locator('input[name="labour_cost"]').fill('120');
      await f.locator('input[name="parts_cost"]').fill('68.50');
      await f.locator('select[name="warranty_repair"]').selectOption('1');
      // a warranty repair with costs is refused unless the charge is confirmed (#11)
      await f.locator('input[name="confirm_warranty_charge"]').check();
    });
    assert.equal(await sp.getAttribute('#repair', 'data-status'), 'resolved');
    assert.match(await sp.textContent('#repair'), /更换减震器/);
    await shot(sp, 'staff-detail');
    assert.deepEqual(staffProblems, [], 'the staff browser reported problems');

    // ------------------------------------------------ back to the customer --
    const again = await page.goto(trackUrl);
    assert.equal(again.status(), 200);
    assert.equal(await page.getAttribute('#track-result [data-status]', 'data-status'), 'resolved');
    const text = await page.textContent('#track-result');
    assert.match(text, /维修已完成/);
    assert.match(text, /已安排维修人员/);
    assert.ok(!text.includes(supervisor.display_name), 'tracking shows the supervisor\'s name');
    await shot(page, 'track-resolved');
    assert.deepEqual(problems, [], 'the customer\'s browser reported problems');
  } finally {
    await customer.close();
    await staff.close();
  }
});
