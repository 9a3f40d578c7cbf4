// Returns around the record itself: the customer page lists them beside the repairs, merging
// moves them, anonymising blanks their contact details, a customer with returns is not deleted,
// the staff home counts open and overdue ones, and the demo data has a return in every status.
// Returns are put in with SQL (insertReturn): the public form and the staff pages are other areas.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  loginAdmin, login, createUser, sql, appSql, sqlSafe, snippet, RUN_ID, uniquePhone, newRepair, insertReturn,
  extractCsrf, htmlUnescape, clearPublicThrottles, demoDatabase, newReturn,
} from './lib.mjs';

let admin;
let agent;
let supervisor;
const TAG = RUN_ID.slice(-4);

before(async () => {
  admin = await loginAdmin();
  clearPublicThrottles();
  const a = await createUser(admin, { role: 'agent', display_name: `客服${TAG}` });
  const s = await createUser(admin, { role: 'supervisor', display_name: `主管${TAG}` });
  agent = await login(a.username, a.password);
  supervisor = await login(s.username, s.password);
});

function customerIdOf(repairId) {
  return Number(sql(`SELECT customer_id FROM repairs WHERE id = ${sqlSafe(repairId)}`)[0][0]);
}

/** A customer with one repair (made through the public form): { cid, repair }. */
async function customerWithRepair(fields = {}) {
  const repair = await newRepair(fields);
  return { cid: customerIdOf(repair.id), repair };
}

function returnRow(id) {
  const [customer_id, contact_name, contact_phone, address, order_no, version, public_no] =
    sql(`SELECT customer_id, contact_name, contact_phone, address, order_no, version, public_no FROM returns WHERE id = ${sqlSafe(id)}`)[0];
  return { customer_id: Number(customer_id), contact_name, contact_phone, address, order_no, version: Number(version), public_no };
}

/** Rows of the customer page's returns table: [{ id, no, cells, status }]. */
function returnRows(html) {
  const table = /<table[^>]*id="customer-returns"[^>]*>[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html);
  if (!table) return [];
  return [...table[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) => {
    const link = /<a href="\/staff\/returns\/(\d+)">([^<]*)<\/a>/.exec(tr[1]);
    const status = /data-status="([^"]*)"/.exec(tr[1]);
    return {
      id: link ? Number(link[1]) : null,
      no: link ? link[2] : null,
      status: status ? status[1] : null,
      cells: [...tr[1].matchAll(/<td(?:\s[^>]*)?>([\s\S]*?)<\/td>/g)].map((td) => htmlUnescape(td[1].replace(/<[^>]+>/g, '').trim())),
    };
  });
}

/** POST a supervisor form of the customer page with the page's csrf. */
async function customerPost(client, id, suffix, fields = {}) {
  const page = await client.get(`/staff/customers/${id}`);
  assert.equal(page.status, 200, `GET /staff/customers/${id}: ${page.status}`);
  return client.post(`/staff/customers/${id}${suffix}`, { csrf: extractCsrf(page.text), ...fields });
}

