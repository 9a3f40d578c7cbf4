/* Database access: one connection per worker thread, prepared statements only, reconnect after loss. */
#ifndef AFTERSALES_DB_H
#define AFTERSALES_DB_H
#include <stdarg.h>
#include <stddef.h>
#include "arena.h"
#include "config.h"

struct db;

enum db_status {
	DB_OK = 0,
	DB_LOST = -1,      /* no connection (server down or restarted): the request may be retried once */
	DB_DUP = -2,       /* a unique key was violated */
	DB_CONFLICT = -3,  /* deadlock or lock wait timeout: the transaction was rolled back */
	DB_ERR = -4,       /* anything else; logged to stderr */
	DB_STALE = -5,     /* a version check found the record changed by someone else: never retried */
};

/* A result set as strings (NULL for SQL NULL), in the arena given to db_exec. */
struct db_result {
	size_t nrows, ncols;
	char **cells;                 /* row-major */
	unsigned long long affected;  /* rows changed, for statements without a result set */
	unsigned long long insert_id;
};

/* Makes a handle for this thread; it connects lazily. Owned by the thread, freed with db_free. */
struct db *db_new(const struct config *cfg);
void db_free(struct db *db);

/* Runs sql as a prepared statement (cached per connection, keyed by the sql pointer) with
 * parameters described by types: 'i' long long, 's' const char * (NULL binds SQL NULL),
 * 'b' const void * then size_t (binary). res may be NULL. Returns a db_status. */
int db_exec(struct db *db, struct arena *a, struct db_result *res, const char *sql, const char *types, ...);
/* db_exec with the parameters as a va_list, for functions that pass theirs on. */
int db_vexec(struct db *db, struct arena *a, struct db_result *res, const char *sql, const char *types, va_list ap);

int db_begin(struct db *db);
int db_commit(struct db *db);
/* Rolls back any open transaction; safe to call when none is open or the connection is gone. */
void db_rollback(struct db *db);
/* How many transactions this handle has committed: a request whose handler committed nothing
 * may be run again after a deadlock or a lost connection. */
unsigned long db_commits(const struct db *db);
/* Drops the connection so the next call reconnects (after DB_LOST). */
void db_disconnect(struct db *db);

const char *db_cell(const struct db_result *r, size_t row, size_t col);
/* The cell as a number; 0 for NULL or non-numeric text. */
long long db_cell_int(const struct db_result *r, size_t row, size_t col);
/* id as a statement parameter ('s'): its digits, or NULL for 0, as an optional reference is stored. */
const char *db_id_or_null(struct arena *a, long long id);
/* Copies row's first ni columns as numbers into *ints[i], the next ns as text into *strs[i]. */
void db_row_unpack(const struct db_result *r, size_t row, long long *const *ints, size_t ni,
		   const char **const *strs, size_t ns);

#endif
