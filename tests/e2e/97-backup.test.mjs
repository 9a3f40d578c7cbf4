// Backups: `stack.sh backup` takes a consistent dump of the running stack;
// `stack.sh restore FILE` puts the database back exactly as it was at that
// moment (rows added, changed and deleted since are undone) and the site works
// afterwards; a truncated, incomplete or foreign file is refused before
// anything is touched. Runs late: a restore restarts the workers.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  loginAdmin, login, adminPassword, sql, sqlSafe, snippet, RUN_ID, newRepair, clearPublicThrottles, extractCsrf, fieldValue, request, stackRun,
} from './lib.mjs';

let admin;
const TAG = RUN_ID.slice(-4);

before(async () => {
  admin = await loginAdmin();
  clearPublicThrottles();
});

/** Take a backup; returns the path it printed (checked: exists, mode 600, named by UTC time). */
function backup() {
  const r = stackRun('backup');
  assert.equal(r.status, 0, `backup failed: ${r.stderr}`);
  const file = r.stdout.trim().split('\n').pop();
  assert.match(path.basename(file), /^[A-Za-z0-9_]+-\d{8}T\d{6}Z\.sql\.gz$/, `unexpected backup name ${file}`);
  assert.equal(path.dirname(file), path.join(path.resolve(process.env.AS_VAR), 'backups'));
  assert.equal(statSync(file).mode & 0o777, 0o600, 'the backup is readable by others');
  return file;
}

function backupFiles() {
  return readdirSync(path.join(process.env.AS_VAR, 'backups')).sort();
}

/**
 * The whole state of the database: every table's rows in a total order, and
 * each table's AUTO_INCREMENT. (Not CHECKSUM TABLE: on repairs, with its
 * PERSISTENT generated column, two loads of one dump give two checksums.)
 */
function snapshot() {
  const cols = sql('SELECT table_name, COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() GROUP BY table_name ORDER BY table_name');
  const names = cols.map((r) => r[0]);
  assert.ok(names.includes('repairs') && names.includes('schema_migrations'), `odd table list ${names}`);
  const rows = {};
  for (const [t, n] of cols) {
    const order = Array.from({ length: Number(n) }, (_, i) => i + 1).join(', ');
    rows[t] = sql(`SELECT * FROM \`${sqlSafe(t)}\` ORDER BY ${order}`);
  }
  return {
    rows,
    autoIncrement: sql('SELECT table_name, COALESCE(auto_increment, 0) FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name'),
  };
}

/** Save the customer form with new values, as staff would. */
async function editCustomer(client, id, fields) {
  const page = await client.get(`/staff/customers/${id}`);
  assert.equal(page.status, 200, `GET /staff/customers/${id}: ${page.status}`);
  const form = { csrf: extractCsrf(page.text), version: fieldValue(page.text, 'version') };
  for (const k of ['name', 'phone', 'email', 'address', 'notes']) form[k] = fieldValue(page.text, k) ?? '';
  const r = await client.post(`/staff/customers/${id}`, { ...form, ...fields });
  assert.equal(r.status, 303, `saving customer ${id} answered ${r.status}: ${snippet(r.text)}`);
}

/** A future day with no holiday yet (YYYY-MM-DD). */
function freeHoliday(offset) {
  for (let i = 0; i < 400; i++) {
    const d = new Date(Date.UTC(2031 + (offset % 5), 0, 1) + ((Number.parseInt(TAG, 36) + i * 7 + offset) % 360) * 86400000);
    const day = d.toISOString().slice(0, 10);
    if (!sql(`SELECT 1 FROM holidays WHERE day = '${day}'`).length) return day;
  }
  throw new Error('no free holiday day');
}

async function holiday(client, action, day, name = '') {
  const csrf = await client.csrf();
  const r = await client.post(action === 'add' ? '/staff/holidays' : '/staff/holidays/delete', { csrf, day, name });
  assert.equal(r.status, 303, `${action} holiday ${day} answered ${r.status}: ${snippet(r.text)}`);
}

