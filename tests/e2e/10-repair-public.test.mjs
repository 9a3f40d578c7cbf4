// The public repair form (报修) and tracking (进度查询): the contract's fields,
// 303 with a new number, 422 with the input kept and messages next to the
// fields, escaping, one-time tokens, concurrent numbering, the honeypot, and
// /track's identical 404 for every miss and its 429 after too many misses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, request, loginAdmin, sql, appSql, sqlSafe, snippet, uniquePhone, repairFields, submitRepair, newRepair,
  fieldValue, fieldError, trackStatus, timeline, track, clearTrackThrottle, clearPublicThrottles, alertText, dataStatus, htmlUnescape,
  assertHoneypotRefused,
} from './lib.mjs';

const CONTRACT_FIELDS = ['name', 'phone', 'email', 'address', 'product', 'model', 'serial_no', 'purchase_date', 'fault', 'preferred_time'];

function countByPhone(phone) {
  return Number(sql(`SELECT COUNT(*) FROM repairs WHERE contact_phone = '${sqlSafe(phone)}'`)[0][0]);
}

/** Today's date as the program sees it, tomorrow, and a date a year later. */
function dbToday() {
  return appSql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d'), DATE_FORMAT(CURDATE() + INTERVAL 1 DAY, '%Y-%m-%d'), DATE_FORMAT(CURDATE() + INTERVAL 1 YEAR, '%Y-%m-%d')")[0];
}

before(() => {
  // Earlier runs' misses and submissions from this address must not decide this file's outcome.
  clearPublicThrottles();
});

after(() => {
  clearTrackThrottle();
});

test('GET /repair/new offers every contract field, a one-time token and an empty honeypot', async () => {
  const r = await request('GET', '/repair/new');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') || '', /text\/html/);
  assert.match(r.text, /<form[^>]*method="post"[^>]*action="\/repair\/new"/);
  for (const name of CONTRACT_FIELDS) {
    assert.notEqual(fieldValue(r.text, name), null, `the form lacks the field ${name}`);
    assert.equal(fieldValue(r.text, name), '', `the field ${name} is not empty on a fresh form`);
  }
  const token = fieldValue(r.text, 'token');
  assert.match(token, /^[0-9a-f]{32,}$/, `token ${token}`);
  assert.match(r.text, /<input[^>]*type="hidden"[^>]*name="token"|<input[^>]*name="token"[^>]*type="hidden"/, 'the token is not a hidden field');
  assert.equal(fieldValue(r.text, 'website'), '', 'no empty honeypot field "website"');
  // each form gets its own token
  const again = await request('GET', '/repair/new');
  assert.notEqual(fieldValue(again.text, 'token'), token, 'two forms got the same token');
});

