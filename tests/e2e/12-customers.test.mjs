// Customer records (客户资料) and products: search with masked phones, edit
// with a version check, merge of duplicates, delete refused while there are
// requests, anonymising a customer and its repairs; the product table with
// warranty months, kept by supervisors.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  loginAdmin, login, createUser, sql, appSql, sqlSafe, snippet, RUN_ID, uniquePhone, maskPhone, newRepair,
  fieldValue, fieldError, extractCsrf, assertErrorPage, customerPost, htmlUnescape, track, clearTrackThrottle, clearPublicThrottles, trackStatus,
} from './lib.mjs';

let admin;
let agent;
let supervisor;
const u = {};
const TAG = RUN_ID.slice(-4);

before(async () => {
  admin = await loginAdmin();
  clearPublicThrottles();
  u.agent = await createUser(admin, { role: 'agent', display_name: `客服${TAG}` });
  u.supervisor = await createUser(admin, { role: 'supervisor', display_name: `主管${TAG}` });
  agent = await login(u.agent.username, u.agent.password);
  supervisor = await login(u.supervisor.username, u.supervisor.password);
});

/** A row of the customers table by id, as an object ('NULL' for NULL). */
function customer(id) {
  const rows = sql(`SELECT name, phone, email, address, notes, anonymised, merged_into, version, 'x' FROM customers WHERE id = ${sqlSafe(id)}`);
  if (!rows.length) return null;
  const [name, phone, email, address, notes, anonymised, merged_into, version] = rows[0];
  return { name, phone, email, address, notes, anonymised, merged_into, version: Number(version) };
}

function customerIdOf(repairId) {
  return Number(sql(`SELECT customer_id FROM repairs WHERE id = ${sqlSafe(repairId)}`)[0][0]);
}

/** Rows of the customer search list: [{ id, name, phone }]. */
function customerRows(html) {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html);
  if (!body) return [];
  return [...body[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) => {
    const cells = [...tr[1].matchAll(/<td(?:\s[^>]*)?>([\s\S]*?)<\/td>/g)].map((td) => htmlUnescape(td[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()));
    const link = /href="\/staff\/customers\/(\d+)"/.exec(tr[1]);
    return { id: link ? Number(link[1]) : null, cells };
  });
}

test('search by phone finds the customer with the phone masked; by name prefix too', async () => {
  const name = `查找${TAG}客户`;
  const r = await newRepair({ name });
  const cid = customerIdOf(r.id);
  for (const q of [r.phone, `${r.phone.slice(0, 3)}-${r.phone.slice(3, 7)}-${r.phone.slice(7)}`, name.slice(0, 4), name]) {
    const page = await agent.get(`/staff/customers?q=${encodeURIComponent(q)}`);
    assert.equal(page.status, 200, `q=${q}: ${page.status}`);
    const rows = customerRows(page.text);
    const row = rows.find((x) => x.id === cid);
    assert.ok(row, `q=${q} does not find customer #${cid}: ${JSON.stringify(rows)}`);
    assert.ok(row.cells.includes(maskPhone(r.phone)), `q=${q}: the row does not show ${maskPhone(r.phone)}: ${row.cells}`);
    assert.ok(!rows.some((x) => x.cells.includes(r.phone)), `q=${q}: the list shows the whole phone`);
    assert.ok(row.cells.some((c) => c.includes(name)), `q=${q}: the row lacks the name`);
  }
  // a phone search is exact: another number does not find it, nor does a part of it
  for (const q of [uniquePhone('7'), r.phone.slice(0, 7)]) {
    const page = await agent.get(`/staff/customers?q=${encodeURIComponent(q)}`);
    assert.ok(!customerRows(page.text).some((x) => x.id === cid), `q=${q} finds customer #${cid}`);
  }
  // a name search is a prefix search, with LIKE wildcards taken literally
  for (const q of [name.slice(1), '%', '_']) {
    const page = await agent.get(`/staff/customers?q=${encodeURIComponent(q)}`);
    assert.equal(page.status, 200);
    assert.ok(!customerRows(page.text).some((x) => x.id === cid), `q=${q} finds customer #${cid}`);
  }
  // the record itself shows the whole phone and the customer's repairs
  const rec = await agent.get(`/staff/customers/${cid}`);
  assert.equal(rec.status, 200);
  assert.ok(rec.text.includes(r.phone), 'the record does not show the whole phone');
  assert.ok(rec.text.includes(r.no), 'the record does not list the repair');
  assert.match(rec.text, new RegExp(`href="/staff/repairs/${r.id}"`));
  assertErrorPage(await agent.get('/staff/customers/999999999'), 404);
});

