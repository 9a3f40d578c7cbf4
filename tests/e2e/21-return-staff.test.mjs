// The staff side of returns: every transition of the return state machine
// through the pages with the right roles, refused ones (status, role, CSRF,
// stale version, bad money), the 三包 verdict on the page and decisions
// against it, a return that becomes a linked repair, and the queue's filters,
// search, masking, overdue marker and keyset pages. Returns are made with SQL
// (insertReturn) so these tests do not depend on the public form.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, loginAdmin, login, createUser, sql, appSql, sqlSafe, snippet, RUN_ID, uniquePhone, maskPhone,
  dataStatus, timeline, nextPageLink, alertText, extractCsrf, htmlUnescape, assertErrorPage,
  insertReturn, returnPage, returnAction, returnActionOk, returnRows, repairPage, pageThrough, newReturn, track,
  trackStatus, clearPublicThrottles,
  assertRefused, expectReturnStatus as expectStatus,
} from './lib.mjs';

let supervisor;
let agent;
let tech;
const u = {};
const TAG = RUN_ID.slice(-4);

before(async () => {
  const admin = await loginAdmin();
  clearPublicThrottles();
  u.agent = await createUser(admin, { role: 'agent', display_name: `退货客服${TAG}` });
  u.supervisor = await createUser(admin, { role: 'supervisor', display_name: `退货主管${TAG}` });
  u.tech = await createUser(admin, { role: 'technician', display_name: `检测员${TAG}` });
  agent = await login(u.agent.username, u.agent.password);
  supervisor = await login(u.supervisor.username, u.supervisor.password);
  tech = await login(u.tech.username, u.tech.password);
});

/** One column of a return ('NULL' for NULL; the extra column keeps an empty string). */
function col(id, column) {
  const rows = sql(`SELECT ${sqlSafe(column)}, 'x' FROM returns WHERE id = ${sqlSafe(id)}`);
  assert.equal(rows.length, 1, `no return ${id}`);
  return rows[0][0];
}

/** status, version and number of timeline events of a return. */
function snapshot(id) {
  const row = sql(`SELECT status, version, (SELECT COUNT(*) FROM events WHERE subject = 'return' AND subject_id = t.id) FROM returns t WHERE id = ${sqlSafe(id)}`)[0];
  return { status: row[0], version: Number(row[1]), events: Number(row[2]) };
}

/** The last event of a return: [action, from, to, note, public_note, actor_id]. */
function lastEvent(id, subject = 'return') {
  return sql(`SELECT action, from_status, to_status, note, public_note, COALESCE(actor_id, 0) FROM events WHERE subject = '${subject}' AND subject_id = ${sqlSafe(id)} ORDER BY id DESC LIMIT 1`)[0];
}


/** An action that must be refused with this HTTP status (and message) and change nothing. */
function refused(client, id, action, fields, status, message) {
  return assertRefused(`${action} on return ${id}`, () => returnAction(client, id, action, fields), () => snapshot(id), status, message);
}

/** The 三包 panel's verdict text and rule code. */
function verdict(html) {
  const sec = /<section[^>]*id="sanbao"[^>]*data-rule="([^"]*)"[^>]*>([\s\S]*?)<\/section>/.exec(html);
  assert.ok(sec, 'the page has no 三包 panel');
  const text = /<p class="verdict"><strong>([^<]*)<\/strong>/.exec(sec[2]);
  return { rule: sec[1], text: htmlUnescape(text ? text[1] : ''), html: sec[2] };
}

/** Approve (by the supervisor), receive (agent) and inspect (technician). */
async function toInspected(id, inspection = 'fault_confirmed') {
  await returnActionOk(supervisor, id, 'approve', {});
  await returnActionOk(agent, id, 'receive', { condition: '外包装完好', inbound_logistics: 'SF1234567890' });
  await returnActionOk(tech, id, 'inspect', { inspection, notes: '压缩机不启动' });
}

