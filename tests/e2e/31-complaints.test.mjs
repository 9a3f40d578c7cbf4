// Complaints (投诉) for staff: an agent takes one on the phone form (by a repair's or return's number
// or a customer), its time limits in business hours, the whole workflow open -> investigating ->
// resolved (the follow-up call scheduled in the same step) -> closed only once that call confirmed the
// problem solved, resolved -> reopened -> investigating -> resolved again, the refusals (fields, 责任人,
// roles, status, CSRF, stale version), a complaint opened by a bad rating with its scores on the page,
// and the list's search, filters, overdue marker, keyset pages and the staff home's overdue count.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, loginAdmin, login, createUser, sql, appSql, sqlSafe, sqlQuote, snippet, RUN_ID, uniquePhone, maskPhone,
  dataStatus, timeline, alertText, htmlUnescape, fieldError, fieldValue, newRepair, insertReturn, repairPage, returnPage,
  complaintPage, complaintAction, complaintActionOk, complaintRows, postComplaint, pageThrough, parseLocal, fmtLocal,
  businessAdd, nextHalfDay, holidaySet,
  assertRefused, expectComplaintStatus as expectStatus,
} from './lib.mjs';

let agent;
let supervisor;
let tech;
const u = {};
const TAG = RUN_ID.slice(-4);

before(async () => {
  const admin = await loginAdmin();
  u.agent = await createUser(admin, { role: 'agent', display_name: `投诉客服${TAG}` });
  u.supervisor = await createUser(admin, { role: 'supervisor', display_name: `投诉主管${TAG}` });
  u.tech = await createUser(admin, { role: 'technician', display_name: `责任师傅${TAG}` });
  u.gone = await createUser(admin, { role: 'technician', display_name: `离职师傅${TAG}` });
  sql(`UPDATE users SET active = 0 WHERE id = ${sqlSafe(u.gone.id)}`);
  agent = await login(u.agent.username, u.agent.password);
  supervisor = await login(u.supervisor.username, u.supervisor.password);
  tech = await login(u.tech.username, u.tech.password);
});

/** One column of a complaint ('NULL' for NULL). */
function col(id, column) {
  const rows = sql(`SELECT COALESCE(${sqlSafe(column)}, 'NULL') FROM complaints WHERE id = ${sqlSafe(id)}`);
  assert.equal(rows.length, 1, `no complaint ${id}`);
  return rows[0][0];
}

/** status, version and number of timeline events of a complaint, and the number of callbacks. */
function snapshot(id) {
  const row = sql(`SELECT status, version, (SELECT COUNT(*) FROM events WHERE subject = 'complaint' AND subject_id = k.id),
    (SELECT COUNT(*) FROM callbacks WHERE complaint_id = k.id) FROM complaints k WHERE id = ${sqlSafe(id)}`)[0];
  return { status: row[0], version: Number(row[1]), events: Number(row[2]), callbacks: Number(row[3]) };
}


/** An action that must be refused with this HTTP status (and message) and change nothing. */
function refused(client, id, action, fields, status, message) {
  return assertRefused(`${action} on complaint ${id}`, () => complaintAction(client, id, action, fields), () => snapshot(id), status, message);
}

/** A complaint taken on the phone form by the agent about request number no. */
async function phoneComplaint(no, description = '维修后仍然漏水，师傅态度差') {
  const c = await postComplaint(agent, { no, description });
  assert.equal(c.res.status, 303, `the complaint form answered ${c.res.status}: ${snippet(c.res.text)}`);
  return c.id;
}

/** The follow-up call of a complaint: { id, status, due, reason, complaint, subject, subjectId, customer }. */
function followup(id) {
  const rows = sql(`SELECT cb.id, cb.status, DATE_FORMAT(cb.due_at, '%Y-%m-%d %H:%i:%s'), cb.reason, cb.complaint_id,
    cb.subject, cb.subject_id, cb.customer_id FROM complaints k JOIN callbacks cb ON cb.id = k.followup_callback_id
    WHERE k.id = ${sqlSafe(id)}`);
  if (!rows.length) return null;
  const [cid, status, due, reason, complaint, subject, subjectId, customer] = rows[0];
  return { id: Number(cid), status, due, reason, complaint: Number(complaint), subject, subjectId: Number(subjectId), customer: Number(customer) };
}

