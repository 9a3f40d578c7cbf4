// The customer's own rating and complaint on /track: a finished repair or return offers the
// satisfaction form once; the rating is stored per dimension, attributed to the job's technician and
// agent, closes the callback still to be made as answered online, and a bad one opens a complaint;
// "对处理结果不满意" registers a complaint, one open at a time. Number and phone are checked as the
// look-up checks them (the same 404, the same throttle); bad input comes back with the choices kept;
// nothing internal reaches the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, loginAdmin, login, createUser, sql, sqlSafe, snippet, uniquePhone, newRepair, track, trackStatus,
  timeline, alertText, checkedValue, fieldValue, fieldError, htmlUnescape, clearTrackThrottle, insertReturn,
  returnActionOk, repairActionOk, resolvedRepair, postTrackForm, rateOnline, RATING_DIMENSIONS, RUN_ID,
} from './lib.mjs';

let staff;
const TAG = RUN_ID.slice(-4);

before(async () => {
  clearTrackThrottle();
  const admin = await loginAdmin();
  const agent = await createUser(admin, { role: 'agent', display_name: `评客服${TAG}` });
  const supervisor = await createUser(admin, { role: 'supervisor', display_name: `评主管${TAG}` });
  const tech = await createUser(admin, { role: 'technician', display_name: `评师傅${TAG}` });
  staff = {
    agent: await login(agent.username, agent.password),
    supervisor: await login(supervisor.username, supervisor.password),
    tech: await login(tech.username, tech.password),
    techId: tech.id,
    agentId: agent.id,
  };
});

after(() => clearTrackThrottle());

const q = (text) => sql(text);
const count = (text) => Number(sql(text)[0][0]);

/** The callbacks of a repair: [{ id, status, outcome, version, done }]. */
function callbacksOf(subject, id) {
  return q(`SELECT id, status, COALESCE(outcome, ''), version, done_at IS NOT NULL FROM callbacks
    WHERE subject = '${subject}' AND subject_id = ${sqlSafe(id)} ORDER BY id`)
    .map(([cid, status, outcome, version, done]) => ({ id: Number(cid), status, outcome, version: Number(version), done: done === '1' }));
}

