// Shared helpers for the end-to-end tests: HTTP clients with a tiny cookie jar,
// login, CSRF extraction, account creation through the admin pages, and a
// direct SQL helper for the few things no page can do (moving session times,
// clearing login throttles).
//
// Environment (set by scripts/stack.sh test):
//   BASE_URL           the stack's nginx, default http://127.0.0.1:18080
//   AS_ADMIN_PASSWORD  the first admin's password (else read from $AS_VAR/admin-password)
//   AS_VAR             the stack's data folder
//   AS_DB_SOCKET       MariaDB's unix socket (for sql())
//   AS_DB_NAME         database name, default aftersales
//   AS_STACK           path of scripts/stack.sh (db-stop / db-start)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:18080').replace(/\/+$/, '');
export const SITE_NAME = '售后服务中心';

/** The first admin's password: from the environment, else the file the stack saved. */
export function adminPassword() {
  if (process.env.AS_ADMIN_PASSWORD) return process.env.AS_ADMIN_PASSWORD;
  if (process.env.AS_VAR) {
    try {
      return readFileSync(path.join(process.env.AS_VAR, 'admin-password'), 'utf8').split('\n')[0];
    } catch {
      /* fall through */
    }
  }
  throw new Error('AS_ADMIN_PASSWORD is not set and $AS_VAR/admin-password is not readable');
}

/** A short suffix unique to this run, for usernames (lowercase letters and digits). */
export const RUN_ID = Date.now().toString(36) + Math.floor(Math.random() * 1296).toString(36).padStart(2, '0');
let seq = 0;
/** A fresh valid username: starts with a lowercase letter, at most 32 characters. */
export function uniqueName(prefix) {
  seq += 1;
  return `${prefix}_${RUN_ID}${seq}`.slice(0, 32);
}

// ------------------------------------------------------------ cookie jar --
export class CookieJar {
  constructor() {
    this.cookies = new Map();
  }
  /** Take the Set-Cookie headers of a response into the jar. */
  update(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const maxAge = attrs.map((a) => a.trim()).find((a) => /^max-age=/i.test(a));
      const expired = maxAge && Number(maxAge.split('=')[1]) <= 0;
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name) {
    return this.cookies.get(name);
  }
  set(name, value) {
    this.cookies.set(name, value);
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** urlencode an object (values may be arrays) or pass a string through. */
export function encodeForm(fields) {
  if (typeof fields === 'string') return fields;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields || {})) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, String(x)));
    else p.append(k, String(v));
  }
  return p.toString();
}