test('edit: a valid change is saved (303) and bumps the version; bad fields give 422 with input kept', async () => {
  const r = await newRepair({ name: `编辑${TAG}` });
  const cid = customerIdOf(r.id);
  const before = customer(cid);
  const newPhone = uniquePhone('7');

  const bad = await customerPost(agent, cid, '', { name: `编辑${TAG}改`, phone: '12345', email: 'x@example.com', address: '新地址', notes: '' });
  assert.equal(bad.status, 422, `bad phone answered ${bad.status}`);
  assert.match(fieldError(bad.text, 'phone') || '', /请填写有效的手机号/);
  assert.equal(fieldValue(bad.text, 'phone'), '12345', 'the typed phone was not kept');
  assert.equal(fieldValue(bad.text, 'name'), `编辑${TAG}改`, 'the typed name was not kept');
  assert.deepEqual(customer(cid), before, 'a refused edit changed the record');

  const badEmail = await customerPost(agent, cid, '', { name: `编辑${TAG}`, phone: r.phone, email: 'nope', address: '', notes: '' });
  assert.equal(badEmail.status, 422);
  assert.ok(fieldError(badEmail.text, 'email'), 'no message next to the email');
  const noName = await customerPost(agent, cid, '', { name: ' ', phone: r.phone, email: '', address: '', notes: '' });
  assert.equal(noName.status, 422);
  assert.equal(fieldError(noName.text, 'name'), '此项为必填项');
  assert.deepEqual(customer(cid), before);

  const spaced = `${newPhone.slice(0, 3)} ${newPhone.slice(3, 7)} ${newPhone.slice(7)}`;
  const ok = await customerPost(agent, cid, '', { name: `编辑${TAG}新`, phone: spaced, email: 'new@example.com', address: '新地址 8 号', notes: '老客户，周末在家' });
  assert.equal(ok.status, 303, `edit answered ${ok.status}: ${snippet(ok.text)}`);
  assert.equal(ok.location, `/staff/customers/${cid}`);
  const after = customer(cid);
  assert.deepEqual({ ...after, version: undefined }, { ...before, name: `编辑${TAG}新`, phone: newPhone, email: 'new@example.com', address: '新地址 8 号', notes: '老客户，周末在家', version: undefined });
  assert.equal(after.version, before.version + 1, 'the version did not go up');
  const page = await agent.get(`/staff/customers/${cid}`);
  assert.ok(page.text.includes('老客户，周末在家'));
  // the edit is in the audit trail, with the names of the changed fields but not the data
  const audit = sql(`SELECT detail FROM audit_log WHERE action = 'customer_update' AND target = '客户 #${sqlSafe(cid)}'`);
  assert.equal(audit.length, 1, 'no audit entry for the edit');
  assert.ok(!audit[0][0].includes(newPhone), 'the audit entry holds the new phone');
});

test('edit with a stale version answers 409 and changes nothing; without a version 400; without csrf 403', async () => {
  const r = await newRepair({ name: `版本${TAG}` });
  const cid = customerIdOf(r.id);
  const page = await agent.get(`/staff/customers/${cid}`);
  const csrf = extractCsrf(page.text);
  const version = fieldValue(page.text, 'version');
  assert.match(version || '', /^\d+$/, 'the edit form has no version');
  // someone else saves first
  const first = await customerPost(supervisor, cid, '', { name: `版本${TAG}甲`, phone: r.phone, email: '', address: '甲的地址', notes: '' });
  assert.equal(first.status, 303);
  const saved = customer(cid);
  const stale = await agent.post(`/staff/customers/${cid}`, { csrf, version, name: `版本${TAG}乙`, phone: r.phone, email: '', address: '乙的地址', notes: '' });
  assert.equal(stale.status, 409, `stale edit answered ${stale.status}: ${snippet(stale.text)}`);
  assert.deepEqual(customer(cid), saved, 'a stale edit changed the record');
  const noVersion = await agent.post(`/staff/customers/${cid}`, { csrf, name: `版本${TAG}丙`, phone: r.phone });
  assert.ok([400, 409, 422].includes(noVersion.status), `an edit without a version answered ${noVersion.status}`);
  assert.deepEqual(customer(cid), saved);
  const noCsrf = await agent.post(`/staff/customers/${cid}`, { version: String(saved.version), name: `版本${TAG}丁`, phone: r.phone });
  assertErrorPage(noCsrf, 403);
  assert.deepEqual(customer(cid), saved);
});