/** The section of the page with this id (its inner HTML), or null. */
function section(html, id) {
  const m = new RegExp(`<section[^>]*id="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  return m ? m[1] : null;
}

/** The scores "已评价" shows: { attitude: '5', ..., solved: '已解决' }. */
function shownScores(html) {
  const s = section(html, 'rating') || '';
  return Object.fromEntries([...s.matchAll(/<dd data-score="([a-z]+)">([^<]*)<\/dd>/g)].map((m) => [m[1], m[2].replace(/ 分$/, '')]));
}

/** The complaints /track lists: [{ no, status }]. */
function shownComplaints(html) {
  const s = section(html, 'complaints') || '';
  return [...s.matchAll(/投诉 (C\d{8}-\d{4,})：<strong class="status" data-status="([a-z]+)"/g)].map((m) => ({ no: m[1], status: m[2] }));
}

const hasRateForm = (html) => /<form[^>]*action="\/track\/rate"/.test(html);
const hasComplainForm = (html) => /<form[^>]*action="\/track\/complain"/.test(html);

/** A POST of a /track form with chosen fields (no page read first), from a fresh client. */
function postRaw(action, fields) {
  return new Client().post(action, { website: '', ...fields });
}

const freshToken = () => [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');

test('a resolved repair offers the form; one rating is stored per dimension, attributed, and closes the callback as answered online', async () => {
  const r = await resolvedRepair(staff);
  const [pending] = callbacksOf('repair', r.id);
  assert.ok(pending && pending.status === 'due', `no due callback after resolving: ${JSON.stringify(callbacksOf('repair', r.id))}`);

  const page = await track(r.no, r.phone);
  assert.equal(page.status, 200);
  assert.equal(trackStatus(page.text), 'resolved');
  assert.ok(hasRateForm(page.text), 'a resolved repair offers no rating form');
  for (const d of RATING_DIMENSIONS) {
    const radios = [...page.text.matchAll(new RegExp(`<input type="radio" name="${d}" value="(\\d)"`, 'g'))].map((m) => m[1]);
    assert.deepEqual(radios, ['1', '2', '3', '4', '5'], `the choices of ${d}`);
  }
  for (const label of ['服务态度', '响应速度', '维修质量', '总体满意度', '问题是否已解决']) assert.ok(page.text.includes(label), `no ${label}`);
  assert.match(page.text, /<input type="radio" name="solved" value="1"/);
  assert.match(page.text, /<input type="radio" name="solved" value="0"/);

  const rated = await rateOnline(r.no, r.phone, { scores: { attitude: 5, timeliness: 4, quality: 5, overall: 4 }, comment: `师傅很专业${TAG}` });
  assert.equal(rated.res.location, `/track?no=${r.no}&phone=${r.phone}`);

  const rows = q(`SELECT source, attitude, timeliness, quality, overall, solved, comment, COALESCE(technician_id, 0),
    COALESCE(agent_id, 0), COALESCE(callback_id, 0), COALESCE(recorded_by, 0) FROM satisfaction WHERE subject = 'repair' AND subject_id = ${r.id}`);
  assert.equal(rows.length, 1, 'not one rating stored');
  assert.deepEqual(rows[0].slice(0, 7), ['online', '5', '4', '5', '4', '1', `师傅很专业${TAG}`]);
  assert.equal(Number(rows[0][7]), staff.techId, 'not attributed to the technician');
  assert.equal(Number(rows[0][8]), staff.agentId, 'not attributed to the agent who took it in');
  assert.equal(Number(rows[0][9]), pending.id, 'the rating is not linked to the callback it answers');
  assert.equal(rows[0][10], '0', 'a customer is recorded as staff');

  const [cb] = callbacksOf('repair', r.id);
  assert.deepEqual([cb.status, cb.outcome, cb.done], ['done', 'answered_online', true], `the callback: ${JSON.stringify(cb)}`);
  assert.equal(cb.version, pending.version + 1);
  const ev = q(`SELECT action, from_status, to_status, actor FROM events WHERE subject = 'callback' AND subject_id = ${cb.id} ORDER BY id`);
  assert.deepEqual(ev.at(-1), ['online', 'due', 'done', '客户']);
  // no complaint for a good rating
  assert.equal(count(`SELECT COUNT(*) FROM complaints WHERE subject = 'repair' AND subject_id = ${r.id}`), 0);

  const after = await track(r.no, r.phone);
  assert.ok(!hasRateForm(after.text), 'the form is still offered after rating');
  assert.match(section(after.text, 'rating'), /已评价/);
  assert.deepEqual(shownScores(after.text), { attitude: '5', timeliness: '4', quality: '5', overall: '4', solved: '已解决' });
  assert.equal(timeline(after.text).at(-1).endsWith('感谢您的评价'), true, `timeline: ${timeline(after.text)}`);
});

test('a second rating is refused and changes nothing; the same form sent again is answered as the first', async () => {
  const r = await resolvedRepair(staff);
  const first = await rateOnline(r.no, r.phone, { score: 4 });
  const before = {
    sat: q(`SELECT id, attitude, overall FROM satisfaction WHERE subject = 'repair' AND subject_id = ${r.id}`),
    events: count(`SELECT COUNT(*) FROM events WHERE subject = 'repair' AND subject_id = ${r.id}`),
    cb: callbacksOf('repair', r.id),
  };
  // the same form again (its token used): 303 back, nothing new
  const again = await postRaw('/track/rate', { no: r.no, phone: r.phone, token: first.token, attitude: '1', timeliness: '1', quality: '1', overall: '1', solved: '0' });
  assert.equal(again.status, 303, `the same form again answered ${again.status}`);
  // another form (a second tab, a fresh token): refused
  const second = await postRaw('/track/rate', { no: r.no, phone: r.phone, token: freshToken(), attitude: '1', timeliness: '1', quality: '1', overall: '1', solved: '0' });
  assert.equal(second.status, 409, `a second rating answered ${second.status}`);
  assert.match(alertText(section(second.text, 'rating')), /已评价过/);
  assert.deepEqual(shownScores(second.text).overall, '4', 'the refusal does not show the rating given');
  assert.deepEqual(q(`SELECT id, attitude, overall FROM satisfaction WHERE subject = 'repair' AND subject_id = ${r.id}`), before.sat);
  assert.equal(count(`SELECT COUNT(*) FROM events WHERE subject = 'repair' AND subject_id = ${r.id}`), before.events);
  assert.deepEqual(callbacksOf('repair', r.id), before.cb);
  assert.equal(count(`SELECT COUNT(*) FROM complaints WHERE subject = 'repair' AND subject_id = ${r.id}`), 0, 'the refused low rating opened a complaint');
});

test('two ratings sent at the same moment: one is stored, the other refused', async () => {
  const r = await resolvedRepair(staff);
  const fields = (s) => ({ no: r.no, phone: r.phone, token: freshToken(), attitude: s, timeliness: s, quality: s, overall: s, solved: '1' });
  const answers = await Promise.all(['5', '3', '4'].map((s) => postRaw('/track/rate', fields(s))));
  assert.deepEqual(answers.map((a) => a.status).sort(), [303, 409, 409], `answers ${answers.map((a) => a.status)}`);
  assert.equal(count(`SELECT COUNT(*) FROM satisfaction WHERE subject = 'repair' AND subject_id = ${r.id}`), 1);
  assert.equal(count(`SELECT COUNT(*) FROM events WHERE subject = 'callback' AND action = 'online'
    AND subject_id IN (SELECT id FROM callbacks WHERE subject = 'repair' AND subject_id = ${r.id})`), 1);
});

test('a wrong phone answers the same 404 as tracking and counts toward the same throttle', async () => {
  clearTrackThrottle();
  const r = await resolvedRepair(staff);
  const wrong = uniquePhone('9');
  const looked = await track(r.no, wrong);
  const rate = await postRaw('/track/rate', { no: r.no, phone: wrong, token: freshToken(), attitude: '5', timeliness: '5', quality: '5', overall: '5', solved: '1' });
  const complain = await postRaw('/track/complain', { no: r.no, phone: wrong, token: freshToken(), description: '不满意' });
  for (const [what, a] of [['rate', rate], ['complain', complain]]) {
    assert.equal(a.status, 404, `${what} with a wrong phone answered ${a.status}`);
    assert.equal(alertText(a.text), alertText(looked.text), `${what}: another message than tracking's`);
    assert.equal(trackStatus(a.text), null, `${what}: the request is shown`);
    assert.ok(!a.text.includes(r.phone), `${what}: the page shows the phone`);
  }
  const unknown = await postRaw('/track/rate', { no: `${r.no.slice(0, 10)}9999`, phone: r.phone, attitude: '5' });
  assert.equal(unknown.status, 404);
  assert.equal(count(`SELECT COUNT(*) FROM satisfaction WHERE subject = 'repair' AND subject_id = ${r.id}`), 0);
  assert.equal(count(`SELECT COUNT(*) FROM complaints WHERE subject = 'repair' AND subject_id = ${r.id}`), 0);
  assert.equal(callbacksOf('repair', r.id)[0].status, 'due');
  // four misses so far; six more reach the limit of 10, then even the right pair is locked out
  for (let i = 0; i < 6; i++) assert.equal((await postRaw('/track/rate', { no: r.no, phone: wrong })).status, 404);
  assert.equal(count("SELECT COUNT(*) FROM login_throttle WHERE key_name = 't:127.0.0.1'"), 1, 'the misses are not counted under t:');
  const locked = await postRaw('/track/rate', { no: r.no, phone: r.phone, token: freshToken(), attitude: '5', timeliness: '5', quality: '5', overall: '5', solved: '1' });
  assert.equal(locked.status, 429, `the right pair after 10 misses answered ${locked.status}`);
  assert.equal((await track(r.no, r.phone)).status, 429, 'tracking is not locked by the rating misses');
  assert.equal(count(`SELECT COUNT(*) FROM satisfaction WHERE subject = 'repair' AND subject_id = ${r.id}`), 0, 'a locked-out rating was stored');
  clearTrackThrottle();
  await rateOnline(r.no, r.phone);
});

