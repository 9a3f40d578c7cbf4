/* Login throttling: a failure window per key ("u:name", "a:address") and a lock when it fills up. */
#include "throttle.h"

/* An office behind one address has many people: it gets more tries than a single username. */
#define ADDRESS_FACTOR 4

static const char SQL_LOCKED[] =
	"SELECT COALESCE(MAX(TIMESTAMPDIFF(SECOND, NOW(), locked_until)), 0) FROM login_throttle "
	"WHERE key_name IN (?, ?) AND locked_until > NOW()";
/* Assignments run left to right and see earlier new values: failures is reset first when the
 * window ran out, then window_start follows it. */
static const char SQL_FAILURE[] =
	"INSERT INTO login_throttle (key_name, failures, window_start, locked_until) VALUES (?, 1, NOW(), NULL) "
	"ON DUPLICATE KEY UPDATE "
	"failures = IF(window_start < NOW() - INTERVAL ? MINUTE OR locked_until <= NOW(), 1, failures + 1), "
	"window_start = IF(failures = 1, NOW(), window_start), "
	"locked_until = IF(failures >= ?, NOW() + INTERVAL ? MINUTE, NULL)";
static const char SQL_FAILURES[] = "SELECT failures FROM login_throttle WHERE key_name = ?";
static const char SQL_FORGET[] = "DELETE FROM login_throttle WHERE key_name = ?";

static const char *user_key(struct request *r, const char *username)
{
	return arena_printf(&r->arena, "u:%.64s", username);
}

static const char *addr_key(struct request *r)
{
	return arena_printf(&r->arena, "a:%.64s", r->remote_addr);
}

int throttle_locked(struct request *r, const char *username, long long *seconds)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_LOCKED, "ss", user_key(r, username), addr_key(r));
	*seconds = st == DB_OK ? db_cell_int(&res, 0, 0) : 0;
	return st;
}

int throttle_failure(struct request *r, const char *username, long long *failures)
{
	long long window = r->cfg->login_lock_minutes, lock = r->cfg->login_lock_minutes;
	long long max = r->cfg->login_max_failures;
	const char *ukey = user_key(r, username);
	int st = db_exec(r->db, &r->arena, NULL, SQL_FAILURE, "siii", ukey, window, max, lock);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_FAILURE, "siii", addr_key(r), window,
			     max * ADDRESS_FACTOR, lock);
	struct db_result res;
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_FAILURES, "s", ukey);
	*failures = st == DB_OK ? db_cell_int(&res, 0, 0) : 0;
	return st;
}

int throttle_success(struct request *r, const char *username)
{
	return db_exec(r->db, &r->arena, NULL, SQL_FORGET, "s", user_key(r, username));
}

long throttle_delay_ms(long long failures)
{
	if (failures < 2)
		return 0;
	long long steps = failures - 1 > 4 ? 4 : failures - 1;
	return (long)steps * 300;
}
