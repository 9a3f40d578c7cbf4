// The staff side of repairs: the whole life cycle through the pages with the
// right roles, the time limit, refused transitions (422), CSRF (403), stale
// versions (409), concurrent actions, the queue's filters, masking and
// pagination, intake by phone, a technician's own jobs, the printable work
// order and the overdue count.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, request, loginAdmin, login, createUser, sql, appSql, sqlSafe, snippet, RUN_ID, uniquePhone, maskPhone,
  repairFields, newRepair, fieldValue, fieldError, dataStatus, trackStatus, timeline, repairRows, nextPageLink, pageThrough,
  track, clearTrackThrottle, clearPublicThrottles, repairPage, repairAction, repairActionOk, repairActionUnseen, alertText, extractCsrf, assertErrorPage,
  htmlUnescape, parseLocal, fmtLocal, businessAdd, holidaySet, nextWorkday,
  assertRefused, expectRepairStatus as expectStatus,
} from './lib.mjs';

let admin;
let agent;
let supervisor;
let tech;
let tech2;
const u = {};
const TAG = RUN_ID.slice(-4);

before(async () => {
  admin = await loginAdmin();
  clearPublicThrottles();
  u.agent = await createUser(admin, { role: 'agent', display_name: `客服小刘${TAG}` });
  u.supervisor = await createUser(admin, { role: 'supervisor', display_name: `主管老陈${TAG}` });
  u.tech = await createUser(admin, { role: 'technician', display_name: `王建国${TAG}` });
  u.tech2 = await createUser(admin, { role: 'technician', display_name: `赵卫东${TAG}` });
  agent = await login(u.agent.username, u.agent.password);
  supervisor = await login(u.supervisor.username, u.supervisor.password);
  tech = await login(u.tech.username, u.tech.password);
  tech2 = await login(u.tech2.username, u.tech2.password);
});

/** status, version and number of timeline events of a repair, from the database. */
function snapshot(id) {
  const row = sql(`SELECT status, version, (SELECT COUNT(*) FROM events WHERE subject = 'repair' AND subject_id = r.id) FROM repairs r WHERE id = ${sqlSafe(id)}`)[0];
  return { status: row[0], version: Number(row[1]), events: Number(row[2]) };
}

/** One column of a repair ('NULL' for NULL; an extra column keeps an empty string from vanishing). */
function col(id, column) {
  const rows = sql(`SELECT ${sqlSafe(column)}, 'x' FROM repairs WHERE id = ${sqlSafe(id)}`);
  assert.equal(rows.length, 1, `no repair ${id}`);
  return rows[0][0];
}

/** The phone shown on a work order page (a whole one is a tel: link). */
function shownPhone(html) {
  const m = /<dd class="phone">([\s\S]*?)<\/dd>/.exec(html);
  return m ? htmlUnescape(m[1].replace(/<[^>]+>/g, '')).trim() : null;
}


async function expectTrack(no, phone, status, publicNote) {
  const t = await track(no, phone);
  assert.equal(t.status, 200, `/track answered ${t.status}: ${snippet(t.text)}`);
  assert.equal(trackStatus(t.text), status, '/track data-status');
  if (publicNote) {
    const tl = timeline(t.text);
    assert.ok(tl.some((e) => e.includes(publicNote)), `/track timeline lacks "${publicNote}": ${JSON.stringify(tl)}`);
  }
  return t;
}

/** An action that must be refused with this status and message and change nothing. */
function refused(client, id, action, fields, status, message) {
  const act = status === 403 ? repairActionUnseen : repairAction;
  return assertRefused(`${action} on repair ${id}`, () => act(client, id, action, fields), () => snapshot(id), status, message);
}