test('a low score or "not solved" opens a complaint that /track shows with its status', async () => {
  const low = await resolvedRepair(staff);
  await rateOnline(low.no, low.phone, { scores: { attitude: 4, timeliness: 2, quality: 4, overall: 3 } });
  const c1 = q(`SELECT c.public_no, c.source, c.status, c.satisfaction_id = s.id, COALESCE(c.callback_id, 0) FROM complaints c
    JOIN satisfaction s ON s.subject = 'repair' AND s.subject_id = c.subject_id WHERE c.subject = 'repair' AND c.subject_id = ${low.id}`);
  assert.equal(c1.length, 1, 'a score of 2 opened no complaint');
  assert.deepEqual(c1[0].slice(1, 4), ['low_score', 'open', '1']);
  assert.equal(Number(c1[0][4]), callbacksOf('repair', low.id)[0].id, 'the complaint is not linked to the callback');
  assert.match(c1[0][0], /^C\d{8}-\d{4,}$/);
  const page = await track(low.no, low.phone);
  assert.deepEqual(shownComplaints(page.text), [{ no: c1[0][0], status: 'open' }]);
  assert.ok(!hasComplainForm(page.text), 'a second complaint is offered while one is open');
  assert.ok(timeline(page.text).some((t) => t.includes('已登记为投诉')), 'the timeline does not say a complaint was registered');

  const unsolved = await resolvedRepair(staff);
  await rateOnline(unsolved.no, unsolved.phone, { score: 5, solved: '0' });
  assert.deepEqual(q(`SELECT source, status FROM complaints WHERE subject = 'repair' AND subject_id = ${unsolved.id}`), [['not_solved', 'open']]);
  // 3 is not low
  const fine = await resolvedRepair(staff);
  await rateOnline(fine.no, fine.phone, { score: 3 });
  assert.equal(count(`SELECT COUNT(*) FROM complaints WHERE subject = 'repair' AND subject_id = ${fine.id}`), 0);
});

