// The database goes away and comes back (runs last: it stops MariaDB).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { loginAdmin, request, stack, assertErrorPage, snippet } from './lib.mjs';

let stopped = false;

after(() => {
  // Never leave the database down, whatever failed.
  if (stopped) stack('db-start');
});

test('database down: DB pages answer 503, the home page still works; back up: everything works', async () => {
  const admin = await loginAdmin();
  assert.equal((await admin.get('/staff')).status, 200);
  assert.equal((await admin.get('/staff/reports/repairs')).status, 200, 'the repair report is not kept before the stop');

  stack('db-stop');
  stopped = true;

  const down = await admin.get('/staff');
  assertErrorPage(down, 503);
  assert.ok(down.text.includes('数据库暂时无法连接'), snippet(down.text));
  // several requests, so that more than one worker thread meets the dead database
  for (let i = 0; i < 6; i++) {
    const r = await admin.get('/admin/users');
    assert.equal(r.status, 503, `request ${i} with the database down answered ${r.status}`);
  }
  // the reports too, a kept result included: never a 500 nor a wait
  for (const path of ['/staff/reports/daily', '/staff/reports/kpi', '/staff/reports/repairs']) {
    assertErrorPage(await admin.get(path), 503);
  }
  const loginDown = await request('POST', '/login', { body: 'username=admin&password=whatever-password' });
  assertErrorPage(loginDown, 503);
  const home = await request('GET', '/');
  assert.equal(home.status, 200, 'the public home needs no database but failed');

  stack('db-start');
  stopped = false;

  const first = await admin.get('/staff');
  assert.equal(first.status, 200, `first request after the restart answered ${first.status}: ${snippet(first.text)}`);
  // every worker thread has a stale connection: all of them must reconnect
  for (let i = 0; i < 24; i++) {
    const r = await admin.get(i % 2 ? '/staff' : '/admin/users');
    assert.equal(r.status, 200, `request ${i} after the restart answered ${r.status}: ${snippet(r.text)}`);
  }
  for (const path of ['/staff/reports/daily', '/staff/reports/kpi', '/staff/reports/repairs']) {
    const r = await admin.get(path);
    assert.equal(r.status, 200, `${path} after the restart answered ${r.status}: ${snippet(r.text)}`);
  }
  // and in parallel
  const many = await Promise.all(Array.from({ length: 16 }, () => admin.get('/staff')));
  assert.deepEqual(many.map((r) => r.status), many.map(() => 200));

  // a fresh login works, and so does a write
  const fresh = await loginAdmin();
  const token = await fresh.csrf();
  const out = await fresh.post('/logout', { csrf: token });
  assert.equal(out.status, 303);
  assert.equal(out.location, '/login');
});