// ------------------------------------------------------- life cycle --
test('the full life cycle through the pages, each step by its role', async () => {
  const r = await newRepair({ name: '周女士', product: '冰箱', fault: '冷藏室不制冷' });
  const { id, no, phone } = r;
  clearTrackThrottle();

  // agent: sees the request whole, accepts it with priority high
  let p = await expectStatus(agent, id, 'new');
  assert.equal(shownPhone(p.r.text), phone, 'the agent does not see the whole phone');
  assert.ok(p.r.text.includes(no));
  assert.match(p.r.text, /name="action" value="accept"/, 'the agent is not offered accept');
  assert.ok(!/name="action" value="assign"/.test(p.r.text), 'the agent is offered assign');
  const holidays = holidaySet();
  const t0 = appSql("SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s')")[0][0];
  await repairActionOk(agent, id, 'accept', { priority: 'high' });
  const t1 = appSql("SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s')")[0][0];
  p = await expectStatus(agent, id, 'accepted');
  assert.equal(col(id, 'priority'), 'high');
  const due = sql(`SELECT DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s') FROM repairs WHERE id = ${id}`)[0][0];
  const lo = businessAdd(parseLocal(t0), 8 * 60, holidays);
  const hi = businessAdd(parseLocal(t1), 8 * 60, holidays);
  assert.ok(parseLocal(due) >= lo - 1000 && parseLocal(due) <= hi + 1000,
    `due_at ${due} is not 8 working hours after ${t0}..${t1} (expected ${fmtLocal(lo)}..${fmtLocal(hi)})`);
  assert.match(p.r.text, /处理时限/, 'the work order does not show the time limit');
  assert.match(p.r.text, /剩余/, 'the work order does not show the time left');
  assert.ok(p.r.text.includes(due.slice(0, 16)), `the work order does not show the due time ${due}`);
  await expectTrack(no, phone, 'accepted', '已受理');

  // agent may not assign; supervisor assigns the technician with a visit time
  await refused(agent, id, 'assign', { assignee_id: u.tech.id }, 422, '您的角色无权进行此操作');
  p = await repairPage(supervisor, id);
  assert.match(p.r.text, new RegExp(`<option value="${u.tech.id}"[^>]*>${u.tech.display_name}</option>`), 'the technician is not in the assign list');
  // a visit is booked in working time (issue #11): the next working day, not simply tomorrow
  const visitDate = nextWorkday(parseLocal(appSql("SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s')")[0][0]));
  await repairActionOk(supervisor, id, 'assign', { assignee_id: u.tech.id, visit_at: `${visitDate}T10:30` });
  p = await expectStatus(supervisor, id, 'assigned');
  assert.equal(col(id, 'assignee_id'), String(u.tech.id));
  assert.equal(col(id, 'visit_at'), `${visitDate} 10:30:00`);
  assert.ok(p.r.text.includes(u.tech.display_name), 'the work order does not name the technician');
  let t = await expectTrack(no, phone, 'assigned', '已安排维修人员');
  assert.ok(t.text.includes('王师傅'), `/track does not show "王师傅": ${snippet(t.text, 600)}`);
  assert.ok(!t.text.includes(u.tech.display_name), '/track shows the technician\'s full name');
  assert.ok(t.text.includes(`${visitDate} 10:30`), '/track does not show the visit time');

  // the assigned technician sees the whole phone; another technician does not see the job at all (#11)
  p = await repairPage(tech, id);
  assert.equal(shownPhone(p.r.text), phone, 'the assigned technician does not see the whole phone');
  const other = await tech2.get(`/staff/repairs/${id}`);
  assertErrorPage(other, 403);
  assert.ok(!other.text.includes(phone), 'the whole phone is somewhere on another technician\'s page');
  await refused(tech2, id, 'start', {}, 403, '没有派给您');

  // technician: start
  await repairActionOk(tech, id, 'start');
  await expectStatus(tech, id, 'in_progress');
  await expectTrack(no, phone, 'in_progress', '维修人员已开始处理');

  // waiting for parts needs a note; it pauses the time limit
  const dueBefore = parseLocal(sql(`SELECT DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s') FROM repairs WHERE id = ${id}`)[0][0]);
  await refused(tech, id, 'wait_parts', { note: '' }, 422, '请填写');
  await repairActionOk(tech, id, 'wait_parts', { note: '压缩机启动电容' });
  p = await expectStatus(tech, id, 'waiting_parts');
  assert.notEqual(col(id, 'sla_paused_minutes'), 'NULL', 'waiting for parts did not pause the time limit');
  assert.match(p.r.text, /暂停/, 'the work order does not say the time limit is paused');
  await expectTrack(no, phone, 'waiting_parts', '等待配件');

  // resume
  await repairActionOk(tech, id, 'resume');
  await expectStatus(tech, id, 'in_progress');
  assert.equal(col(id, 'sla_paused_minutes'), 'NULL');
  // paused and resumed at once: the working time left is kept (to the minute)
  const dueAfter = parseLocal(sql(`SELECT DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s') FROM repairs WHERE id = ${id}`)[0][0]);
  assert.ok(Math.abs(dueAfter - dueBefore) <= 120000, `the time limit moved from ${fmtLocal(dueBefore)} to ${fmtLocal(dueAfter)} over a short pause`);
  await expectTrack(no, phone, 'in_progress', '配件已到');

  // labour: 1..1440 minutes
  await refused(tech, id, 'labour', { minutes: '0' }, 422, '1440');
  await refused(tech, id, 'labour', { minutes: '1441' }, 422, '1440');
  await refused(tech, id, 'labour', { minutes: 'abc' }, 422, '1440');
  await repairActionOk(tech, id, 'labour', { minutes: '90', note: '更换电容并测试' });
  p = await expectStatus(tech, id, 'in_progress');
  assert.equal(col(id, 'labour_minutes'), '90');
  assert.equal(sql(`SELECT minutes, user_id FROM repair_labour WHERE repair_id = ${id}`).map((x) => x.join(' ')).join(','), `90 ${u.tech.id}`);
  assert.ok(p.r.text.includes('更换电容并测试'), 'the labour entry is not on the page');

  // an internal note does not reach /track
  await repairActionOk(agent, id, 'note', { note: `内部备注${TAG}` });
  t = await track(no, phone);
  assert.ok(!t.text.includes(`内部备注${TAG}`), 'an internal note is shown on /track');

  // resolve needs a result, money fields are money, warranty flag 0|1
  await refused(tech, id, 'resolve', { result: '', warranty_repair: '1' }, 422, '请填写维修结果');
  const kept = await refused(tech, id, 'resolve', { result: '已修复', labour_cost: '八十', warranty_repair: '0' }, 422, '金额');
  assert.equal(fieldValue(kept.text, 'result'), '已修复', 'the refused form lost the typed result');
  assert.equal(fieldValue(kept.text, 'labour_cost'), '八十', 'the refused form lost the typed labour cost');
  await refused(tech, id, 'resolve', { result: '已修复', labour_cost: '-5', warranty_repair: '0' }, 422, '金额');
  await refused(tech, id, 'resolve', { result: '已修复', warranty_repair: '2' }, 422, null);
  await repairActionOk(tech, id, 'resolve', { result: '更换启动电容，制冷恢复', parts_used: '启动电容 x1', labour_cost: '80', parts_cost: '35.5', warranty_repair: '0' });
  p = await expectStatus(tech, id, 'resolved');
  assert.deepEqual(sql(`SELECT result, parts_used, labour_cost, parts_cost, warranty_repair, resolved_at IS NOT NULL FROM repairs WHERE id = ${id}`)[0],
    ['更换启动电容，制冷恢复', '启动电容 x1', '80.00', '35.50', '0', '1']);
  assert.ok(p.r.text.includes('更换启动电容，制冷恢复'));
  await expectTrack(no, phone, 'resolved', '维修已完成');

  // a technician may not close; the agent closes
  await refused(tech, id, 'close', {}, 422, '您的角色无权进行此操作');
  await repairActionOk(agent, id, 'close');
  p = await expectStatus(agent, id, 'closed');
  assert.equal(sql(`SELECT closed_at IS NOT NULL FROM repairs WHERE id = ${id}`)[0][0], '1');
  await expectTrack(no, phone, 'closed', '服务已完成');
  // nothing is offered on a closed order except a note
  for (const a of ['accept', 'assign', 'start', 'resolve', 'close', 'cancel', 'labour']) {
    assert.ok(!new RegExp(`name="action" value="${a}"`).test(p.r.text), `a closed order offers ${a}`);
  }

  // the staff timeline: every step, by whom, in order
  const events = sql(`SELECT action, from_status, to_status, actor_id FROM events WHERE subject = 'repair' AND subject_id = ${id} ORDER BY id`);
  assert.deepEqual(events.map((e) => e[0]), ['submit', 'accept', 'assign', 'start', 'wait_parts', 'resume', 'labour', 'note', 'resolve', 'close']);
  assert.deepEqual(events.map((e) => e[2]), ['new', 'accepted', 'assigned', 'in_progress', 'waiting_parts', 'in_progress', '', '', 'resolved', 'closed']);
  assert.deepEqual(events.slice(1).map((e) => e[3]), [u.agent.id, u.supervisor.id, u.tech.id, u.tech.id, u.tech.id, u.tech.id, u.agent.id, u.tech.id, u.agent.id].map(String));
  const tl = timeline(p.r.text);
  assert.equal(tl.length, 10, `the work order's timeline has ${tl.length} entries: ${JSON.stringify(tl)}`);
  const expectIn = [
    [1, u.agent.display_name, '受理', '已受理'],
    [2, u.supervisor.display_name, '派工', '已派工'],
    [3, u.tech.display_name, '开始维修', '维修中'],
    [4, u.tech.display_name, '等待配件', '压缩机启动电容'],
    [8, u.tech.display_name, '维修完成', '已修复'],
    [9, u.agent.display_name, '结单', '已完成'],
  ];
  for (const [i, ...parts] of expectIn) {
    for (const s of parts) assert.ok(tl[i].includes(s), `timeline entry ${i} "${tl[i]}" lacks "${s}"`);
  }
  // the public timeline has no internal notes and no staff names
  t = await track(no, phone);
  const pub = timeline(t.text);
  assert.ok(pub.length >= 7, `public timeline: ${JSON.stringify(pub)}`);
  for (const name of [u.agent.display_name, u.supervisor.display_name, u.tech.display_name]) {
    assert.ok(!t.text.includes(name), `/track shows the staff name ${name}`);
  }
  assert.ok(!t.text.includes('压缩机启动电容'), '/track shows the internal parts note');
});