test('a valid submission answers 303 to the done page, which shows the new number', async () => {
  const c = new Client();
  const phoneTyped = uniquePhone('3');
  const phone = phoneTyped;
  // spaces and dashes in a mobile number are ignored
  const typed = `${phone.slice(0, 3)} ${phone.slice(3, 7)}-${phone.slice(7)}`;
  const s = await submitRepair({ phone: typed, name: '王小明' }, { client: c });
  assert.equal(s.res.status, 303, `answered ${s.res.status}: ${snippet(s.res.text)}`);
  assert.ok(s.no, `Location ${s.res.location} is not /repair/done?no=R<yyyymmdd>-<nnnn>`);
  assert.match(s.no, /^R\d{8}-\d{4,5}$/);
  const today = dbToday()[0].replace(/-/g, '');
  assert.equal(s.no.slice(1, 9), today, `number ${s.no} does not carry today's date ${today}`);

  const done = await c.get(s.res.location);
  assert.equal(done.status, 200);
  assert.ok(done.text.includes(s.no), 'the done page does not show the number');
  assert.match(done.text, /href="\/track\?no=/, 'the done page does not link to tracking');

  const rows = sql(`SELECT status, channel, contact_phone, contact_name, product, fault FROM repairs WHERE public_no = '${sqlSafe(s.no)}'`);
  assert.equal(rows.length, 1, 'no repair row for the number');
  assert.deepEqual(rows[0].slice(0, 4), ['new', 'web', phone, '王小明'], 'the stored repair');
  // a customer record was created for the phone
  const cust = sql(`SELECT COUNT(*) FROM customers WHERE phone = '${sqlSafe(phone)}'`);
  assert.equal(cust[0][0], '1', 'no customer record (or more than one) for the phone');
});

test('a second request from the same phone is filed under the same customer', async () => {
  const phone = uniquePhone('3');
  const a = await newRepair({ phone, name: '同一人' });
  const b = await newRepair({ phone, name: '同一人', product: '洗衣机' });
  assert.notEqual(a.no, b.no);
  const ids = sql(`SELECT DISTINCT customer_id FROM repairs WHERE contact_phone = '${sqlSafe(phone)}'`);
  assert.equal(ids.length, 1, `the two requests have ${ids.length} customers`);
  assert.equal(sql(`SELECT COUNT(*) FROM customers WHERE phone = '${sqlSafe(phone)}'`)[0][0], '1');
});

test('a landline with area code (010-12345678 style) is accepted', async () => {
  const n = String(Date.now() % 1e8).padStart(8, '0').replace(/^0/, '6');
  const s = await submitRepair({ phone: `010-${n}` });
  assert.equal(s.res.status, 303, `landline answered ${s.res.status}: ${fieldError(s.res.text, 'phone')}`);
  assert.equal(sql(`SELECT contact_phone FROM repairs WHERE public_no = '${sqlSafe(s.no)}'`)[0][0], `010-${n}`);
  // tracked with the number typed without the dash or with a space
  clearTrackThrottle();
  for (const typed of [`010${n}`, `010 ${n}`]) {
    const t = await track(s.no, typed);
    assert.equal(t.status, 200, `/track with the landline typed as ${typed} answered ${t.status}`);
  }
  clearTrackThrottle();
});

test('missing required fields: 422, "此项为必填项" next to each, the other input kept', async () => {
  const phone = uniquePhone('3');
  const s = await submitRepair({ name: '', address: '  ', product: '', fault: '', phone, model: 'M-型号-1', preferred_time: '工作日晚上' });
  assert.equal(s.res.status, 422, `answered ${s.res.status}`);
  for (const f of ['name', 'address', 'product', 'fault']) {
    assert.equal(fieldError(s.res.text, f), '此项为必填项', `message next to ${f}`);
  }
  assert.equal(fieldError(s.res.text, 'phone'), '', 'a valid phone got a message');
  assert.equal(fieldValue(s.res.text, 'phone'), phone, 'the phone was not kept');
  assert.equal(fieldValue(s.res.text, 'model'), 'M-型号-1', 'the model was not kept');
  assert.equal(fieldValue(s.res.text, 'preferred_time'), '工作日晚上');
  assert.ok(alertText(s.res.text), 'no summary message on the page');
  assert.ok(fieldValue(s.res.text, 'token'), 'the returned form has no token');
  assert.equal(countByPhone(phone), 0, 'an invalid submission stored a repair');

  // missing phone alone
  const p = await submitRepair({ phone: '' });
  assert.equal(p.res.status, 422);
  assert.equal(fieldError(p.res.text, 'phone'), '此项为必填项');
});

test('bad phone, bad email, bad date, future date and too long fault each give 422 with a message and the input kept', async () => {
  const [today, tomorrow, nextYear] = dbToday();
  const cases = [
    { field: 'phone', value: '12345', msg: /请填写有效的手机号/ },
    { field: 'phone', value: '12800138000', msg: /请填写有效的手机号/ },
    { field: 'phone', value: '1380013800a', msg: /请填写有效的手机号/ },
    { field: 'email', value: 'not-an-email', msg: /邮箱/ },
    { field: 'email', value: 'a@b', msg: /邮箱/ },
    { field: 'purchase_date', value: '2025-13-01', msg: /日期/ },
    { field: 'purchase_date', value: '2025-02-30', msg: /日期/ },
    { field: 'purchase_date', value: '01/05/2025', msg: /日期/ },
    { field: 'purchase_date', value: tomorrow, msg: /购买日期不能晚于今天/ },
    { field: 'purchase_date', value: nextYear, msg: /购买日期不能晚于今天/ },
    { field: 'fault', value: '坏'.repeat(2001), msg: /2000/ },
  ];
  for (const c of cases) {
    const phone = c.field === 'phone' ? c.value : uniquePhone('3');
    const s = await submitRepair({ [c.field]: c.value, phone, name: '校验测试' });
    assert.equal(s.res.status, 422, `${c.field}=${c.value.slice(0, 20)} answered ${s.res.status}`);
    const msg = fieldError(s.res.text, c.field);
    assert.match(msg || '', c.msg, `${c.field}=${c.value.slice(0, 20)}: message ${JSON.stringify(msg)}`);
    assert.equal(fieldValue(s.res.text, c.field), c.value, `${c.field} was not kept`);
    assert.equal(fieldValue(s.res.text, 'name'), '校验测试', 'the name was not kept');
    // only the bad field has a message
    for (const other of CONTRACT_FIELDS.filter((f) => f !== c.field)) {
      assert.equal(fieldError(s.res.text, other), '', `${other} got a message when only ${c.field} was bad`);
    }
    if (c.field !== 'phone') assert.equal(countByPhone(phone), 0, `${c.field}=${c.value.slice(0, 20)} stored a repair`);
  }
  // today itself is fine, and exactly 2000 characters are fine
  const ok = await submitRepair({ purchase_date: today, fault: '好'.repeat(2000) });
  assert.equal(ok.res.status, 303, `purchase today + 2000-char fault answered ${ok.res.status}: ${snippet(ok.res.text)}`);
});

test('<script> in the name comes back escaped on the form and on the staff page', async () => {
  const evil = '<script>alert(1)</script>';
  const bad = await submitRepair({ name: evil, fault: '' });
  assert.equal(bad.res.status, 422);
  assert.ok(!bad.res.text.includes(evil), 'the raw <script> is in the page');
  assert.ok(bad.res.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the name is not kept escaped');
  assert.equal(fieldValue(bad.res.text, 'name'), evil);

  const q = '"><img src=x onerror=alert(1)>';
  const good = await newRepair({ name: evil, model: q, fault: `${evil}\n第二行` });
  const admin = await loginAdmin();
  const page = await admin.get(`/staff/repairs/${good.id}`);
  assert.equal(page.status, 200);
  assert.ok(!page.text.includes(evil), 'the staff page shows the raw <script>');
  assert.ok(!page.text.includes('<img src=x'), 'the staff page shows a raw <img>');
  assert.ok(page.text.includes('&lt;script&gt;'), 'the staff page does not show the escaped name');
  const queue = await admin.get(`/staff/repairs?q=${encodeURIComponent(good.no)}`);
  assert.ok(!queue.text.includes(evil), 'the queue shows the raw <script>');
});

test('the same token posted twice gives the same number and one repair', async () => {
  const c = new Client();
  const form = await c.get('/repair/new');
  const token = fieldValue(form.text, 'token');
  const fields = repairFields();
  const first = await c.post('/repair/new', { token, ...fields });
  assert.equal(first.status, 303, snippet(first.text));
  const second = await c.post('/repair/new', { token, ...fields });
  assert.equal(second.status, 303, `the repeat answered ${second.status}: ${snippet(second.text)}`);
  assert.equal(second.location, first.location, 'the repeat got another number');
  assert.equal(countByPhone(fields.phone), 1, 'the repeat stored a second repair');

  // a repeat with other content still answers with the first number and changes nothing
  const third = await c.post('/repair/new', { token, ...fields, fault: '改了内容' });
  assert.equal(third.location, first.location);
  assert.equal(countByPhone(fields.phone), 1);
});

test('the same token posted twice at the same moment gives one repair', async () => {
  const c = new Client();
  const form = await c.get('/repair/new');
  const token = fieldValue(form.text, 'token');
  const fields = repairFields();
  const answers = await Promise.all([1, 2, 3].map(() => new Client().post('/repair/new', { token, ...fields })));
  for (const a of answers) assert.equal(a.status, 303, `a concurrent copy answered ${a.status}: ${snippet(a.text)}`);
  assert.equal(new Set(answers.map((a) => a.location)).size, 1, `different numbers: ${answers.map((a) => a.location)}`);
  assert.match(answers[0].location, /^\/repair\/done\?no=R\d{8}-\d{4,5}$/);
  assert.equal(countByPhone(fields.phone), 1, 'concurrent copies stored more than one repair');
});

test('a form returned with 422 can be corrected and sent: one repair, and a resend gives its number', async () => {
  const c = new Client();
  const form = await c.get('/repair/new');
  const token = fieldValue(form.text, 'token');
  const fields = repairFields({ fault: '' });
  const bad = await c.post('/repair/new', { token, ...fields });
  assert.equal(bad.status, 422);
  const kept = fieldValue(bad.text, 'token');
  assert.ok(kept, 'the returned form has no token');
  const good = await c.post('/repair/new', { token: kept, ...fields, fault: '补上故障描述' });
  assert.equal(good.status, 303, `the corrected form answered ${good.status}: ${snippet(good.text)}`);
  const again = await c.post('/repair/new', { token: kept, ...fields, fault: '补上故障描述' });
  assert.equal(again.location, good.location);
  assert.equal(countByPhone(fields.phone), 1);
});

test('five concurrent submissions with distinct tokens get five distinct numbers', async () => {
  const clients = [1, 2, 3, 4, 5].map(() => new Client());
  const tokens = await Promise.all(clients.map(async (c) => fieldValue((await c.get('/repair/new')).text, 'token')));
  assert.equal(new Set(tokens).size, 5, 'the forms share tokens');
  const fields = tokens.map(() => repairFields());
  const answers = await Promise.all(clients.map((c, i) => c.post('/repair/new', { token: tokens[i], ...fields[i] })));
  const nos = answers.map((a) => {
    assert.equal(a.status, 303, `a concurrent submission answered ${a.status}: ${snippet(a.text)}`);
    const m = /no=(R\d{8}-\d{4,5})$/.exec(a.location);
    assert.ok(m, a.location);
    return m[1];
  });
  assert.equal(new Set(nos).size, 5, `numbers repeat: ${nos.join(' ')}`);
  for (let i = 0; i < 5; i++) {
    const row = sql(`SELECT contact_phone FROM repairs WHERE public_no = '${sqlSafe(nos[i])}'`);
    assert.equal(row.length, 1, `no row for ${nos[i]}`);
    assert.equal(row[0][0], fields[i].phone, `${nos[i]} belongs to another submission`);
  }
});

test('a filled honeypot answers 422 and stores nothing', async () => {
  await assertHoneypotRefused('R');
});

test('/track with the right number and phone shows status new and the public timeline', async () => {
  const r = await newRepair({ name: '查询人', address: '上海市隐私路 9 号' });
  const t = await track(r.no, r.phone);
  assert.equal(t.status, 200, snippet(t.text));
  assert.equal(trackStatus(t.text), 'new');
  assert.ok(t.text.includes(r.no));
  const tl = timeline(t.text);
  assert.ok(tl.some((e) => e.includes('已收到您的报修申请')), `timeline: ${JSON.stringify(tl)}`);
  // the page tells the status, not the customer's details
  assert.ok(!t.text.includes('上海市隐私路'), 'the tracking page shows the address');
  // the phone may be typed with spaces and dashes
  const spaced = `${r.phone.slice(0, 3)} ${r.phone.slice(3, 7)} ${r.phone.slice(7)}`;
  const t2 = await track(r.no, spaced);
  assert.equal(t2.status, 200, 'a spaced phone was not recognised');
  assert.equal(trackStatus(t2.text), 'new');
  // the form without parameters is a plain 200
  const empty = await request('GET', '/track');
  assert.equal(empty.status, 200);
  assert.equal(trackStatus(empty.text), null);
});

test('/track: wrong phone, unknown number and malformed number answer the same 404 and message', async () => {
  clearTrackThrottle();
  const r = await newRepair();
  const other = uniquePhone('8');
  const day = r.no.slice(1, 9);
  const misses = [
    [r.no, other],
    [`R${day}-9999`, r.phone],
    [`R${day}-${r.no.slice(10)}x`, r.phone],
    ['not-a-number', r.phone],
    [r.no, '12345'],
  ];
  const answers = [];
  for (const [no, phone] of misses) answers.push(await track(no, phone));
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i];
    assert.equal(a.status, 404, `miss #${i + 1} (${misses[i]}) answered ${a.status}`);
    assert.equal(trackStatus(a.text), null, `miss #${i + 1} shows a result`);
    assert.ok(a.text.includes('没有找到'), `miss #${i + 1} lacks "没有找到": ${snippet(a.text)}`);
    assert.equal(alertText(a.text), alertText(answers[0].text), `miss #${i + 1} has another message`);
  }
  // The form keeps what was typed (issue #11), and nothing more: a miss with the right phone and
  // another number shows that phone only in the phone field, the miss with another phone not at all.
  assert.equal(fieldValue(answers[1].text, 'phone'), r.phone, 'a miss does not keep the typed phone');
  assert.ok(!answers[0].text.includes(r.phone), 'a miss with another phone shows the right one');
  assert.equal(answers[1].text.split(r.phone).length, 2, 'a miss shows the phone outside its field');
  clearTrackThrottle();
});