test('merging two customers moves the repairs to the one kept', async () => {
  const a = await newRepair({ name: `合并${TAG}` });
  const b1 = await newRepair({ name: `合并${TAG}` });
  const b2 = await newRepair({ name: `合并${TAG}`, phone: b1.phone, product: '电视' });
  const keep = customerIdOf(a.id);
  const dup = customerIdOf(b1.id);
  assert.notEqual(keep, dup);
  assert.equal(customerIdOf(b2.id), dup);

  // refusals: itself, an unknown id, not a number, no csrf
  for (const other of [String(keep), '999999999', 'abc', '']) {
    const x = await customerPost(supervisor, keep, '/merge', { other_id: other });
    assert.equal(x.status, 422, `merge with other_id=${other} answered ${x.status}`);
    assert.ok(fieldError(x.text, 'other_id'), `merge with other_id=${other}: no message`);
  }
  assertErrorPage(await supervisor.post(`/staff/customers/${keep}/merge`, { other_id: String(dup) }), 403);
  assert.equal(customerIdOf(b1.id), dup, 'a refused merge moved a repair');

  const m = await customerPost(supervisor, keep, '/merge', { other_id: String(dup), confirm: '1' });
  assert.equal(m.status, 303, `merge answered ${m.status}: ${snippet(m.text)}`);
  assert.equal(m.location, `/staff/customers/${keep}`);
  for (const r of [a, b1, b2]) assert.equal(customerIdOf(r.id), keep, `repair ${r.no} was not moved`);
  assert.equal(customer(dup).merged_into, String(keep), 'the duplicate is not marked merged');
  // the kept record lists all three; the duplicate says where it went
  const kept = await supervisor.get(`/staff/customers/${keep}`);
  for (const r of [a, b1, b2]) assert.ok(kept.text.includes(r.no), `the kept record does not list ${r.no}`);
  const gone = await supervisor.get(`/staff/customers/${dup}`);
  assert.equal(gone.status, 200);
  assert.match(gone.text, new RegExp(`href="/staff/customers/${keep}"`), 'the merged record does not link to the kept one');
  assert.ok(!gone.text.includes(b2.no), 'the merged record still lists repairs');
  // the move is on the repairs' timelines
  const ev = sql(`SELECT COUNT(*) FROM events WHERE subject = 'repair' AND subject_id IN (${b1.id}, ${b2.id}) AND action = 'customer_merge'`);
  assert.equal(ev[0][0], '2', 'the merge is not on the moved repairs\' timelines');
  // merging it again is refused
  const again = await customerPost(supervisor, keep, '/merge', { other_id: String(dup) });
  assert.equal(again.status, 422, `merging a merged record again answered ${again.status}`);
  // the repairs can still be tracked with their own phones
  clearTrackThrottle();
  const t = await track(b2.no, b1.phone);
  assert.equal(t.status, 200);
});

test('two supervisors merging a pair in opposite directions at once: exactly one merge happens', async () => {
  const a = await newRepair({ name: `对合${TAG}` });
  const b = await newRepair({ name: `对合${TAG}` });
  const ca = customerIdOf(a.id);
  const cb = customerIdOf(b.id);
  const [pa, pb] = await Promise.all([supervisor.get(`/staff/customers/${ca}`), admin.get(`/staff/customers/${cb}`)]);
  const [x, y] = await Promise.all([
    supervisor.post(`/staff/customers/${ca}/merge`, { csrf: extractCsrf(pa.text), other_id: String(cb), confirm: '1' }),
    admin.post(`/staff/customers/${cb}/merge`, { csrf: extractCsrf(pb.text), other_id: String(ca), confirm: '1' }),
  ]);
  assert.equal([x.status, y.status].filter((s) => s === 303).length, 1, `answers ${x.status}, ${y.status}`);
  const merged = [customer(ca).merged_into, customer(cb).merged_into];
  assert.equal(merged.filter((m) => m !== 'NULL').length, 1, `merged_into: ${merged}`);
  assert.equal(customerIdOf(a.id), customerIdOf(b.id), 'the repairs are not under one customer');
});