// ------------------------------------------------------- refusals --
test('refused transitions answer 422 with the reason and change nothing', async () => {
  const r = await newRepair();
  // resolve or close from new, even as admin
  await refused(admin, r.id, 'resolve', { result: 'x', warranty_repair: '1' }, 422, '当前状态不允许此操作');
  await refused(admin, r.id, 'close', {}, 422, '当前状态不允许此操作');
  await refused(admin, r.id, 'start', {}, 422, '当前状态不允许此操作');
  // a technician may not accept (nor open a job not assigned to them, #11)
  await refused(tech, r.id, 'accept', { priority: 'normal' }, 403, '没有派给您');
  // an unknown action or priority
  await refused(agent, r.id, 'explode', {}, 422, null);
  await refused(agent, r.id, 'accept', { priority: 'whenever' }, 422, '优先级');
  // accept twice
  await repairActionOk(agent, r.id, 'accept', { priority: 'normal' });
  await refused(agent, r.id, 'accept', { priority: 'urgent' }, 422, '当前状态不允许此操作');
  assert.equal(col(r.id, 'priority'), 'normal');
  // agent assigning; assigning a non-technician; an invalid visit time
  await refused(agent, r.id, 'assign', { assignee_id: u.tech.id }, 422, '您的角色无权进行此操作');
  await refused(supervisor, r.id, 'assign', { assignee_id: u.agent.id }, 422, '维修人员');
  await refused(supervisor, r.id, 'assign', { assignee_id: u.tech.id, visit_at: '明天上午' }, 422, '上门时间');
  await refused(supervisor, r.id, 'assign', { assignee_id: u.tech.id, visit_at: '2026-02-30T10:00' }, 422, '上门时间');
  await repairActionOk(supervisor, r.id, 'assign', { assignee_id: u.tech.id });
  // close from in_progress
  await repairActionOk(tech, r.id, 'start');
  await refused(agent, r.id, 'close', {}, 422, '当前状态不允许此操作');
  await refused(supervisor, r.id, 'close', {}, 422, '当前状态不允许此操作');
  // a technician acting on someone else's job: not theirs to open (#11)
  await refused(tech2, r.id, 'wait_parts', { note: '配件' }, 403, '没有派给您');
  await refused(tech2, r.id, 'resolve', { result: '修好了', warranty_repair: '1' }, 403, '没有派给您');
  await refused(tech2, r.id, 'labour', { minutes: '30' }, 403, '没有派给您');
  await refused(tech2, r.id, 'note', { note: '别人的单' }, 403, '没有派给您');
  // a technician may not cancel
  await refused(tech, r.id, 'cancel', { reason: '不想修了' }, 422, '您的角色无权进行此操作');
  // the refused page still shows the work order with its status
  const page = await repairAction(tech, r.id, 'resume', {});
  assert.equal(page.status, 422);
  assert.equal(dataStatus(page.text), 'in_progress');
  // a supervisor may do the technician's work on anyone's job
  await repairActionOk(supervisor, r.id, 'wait_parts', { note: '主管代为登记' });
  assert.equal(col(r.id, 'status'), 'waiting_parts');
});

