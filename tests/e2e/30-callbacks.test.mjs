// Callbacks (回访): made when a repair is resolved or a return refunded, due delay_days business days
// later; taken by one agent at a time (two at once: one wins), released, taken over when left
// untouched; the outcome of a call (the attempts and the next working half-day, unreachable, wrong
// number, the rating per dimension with a complaint on a bad one, a complaint's follow-up); the whole
// phone only for the agent calling, with the audit; roles and CSRF; supervisors scheduling by hand and
// in bulk; the list's tabs, search, masking and pages.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, loginAdmin, login, createUser, sql, appSql, sqlSafe, sqlQuote, snippet, RUN_ID, uniquePhone, maskPhone,
  newRepair, repairPage, insertReturn, returnActionOk, alertText, htmlUnescape, timeline, extractCsrf,
  callbackPage, callbackAction, callbackActionOk, callbackRows, pageThrough, clearPublicThrottles, appSetting,
  parseLocal, fmtLocal, businessAdd, nextHalfDay, holidaySet, assertErrorPage, fieldError, insertCallback, assertRefused, resolvedRepair,
} from './lib.mjs';

const TAG = RUN_ID.slice(-4);
const u = {};
let admin;
let agent;
let agent2;
let supervisor;
let tech;

before(async () => {
  admin = await loginAdmin();
  clearPublicThrottles();
  u.agent = await createUser(admin, { role: 'agent', display_name: `回访小周${TAG}` });
  u.agent2 = await createUser(admin, { role: 'agent', display_name: `回访小吴${TAG}` });
  u.supervisor = await createUser(admin, { role: 'supervisor', display_name: `回访主管${TAG}` });
  u.tech = await createUser(admin, { role: 'technician', display_name: `回访师傅${TAG}` });
  agent = await login(u.agent.username, u.agent.password);
  agent2 = await login(u.agent2.username, u.agent2.password);
  supervisor = await login(u.supervisor.username, u.supervisor.password);
  tech = await login(u.tech.username, u.tech.password);
});

const nowText = () => appSql("SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s')")[0][0];
const MAX_ATTEMPTS = Number(appSetting('max_attempts') ?? 3);
const RELEASE_MINUTES = Number(appSetting('release_minutes') ?? 30);
const DELAY_DAYS = Number(appSetting('delay_days') ?? 2);

/** A callback row's columns, expressions written here ('NULL' for NULL). */
function cb(id, columns) {
  const row = sql(`SELECT ${columns.join(', ')} FROM callbacks WHERE id = ${sqlSafe(id)}`)[0];
  assert.ok(row, `no callback ${id}`);
  return Object.fromEntries(columns.map((c, i) => [c, row[i]]));
}

/** The callback of a repair or return (the only one), or fails. */
function callbackOf(subject, id) {
  const rows = sql(`SELECT id FROM callbacks WHERE subject = '${sqlSafe(subject)}' AND subject_id = ${sqlSafe(id)} ORDER BY id`);
  assert.equal(rows.length, 1, `${subject} ${id} has ${rows.length} callbacks`);
  return Number(rows[0][0]);
}

/** status, version and events of a callback, from the database. */
function snapshot(id) {
  const row = sql(`SELECT status, version, COALESCE(taken_by, 0), attempts, (SELECT COUNT(*) FROM events WHERE subject = 'callback' AND subject_id = c.id) FROM callbacks c WHERE id = ${sqlSafe(id)}`)[0];
  return { status: row[0], version: Number(row[1]), taken_by: Number(row[2]), attempts: Number(row[3]), events: Number(row[4]) };
}

/** The last event of a callback: [action, from, to, note, actor_id]. */
function lastEvent(id, subject = 'callback') {
  return sql(`SELECT action, from_status, to_status, note, COALESCE(actor_id, 0) FROM events WHERE subject = '${sqlSafe(subject)}' AND subject_id = ${sqlSafe(id)} ORDER BY id DESC LIMIT 1`)[0];
}

/** The rows of a list page (the search box keeps what was typed, a phone say). */
const tbody = (html) => /<tbody>([\s\S]*?)<\/tbody>/.exec(html)[1];

/** The phone the callback page shows (a whole one is a tel: link). */
function shownPhone(html) {
  const m = /<dd class="phone" id="phone">([\s\S]*?)<\/dd>/.exec(html);
  return m ? htmlUnescape(m[1].replace(/<[^>]+>/g, '')).trim() : null;
}

/** A repair resolved through the pages (lib's resolvedRepair) with the times around it and its callback. */
async function resolved(overrides = {}) {
  const t0 = nowText();
  const r = await resolvedRepair({ agent, supervisor, tech, techId: u.tech.id }, { product: `回访测试机${TAG}`, ...overrides });
  return { ...r, t0, t1: nowText(), callback: callbackOf('repair', r.id) };
}

const GOOD = { attitude: '5', timeliness: '4', quality: '5', overall: '5', solved: '1', comment: '师傅很专业' };

/** An action on a callback that must be refused with status (and message) and change nothing. */
function refused(client, id, action, fields, status, message) {
  return assertRefused(action, () => callbackAction(client, id, action, fields), () => snapshot(id), status, message);
}