test('a customer with requests cannot be deleted; one without can', async () => {
  const r = await newRepair({ name: `删除${TAG}` });
  const cid = customerIdOf(r.id);
  const before = customer(cid);
  const del = await customerPost(supervisor, cid, '/delete', {});
  assert.equal(del.status, 422, `deleting a customer with a request answered ${del.status}`);
  assert.match(htmlUnescape(del.text), /不能删除/);
  assert.deepEqual(customer(cid), before, 'the customer changed');
  assert.equal(customerIdOf(r.id), cid);
  assertErrorPage(await supervisor.post(`/staff/customers/${cid}/delete`, {}), 403);

  // a record with no requests (none of the pages makes one: put it in directly)
  const phone = uniquePhone('7');
  const lone = Number(appSql(`INSERT INTO customers (name, phone, created_at, updated_at) VALUES ('lone${sqlSafe(RUN_ID)}', '${phone}', NOW(), NOW()); SELECT LAST_INSERT_ID();`)[0][0]);
  const ok = await customerPost(supervisor, lone, '/delete', { confirm: '1' });
  assert.equal(ok.status, 303, `deleting a customer without requests answered ${ok.status}: ${snippet(ok.text)}`);
  assert.equal(customer(lone), null, 'the customer is still there');
  assertErrorPage(await supervisor.get(`/staff/customers/${lone}`), 404);
});

test('anonymising blanks name and phone on the customer and all its repairs', async () => {
  const name = `匿名${TAG}`;
  const address = `匿名路 ${TAG} 号`;
  const r1 = await newRepair({ name, address, email: `anon${RUN_ID}@example.com` });
  const r2 = await newRepair({ name, address, phone: r1.phone, product: '热水器' });
  const cid = customerIdOf(r1.id);
  assertErrorPage(await supervisor.post(`/staff/customers/${cid}/anonymise`, {}), 403);
  assert.equal(customer(cid).name, name, 'anonymised without csrf');

  const res = await customerPost(supervisor, cid, '/anonymise', { confirm: '1' });
  assert.equal(res.status, 303, `anonymise answered ${res.status}: ${snippet(res.text)}`);
  const c = customer(cid);
  assert.equal(c.anonymised, '1');
  assert.notEqual(c.name, name);
  assert.deepEqual([c.phone, c.email, c.address, c.notes], ['', '', '', '']);
  for (const r of [r1, r2]) {
    const row = sql(`SELECT contact_name, contact_phone, address, 'x' FROM repairs WHERE id = ${r.id}`)[0];
    assert.notEqual(row[0], name, `repair ${r.no} keeps the name`);
    assert.equal(row[1], '', `repair ${r.no} keeps the phone`);
    assert.equal(row[2], '', `repair ${r.no} keeps the address`);
    const page = await supervisor.get(`/staff/repairs/${r.id}`);
    assert.equal(page.status, 200);
    for (const s of [name, r1.phone, address]) assert.ok(!page.text.includes(s), `work order ${r.no} still shows ${s}`);
    const print = await supervisor.get(`/staff/repairs/${r.id}/print`);
    for (const s of [name, r1.phone, address]) assert.ok(!print.text.includes(s), `print of ${r.no} still shows ${s}`);
  }
  const page = await supervisor.get(`/staff/customers/${cid}`);
  assert.equal(page.status, 200);
  for (const s of [name, r1.phone, address, `anon${RUN_ID}`]) assert.ok(!page.text.includes(s), `the customer page still shows ${s}`);
  assert.ok(page.text.includes(r1.no) && page.text.includes(r2.no), 'the service records are gone');
  // no search finds the old details
  for (const q of [r1.phone, name]) {
    const s = await agent.get(`/staff/customers?q=${encodeURIComponent(q)}`);
    assert.ok(!customerRows(s.text).some((x) => x.id === cid), `q=${q} still finds the anonymised customer`);
  }
  const q = await agent.get(`/staff/repairs?q=${r1.phone}`);
  assert.ok(!q.text.includes(r1.no), 'the queue still finds the repair by the old phone');
  // the old phone no longer opens the tracking page
  clearTrackThrottle();
  const t = await track(r1.no, r1.phone);
  assert.equal(t.status, 404, `/track with the erased phone answered ${t.status}`);
  assert.equal(trackStatus(t.text), null);
  clearTrackThrottle();
  // the record can no longer be edited
  const edit = await supervisor.post(`/staff/customers/${cid}`, { csrf: await supervisor.csrf(), version: String(c.version), name: '复活', phone: r1.phone });
  assert.equal(edit.status, 422, `editing an anonymised record answered ${edit.status}`);
  assert.equal(customer(cid).phone, '');
});