test('"对处理结果不满意": the complaint form registers one complaint, one open at a time, with its status on /track', async () => {
  const r = await newRepair();
  await repairActionOk(staff.agent, r.id, 'accept', { priority: 'normal' });
  const page = await track(r.no, r.phone);
  assert.ok(hasComplainForm(page.text), 'a repair being worked on offers no complaint form');
  assert.match(page.text, /对处理结果不满意/);
  const text = `师傅迟到两小时${TAG}`;
  const sent = await postTrackForm(r.no, r.phone, '/track/complain', { description: text });
  assert.equal(sent.res.status, 303, `the complaint answered ${sent.res.status}: ${snippet(alertText(sent.res.text))}`);
  assert.equal(sent.res.location, `/track?no=${r.no}&phone=${r.phone}`);
  const rows = q(`SELECT public_no, source, status, description, COALESCE(created_by, 0), customer_id = (SELECT customer_id FROM repairs WHERE id = ${r.id})
    FROM complaints WHERE subject = 'repair' AND subject_id = ${r.id}`);
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0].slice(1), ['online', 'open', text, '0', '1']);
  assert.deepEqual(q(`SELECT action, to_status FROM events WHERE subject = 'complaint' AND subject_id = (SELECT id FROM complaints WHERE public_no = '${rows[0][0]}')`), [['open', 'open']]);

  const shown = await track(r.no, r.phone);
  assert.deepEqual(shownComplaints(shown.text), [{ no: rows[0][0], status: 'open' }]);
  assert.ok(!hasComplainForm(shown.text), 'the form is still offered while the complaint is open');
  assert.match(section(shown.text, 'complaints'), /已登记/);
  // the same form again: 303, nothing new; another one while it is open: refused politely
  const again = await postRaw('/track/complain', { no: r.no, phone: r.phone, token: sent.token, description: text });
  assert.equal(again.status, 303);
  const second = await postRaw('/track/complain', { no: r.no, phone: r.phone, token: freshToken(), description: '再投诉一次' });
  assert.equal(second.status, 409, `a second complaint while one is open answered ${second.status}`);
  assert.match(alertText(section(second.text, 'complaints')), /正在处理中/);
  assert.equal(count(`SELECT COUNT(*) FROM complaints WHERE subject = 'repair' AND subject_id = ${r.id}`), 1);
  // the status shown follows the complaint's; once closed the form is back
  for (const status of ['investigating', 'resolved', 'reopened', 'closed']) {
    sql(`UPDATE complaints SET status = '${status}' WHERE public_no = '${rows[0][0]}'`);
    const p = await track(r.no, r.phone);
    assert.deepEqual(shownComplaints(p.text), [{ no: rows[0][0], status }]);
    assert.equal(hasComplainForm(p.text), status === 'resolved' || status === 'closed', `the form with the complaint ${status}`);
  }
  const next = await postTrackForm(r.no, r.phone, '/track/complain', { description: '又出现同样的问题' });
  assert.equal(next.res.status, 303);
  assert.equal(count(`SELECT COUNT(*) FROM complaints WHERE subject = 'repair' AND subject_id = ${r.id}`), 2);
  // an empty complaint comes back
  sql(`UPDATE complaints SET status = 'closed' WHERE subject = 'repair' AND subject_id = ${r.id}`);
  const empty = await postTrackForm(r.no, r.phone, '/track/complain', { description: '   ' });
  assert.equal(empty.res.status, 422);
  assert.match(alertText(section(empty.res.text, 'complaints')), /投诉内容/);
  assert.match(section(empty.res.text, 'complaints'), /<details open>/, 'the form is folded away on the 422');
});

