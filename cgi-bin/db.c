/* MariaDB Connector/C wrapper: lazy connect, per-connection statement cache, results as strings. */
#include "db.h"
#include "clock.h"
#include "log.h"

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STMTS 256
#define MAX_PARAMS 32

struct cached_stmt {
	const char *sql;
	MYSQL_STMT *st;
};

struct db {
	const struct config *cfg;
	MYSQL *m;
	int in_tx;
	unsigned long commits;
	long long call_started;  /* clock_ms() when the current db_exec, db_begin or db_commit began */
	size_t nstmts;
	struct cached_stmt stmts[MAX_STMTS];
};

struct db *db_new(const struct config *cfg)
{
	struct db *db = calloc(1, sizeof(*db));
	if (!db)
		abort();
	db->cfg = cfg;
	return db;
}

void db_disconnect(struct db *db)
{
	for (size_t i = 0; i < db->nstmts; i++)
		mysql_stmt_close(db->stmts[i].st);
	db->nstmts = 0;
	if (db->m)
		mysql_close(db->m);
	db->m = NULL;
	db->in_tx = 0;
}

void db_free(struct db *db)
{
	if (!db)
		return;
	db_disconnect(db);
	free(db);
}

/* When a call waited out its timeout, the server is hung or unreachable, not merely down (a
 * stopped server refuses at once). Then, until breaker_until (monotonic ms), every thread of the
 * process fails fast instead of tying itself up for another timeout, so pages that need no
 * database keep free threads. When the time is up one thread, the probe, tries the server
 * while the others go on failing fast; the first call that succeeds closes the breaker.
 * 0: closed. Shared by the process's threads. */
static long long breaker_until;

static int breaker_open(const struct db *db)
{
	long long until = __atomic_load_n(&breaker_until, __ATOMIC_ACQUIRE);
	if (!until)
		return 0;
	long long now = clock_ms();
	if (now < until)
		return 1;
	/* Time is up: whoever moves the time on first is the probe, and may wait a whole timeout. */
	long long probe_until = now + (long long)db->cfg->db_timeout * 1000 + 1000;
	return !__atomic_compare_exchange_n(&breaker_until, &until, probe_until, 0, __ATOMIC_ACQ_REL,
					    __ATOMIC_ACQUIRE);
}

static void breaker_close(void)
{
	if (__atomic_load_n(&breaker_until, __ATOMIC_RELAXED))
		__atomic_store_n(&breaker_until, 0, __ATOMIC_RELEASE);
}

/* Called when the current call failed for want of a connection. One that took most of a
 * timeout opens the breaker for a few seconds; a quick failure while it is open (the probe was
 * refused: the server is coming back) lets the next probe try a second later. */
static void breaker_note(const struct db *db)
{
	long long now = clock_ms(), waited = now - db->call_started;
	if (waited * 2 >= (long long)db->cfg->db_timeout * 1000 || waited >= 2500) {
		__atomic_store_n(&breaker_until, now + 3000, __ATOMIC_RELEASE);
		log_limited("db-breaker", "db: no answer for %lld ms: failing fast for 3 s", waited);
	} else if (__atomic_load_n(&breaker_until, __ATOMIC_ACQUIRE)) {
		__atomic_store_n(&breaker_until, now + 1000, __ATOMIC_RELEASE);
	}
}

static int connect_now(struct db *db)
{
	const struct config *c = db->cfg;
	char init[160];
	/* The offset was validated by config_load, so this text carries no outside input. A lock wait
	 * or a statement may not outlast the client's read timeout, or the server would go on working
	 * for a request that has already been answered 503. */
	unsigned timeout = (unsigned)c->db_timeout;
	unsigned server_limit = timeout > 1 ? timeout - 1 : 1;
	snprintf(init, sizeof(init), "SET time_zone = '%s', innodb_lock_wait_timeout = %u, max_statement_time = %u",
		 c->timezone, server_limit, server_limit);
	MYSQL *m = mysql_init(NULL);
	if (!m)
		return DB_LOST;
	unsigned connect_timeout = timeout < 3 ? timeout : 3;
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(m, MYSQL_INIT_COMMAND, init);
	mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &connect_timeout);
	mysql_options(m, MYSQL_OPT_READ_TIMEOUT, &timeout);
	mysql_options(m, MYSQL_OPT_WRITE_TIMEOUT, &timeout);
	if (!mysql_real_connect(m, c->db_host[0] ? c->db_host : NULL, c->db_user, c->db_password,
				c->db_name, (unsigned)c->db_port, c->db_socket[0] ? c->db_socket : NULL, 0)) {
		breaker_note(db);
		log_limited("db-connect", "db: connect failed: %s", mysql_error(m));
		mysql_close(m);
		return DB_LOST;
	}
	breaker_close();
	db->m = m;
	return DB_OK;
}