// ------------------------------------------------------- life cycles --
test('approve → receive → inspect → refund → close, each by its role, with the timeline and public notes', async () => {
  const t = insertReturn({ amount_paid: 129900, purchase_days_ago: 5 });
  let p = await expectStatus(supervisor, t.id, 'requested');
  assert.match(p.r.text, /<section class="panel" id="return" data-status="requested">/);
  assert.ok(p.r.text.includes('¥1,299.00'), 'the amount paid is not shown as ¥1,299.00');
  assert.ok(p.r.text.includes('答复时限'), 'no answer time limit on a requested return');
  assert.ok(p.r.text.includes(t.phone), 'the supervisor does not see the whole phone');

  await returnActionOk(supervisor, t.id, 'approve', { note: '客户已提供发票' });
  await expectStatus(agent, t.id, 'approved');
  assert.equal(col(t.id, 'decided_by'), String(u.supervisor.id));
  assert.notEqual(col(t.id, 'decided_at'), 'NULL');
  assert.equal(col(t.id, 'decision_exception'), '0');
  let e = lastEvent(t.id);
  assert.deepEqual(e.slice(0, 3), ['approve', 'requested', 'approved']);
  assert.ok(e[3].includes('购买第 5 天'), `the approve note lacks the rule: ${e[3]}`);
  assert.ok(e[4].includes('您的申请已通过'), `public note: ${e[4]}`);

  await returnActionOk(agent, t.id, 'receive', { condition: '外包装完好，配件齐全', inbound_logistics: 'SF1234567890' });
  await expectStatus(tech, t.id, 'received');
  assert.equal(col(t.id, 'received_condition'), '外包装完好，配件齐全');
  assert.equal(col(t.id, 'inbound_logistics'), 'SF1234567890');
  assert.notEqual(col(t.id, 'received_at'), 'NULL');

  await returnActionOk(tech, t.id, 'inspect', { inspection: 'fault_confirmed', notes: '压缩机不启动' });
  p = await expectStatus(supervisor, t.id, 'inspected');
  assert.equal(col(t.id, 'inspection'), 'fault_confirmed');
  assert.equal(col(t.id, 'inspected_by'), String(u.tech.id));
  assert.equal(appSql(`SELECT due_at > NOW() FROM returns WHERE id = ${t.id}`)[0][0], '1', 'inspection set no refund time limit in the future');
  assert.ok(p.r.text.includes('退款 / 换货时限'), 'no refund time limit after inspection');
  assert.equal(lastEvent(t.id)[4], '商品检测完成：性能故障已确认');

  await returnActionOk(supervisor, t.id, 'refund', { amount: '1299', method: 'original', reference: 'WX20261128001' });
  p = await expectStatus(agent, t.id, 'refunded');
  assert.equal(col(t.id, 'refund_amount'), '129900');
  assert.equal(col(t.id, 'refund_method'), 'original');
  assert.equal(col(t.id, 'refund_reference'), 'WX20261128001');
  assert.notEqual(col(t.id, 'refunded_at'), 'NULL');
  assert.match(p.r.text, /id="refund-amount">¥1,299\.00</);
  assert.equal(lastEvent(t.id)[4], '已退款 ¥1,299.00（原路退回）');

  await returnActionOk(agent, t.id, 'close', {});
  p = await expectStatus(supervisor, t.id, 'closed');
  assert.notEqual(col(t.id, 'closed_at'), 'NULL');
  const tl = timeline(p.r.text);
  for (const label of ['同意', '确认收货', '登记检测结果', '退款', '结单']) {
    assert.ok(tl.some((x) => x.includes(label)), `the timeline lacks ${label}: ${JSON.stringify(tl)}`);
  }
  assert.ok(tl.some((x) => x.includes('已收货，待检测 → 已检测，待处理')), 'the timeline does not name the statuses');
  assert.equal(snapshot(t.id).events, 5);
  // nothing more to do but notes
  assert.ok(!/name="action" value="(?!note)/.test(p.r.text), 'a closed return still offers an action');
});

test('a return filed on the public form: its verdict on the staff page, approved, and the customer sees it on /track', async () => {
  const bought = appSql("SELECT DATE_FORMAT(CURDATE() - INTERVAL 3 DAY, '%Y-%m-%d')")[0][0];
  const ret = await newReturn({ purchase_date: bought, amount_paid: '2,999.00', bought_online: 'online', has_fault: '1' });
  const p = await returnPage(supervisor, ret.id);
  assert.equal(p.status, 'requested');
  assert.ok(p.r.text.includes('¥2,999.00'), 'the amount paid on the form is not shown');
  const v = verdict(p.r.text);
  assert.equal(v.rule, 'return_7', v.text);
  assert.ok(v.text.includes('购买第 3 天'), v.text);
  assert.ok(p.r.text.includes('答复时限'), 'the answer time limit set at submission is not shown');
  await returnActionOk(supervisor, ret.id, 'approve', {});
  const tr = await track(ret.no, ret.phone);
  assert.equal(tr.status, 200);
  assert.equal(trackStatus(tr.text), 'approved');
  assert.ok(timeline(tr.text).some((x) => x.includes('您的申请已通过')), 'the approval is not on /track');
});

test('approve → receive → inspect → exchange → close; the replacement product defaults to the product', async () => {
  const t = insertReturn({ kind: 'exchange', product: '冰箱', purchase_days_ago: 10 });
  await toInspected(t.id);
  const p = await returnPage(agent, t.id);
  assert.equal(/<input[^>]*name="replacement_product"[^>]*value="([^"]*)"/.exec(p.r.text)?.[1], '冰箱');
  await refused(agent, t.id, 'exchange', { replacement_serial: 'NEW-1' }, 422, '发货物流单号');
  await refused(agent, t.id, 'exchange', { outbound_logistics: 'YT1' }, 422, '新机序列号');
  await returnActionOk(agent, t.id, 'exchange', { replacement_product: '', replacement_serial: 'NEW-SN-001', outbound_logistics: 'YT9876543210' });
  await expectStatus(agent, t.id, 'exchanged');
  assert.equal(col(t.id, 'replacement_product'), '冰箱');
  assert.equal(col(t.id, 'replacement_serial'), 'NEW-SN-001');
  assert.equal(col(t.id, 'outbound_logistics'), 'YT9876543210');
  assert.notEqual(col(t.id, 'exchanged_at'), 'NULL');
  assert.equal(lastEvent(t.id)[4], '换货商品已发出，物流单号 YT9876543210');
  await returnActionOk(supervisor, t.id, 'close', {});
  await expectStatus(agent, t.id, 'closed');
});

