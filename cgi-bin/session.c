/* Session storage and CSRF checks. */
#include "session.h"
#include "response.h"
#include "roles.h"
#include "valid.h"

#include <sodium.h>
#include <string.h>

#define TOKEN_BYTES 32

char *random_hex(struct arena *a, size_t n)
{
	unsigned char buf[64];
	if (n > sizeof(buf))
		n = sizeof(buf);
	randombytes_buf(buf, n);
	char *hex = arena_alloc(a, n * 2 + 1);
	sodium_bin2hex(hex, n * 2 + 1, buf, n);
	return hex;
}

static int token_hash(const char *hex, unsigned char out[32])
{
	unsigned char token[TOKEN_BYTES];
	size_t len = 0;
	if (strlen(hex) != TOKEN_BYTES * 2 ||
	    sodium_hex2bin(token, sizeof(token), hex, strlen(hex), NULL, &len, NULL) != 0 || len != TOKEN_BYTES)
		return -1;
	crypto_generichash(out, 32, token, sizeof(token), NULL, 0);
	return 0;
}

static const char SQL_SESSION_GET[] =
	"SELECT u.id, u.username, u.display_name, u.role, s.csrf, TIMESTAMPDIFF(SECOND, s.last_seen, NOW()), s.flash "
	"FROM sessions s JOIN users u ON u.id = s.user_id "
	"WHERE s.token_hash = ? AND u.active = 1 AND s.last_seen > NOW() - INTERVAL ? MINUTE "
	"AND s.created_at > NOW() - INTERVAL ? HOUR";
static const char SQL_SESSION_TOUCH[] = "UPDATE sessions SET last_seen = NOW() WHERE token_hash = ?";
static const char SQL_SESSION_INSERT[] =
	"INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen, ip, user_agent) "
	"VALUES (?, ?, ?, NOW(), NOW(), ?, ?)";
static const char SQL_SESSION_DELETE[] = "DELETE FROM sessions WHERE token_hash = ?";
static const char SQL_SESSION_FLASH[] = "UPDATE sessions SET flash = ? WHERE token_hash = ?";
static const char SQL_SESSION_CSRF[] = "UPDATE sessions SET csrf = ? WHERE token_hash = ?";
static const char SQL_SESSION_PURGE[] =
	"DELETE FROM sessions WHERE last_seen < NOW() - INTERVAL ? MINUTE OR created_at < NOW() - INTERVAL ? HOUR";

int session_load(struct request *r)
{
	const char *cookie = cookie_get(r, SESSION_COOKIE);
	unsigned char hash[32];
	if (!cookie || token_hash(cookie, hash) != 0)
		return DB_OK;
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_SESSION_GET, "bii", hash, sizeof(hash),
			 (long long)r->cfg->session_idle_minutes, (long long)r->cfg->session_absolute_hours);
	if (st != DB_OK || res.nrows == 0)
		return st;
	/* Touch at most once a minute: the idle limit is in minutes, and a write per page view is waste. */
	if (db_cell_int(&res, 0, 5) >= 60) {
		st = db_exec(r->db, &r->arena, NULL, SQL_SESSION_TOUCH, "b", hash, sizeof(hash));
		if (st != DB_OK)
			return st;
	}
	r->sess.user_id = db_cell_int(&res, 0, 0);
	r->sess.username = db_cell(&res, 0, 1);
	r->sess.display_name = db_cell(&res, 0, 2);
	r->sess.role = role_from_code(db_cell(&res, 0, 3));
	r->sess.csrf = db_cell(&res, 0, 4);
	r->sess.flash = db_cell(&res, 0, 6);
	memcpy(r->sess.token_hash, hash, sizeof(hash));
	return DB_OK;
}

/* The browser's own description, for the list of sessions: printable ASCII only (a header may
 * hold any bytes, the column takes valid UTF-8), at most the column's 255 characters. */
static const char *user_agent(struct request *r)
{
	const char *ua = r->fcgi ? FCGX_GetParam("HTTP_USER_AGENT", r->fcgi->envp) : NULL;
	if (!ua)
		return "";
	char *out = arena_strndup(&r->arena, ua, strnlen(ua, 255));
	for (char *c = out; *c; c++)
		if (*c < ' ' || *c > '~')
			*c = '?';
	return out;
}

int session_start(struct request *r, long long user_id)
{
	char *token = random_hex(&r->arena, TOKEN_BYTES);
	char *csrf = random_hex(&r->arena, 32);
	unsigned char hash[32], old[32];
	token_hash(token, hash);
	int st = db_exec(r->db, &r->arena, NULL, SQL_SESSION_PURGE, "ii",
			 (long long)r->cfg->session_idle_minutes, (long long)r->cfg->session_absolute_hours);
	/* The browser's previous token dies with the new login, whoever it belonged to: otherwise a
	 * token copied before the login would keep working beside the new one. */
	const char *cookie = cookie_get(r, SESSION_COOKIE);
	if (st == DB_OK && cookie && token_hash(cookie, old) == 0)
		st = db_exec(r->db, &r->arena, NULL, SQL_SESSION_DELETE, "b", old, sizeof(old));
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_SESSION_INSERT, "bisss", hash, sizeof(hash), user_id, csrf,
			     r->remote_addr, user_agent(r));
	if (st != DB_OK)
		return st;
	memset(&r->sess, 0, sizeof(r->sess));
	r->sess.user_id = user_id;
	r->sess.csrf = csrf;
	memcpy(r->sess.token_hash, hash, sizeof(hash));
	response_cookie(r, SESSION_COOKIE, token, (long)r->cfg->session_absolute_hours * 3600);
	return DB_OK;
}

int session_end(struct request *r)
{
	int st = db_exec(r->db, &r->arena, NULL, SQL_SESSION_DELETE, "b", r->sess.token_hash,
			 sizeof(r->sess.token_hash));
	memset(&r->sess, 0, sizeof(r->sess));
	response_cookie(r, SESSION_COOKIE, "", -1);
	return st;
}

int session_rotate_csrf(struct request *r)
{
	char *csrf = random_hex(&r->arena, 32);
	int st = db_exec(r->db, &r->arena, NULL, SQL_SESSION_CSRF, "sb", csrf, r->sess.token_hash,
			 sizeof(r->sess.token_hash));
	if (st == DB_OK)
		r->sess.csrf = csrf;
	return st;
}

int csrf_valid(const struct request *r)
{
	const char *sent = form_get(r, "csrf");
	if (!sent || !r->sess.csrf || strlen(sent) != strlen(r->sess.csrf))
		return 0;
	return sodium_memcmp(sent, r->sess.csrf, strlen(sent)) == 0;
}

int session_flash(struct request *r, const char *text)
{
	if (!r->sess.user_id)
		return DB_OK;
	const char *kept = text ? utf8_prefix(&r->arena, text, FLASH_CHARS) : NULL;
	return db_exec(r->db, &r->arena, NULL, SQL_SESSION_FLASH, "sb", kept, r->sess.token_hash,
		       sizeof(r->sess.token_hash));
}