static int classify(struct db *db, unsigned err, const char *msg)
{
	switch (err) {
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case ER_SERVER_SHUTDOWN:
	case ER_CONNECTION_KILLED:
		breaker_note(db);
		db_disconnect(db);
		return DB_LOST;
	case ER_DUP_ENTRY:
		return DB_DUP;
	case ER_LOCK_DEADLOCK:
	case ER_LOCK_WAIT_TIMEOUT:
		return DB_CONFLICT;
	case ER_STATEMENT_TIMEOUT:
		/* The server gave up on a statement that took too long: busy, not broken, so the
		 * breaker stays closed and other requests go on using the database. */
		log_limited("db-slow", "db: statement timed out: %s", msg);
		db_disconnect(db);
		return DB_LOST;
	default:
		log_limited("db-error", "db: error %u: %s", err, msg);
		return DB_ERR;
	}
}

static MYSQL_STMT *prepared(struct db *db, const char *sql, int *status)
{
	for (size_t i = 0; i < db->nstmts; i++)
		if (db->stmts[i].sql == sql)
			return db->stmts[i].st;
	MYSQL_STMT *st = mysql_stmt_init(db->m);
	if (!st) {
		*status = DB_ERR;
		return NULL;
	}
	if (mysql_stmt_prepare(st, sql, strlen(sql))) {
		*status = classify(db, mysql_stmt_errno(st), mysql_stmt_error(st));
		mysql_stmt_close(st);
		return NULL;
	}
	my_bool update_max = 1;
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &update_max);
	if (db->nstmts == MAX_STMTS) {
		/* More distinct statements than expected: keep working, just without caching this one. */
		log_limited("db-cache", "db: statement cache full");
		*status = DB_ERR;
		mysql_stmt_close(st);
		return NULL;
	}
	db->stmts[db->nstmts].sql = sql;
	db->stmts[db->nstmts].st = st;
	db->nstmts++;
	return st;
}

static int fetch_all(struct db *db, MYSQL_STMT *st, MYSQL_RES *meta, struct arena *a, struct db_result *res)
{
	if (mysql_stmt_store_result(st))
		return classify(db, mysql_stmt_errno(st), mysql_stmt_error(st));
	size_t ncols = mysql_num_fields(meta);
	size_t nrows = (size_t)mysql_stmt_num_rows(st);
	MYSQL_FIELD *fields = mysql_fetch_fields(meta);
	MYSQL_BIND *out = arena_alloc(a, ncols * sizeof(*out));
	unsigned long *lens = arena_alloc(a, ncols * sizeof(*lens));
	my_bool *nulls = arena_alloc(a, ncols * sizeof(*nulls));
	for (size_t c = 0; c < ncols; c++) {
		/* Numbers and dates are converted to text by the client; 64 covers their widest form. */
		size_t cap = fields[c].max_length + 1 > 64 ? fields[c].max_length + 1 : 64;
		out[c].buffer_type = MYSQL_TYPE_STRING;
		out[c].buffer = arena_alloc(a, cap);
		out[c].buffer_length = cap;
		out[c].length = &lens[c];
		out[c].is_null = &nulls[c];
	}
	if (mysql_stmt_bind_result(st, out))
		return classify(db, mysql_stmt_errno(st), mysql_stmt_error(st));
	res->ncols = ncols;
	res->nrows = nrows;
	res->cells = arena_alloc(a, (nrows * ncols + 1) * sizeof(char *));
	for (size_t r = 0; r < nrows; r++) {
		int f = mysql_stmt_fetch(st);
		if (f == 1 || f == MYSQL_NO_DATA) {
			res->nrows = r;
			break;
		}
		for (size_t c = 0; c < ncols; c++)
			res->cells[r * ncols + c] = nulls[c] ? NULL : arena_strndup(a, out[c].buffer, lens[c]);
	}
	return DB_OK;
}

/* Starts a call: fails fast while the breaker is open, connects when there is no connection. */
static int ready(struct db *db)
{
	db->call_started = clock_ms();
	if (breaker_open(db)) {
		db_disconnect(db);
		return DB_LOST;
	}
	if (!db->m && connect_now(db) != DB_OK)
		return DB_LOST;
	return DB_OK;
}

int db_exec(struct db *db, struct arena *a, struct db_result *res, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	int st = db_vexec(db, a, res, sql, types, ap);
	va_end(ap);
	return st;
}

