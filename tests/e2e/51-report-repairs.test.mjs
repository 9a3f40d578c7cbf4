// The repair report (维修报表) and fault categories: a known set of repairs taken through the staff
// pages, then moved by SQL into a month of the past that no other test uses (so the figures are
// exact), with controlled working minutes and on-time flags; the tables, the repeat repair, the
// returns part, the CSV and xlsx exports, roles, range checks, and category management.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BASE_URL, loginAdmin, login, createUser, sql, sqlSafe, RUN_ID, newRepair, repairAction, repairActionOk, extractCsrf,
  clearPublicThrottles, alertText, htmlUnescape, insertReturn, fieldValue, snippet,
} from './lib.mjs';

const TAG = RUN_ID.slice(-5);
// a month of the past only this run puts records in
const YEAR = 1995 + Math.floor(Math.random() * 25);
const MONTH = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
const FROM = `${YEAR}-${MONTH}-01`;
const TO = `${YEAR}-${MONTH}-28`;
const day = (d, time = '10:00:00') => `${YEAR}-${MONTH}-${String(d).padStart(2, '0')} ${time}`;
const PA = `报表空调${TAG}`;
const PB = '=HYPERLINK("x")';

let admin, supervisor, agent, tech, tech2;
const u = {};
let c1, c2; // category ids
const jobs = {};

/** GET url as client, the body as bytes (an export); { status, headers, body }. */
async function download(client, url) {
  const res = await fetch(BASE_URL + url, { headers: { cookie: client.jar.header() }, redirect: 'manual' });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** The report tables of a page: { caption: { rowAttr: { metric: text } } }. */
function reportTables(html) {
  const out = {};
  for (const sec of html.split('<section class="report-table">').slice(1)) {
    const caption = htmlUnescape(/<h2>([\s\S]*?)<\/h2>/.exec(sec)[1]);
    const rows = {};
    for (const tr of sec.matchAll(/<tr data-row="([^"]*)">([\s\S]*?)<\/tr>/g)) {
      const cells = {};
      for (const td of tr[2].matchAll(/data-metric="([^"]+)">([\s\S]*?)<\/td>/g)) cells[td[1]] = htmlUnescape(td[2].replace(/<[^>]+>/g, '').trim());
      rows[htmlUnescape(tr[1])] = cells;
    }
    out[caption] = rows;
  }
  return out;
}

async function createCategory(client, name, sort = '5') {
  const page = await client.get('/staff/fault-categories');
  return client.post('/staff/fault-categories', { csrf: extractCsrf(page.text), name, sort });
}

function categoryId(name) {
  return sql(`SELECT id FROM fault_categories WHERE name = '${name.replace(/'/g, "''")}'`)[0][0];
}

/** Sets a repair's times by SQL (the report's month lies in the past). */
function setTimes(r, { created, resolved, minutes, onTime }) {
  sql(`UPDATE repairs SET created_at = '${created}', resolved_at = '${resolved}', resolve_minutes = ${minutes},
       resolved_on_time = ${onTime} WHERE id = ${sqlSafe(r.id)}`);
}

/** A repair through the pages to resolved with these resolve fields; then its times set by SQL,
 * unless laterTimes (a repeat is recognised at intake: the earlier job's times move after it). */
async function job(key, { product, serial, resolve, who = 'tech', laterTimes = false, ...times }) {
  const r = await newRepair({ product, serial_no: serial });
  await repairActionOk(agent, r.id, 'accept', { priority: 'normal' });
  await repairActionOk(supervisor, r.id, 'assign', { assignee_id: String(u[who].id) });
  const client = who === 'tech' ? tech : tech2;
  await repairActionOk(client, r.id, 'start');
  await repairActionOk(client, r.id, 'resolve', { result: '已修好', parts_used: '', ...resolve });
  if (!laterTimes) setTimes(r, times);
  jobs[key] = r;
  return r;
}

before(async () => {
  admin = await loginAdmin();
  clearPublicThrottles();
  u.supervisor = await createUser(admin, { role: 'supervisor' });
  u.agent = await createUser(admin, { role: 'agent' });
  u.tech = await createUser(admin, { role: 'technician', display_name: `报表技师${TAG}` });
  u.tech2 = await createUser(admin, { role: 'technician', display_name: `报表技师乙${TAG}` });
  supervisor = await login(u.supervisor.username, u.supervisor.password);
  agent = await login(u.agent.username, u.agent.password);
  tech = await login(u.tech.username, u.tech.password);
  tech2 = await login(u.tech2.username, u.tech2.password);
});