test('an inspected return becomes a linked R repair with events on both, in one step', async () => {
  appSql("INSERT INTO products (name, warranty_months) VALUES ('退转修测试机', 24) ON DUPLICATE KEY UPDATE warranty_months = 24, active = 1");
  const t = insertReturn({ product: '退转修测试机', purchase_days_ago: 3, channel: 'phone', address: '上海市测试路 8 号' });
  await toInspected(t.id);
  const repairsBefore = Number(sql('SELECT COUNT(*) FROM repairs')[0][0]);
  await returnActionOk(agent, t.id, 'to_repair', {});
  const p = await expectStatus(agent, t.id, 'converted');
  const repairId = Number(col(t.id, 'new_repair_id'));
  assert.ok(repairId > 0, 'the return has no new_repair_id');
  assert.equal(Number(sql('SELECT COUNT(*) FROM repairs')[0][0]), repairsBefore + 1);
  const [no, returnId, customer, product, serial, channel, fault, status, warranty, purchase, address, phone] = sql(
    `SELECT public_no, return_id, customer_id, product, serial_no, channel, fault, status,
       DATE_FORMAT(warranty_until, '%Y-%m-%d'), DATE_FORMAT(purchase_date + INTERVAL 24 MONTH, '%Y-%m-%d'), address, contact_phone
     FROM repairs WHERE id = ${repairId}`)[0];
  assert.match(no, /^R\d{8}-\d{4,12}$/);
  assert.equal(Number(returnId), t.id, 'the repair does not point back to the return');
  assert.equal(customer, col(t.id, 'customer_id'));
  assert.equal(product, '退转修测试机');
  assert.equal(serial, t.fields.serial_no);
  assert.equal(channel, 'phone');
  assert.equal(status, 'new');
  assert.equal(warranty, purchase, 'warranty_until is not the purchase date plus the product\'s 24 months');
  assert.equal(address, '上海市测试路 8 号');
  assert.equal(phone, t.phone);
  assert.ok(fault.includes(t.fields.reason) && fault.includes('压缩机不启动') && fault.includes('性能故障已确认'), `fault: ${fault}`);
  // events on both
  const e = lastEvent(t.id);
  assert.deepEqual(e.slice(0, 3), ['to_repair', 'inspected', 'converted']);
  assert.ok(e[3].includes(no) && e[4].includes(no), `the return's event does not name ${no}: ${e}`);
  const re = lastEvent(repairId, 'repair');
  assert.deepEqual(re.slice(0, 3), ['intake', '', 'new']);
  assert.ok(re[3].includes(`由退换货 ${t.no} 转入`), `the repair's event: ${re[3]}`);
  // links both ways
  assert.ok(p.r.text.includes(`<a href="/staff/repairs/${repairId}" id="new-repair">${no}</a>`), 'the return does not link to the repair');
  const rp = await repairPage(agent, repairId);
  assert.equal(rp.status, 'new');
  assert.ok(rp.r.text.includes(`<a href="/staff/returns/${t.id}" id="from-return">${t.no}</a>`), 'the repair does not link back to the return');
  assert.ok(timeline(rp.r.text).some((x) => x.includes(`由退换货 ${t.no} 转入`)));
});