// --------------------------------------------------------- products --
/** The add form of the products page (the rows have edit forms with the same field names). */
function addForm(html) {
  const m = /<form[^>]*method="post"[^>]*action="\/staff\/products"[^>]*>[\s\S]*?<\/form>/.exec(html);
  return m ? m[0] : '';
}

test('products: a supervisor adds one with its warranty months; an agent cannot (403)', async () => {
  const name = `P-${RUN_ID}`;
  const list = await supervisor.get('/staff/products');
  assert.equal(list.status, 200);
  const csrf = extractCsrf(list.text);
  assert.ok(csrf, 'the supervisor gets no add form');

  // an agent reads the table but may not add or change
  const agentList = await agent.get('/staff/products');
  assert.equal(agentList.status, 200);
  assert.ok(!/action="\/staff\/products"/.test(agentList.text), 'the agent gets the add form');
  const acsrf = await agent.csrf();
  assertErrorPage(await agent.post('/staff/products', { csrf: acsrf, name: `${name}-agent`, warranty_months: '6' }), 403);
  assert.equal(sql(`SELECT COUNT(*) FROM products WHERE name = '${sqlSafe(name)}-agent'`)[0][0], '0', 'the agent added a product');

  // bad months
  for (const months of ['300', 'abc', '-1', '']) {
    const x = await supervisor.post('/staff/products', { csrf, name, warranty_months: months });
    assert.equal(x.status, 422, `warranty_months=${months} answered ${x.status}`);
    assert.ok(fieldError(addForm(x.text), 'warranty_months'), `warranty_months=${months}: no message`);
  }
  assert.equal(sql(`SELECT COUNT(*) FROM products WHERE name = '${sqlSafe(name)}'`)[0][0], '0');
  // without csrf
  assertErrorPage(await supervisor.post('/staff/products', { name, warranty_months: '24' }), 403);

  const ok = await supervisor.post('/staff/products', { csrf, name, warranty_months: '24' });
  assert.equal(ok.status, 303, `adding a product answered ${ok.status}: ${snippet(ok.text)}`);
  assert.equal(ok.location, '/staff/products');
  assert.deepEqual(sql(`SELECT warranty_months, active FROM products WHERE name = '${sqlSafe(name)}'`), [['24', '1']]);
  const after = await agent.get('/staff/products');
  assert.match(htmlUnescape(after.text), new RegExp(`<td[^>]*>${name}</td>(<td[^>]*>[^<]*</td>){3}<td[^>]*>24 个月</td>`), 'the table does not show the product with 24 months');
  // the same name again
  const dup = await supervisor.post('/staff/products', { csrf, name, warranty_months: '12' });
  assert.equal(dup.status, 422);
  assert.match(fieldError(addForm(dup.text), 'name') || '', /已存在/);

  // a repair of that product bought 2025-06-01 is under warranty until 2027-06-01
  const r = await newRepair({ product: name, purchase_date: '2025-06-01' });
  assert.equal(sql(`SELECT DATE_FORMAT(warranty_until, '%Y-%m-%d') FROM repairs WHERE id = ${r.id}`)[0][0], '2027-06-01');
  const page = await agent.get(`/staff/repairs/${r.id}`);
  assert.ok(page.text.includes('2027-06-01'), 'the work order does not show the warranty end');

  // the supervisor changes the months; an agent may not
  const pid = sql(`SELECT id FROM products WHERE name = '${sqlSafe(name)}'`)[0][0];
  assertErrorPage(await agent.post(`/staff/products/${pid}`, { csrf: acsrf, name, warranty_months: '1', active: '1' }), 403);
  const upd = await supervisor.post(`/staff/products/${pid}`, { csrf, name, warranty_months: '6', active: '0' });
  assert.equal(upd.status, 303, `updating answered ${upd.status}: ${snippet(upd.text)}`);
  assert.deepEqual(sql(`SELECT warranty_months, active FROM products WHERE id = ${pid}`), [['6', '0']]);
});