test('fault categories: add, duplicate refused, deactivated one refused on resolve', async () => {
  const name1 = `报表电源${TAG}`;
  const name2 = `报表噪音${TAG}`;
  assert.equal((await createCategory(supervisor, name1)).status, 303);
  assert.equal((await createCategory(supervisor, name2, '6')).status, 303);
  const dup = await createCategory(supervisor, name1);
  assert.equal(dup.status, 422, snippet(dup.text));
  assert.ok(htmlUnescape(dup.text).includes('已有同名的故障分类'));
  assert.equal(fieldValue(dup.text.slice(dup.text.indexOf('id="fault-category-add"')), 'name'), name1, 'the add form keeps what was typed');
  const long = await createCategory(supervisor, '长'.repeat(33));
  assert.equal(long.status, 422);
  c1 = categoryId(name1);
  c2 = categoryId(name2);
  assert.deepEqual(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'fault_category_create' AND target = '${name1}'`), [['1']]);
  assert.equal((await tech.get('/staff/fault-categories')).status, 403);
  assert.equal((await agent.get('/staff/fault-categories')).status, 403);

  // r4 takes category 2 while active; then it is deactivated and refused on the next resolve
  const r1Times = { created: day(2, '09:00:00'), resolved: day(3), minutes: 60, onTime: 1 };
  const r1 = await job('r1', { product: PA, serial: `S1${TAG}`, laterTimes: true, resolve: { fault_category_id: c1, warranty_repair: '1', labour_cost: '50', parts_cost: '0', confirm_warranty_charge: '1' } });
  // r4 comes in while r1 was just resolved: a repeat of r1, ten days after it once both times move
  await job('r4', { product: PB, serial: `S1${TAG}`, who: 'tech2', resolve: { fault_category_id: c2, warranty_repair: '1', labour_cost: '0', parts_cost: '0' },
    created: day(13), resolved: day(14), minutes: 'NULL', onTime: 'NULL' });
  setTimes(r1, r1Times);
  const page = await supervisor.get('/staff/fault-categories');
  const off = await supervisor.post(`/staff/fault-categories/${c2}`, { csrf: extractCsrf(page.text), name: name2, sort: '7', active: '0' });
  assert.equal(off.status, 303, snippet(off.text));
  assert.deepEqual(sql(`SELECT active, sort FROM fault_categories WHERE id = ${sqlSafe(c2)}`), [['0', '7']]);
  assert.deepEqual(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'fault_category_update' AND target = '${name2}'`), [['1']]);

  const r = await newRepair({ product: PA, serial_no: `S6${TAG}` });
  await repairActionOk(agent, r.id, 'accept', { priority: 'normal' });
  await repairActionOk(supervisor, r.id, 'assign', { assignee_id: String(u.tech.id) });
  await repairActionOk(tech, r.id, 'start');
  const refused = await repairAction(tech, r.id, 'resolve', { result: '已修好', fault_category_id: c2, warranty_repair: '0', labour_cost: '10', parts_cost: '5.50' });
  assert.equal(refused.status, 422);
  assert.match(alertText(refused.text), /故障分类不存在或已停用/);
  await repairActionOk(tech, r.id, 'resolve', { result: '已修好', warranty_repair: '0', labour_cost: '10', parts_cost: '5.50' });
  sql(`UPDATE repairs SET created_at = '${day(7)}', resolved_at = '${day(13)}', resolve_minutes = 240, resolved_on_time = NULL WHERE id = ${sqlSafe(r.id)}`);
  jobs.r6 = r;
});