test('an unknown work order answers 404', async () => {
  const r = await agent.get('/staff/repairs/999999999');
  assertErrorPage(r, 404);
  const token = await agent.csrf();
  const a = await agent.post('/staff/repairs/999999999/action', { csrf: token, version: '1', action: 'accept', priority: 'normal' });
  assertErrorPage(a, 404);
});

test('an action without or with a wrong csrf answers 403 and changes nothing', async () => {
  const r = await newRepair();
  const before = snapshot(r.id);
  const page = await repairPage(agent, r.id);
  const none = await agent.post(`/staff/repairs/${r.id}/action`, { version: page.version, action: 'accept', priority: 'high' });
  assertErrorPage(none, 403);
  const wrong = await agent.post(`/staff/repairs/${r.id}/action`, { csrf: 'f'.repeat(64), version: page.version, action: 'accept', priority: 'high' });
  assertErrorPage(wrong, 403);
  // another session's token
  const foreign = extractCsrf((await repairPage(supervisor, r.id)).r.text);
  const x = await agent.post(`/staff/repairs/${r.id}/action`, { csrf: foreign, version: page.version, action: 'cancel', reason: '伪造' });
  assertErrorPage(x, 403);
  assert.deepEqual(snapshot(r.id), before);
});

test('a stale version answers 409 with the latest page and changes nothing', async () => {
  const r = await newRepair();
  const old = await repairPage(agent, r.id);
  await repairActionOk(agent, r.id, 'accept', { priority: 'low' });
  const before = snapshot(r.id);
  assert.equal(before.version, Number(old.version) + 1, 'accept did not bump the version');
  const stale = await agent.post(`/staff/repairs/${r.id}/action`, { csrf: old.csrf, version: old.version, action: 'cancel', reason: '旧页面上的取消' });
  assert.equal(stale.status, 409, `stale cancel answered ${stale.status}: ${alertText(stale.text)}`);
  assert.equal(dataStatus(stale.text), 'accepted', 'the 409 page does not show the latest status');
  assert.equal(fieldValue(stale.text, 'version'), String(before.version), 'the 409 page does not carry the latest version');
  assert.deepEqual(snapshot(r.id), before);
  assert.equal(col(r.id, 'cancel_reason'), '');
  // a missing or malformed version is not accepted either
  for (const version of [undefined, '', 'abc', '0', String(before.version + 1)]) {
    const x = await agent.post(`/staff/repairs/${r.id}/action`, { csrf: old.csrf, version, action: 'cancel', reason: '没有版本' });
    assert.equal(x.status, 409, `version ${JSON.stringify(version)} answered ${x.status}`);
  }
  assert.deepEqual(snapshot(r.id), before);
});