test('the customer page lists the returns beside the repairs, with kind, status and a link to each', async () => {
  const { cid, repair } = await customerWithRepair({ name: `退货${TAG}` });
  const r1 = insertReturn({ customer_id: cid, status: 'requested', kind: 'refund', product: `电视${TAG}` }).id;
  const r2 = insertReturn({ customer_id: cid, status: 'inspected', kind: 'exchange', product: '冰箱' }).id;
  const page = await agent.get(`/staff/customers/${cid}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(repair.no), 'the repairs are gone from the page');
  const rows = returnRows(page.text);
  assert.deepEqual(rows.map((x) => x.id), [r2, r1], `returns listed: ${JSON.stringify(rows)}`);
  const [second, first] = rows;
  assert.equal(first.no, returnRow(r1).public_no);
  assert.equal(first.status, 'requested');
  assert.deepEqual(first.cells.slice(1, 4), [`电视${TAG}`, '退款', '待审核']);
  assert.equal(second.status, 'inspected');
  assert.deepEqual(second.cells.slice(2, 4), ['换货', '已检测，待处理']);
  assert.match(first.cells[4], /^\d{4}-\d{2}-\d{2}$/);
  // a customer without returns says so
  const { cid: other } = await customerWithRepair();
  const none = await agent.get(`/staff/customers/${other}`);
  assert.deepEqual(returnRows(none.text), []);
  assert.match(none.text, /暂无退换货记录/);
});

test('merging moves the returns to the customer kept, with an event on each and the counts in the audit', async () => {
  const { cid: keep } = await customerWithRepair({ name: `合并${TAG}` });
  const { cid: dup, repair } = await customerWithRepair({ name: `合并${TAG}` });
  const kept0 = insertReturn({ customer_id: keep }).id;
  const moved = [insertReturn({ customer_id: dup, kind: 'exchange' }).id, insertReturn({ customer_id: dup, status: 'closed' }).id];

  const m = await customerPost(supervisor, keep, '/merge', { other_id: String(dup), confirm: '1' });
  assert.equal(m.status, 303, `merge answered ${m.status}: ${snippet(m.text)}`);
  for (const id of [kept0, ...moved]) assert.equal(returnRow(id).customer_id, keep, `return ${id} is not under #${keep}`);
  assert.equal(customerIdOf(repair.id), keep, 'the repair did not move along');
  const page = await supervisor.get(`/staff/customers/${keep}`);
  assert.deepEqual(returnRows(page.text).map((x) => x.id).sort(), [kept0, ...moved].sort());
  const gone = await supervisor.get(`/staff/customers/${dup}`);
  assert.deepEqual(returnRows(gone.text), [], 'the merged record still lists returns');
  // the move is on the moved returns' timelines, not on the one that stayed
  const ev = sql(`SELECT subject_id, note FROM events WHERE subject = 'return' AND action = 'customer_merge'
    AND subject_id IN (${kept0}, ${moved.join(', ')}) ORDER BY subject_id`);
  assert.deepEqual(ev.map((e) => Number(e[0])), moved);
  assert.ok(ev.every((e) => e[1].includes(`#${dup}`) && e[1].includes(`#${keep}`)), `event notes: ${ev}`);
  const audit = sql(`SELECT detail FROM audit_log WHERE action = 'customer_merge' AND target = '客户 #${keep}'`);
  assert.equal(audit.length, 1);
  assert.match(audit[0][0], /1 repairs, 2 returns/);
});

test('anonymising blanks the contact details of the returns too; the order numbers stay', async () => {
  const name = `匿名${TAG}`;
  const phone = uniquePhone('6');
  const email = `anon${RUN_ID}@example.com`;
  const { cid, repair } = await customerWithRepair({ name, phone, email });
  const address = `退货地址 ${TAG} 号`;
  const ids = [
    insertReturn({ customer_id: cid, contact_name: name, contact_phone: phone, address, order_no: `JD${RUN_ID}1` }).id,
    insertReturn({ customer_id: cid, contact_name: name, contact_phone: phone, address, order_no: `JD${RUN_ID}2`, status: 'refunded' }).id,
  ];
  const before = ids.map(returnRow);
  const res = await customerPost(supervisor, cid, '/anonymise', { confirm: '1' });
  assert.equal(res.status, 303, `anonymise answered ${res.status}: ${snippet(res.text)}`);
  ids.forEach((id, i) => {
    const r = returnRow(id);
    assert.notEqual(r.contact_name, name, `return ${id} keeps the name`);
    assert.equal(r.contact_phone, '', `return ${id} keeps the phone`);
    assert.equal(r.address, '', `return ${id} keeps the address`);
    assert.equal(r.order_no, before[i].order_no, `return ${id} lost its order number`);
    assert.equal(r.version, before[i].version + 1, `return ${id}: the version did not go up`);
  });
  const ev = sql(`SELECT COUNT(*) FROM events WHERE subject = 'return' AND action = 'anonymise' AND subject_id IN (${ids.join(', ')})`);
  assert.equal(ev[0][0], '2', 'no anonymise event on each return');
  // the email typed on the repair goes as well
  assert.equal(sql(`SELECT CONCAT('[', contact_email, ']') FROM repairs WHERE id = ${repair.id}`)[0][0], '[]');
  const audit = sql(`SELECT detail FROM audit_log WHERE action = 'customer_anonymise' AND target = '客户 #${cid}'`);
  assert.match(audit[0][0], /1 repairs, 2 returns/);
  const page = await supervisor.get(`/staff/customers/${cid}`);
  for (const s of [name, phone, address]) assert.ok(!page.text.includes(s), `the customer page still shows ${s}`);
  assert.equal(returnRows(page.text).length, 2, 'the returns are gone from the record');
});

test('a customer with returns (and no repairs) cannot be deleted', async () => {
  const phone = uniquePhone('7');
  const cid = Number(appSql(`INSERT INTO customers (name, phone, created_at, updated_at)
    VALUES ('退货客户${sqlSafe(RUN_ID)}', '${phone}', NOW(), NOW()); SELECT LAST_INSERT_ID();`)[0][0]);
  const id = insertReturn({ customer_id: cid, contact_phone: phone }).id;
  const del = await customerPost(supervisor, cid, '/delete');
  assert.equal(del.status, 422, `deleting a customer with a return answered ${del.status}`);
  assert.match(htmlUnescape(del.text), /不能删除/);
  assert.equal(sql(`SELECT COUNT(*) FROM customers WHERE id = ${cid}`)[0][0], '1', 'the customer was deleted');
  assert.equal(returnRow(id).customer_id, cid);
  // once the return is gone (no page does that: SQL), the delete goes through
  sql(`DELETE FROM returns WHERE id = ${id}`);
  const ok = await customerPost(supervisor, cid, '/delete', { confirm: '1' });
  assert.equal(ok.status, 303, `deleting it without returns answered ${ok.status}: ${snippet(ok.text)}`);
  // search by phone still works for customers with returns
  const { cid: c2, repair } = await customerWithRepair();
  insertReturn({ customer_id: c2, contact_phone: repair.phone });
  const list = await agent.get(`/staff/customers?q=${repair.phone}`);
  assert.match(list.text, new RegExp(`href="/staff/customers/${c2}"`), 'a phone search no longer finds the customer');
});

test('the staff home counts overdue returns (requested or inspected past due) and links to the queue', async () => {
  const { cid } = await customerWithRepair();
  const home = async (client = agent) => {
    const r = await client.get('/staff');
    assert.equal(r.status, 200);
    const m = /<a href="\/staff\/returns\?overdue=1"><span class="num" id="return-overdue-count">(\d+)</.exec(r.text);
    assert.ok(m, 'no overdue returns count linking to /staff/returns?overdue=1');
    const requested = /<a href="\/staff\/returns\?status=requested"><span class="num">(\d+)</.exec(r.text);
    assert.ok(requested, 'no count of requested returns linking to the queue');
    return { overdue: Number(m[1]), requested: Number(requested[1]), text: r.text };
  };
  const start = await home();
  assert.match(start.text, /<a href="\/staff\/returns">退换货<\/a>/, 'the navigation has no 退换货 link');
  const late = insertReturn({ customer_id: cid, status: 'requested', due_hours: -2 }).id;
  let now = await home();
  assert.equal(now.overdue, start.overdue + 1, 'a request past its answer time is not counted');
  // the counts by status are kept by the application's changes (status_counts): a request taken in
  // through the public form counts at once, the rows inserted here by SQL do not
  assert.equal(now.requested, start.requested);
  clearPublicThrottles();
  await newReturn();
  assert.equal((await home()).requested, start.requested + 1, 'a new request is not counted');
  insertReturn({ customer_id: cid, status: 'inspected', due_hours: -1 });
  assert.equal((await home()).overdue, start.overdue + 2, 'an inspected return past its refund time is not counted');
  // no clock runs while approved, received or closed, nor before the due time
  for (const status of ['approved', 'received', 'closed']) insertReturn({ customer_id: cid, status, due_hours: -5 });
  insertReturn({ customer_id: cid, status: 'requested', due_hours: 3 });
  now = await home(supervisor);
  assert.equal(now.overdue, start.overdue + 2, 'returns without a running clock count as overdue');
  // answering the late one takes it out
  appSql(`UPDATE returns SET status = 'approved' WHERE id = ${late}`);
  assert.equal((await home()).overdue, start.overdue + 1);
  // technicians see the block too
  const t = await createUser(admin, { role: 'technician' });
  await home(await login(t.username, t.password));
});

test('demo data: loaded into a scratch database it has a return in every status, timelines and counters', async (t) => {
  const q = demoDatabase(t, 'demo_check');

  const statuses = ['requested', 'approved', 'rejected', 'received', 'inspected', 'refunded', 'exchanged', 'closed',
    'converted', 'cancelled'];
  const have = Object.fromEntries(q('SELECT status, COUNT(*) FROM returns GROUP BY status'));
  for (const s of statuses) assert.ok(Number(have[s]) >= 1, `no demo return in status ${s}: ${JSON.stringify(have)}`);
  // every return has a timeline that starts with the request and ends in its status
  const bad = q(`SELECT r.public_no, r.status, e.to_status FROM returns r
    JOIN events e ON e.subject = 'return' AND e.subject_id = r.id
      AND e.id = (SELECT MAX(id) FROM events WHERE subject = 'return' AND subject_id = r.id AND to_status <> '')
    WHERE e.to_status <> r.status`);
  assert.deepEqual(bad, [], 'returns whose last event is not their status');
  const noStart = q(`SELECT public_no FROM returns r WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.subject = 'return'
    AND e.subject_id = r.id AND e.action IN ('submit', 'intake') AND e.to_status = 'requested')`);
  assert.deepEqual(noStart, [], 'returns without a first event');
  // numbers are T + day + counter, and the day's counter row covers them
  const nos = q('SELECT public_no FROM returns').map((r) => r[0]);
  assert.ok(nos.every((no) => /^T\d{8}-\d{4}$/.test(no)), `bad numbers: ${nos}`);
  const uncounted = q(`SELECT public_no FROM returns r LEFT JOIN daily_counters c ON c.kind = 'T'
    AND c.day = STR_TO_DATE(SUBSTRING(r.public_no, 2, 8), '%Y%m%d')
    WHERE c.last IS NULL OR c.last < CAST(SUBSTRING(r.public_no, 11) AS UNSIGNED)`);
  assert.deepEqual(uncounted, [], 'numbers above their day\'s counter');
  // money in cents, refunds never above what was paid
  assert.deepEqual(q('SELECT public_no FROM returns WHERE refund_amount > amount_paid OR amount_paid <= 0'), []);
  assert.ok(Number(q("SELECT COUNT(*) FROM returns WHERE status IN ('refunded', 'closed') AND refund_amount > 0")[0][0]) >= 1);
  // the converted one and its repair point at each other
  const link = q(`SELECT r.id, r.new_repair_id, p.return_id FROM returns r JOIN repairs p ON p.id = r.new_repair_id
    WHERE r.status = 'converted'`);
  assert.equal(link.length, 1, 'the converted return is not linked to a repair');
  assert.equal(link[0][2], link[0][0], 'the repair does not point back at the return');
  // some are overdue, so the home page and the queue have something to show
  assert.ok(Number(q('SELECT COUNT(*) FROM returns WHERE open_due < NOW()')[0][0]) >= 1, 'no overdue demo return');
});