/** The follow-up call made and rated: done, reached, with a satisfaction row saying solved or not. */
function answerFollowup(callbackId, solved) {
  sql(`UPDATE callbacks SET status = 'done', outcome = 'reached', attempts = attempts + 1, done_at = NOW(), version = version + 1
    WHERE id = ${sqlSafe(callbackId)}`);
  sql(`INSERT INTO satisfaction (subject, subject_id, callback_id, source, attitude, timeliness, quality, overall, solved, created_at)
    SELECT subject, subject_id, id, 'phone', 4, 4, 4, 4, ${solved ? 1 : 0}, NOW() FROM callbacks WHERE id = ${sqlSafe(callbackId)}`);
}

const RESOLVED = { cause: '师傅安装时密封圈未压紧', measures: '上门重新安装并赠送延保一年', at_fault: '1' };

/** A moment inside working hours on a working day (Mon-Fri 09:00-18:00, not a holiday). */
function assertWorkingTime(when, what, holidays) {
  const t = parseLocal(when);
  assert.equal(businessAdd(t, 0, holidays), t, `${what} ${when} is outside working hours`);
}

// ------------------------------------------------------ the phone form --
test('an agent takes a complaint on the phone about a repair, a return or a customer', async () => {
  const repair = await newRepair({ name: '钱先生', product: '热水器', fault: '漏水' });
  const customer = sql(`SELECT customer_id FROM repairs WHERE id = ${repair.id}`)[0][0];

  // the repair page links the form with its number filled in
  const rp = await repairPage(agent, repair.id);
  const link = `/staff/complaints/new?no=${repair.no}`;
  assert.ok(rp.r.text.includes(`href="${link}"`), 'the repair page has no 登记投诉 link');
  const form = await agent.get(link);
  assert.equal(form.status, 200);
  assert.equal(fieldValue(form.text, 'no'), repair.no, 'the form is not filled with the number');

  // refusals: no description, an unknown number, a malformed one, nothing to be about
  let c = await postComplaint(agent, { no: repair.no, description: '' });
  assert.equal(c.res.status, 422);
  assert.equal(fieldError(c.res.text, 'description'), '此项为必填项');
  assert.equal(fieldValue(c.res.text, 'no'), repair.no, 'the number is not kept');
  c = await postComplaint(agent, { no: 'R19990101-9999', description: '态度差' });
  assert.equal(c.res.status, 422);
  assert.equal(fieldError(c.res.text, 'no'), '没有这个单号');
  c = await postComplaint(agent, { no: 'X123', description: '态度差' });
  assert.equal(c.res.status, 422);
  assert.match(fieldError(c.res.text, 'no'), /维修单号/);
  c = await postComplaint(agent, { description: '态度差' });
  assert.equal(c.res.status, 422);
  assert.equal(fieldError(c.res.text, 'no'), '请填写单号或客户编号');
  c = await postComplaint(agent, { customer_id: '999999999', description: '态度差' });
  assert.equal(c.res.status, 422);
  assert.equal(fieldError(c.res.text, 'customer_id'), '没有这个客户');
  assert.equal(sql(`SELECT COUNT(*) FROM complaints WHERE subject = 'repair' AND subject_id = ${repair.id}`)[0][0], '0');

  // a technician may not take complaints; a POST without the csrf field is refused
  assert.equal((await tech.get('/staff/complaints/new')).status, 403);
  const noCsrf = await agent.post('/staff/complaints/new', { no: repair.no, description: '态度差' });
  assert.equal(noCsrf.status, 403);

  const before = appSql("SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s')")[0][0];
  const id = await phoneComplaint(repair.no);
  const [no, subject, subjectId, customerId, source, status, createdBy] = sql(`SELECT public_no, subject, subject_id, customer_id,
    source, status, created_by FROM complaints WHERE id = ${id}`)[0];
  assert.match(no, /^C\d{8}-\d{4,}$/);
  assert.deepEqual([subject, subjectId, customerId, source, status, createdBy],
    ['repair', String(repair.id), customer, 'phone', 'open', String(u.agent.id)]);
  const p = await expectStatus(agent, id, 'open');
  assert.ok(p.r.text.includes(no));
  assert.ok(p.r.text.includes(`href="/staff/repairs/${repair.id}"`), 'the complaint does not link its repair');
  assert.ok(p.r.text.includes('电话投诉'), 'the source is not shown');
  assert.ok(p.r.text.includes(repair.phone), 'the agent does not see the whole phone');
  assert.ok(timeline(p.r.text).some((e) => e.includes('登记投诉') && e.includes('待处理')), 'no open event on the timeline');
  const repairEvent = sql(`SELECT note FROM events WHERE subject = 'repair' AND subject_id = ${repair.id} AND action = 'complaint'`);
  assert.deepEqual(repairEvent, [[`投诉 ${no}`]], 'the repair timeline does not note the complaint');

  // a technician reads it with the phone masked and without the supervisor's forms
  const tp = await complaintPage(tech, id);
  assert.equal(tp.r.status, 200);
  assert.ok(!tp.r.text.includes(repair.phone) && tp.r.text.includes(maskPhone(repair.phone)), 'the technician sees the whole phone');
  assert.ok(!/name="action" value="respond"/.test(tp.r.text), 'the technician is offered respond');
  assert.match(tp.r.text, /name="action" value="note"/, 'the technician cannot add a note');

  // the time limits: after the complaint was taken, in working time, response before resolution
  const holidays = holidaySet();
  const [responseDue, resolveDue] = sql(`SELECT DATE_FORMAT(response_due, '%Y-%m-%d %H:%i:%s'),
    DATE_FORMAT(resolve_due, '%Y-%m-%d %H:%i:%s') FROM complaints WHERE id = ${id}`)[0];
  for (const [due, hours, what] of [[responseDue, 4, 'response_due'], [resolveDue, 40, 'resolve_due']]) {
    assert.ok(parseLocal(due) > parseLocal(before), `${what} ${due} is not after ${before}`);
    assertWorkingTime(due, what, holidays);
    const lo = businessAdd(parseLocal(before), hours * 60, holidays);
    assert.ok(Math.abs(parseLocal(due) - lo) <= 120000, `${what} ${due} is not ${hours} working hours after ${before} (${fmtLocal(lo)})`);
  }
  assert.match(p.r.text, /data-limit="response"[^>]*>首次响应时限：[^<]*<strong>剩余/, 'the response limit is not running');
  assert.ok(p.r.text.includes(responseDue.slice(0, 16)) && p.r.text.includes(resolveDue.slice(0, 16)), 'the due times are not shown');

  // about a return, by its T number, from the return page's link
  const ret = insertReturn({ contact_name: '孙女士' });
  assert.ok((await returnPage(agent, ret.id)).r.text.includes(`href="/staff/complaints/new?no=${ret.no}"`), 'the return page has no 登记投诉 link');
  const rid = await phoneComplaint(ret.no, '退款迟迟不到账');
  assert.equal(col(rid, 'subject'), 'return');
  assert.ok((await complaintPage(agent, rid)).r.text.includes(`href="/staff/returns/${ret.id}"`), 'the complaint does not link its return');

  // about a customer as a whole, by the customer's id (a supervisor may take one too)
  const cc = await postComplaint(supervisor, { customer_id: customer, description: '多次来电无人处理' });
  assert.equal(cc.res.status, 303, snippet(cc.res.text));
  assert.deepEqual(sql(`SELECT subject, subject_id, customer_id FROM complaints WHERE id = ${cc.id}`)[0], ['customer', customer, customer]);
  assert.ok((await complaintPage(agent, cc.id)).r.text.includes('客户整体服务'));
});