test('reject needs a reason, which the customer is told; rejecting inside the 7 days is marked an exception', async () => {
  const t = insertReturn({ purchase_days_ago: 3 });
  await refused(supervisor, t.id, 'reject', { reason: '   ' }, 422, '拒绝理由');
  await returnActionOk(supervisor, t.id, 'reject', { reason: '商品已超出退货条件，外观有明显划痕' });
  const p = await expectStatus(supervisor, t.id, 'rejected');
  assert.equal(col(t.id, 'decision_note'), '商品已超出退货条件，外观有明显划痕');
  assert.equal(col(t.id, 'decision_exception'), '1', 'a refusal inside 7 days is not marked an exception');
  const e = lastEvent(t.id);
  assert.deepEqual(e.slice(0, 3), ['reject', 'requested', 'rejected']);
  assert.ok(e[3].includes('例外') && e[3].includes('购买第 3 天'), `the note lacks the exception and the rule: ${e[3]}`);
  assert.equal(e[4], '您的申请未通过：商品已超出退货条件，外观有明显划痕');
  assert.ok(p.r.text.includes('例外处理'));
  const tr = await track(t.no, t.phone);
  assert.equal(trackStatus(tr.text), 'rejected');
  assert.ok(htmlUnescape(tr.text).includes('商品已超出退货条件，外观有明显划痕'), 'the customer is not told the reason on /track');

  // a refusal the rules support is no exception
  const old = insertReturn({ purchase_days_ago: 800 });
  await returnActionOk(supervisor, old.id, 'reject', { reason: '已过保修期' });
  assert.equal(col(old.id, 'decision_exception'), '0');
  assert.ok(!lastEvent(old.id)[3].includes('例外'));
});

test('cancel needs a reason and works from requested and approved', async () => {
  const a = insertReturn();
  await refused(agent, a.id, 'cancel', {}, 422, '取消原因');
  await returnActionOk(agent, a.id, 'cancel', { reason: '客户撤回申请', confirm: '1' });
  await expectStatus(agent, a.id, 'cancelled');
  assert.equal(col(a.id, 'cancel_reason'), '客户撤回申请');
  assert.equal(lastEvent(a.id)[4], '申请已取消');
  const b = insertReturn();
  await returnActionOk(supervisor, b.id, 'approve', {});
  await returnActionOk(supervisor, b.id, 'cancel', { reason: '客户不再寄回', confirm: '1' });
  await expectStatus(agent, b.id, 'cancelled');
});

test('a note adds to the timeline in any status and changes nothing else', async () => {
  const t = insertReturn();
  const before = snapshot(t.id);
  await returnActionOk(tech, t.id, 'note', { note: '客户来电询问进度' });
  const after = snapshot(t.id);
  assert.equal(after.status, 'requested');
  assert.equal(after.version, before.version);
  assert.equal(after.events, before.events + 1);
  assert.deepEqual(lastEvent(t.id).slice(0, 4), ['note', '', '', '客户来电询问进度']);
  await refused(tech, t.id, 'note', { note: ' ' }, 422, '备注内容');
});

// ---------------------------------------------------------- refusals --
test('actions the status does not allow answer 422 and change nothing', async () => {
  const t = insertReturn({ amount_paid: 5000 });
  const msg = '当前状态不允许此操作';
  await refused(agent, t.id, 'receive', { condition: '好' }, 422, msg);
  await refused(supervisor, t.id, 'refund', { amount: '10', method: 'cash' }, 422, msg);
  await refused(agent, t.id, 'close', {}, 422, msg);
  await refused(agent, t.id, 'to_repair', {}, 422, msg);
  await refused(tech, t.id, 'inspect', { inspection: 'no_fault' }, 422, msg);
  await refused(agent, t.id, 'submit', {}, 422);
  await refused(agent, t.id, 'no_such_action', {}, 422, '未知的操作');
  await returnActionOk(supervisor, t.id, 'approve', {});
  await refused(supervisor, t.id, 'approve', {}, 422, msg);
  await refused(supervisor, t.id, 'reject', { reason: '迟了' }, 422, msg);
  await refused(agent, t.id, 'exchange', { replacement_serial: 'X', outbound_logistics: 'Y' }, 422, msg);
  const closed = insertReturn({ status: 'closed' });
  await refused(supervisor, closed.id, 'cancel', { reason: '晚了' }, 422, msg);
});

test('roles: agents and technicians cannot approve, technicians cannot refund, agents cannot inspect', async () => {
  const t = insertReturn({ amount_paid: 5000 });
  const msg = '您的角色无权进行此操作';
  await refused(agent, t.id, 'approve', {}, 422, msg);
  await refused(tech, t.id, 'approve', {}, 422, msg);
  await refused(tech, t.id, 'reject', { reason: '不行' }, 422, msg);
  await refused(tech, t.id, 'cancel', { reason: '不行' }, 422, msg);
  // the technician's page offers no decision, and masks the phone
  const page = await returnPage(tech, t.id);
  assert.ok(!page.r.text.includes('value="approve"') && !page.r.text.includes('value="reject"'), 'the technician is offered approve or reject');
  assert.ok(!page.r.text.includes(t.phone), 'the technician sees the whole phone');
  assert.ok(page.r.text.includes(maskPhone(t.phone)));
  assert.ok(!page.r.text.includes('href="/staff/customers/'), 'the technician gets a link to the customer record');
  const sup = await returnPage(supervisor, t.id);
  assert.ok(sup.r.text.includes('value="approve"') && sup.r.text.includes('value="reject"'));

  await returnActionOk(supervisor, t.id, 'approve', {});
  await returnActionOk(tech, t.id, 'receive', { condition: '完好' });
  await refused(agent, t.id, 'inspect', { inspection: 'fault_confirmed' }, 422, msg);
  await returnActionOk(tech, t.id, 'inspect', { inspection: 'fault_confirmed' });
  await refused(tech, t.id, 'refund', { amount: '50', method: 'cash' }, 422, msg);
  await refused(agent, t.id, 'refund', { amount: '50', method: 'cash' }, 422, msg);
  await refused(tech, t.id, 'exchange', { replacement_serial: 'X', outbound_logistics: 'Y' }, 422, msg);
  await refused(tech, t.id, 'to_repair', {}, 422, msg);
});

