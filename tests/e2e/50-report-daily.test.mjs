// 每日核对 (/staff/reports/daily): the figures of today after a known set of submissions and status
// changes made through the app (read by data-kind / data-row / data-metric, as differences from the
// page before them, so other days' and earlier tests' records do not matter), the equation, the
// checks that flag a record changed by SQL, the drill-down lists, sign-off and its audit, the
// exports (CSV bytes, xlsx read with openpyxl), roles and CSRF.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BASE_URL, loginAdmin, login, createUser, sql, appSql, sqlSafe, snippet, RUN_ID, htmlUnescape, alertText,
  newRepair, newReturn, repairActionOk, returnActionOk, resolvedRepair, clearPublicThrottles,
  submitAtOnce, assertAllNumbered,
} from './lib.mjs';

const TAG = RUN_ID.slice(-4);
// Debian's python3-openpyxl belongs to the system python; a python3 earlier on PATH (pyenv) may lack it.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
let admin, agent, supervisor, tech, techId, today;
const u = {};

before(async () => {
  admin = await loginAdmin();
  clearPublicThrottles();
  u.agent = await createUser(admin, { role: 'agent', display_name: `核对客服${TAG}` });
  u.supervisor = await createUser(admin, { role: 'supervisor', display_name: `核对主管${TAG}` });
  u.tech = await createUser(admin, { role: 'technician', display_name: `核对技师${TAG}` });
  agent = await login(u.agent.username, u.agent.password);
  supervisor = await login(u.supervisor.username, u.supervisor.password);
  tech = await login(u.tech.username, u.tech.password);
  techId = u.tech.id;
  today = appSql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')")[0][0];
});

/** The part of the daily page of one kind: from its data-kind to the next kind or the sign-off box. */
function kindPart(html, kind) {
  const start = html.indexOf(`<section class="panel" data-kind="${kind}">`);
  assert.ok(start >= 0, `no section of ${kind}`);
  const rest = html.slice(start + 10);
  const ends = [rest.indexOf('<section class="panel" data-kind='), rest.indexOf('id="signoff"')].filter((i) => i >= 0);
  return rest.slice(0, Math.min(...ends));
}

/** { row: { metric: n } } of a kind, and its data-check. */
function figures(html, kind) {
  const part = kindPart(html, kind);
  const rows = {};
  for (const m of part.matchAll(/<tr data-row="([a-z_]+)">([\s\S]*?)<\/tr>/g)) {
    rows[m[1]] = {};
    for (const c of m[2].matchAll(/data-metric="([a-z_]+)"><a href="([^"]*)">(-?\d+)<\/a>/g)) {
      rows[m[1]][c[1]] = Number(c[3]);
      rows[m[1]][`${c[1]}_href`] = htmlUnescape(c[2]);
    }
  }
  const check = /data-check="(ok|mismatch)"/.exec(part);
  const problems = [...part.matchAll(/<tr data-record="(\d+)">/g)].map((x) => Number(x[1]));
  return { rows, check: check && check[1], problems, part };
}

async function daily(client = supervisor, date = today, query = '') {
  const r = await client.get(`/staff/reports/daily?date=${date}${query}`);
  assert.equal(r.status, 200, `daily page answered ${r.status}: ${snippet(r.text)}`);
  return r.text;
}

/** The record ids listed by a figure's drill-down link. */
async function drill(href) {
  const r = await supervisor.get(href);
  assert.equal(r.status, 200, `${href} answered ${r.status}: ${snippet(r.text)}`);
  return [...r.text.matchAll(/<tr data-id="(\d+)">/g)].map((x) => Number(x[1]));
}

function balanced(rows, kind) {
  for (const [row, f] of Object.entries(rows)) {
    const finished = f.finished;
    assert.equal(f.open_at_start + f.taken_in + f.reopened - finished, f.open_at_end, `${kind}/${row}: the equation`);
  }
}

const diff = (after, before, keys) => Object.fromEntries(keys.map((k) => [k, after[k] - before[k]]));

let made;