test('bad rating input answers 422 with the form, the choices and the comment kept; nothing stored', async () => {
  const r = await resolvedRepair(staff);
  const base = { attitude: '4', timeliness: '2', quality: '5', overall: '3', solved: '1', comment: `评价<b>${TAG}</b>` };
  const cases = [
    [{ ...base, overall: undefined }, /1 到 5 分/],
    [{ ...base, quality: '7' }, /1 到 5 分/],
    [{ ...base, attitude: '0' }, /1 到 5 分/],
    [{ ...base, solved: 'maybe' }, /是否已解决/],
    [{ ...base, solved: undefined }, /是否已解决/],
    [{ ...base, comment: '长'.repeat(1001) }, /意见/],
  ];
  for (const [fields, message] of cases) {
    const { res } = await postTrackForm(r.no, r.phone, '/track/rate', fields);
    assert.equal(res.status, 422, `${JSON.stringify(fields).slice(0, 80)} answered ${res.status}`);
    const rating = section(res.text, 'rating');
    assert.match(alertText(rating), message);
    assert.ok(hasRateForm(res.text), 'the 422 page has no form');
    assert.equal(trackStatus(res.text), 'resolved', 'the 422 page does not show the request');
    for (const d of [...RATING_DIMENSIONS, 'solved']) {
      const choices = d === 'solved' ? ['0', '1'] : ['1', '2', '3', '4', '5'];
      assert.equal(checkedValue(res.text, d), choices.includes(fields[d]) ? fields[d] : null, `${d} not kept`);
    }
    if (fields.comment.length < 1000) assert.equal(fieldValue(res.text, 'comment'), fields.comment);
    assert.match(fieldValue(res.text, 'token'), /^[0-9a-f]{64}$/);
  }
  // a missing choice is marked next to it
  const { res } = await postTrackForm(r.no, r.phone, '/track/rate', { ...base, overall: undefined, solved: undefined });
  assert.equal(fieldError(res.text, 'solved'), '请选择');
  assert.ok(!res.text.includes(`<b>${TAG}</b>`), 'the comment is not escaped');
  // the honeypot
  const bot = await postTrackForm(r.no, r.phone, '/track/rate', { ...base, website: 'http://spam.example/' });
  assert.equal(bot.res.status, 422);
  assert.equal(count(`SELECT COUNT(*) FROM satisfaction WHERE subject = 'repair' AND subject_id = ${r.id}`), 0);
  assert.equal(count(`SELECT COUNT(*) FROM complaints WHERE subject = 'repair' AND subject_id = ${r.id}`), 0);
  assert.equal(callbacksOf('repair', r.id)[0].status, 'due');
  const token = bot.token;
  assert.equal(count(`SELECT COUNT(*) FROM submissions WHERE token = '${sqlSafe(token)}'`), 0, 'a refused form used up its token');
});