test('without or with a wrong csrf an action answers 403 and changes nothing', async () => {
  const t = insertReturn();
  const before = snapshot(t.id);
  const page = await returnPage(supervisor, t.id);
  const none = await supervisor.post(`/staff/returns/${t.id}/action`, { version: page.version, action: 'approve' });
  assert.equal(none.status, 403);
  const wrong = await supervisor.post(`/staff/returns/${t.id}/action`, { csrf: 'f'.repeat(64), version: page.version, action: 'approve' });
  assert.equal(wrong.status, 403);
  assert.deepEqual(snapshot(t.id), before);
});

test('a stale version answers 409 with the latest page and changes nothing', async () => {
  const t = insertReturn();
  const page = await returnPage(supervisor, t.id);
  await returnActionOk(agent, t.id, 'note', { note: '先加个备注' });
  sql(`UPDATE returns SET version = version + 1 WHERE id = ${t.id}`);
  const before = snapshot(t.id);
  const r = await supervisor.post(`/staff/returns/${t.id}/action`, { csrf: page.csrf, version: page.version, action: 'approve' });
  assert.equal(r.status, 409, `stale approve answered ${r.status}`);
  assert.ok(alertText(r.text).includes('已被他人修改'), alertText(r.text));
  assert.equal(dataStatus(r.text, 'return'), 'requested');
  assert.equal(/name="version" value="(\d+)"/.exec(r.text)?.[1], String(before.version), 'the 409 page does not carry the new version');
  assert.deepEqual(snapshot(t.id), before);
});

test('refunds: never above the amount paid, a partial one needs a reason, a reference unless cash', async () => {
  const t = insertReturn({ amount_paid: 59900 });
  await toInspected(t.id);
  await refused(supervisor, t.id, 'refund', { amount: '599.01', method: 'original', reference: 'R1' }, 422, '不能超过实付金额 ¥599.00');
  await refused(supervisor, t.id, 'refund', { amount: '10000', method: 'original', reference: 'R1' }, 422, '不能超过实付金额');
  await refused(supervisor, t.id, 'refund', { amount: '0', method: 'original', reference: 'R1' }, 422, '大于 0');
  await refused(supervisor, t.id, 'refund', { amount: '', method: 'original', reference: 'R1' }, 422, '大于 0');
  await refused(supervisor, t.id, 'refund', { amount: '12.345', method: 'original', reference: 'R1' }, 422, '退款金额');
  await refused(supervisor, t.id, 'refund', { amount: '-5', method: 'original', reference: 'R1' }, 422, '退款金额');
  await refused(supervisor, t.id, 'refund', { amount: '599', method: 'paypal', reference: 'R1' }, 422, '退款方式');
  await refused(supervisor, t.id, 'refund', { amount: '599', method: 'bank' }, 422, '交易流水号');
  await refused(supervisor, t.id, 'refund', { amount: '500', method: 'original', reference: 'R1' }, 422, '部分退款');
  const page = await returnPage(supervisor, t.id);
  assert.equal(/<input[^>]*name="amount"[^>]*value="([^"]*)"/.exec(page.r.text)?.[1], '599.00', 'the amount is not prefilled with the amount paid');
  await returnActionOk(supervisor, t.id, 'refund', { amount: '500.50', method: 'cash', refund_note: '配件缺失扣除 98.50 元' });
  await expectStatus(supervisor, t.id, 'refunded');
  assert.equal(col(t.id, 'refund_amount'), '50050');
  assert.equal(col(t.id, 'refund_note'), '配件缺失扣除 98.50 元');
  assert.equal(col(t.id, 'refund_reference'), '');
  assert.ok(lastEvent(t.id)[3].includes('退款 ¥500.50（现金）'), lastEvent(t.id)[3]);

  // with the amount paid unknown there is no upper bound to check, and no partial refund
  const unknown = insertReturn({ amount_paid: null });
  await toInspected(unknown.id);
  await returnActionOk(supervisor, unknown.id, 'refund', { amount: '88', method: 'wechat', reference: 'WX1' });
  assert.equal(col(unknown.id, 'refund_amount'), '8800');
});

