/* Throttling: a counting window per key and a lock when it fills up. */
#include "throttle.h"

static const char SQL_LOCKED[] =
	"SELECT COALESCE(MAX(TIMESTAMPDIFF(SECOND, NOW(), locked_until)), 0) FROM login_throttle "
	"WHERE key_name IN (?, ?) AND locked_until > NOW()";
/* Assignments run left to right and see earlier new values: failures is reset first when the
 * window ran out, then window_start follows it. */
static const char SQL_HIT[] =
	"INSERT INTO login_throttle (key_name, failures, window_start, locked_until) VALUES (?, 1, NOW(), NULL) "
	"ON DUPLICATE KEY UPDATE "
	"failures = IF(window_start < NOW() - INTERVAL ? MINUTE OR locked_until <= NOW(), 1, failures + 1), "
	"window_start = IF(failures = 1, NOW(), window_start), "
	"locked_until = IF(failures >= ?, NOW() + INTERVAL ? MINUTE, NULL)";
static const char SQL_COUNT[] = "SELECT failures FROM login_throttle WHERE key_name = ?";
static const char SQL_FORGET[] = "DELETE FROM login_throttle WHERE key_name = ?";
/* Rows whose window and lock are both over count for nothing. */
static const char SQL_PURGE[] =
	"DELETE FROM login_throttle WHERE window_start < NOW() - INTERVAL 1 DAY "
	"AND (locked_until IS NULL OR locked_until < NOW()) LIMIT 20";

const char *throttle_user_key(struct request *r, const char *username)
{
	return arena_printf(&r->arena, "u:%.64s", username);
}

const char *throttle_addr_key(struct request *r, const char *prefix)
{
	return arena_printf(&r->arena, "%s%.64s", prefix, r->remote_addr);
}

int throttle_locked(struct request *r, const char *key_a, const char *key_b, long long *seconds)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_LOCKED, "ss", key_a, key_b ? key_b : key_a);
	*seconds = st == DB_OK ? db_cell_int(&res, 0, 0) : 0;
	return st;
}

int throttle_hit(struct request *r, const char *key, long long max, long long window_min, long long lock_min,
		 long long *count)
{
	int st = db_exec(r->db, &r->arena, NULL, SQL_HIT, "siii", key, window_min, max, lock_min);
	struct db_result res;
	if (st == DB_OK && count)
		st = db_exec(r->db, &r->arena, &res, SQL_COUNT, "s", key);
	if (count)
		*count = st == DB_OK ? db_cell_int(&res, 0, 0) : 0;
	return st;
}

int throttle_purge(struct request *r)
{
	return db_exec(r->db, &r->arena, NULL, SQL_PURGE, "");
}

int throttle_forget(struct request *r, const char *key)
{
	return db_exec(r->db, &r->arena, NULL, SQL_FORGET, "s", key);
}

long throttle_delay_ms(long long failures)
{
	if (failures < 2)
		return 0;
	long long steps = failures - 1 > 4 ? 4 : failures - 1;
	return (long)steps * 300;
}