test('a repair not resolved offers no rating form and a posted rating is refused; closed ones are rated', async () => {
  const r = await newRepair();
  await repairActionOk(staff.agent, r.id, 'accept', { priority: 'normal' });
  const page = await track(r.no, r.phone);
  assert.equal(trackStatus(page.text), 'accepted');
  assert.ok(!hasRateForm(page.text), 'an accepted repair offers the rating form');
  assert.equal(section(page.text, 'rating'), null);
  const res = await postRaw('/track/rate', { no: r.no, phone: r.phone, token: freshToken(), attitude: '5', timeliness: '5', quality: '5', overall: '5', solved: '1' });
  assert.equal(res.status, 422, `rating an accepted repair answered ${res.status}`);
  assert.match(alertText(section(res.text, 'rating')), /尚未处理完毕/);
  assert.ok(!hasRateForm(res.text), 'the refusal offers the form');
  assert.equal(count(`SELECT COUNT(*) FROM satisfaction WHERE subject = 'repair' AND subject_id = ${r.id}`), 0);
  for (const status of ['cancelled', 'in_progress']) {
    sql(`UPDATE repairs SET status = '${status}' WHERE id = ${r.id}`);
    assert.ok(!hasRateForm((await track(r.no, r.phone)).text), `a ${status} repair offers the form`);
  }
  sql(`UPDATE repairs SET status = 'closed' WHERE id = ${r.id}`);
  await rateOnline(r.no, r.phone);
  // a callback already made by phone answers the question too
  const phoned = await resolvedRepair(staff);
  sql(`INSERT INTO satisfaction (subject, subject_id, source, attitude, timeliness, quality, overall, solved, created_at)
    VALUES ('repair', ${phoned.id}, 'phone', 4, 4, 4, 5, 1, NOW())`);
  const p = await track(phoned.no, phoned.phone);
  assert.ok(!hasRateForm(p.text), 'a repair rated by phone offers the form');
  assert.equal(shownScores(p.text).overall, '5');
});

test('a refunded return is rated too, closing its callback; returns not finished are not', async () => {
  const t = insertReturn({ status: 'inspected', inspection: 'fault_confirmed', amount_paid: 129900 });
  await returnActionOk(staff.supervisor, t.id, 'refund', { amount: '1299', method: 'original', reference: `WX${TAG}` });
  assert.equal(callbacksOf('return', t.id)[0]?.status, 'due', 'no callback after the refund');
  const page = await track(t.no, t.phone);
  assert.equal(trackStatus(page.text), 'refunded');
  assert.ok(hasRateForm(page.text));
  await rateOnline(t.no, t.phone, { score: 5 });
  assert.deepEqual(q(`SELECT source, overall FROM satisfaction WHERE subject = 'return' AND subject_id = ${t.id}`), [['online', '5']]);
  assert.deepEqual(callbacksOf('return', t.id).map((c) => [c.status, c.outcome]), [['done', 'answered_online']]);
  for (const status of ['requested', 'approved', 'rejected', 'inspected', 'converted', 'cancelled']) {
    const o = insertReturn({ status });
    assert.ok(!hasRateForm((await track(o.no, o.phone)).text), `a ${status} return offers the rating form`);
  }
  for (const status of ['exchanged', 'closed']) {
    const o = insertReturn({ status });
    assert.ok(hasRateForm((await track(o.no, o.phone)).text), `a ${status} return offers no rating form`);
  }
});

test('no internal note reaches the page: results, staff notes, complaint descriptions and causes, rating notes', async () => {
  const secret = `内部${TAG}`;
  const r = await resolvedRepair(staff);
  await repairActionOk(staff.agent, r.id, 'note', { note: `备注${secret}` });
  await rateOnline(r.no, r.phone, { score: 1, comment: `评论${secret}` });
  const sent = await postRaw('/track/complain', { no: r.no, phone: r.phone, token: freshToken(), description: `描述${secret}` });
  assert.equal(sent.status, 409, 'a second complaint was taken while the automatic one is open');
  sql(`UPDATE complaints SET cause = '原因${secret}', measures = '措施${secret}', status = 'resolved' WHERE subject = 'repair' AND subject_id = ${r.id}`);
  const c = await postTrackForm(r.no, r.phone, '/track/complain', { description: `描述${secret}` });
  assert.equal(c.res.status, 303);
  const page = htmlUnescape((await track(r.no, r.phone)).text);
  for (const s of [`备注${secret}`, `评论${secret}`, `描述${secret}`, `原因${secret}`, `措施${secret}`, '更换温控器', '在线评价：', '回访评价', `评师傅${TAG}`]) {
    assert.ok(!page.includes(s), `the tracking page shows "${s}"`);
  }
  assert.equal(shownComplaints(page).length, 2);
});