test('a decision against the 三包 verdict: approving needs a written exception reason, recorded on the timeline', async () => {
  const t = insertReturn({ purchase_days_ago: 400, kind: 'return' });
  let p = await returnPage(supervisor, t.id);
  assert.equal(verdict(p.r.text).rule, 'expired');
  assert.ok(p.r.text.includes('name="exception_reason"'), 'the approve form does not ask for an exception reason');
  await refused(supervisor, t.id, 'approve', {}, 422, '例外处理的理由');
  await refused(supervisor, t.id, 'approve', { exception_reason: '  ' }, 422, '例外处理的理由');
  await returnActionOk(supervisor, t.id, 'approve', { exception_reason: '老客户，经理批准善意退货' });
  p = await expectStatus(supervisor, t.id, 'approved');
  assert.equal(col(t.id, 'decision_exception'), '1');
  assert.equal(col(t.id, 'decision_note'), '老客户，经理批准善意退货');
  const tl = timeline(p.r.text);
  const entry = tl.find((x) => x.includes('老客户，经理批准善意退货'));
  assert.ok(entry, `the reason is not on the timeline: ${JSON.stringify(tl)}`);
  assert.ok(entry.includes('例外') && entry.includes('已过保修期'), `the entry lacks the exception or the rule: ${entry}`);
  // within the rules no reason is asked
  const ok = insertReturn({ purchase_days_ago: 2 });
  p = await returnPage(supervisor, ok.id);
  assert.ok(!p.r.text.includes('name="exception_reason"'));
  await returnActionOk(supervisor, ok.id, 'approve', {});
  assert.equal(col(ok.id, 'decision_exception'), '0');
});

// ---------------------------------------------------------- 三包 panel --
test('the 三包 panel: the day of purchase, the windows, and earlier warranty repairs of the same item', async () => {
  const cases = [
    [0, 'return_7', '购买当天，性能故障，符合 7 日内退货（可退货、换货或修理）'],
    [5, 'return_7', '购买第 5 天，性能故障，符合 7 日内退货（可退货、换货或修理）'],
    [10, 'exchange_15', '购买第 10 天，性能故障，已过 7 日退货期，符合 15 日内换货'],
    [100, 'warranty_repair', '购买第 100 天，在保修期内'],
    [null, 'unknown_date', '未提供购买日期'],
  ];
  for (const [ago, rule, text] of cases) {
    const t = insertReturn({ purchase_days_ago: ago, product: `三包测试${TAG}` });
    const p = await returnPage(agent, t.id);
    const v = verdict(p.r.text);
    assert.equal(v.rule, rule, `day ${ago}: ${v.text}`);
    assert.ok(v.text.includes(text), `day ${ago}: "${v.text}" lacks "${text}"`);
  }
  // no fault, bought online: the 7-day no-reason return
  const online = insertReturn({ purchase_days_ago: 6, has_fault: 0, bought_online: 1 });
  assert.equal(verdict((await returnPage(agent, online.id)).r.text).rule, 'no_reason_7');

  // two warranty repairs of the same serial that did not fix it: exchange or return
  const serial = `SB-${RUN_ID}`.toUpperCase();
  const t = insertReturn({ purchase_days_ago: 100, serial_no: serial, product: '洗衣机' });
  const customer = col(t.id, 'customer_id');
  const repair = (no, status, daysAgo, sn = serial) => {
    appSql(`INSERT INTO repairs (public_no, customer_id, contact_name, contact_phone, address, product, serial_no, fault, status, created_at, updated_at)
      VALUES ('${sqlSafe(no)}', ${sqlSafe(customer)}, '修', '${sqlSafe(t.phone)}', '', '洗衣机', '${sqlSafe(sn)}', '不脱水', '${sqlSafe(status)}', NOW() - INTERVAL ${daysAgo} DAY, NOW())`);
    return Number(sql(`SELECT id FROM repairs WHERE public_no = '${sqlSafe(no)}'`)[0][0]);
  };
  const base = `R20260101-9${String(Date.now() % 1e9).padStart(9, '0')}`;
  const r1 = repair(`${base}1`, 'closed', 60);
  const r2 = repair(`${base}2`, 'resolved', 30);
  repair(`${base}3`, 'in_progress', 20);            // not finished: not counted
  repair(`${base}4`, 'closed', 150);                // before the purchase: not counted
  repair(`${base}5`, 'closed', 10, `${serial}-X`);  // another item: not counted
  let p = await returnPage(supervisor, t.id);
  let v = verdict(p.r.text);
  assert.equal(v.rule, 'repeat_repair', v.text);
  assert.ok(v.text.includes('购买第 100 天，保修期内已维修 2 次未修复，可换货或退货'), v.text);
  assert.ok(v.html.includes(`<a href="/staff/repairs/${r1}">${base}1</a>`) && v.html.includes(`<a href="/staff/repairs/${r2}">${base}2</a>`),
    'the counted repairs are not linked');
  assert.ok(!v.html.includes(`${base}3`) && !v.html.includes(`${base}4`) && !v.html.includes(`${base}5`), 'a repair that does not count is listed');

  // without a serial: the same customer and product; the repair the customer named counts once
  const t2 = insertReturn({ purchase_days_ago: 100, serial_no: '', product: '洗衣机', contact_phone: t.phone, repair_no: `${base}1` });
  assert.equal(col(t2.id, 'customer_id'), customer);
  v = verdict((await returnPage(supervisor, t2.id)).r.text);
  assert.equal(v.rule, 'repeat_repair', `same customer and product: ${v.text}`);
  assert.ok(v.text.includes('已维修 3 次'), `the repairs of the customer's 洗衣机 are counted: ${v.text}`);

  // a named repair of the same phone counts even under another serial
  const t3 = insertReturn({ purchase_days_ago: 100, serial_no: `${serial}-Y`, product: '洗衣机', contact_phone: t.phone, repair_no: `${base}5` });
  v = verdict((await returnPage(supervisor, t3.id)).r.text);
  assert.ok(v.text.includes('已维修 1 次'), `the named repair is not counted: ${v.text}`);
  // ... but not under another phone
  const t4 = insertReturn({ purchase_days_ago: 100, serial_no: `${serial}-Z`, product: '洗衣机', repair_no: `${base}5` });
  v = verdict((await returnPage(supervisor, t4.id)).r.text);
  assert.equal(v.rule, 'warranty_repair', `a repair of another phone counted: ${v.text}`);
  assert.ok(!v.text.includes('已维修'), v.text);
});