// ------------------------------------------------------------ creation --
test('a resolved repair gets a callback due delay_days business days later, attributed to its technician and agent', async () => {
  const r = await resolved();
  const c = cb(r.callback, ['status', 'reason', 'customer_id', 'technician_id', 'agent_id', 'attempts', "DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s')"]);
  assert.equal(c.status, 'due');
  assert.equal(c.reason, 'resolved');
  assert.equal(c.customer_id, sql(`SELECT customer_id FROM repairs WHERE id = ${r.id}`)[0][0]);
  assert.equal(c.technician_id, String(u.tech.id));
  assert.equal(c.agent_id, String(u.agent.id), 'the agent who accepted the repair is not the callback\'s agent');
  assert.equal(c.attempts, '0');
  const holidays = holidaySet();
  const due = parseLocal(c["DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s')"]);
  const lo = businessAdd(parseLocal(r.t0), DELAY_DAYS * 9 * 60, holidays);
  const hi = businessAdd(parseLocal(r.t1), DELAY_DAYS * 9 * 60, holidays);
  assert.ok(due >= lo - 1000 && due <= hi + 1000, `due ${fmtLocal(due)} is not ${DELAY_DAYS} business days after the resolve (${fmtLocal(lo)}..${fmtLocal(hi)})`);
  assert.deepEqual(lastEvent(r.callback).slice(0, 3), ['schedule', '', 'due']);

  // the list finds it by the repair's number and says what was done and by whom
  const list = await agent.get(`/staff/callbacks?tab=all&q=${r.no}`);
  assert.equal(list.status, 200);
  const rows = callbackRows(list.text);
  assert.deepEqual(rows.map((x) => x.id), [r.callback]);
  const text = rows[0].cells.join(' | ');
  for (const want of [r.no, `回访测试机${TAG}`, '更换温控器，试机正常', u.tech.display_name, u.agent.display_name, '待回访', maskPhone(r.phone)]) {
    assert.ok(text.includes(want), `the row lacks "${want}": ${text}`);
  }
  assert.match(list.text, new RegExp(`<a class="subject" href="/staff/repairs/${r.id}">${r.no}</a>`), 'the number does not link to the repair');
  const page = await callbackPage(agent, r.callback);
  assert.match(page.r.text, new RegExp(`href="/staff/complaints/new\\?no=${r.no}" class="complaint-new"`), 'no phone complaint link on the callback');
  assert.ok(!tbody(list.text).includes(r.phone), 'the list shows the whole phone');
});

test('a refunded return gets a callback about the refund', async () => {
  const t = insertReturn({ status: 'inspected', amount_paid: 59900, inspection: 'fault_confirmed', inspected_by: u.tech.id, created_by: u.agent2.id, product: `退货回访机${TAG}` });
  await returnActionOk(supervisor, t.id, 'refund', { amount: '599', method: 'cash' });
  const id = callbackOf('return', t.id);
  const c = cb(id, ['status', 'reason', 'technician_id', 'agent_id', "due_at > NOW()"]);
  assert.deepEqual([c.status, c.reason, c.technician_id, c.agent_id], ['due', 'refunded', String(u.tech.id), String(u.agent2.id)]);
  assert.equal(c['due_at > NOW()'], '1');
  const list = await agent.get(`/staff/callbacks?tab=all&q=${t.no}`);
  const rows = callbackRows(list.text);
  assert.deepEqual(rows.map((x) => x.id), [id]);
  assert.ok(rows[0].cells.join(' ').includes('退款 ¥599.00'), `the row does not say what was refunded: ${rows[0].cells.join(' | ')}`);
  assert.match(list.text, new RegExp(`href="/staff/returns/${t.id}">${t.no}<`));
});

// ------------------------------------------------------------ attempts --
test('no answer and busy: due again at the next working half-day, unreachable after max_attempts', async () => {
  const c = insertCallback();
  const holidays = holidaySet();
  for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
    await callbackActionOk(agent, c.id, 'take');
    const t0 = nowText();
    await callbackActionOk(agent, c.id, 'call', { outcome: attempt % 2 ? 'no_answer' : 'busy' });
    const t1 = nowText();
    const row = cb(c.id, ['status', 'attempts', 'outcome', 'COALESCE(taken_by, 0)', "DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s')"]);
    assert.equal(row.status, 'due', `after attempt ${attempt}`);
    assert.equal(row.attempts, String(attempt));
    assert.equal(row.outcome, attempt % 2 ? 'no_answer' : 'busy');
    assert.equal(row['COALESCE(taken_by, 0)'], '0', 'the agent still holds a callback due again');
    const due = row["DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s')"];
    const expected = [nextHalfDay(parseLocal(t0), holidays), nextHalfDay(parseLocal(t1), holidays)].map(fmtLocal);
    assert.ok(expected.includes(due), `attempt ${attempt}: due ${due}, expected ${expected.join(' or ')}`);
    const e = lastEvent(c.id);
    assert.deepEqual(e.slice(0, 3), ['call', 'taken', 'due']);
    assert.ok(e[3].includes(`第 ${attempt} 次`) && e[3].includes(due.slice(0, 16)), `event note: ${e[3]}`);
  }
  await callbackActionOk(agent, c.id, 'take');
  await callbackActionOk(agent, c.id, 'call', { outcome: 'no_answer', note: '晚上再试也无人接' });
  const last = cb(c.id, ['status', 'attempts', 'done_by']);
  assert.deepEqual([last.status, last.attempts, last.done_by], ['unreachable', String(MAX_ATTEMPTS), String(u.agent.id)]);
  assert.deepEqual(lastEvent(c.id).slice(0, 3), ['call', 'taken', 'unreachable']);
  const p = await callbackPage(agent, c.id);
  assert.equal(p.status, 'unreachable');
  assert.ok(!/name="action" value="take"/.test(p.r.text), 'an unreachable callback offers take');
  await refused(agent, c.id, 'take', {}, 422, '当前状态不允许此操作');
});