test('/track: after 10 misses from one address it answers 429, even for the right pair; cleared, it works again', async () => {
  clearTrackThrottle();
  const r = await newRepair();
  const wrong = uniquePhone('9');
  for (let i = 1; i <= 10; i++) {
    const a = await track(r.no, wrong);
    assert.equal(a.status, 404, `miss #${i} answered ${a.status}`);
  }
  const rows = sql("SELECT key_name FROM login_throttle WHERE key_name LIKE 't:%'");
  assert.ok(rows.some((row) => row[0] === 't:127.0.0.1'), `throttle rows: ${JSON.stringify(rows)}`);
  const locked = await track(r.no, r.phone);
  assert.equal(locked.status, 429, `the 11th look-up answered ${locked.status}`);
  assert.equal(trackStatus(locked.text), null, 'a locked look-up shows the result');
  assert.match(htmlUnescape(locked.text), /稍后/);
  const stillLocked = await track(r.no, r.phone);
  assert.equal(stillLocked.status, 429);
  clearTrackThrottle();
  const ok = await track(r.no, r.phone);
  assert.equal(ok.status, 200, 'after the unlock the right pair does not work');
  assert.equal(trackStatus(ok.text), 'new');
});

test('/track escapes what was typed', async () => {
  clearTrackThrottle();
  const t = await request('GET', `/track?${new URLSearchParams({ no: '"><script>x</script>', phone: '<b>13800000000' })}`);
  assert.equal(t.status, 404);
  assert.ok(!t.text.includes('<script>x') && !t.text.includes('<b>1380'), 'raw input in the tracking page');
  const f = await request('GET', `/track?${new URLSearchParams({ no: '"><i>x' })}`);
  assert.equal(f.status, 200);
  assert.ok(!f.text.includes('"><i>x'));
  clearTrackThrottle();
});

test('the done page does not look numbers up and refuses malformed ones', async () => {
  const r = await request('GET', '/repair/done?no=%3Cscript%3E');
  assert.equal(r.status, 404);
  assert.ok(!r.text.includes('<script>'));
});

test('a staff page of the new repair marks it data-status="new"', async () => {
  const r = await newRepair();
  const admin = await loginAdmin();
  const page = await admin.get(`/staff/repairs/${r.id}`);
  assert.equal(page.status, 200);
  assert.equal(dataStatus(page.text), 'new');
});
