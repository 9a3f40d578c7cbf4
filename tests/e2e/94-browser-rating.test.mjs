// A real browser (Debian's Chromium through playwright-core): a customer on a phone opens /track for
// a repair resolved through the staff pages, rates it by tapping the scores (once without a score,
// the form coming back with the taps kept), and sees the thanks and the scores given; the page
// never scrolls sideways and every choice is big enough for a thumb.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  SCREENS, PHONE, launchBrowser, noSidewaysScroll, clickThrough, assertHoneypotHidden, assertTappable, openForm,
} from './browser.mjs';
import {
  RUN_ID, sql, clearTrackThrottle, loginAdmin, login, createUser, resolvedRepair, RATING_DIMENSIONS,
} from './lib.mjs';

let browser;
let staff;

before(async () => {
  clearTrackThrottle();
  const admin = await loginAdmin();
  const tag = RUN_ID.slice(-4);
  const agent = await createUser(admin, { role: 'agent', display_name: `浏览客服${tag}` });
  const supervisor = await createUser(admin, { role: 'supervisor', display_name: `浏览主管${tag}` });
  const tech = await createUser(admin, { role: 'technician', display_name: `浏览师傅${tag}` });
  staff = {
    agent: await login(agent.username, agent.password),
    supervisor: await login(supervisor.username, supervisor.password),
    tech: await login(tech.username, tech.password),
    techId: tech.id,
  };
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  clearTrackThrottle();
});

const shot = (page, name) => page.screenshot({ path: path.join(SCREENS, `rating-${name}.png`), fullPage: true });

/** The label (the tap target) of score value of dimension name in the rating form. */
const choice = (page, name, value) => page.locator(`#rating label:has(input[name="${name}"][value="${value}"])`);

test('a customer on a phone rates a resolved repair by tapping and sees the thanks', async () => {
  const r = await resolvedRepair(staff);
  const context = await browser.newContext(PHONE);
  try {
    const { page, problems } = await openForm(context, `/track?no=${r.no}&phone=${r.phone}`, 'the tracking page');
    assert.equal(await page.getAttribute('#track-result [data-status]', 'data-status'), 'resolved');
    await assertHoneypotHidden(page);
    for (const name of RATING_DIMENSIONS) {
      for (const v of ['1', '5']) await assertTappable(choice(page, name, v), `score ${v} of ${name}`);
      const box = await choice(page, name, '3').boundingBox();
      assert.ok(box.width >= 40, `score 3 of ${name} is ${box.width}px wide`);
    }
    await assertTappable(page.locator('#rating label:has(input[name="solved"][value="1"])'), 'the "solved" choice');
    const submit = page.getByRole('button', { name: '提交评价' });
    await assertTappable(submit, 'the submit button');
    await shot(page, 'form-phone');

    // overall forgotten: the page comes back with the taps kept
    await choice(page, 'attitude', '5').tap();
    await choice(page, 'timeliness', '4').tap();
    await choice(page, 'quality', '5').tap();
    await page.locator('#rating label:has(input[name="solved"][value="1"])').tap();
    await page.fill('#comment', '师傅很准时，讲解清楚。');
    const bad = await clickThrough(page, submit);
    assert.equal(bad.status(), 422);
    assert.match(await page.textContent('#rating .alert'), /1 到 5 分/);
    assert.ok(await page.isChecked('#rating input[name="attitude"][value="5"]'), 'the tap on attitude was not kept');
    assert.ok(await page.isChecked('#rating input[name="timeliness"][value="4"]'), 'the tap on timeliness was not kept');
    assert.ok(await page.isChecked('#rating input[name="solved"][value="1"]'), 'solved was not kept');
    assert.equal(await page.inputValue('#comment'), '师傅很准时，讲解清楚。');
    await noSidewaysScroll(page, 'the rating form with a message');
    await shot(page, 'form-422-phone');

    await choice(page, 'overall', '5').tap();
    const done = await clickThrough(page, page.getByRole('button', { name: '提交评价' }));
    assert.equal(done.status(), 200, 'after rating the browser did not land on the tracking page');
    assert.equal(new URL(page.url()).pathname, '/track');
    assert.match(await page.textContent('#rating'), /已评价，感谢您的反馈/);
    assert.equal((await page.textContent('#rating [data-score="overall"]')).trim(), '5 分');
    assert.equal(await page.locator('form[action="/track/rate"]').count(), 0, 'the form is still there');
    assert.match(await page.textContent('#track-result .timeline'), /感谢您的评价/);
    await noSidewaysScroll(page, 'the tracking page after rating');
    await shot(page, 'rated-phone');

    assert.deepEqual(sql(`SELECT source, attitude, timeliness, quality, overall, solved FROM satisfaction
      WHERE subject = 'repair' AND subject_id = ${r.id}`), [['online', '5', '4', '5', '5', '1']]);
    assert.deepEqual(sql(`SELECT status, outcome FROM callbacks WHERE subject = 'repair' AND subject_id = ${r.id}`),
      [['done', 'answered_online']]);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