// ------------------------------------------------------------ taking --
test('two agents take the same callback at once: one wins, the other gets 409 naming who has it', async () => {
  const c = insertCallback();
  const [p1, p2] = await Promise.all([callbackPage(agent, c.id), callbackPage(agent2, c.id)]);
  const [r1, r2] = await Promise.all([
    agent.post(`/staff/callbacks/${c.id}/action`, { csrf: p1.csrf, version: p1.version, action: 'take' }),
    agent2.post(`/staff/callbacks/${c.id}/action`, { csrf: p2.csrf, version: p2.version, action: 'take' }),
  ]);
  const statuses = [r1.status, r2.status].sort();
  assert.deepEqual(statuses, [303, 409], `answers ${r1.status} ${r2.status}`);
  const [winner, loser] = r1.status === 303 ? [u.agent, r2] : [u.agent2, r1];
  const row = cb(c.id, ['status', 'taken_by', 'version']);
  assert.deepEqual([row.status, row.taken_by, row.version], ['taken', String(winner.id), '2']);
  assert.equal(sql(`SELECT COUNT(*) FROM events WHERE subject = 'callback' AND subject_id = ${c.id} AND action = 'take'`)[0][0], '1');
  assert.ok(htmlUnescape(loser.text).includes(winner.display_name), `the 409 page does not say who has it: ${snippet(loser.text, 600)}`);
  assert.match(loser.text, /data-status="taken"/);
});

test('release by the taker or a supervisor; another agent can neither release nor call it', async () => {
  const c = insertCallback();
  await callbackActionOk(agent, c.id, 'take');
  let p = await callbackPage(agent2, c.id);
  assert.ok(!/name="action" value="(take|call|release)"/.test(p.r.text), 'another agent is offered take, call or release of a taken callback');
  await refused(agent2, c.id, 'call', { outcome: 'reached', ...GOOD }, 422, '只有正在回访的客服');
  await refused(agent2, c.id, 'release', {}, 422, '只有正在回访的客服或主管');
  await refused(agent2, c.id, 'take', {}, 409);
  await callbackActionOk(agent, c.id, 'release');
  assert.deepEqual(Object.values(cb(c.id, ['status', 'COALESCE(taken_by, 0)', 'COALESCE(taken_at, 0)'])), ['due', '0', '0']);
  assert.deepEqual(lastEvent(c.id).slice(0, 3), ['release', 'taken', 'due']);

  await callbackActionOk(agent2, c.id, 'take');
  p = await callbackPage(supervisor, c.id);
  assert.match(p.r.text, /name="action" value="release"/, 'the supervisor is not offered release');
  await callbackActionOk(supervisor, c.id, 'release');
  assert.equal(cb(c.id, ['status']).status, 'due');
  assert.ok(lastEvent(c.id)[3].includes(u.agent2.display_name), 'the release note does not name whose callback it was');
});

test('a taken callback left untouched longer than release_minutes is shown due and may be taken by another', async () => {
  const c = insertCallback({ takenBy: u.agent.id, takenMinutesAgo: RELEASE_MINUTES - 5, status: 'taken' });
  let p = await callbackPage(agent2, c.id);
  assert.equal(p.status, 'taken');
  await refused(agent2, c.id, 'take', {}, 409);
  appSql(`UPDATE callbacks SET taken_at = NOW() - INTERVAL ${RELEASE_MINUTES + 1} MINUTE WHERE id = ${c.id}`);
  p = await callbackPage(agent2, c.id);
  assert.equal(p.status, 'due', 'a stale take is not shown as due to another agent');
  assert.match(p.r.text, /name="action" value="take"/);
  const list = await agent2.get(`/staff/callbacks?q=${c.phone}`);
  assert.deepEqual(callbackRows(list.text).map((x) => [x.id, x.status]), [[c.id, 'due']]);
  // the taker still sees it as theirs
  assert.equal((await callbackPage(agent, c.id)).status, 'taken');
  await callbackActionOk(agent2, c.id, 'take');
  const row = cb(c.id, ['status', 'taken_by', 'taken_at > NOW() - INTERVAL 1 MINUTE']);
  assert.deepEqual(Object.values(row), ['taken', String(u.agent2.id), '1']);
  assert.ok(lastEvent(c.id)[3].includes(u.agent.display_name), `the take note does not say whose it was: ${lastEvent(c.id)[3]}`);
  // the first agent lost it: no call any more
  await refused(agent, c.id, 'call', { outcome: 'refused' }, 422, '只有正在回访的客服');
});

// ------------------------------------------------------------ outcomes --
test('reached: scores stored per dimension, attributed to the technician and agent of the job; the callback is done', async () => {
  const r = await resolved();
  await callbackActionOk(agent2, r.callback, 'take');
  // the rating is required when reached, and comes back as given
  const bad = await refused(agent2, r.callback, 'call', { outcome: 'reached', attitude: '5', timeliness: '4', quality: '', overall: '5', solved: '1' }, 422, '请为每一项选择');
  assert.match(bad.text, /name="attitude" value="5" checked/, 'the refused form lost the scores');
  await refused(agent2, r.callback, 'call', { outcome: 'reached', attitude: '6', timeliness: '4', quality: '4', overall: '5', solved: '1' }, 422, '请为每一项选择');
  await refused(agent2, r.callback, 'call', { outcome: 'reached', attitude: '5', timeliness: '4', quality: '4', overall: '5' }, 422, '是否已解决');
  await refused(agent2, r.callback, 'call', { outcome: 'answered_online' }, 422, '请选择回访结果');
  await refused(agent2, r.callback, 'call', {}, 422, '请选择回访结果');

  await callbackActionOk(agent2, r.callback, 'call', { outcome: 'reached', ...GOOD, note: '客户很满意' });
  const c = cb(r.callback, ['status', 'outcome', 'attempts', 'done_by', 'note']);
  assert.deepEqual(Object.values(c), ['done', 'reached', '1', String(u.agent2.id), '客户很满意']);
  const s = sql(`SELECT source, attitude, timeliness, quality, overall, solved, comment, technician_id, agent_id, recorded_by, subject, subject_id FROM satisfaction WHERE callback_id = ${r.callback}`);
  assert.deepEqual(s, [['phone', '5', '4', '5', '5', '1', '师傅很专业', String(u.tech.id), String(u.agent.id), String(u.agent2.id), 'repair', String(r.id)]]);
  assert.equal(sql(`SELECT COUNT(*) FROM complaints WHERE callback_id = ${r.callback}`)[0][0], '0', 'a good rating opened a complaint');
  const e = lastEvent(r.callback);
  assert.deepEqual(e.slice(0, 3), ['call', 'taken', 'done']);
  assert.ok(e[3].includes('服务态度 5') && e[3].includes('响应速度 4'), `event note: ${e[3]}`);
  const p = await callbackPage(agent2, r.callback);
  assert.equal(p.status, 'done');
  assert.match(p.r.text, /<li data-dimension="timeliness"><span class="num">4</);
  assert.ok(!/name="action" value="(take|call|release|cancel)"/.test(p.r.text), 'a done callback offers actions');
  // the repair's timeline says it was called back
  const rp = await repairPage(agent, r.id);
  assert.ok(timeline(rp.r.text).some((x) => x.includes(`回访 #${r.callback}`)), 'the repair timeline lacks the callback');
  await refused(agent2, r.callback, 'call', { outcome: 'reached', ...GOOD }, 422, '当前状态不允许此操作');
});