// ------------------------------------------------------------ workflow --
test('open -> investigating -> resolved with a follow-up call -> closed once the customer confirmed it solved', async () => {
  const repair = await newRepair({ name: '赵先生', product: '洗衣机', fault: '不脱水' });
  const id = await phoneComplaint(repair.no);

  // respond: supervisors only, a note required; close and resolve not from open
  await refused(agent, id, 'respond', { note: '已联系' }, 422, '您的角色无权进行此操作');
  await refused(supervisor, id, 'respond', { note: '' }, 422, '请填写受理说明');
  await refused(supervisor, id, 'resolve', RESOLVED, 422);
  await refused(supervisor, id, 'close', {}, 422);
  const stale = await complaintPage(supervisor, id);
  await complaintActionOk(supervisor, id, 'respond', { note: '已致电客户，了解情况' });
  let p = await expectStatus(supervisor, id, 'investigating');
  assert.equal(col(id, 'handler_id'), String(u.supervisor.id));
  assert.notEqual(col(id, 'responded_at'), 'NULL');
  // the change is in the audit trail too, by whom, in the same transaction as the timeline
  assert.deepEqual(sql(`SELECT actor, detail FROM audit_log WHERE action = 'complaint_respond' AND target = 'complaint #${sqlSafe(id)}'`),
    [[u.supervisor.username, 'open → investigating；已致电客户，了解情况']]);
  assert.ok(p.r.text.includes(u.supervisor.display_name), 'the handler is not shown');
  assert.match(p.r.text, /data-limit="response"[^>]*>首次响应时限：[^<]*<strong>按时完成/, 'the response limit is not met');
  assert.match(p.r.text, /data-limit="resolution"[^>]*>处理时限：[^<]*<strong>剩余/, 'the resolution limit is not running');

  // a form loaded before the response is stale now; a POST without csrf is refused
  const before = snapshot(id);
  let r = await supervisor.post(`/staff/complaints/${id}/action`, { csrf: stale.csrf, version: stale.version, action: 'note', note: '旧页面' });
  assert.equal(r.status, 409);
  r = await supervisor.post(`/staff/complaints/${id}/action`, { version: String(before.version), action: 'note', note: '无令牌' });
  assert.equal(r.status, 403);
  assert.deepEqual(snapshot(id), before, 'a refused POST changed the complaint');

  // resolve: cause, measures, whether a person was at fault, and then who (an active staff member)
  await refused(supervisor, id, 'resolve', { ...RESOLVED, cause: '' }, 422, '请填写投诉原因');
  await refused(supervisor, id, 'resolve', { ...RESOLVED, measures: '' }, 422, '请填写处理措施');
  await refused(supervisor, id, 'resolve', { cause: 'x', measures: 'y' }, 422, '请选择是否有人员责任');
  r = await refused(supervisor, id, 'resolve', RESOLVED, 422, '有人员责任时须指定责任人');
  assert.equal(htmlUnescape(/<textarea id="cause"[^>]*>([^<]*)</.exec(r.text)[1]), RESOLVED.cause, 'the cause is not kept');
  await refused(supervisor, id, 'resolve', { ...RESOLVED, responsible_id: u.gone.id }, 422, '责任人须为在职员工');
  await refused(agent, id, 'resolve', { ...RESOLVED, responsible_id: u.tech.id }, 422, '您的角色无权进行此操作');
  await refused(supervisor, id, 'reopen', { reason: 'x' }, 422);

  const t0 = appSql("SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s')")[0][0];
  await complaintActionOk(supervisor, id, 'resolve', { ...RESOLVED, responsible_id: u.tech.id });
  p = await expectStatus(supervisor, id, 'resolved');
  assert.equal(col(id, 'cause'), RESOLVED.cause);
  assert.equal(col(id, 'measures'), RESOLVED.measures);
  assert.equal(col(id, 'responsible_id'), String(u.tech.id));
  assert.notEqual(col(id, 'resolved_at'), 'NULL');
  assert.ok(p.r.text.includes(u.tech.display_name), 'the 责任人 is not shown');

  // the follow-up call was scheduled in the same step, at the next working half-day
  const f = followup(id);
  assert.ok(f, 'no follow-up callback linked');
  assert.deepEqual([f.status, f.reason, f.complaint, f.subject, f.subjectId],
    ['due', 'complaint', id, 'repair', repair.id]);
  assert.equal(String(f.customer), col(id, 'customer_id'));
  assert.equal(f.due, fmtLocal(nextHalfDay(parseLocal(t0), holidaySet())), `the follow-up is due ${f.due}, not at the next half-day after ${t0}`);
  assert.ok(sql(`SELECT COUNT(*) FROM events WHERE subject = 'callback' AND subject_id = ${f.id} AND action = 'schedule'`)[0][0] === '1');
  assert.equal(dataStatus(p.r.text, 'followup'), 'due');
  assert.ok(p.r.text.includes(`href="/staff/callbacks/${f.id}"`), 'the page does not link the follow-up call');
  assert.ok(timeline(p.r.text).some((e) => e.includes('处理完毕') && e.includes(RESOLVED.cause)), 'the resolution is not on the timeline');

  // close: not before the call, not by an agent, not when the customer said it is not solved
  await refused(agent, id, 'close', {}, 422, '您的角色无权进行此操作');
  await refused(supervisor, id, 'close', {}, 422, '须回访确认客户满意后才能结案');
  answerFollowup(f.id, false);
  await refused(supervisor, id, 'close', {}, 422, '须回访确认客户满意后才能结案');
  answerFollowup(f.id, true);
  p = await complaintPage(supervisor, id);
  assert.ok(htmlUnescape(p.r.text).includes('客户确认问题已解决'), 'the follow-up answer is not shown');
  await complaintActionOk(supervisor, id, 'close', {});
  p = await expectStatus(supervisor, id, 'closed');
  assert.notEqual(col(id, 'closed_at'), 'NULL');
  await refused(supervisor, id, 'reopen', { reason: 'x' }, 422);

  // anyone on the staff may still add a note, which only goes on the timeline
  await complaintActionOk(tech, id, 'note', { note: '已向客户致歉' });
  p = await expectStatus(agent, id, 'closed');
  assert.ok(timeline(p.r.text).some((e) => e.includes('已向客户致歉')));
});

