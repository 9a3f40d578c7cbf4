// A real browser (Debian's Chromium through playwright-core) walks a return: a customer on a phone
// fills /return/new (once with a field missing, the form coming back as filled in), gets the T
// number and tracks it; a supervisor on a desktop finds it, reads the 三包 verdict, approves it as
// an exception with a reason, and the customer's tracking page shows the approval.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  SCREENS, PHONE, launchBrowser, watch, noSidewaysScroll, clickThrough, assertHoneypotHidden, assertTappable, trackFromDone,
  staffLogin, openFromQueue, act, DESKTOP, openForm,
} from './browser.mjs';
import {
  BASE_URL, RUN_ID, uniquePhone, sql, sqlSafe, clearTrackThrottle, clearPublicThrottles, loginAdmin, createUser,
} from './lib.mjs';

let browser;
let supervisor;

before(async () => {
  clearPublicThrottles();
  const admin = await loginAdmin();
  supervisor = await createUser(admin, { role: 'supervisor', display_name: `退货主管${RUN_ID.slice(-4)}` });
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  clearTrackThrottle();
});

const shot = (page, name) => page.screenshot({ path: path.join(SCREENS, `return-${name}.png`), fullPage: true });

test('a customer on a phone files a return and tracks it; a supervisor approves it', async () => {
  const phone = uniquePhone('7');
  const customer = await browser.newContext(PHONE);
  const staff = await browser.newContext(DESKTOP);
  try {
    const { page, problems } = await openForm(customer, '/return/new', 'the return form');
    await page.getByLabel('退货', { exact: true }).check();
    await page.fill('#name', '赵女士');
    await page.fill('#phone', `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
    await page.fill('#order_no', `TB${RUN_ID}`.toUpperCase());
    await page.fill('#product', '扫地机器人');
    await page.getByLabel('无质量问题（无理由退换）').check();
    await page.fill('#purchase_date', '2025-08-15');
    await page.getByLabel('网上购买').check();
    await page.fill('#amount_paid', '¥1,299.00');
    await assertHoneypotHidden(page);
    const submit = page.getByRole('button', { name: '提交申请' });
    await assertTappable(submit, 'the submit button');
    await assertTappable(page.getByLabel('网上购买').locator('xpath=..'), 'a choice');

    // the reason forgotten: the form comes back with a message and everything as it was
    const bad = await clickThrough(page, submit);
    assert.equal(bad.status(), 422);
    assert.match(await page.textContent('.alert'), /请按提示修改/);
    assert.equal(await page.inputValue('#product'), '扫地机器人');
    assert.ok(await page.getByLabel('退货', { exact: true }).isChecked(), 'the kind was not kept');
    assert.ok(await page.getByLabel('无质量问题（无理由退换）').isChecked(), 'the fault choice was not kept');
    assert.ok(await page.getByLabel('网上购买').isChecked(), 'where it was bought was not kept');
    await noSidewaysScroll(page, 'the form with messages');
    await shot(page, 'form-422-phone');

    await page.fill('#reason', '七天无理由退货，包装完好。');
    const { no, text } = await trackFromDone(page, await clickThrough(page, submit), {
      done: '/return/done', numberRe: /^T\d{8}-\d{4,12}$/, phone, status: 'requested', shot: (name) => shot(page, name),
    });
    assert.deepEqual(sql(`SELECT kind, has_fault, bought_online, amount_paid FROM returns WHERE public_no = '${sqlSafe(no)}'`),
      [['return', '0', '1', '129900']]);
    assert.match(text, /待审核/);
    assert.match(text, /类型：退货/);
    assert.match(text, /已收到您的退换货申请/);

    // ------------------------------------------------ the supervisor --
    const sp = await staff.newPage();
    const staffProblems = watch(sp);
    await staffLogin(sp, supervisor);
    await openFromQueue(sp, '/staff/returns', 'return-list', no);
    assert.equal(await sp.getAttribute('#return', 'data-status'), 'requested');
    // bought online long ago without a fault: the rules give nothing, so approving is an exception
    assert.equal(await sp.getAttribute('#sanbao', 'data-rule'), 'no_fault');
    assert.match(await sp.textContent('#sanbao'), /非性能故障/);
    await act(sp, 'approve', (f) => f.locator('textarea[name="exception_reason"]').fill('老客户，商品未拆封，特批退货'),
      /^\/staff\/returns\/\d+$/);
    assert.equal(await sp.getAttribute('#return', 'data-status'), 'approved');
    assert.match(await sp.textContent('ol.timeline'), /特批退货/);
    await shot(sp, 'approved-desktop');
    assert.deepEqual(staffProblems, [], 'the supervisor\'s browser reported problems');

    // ------------------------------------------------ the customer again --
    await page.goto(`${BASE_URL}/track?no=${no}&phone=${phone}`);
    assert.equal(await page.getAttribute('#track-result .status', 'data-status'), 'approved');
    assert.doesNotMatch(await page.textContent('#track-result'), /特批/, 'the internal reason reached the customer');

    assert.deepEqual(problems, [], 'the customer\'s browser reported problems');
  } finally {
    await customer.close();
    await staff.close();
  }
});
