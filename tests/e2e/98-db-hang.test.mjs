// The database hangs (SIGSTOP: the process is there, the socket accepts, nothing answers).
// Pages that need no database keep answering at once; pages that need it answer 503 in
// seconds, not nginx's 504 a minute later; a form sent meanwhile is told it was not saved;
// everything works again once the database does. Runs late: it freezes MariaDB.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_URL, loginAdmin, request, snippet, repairFields, sleep } from './lib.mjs';

function dbPid() {
  const sock = process.env.AS_DB_SOCKET;
  if (!sock) throw new Error('AS_DB_SOCKET is not set');
  return Number(readFileSync(path.join(path.dirname(sock), 'mysqld.pid'), 'utf8').trim());
}

let frozen = 0;
after(() => {
  // Never leave the database frozen, whatever failed.
  if (frozen) process.kill(frozen, 'SIGCONT');
});

/** GET within a deadline: the answer, or a rejection when the deadline passes first. */
async function getWithin(urlPath, ms, cookie) {
  const started = Date.now();
  const res = await fetch(BASE_URL + urlPath, {
    headers: cookie ? { cookie } : {}, redirect: 'manual', signal: AbortSignal.timeout(ms),
  });
  const text = await res.text();
  return { status: res.status, text, ms: Date.now() - started };
}

test('a hung database: the home page answers, database pages answer 503 in seconds, a form is told it was not saved', async () => {
  const admin = await loginAdmin();
  const cookie = `sid=${admin.sid}`;
  assert.equal((await getWithin('/staff', 5000, cookie)).status, 200);
  const form = await request('GET', '/repair/new');
  const token = /name="token" value="([0-9a-f]+)"/.exec(form.text)[1];

  const log = path.join(process.env.AS_VAR || '', 'log/workers.log');
  const logBefore = readFileSync(log, 'utf8').length;
  const pid = dbPid();
  process.kill(pid, 'SIGSTOP');
  frozen = pid;

  // More database requests than one process has threads, all at once, and the home page among them.
  const dbPages = Array.from({ length: 6 }, (_, i) => getWithin(i % 2 ? '/staff' : '/admin/users', 15000, cookie));
  await sleep(200);
  const home = await getWithin('/', 2000);
  assert.equal(home.status, 200, 'the home page, which needs no database, did not answer while the database hung');
  const answers = await Promise.all(dbPages);
  for (const a of answers) {
    assert.equal(a.status, 503, `a database page answered ${a.status} after ${a.ms} ms: ${snippet(a.text)}`);
    assert.ok(a.text.includes('数据库暂时无法连接'), snippet(a.text));
  }
  // Later requests fail fast and the home page still answers.
  assert.equal((await getWithin('/', 2000)).status, 200);
  assert.equal((await getWithin('/static/style.css', 2000)).status, 200);
  const later = await getWithin('/staff', 15000, cookie);
  assert.equal(later.status, 503);
  // A burst of failures while the database hangs: a few log lines with counts, not one per request.
  const burst = await Promise.all(Array.from({ length: 200 }, () => getWithin('/staff', 15000, cookie)));
  assert.ok(burst.every((a) => a.status === 503), `statuses ${[...new Set(burst.map((a) => a.status))]}`);
  const logged = readFileSync(log, 'utf8').slice(logBefore).split('\n').filter((l) => l.includes('db:'));
  assert.ok(logged.length <= 30, `${logged.length} log lines for one outage:\n${logged.slice(0, 10).join('\n')}`);

  // A public submission during the hang: 503 that says nothing was saved.
  const post = await fetch(`${BASE_URL}/repair/new`, {
    method: 'POST', redirect: 'manual', signal: AbortSignal.timeout(15000),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, ...repairFields() }).toString(),
  });
  const postText = await post.text();
  assert.equal(post.status, 503, snippet(postText));
  assert.ok(postText.includes('没有保存'), `the 503 page does not say the submission was not saved: ${snippet(postText)}`);
  assert.ok(!postText.includes('不会丢失'), 'the 503 page still promises that nothing is lost');

  process.kill(pid, 'SIGCONT');
  frozen = 0;
  // Back within a few seconds, without restarting anything: each worker process fails fast
  // for at most a few seconds after its last timeout, then tries the database again.
  const deadline = Date.now() + 15000;
  let inARow = 0;
  while (inARow < 10 && Date.now() < deadline) {
    const r = await getWithin(inARow % 2 ? '/staff' : '/admin/users', 15000, cookie);
    inARow = r.status === 200 ? inARow + 1 : 0;
    if (r.status !== 200) await sleep(200);
  }
  assert.equal(inARow, 10, 'database pages did not all come back within 15 s of the database');
});