test('resolved -> reopened -> investigating -> resolved: a new round with a new follow-up call', async () => {
  const repair = await newRepair({ name: '吴女士', product: '空调', fault: '不制冷' });
  const id = await phoneComplaint(repair.no, '空调修完一周又不制冷');
  await complaintActionOk(supervisor, id, 'respond', { note: '已受理' });
  const respondedAt = col(id, 'responded_at');
  await complaintActionOk(supervisor, id, 'resolve', { cause: '配件批次问题', measures: '更换压缩机', at_fault: '0' });
  assert.equal(col(id, 'responsible_id'), 'NULL');
  const first = followup(id);
  let p = await expectStatus(agent, id, 'resolved');
  assert.ok(p.r.text.includes('非人员责任'));

  await refused(agent, id, 'reopen', { reason: '客户仍不满意' }, 422, '您的角色无权进行此操作');
  await refused(supervisor, id, 'reopen', { reason: '' }, 422, '请填写重新处理的原因');
  await complaintActionOk(supervisor, id, 'reopen', { reason: '客户来电表示仍不制冷' });
  p = await expectStatus(supervisor, id, 'reopened');
  assert.equal(sql(`SELECT status FROM callbacks WHERE id = ${first.id}`)[0][0], 'cancelled', 'the pending follow-up call is still due');
  const resolveDue = col(id, 'resolve_due');
  const now = appSql("SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s')")[0][0];
  assert.ok(parseLocal(resolveDue) > parseLocal(now), `the reopened complaint's time limit ${resolveDue} is not after ${now}`);
  assertWorkingTime(resolveDue, 'resolve_due', holidaySet());
  assert.match(p.r.text, /data-limit="resolution"[^>]*>处理时限：[^<]*<strong>剩余/, 'the resolution limit is not running again');
  await refused(supervisor, id, 'close', {}, 422);

  await complaintActionOk(supervisor, id, 'respond', { note: '重新安排上门' });
  await expectStatus(supervisor, id, 'investigating');
  assert.equal(col(id, 'responded_at'), respondedAt, 'the first response time changed');
  await complaintActionOk(supervisor, id, 'resolve', { cause: '冷媒泄漏', measures: '补焊并加注冷媒', at_fault: '1', responsible_id: u.tech.id });
  await expectStatus(supervisor, id, 'resolved');
  const second = followup(id);
  assert.notEqual(second.id, first.id, 'no new follow-up call');
  assert.equal(second.status, 'due');
  const actions = sql(`SELECT action FROM events WHERE subject = 'complaint' AND subject_id = ${id} ORDER BY id`).map((x) => x[0]);
  assert.deepEqual(actions, ['open', 'respond', 'resolve', 'reopen', 'respond', 'resolve']);
});

