/* Reading handovers (交接班) and finding who is to acknowledge them. */
#include "roster_handover.h"
#include "roster_db.h"

/* Of handover h (shift type ht): when the next shift starts, and roster row m (shift type mt) being
 * on it. Days: a shift starting after h's starts on h's day or the next. */
#define NEXT_SHIFT_START                                                                                    \
	"(SELECT MIN(" SHIFT_START("n", "nt") ") FROM roster n JOIN shift_types nt ON nt.id = n.shift_type_id " \
	"WHERE n.day BETWEEN h.day AND h.day + INTERVAL 1 DAY AND " SHIFT_START("n", "nt") " > " SHIFT_START(  \
		"h", "ht") " AND " SHIFT_END("n", "nt") " > " SHIFT_END("h", "ht") ")"
#define ON_NEXT_SHIFT \
	"m.day BETWEEN h.day AND h.day + INTERVAL 1 DAY AND " SHIFT_START("m", "mt") " = " NEXT_SHIFT_START

static const char SQL_LOAD[] =
	"SELECT h.id, h.user_id, h.version, DATE_FORMAT(h.day, '%Y-%m-%d'), ht.name, "
	"DATE_FORMAT(" SHIFT_START("h", "ht") ", '%m-%d %H:%i'), DATE_FORMAT(" SHIFT_END("h", "ht") ", '%m-%d %H:%i'), "
	"w.display_name, h.open_items, h.notes, DATE_FORMAT(h.created_at, '%Y-%m-%d %H:%i'), a.display_name, "
	"DATE_FORMAT(h.acknowledged_at, '%Y-%m-%d %H:%i') "
	"FROM handovers h JOIN shift_types ht ON ht.id = h.shift_type_id JOIN users w ON w.id = h.user_id "
	"LEFT JOIN users a ON a.id = h.acknowledged_by WHERE h.id = ?";
static const char SQL_NEXT[] =
	"SELECT m.user_id, u.display_name, mt.name, DATE_FORMAT(" SHIFT_START("m", "mt") ", '%m-%d %H:%i') "
	"FROM handovers h JOIN shift_types ht ON ht.id = h.shift_type_id "
	"JOIN roster m ON m.day BETWEEN h.day AND h.day + INTERVAL 1 DAY JOIN shift_types mt ON mt.id = m.shift_type_id "
	"JOIN users u ON u.id = m.user_id WHERE h.id = ? AND " ON_NEXT_SHIFT " ORDER BY mt.name, u.display_name";
/* The open ones come from handovers_open (acknowledged_at, id); the next-shift test runs per open one. */
static const char SQL_WAITING[] =
	"SELECT h.id, DATE_FORMAT(h.day, '%Y-%m-%d'), ht.name, w.display_name "
	"FROM handovers h FORCE INDEX (handovers_open) JOIN shift_types ht ON ht.id = h.shift_type_id "
	"JOIN users w ON w.id = h.user_id WHERE h.acknowledged_at IS NULL AND (? = 1 OR (h.user_id <> ? AND EXISTS ("
	"SELECT 1 FROM roster m JOIN shift_types mt ON mt.id = m.shift_type_id WHERE m.user_id = ? AND " ON_NEXT_SHIFT
	"))) ORDER BY h.id DESC LIMIT 10";
#define SQL_ROWS_OF                                                                                            \
	"SELECT h.id, DATE_FORMAT(h.day, '%Y-%m-%d'), ht.name, w.display_name, "                                    \
	"DATE_FORMAT(h.created_at, '%m-%d %H:%i'), a.display_name, DATE_FORMAT(h.acknowledged_at, '%m-%d %H:%i') " \
	"FROM handovers h JOIN shift_types ht ON ht.id = h.shift_type_id JOIN users w ON w.id = h.user_id "         \
	"LEFT JOIN users a ON a.id = h.acknowledged_by "