int db_vexec(struct db *db, struct arena *a, struct db_result *res, const char *sql, const char *types, va_list ap)
{
	struct db_result scratch;
	if (!res)
		res = &scratch;
	memset(res, 0, sizeof(*res));
	if (ready(db) != DB_OK)
		return DB_LOST;

	int status = DB_OK;
	MYSQL_STMT *st = prepared(db, sql, &status);
	if (!st)
		return status;

	size_t n = strlen(types);
	if (n > MAX_PARAMS || n != mysql_stmt_param_count(st)) {
		log_limited("db-params", "db: parameter count mismatch for: %s", sql);
		return DB_ERR;
	}
	MYSQL_BIND in[MAX_PARAMS];
	long long ints[MAX_PARAMS];
	unsigned long lens[MAX_PARAMS];
	memset(in, 0, sizeof(in));
	for (size_t i = 0; i < n; i++) {
		switch (types[i]) {
		case 'i':
			ints[i] = va_arg(ap, long long);
			in[i].buffer_type = MYSQL_TYPE_LONGLONG;
			in[i].buffer = &ints[i];
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s) {
				in[i].buffer_type = MYSQL_TYPE_NULL;
				break;
			}
			lens[i] = strlen(s);
			in[i].buffer_type = MYSQL_TYPE_STRING;
			in[i].buffer = (void *)s;
			in[i].buffer_length = lens[i];
			in[i].length = &lens[i];
			break;
		}
		case 'b': {
			const void *p = va_arg(ap, const void *);
			lens[i] = (unsigned long)va_arg(ap, size_t);
			in[i].buffer_type = MYSQL_TYPE_BLOB;
			in[i].buffer = (void *)p;
			in[i].buffer_length = lens[i];
			in[i].length = &lens[i];
			break;
		}
		default:
			log_limited("db-params", "db: bad parameter type '%c'", types[i]);
			return DB_ERR;
		}
	}

	if (n && mysql_stmt_bind_param(st, in))
		return classify(db, mysql_stmt_errno(st), mysql_stmt_error(st));
	if (mysql_stmt_execute(st))
		return classify(db, mysql_stmt_errno(st), mysql_stmt_error(st));

	MYSQL_RES *meta = mysql_stmt_result_metadata(st);
	if (meta) {
		status = fetch_all(db, st, meta, a, res);
		mysql_free_result(meta);
		if (db->m)
			mysql_stmt_free_result(st);
	} else {
		res->affected = mysql_stmt_affected_rows(st);
		res->insert_id = mysql_stmt_insert_id(st);
	}
	if (status == DB_OK)
		breaker_close();
	return status;
}

int db_begin(struct db *db)
{
	if (ready(db) != DB_OK)
		return DB_LOST;
	if (mysql_autocommit(db->m, 0))
		return classify(db, mysql_errno(db->m), mysql_error(db->m));
	breaker_close();
	db->in_tx = 1;
	return DB_OK;
}

int db_commit(struct db *db)
{
	if (!db->m)
		return DB_LOST;
	db->call_started = clock_ms();
	if (mysql_commit(db->m)) {
		int st = classify(db, mysql_errno(db->m), mysql_error(db->m));
		db_rollback(db);
		return st;
	}
	mysql_autocommit(db->m, 1);
	db->in_tx = 0;
	db->commits++;
	return DB_OK;
}

unsigned long db_commits(const struct db *db)
{
	return db->commits;
}

void db_rollback(struct db *db)
{
	if (db->m && db->in_tx) {
		mysql_rollback(db->m);
		mysql_autocommit(db->m, 1);
	}
	db->in_tx = 0;
}

const char *db_cell(const struct db_result *r, size_t row, size_t col)
{
	if (row >= r->nrows || col >= r->ncols)
		return NULL;
	return r->cells[row * r->ncols + col];
}

long long db_cell_int(const struct db_result *r, size_t row, size_t col)
{
	const char *s = db_cell(r, row, col);
	if (!s)
		return 0;
	char *end;
	long long v = strtoll(s, &end, 10);
	return (end == s) ? 0 : v;
}

void db_row_unpack(const struct db_result *r, size_t row, long long *const *ints, size_t ni,
		   const char **const *strs, size_t ns)
{
	for (size_t i = 0; i < ni; i++)
		*ints[i] = db_cell_int(r, row, i);
	for (size_t i = 0; i < ns; i++)
		*strs[i] = db_cell(r, row, ni + i);
}

const char *db_id_or_null(struct arena *a, long long id)
{
	return id ? arena_printf(a, "%lld", id) : NULL;
}