test('two different actions sent at once with the same version: exactly one succeeds', async () => {
  for (let round = 0; round < 4; round++) {
    const r = await newRepair();
    const page = await repairPage(agent, r.id);
    const base = { csrf: page.csrf, version: page.version };
    const [a, b] = await Promise.all([
      agent.post(`/staff/repairs/${r.id}/action`, { ...base, action: 'accept', priority: 'urgent' }),
      agent.post(`/staff/repairs/${r.id}/action`, { ...base, action: 'cancel', reason: `并发取消 ${round}`, confirm: '1' }),
    ]);
    const statuses = [a.status, b.status];
    assert.equal(statuses.filter((s) => s === 303).length, 1, `round ${round}: answers ${statuses}`);
    const loser = a.status === 303 ? b : a;
    assert.ok([409, 422].includes(loser.status), `round ${round}: the loser answered ${loser.status}`);
    const s = snapshot(r.id);
    assert.equal(s.events, 2, `round ${round}: ${s.events} events (both actions recorded?)`);
    assert.equal(s.version, Number(page.version) + 1, `round ${round}: version ${s.version}`);
    assert.equal(s.status, a.status === 303 ? 'accepted' : 'cancelled', `round ${round}: status ${s.status}`);
    if (s.status === 'accepted') assert.equal(col(r.id, 'cancel_reason'), '');
  }
  // the technician's side: labour and waiting for parts at once
  const r = await newRepair();
  await repairActionOk(agent, r.id, 'accept', { priority: 'normal' });
  await repairActionOk(supervisor, r.id, 'assign', { assignee_id: u.tech.id });
  await repairActionOk(tech, r.id, 'start');
  const page = await repairPage(tech, r.id);
  const base = { csrf: page.csrf, version: page.version };
  const answers = await Promise.all([
    tech.post(`/staff/repairs/${r.id}/action`, { ...base, action: 'labour', minutes: '45' }),
    tech.post(`/staff/repairs/${r.id}/action`, { ...base, action: 'wait_parts', note: '并发' }),
  ]);
  assert.equal(answers.filter((x) => x.status === 303).length, 1, `answers ${answers.map((x) => x.status)}`);
  const s = snapshot(r.id);
  const labourRows = Number(sql(`SELECT COUNT(*) FROM repair_labour WHERE repair_id = ${r.id}`)[0][0]);
  if (answers[0].status === 303) {
    assert.equal(s.status, 'in_progress');
    assert.equal(labourRows, 1);
    assert.equal(col(r.id, 'labour_minutes'), '45');
  } else {
    assert.equal(s.status, 'waiting_parts');
    assert.equal(labourRows, 0, 'the losing labour entry was stored');
    assert.equal(col(r.id, 'labour_minutes'), '0');
  }
});

test('cancel needs a reason; cancelled shows on the page and on /track', async () => {
  const r = await newRepair();
  await repairActionOk(agent, r.id, 'accept', { priority: 'normal' });
  await refused(agent, r.id, 'cancel', { reason: '' }, 422, '请填写取消原因');
  await refused(agent, r.id, 'cancel', { reason: '长'.repeat(501) }, 422, '500');
  await repairActionOk(agent, r.id, 'cancel', { reason: '客户自行修好', confirm: '1' });
  const p = await expectStatus(agent, r.id, 'cancelled');
  assert.equal(col(r.id, 'cancel_reason'), '客户自行修好');
  assert.ok(p.r.text.includes('客户自行修好'));
  clearTrackThrottle();
  await expectTrack(r.no, r.phone, 'cancelled', '工单已取消');
  // no way back from cancelled
  await refused(supervisor, r.id, 'assign', { assignee_id: u.tech.id }, 422, '当前状态不允许此操作');
  await refused(agent, r.id, 'cancel', { reason: '再取消一次' }, 422, '当前状态不允许此操作');
});

test('a reason, parts note or result of only spaces counts as missing', async () => {
  // each case on its own repair, so that every one is checked and reported
  const problems = [];
  const inProgress = async () => {
    const r = await newRepair();
    await repairActionOk(agent, r.id, 'accept', { priority: 'normal' });
    await repairActionOk(supervisor, r.id, 'assign', { assignee_id: u.tech.id });
    await repairActionOk(tech, r.id, 'start');
    return r;
  };
  const cases = [
    ['cancel', agent, { reason: '   ' }, async () => newRepair()],
    ['wait_parts', tech, { note: ' \t ' }, inProgress],
    ['resolve', tech, { result: '  \n ', warranty_repair: '1' }, inProgress],
  ];
  for (const [action, client, fields, make] of cases) {
    const r = await make();
    const before = snapshot(r.id);
    const res = await repairAction(client, r.id, action, fields);
    if (res.status !== 422) problems.push(`${action} with ${JSON.stringify(fields)} answered ${res.status}`);
    else if (JSON.stringify(snapshot(r.id)) !== JSON.stringify(before)) problems.push(`${action} changed the repair`);
  }
  assert.deepEqual(problems, []);
});