test('a low score or "not solved" opens a complaint, whose number the callback\'s event shows', async () => {
  const r = await resolved();
  await callbackActionOk(agent, r.callback, 'take');
  await callbackActionOk(agent, r.callback, 'call', { outcome: 'reached', attitude: '4', timeliness: '2', quality: '4', overall: '3', solved: '1', comment: '等太久' });
  const k = sql(`SELECT id, public_no, source, subject, subject_id, status, satisfaction_id IS NOT NULL FROM complaints WHERE callback_id = ${r.callback}`);
  assert.equal(k.length, 1, 'no complaint for a low score');
  const [kid, kno, source, subject, subjectId, status, linked] = k[0];
  assert.deepEqual([source, subject, subjectId, status, linked], ['low_score', 'repair', String(r.id), 'open', '1']);
  assert.match(kno, /^C\d{8}-\d{4,12}$/);
  assert.ok(lastEvent(r.callback)[3].includes(kno), `the callback's event does not show ${kno}: ${lastEvent(r.callback)[3]}`);
  assert.deepEqual(lastEvent(kid, 'complaint').slice(0, 3), ['open', '', 'open']);
  assert.ok(sql(`SELECT note FROM events WHERE subject = 'repair' AND subject_id = ${r.id} AND action = 'complaint'`)[0][0].includes(kno));

  const r2 = await resolved();
  await callbackActionOk(agent, r2.callback, 'take');
  await callbackActionOk(agent, r2.callback, 'call', { outcome: 'reached', ...GOOD, solved: '0' });
  assert.deepEqual(sql(`SELECT source FROM complaints WHERE callback_id = ${r2.callback}`), [['not_solved']]);
});

test('wrong number: done, and the customer record asks for a correction until the phone is changed', async () => {
  const c = insertCallback();
  await callbackActionOk(agent, c.id, 'take');
  await callbackActionOk(agent, c.id, 'call', { outcome: 'wrong_number', note: '对方说打错了' });
  assert.deepEqual(Object.values(cb(c.id, ['status', 'outcome'])), ['done', 'wrong_number']);
  assert.equal(sql(`SELECT phone_flagged_at IS NOT NULL FROM customers WHERE id = ${c.customerId}`)[0][0], '1');
  let page = await agent.get(`/staff/customers/${c.customerId}`);
  assert.ok(page.text.includes('电话号码有误，请核实更正'), 'the customer page does not ask for a correction');
  const fields = (p) => ({ csrf: extractCsrf(p.text), version: /name="version" value="(\d+)"/.exec(p.text)[1], name: `回访客户${TAG}`, email: '', address: '', notes: '' });
  // saving without changing the phone keeps the mark
  let r = await agent.post(`/staff/customers/${c.customerId}`, { ...fields(page), phone: c.phone, notes: '核实中' });
  assert.equal(r.status, 303, snippet(r.text));
  assert.equal(sql(`SELECT phone_flagged_at IS NOT NULL FROM customers WHERE id = ${c.customerId}`)[0][0], '1', 'saving the same phone cleared the mark');
  page = await agent.get(`/staff/customers/${c.customerId}`);
  r = await agent.post(`/staff/customers/${c.customerId}`, { ...fields(page), phone: uniquePhone('3') });
  assert.equal(r.status, 303, snippet(r.text));
  assert.equal(sql(`SELECT phone_flagged_at IS NULL FROM customers WHERE id = ${c.customerId}`)[0][0], '1', 'a new phone did not clear the mark');
  page = await agent.get(`/staff/customers/${c.customerId}`);
  assert.ok(!page.text.includes('电话号码有误'), 'the notice stays after the correction');
});

test('refused: done without a rating', async () => {
  const c = insertCallback();
  await callbackActionOk(agent, c.id, 'take');
  await callbackActionOk(agent, c.id, 'call', { outcome: 'refused' });
  assert.deepEqual(Object.values(cb(c.id, ['status', 'outcome', 'attempts'])), ['done', 'refused', '1']);
  assert.equal(sql(`SELECT COUNT(*) FROM satisfaction WHERE callback_id = ${c.id}`)[0][0], '0');
});

