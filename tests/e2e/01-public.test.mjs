// Public pages and the program's answers to malformed requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request, assertErrorPage, SITE_NAME, snippet, BASE_URL } from './lib.mjs';

test('GET / is the public home with links to both forms and tracking', async () => {
  const r = await request('GET', '/');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') || '', /^text\/html;\s*charset=utf-8/i);
  assert.ok(r.text.includes(SITE_NAME), 'home lacks the site name');
  for (const href of ['/repair/new', '/return/new', '/track']) {
    assert.ok(r.text.includes(`href="${href}"`), `home has no link to ${href}`);
  }
  assert.ok(r.text.includes('href="/login"'), 'home has no staff login link');
});

test('every page carries the security headers', async () => {
  for (const p of ['/', '/login', '/no-such-page']) {
    const r = await request('GET', p);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', `${p}: X-Content-Type-Options`);
    assert.match(r.headers.get('x-frame-options') || '', /^(DENY|SAMEORIGIN)$/i, `${p}: X-Frame-Options`);
    const csp = r.headers.get('content-security-policy') || '';
    assert.match(csp, /default-src/, `${p}: CSP missing default-src`);
    assert.match(csp, /frame-ancestors 'none'|frame-ancestors 'self'/, `${p}: CSP lacks frame-ancestors`);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, `${p}: CSP allows inline script`);
  }
});

test('HEAD / answers 200 without a body', async () => {
  const r = await request('HEAD', '/');
  assert.equal(r.status, 200);
  assert.equal(r.text, '');
});

test('an unknown path answers 404 in the site layout', async () => {
  const r = await request('GET', '/no-such-page-' + Date.now());
  assertErrorPage(r, 404);
  const r2 = await request('GET', '/admin/users/abc');
  assertErrorPage(r2, 404);
});

test('a wrong method answers 405 with an Allow header', async () => {
  const home = await request('POST', '/', { body: 'a=1' });
  assertErrorPage(home, 405);
  const allow = home.headers.get('allow') || '';
  assert.match(allow, /\bGET\b/);
  assert.doesNotMatch(allow, /\bPOST\b/);

  const put = await request('PUT', '/login', { body: 'a=1' });
  assertErrorPage(put, 405);
  const allowLogin = put.headers.get('allow') || '';
  assert.match(allowLogin, /\bGET\b/);
  assert.match(allowLogin, /\bPOST\b/);

  const del = await request('DELETE', '/staff');
  assert.equal(del.status, 405);
  assert.match(del.headers.get('allow') || '', /\bGET\b/);

  const getLogout = await request('GET', '/logout');
  assert.equal(getLogout.status, 405);
  assert.match(getLogout.headers.get('allow') || '', /\bPOST\b/);
});

test('malformed percent-encoding in a query answers 400', async () => {
  assertErrorPage(await request('GET', '/?a=%zz'), 400);
  assertErrorPage(await request('GET', '/login?a=%4'), 400);
});

test('invalid UTF-8 in a query answers 400', async () => {
  assertErrorPage(await request('GET', '/?a=%ff'), 400);
  // an overlong encoding of "/" and a lone surrogate
  assertErrorPage(await request('GET', '/?a=%c0%af'), 400);
  assertErrorPage(await request('GET', '/?a=%ed%a0%80'), 400);
});

test('malformed form bodies answer 400', async () => {
  assertErrorPage(await request('POST', '/login', { body: 'username=%zz&password=x' }), 400);
  assertErrorPage(await request('POST', '/login', { body: 'username=%ff&password=x' }), 400);
});

test('valid percent-encoded UTF-8 is accepted', async () => {
  const r = await request('GET', '/?q=' + encodeURIComponent('售后 服务'));
  assert.equal(r.status, 200, snippet(r.text));
});

test('a body over the program limit (64 KiB) answers 413 in the site layout', async () => {
  const big = 'username=admin&password=' + 'x'.repeat(70 * 1024);
  const r = await request('POST', '/login', { body: big });
  assertErrorPage(r, 413);
  // just under the limit is read and judged normally (422: bad credentials)
  const ok = await request('POST', '/login', { body: 'username=nobody&password=' + 'x'.repeat(60 * 1024) });
  assert.equal(ok.status, 422, `a 60 KiB body answered ${ok.status}: ${snippet(ok.text)}`);
});

test('a body over 1 MiB is refused by nginx with 413', async () => {
  const huge = 'a=' + 'x'.repeat(1536 * 1024);
  const r = await request('POST', '/login', { body: huge });
  assert.equal(r.status, 413);
  assert.ok(r.text.includes(SITE_NAME), 'nginx 413 page lacks the site name');
});

test('/favicon.ico is an icon, not a 404 on every page', async () => {
  const r = await fetch(`${BASE_URL}/favicon.ico`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'image/x-icon');
  const bytes = new Uint8Array(await r.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 4)], [0, 0, 1, 0], 'not an ICO file');
});
