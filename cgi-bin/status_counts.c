/* Status counts kept move by move. */
#include "status_counts.h"

#include <string.h>

static const char *const KINDS[] = {"repair", "return", "complaint", "callback"};

static const char SQL_ADD[] =
	"INSERT INTO status_counts (kind, status, n) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE n = n + VALUES(n)";
static const char SQL_READ[] = "SELECT kind, status, n FROM status_counts";

int status_counts_move(struct request *r, const char *subject, const char *from, const char *to)
{
	int counted = 0;
	for (size_t i = 0; i < sizeof(KINDS) / sizeof(KINDS[0]); i++)
		counted |= !strcmp(KINDS[i], subject);
	if (!counted || !to || !*to || (from && !strcmp(from, to)))
		return DB_OK;
	if (!from || !*from)
		return db_exec(r->db, &r->arena, NULL, SQL_ADD, "ssi", subject, to, 1LL);
	/* the two rows in one order everywhere, so two changes never wait for each other's row */
	int to_first = strcmp(to, from) < 0;
	int st = db_exec(r->db, &r->arena, NULL, SQL_ADD, "ssi", subject, to_first ? to : from, to_first ? 1LL : -1LL);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_ADD, "ssi", subject, to_first ? from : to, to_first ? -1LL : 1LL);
	return st;
}

int status_counts_read(struct request *r, struct db_result *res)
{
	return db_exec(r->db, &r->arena, res, SQL_READ, "");
}

long long status_count_of(const struct db_result *res, const char *kind, const char *status)
{
	for (size_t i = 0; i < res->nrows; i++)
		if (!strcmp(db_cell(res, i, 0), kind) && !strcmp(db_cell(res, i, 1), status))
			return db_cell_int(res, i, 2);
	return 0;
}
