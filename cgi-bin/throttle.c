/* Throttling: a counting window per key and a lock when it fills up. */
#include "throttle.h"

#include <arpa/inet.h>
#include <limits.h>
#include <netinet/in.h>
#include <string.h>

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
static const char SQL_COUNT_WINDOW[] =
	"SELECT failures FROM login_throttle WHERE key_name = ? AND window_start >= NOW() - INTERVAL ? MINUTE";
static const char SQL_FORGET[] = "DELETE FROM login_throttle WHERE key_name = ?";
/* Rows whose window and lock are both over count for nothing. */
static const char SQL_PURGE[] =
	"DELETE FROM login_throttle WHERE window_start < NOW() - INTERVAL 1 DAY "
	"AND (locked_until IS NULL OR locked_until < NOW()) LIMIT 20";

const char *throttle_user_key(struct request *r, const char *username)
{
	return arena_printf(&r->arena, "u:%.64s", username);
}

const char *throttle_addr_canon(const char *addr, char out[THROTTLE_ADDR_MAX])
{
	struct in_addr a4;
	struct in6_addr a6;
	char host[INET6_ADDRSTRLEN];
	if (inet_pton(AF_INET, addr, &a4) == 1 && inet_ntop(AF_INET, &a4, out, THROTTLE_ADDR_MAX))
		return out;
	size_t len = strcspn(addr, "%");
	if (len < sizeof(host)) {
		memcpy(host, addr, len);
		host[len] = '\0';
		if (inet_pton(AF_INET6, host, &a6) == 1) {
			if (IN6_IS_ADDR_V4MAPPED(&a6) && inet_ntop(AF_INET, &a6.s6_addr[12], out, THROTTLE_ADDR_MAX))
				return out;
			memset(&a6.s6_addr[8], 0, 8);
			/* At most "ffff:ffff:ffff:ffff::" (21 characters) once the host half is zero. */
			if (inet_ntop(AF_INET6, &a6, host, sizeof(host)) && strlen(host) + 4 <= THROTTLE_ADDR_MAX) {
				memcpy(out, host, strlen(host));
				memcpy(out + strlen(host), "/64", 4);
				return out;
			}
		}
	}
	size_t i = 0;
	for (; addr[i] && i < THROTTLE_ADDR_MAX - 1; i++)
		out[i] = addr[i] > ' ' && addr[i] < 0x7f ? addr[i] : '?';
	out[i] = '\0';
	return out;
}

const char *throttle_addr_key(struct request *r, const char *prefix)
{
	char addr[THROTTLE_ADDR_MAX];
	return arena_printf(&r->arena, "%s%s", prefix, throttle_addr_canon(r->remote_addr, addr));
}

/* key_name holds 80 characters: "p:", 45 of address, a space and 32 of username, the longest a
 * username can be (a longer one names nobody, so cutting it merges only unknown names). */
const char *throttle_pair_key(struct request *r, const char *username)
{
	char addr[THROTTLE_ADDR_MAX];
	return arena_printf(&r->arena, "p:%s %.32s", throttle_addr_canon(r->remote_addr, addr), username);
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
	if (max <= 0)
		max = LLONG_MAX;
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

int throttle_count(struct request *r, const char *key, long long window_min, long long *count)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_COUNT_WINDOW, "si", key, window_min);
	*count = st == DB_OK && res.nrows ? db_cell_int(&res, 0, 0) : 0;
	return st;
}

int throttle_forget(struct request *r, const char *key)
{
	return db_exec(r->db, &r->arena, NULL, SQL_FORGET, "s", key);
}

/* The stall is paid by whoever signs in to an account under attack, the real user included, and
 * holds a worker thread: a couple of seconds slows guessing without shutting anyone out. */
#define DELAY_STEP_MS 300
#define DELAY_CAP_MS 2000

long throttle_delay_ms(long long failures)
{
	if (failures < 2)
		return 0;
	/* Compared before multiplying, so that no count overflows. */
	if (failures - 1 > DELAY_CAP_MS / DELAY_STEP_MS)
		return DELAY_CAP_MS;
	long ms = (long)(failures - 1) * DELAY_STEP_MS;
	return ms < DELAY_CAP_MS ? ms : DELAY_CAP_MS;
}