// ------------------------------------------------------------ queue --
test('queue filters find the repair by status, number, phone, name and serial, with the phone masked', async () => {
  const name = `筛选${TAG}`;
  const serial = `SER-${RUN_ID}`.toUpperCase();
  const r = await newRepair({ name, serial_no: serial });
  const find = async (client, qs) => {
    const page = await client.get(`/staff/repairs?${qs}`);
    assert.equal(page.status, 200, `queue ?${qs}: ${page.status}`);
    return { page, rows: repairRows(page.text) };
  };
  for (const qs of [`q=${encodeURIComponent(r.no)}`, `status=new&q=${encodeURIComponent(r.no)}`, `q=${r.phone}`,
    `q=${encodeURIComponent(`${r.phone.slice(0, 3)} ${r.phone.slice(3, 7)} ${r.phone.slice(7)}`)}`,
    `q=${encodeURIComponent(name)}`, `q=${encodeURIComponent(name.slice(0, 3))}&status=new`, `q=${encodeURIComponent(serial)}`,
    `assignee=none&q=${r.phone}`]) {
    const { page, rows } = await find(agent, qs);
    const row = rows.find((x) => x.id === r.id);
    assert.ok(row, `?${qs} does not list ${r.no}: ${rows.map((x) => x.no)}`);
    assert.equal(row.no, r.no);
    assert.equal(row.status, 'new');
    assert.ok(row.cells.includes(maskPhone(r.phone)), `?${qs}: the row does not show the masked phone: ${row.cells}`);
    // (the search box keeps what was typed; the rest of the page must not show the number)
    if (!qs.includes(r.phone)) assert.ok(!page.text.includes(r.phone), `?${qs}: the whole phone is on the queue page`);
    const table = /<table[^>]*id="repair-list"[\s\S]*?<\/table>/.exec(page.text);
    assert.ok(table && !table[0].includes(r.phone), `?${qs}: the whole phone is in the list`);
  }
  // a phone search lists only that phone's repairs
  const { rows: byPhone } = await find(agent, `q=${r.phone}`);
  assert.equal(byPhone.length, 1, `q=phone lists ${byPhone.length} rows`);
  // filters that exclude it
  for (const qs of [`status=closed&q=${encodeURIComponent(r.no)}`, `status=accepted&q=${r.phone}`, `assignee=me&q=${r.phone}`,
    `overdue=1&q=${r.phone}`, `q=${uniquePhone('7')}`, `from=2000-01-01&to=2000-12-31&q=${r.phone}`]) {
    const { rows } = await find(agent, qs);
    assert.ok(!rows.some((x) => x.id === r.id), `?${qs} lists ${r.no}`);
  }
  const today = appSql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')")[0][0];
  const { rows: dated } = await find(agent, `from=${today}&to=${today}&q=${r.phone}`);
  assert.ok(dated.some((x) => x.id === r.id), 'from/to today does not list the repair');
  // a LIKE wildcard in q is literal
  const { rows: wild } = await find(agent, 'q=%25');
  assert.ok(!wild.some((x) => x.id === r.id), 'q=% matched every name');
  // assignee filter and the technician's view
  await repairActionOk(agent, r.id, 'accept', { priority: 'normal' });
  await repairActionOk(supervisor, r.id, 'assign', { assignee_id: u.tech.id });
  const mine = await find(tech, `assignee=me&q=${r.phone}`);
  assert.ok(mine.rows.some((x) => x.id === r.id), 'assignee=me does not list the technician\'s job');
  assert.ok(!repairRows(mine.page.text).some((x) => x.cells.includes(r.phone)), 'the queue shows the technician the whole phone');
  const byId = await find(supervisor, `assignee=${u.tech.id}&status=assigned&q=${r.phone}`);
  assert.ok(byId.rows.some((x) => x.id === r.id), 'assignee=<id> does not list the job');
  const other = await find(supervisor, `assignee=${u.tech2.id}&q=${r.phone}`);
  assert.ok(!other.rows.some((x) => x.id === r.id), 'assignee=<other id> lists the job');
});

test('pagination: 60 repairs page through "下一页" in every sort order, each once', async () => {
  const tag = `PG${RUN_ID}`.toUpperCase();
  const phone = uniquePhone('6');
  const values = [];
  for (let i = 1; i <= 60; i++) {
    const no = `Q${RUN_ID.slice(-10)}${String(i).padStart(3, '0')}`;
    // due times in groups of 7 equal values, to test the cursor on ties
    values.push(`('${no}', @c, 'pg${sqlSafe(RUN_ID)}', '${phone}', 'addr', '${tag}', '${tag}', 'fault', 'accepted', 'normal', '2030-01-01 10:00:00' + INTERVAL ${Math.floor((61 - i) / 7)} HOUR, NOW(), NOW())`);
  }
  appSql(`INSERT INTO customers (name, phone, created_at, updated_at) VALUES ('pg${sqlSafe(RUN_ID)}', '${phone}', NOW(), NOW());
       SET @c = LAST_INSERT_ID();
       INSERT INTO repairs (public_no, customer_id, contact_name, contact_phone, address, product, serial_no, fault, status, priority, due_at, created_at, updated_at) VALUES ${values.join(',')};`);
  const expected = sql(`SELECT id, DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s') FROM repairs WHERE serial_no = '${tag}' ORDER BY id`);
  assert.equal(expected.length, 60);
  const due = new Map(expected.map(([id, d]) => [Number(id), d]));

  for (const sort of ['new', 'old', 'due']) {
    const { seen, sizes: pageSizes } = await pageThrough(supervisor, `/staff/repairs?q=${encodeURIComponent(tag)}&sort=${sort}`,
      repairRows, (row) => assert.ok(row.cells.includes(maskPhone(phone)), 'a queue row shows an unmasked phone'));
    assert.deepEqual(pageSizes, [50, 10], `sort=${sort}: page sizes ${pageSizes}`);
    assert.equal(new Set(seen).size, seen.length, `sort=${sort}: a row repeats`);
    assert.deepEqual([...seen].sort((a, b) => a - b), [...due.keys()].sort((a, b) => a - b), `sort=${sort}: not every row was seen`);
    const ordered = [...seen];
    if (sort === 'new') ordered.sort((a, b) => b - a);
    if (sort === 'old') ordered.sort((a, b) => a - b);
    if (sort === 'due') ordered.sort((a, b) => (due.get(a) < due.get(b) ? -1 : due.get(a) > due.get(b) ? 1 : a - b));
    assert.deepEqual(seen, ordered, `sort=${sort}: rows out of order`);
  }
  // a filter is kept by the next link
  const first = await supervisor.get(`/staff/repairs?q=${encodeURIComponent(tag)}&status=accepted`);
  const next = nextPageLink(first.text);
  assert.ok(next && next.includes('status=accepted') && next.includes(encodeURIComponent(tag)), `the next link drops filters: ${next}`);
});