test('the follow-up of a complaint: solved closes it, not solved reopens it, with a confirm event', async () => {
  const make = () => {
    const c = insertCallback({ reason: 'complaint' });
    const no = `C19990101-${String(c.id).padStart(6, '0')}`;
    const kid = Number(appSql(`INSERT INTO complaints (public_no, subject, subject_id, customer_id, source, description, status, response_due, resolve_due, created_at, updated_at)
      VALUES ('${no}', 'customer', ${c.customerId}, ${c.customerId}, 'phone', '服务态度差', 'resolved', NOW(), NOW(), NOW(), NOW()); SELECT LAST_INSERT_ID();`)[0][0]);
    sql(`UPDATE callbacks SET complaint_id = ${kid} WHERE id = ${c.id}; UPDATE complaints SET followup_callback_id = ${c.id} WHERE id = ${kid}`);
    return { ...c, kid, no };
  };
  const a = make();
  let p = await callbackPage(agent, a.id);
  assert.ok(p.r.text.includes(a.no), 'the callback page does not show the complaint it follows');
  await callbackActionOk(agent, a.id, 'take');
  await callbackActionOk(agent, a.id, 'call', { outcome: 'reached', ...GOOD });
  assert.deepEqual(sql(`SELECT status, closed_at IS NOT NULL, version, followup_callback_id FROM complaints WHERE id = ${a.kid}`), [['closed', '1', '2', String(a.id)]]);
  assert.deepEqual(lastEvent(a.kid, 'complaint').slice(0, 3), ['confirm', 'resolved', 'closed']);
  assert.ok(lastEvent(a.id)[3].includes(a.no), 'the callback event does not name the complaint');

  const b = make();
  await callbackActionOk(agent, b.id, 'take');
  await callbackActionOk(agent, b.id, 'call', { outcome: 'reached', ...GOOD, overall: '2', solved: '0' });
  assert.deepEqual(sql(`SELECT status, closed_at IS NULL, resolved_at IS NULL, resolve_due > NOW(), version FROM complaints WHERE id = ${b.kid}`),
    [['reopened', '1', '1', '1', '2']]);
  assert.deepEqual(lastEvent(b.kid, 'complaint').slice(0, 3), ['confirm', 'resolved', 'reopened']);
  assert.equal(sql(`SELECT COUNT(*) FROM complaints WHERE callback_id = ${b.id}`)[0][0], '0', 'the follow-up opened a second complaint');
  assert.equal(sql(`SELECT COUNT(*) FROM satisfaction WHERE callback_id = ${b.id}`)[0][0], '1', 'the follow-up rating was not stored');
});

