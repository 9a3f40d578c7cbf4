// Two thousand clients at once (wrk, 3 seconds, loopback): nginx must have room for them and the
// FastCGI socket's backlog must hold them while every thread is busy, so each one waits its turn
// instead of being reset or answered 502.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BASE_URL } from './lib.mjs';

function wrk(urlPath, connections) {
  return execFileSync('wrk', ['-t2', `-c${connections}`, '-d3s', '--timeout', '10s', BASE_URL + urlPath], {
    encoding: 'utf8', timeout: 60000,
  });
}

for (const urlPath of ['/static/style.css', '/', '/repair/new']) {
  test(`2000 clients at once on ${urlPath}: every request answered 200, no connection reset`, () => {
    const out = wrk(urlPath, 2000);
    const done = /(\d+) requests in/.exec(out);
    assert.ok(done && Number(done[1]) > 2000, out);
    assert.ok(!/Non-2xx or 3xx responses/.test(out), out);
    const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
    if (errors) {
      const [, connect, read, write] = errors.map(Number);
      assert.equal(connect + read + write, 0, out);
    }
  });
}