test('report figures: intake, categories, warranty and costs, technicians, repeats, returns', async () => {
  await job('r2', { product: PA, serial: `S2${TAG}`, resolve: { fault_category_id: c1, warranty_repair: '0', labour_cost: '120.50', parts_cost: '35' },
    created: day(3), resolved: day(5), minutes: 120, onTime: 0 });
  await job('r3', { product: PB, serial: `S3${TAG}`, resolve: { warranty_repair: '0', labour_cost: '80', parts_cost: '0' },
    created: day(4), resolved: day(12), minutes: 600, onTime: 1 });
  await job('r5', { product: PA, serial: `S5${TAG}`, resolve: { fault_category_id: c1, warranty_repair: '1', labour_cost: '0', parts_cost: '0' },
    created: day(6), resolved: day(6, '16:00:00'), minutes: 30, onTime: 1 });
  const refunded = insertReturn({ kind: 'return', status: 'refunded', inspection: 'fault_confirmed', refund_amount: 10000, refund_method: 'original' });
  const asked = insertReturn({ kind: 'exchange', has_fault: 0 });
  sql(`UPDATE returns SET created_at = '${day(8)}', refunded_at = '${day(9)}' WHERE id = ${refunded.id}`);
  sql(`UPDATE returns SET created_at = '${day(9)}' WHERE id = ${asked.id}`);

  const res = await supervisor.get(`/staff/reports/repairs?from=${FROM}&to=${TO}`);
  assert.equal(res.status, 200, snippet(res.text));
  const t = reportTables(res.text);
  assert.deepEqual(t['受理：按产品'], { [PA]: { product: PA, taken_in: '4' }, [PB]: { product: PB, taken_in: '2' } });
  assert.equal(t['受理：按渠道'].web.taken_in, '6');
  const cat = t['完成：按故障分类'];
  assert.equal(cat[c1].resolved, '3');
  assert.equal(cat[c2].resolved, '1', 'a deactivated category still counts its repairs');
  assert.equal(cat.none.fault_category, '未分类');
  assert.equal(cat.none.resolved, '2');
  assert.equal(cat[c1].share, '50.0%');
  const w = t['完成：保修与付费'];
  assert.deepEqual(w.warranty, { warranty: '保修期内', resolved: '3', labour_cost: '¥50.00', parts_cost: '¥0.00', revenue: '¥0.00' });
  assert.deepEqual(w.paid, { warranty: '付费维修', resolved: '3', labour_cost: '¥210.50', parts_cost: '¥40.50', revenue: '¥251.00' });
  assert.deepEqual(w.total, { warranty: '合计', resolved: '6', labour_cost: '¥260.50', parts_cost: '¥40.50', revenue: '¥251.00' });
  const techs = t['完成：按技术员（用时按工作时间计）'];
  // minutes 30, 60, 120, 240, 600: mean 210 = 3.5 h; nearest-rank 90th percentile is the 5th = 600 = 10.0 h
  assert.deepEqual(techs[u.tech.id], { technician: u.tech.display_name, resolved: '5', avg_hours: '3.5', p90_hours: '10.0', no_time: '0', on_time: '3', on_time_share: '75.0%' });
  assert.deepEqual(techs[u.tech2.id], { technician: u.tech2.display_name, resolved: '1', avg_hours: '', p90_hours: '', no_time: '1', on_time: '0', on_time_share: '' });
  assert.deepEqual(techs.total, { technician: '合计', resolved: '6', avg_hours: '3.5', p90_hours: '10.0', no_time: '1', on_time: '3', on_time_share: '75.0%' });
  const weeks = Object.values(t['每周完成与按时完成率']);
  assert.equal(weeks.reduce((n, r) => n + Number(r.resolved), 0), 6);
  assert.ok(weeks.every((r) => /^\d{4}-W\d{2}$/.test(r.week)));
  assert.match(res.text, /<svg class="chart-svg"/);
  const rep = t['90 天内重复维修（同一序列号）'];
  assert.deepEqual(rep[jobs.r4.no], { repair_no: jobs.r4.no, product: PB, serial_no: `S1${TAG}`,
    earlier_no: jobs.r1.no, days_between: '10', earlier_technician: u.tech.display_name });
  assert.equal(Object.keys(rep).length, 1);
  assert.match(res.text, /data-metric="repeat_total">1</);
  const kinds = t['退换货：按类型与退款'];
  assert.deepEqual(kinds.return, { kind: '退货', requests: '1', refunded: '1', refund_total: '¥100.00' });
  assert.deepEqual(kinds.exchange, { kind: '换货', requests: '1', refunded: '0', refund_total: '¥0.00' });
  assert.equal(kinds.total.refund_total, '¥100.00');
  assert.equal(t['退换货：按检测结果'].fault_confirmed.requests, '1');
  assert.equal(t['退换货：按检测结果'].none.inspection, '未检测');
  assert.equal(t['退换货：按原因']['0'].requests, '1');
  assert.equal(t['退换货：按当前状态'].refunded.requests, '1');
  assert.equal(t['退换货：按当前状态'].requested.requests, '1');
});