static const char SQL_ROWS_LATEST[] = SQL_ROWS_OF "ORDER BY h.id DESC LIMIT 100";
static const char SQL_ROWS_DAY[] = SQL_ROWS_OF "WHERE h.day = ? ORDER BY ht.start_min, h.id";

int handover_load(struct request *r, long long id, struct handover *h)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_LOAD, "i", id);
	h->id = 0;
	if (st != DB_OK || !res.nrows)
		return st;
	*h = (struct handover){
		.id = db_cell_int(&res, 0, 0), .user_id = db_cell_int(&res, 0, 1), .version = db_cell_int(&res, 0, 2),
		.day = db_cell(&res, 0, 3), .shift = db_cell(&res, 0, 4), .shift_start = db_cell(&res, 0, 5),
		.shift_end = db_cell(&res, 0, 6), .writer = db_cell(&res, 0, 7), .open_items = db_cell(&res, 0, 8),
		.notes = db_cell(&res, 0, 9), .created_at = db_cell(&res, 0, 10), .acked_by = db_cell(&res, 0, 11),
		.acked_at = db_cell(&res, 0, 12),
	};
	return DB_OK;
}

int handover_next_shift(struct request *r, const struct handover *h, long long user, tmpl_dict *d, int *user_on)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_NEXT, "i", h->id);
	*user_on = 0;
	for (size_t i = 0; st == DB_OK && i < res.nrows; i++) {
		*user_on |= db_cell_int(&res, i, 0) == user;
		if (!d)
			continue;
		tmpl_dict *s = tmpl_section(d, "NEXT");
		tmpl_set(s, "NAME", db_cell(&res, i, 1));
		tmpl_set(s, "SHIFT", db_cell(&res, i, 2));
		tmpl_set(s, "START", db_cell(&res, i, 3));
	}
	return st;
}

int handovers_waiting_fill(struct request *r, tmpl_dict *d)
{
	struct db_result res;
	long long all = (r->sess.role & ROLES_SUPERVISOR) != 0;
	int st = db_exec(r->db, &r->arena, &res, SQL_WAITING, "iii", all, r->sess.user_id, r->sess.user_id);
	if (st != DB_OK || !res.nrows)
		return st;
	tmpl_dict *block = tmpl_section(d, "HANDOVERS_WAITING");
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *s = tmpl_section(block, "WAITING");
		tmpl_set(s, "ID", db_cell(&res, i, 0));
		tmpl_set(s, "DAY", db_cell(&res, i, 1));
		tmpl_set(s, "SHIFT", db_cell(&res, i, 2));
		tmpl_set(s, "WRITER", db_cell(&res, i, 3));
	}
	return DB_OK;
}

int handover_rows_fill(struct request *r, tmpl_dict *d, const char *day)
{
	struct db_result res;
	int st = day ? db_exec(r->db, &r->arena, &res, SQL_ROWS_DAY, "s", day)
		     : db_exec(r->db, &r->arena, &res, SQL_ROWS_LATEST, "");
	if (st != DB_OK)
		return st;
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *s = tmpl_section(d, "HANDOVER");
		tmpl_set(s, "ID", db_cell(&res, i, 0));
		tmpl_set(s, "DAY", db_cell(&res, i, 1));
		tmpl_set(s, "SHIFT", db_cell(&res, i, 2));
		tmpl_set(s, "WRITER", db_cell(&res, i, 3));
		tmpl_set(s, "CREATED", db_cell(&res, i, 4));
		if (db_cell(&res, i, 6)) {
			tmpl_dict *a = tmpl_section(s, "ACKED");
			tmpl_set(a, "ACKED_BY", db_cell(&res, i, 5));
			tmpl_set(a, "ACKED_AT", db_cell(&res, i, 6));
		} else {
			tmpl_show(s, "WAITING");
		}
	}
	if (!res.nrows)
		tmpl_show(d, "NO_HANDOVERS");
	return DB_OK;
}