// ------------------------------------------------------------ privacy --
test('the whole phone only for the agent calling, each showing in the audit', async () => {
  const c = insertCallback();
  const audits = () => Number(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'phone_view' AND target = 'callback #${c.id}'`)[0][0]);
  for (const who of [agent, agent2, supervisor, tech]) {
    const p = await callbackPage(who, c.id);
    assert.equal(shownPhone(p.r.text), maskPhone(c.phone));
    assert.ok(!p.r.text.includes(c.phone), 'the whole phone is on the page of someone not calling');
  }
  assert.equal(audits(), 0);
  await callbackActionOk(agent, c.id, 'take');
  let p = await callbackPage(agent, c.id);
  assert.equal(shownPhone(p.r.text), c.phone, 'the agent calling does not see the whole phone');
  p = await callbackPage(agent, c.id);
  assert.equal(audits(), 2, 'each showing of the whole phone is not audited');
  assert.deepEqual(sql(`SELECT actor_id, actor FROM audit_log WHERE action = 'phone_view' AND target = 'callback #${c.id}' ORDER BY id DESC LIMIT 1`),
    [[String(u.agent.id), u.agent.username]]);
  for (const who of [agent2, supervisor]) {
    const other = await callbackPage(who, c.id);
    assert.equal(shownPhone(other.r.text), maskPhone(c.phone), 'someone else sees the whole phone while an agent calls');
  }
  assert.equal(audits(), 2);
  const list = await agent.get(`/staff/callbacks?q=${c.phone}`);
  assert.ok(!tbody(list.text).includes(c.phone) && tbody(list.text).includes(maskPhone(c.phone)), 'the list does not mask the phone of the taker');
  await callbackActionOk(agent, c.id, 'call', { outcome: 'refused' });
  p = await callbackPage(agent, c.id);
  assert.equal(shownPhone(p.r.text), maskPhone(c.phone), 'the phone stays whole after the call');
});

// ------------------------------------------------------------ roles, CSRF --
test('roles: technicians take nothing, agents cancel nothing; CSRF missing is 403 and changes nothing', async () => {
  const c = insertCallback();
  const p = await callbackPage(tech, c.id);
  assert.equal(p.r.status, 200);
  assert.ok(!/name="action" value="take"/.test(p.r.text), 'a technician is offered take');
  await refused(tech, c.id, 'take', {}, 422, '您的角色无权进行此操作');
  await refused(agent, c.id, 'cancel', { reason: '不需要' }, 422, '您的角色无权进行此操作');
  // a note is for everyone
  await callbackActionOk(tech, c.id, 'note', { note: `技术备注${TAG}` });
  assert.deepEqual(lastEvent(c.id).slice(0, 4), ['note', '', '', `技术备注${TAG}`]);

  const before = snapshot(c.id);
  const page = await callbackPage(agent, c.id);
  let r = await agent.post(`/staff/callbacks/${c.id}/action`, { version: page.version, action: 'take' });
  assertErrorPage(r, 403);
  r = await agent.post(`/staff/callbacks/${c.id}/action`, { csrf: 'x'.repeat(64), version: page.version, action: 'take' });
  assertErrorPage(r, 403);
  assert.deepEqual(snapshot(c.id), before, 'a POST without a valid csrf changed the callback');
  // a stale version is 409
  await refused(agent, c.id, 'take', { version: String(before.version - 1 || 99) }, 409);

  // cancel needs a reason; a supervisor cancels
  await refused(supervisor, c.id, 'cancel', { reason: '' }, 422, '取消原因');
  await callbackActionOk(supervisor, c.id, 'cancel', { reason: '客户已来店当面反馈' });
  assert.deepEqual(Object.values(cb(c.id, ['status', 'note'])), ['cancelled', '客户已来店当面反馈']);

  // the list is for all staff; scheduling is for supervisors
  assert.equal((await tech.get('/staff/callbacks')).status, 200);
  assertErrorPage(await agent.get('/staff/callbacks/bulk'), 403);
  assertErrorPage(await tech.get('/staff/callbacks/bulk'), 403);
  assertErrorPage(await agent.postForm('/staff/callbacks/bulk', { product: 'x', days: '30', due_date: '2099-01-01' }), 403);
  assertErrorPage(await agent.postForm(`/staff/customers/${c.customerId}/callback`, { due: '2099-01-01T10:00', about: 'customer' }), 403);
  assert.equal((await new Client().get('/staff/callbacks')).status, 303);
});

// ------------------------------------------------------------ scheduling --
test('a supervisor schedules a callback for one customer, about their latest repair or the customer', async () => {
  const r = await newRepair({ product: `手动回访机${TAG}` });
  const customerId = Number(sql(`SELECT customer_id FROM repairs WHERE id = ${r.id}`)[0][0]);
  const page = await supervisor.get(`/staff/customers/${customerId}`);
  assert.match(page.text, new RegExp(`action="/staff/customers/${customerId}/callback"`), 'the customer page has no scheduling form');
  let res = await supervisor.postForm(`/staff/customers/${customerId}/callback`, { due: '2099-13-01T10:00', about: 'repair' });
  assert.equal(res.status, 422);
  assert.match(fieldError(res.text, 'due'), /回访时间格式/);
  res = await supervisor.postForm(`/staff/customers/${customerId}/callback`, { due: '', about: 'repair', note: '留着' });
  assert.equal(res.status, 422);
  assert.equal(htmlUnescape(/name="note" maxlength="500" value="([^"]*)"/.exec(res.text)[1]), '留着');
  res = await supervisor.postForm(`/staff/customers/${customerId}/callback`, { due: '2099-03-02T10:30', about: 'repair', note: `询问使用情况${TAG}` });
  assert.equal(res.status, 303, snippet(res.text));
  const id = Number(/^\/staff\/callbacks\/(\d+)$/.exec(res.location)[1]);
  const c = cb(id, ['subject', 'subject_id', 'customer_id', 'reason', "DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s')", 'created_by']);
  assert.deepEqual(Object.values(c), ['repair', String(r.id), String(customerId), 'manual', '2099-03-02 10:30:00', String(u.supervisor.id)]);
  assert.ok(sql(`SELECT note FROM events WHERE subject = 'callback' AND subject_id = ${id} AND action = 'note'`)[0][0].includes(`询问使用情况${TAG}`));
  res = await supervisor.postForm(`/staff/customers/${customerId}/callback`, { due: '2099-03-03T09:00', about: 'customer' });
  assert.equal(res.status, 303);
  const id2 = Number(/(\d+)$/.exec(res.location)[1]);
  assert.deepEqual(Object.values(cb(id2, ['subject', 'subject_id'])), ['customer', String(customerId)]);
});

/** Customers with repairs of product (finished resolvedDaysAgo days ago) and the given callbacks, in the database. */
function bulkCustomer(product, { status = 'closed', resolvedAt = 'NOW() - INTERVAL 10 DAY', callback } = {}) {
  const phone = uniquePhone('4');
  const day = appSql("SELECT DATE_FORMAT(CURDATE(), '%Y%m%d')")[0][0];
  const rows = appSql(`INSERT INTO customers (name, phone, created_at, updated_at) VALUES ('批量${TAG}', '${phone}', NOW(), NOW());
    SET @c = LAST_INSERT_ID();
    INSERT INTO repairs (public_no, customer_id, channel, contact_name, contact_phone, address, product, fault, status, resolved_at, created_at, updated_at)
    VALUES (CONCAT('R${day}-9', LPAD(@c, 9, '0')), @c, 'web', '批量${TAG}', '${phone}', '', ${sqlQuote(product)}, '不制冷', '${sqlSafe(status)}', ${resolvedAt}, NOW(), NOW());
    SELECT @c, LAST_INSERT_ID();`);
  const [customerId, repairId] = rows[0].map(Number);
  if (callback) {
    appSql(`INSERT INTO callbacks (subject, subject_id, customer_id, reason, status, due_at, done_at, created_at, updated_at)
      VALUES ('repair', ${repairId}, ${customerId}, 'resolved', '${sqlSafe(callback.status)}', NOW(), ${callback.doneAt ?? 'NULL'}, NOW(), NOW())`);
  }
  return { customerId, repairId, phone };
}

function addRepair(customer, product) {
  const day = appSql("SELECT DATE_FORMAT(CURDATE(), '%Y%m%d')")[0][0];
  return Number(appSql(`INSERT INTO repairs (public_no, customer_id, channel, contact_name, contact_phone, address, product, fault, status, resolved_at, created_at, updated_at)
    VALUES (CONCAT('R${day}-8', LPAD(${customer.customerId}, 9, '0')), ${customer.customerId}, 'web', '批量${TAG}', '${customer.phone}', '', ${sqlQuote(product)}, '又坏了', 'resolved', NOW() - INTERVAL 2 DAY, NOW(), NOW());
    SELECT LAST_INSERT_ID();`)[0][0]);
}

test('bulk 定期回访: a preview count, then one callback per customer not called lately, in one go', async () => {
  const product = `定期回访机${TAG}`;
  const fresh = bulkCustomer(product);
  const calledLately = bulkCustomer(product, { callback: { status: 'done', doneAt: 'NOW() - INTERVAL 5 DAY' } });
  const calledLongAgo = bulkCustomer(product, { callback: { status: 'done', doneAt: 'NOW() - INTERVAL 60 DAY' } });
  const stillOpen = bulkCustomer(product, { callback: { status: 'due' } });
  bulkCustomer(`别的产品${TAG}`);
  bulkCustomer(product, { status: 'cancelled', resolvedAt: 'NULL' });
  const twice = bulkCustomer(product);
  const latest = addRepair(twice, product);
  const flagged = bulkCustomer(product);
  sql(`UPDATE customers SET phone_flagged_at = NOW() WHERE id = ${flagged.customerId}`);
  const dueDate = appSql("SELECT DATE_FORMAT(CURDATE() + INTERVAL 3 DAY, '%Y-%m-%d')")[0][0];

  const form = await supervisor.get('/staff/callbacks/bulk');
  assert.equal(form.status, 200);
  let r = await supervisor.postForm('/staff/callbacks/bulk', { product, days: '30', due_date: dueDate });
  assert.equal(r.status, 200, snippet(r.text));
  assert.match(r.text, /id="bulk-count">3</, `preview: ${snippet(r.text, 800)}`);
  assert.equal(sql(`SELECT COUNT(*) FROM callbacks WHERE reason = 'bulk' AND customer_id IN (${fresh.customerId}, ${calledLongAgo.customerId}, ${twice.customerId})`)[0][0], '0', 'the preview created callbacks');

  r = await supervisor.postForm('/staff/callbacks/bulk', { product, days: '30', due_date: dueDate, confirm: '1' });
  assert.equal(r.status, 303, snippet(r.text));
  assert.equal(r.location, '/staff/callbacks/bulk?created=3');
  const made = sql(`SELECT customer_id, subject, subject_id, status, DATE_FORMAT(due_at, '%Y-%m-%d %H:%i'), created_by FROM callbacks WHERE reason = 'bulk' AND customer_id IN (${[fresh, calledLately, calledLongAgo, stillOpen, twice, flagged].map((x) => x.customerId).join(',')}) ORDER BY customer_id`);
  assert.deepEqual(made, [
    [String(fresh.customerId), 'repair', String(fresh.repairId), 'due', `${dueDate} 09:00`, String(u.supervisor.id)],
    [String(calledLongAgo.customerId), 'repair', String(calledLongAgo.repairId), 'due', `${dueDate} 09:00`, String(u.supervisor.id)],
    [String(twice.customerId), 'repair', String(latest), 'due', `${dueDate} 09:00`, String(u.supervisor.id)],
  ]);
  assert.ok(Number(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'callback_bulk' AND detail LIKE '3 created: 产品=${product} %'`)[0][0]) === 1, 'no audit entry of the bulk scheduling');
  const done = await supervisor.get(r.location);
  assert.match(done.text, /已安排 <strong>3<\/strong> 个回访/);
  // sent again: nobody left (they all have one open now)
  r = await supervisor.postForm('/staff/callbacks/bulk', { product, days: '30', due_date: dueDate, confirm: '1' });
  assert.equal(r.status, 200);
  assert.match(r.text, /id="bulk-count">0</);
  assert.ok(!/name="confirm"/.test(r.text), 'nothing to create, yet a create button');
});