// ---------------------------------------------------------- intake --
test('staff intake by phone creates a repair with channel 电话, opened at its work order', async () => {
  const form = await agent.get('/staff/repairs/new');
  assert.equal(form.status, 200);
  assert.ok(extractCsrf(form.text), 'the intake form has no csrf');
  assert.match(form.text, /<select[^>]*name="channel"/);
  assert.match(form.text, /<option value="phone"/);
  assert.match(form.text, /<option value="counter"/);
  const csrf = extractCsrf(form.text);
  const fields = repairFields({ name: '电话客户', website: undefined });
  // without a channel: 422 with the input kept
  const bad = await agent.post('/staff/repairs/new', { csrf, ...fields, channel: 'fax' });
  assert.equal(bad.status, 422, `channel=fax answered ${bad.status}`);
  assert.ok(fieldError(bad.text, 'channel'), 'no message next to the channel');
  assert.equal(fieldValue(bad.text, 'name'), '电话客户');
  // without csrf: 403
  assertErrorPage(await agent.post('/staff/repairs/new', { ...fields, channel: 'phone' }), 403);
  assert.equal(sql(`SELECT COUNT(*) FROM repairs WHERE contact_phone = '${fields.phone}'`)[0][0], '0');

  const res = await agent.post('/staff/repairs/new', { csrf, ...fields, channel: 'phone' });
  assert.equal(res.status, 303, `intake answered ${res.status}: ${snippet(res.text)}`);
  const m = /^\/staff\/repairs\/(\d+)$/.exec(res.location || '');
  assert.ok(m, `Location ${res.location}`);
  const id = Number(m[1]);
  const row = sql(`SELECT channel, created_by, status, contact_phone, public_no FROM repairs WHERE id = ${id}`)[0];
  assert.deepEqual(row.slice(0, 4), ['phone', String(u.agent.id), 'new', fields.phone]);
  assert.match(row[4], /^R\d{8}-\d{4,5}$/);
  const page = await agent.get(res.location);
  assert.equal(dataStatus(page.text), 'new');
  assert.match(htmlUnescape(page.text), /<dt>渠道<\/dt><dd>电话/, 'the work order does not show channel 电话');
  const tl = timeline(page.text);
  assert.ok(tl[0] && tl[0].includes(u.agent.display_name) && tl[0].includes('登记报修'), `timeline: ${JSON.stringify(tl)}`);
  // the customer can track it
  clearTrackThrottle();
  await expectTrack(row[4], fields.phone, 'new', '已收到您的报修申请');
  // counter intake by a supervisor
  const c = await supervisor.post('/staff/repairs/new', { csrf: extractCsrf((await supervisor.get('/staff/repairs/new')).text), ...repairFields({ website: undefined }), channel: 'counter' });
  assert.equal(c.status, 303);
  assert.equal(sql(`SELECT channel FROM repairs WHERE id = ${Number(c.location.split('/').pop())}`)[0][0], 'counter');
  // technicians do not take requests in
  assertErrorPage(await tech.get('/staff/repairs/new'), 403);
  const tcsrf = await tech.csrf();
  assertErrorPage(await tech.post('/staff/repairs/new', { csrf: tcsrf, ...repairFields({ website: undefined }), channel: 'phone' }), 403);
});

// ----------------------------------------------- my jobs, print, home --
test('/staff/my lists the technician\'s open jobs with the whole phone, and only theirs', async () => {
  const r = await newRepair({ address: `测试小区 ${TAG} 号楼` });
  await repairActionOk(agent, r.id, 'accept', { priority: 'normal' });
  await repairActionOk(supervisor, r.id, 'assign', { assignee_id: u.tech.id });
  const mine = await tech.get('/staff/my');
  assert.equal(mine.status, 200);
  const row = repairRows(mine.text).find((x) => x.id === r.id);
  assert.ok(row, '/staff/my does not list the assigned job');
  assert.equal(row.status, 'assigned');
  assert.ok(row.cells.includes(r.phone), 'the technician\'s own job does not show the whole phone');
  assert.ok(row.cells.some((c) => c.includes(`测试小区 ${TAG} 号楼`)), 'the job does not show the address');
  const others = await tech2.get('/staff/my');
  assert.ok(!repairRows(others.text).some((x) => x.id === r.id), 'another technician\'s /staff/my lists the job');
  assert.ok(!others.text.includes(r.phone));
  // the home page counts it
  const home = await tech.get('/staff');
  const count = /id="my-count">(\d+)</.exec(home.text);
  assert.ok(count && Number(count[1]) >= 1, 'the staff home does not count the technician\'s jobs');
  // finished jobs leave the list
  await repairActionOk(tech, r.id, 'start');
  await repairActionOk(tech, r.id, 'resolve', { result: '完成', warranty_repair: '1' });
  const after = await tech.get('/staff/my');
  assert.ok(!repairRows(after.text).some((x) => x.id === r.id), 'a resolved job is still in /staff/my');
});

