// The two commands as people use them: `./run.sh status` names the port the stack runs on, not
// the one in the asking shell's AS_PORT; the README says how to choose the port and what each
// command installs; the test tools install without their recommended packages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BASE_URL } from './lib.mjs';

const REPO = process.env.AS_REPO || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

test('status prints the port the stack is on, whatever AS_PORT the asking shell has', () => {
  const port = new URL(BASE_URL).port;
  const other = String(Number(port) === 1 ? 2 : 1);
  const r = spawnSync(path.join(REPO, 'run.sh'), ['status'], {
    encoding: 'utf8', env: { ...process.env, AS_PORT: other }, timeout: 60000,
  });
  assert.equal(r.status, 0, `status: ${r.stdout}${r.stderr}`);
  assert.match(r.stdout, new RegExp(`nginx +running \\(pid \\d+\\) http://127\\.0\\.0\\.1:${port}/`), r.stdout);
  assert.ok(!r.stdout.includes(`:${other}/`), `status printed the shell's AS_PORT: ${r.stdout}`);
});

test('the README says how to choose the port, how to see the stack, and what the commands install', () => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const twoCommands = readme.slice(readme.indexOf('## The two commands'), readme.indexOf('## What it does'));
  assert.match(twoCommands, /AS_PORT/);
  assert.match(twoCommands, /\.\/run\.sh status/);
  assert.match(twoCommands, /Chromium/);
  assert.match(twoCommands, /without its recommended packages/);
});

test('the test tools are installed without their recommended packages', () => {
  const script = readFileSync(path.join(REPO, 'scripts/stack.sh'), 'utf8');
  const install = script.split('\n').filter((l) => /apt-get install/.test(l) && /\$\{test\[@\]\}/.test(l));
  assert.equal(install.length, 1, 'no install line for the test tools');
  assert.match(install[0], /--no-install-recommends/);
});