test('bulk by a date range of finished repairs, the cap and the form\'s refusals', async () => {
  // a day of the 1990s of this run's own, so earlier runs do not count
  const day = appSql(`SELECT DATE_FORMAT(DATE '1991-01-01' + INTERVAL ${Math.floor(Math.random() * 3000)} DAY, '%Y-%m-%d')`)[0][0];
  bulkCustomer(`范围机${TAG}`, { resolvedAt: `'${day} 10:00:00'` });
  bulkCustomer(`范围机${TAG}`, { resolvedAt: `'${day} 17:00:00'` });
  bulkCustomer(`范围机${TAG}`, { resolvedAt: `'${day} 10:00:00' + INTERVAL 1 DAY` });
  const dueDate = appSql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')")[0][0];
  let r = await supervisor.postForm('/staff/callbacks/bulk', { from: day, to: day, days: '30', due_date: dueDate });
  assert.equal(r.status, 200, snippet(r.text));
  assert.match(r.text, /id="bulk-count">2</);

  r = await supervisor.postForm('/staff/callbacks/bulk', { days: '30', due_date: dueDate });
  assert.equal(r.status, 422);
  assert.match(fieldError(r.text, 'product'), /请填写产品/);
  r = await supervisor.postForm('/staff/callbacks/bulk', { product: 'x', days: '0', due_date: '2001-01-01', from: '2020-02-02', to: '2020-01-01' });
  assert.equal(r.status, 422);
  assert.match(fieldError(r.text, 'days'), /1 到 3650/);
  assert.match(fieldError(r.text, 'due_date'), /不能早于今天/);
  assert.match(fieldError(r.text, 'to'), /不能早于开始日期/);

  // more than 5000 customers: refused as a whole
  const big = appSql(`SELECT DATE_FORMAT(DATE '1991-01-01' + INTERVAL ${3001 + Math.floor(Math.random() * 600)} DAY, '%Y-%m-%d')`)[0][0];
  const stamp = appSql("SELECT DATE_FORMAT(CURDATE(), '%Y%m%d')")[0][0];
  appSql(`INSERT INTO customers (name, phone, notes, created_at, updated_at) SELECT '批量上限', CONCAT('1990', LPAD(seq, 7, '0')), 'cap-${TAG}', NOW(), NOW() FROM seq_1_to_5001;
    INSERT INTO repairs (public_no, customer_id, channel, contact_name, contact_phone, address, product, fault, status, resolved_at, created_at, updated_at)
      SELECT CONCAT('R${stamp}-7', LPAD(id, 10, '0')), id, 'web', name, phone, '', '上限机', '坏', 'closed', '${big} 12:00:00', NOW(), NOW()
      FROM customers WHERE notes = 'cap-${TAG}'`);
  r = await supervisor.postForm('/staff/callbacks/bulk', { from: big, to: big, days: '30', due_date: dueDate, confirm: '1' });
  assert.equal(r.status, 422);
  assert.match(alertText(r.text), /超过 5000 位/);
  assert.equal(sql(`SELECT COUNT(*) FROM callbacks c JOIN customers cu ON cu.id = c.customer_id WHERE cu.notes = 'cap-${TAG}'`)[0][0], '0');
});