/** The hidden csrf value in a page, or null. */
export function extractCsrf(html) {
  const m = /<input[^>]*name="csrf"[^>]*value="([^"]*)"/.exec(html) || /<input[^>]*value="([^"]*)"[^>]*name="csrf"/.exec(html);
  return m ? m[1] : null;
}

/**
 * One HTTP exchange: never follows redirects, always reads the body.
 * Returns { status, headers, text, location, res, ms }.
 */
export async function request(method, urlPath, { body, headers = {}, jar } = {}) {
  const h = { ...headers };
  if (jar && jar.header() && !('cookie' in lower(h))) h.cookie = jar.header();
  if (body !== undefined && !('content-type' in lower(h))) h['content-type'] = 'application/x-www-form-urlencoded';
  const started = Date.now();
  const res = await fetch(BASE_URL + urlPath, { method, headers: h, body, redirect: 'manual' });
  const text = await res.text();
  if (jar) jar.update(res);
  return { status: res.status, headers: res.headers, text, location: res.headers.get('location'), res, ms: Date.now() - started };
}

function lower(h) {
  return Object.fromEntries(Object.keys(h).map((k) => [k.toLowerCase(), true]));
}

/** A browser-like client: a cookie jar plus get/post helpers. */
export class Client {
  constructor() {
    this.jar = new CookieJar();
    this.csrfToken = null;
  }
  get sid() {
    return this.jar.get('sid');
  }
  async get(urlPath, headers = {}) {
    const r = await request('GET', urlPath, { jar: this.jar, headers });
    const t = extractCsrf(r.text);
    if (t) this.csrfToken = t;
    return r;
  }
  /** POST urlencoded fields exactly as given (no csrf added). */
  async post(urlPath, fields = {}, headers = {}) {
    const r = await request('POST', urlPath, { jar: this.jar, headers, body: encodeForm(fields) });
    const t = extractCsrf(r.text);
    if (t) this.csrfToken = t;
    return r;
  }
  /** The session's csrf value, read from the staff home page (the logout form in the header). */
  async csrf() {
    const r = await this.get('/staff');
    assert.equal(r.status, 200, `GET /staff for a csrf token answered ${r.status}`);
    const t = extractCsrf(r.text);
    assert.ok(t, 'no hidden csrf field on /staff');
    return t;
  }
  /** POST with the session's csrf field added, as a real form would. */
  async postForm(urlPath, fields = {}) {
    const token = this.csrfToken || (await this.csrf());
    return this.post(urlPath, { csrf: token, ...fields });
  }
}

/** POST /login and return { res, client } whatever the answer. */
export async function tryLogin(username, password, headers = {}) {
  const client = new Client();
  const res = await client.post('/login', { username, password }, headers);
  return { res, client };
}

/** Log in; fails the test unless the answer is 303 to /staff with a sid cookie. */
export async function login(username, password) {
  const { res, client } = await tryLogin(username, password);
  assert.equal(res.status, 303, `login as ${username} answered ${res.status}: ${snippet(res.text)}`);
  assert.equal(res.location, '/staff');
  assert.ok(client.sid, 'login set no sid cookie');
  return client;
}

export async function loginAdmin() {
  return login('admin', adminPassword());
}

/**
 * Create a staff account through the admin pages; returns { id, username, password, display_name, role }.
 */
export async function createUser(admin, { username, display_name, role = 'agent', password } = {}) {
  const u = {
    username: username || uniqueName(role.slice(0, 4)),
    display_name: display_name || `测试${role}${seq}`,
    role,
    password: password || `Pw-${RUN_ID}-${Math.random().toString(36).slice(2, 10)}`,
  };
  const res = await admin.postForm('/admin/users/new', u);
  assert.equal(res.status, 303, `creating ${u.username} answered ${res.status}: ${snippet(res.text)}`);
  const m = /^\/admin\/users\/(\d+)$/.exec(res.location || '');
  assert.ok(m, `unexpected Location after create: ${res.location}`);
  return { ...u, id: Number(m[1]) };
}

/** A short piece of a page for assertion messages: the error/alert text if any. */
export function snippet(html, n = 300) {
  const text = String(html || '')
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.slice(0, n);
}

/** Assert a page is an error page in the site layout with this status. */
export function assertErrorPage(r, status) {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${snippet(r.text)}`);
  assert.match(r.headers.get('content-type') || '', /text\/html/);
  assert.ok(r.text.includes(SITE_NAME), `error page ${status} lacks the site name`);
  assert.ok(r.text.includes(`错误代码 ${status}`), `error page lacks "错误代码 ${status}": ${snippet(r.text)}`);
}

/** The rows of <tbody> of the first table on a page, as arrays of cell texts. */
export function tableRows(html) {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html);
  if (!body) return [];
  return [...body[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((td) => td[1].replace(/<[^>]+>/g, '').trim()),
  );
}

// ----------------------------------------------------------- database --
function dbUser() {
  if (process.env.AS_DB_SUPER) return process.env.AS_DB_SUPER;
  return process.getuid && process.getuid() === 0 ? 'root' : userInfo().username;
}

/**
 * Run SQL as the database superuser over the stack's socket; returns the rows
 * as arrays of strings. For set-up and inspection only where no page can do it.
 */
export function sql(query) {
  const sock = process.env.AS_DB_SOCKET;
  if (!sock) throw new Error('AS_DB_SOCKET is not set');
  const out = execFileSync(
    'mariadb',
    ['--no-defaults', '--default-character-set=utf8mb4', '-S', sock, `-u${dbUser()}`,
      process.env.AS_DB_NAME || 'aftersales', '-N', '-B', '-e', query],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

/** A value safe to put in SQL text: only [A-Za-z0-9_.:-]. */
export function sqlSafe(v) {
  const s = String(v);
  if (!/^[A-Za-z0-9_.:-]+$/.test(s)) throw new Error(`refusing to put ${JSON.stringify(s)} into SQL`);
  return s;
}

/** Run scripts/stack.sh COMMAND for this stack (db-stop, db-start). */
export function stack(command) {
  const script = process.env.AS_STACK || (process.env.AS_REPO && path.join(process.env.AS_REPO, 'scripts/stack.sh'));
  if (!script) throw new Error('AS_STACK is not set');
  if (!process.env.AS_VAR) throw new Error('AS_VAR is not set');
  return execFileSync(script, [command], {
    encoding: 'utf8',
    env: { ...process.env, AS_VAR: process.env.AS_VAR },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120000,
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