test('restore puts back exactly the state of the backup; rows made after it are gone; the site works', async () => {
  // state before the backup: a public repair, its customer edited by staff, a holiday
  const kept = await newRepair({ name: `备份${TAG}甲` });
  const cid = Number(sql(`SELECT customer_id FROM repairs WHERE id = ${sqlSafe(kept.id)}`)[0][0]);
  await editCustomer(admin, cid, { name: `备份${TAG}已改`, notes: '备份前的备注' });
  const oldDay = freeHoliday(1);
  await holiday(admin, 'add', oldDay, `备份${TAG}`);

  const before = snapshot();
  const file = backup();
  const filesBefore = backupFiles();

  // after the backup: add, change, delete
  const lost = await newRepair({ name: `备份${TAG}乙` });
  await editCustomer(admin, cid, { name: `备份${TAG}再改`, notes: '备份后的备注' });
  await holiday(admin, 'delete', oldDay);
  const newDay = freeHoliday(2);
  await holiday(admin, 'add', newDay, `备份${TAG}后`);
  const late = await login('admin', adminPassword());
  const changed = snapshot();
  assert.notDeepEqual(changed.rows.repairs, before.rows.repairs, 'the repair after the backup changed nothing?');

  const r = stackRun('restore', file);
  assert.equal(r.status, 0, `restore failed: ${r.stderr}\n${r.stdout}`);

  // exactly the state of the backup: no request has reached the program since
  const after = snapshot();
  for (const t of ['repairs', 'customers', 'holidays', 'events', 'sessions']) {
    assert.deepEqual(after.rows[t], before.rows[t], `${t} differs from the backup`);
  }
  assert.deepEqual(Object.keys(after.rows), Object.keys(before.rows), 'the tables differ from the backup');
  assert.deepEqual(after.rows, before.rows, 'some table differs from the backup');
  assert.deepEqual(after.autoIncrement, before.autoIncrement, 'AUTO_INCREMENT counters differ from the backup');
  assert.equal(sql(`SELECT COUNT(*) FROM repairs WHERE public_no = '${sqlSafe(lost.no)}'`)[0][0], '0', 'the repair made after the backup is still there');
  assert.equal(sql(`SELECT name FROM customers WHERE id = ${cid}`)[0][0], `备份${TAG}已改`);
  assert.equal(sql(`SELECT COUNT(*) FROM holidays WHERE day = '${oldDay}'`)[0][0], '1', 'the deleted holiday is not back');
  assert.equal(sql(`SELECT COUNT(*) FROM holidays WHERE day = '${newDay}'`)[0][0], '0', 'the holiday added after the backup is still there');

  // the state before the restore was kept, with the repair made after the backup in it
  const added = backupFiles().filter((f) => !filesBefore.includes(f));
  assert.equal(added.length, 1, `expected one pre-restore dump, got ${added}`);
  assert.match(added[0], /-pre-restore\.sql\.gz$/);
  const safety = gunzipSync(readFileSync(path.join(process.env.AS_VAR, 'backups', added[0]))).toString('utf8');
  assert.ok(safety.includes(lost.no), 'the pre-restore dump lacks the repair made after the backup');

  // the site works: the session from before the backup is valid, the later one is gone
  const home = await admin.get('/staff');
  assert.equal(home.status, 200, `GET /staff after the restore answered ${home.status}: ${snippet(home.text)}`);
  const queue = await admin.get(`/staff/repairs?q=${encodeURIComponent(kept.no)}`);
  assert.equal(queue.status, 200);
  assert.ok(queue.text.includes(kept.no), 'the repair from before the backup is not in the queue');
  const gone = await late.get('/staff');
  assert.equal(gone.status, 303, 'a session made after the backup survived the restore');
  const fresh = await loginAdmin();
  assert.equal((await fresh.get(`/staff/customers/${cid}`)).status, 200);
  clearPublicThrottles();
  const again = await newRepair({ name: `备份${TAG}丙` });
  assert.ok(again.no, 'a new repair after the restore failed');
});

test('restore refuses a truncated, incomplete, foreign or missing file and changes nothing', async () => {
  const good = backup();
  const bytes = readFileSync(good);
  const text = gunzipSync(bytes).toString('utf8');
  const dir = mkdtempSync(path.join(tmpdir(), 'as-backup-'));
  const bad = {
    truncated: bytes.subarray(0, Math.floor(bytes.length / 2)),
    // a complete gzip of a dump that stopped half-way (no "-- Dump completed")
    incomplete: gzipSync(text.slice(0, Math.floor(text.length * 0.8))),
    foreign: gzipSync('-- MariaDB dump 10.19\nCREATE TABLE `t` (a int);\n-- Dump completed on 2026-01-01\n'),
    // a dump of another database: it would write elsewhere
    otherdb: gzipSync(text.replace('CREATE TABLE `schema_migrations`', 'USE `mysql`;\nCREATE TABLE `schema_migrations`')),
    plain: Buffer.from(text.slice(0, 2000)),
  };
  const before = snapshot();
  const files = backupFiles();
  for (const [name, content] of Object.entries(bad)) {
    const f = path.join(dir, `${name}.sql.gz`);
    writeFileSync(f, content);
    const r = stackRun('restore', f);
    assert.notEqual(r.status, 0, `restore of the ${name} file succeeded: ${r.stdout}`);
    assert.match(r.stderr, /nothing changed/, `${name}: ${r.stderr}`);
  }
  const missing = stackRun('restore', path.join(dir, 'no-such-file.sql.gz'));
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /no backup file/);
  assert.notEqual(stackRun('restore').status, 0, 'restore without a file succeeded');

  assert.deepEqual(snapshot(), before, 'a refused restore changed the database');
  assert.deepEqual(backupFiles(), files, 'a refused restore wrote a backup file');
  // the workers were never stopped
  assert.equal((await admin.get('/staff')).status, 200);
  assert.equal((await request('GET', '/repair/new')).status, 200);
});