// ------------------------------------------------------------ the list --
test('the list: due today, overdue, mine and all, by due time or newest first, phones masked', async () => {
  const phone = uniquePhone('3');
  const first = insertCallback({ phone, dueMinutes: -60 * 24 });
  const one = (o) => insertCallback({ customerId: first.customerId, phone, ...o });
  const overdue = first;
  const takenMine = one({ dueMinutes: -60 * 24 + 1, status: 'taken', takenBy: u.agent.id });
  const takenOther = one({ dueMinutes: -60 * 24 + 2, status: 'taken', takenBy: u.agent2.id });
  // today, later than now (the end of today)
  const todayLater = Number(appSql(`INSERT INTO callbacks (subject, subject_id, customer_id, reason, due_at, created_at, updated_at)
    VALUES ('customer', ${first.customerId}, ${first.customerId}, 'manual', CURDATE() + INTERVAL 1 DAY - INTERVAL 1 SECOND, NOW(), NOW()); SELECT LAST_INSERT_ID();`)[0][0]);
  const tomorrow = one({ dueMinutes: 60 * 24 * 2 });
  const done = one({ dueMinutes: -60, status: 'done' });
  const ids = async (client, query) => {
    const r = await client.get(`/staff/callbacks?q=${phone}${query}`);
    assert.equal(r.status, 200);
    assert.ok(!tbody(r.text).includes(phone), `the list shows the whole phone (${query})`);
    const rows = callbackRows(r.text);
    rows.forEach((x) => assert.ok(x.cells.some((c) => c.includes(maskPhone(phone))), `a row lacks the masked phone: ${x.cells.join(' | ')}`));
    return rows.map((x) => x.id);
  };
  assert.deepEqual(await ids(agent, ''), [overdue.id, takenMine.id, takenOther.id, todayLater], 'due today (the default tab)');
  assert.deepEqual(await ids(agent, '&tab=today'), [overdue.id, takenMine.id, takenOther.id, todayLater]);
  assert.deepEqual(await ids(agent, '&tab=overdue'), [overdue.id, takenMine.id, takenOther.id]);
  assert.deepEqual(await ids(agent, '&overdue=1'), [overdue.id, takenMine.id, takenOther.id], 'the staff home link overdue=1');
  assert.deepEqual(await ids(agent, '&tab=mine'), [takenMine.id]);
  assert.deepEqual(await ids(agent2, '&tab=mine'), [takenOther.id]);
  assert.deepEqual(await ids(agent, '&tab=all'), [done.id, tomorrow.id, todayLater, takenOther.id, takenMine.id, overdue.id]);
  assert.deepEqual(await ids(agent, '&tab=all&status=done'), [done.id]);
  assert.deepEqual(await ids(agent, '&status=taken'), [takenOther.id, takenMine.id], 'a status alone is the all tab');
  const page = await agent.get(`/staff/callbacks?q=${phone}&tab=overdue`);
  const row = callbackRows(page.text).find((x) => x.id === takenOther.id);
  assert.equal(row.status, 'taken');
  assert.ok(row.cells.join(' ').includes(u.agent2.display_name), 'the row does not say who took it');
  assert.ok(row.cells.join(' ').includes('已超时'));
  // by name
  const byName = callbackRows((await agent.get(`/staff/callbacks?tab=all&q=${encodeURIComponent(`回访客户${TAG}`)}`)).text).map((x) => x.id);
  assert.ok(byName.includes(done.id), 'the search by name does not find the customer');

  // the staff home counts them
  const home = await agent.get('/staff');
  assert.match(home.text, /id="callback-today-count">\d+\+?</);
  assert.match(home.text, /id="callback-overdue-count">\d+\+?</);
  assert.match(home.text, /href="\/staff\/callbacks\?tab=today"/);
});

test('the list pages by keyset, in due order without repeats', async () => {
  const phone = uniquePhone('3');
  const first = insertCallback({ phone, dueMinutes: -500 });
  const values = Array.from({ length: 54 }, (_, i) => `('customer', ${first.customerId}, ${first.customerId}, 'manual', NOW() - INTERVAL ${(i % 7) * 10} MINUTE, NOW(), NOW())`);
  appSql(`INSERT INTO callbacks (subject, subject_id, customer_id, reason, due_at, created_at, updated_at) VALUES ${values.join(', ')}`);
  const expected = sql(`SELECT id FROM callbacks WHERE customer_id = ${first.customerId} ORDER BY due_at, id`).map((x) => Number(x[0]));
  const today = await pageThrough(agent, `/staff/callbacks?tab=today&q=${phone}`, callbackRows);
  assert.deepEqual(today.sizes, [50, 5]);
  assert.deepEqual(today.seen, expected);
  const all = await pageThrough(agent, `/staff/callbacks?tab=all&q=${phone}`, callbackRows);
  assert.deepEqual(all.sizes, [50, 5]);
  assert.deepEqual(all.seen, [...expected].sort((a, b) => b - a));
});