// ---------------------------------------------------- from a bad rating --
test('a complaint opened by a bad rating shows the scores and the call it came from', async () => {
  const repair = await newRepair({ name: '郑先生', product: '冰箱', fault: '噪音大' });
  const customer = sql(`SELECT customer_id FROM repairs WHERE id = ${repair.id}`)[0][0];
  const day = appSql("SELECT DATE_FORMAT(CURDATE(), '%Y%m%d')")[0][0];
  const no = `C${day}-9${String(Date.now() % 1e9).padStart(9, '0')}`;
  const rows = appSql(`INSERT INTO callbacks (subject, subject_id, customer_id, reason, status, due_at, attempts, outcome, done_at, created_at, updated_at)
      VALUES ('repair', ${repair.id}, ${customer}, 'resolved', 'done', NOW(), 1, 'reached', NOW(), NOW(), NOW());
    SET @cb = LAST_INSERT_ID();
    INSERT INTO satisfaction (subject, subject_id, callback_id, source, attitude, timeliness, quality, overall, solved, comment, created_at)
      VALUES ('repair', ${repair.id}, @cb, 'phone', 1, 3, 2, 2, 0, ${sqlQuote('师傅迟到两小时')}, NOW());
    SET @s = LAST_INSERT_ID();
    INSERT INTO complaints (public_no, subject, subject_id, customer_id, callback_id, satisfaction_id, source, description,
      response_due, resolve_due, created_at, updated_at)
      VALUES (${sqlQuote(no)}, 'repair', ${repair.id}, ${customer}, @cb, @s, 'not_solved', '回访评价：态度 1', NOW() + INTERVAL 1 DAY,
      NOW() + INTERVAL 5 DAY, NOW(), NOW());
    SELECT LAST_INSERT_ID(), @cb;`);
  const [id, cb] = rows[0].map(Number);
  const p = await expectStatus(supervisor, id, 'open');
  const rating = /<section class="panel" id="rating">([\s\S]*?)<\/section>/.exec(p.r.text);
  assert.ok(rating, 'the rating is not shown');
  const scores = Object.fromEntries([...rating[1].matchAll(/data-dimension="(\w+)"><td[^>]*>[^<]*<\/td><td class="score"[^>]*>(\d)</g)].map((m) => [m[1], m[2]]));
  assert.deepEqual(scores, { attitude: '1', timeliness: '3', quality: '2', overall: '2' });
  assert.ok(rating[1].includes('未解决') && rating[1].includes('师傅迟到两小时'));
  assert.ok(p.r.text.includes('问题未解决'), 'the source is not shown');
  assert.match(p.r.text, new RegExp(`id="from-callback"[\\s\\S]*href="/staff/callbacks/${cb}"`), 'the call it came from is not linked');
  assert.ok(p.r.text.includes('系统（回访评价）'), 'the complaint is not shown as opened by the system');
});