// ------------------------------------------------------------- queue --
test('the queue finds a return by number, phone, order number, serial and name, with the phone masked', async () => {
  const name = `队列${TAG}`;
  const t = insertReturn({ contact_name: name, kind: 'refund', amount_paid: 123456, order_no: `ORD-${RUN_ID}`.toUpperCase(), serial_no: `QSN-${RUN_ID}`.toUpperCase() });
  const find = async (client, qs) => {
    const page = await client.get(`/staff/returns?${qs}`);
    assert.equal(page.status, 200, `queue ?${qs}: ${page.status}`);
    return { page, rows: returnRows(page.text) };
  };
  const spaced = `${t.phone.slice(0, 3)} ${t.phone.slice(3, 7)} ${t.phone.slice(7)}`;
  for (const qs of [`q=${t.no}`, `q=${t.phone}`, `q=${encodeURIComponent(spaced)}`, `q=${t.fields.order_no}`,
    `q=${t.fields.serial_no}`, `q=${encodeURIComponent(name)}`, `q=${encodeURIComponent(name.slice(0, 3))}&kind=refund`,
    `status=requested&q=${t.phone}`, `kind=refund&q=${t.phone}`, `sort=due&q=${t.phone}`, `sort=old&q=${t.phone}`]) {
    const { page, rows } = await find(agent, qs);
    const row = rows.find((x) => x.id === t.id);
    assert.ok(row, `?${qs} does not list ${t.no}: ${rows.map((x) => x.no)}`);
    assert.equal(row.no, t.no);
    assert.equal(row.status, 'requested');
    assert.ok(row.cells.includes(maskPhone(t.phone)), `?${qs}: no masked phone in ${row.cells}`);
    assert.ok(row.cells.includes('退款') && row.cells.includes('¥1,234.56') && row.cells.includes('待审核'), `?${qs}: row cells ${row.cells}`);
    const table = /<table[^>]*id="return-list"[\s\S]*?<\/table>/.exec(page.text);
    assert.ok(table && !table[0].includes(t.phone), `?${qs}: the whole phone is in the list`);
  }
  const { rows: byPhone } = await find(agent, `q=${t.phone}`);
  assert.equal(byPhone.length, 1);
  for (const qs of [`status=approved&q=${t.phone}`, `kind=return&q=${t.phone}`, `overdue=1&q=${t.phone}`,
    `q=${uniquePhone('7')}`, `from=2000-01-01&to=2000-12-31&q=${t.phone}`, 'q=%25', `q=${encodeURIComponent(`${name}_`)}`]) {
    const { rows } = await find(agent, qs);
    assert.ok(!rows.some((x) => x.id === t.id), `?${qs} lists ${t.no}`);
  }
  const today = appSql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')")[0][0];
  for (const sort of ['new', 'old', 'due']) {
    const { rows } = await find(agent, `from=${today}&to=${today}&sort=${sort}&q=${t.phone}`);
    assert.ok(rows.some((x) => x.id === t.id), `from/to today (sort ${sort}) does not list the return`);
  }
  // bad filter values are ignored, not errors
  const { rows: odd } = await find(tech, `status=bogus&kind=bogus&from=2026-13-45&sort=weird&overdue=yes&q=${t.phone}`);
  assert.ok(odd.some((x) => x.id === t.id));
  // a status without a clock lists nothing in order of due time
  const { page: none } = await find(agent, `status=closed&sort=due&q=${t.phone}`);
  assert.ok(none.text.includes('没有符合条件的退换货申请'));
});