test('the day\'s figures are exactly what was taken in and finished, the equation holds and every figure lists its records', async () => {
  const beforeHtml = await daily();
  const b = { repair: figures(beforeHtml, 'repair'), return: figures(beforeHtml, 'return') };
  const bTaken = await drill(b.repair.rows.web.taken_in_href);

  const r1 = await newRepair();
  await repairActionOk(agent, r1.id, 'accept', { priority: 'normal' });
  await repairActionOk(agent, r1.id, 'cancel', { reason: '客户不修了', confirm: '1' });
  const r2 = await resolvedRepair({ agent, supervisor, tech, techId });
  const r3 = await newRepair();
  const t1 = await newReturn();
  await returnActionOk(supervisor, t1.id, 'reject', { reason: '商品已超出退货条件，外观有明显划痕' });
  const t2 = await newReturn();
  made = { r1, r2, r3, t1, t2 };

  const html = await daily();
  const a = { repair: figures(html, 'repair'), return: figures(html, 'return') };
  // other tests insert records by SQL, which the ledger never sees and the checks rightly flag: of
  // the day's check only ours must be clean
  for (const kind of ['repair', 'return', 'complaint']) {
    const f = kind === 'complaint' ? figures(html, kind) : a[kind];
    balanced(f.rows, kind);
    assert.ok(f.check === 'ok' || f.problems.length > 0, `${kind}: 核对不符 without a record listed`);
    assert.ok(![r1.id, r2.id, r3.id, t1.id, t2.id].some((id) => f.problems.includes(id)), `${kind}: ours are not flagged`);
  }
  assert.match(html, /data-check="(ok|mismatch)">报修：核对(无误|不符)/);
  const keys = ['open_at_start', 'taken_in', 'reopened', 'resolved', 'cancelled', 'finished', 'open_at_end'];
  for (const row of ['all', 'web']) {
    assert.deepEqual(diff(a.repair.rows[row], b.repair.rows[row], keys),
      { open_at_start: 0, taken_in: 3, reopened: 0, resolved: 1, cancelled: 1, finished: 2, open_at_end: 1 }, `repair/${row}`);
  }
  assert.deepEqual(diff(a.repair.rows.phone, b.repair.rows.phone, keys), Object.fromEntries(keys.map((k) => [k, 0])));
  const rkeys = ['open_at_start', 'taken_in', 'rejected', 'refunded', 'exchanged', 'converted', 'cancelled', 'finished', 'open_at_end'];
  assert.deepEqual(diff(a.return.rows.web, b.return.rows.web, rkeys),
    { open_at_start: 0, taken_in: 2, rejected: 1, refunded: 0, exchanged: 0, converted: 0, cancelled: 0, finished: 1, open_at_end: 1 });

  // drill-down: the day's new ones are exactly ours; each list is as long as its figure
  const taken = await drill(a.repair.rows.web.taken_in_href);
  assert.deepEqual(taken.filter((id) => !bTaken.includes(id)).sort((x, y) => x - y), [r1.id, r2.id, r3.id].sort((x, y) => x - y));
  assert.equal(taken.length, Math.min(a.repair.rows.web.taken_in, 500));
  assert.ok((await drill(a.repair.rows.web.cancelled_href)).includes(r1.id));
  const resolved = await drill(a.repair.rows.web.resolved_href);
  assert.ok(resolved.includes(r2.id) && !resolved.includes(r1.id));
  assert.deepEqual(await drill(a.return.rows.web.rejected_href).then((l) => l.includes(t1.id)), true);
  const openEnd = await drill(a.repair.rows.web.open_at_end_href);
  // the open lists read the records' present status: on a day other tests changed by SQL (a record
  // closed or inserted behind the application's back, flagged by the day's check) a list and its
  // figure differ either way; our own records are checked below whatever the day's state
  const sameCount = (list, n) => {
    if (a.repair.check === 'ok') assert.equal(list.length, Math.min(n, 500));
  };
  sameCount(openEnd, a.repair.rows.web.open_at_end);
  assert.ok(openEnd.includes(r3.id) && !openEnd.includes(r1.id) && !openEnd.includes(r2.id), 'open at the end: r3 only of ours');
  const openStart = await drill(a.repair.rows.web.open_at_start_href);
  sameCount(openStart, a.repair.rows.web.open_at_start);
  assert.ok(![r1.id, r2.id, r3.id].some((id) => openStart.includes(id)), 'none of today\'s was open at the start');
  const page = await supervisor.get(a.repair.rows.web.taken_in_href);
  assert.match(page.text, new RegExp(`href="/staff/repairs/${r3.id}">${r3.no}<`));

  // the chart of 30 days with its figures table
  assert.match(html, /<svg class="chart-svg"/);
  assert.match(html, /近 30 天受理、完成与未结/);
});