test('CSV export: BOM, CRLF, quoted fields, a formula neutralised', async () => {
  const res = await download(supervisor, `/staff/reports/repairs?from=${FROM}&to=${TO}&format=csv`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-disposition'), new RegExp(`filename="repairs-${FROM}-${TO}\\.csv"`));
  const buf = res.body;
  assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = buf.subarray(3).toString('utf8');
  assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF');
  const lines = text.split('\r\n');
  assert.ok(lines.includes('"\'=HYPERLINK(""x"")","2"'), `the formula product is prefixed: ${lines.slice(0, 6).join(' | ')}`);
  assert.ok(lines.includes(`"${PA}","4"`));
  assert.ok(lines.includes('"合计","6","260.50","40.50","251.00"'), `money as yuan: ${lines.filter((l) => l.startsWith('"合计"')).join(' | ')}`);
});

test('xlsx export opens with openpyxl: money as numbers, bold header, frozen first row', async () => {
  const res = await download(supervisor, `/staff/reports/repairs?from=${FROM}&to=${TO}&format=xlsx`);
  assert.equal(res.status, 200);
  const dir = mkdtempSync(path.join(tmpdir(), 'report-'));
  try {
    const file = path.join(dir, 'r.xlsx');
    writeFileSync(file, res.body);
    const py = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const out = execFileSync(py, ['-c', `
import json, openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
sheets = []
for ws in wb.worksheets:
    rows = [[c.value if not isinstance(c.value, (int, float)) else {'n': c.value} for c in row] for row in ws.iter_rows()]
    sheets.append({'title': ws.title, 'freeze': ws.freeze_panes, 'bold': bool(ws['A1'].font.bold), 'rows': rows})
print(json.dumps(sheets, ensure_ascii=False))`, file], { encoding: 'utf8' });
    const sheets = JSON.parse(out);
    assert.ok(sheets.length >= 10);
    for (const s of sheets) {
      assert.equal(s.freeze, 'A2', `${s.title} freeze panes`);
      assert.ok(s.bold, `${s.title} header bold`);
    }
    const warranty = sheets.find((s) => s.title.includes('保修与付费'));
    const total = warranty.rows.find((r) => r[0] === '合计');
    assert.deepEqual(total, ['合计', { n: 6 }, { n: 260.5 }, { n: 40.5 }, { n: 251 }]);
    const products = sheets.find((s) => s.title.includes('按产品'));
    assert.ok(products.rows.some((r) => r[0] === PB), 'the text cell keeps the product name');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('roles and range checks', async () => {
  assert.equal((await agent.get('/staff/reports/repairs')).status, 403);
  assert.equal((await tech.get('/staff/reports/repairs')).status, 403);
  assert.equal((await admin.get('/staff/reports/repairs')).status, 200);
  const dflt = await supervisor.get('/staff/reports/repairs');
  assert.match(fieldValue(dflt.text, 'from'), /^\d{4}-\d\d-01$/, 'the default starts the month');
  for (const [q, message] of [
    ['from=2026-02-30&to=2026-03-01', '开始日期无效'],
    ['from=2026-03-01&to=x', '结束日期无效'],
    ['from=2026-03-05&to=2026-03-01', '结束日期不能早于开始日期'],
    ['from=2025-01-01&to=2026-01-02', '日期范围最长 366 天'],
  ]) {
    const r = await supervisor.get(`/staff/reports/repairs?${q}`);
    assert.equal(r.status, 422, q);
    assert.ok(alertText(r.text).includes(message), `${q}: ${alertText(r.text)}`);
    assert.equal(fieldValue(r.text, 'from'), new URLSearchParams(q).get('from'), 'the form keeps the dates');
  }
  assert.equal((await supervisor.get('/staff/reports/repairs?from=2024-01-01&to=2024-12-31')).status, 200, 'a leap year is 366 days');
});
