/* Staff sign-in and sign-out. */
#include "audit.h"
#include "login_return.h"
#include "roles.h"
#include "pages.h"
#include "password.h"
#include "response.h"
#include "session.h"
#include "throttle.h"

#include <string.h>
#include <time.h>

static const char SQL_USER_BY_NAME[] = "SELECT id, password_hash, active, role FROM users WHERE username = ?";
static const char SQL_USER_SET_HASH[] = "UPDATE users SET password_hash = ? WHERE id = ?";

static tmpl_dict *login_page(struct request *r, int status, const char *username, const char *message)
{
	tmpl_dict *d = page_begin(r, status, "login.tpl", "员工登录");
	tmpl_set(d, "username", username);
	tmpl_set(d, "MESSAGE", message);
	const char *next = login_return_valid(r->method == M_POST ? form_get(r, "next") : query_get(r, "next"));
	if (next)
		tmpl_set(tmpl_section(d, "NEXT"), "next", next);
	return d;
}

/* A browser always sends Origin on a cross-site POST: refusing foreign ones stops login CSRF
 * (signing a victim into the attacker's account) without a token the public contract lacks.
 * The host names are compared, not the ports: Debian's fastcgi_params passes HTTP_HOST as
 * nginx's $host, which has no port, and behind a TLS proxy nginx's own port is not the browser's. */
static int same_origin(struct request *r)
{
	const char *origin = FCGX_GetParam("HTTP_ORIGIN", r->fcgi->envp);
	if (!origin)
		return 1;
	const char *after = url_after_own_host(r, origin);
	return after && !*after;
}

/* Where sign-in leads: the page the person came from (?next= or the form's next), else the role's
 * start page (landing). */
static const char *after_login(const char *next, const char *landing)
{
	const char *v = login_return_valid(next);
	return v ? v : landing;
}

static void stall(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

/* GET /login (next). Answers 200, or 303 to next (or the role's start page) when already signed in. */
int page_login_form(struct request *r)
{
	if (r->sess.user_id)
		return page_redirect(r, after_login(query_get(r, "next"), role_landing(r->sess.role)));
	login_page(r, 200, "", "");
	return 0;
}

static int login_refused(struct request *r, const char *username, long long seconds)
{
	long long minutes = (seconds + 59) / 60;
	login_page(r, 429, username,
		   arena_printf(&r->arena, "登录失败次数过多，已暂时锁定。请 %lld 分钟后再试，或联系管理员。",
				minutes < 1 ? 1 : minutes));
	return 0;
}

/* An office behind one address has many people: it gets more tries than a single username. */
#define ADDRESS_FACTOR 4

/* Counts a failure against the address, the username at that address and the username anywhere.
 * Only the first two lock: a lock on the username anywhere would let anyone keep its owner out,
 * so across addresses the account is only slowed down (see page_login). */
static int login_failed(struct request *r, const char *username, const char *why)
{
	long long locked = 0;
	long long max = r->cfg->login_max_failures, lock = r->cfg->login_lock_minutes;
	const char *pkey = throttle_pair_key(r, username), *akey = throttle_addr_key(r, "a:");
	int st = db_begin(r->db);
	if (st == DB_OK)
		st = throttle_hit(r, akey, max * ADDRESS_FACTOR, lock, lock, NULL);
	if (st == DB_OK)
		st = throttle_hit(r, pkey, max, lock, lock, NULL);
	if (st == DB_OK)
		st = throttle_hit(r, throttle_user_key(r, username), 0, lock, 0, NULL);
	if (st == DB_OK)
		st = audit_record_as(r, username, "login_failed", username, why);
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st == DB_OK)
		st = throttle_purge(r);
	if (st == DB_OK)
		st = throttle_locked(r, pkey, akey, &locked);
	if (st != DB_OK)
		return st;
	if (locked > 0)
		return login_refused(r, username, locked);
	login_page(r, 422, username, "用户名或密码不正确。");
	return 0;
}

/* POST /login (username, password, next). Answers 303 to next (a path of this site) or /staff, 422 on wrong credentials, 429 while
 * this address, or this username at this address, is locked by throttling, 403 for a cross-site
 * form. A login ends the session the browser had before (session_start). */
int page_login(struct request *r)
{
	const char *username = form_get(r, "username");
	const char *password = form_get(r, "password");
	if (!username)
		username = "";
	if (!same_origin(r))
		return page_error(r, 403, "登录请求来源无效，请从本站登录页面登录。");
	if (!*username || !password || !*password || strlen(username) > 64 || strlen(password) > PASSWORD_MAX) {
		login_page(r, 422, strlen(username) > 64 ? "" : username, "请输入用户名和密码。");
		return 0;
	}
	long long locked = 0, failures = 0;
	const char *pkey = throttle_pair_key(r, username), *ukey = throttle_user_key(r, username);
	int st = throttle_locked(r, pkey, throttle_addr_key(r, "a:"), &locked);
	if (st == DB_OK)
		st = throttle_count(r, ukey, r->cfg->login_lock_minutes, &failures);
	if (st != DB_OK)
		return st;
	if (locked > 0)
		return login_refused(r, username, locked);
	/* Stalled before the password is checked, right or wrong: an attacker who stops waiting early
	 * learns nothing, and the real user is slowed down, never shut out. */
	stall(throttle_delay_ms(failures + 1));

	struct db_result res;
	st = db_exec(r->db, &r->arena, &res, SQL_USER_BY_NAME, "s", username);
	if (st != DB_OK)
		return st;
	const char *hash = res.nrows ? db_cell(&res, 0, 1) : NULL;
	int ok = password_verify(hash, password);
	if (!ok || db_cell_int(&res, 0, 2) != 1)
		return login_failed(r, username, !res.nrows ? "unknown user" : !ok ? "wrong password" : "inactive");

	long long user_id = db_cell_int(&res, 0, 0);
	const char *landing = role_landing(role_from_code(db_cell(&res, 0, 3)));
	st = db_begin(r->db);
	if (st == DB_OK && password_needs_rehash(hash)) {
		char fresh[crypto_pwhash_STRBYTES];
		if (password_hash(password, fresh) == 0)
			st = db_exec(r->db, &r->arena, NULL, SQL_USER_SET_HASH, "si", fresh, user_id);
	}
	if (st == DB_OK)
		st = session_start(r, user_id);
	if (st == DB_OK)
		st = throttle_forget(r, pkey);
	if (st == DB_OK)
		st = throttle_forget(r, ukey);
	r->sess.username = username;
	if (st == DB_OK)
		st = audit_record(r, "login", username, "");
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, after_login(form_get(r, "next"), landing));
}

/* POST /logout. Answers 303 to /login. */
int page_logout(struct request *r)
{
	int st = db_begin(r->db);
	if (st == DB_OK)
		st = audit_record(r, "logout", r->sess.username, "");
	if (st == DB_OK)
		st = session_end(r);
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, "/login");
}