test('sign-off: on the page and in the audit; a later change shows which figures changed', async () => {
  const note = `今日核对无误 ${TAG}`;
  const res = await supervisor.postForm('/staff/reports/daily/signoff', { date: today, note });
  assert.equal(res.status, 303, `signoff answered ${res.status}: ${alertText(res.text) || snippet(res.text)}`);
  assert.equal(res.location, `/staff/reports/daily?date=${today}#signoff`);
  let html = await daily();
  assert.match(html, /data-signoff="current"/);
  assert.ok(htmlUnescape(html).includes(note) && htmlUnescape(html).includes(u.supervisor.display_name));
  const audit = sql(`SELECT actor, detail FROM audit_log WHERE action = 'report_signoff' AND target = 'day ${sqlSafe(today)}' ORDER BY id DESC LIMIT 1`);
  assert.deepEqual(audit, [[u.supervisor.username, note]]);
  const signed = sql(`SELECT figures FROM report_signoffs WHERE day = '${sqlSafe(today)}' ORDER BY id DESC LIMIT 1`)[0][0];
  assert.match(signed, /repair\.web\.taken_in=\d+;/);

  await newRepair();
  html = await daily();
  assert.match(html, /data-signoff="changed"/);
  assert.match(html, /签字后数据已变动/);
  assert.match(html, /data-figure="repair\.all\.taken_in"/);
  assert.match(html, /data-figure="repair\.web\.open_at_end"/);
  assert.doesNotMatch(html, /data-figure="return\./);

  // refused: a future day (422), a note too long (422), without csrf (403), an agent (403)
  const future = appSql("SELECT DATE_FORMAT(CURDATE() + INTERVAL 1 DAY, '%Y-%m-%d')")[0][0];
  const count = () => sql('SELECT COUNT(*) FROM report_signoffs')[0][0];
  const n = count();
  let r = await supervisor.postForm('/staff/reports/daily/signoff', { date: future, note: 'x' });
  assert.equal(r.status, 422);
  assert.match(alertText(r.text), /还没到的日子/);
  r = await supervisor.postForm('/staff/reports/daily/signoff', { date: today, note: '长'.repeat(501) });
  assert.equal(r.status, 422);
  r = await supervisor.post('/staff/reports/daily/signoff', { date: today, note: 'no csrf' });
  assert.equal(r.status, 403);
  r = await agent.postForm('/staff/reports/daily/signoff', { date: today, note: 'agent' });
  assert.equal(r.status, 403);
  r = await tech.postForm('/staff/reports/daily/signoff', { date: today, note: 'tech' });
  assert.equal(r.status, 403);
  assert.equal(count(), n, 'nothing signed by the refused posts');
});

test('a record changed by SQL flags the day (核对不符) and is listed', async () => {
  const r = await newRepair();
  // checks are kept up to 30 s against the same figures: 重新核对 (recheck=1) runs them now
  const fresh = await daily(supervisor, today, '&recheck=1');
  assert.match(fresh, /id="checked">刚刚核对/);
  assert.match(fresh, new RegExp(`href="/staff/reports/daily\\?date=${today}&amp;recheck=1" id="recheck"`));
  let f = figures(fresh, 'repair');
  assert.ok(!f.problems.includes(r.id));
  try {
    sql(`UPDATE repairs SET created_at = created_at - INTERVAL 1 DAY WHERE id = ${r.id}`);
    f = figures(await daily(supervisor, today, '&recheck=1'), 'repair');
    assert.equal(f.check, 'mismatch');
    assert.ok(f.problems.includes(r.id), 'the back-dated record is listed');
    assert.match(htmlUnescape(f.part), /创建时间不在当天/);
    assert.match(f.part, new RegExp(`href="/staff/repairs/${r.id}"`));
  } finally {
    sql(`UPDATE repairs SET created_at = created_at + INTERVAL 1 DAY WHERE id = ${r.id}`);
  }
  const status = sql(`SELECT status FROM repairs WHERE id = ${r.id}`)[0][0];
  try {
    sql(`UPDATE repairs SET status = 'resolved' WHERE id = ${r.id}`);
    f = figures(await daily(supervisor, today, '&recheck=1'), 'repair');
    assert.equal(f.check, 'mismatch');
    assert.ok(f.problems.includes(r.id), 'the record resolved by SQL is listed');
    assert.match(htmlUnescape(f.part), /当前状态与最后一次记账不符/);
  } finally {
    sql(`UPDATE repairs SET status = '${sqlSafe(status)}' WHERE id = ${r.id}`);
  }
  // a broken balance chain points at the move
  const move = sql(`SELECT id, balance FROM report_moves WHERE kind = 'repair' AND record_id = ${r.id} AND metric = 'taken_in'`)[0];
  try {
    sql(`UPDATE report_moves SET balance = balance + 5 WHERE id = ${move[0]}`);
    f = figures(await daily(supervisor, today, '&recheck=1'), 'repair');
    assert.equal(f.check, 'mismatch');
    assert.ok(f.problems.includes(r.id), 'the move with the wrong balance is listed');
  } finally {
    sql(`UPDATE report_moves SET balance = ${move[1]} WHERE id = ${move[0]}`);
  }
  assert.ok(!figures(await daily(supervisor, today, '&recheck=1'), 'repair').problems.includes(r.id), 'clean again once restored');
});

test('exports: CSV with BOM, CRLF and quoted fields; a real xlsx with typed numbers, header row and frozen panes', async () => {
  const cookie = supervisor.jar.header();
  const csv = await fetch(`${BASE_URL}/staff/reports/daily?date=${today}&format=csv`, { headers: { cookie } });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-disposition'), new RegExp(`filename="daily-${today}\\.csv"`));
  const bytes = Buffer.from(await csv.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM');
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  assert.ok(!text.replace(/\r\n/g, '').includes('\n'), 'only CRLF line ends');
  assert.equal(lines[0], '"报修"');
  assert.match(lines[1], /^"渠道","期初未结","当日受理","重新打开","已修复","已取消","完成合计","期末未结"$/);
  assert.match(lines[2], /^"合计"(,"\d+"){7}$/);

  const x = await fetch(`${BASE_URL}/staff/reports/daily?date=${today}&format=xlsx`, { headers: { cookie } });
  assert.equal(x.status, 200);
  assert.match(x.headers.get('content-disposition'), new RegExp(`filename="daily-${today}\\.xlsx"`));
  const dir = mkdtempSync(join(tmpdir(), 'daily-'));
  try {
    const file = join(dir, 'daily.xlsx');
    writeFileSync(file, Buffer.from(await x.arrayBuffer()));
    const out = execFileSync(PYTHON, ['-c', `
import openpyxl, sys, json
wb = openpyxl.load_workbook(sys.argv[1])
res = []
for ws in wb.worksheets:
    rows = list(ws.iter_rows(values_only=True))
    res.append({"name": ws.title, "freeze": ws.freeze_panes, "header": list(rows[0]),
                "types": [type(v).__name__ for v in rows[1]], "first": list(rows[1])})
print(json.dumps(res, ensure_ascii=False))
`, file], { encoding: 'utf8' });
    const sheets = JSON.parse(out);
    assert.equal(sheets.length, 3);
    const repair = sheets[0];
    assert.equal(repair.freeze, 'A2');
    assert.deepEqual(repair.header, ['渠道', '期初未结', '当日受理', '重新打开', '已修复', '已取消', '完成合计', '期末未结']);
    assert.equal(repair.first[0], '合计');
    assert.ok(repair.types.slice(1).every((t) => t === 'int' || t === 'float'), `numbers are numbers: ${repair.types}`);
    const page = figures(await daily(), 'repair').rows.all;
    assert.equal(repair.first[2], page.taken_in, 'the same figure as the page');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('roles, the index and bad input', async () => {
  for (const path of ['/staff/reports/daily', `/staff/reports/daily/records?date=${today}&kind=repair&channel=all&metric=taken_in`]) {
    const r = await tech.get(path);
    assert.equal(r.status, 403, `technician on ${path}`);
  }
  assert.equal((await agent.get('/staff/reports/daily')).status, 200);
  const index = await tech.get('/staff/reports');
  assert.equal(index.status, 200);
  assert.match(index.text, /href="\/staff\/reports\/repairs"/);
  assert.match(index.text, /href="\/staff\/reports">报表<\/a>/, 'the nav link');
  const sup = await supervisor.get('/staff/reports');
  assert.match(sup.text, /href="\/staff\/reports\/daily">每日核对/);
  assert.match(sup.text, /href="\/staff\/reports\/kpi">员工考核/);
  for (const bad of ['2026-13-01', 'yesterday', '2026-02-30']) {
    const r = await supervisor.get(`/staff/reports/daily?date=${bad}`);
    assert.equal(r.status, 400, bad);
    assert.match(htmlUnescape(r.text), /日期格式应为 YYYY-MM-DD/);
  }
  const r = await supervisor.get(`/staff/reports/daily/records?date=${today}&kind=repair&channel=all&metric=nope`);
  assert.equal(r.status, 400);
  // today is the default
  assert.match(await daily(supervisor, ''), new RegExp(`data-day="${today}"`));
});

test('30 people submitting at once are each counted once, in one unbroken chain of open balances', async () => {
  const newCount = () => Number(sql("SELECT COALESCE(SUM(n), 0) FROM status_counts WHERE kind = 'repair' AND status = 'new'")[0][0]);
  const before = newCount();
  const numbers = assertAllNumbered('R', await submitAtOnce('R', 30, '7'));
  const list = numbers.map((no) => `'${sqlSafe(no)}'`).join(',');
  const moves = sql(`SELECT m.balance FROM report_moves m JOIN repairs x ON x.id = m.record_id
    WHERE m.kind = 'repair' AND m.metric = 'taken_in' AND x.public_no IN (${list}) ORDER BY m.id`).map((r) => Number(r[0]));
  assert.equal(moves.length, 30, 'a submission has no intake move, or two');
  // the balance row's lock orders the moves: each one exactly one above the one before
  for (let i = 1; i < moves.length; i++) assert.equal(moves[i], moves[i - 1] + 1, `balances ${moves.join(',')}`);
  assert.equal(newCount(), before + 30, 'the staff home does not count each new repair once');
});