// ----------------------------------------------------------------- list --
test('the list: search by C and R numbers, phone and name, filters, overdue, masking and keyset pages', async () => {
  const phone = uniquePhone('7');
  const repair = await newRepair({ name: `冯${TAG}`, phone, product: '电视', fault: '黑屏' });
  const a = await phoneComplaint(repair.no, '第一次投诉');
  const b = await phoneComplaint(repair.no, '第二次投诉');
  const other = await phoneComplaint((await newRepair()).no, '别的客户');
  const noA = col(a, 'public_no');

  let r = await agent.get(`/staff/complaints?q=${noA}`);
  assert.equal(r.status, 200);
  assert.deepEqual(complaintRows(r.text).map((x) => x.id), [a], 'search by the C number');
  r = await agent.get(`/staff/complaints?q=${repair.no}`);
  let rows = complaintRows(r.text);
  assert.deepEqual(rows.map((x) => x.id), [b, a], 'search by the R number');
  const row = rows[0];
  assert.equal(row.status, 'open');
  assert.ok(row.cells.includes(maskPhone(phone)), `the phone is not masked: ${row.cells}`);
  assert.ok(!r.text.includes(phone), 'the list shows a whole phone');
  assert.ok(row.cells.includes(repair.no) && row.cells.includes('电话投诉'), `the row lacks the request number or source: ${row.cells}`);
  assert.match(r.text, new RegExp(`<span class="status" data-status="open">`));
  r = await agent.get(`/staff/complaints?q=${phone}`);
  assert.deepEqual(complaintRows(r.text).map((x) => x.id), [b, a], 'search by phone');
  r = await agent.get(`/staff/complaints?q=${encodeURIComponent(`冯${TAG}`)}`);
  assert.deepEqual(complaintRows(r.text).map((x) => x.id), [b, a], 'search by name');

  // status and source filters
  await complaintActionOk(supervisor, b, 'respond', { note: '已受理' });
  r = await agent.get(`/staff/complaints?q=${repair.no}&status=investigating`);
  assert.deepEqual(complaintRows(r.text).map((x) => [x.id, x.status]), [[b, 'investigating']]);
  assert.ok(complaintRows(r.text)[0].cells.includes(u.supervisor.display_name), 'the handler is not in the row');
  r = await agent.get(`/staff/complaints?q=${repair.no}&source=low_score`);
  assert.deepEqual(complaintRows(r.text), []);
  r = await agent.get(`/staff/complaints?q=${repair.no}&source=phone&from=2000-01-01`);
  assert.equal(complaintRows(r.text).length, 2);

  // overdue: a first response past its time, and a resolution past its time
  const homeCount = async () => {
    const home = await agent.get('/staff');
    const m = /<a href="\/staff\/complaints\?overdue=1"><span class="num" id="complaint-overdue-count">(\d+)\+?</.exec(home.text);
    assert.ok(m, 'no complaint overdue count on the staff home');
    return Number(m[1]);
  };
  const overdueBefore = await homeCount();
  appSql(`UPDATE complaints SET response_due = NOW() - INTERVAL 1 HOUR WHERE id = ${a}`);
  appSql(`UPDATE complaints SET resolve_due = NOW() - INTERVAL 1 HOUR WHERE id = ${b}`);
  if (overdueBefore < 99) assert.equal(await homeCount(), overdueBefore + 2, 'the staff home does not count both overdue complaints');
  r = await agent.get(`/staff/complaints?q=${repair.no}&overdue=1`);
  rows = complaintRows(r.text);
  assert.deepEqual(rows.map((x) => x.id).sort(), [a, b].sort(), 'the overdue filter');
  assert.ok(rows.every((x) => x.cells.some((c) => c.includes('已超时'))), 'an overdue row lacks its marker');
  r = await agent.get(`/staff/complaints?q=${repair.no}&overdue=1&status=resolved`);
  assert.deepEqual(complaintRows(r.text), []);
  r = await agent.get('/staff/complaints?overdue=1');
  assert.ok(!complaintRows(r.text).some((x) => x.id === other), 'a complaint on time is listed as overdue');

  // keyset pages: 60 complaints of one customer, newest first and by due time, each once
  const customer = sql(`SELECT customer_id FROM repairs WHERE id = ${repair.id}`)[0][0];
  const day = appSql("SELECT DATE_FORMAT(CURDATE(), '%Y%m%d')")[0][0];
  const base = Date.now() % 1e8;
  const values = Array.from({ length: 60 }, (_, i) => `(${sqlQuote(`C${day}-7${String(base * 100 + i).padStart(10, '0')}`)}, 'customer',
    ${customer}, ${customer}, 'phone', '批量', NOW() + INTERVAL ${i % 7} HOUR, NOW() + INTERVAL 2 DAY, NOW(), NOW())`);
  appSql(`INSERT INTO complaints (public_no, subject, subject_id, customer_id, source, description, response_due, resolve_due,
    created_at, updated_at) VALUES ${values.join(',')}`);
  for (const sort of ['new', 'old', 'due']) {
    const { seen, sizes } = await pageThrough(agent, `/staff/complaints?q=${phone}&sort=${sort}`, complaintRows);
    assert.equal(new Set(seen).size, seen.length, `${sort}: a complaint listed twice`);
    assert.equal(seen.length, 62, `${sort}: ${seen.length} complaints over pages ${sizes}`);
    assert.deepEqual(sizes, [50, 12], `${sort}: page sizes`);
  }
});