test('the printable work order has the number, status, whole phone for the agent and a QR code', async () => {
  const r = await newRepair({ serial_no: `PRN-${RUN_ID}` });
  const p = await agent.get(`/staff/repairs/${r.id}/print`);
  assert.equal(p.status, 200);
  assert.equal(dataStatus(p.text, 'work-order'), 'new');
  assert.ok(p.text.includes(r.no));
  assert.ok(p.text.includes(r.phone), 'the agent\'s print does not show the phone');
  assert.match(p.text, /<table class="qr"/, 'no QR code');
  assert.ok((p.text.match(/class="d"/g) || []).length > 50, 'the QR code has (almost) no dark modules');
  assert.match(htmlUnescape(p.text), new RegExp(`/track\\?no=${r.no}`), 'the print does not carry the tracking address');
  // a technician's print of a job not assigned to them is refused (#11)
  const t2 = await tech2.get(`/staff/repairs/${r.id}/print`);
  assertErrorPage(t2, 403);
  assert.ok(!t2.text.includes(r.phone), 'an unassigned technician\'s print shows the whole phone');
  assertErrorPage(await agent.get('/staff/repairs/999999999/print'), 404);
});

test('an order past its time limit counts as overdue on the home page, in the queue and on the order', async () => {
  const r = await newRepair();
  await repairActionOk(agent, r.id, 'accept', { priority: 'urgent' });
  const countOf = async () => {
    const home = await supervisor.get('/staff');
    const m = /id="overdue-count">(\d+)</.exec(home.text);
    assert.ok(m, 'no #overdue-count on the staff home');
    return Number(m[1]);
  };
  const before = await countOf();
  let q = await supervisor.get(`/staff/repairs?overdue=1&q=${r.phone}`);
  assert.ok(!repairRows(q.text).some((x) => x.id === r.id), 'a fresh order is overdue');
  // no page moves time: put the limit in the past
  appSql(`UPDATE repairs SET due_at = NOW() - INTERVAL 2 DAY WHERE id = ${r.id}`);
  assert.equal(await countOf(), before + 1, 'the overdue count did not go up');
  q = await supervisor.get(`/staff/repairs?overdue=1&q=${r.phone}`);
  assert.ok(repairRows(q.text).some((x) => x.id === r.id), 'overdue=1 does not list the order');
  const p = await repairPage(supervisor, r.id);
  assert.match(p.r.text, /已超时/, 'the order does not say it is overdue');
  assert.ok(!/剩余/.test(p.r.text), 'an overdue order shows time left');
  // while waiting for parts it is not counted as overdue
  await repairActionOk(supervisor, r.id, 'assign', { assignee_id: u.tech.id });
  await repairActionOk(tech, r.id, 'start');
  await repairActionOk(tech, r.id, 'wait_parts', { note: '等配件' });
  assert.equal(await countOf(), before, 'an order waiting for parts counts as overdue');
  // resolving it takes it out as well
  await repairActionOk(tech, r.id, 'resume');
  await repairActionOk(tech, r.id, 'resolve', { result: '修好', warranty_repair: '1' });
  assert.equal(await countOf(), before);
});

// ------------------------------------------------------------ access --
test('without a session the staff repair pages answer 303 to /login', async () => {
  const r = await newRepair();
  for (const p of ['/staff/repairs', `/staff/repairs/${r.id}`, '/staff/repairs/new', '/staff/my', `/staff/repairs/${r.id}/print`, '/staff/repairs?status=new']) {
    const x = await request('GET', p);
    assert.equal(x.status, 303, `${p} answered ${x.status}`);
    assert.equal(x.location, `/login?next=${encodeURIComponent(p)}`, `${p} sent to ${x.location}`);
  }
  const before = snapshot(r.id);
  const post = await request('POST', `/staff/repairs/${r.id}/action`, { body: 'action=cancel&reason=x&version=1&csrf=x' });
  assert.ok([303, 403].includes(post.status), `an anonymous action answered ${post.status}`);
  assert.deepEqual(snapshot(r.id), before, 'an anonymous POST changed the repair');
});

test('a technician gets 403 on the customer pages', async () => {
  assertErrorPage(await tech.get('/staff/customers'), 403);
  assertErrorPage(await tech.get('/staff/customers?q=1'), 403);
  const cid = sql('SELECT id FROM customers ORDER BY id DESC LIMIT 1')[0][0];
  assertErrorPage(await tech.get(`/staff/customers/${cid}`), 403);
});
