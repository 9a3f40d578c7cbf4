// Worker processes die (kill -9) and must come back: one killed five times in a row, and all of
// them killed so often that multiwatch gives up on every slot and exits. `status` must count the
// processes that really run. Runs late: it kills the program's processes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { request, loginAdmin, sleep, stackRun } from './lib.mjs';

const REPO = process.env.AS_REPO || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const APP = process.env.AS_APP || path.join(REPO, 'cgi-bin/aftersales');
const INI = path.join(process.env.AS_VAR || '', 'aftersales.ini');
const PROCS = Number(process.env.AS_PROCS || 2);

function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

const isMultiwatch = (c) => c.startsWith('/usr/bin/multiwatch ') && c.endsWith(`${APP} -c ${INI}`);

/** Pids of this stack's program processes and of its multiwatch, by their command lines (a child
 * that multiwatch forked has its command line until it runs the program: the lowest pid is taken). */
function processes() {
  const workers = [];
  const multiwatch = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const c = cmdline(d);
    if (c === `${APP} -c ${INI}`) workers.push(Number(d));
    else if (isMultiwatch(c)) multiwatch.push(Number(d));
  }
  return { workers, multiwatch: multiwatch.length ? Math.min(...multiwatch) : 0 };
}

/** `stack.sh status`: its output and exit status (1 when something does not run as it should). */
function status() {
  const r = stackRun('status');
  return { code: r.status, out: r.stdout };
}

async function waitFor(what, ms, check) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return;
    await sleep(50);
  }
  assert.fail(`${what} within ${ms} ms`);
}

async function pagesWork() {
  const admin = await loginAdmin();
  for (let i = 0; i < 2 * PROCS; i++) {
    assert.equal((await request('GET', '/')).status, 200);
    assert.equal((await admin.get('/staff')).status, 200);
  }
}

test('status counts the worker processes', () => {
  const s = status();
  assert.equal(s.code, 0, s.out);
  assert.match(s.out, new RegExp(`workers\\s+running: ${PROCS} of ${PROCS} processes`), s.out);
  assert.equal(processes().workers.length, PROCS);
});

test('a worker killed five times in a row is replaced every time', async () => {
  for (let round = 0; round < 5; round++) {
    const before = processes().workers;
    assert.equal(before.length, PROCS, `round ${round}: ${before.length} workers before the kill`);
    const victim = Math.max(...before); // the newest: the one just started in the last round
    process.kill(victim, 'SIGKILL');
    await waitFor(`round ${round}: no replacement for worker ${victim}`, 5000, () => {
      const now = processes().workers;
      return now.length === PROCS && !now.includes(victim);
    });
  }
  await pagesWork();
  assert.equal(status().code, 0);
});

test('workers killed until multiwatch gives up and exits: status says so, and they come back by themselves', async () => {
  const multiwatch = processes().multiwatch;
  assert.ok(multiwatch, 'no multiwatch process found');
  // Kill every worker as soon as it appears, until multiwatch has given up on all its slots.
  const deadline = Date.now() + 30000;
  let kills = 0;
  while (isMultiwatch(cmdline(multiwatch)) && Date.now() < deadline) {
    for (const pid of processes().workers) {
      try {
        process.kill(pid, 'SIGKILL');
        kills++;
      } catch { /* already gone */ }
    }
    await sleep(5);
  }
  assert.ok(!isMultiwatch(cmdline(multiwatch)), `multiwatch did not give up after ${kills} kills`);
  // The supervisor waits a second before it starts multiwatch again: status must not say "running".
  const s = status();
  assert.notEqual(s.code, 0, s.out);
  assert.match(s.out, /workers\s+DEGRADED: 0 of \d processes/, s.out);
  await waitFor('the workers did not come back', 10000, () => processes().workers.length === PROCS && processes().multiwatch);
  await pagesWork();
  const after = status();
  assert.equal(after.code, 0, after.out);
  assert.match(after.out, new RegExp(`running: ${PROCS} of ${PROCS}`));
});