test('overdue: a return past its time limit is marked and found by the filter; a stopped clock is not overdue', async () => {
  // 72 hours back so that working time lies in between whenever the test runs
  const late = insertReturn({ due_hours: -72 });
  const onTime = insertReturn({ due_hours: 30, contact_phone: late.phone });
  const stopped = insertReturn({ due_hours: -72, status: 'received', contact_phone: late.phone });
  const all = returnRows((await agent.get(`/staff/returns?q=${late.phone}`)).text);
  assert.equal(all.length, 3);
  const mark = (id) => all.find((x) => x.id === id).cells.some((c) => c.includes('已超时'));
  assert.ok(mark(late.id), 'the late return is not marked overdue');
  assert.ok(!mark(onTime.id) && !mark(stopped.id), 'a return on time or with a stopped clock is marked overdue');
  const over = returnRows((await agent.get(`/staff/returns?overdue=1&q=${late.phone}`)).text);
  assert.deepEqual(over.map((x) => x.id), [late.id]);
  const p = await returnPage(agent, late.id);
  assert.match(p.r.text, /class="sla"[\s\S]*?已超时/);
});

test('keyset pages: 60 returns page through "下一页" in every order, each once, with filters kept', async () => {
  const serial = `PG${RUN_ID}`.toUpperCase();
  const phone = uniquePhone('9');
  const ids = [];
  for (let i = 1; i <= 60; i++) {
    // due times in groups of 7 equal values, and created times in groups of 5, to test ties
    const t = insertReturn({ serial_no: serial, contact_phone: phone, kind: i % 2 ? 'return' : 'exchange' });
    appSql(`UPDATE returns SET due_at = '2030-01-01 10:00:00' + INTERVAL ${Math.floor((61 - i) / 7)} HOUR,
      created_at = TIMESTAMP(CURDATE(), '01:00:00') - INTERVAL ${Math.floor(i / 5)} SECOND WHERE id = ${t.id}`);
    ids.push(t.id);
  }
  const row = (id) => sql(`SELECT DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') FROM returns WHERE id = ${id}`)[0];
  const keys = new Map(ids.map((id) => [id, row(id)]));
  const today = appSql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')")[0][0];
  const byKey = (k) => (a, b) => (keys.get(a)[k] < keys.get(b)[k] ? -1 : keys.get(a)[k] > keys.get(b)[k] ? 1 : a - b);
  const orders = {
    new: [`sort=new`, (a, b) => b - a],
    old: [`sort=old`, (a, b) => a - b],
    due: [`sort=due`, byKey(0)],
    newDated: [`sort=new&from=${today}`, (a, b) => -byKey(1)(a, b)],
    oldDated: [`sort=old&to=${today}`, byKey(1)],
  };
  for (const [name, [qs, cmp]] of Object.entries(orders)) {
    const { seen, sizes } = await pageThrough(supervisor, `/staff/returns?q=${serial}&${qs}`, returnRows,
      (row) => assert.ok(row.cells.includes(maskPhone(phone)), 'a row shows an unmasked phone'));
    assert.deepEqual(sizes, [50, 10], `${name}: page sizes ${sizes}`);
    assert.equal(new Set(seen).size, 60, `${name}: a row repeats`);
    assert.deepEqual(seen, [...ids].sort(cmp), `${name}: rows out of order`);
  }
  const first = await supervisor.get(`/staff/returns?q=${serial}&kind=return&status=requested&sort=old`);
  assert.equal(returnRows(first.text).length, 30);
  assert.equal(nextPageLink(first.text), null, '30 rows have a next page');
  const firstAll = await supervisor.get(`/staff/returns?q=${serial}&status=requested&overdue=&sort=due`);
  const next = nextPageLink(firstAll.text);
  assert.ok(next && next.includes('status=requested') && next.includes(`q=${serial}`) && next.includes('sort=due'), `the next link drops filters: ${next}`);
});

test('an unknown return answers 404; without a session the return pages answer 303 to /login', async () => {
  assertErrorPage(await agent.get('/staff/returns/999999999'), 404);
  const anon = new Client();
  for (const path of ['/staff/returns', '/staff/returns/1']) {
    const r = await anon.get(path);
    assert.equal(r.status, 303, `${path}: ${r.status}`);
    assert.match(r.location || '', /^\/login/);
  }
  const post = await anon.post('/staff/returns/1/action', { action: 'note', note: 'x' });
  assert.ok([303, 403].includes(post.status), `anonymous POST answered ${post.status}`);
  assert.ok(extractCsrf((await agent.get('/staff/returns')).text), 'the queue has no csrf for the logout form');
});
