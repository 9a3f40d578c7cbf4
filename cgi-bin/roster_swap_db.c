/* Shift swaps: loading, the checks of a swap against the roster, and the move on approval. */
#include "roster_swap_db.h"
#include "response.h"
#include "roster_db.h"
#include "roster_duty.h"
#include "roster_swap_flow.h"

#include <string.h>

#define SWAP_SELECT                                                                                              \
	"SELECT s.id, s.version, s.status, s.requester_id, ru.display_name, s.colleague_id, cu.display_name, "       \
	"COALESCE(du.display_name, ''), s.requester_roster_id, COALESCE(s.colleague_roster_id, 0), s.reason, "        \
	"s.decision_note, DATE_FORMAT(s.created_at, '%Y-%m-%d %H:%i'), "                                             \
	"COALESCE(CONCAT(DATE_FORMAT(r1.day, '%Y-%m-%d'), ' ', t1.name), '（班次已删除）'), "                          \
	"CASE WHEN s.colleague_roster_id IS NULL THEN NULL "                                                          \
	"ELSE COALESCE(CONCAT(DATE_FORMAT(r2.day, '%Y-%m-%d'), ' ', t2.name), '（班次已删除）') END "                   \
	"FROM shift_swaps s JOIN users ru ON ru.id = s.requester_id JOIN users cu ON cu.id = s.colleague_id "        \
	"LEFT JOIN users du ON du.id = s.decided_by "                                                                 \
	"LEFT JOIN roster r1 ON r1.id = s.requester_roster_id LEFT JOIN shift_types t1 ON t1.id = r1.shift_type_id " \
	"LEFT JOIN roster r2 ON r2.id = s.colleague_roster_id LEFT JOIN shift_types t2 ON t2.id = r2.shift_type_id "
static const char SQL_SWAP[] = SWAP_SELECT "WHERE s.id = ?";
static const char SQL_MINE[] = SWAP_SELECT "WHERE s.requester_id = ? OR s.colleague_id = ? ORDER BY s.id DESC LIMIT 50";
static const char SQL_WAITING[] = SWAP_SELECT "WHERE s.colleague_id = ? AND s.status = 'requested' AND ? > 0 ORDER BY s.id";
static const char SQL_APPROVAL[] = SWAP_SELECT "WHERE s.status = 'accepted' AND ? > 0 AND ? > 0 ORDER BY s.id LIMIT 100";
static const char SQL_MOVE[] = "UPDATE roster SET user_id = ? WHERE id = ? AND user_id = ?";

static void swap_read(const struct db_result *res, size_t i, struct swap *s)
{
	s->id = db_cell_int(res, i, 0);
	s->version = db_cell_int(res, i, 1);
	s->status = db_cell(res, i, 2);
	s->requester_id = db_cell_int(res, i, 3);
	s->requester_name = db_cell(res, i, 4);
	s->colleague_id = db_cell_int(res, i, 5);
	s->colleague_name = db_cell(res, i, 6);
	s->decided_by_name = db_cell(res, i, 7);
	s->requester_roster_id = db_cell_int(res, i, 8);
	s->colleague_roster_id = db_cell_int(res, i, 9);
	s->reason = db_cell(res, i, 10);
	s->decision_note = db_cell(res, i, 11);
	s->created_at = db_cell(res, i, 12);
	s->requester_shift = db_cell(res, i, 13);
	s->colleague_shift = db_cell(res, i, 14);
}

int swap_load(struct request *r, long long id, struct swap *s)
{
	struct db_result res;
	memset(s, 0, sizeof(*s));
	int st = db_exec(r->db, &r->arena, &res, SQL_SWAP, "i", id);
	if (st == DB_OK && res.nrows)
		swap_read(&res, 0, s);
	return st;
}

int swap_load_path(struct request *r, struct swap *s)
{
	int st = swap_load(r, r->path_id, s);
	if (st == DB_OK && !s->id)
		page_error(r, 404, "没有这条调班申请。");
	return st;
}

int swap_rows_fill(struct request *r, tmpl_dict *d, const char *section, const char *list, size_t *n)
{
	struct db_result res;
	const char *sql = !strcmp(list, "mine") ? SQL_MINE : !strcmp(list, "waiting") ? SQL_WAITING : SQL_APPROVAL;
	int st = db_exec(r->db, &r->arena, &res, sql, "ii", r->sess.user_id, r->sess.user_id);
	if (st != DB_OK)
		return st;
	for (size_t i = 0; i < res.nrows; i++) {
		struct swap s;
		swap_read(&res, i, &s);
		tmpl_dict *row = tmpl_section(d, section);
		tmpl_set_int(row, "ID", s.id);
		tmpl_set(row, "STATUS", s.status);
		tmpl_set(row, "STATUS_LABEL", flow_status_label(&SWAP_FLOW, s.status));
		tmpl_set(row, "REQUESTER", s.requester_name);
		tmpl_set(row, "COLLEAGUE", s.colleague_name);
		tmpl_set(row, "REQUESTER_SHIFT", s.requester_shift);
		tmpl_set(row, "COLLEAGUE_SHIFT", s.colleague_shift ? s.colleague_shift : "转让（不换回）");
		tmpl_set(row, "CREATED", s.created_at);
	}
	*n = res.nrows;
	return DB_OK;
}

/* Loads (locked) and checks one side's shift: it is still owner's and has not begun. */
static int side_load(struct request *r, long long roster_id, long long owner, long long now, struct roster_shift *shift,
		     const char **why)
{
	int found;
	int st = roster_shift_load(r, roster_id, 1, shift, &found);
	if (st != DB_OK)
		return st;
	if (!found || shift->user_id != owner)
		*why = "调班所涉的班次已被删除或已换人";
	else if (shift->span.start <= now)
		*why = "调班所涉的班次已经开始或已过去";
	return DB_OK;
}

/* The two shifts of a checked swap (theirs.id 0 for a hand-over). */
struct swap_sides {
	struct roster_shift mine, theirs;
};

static int sides_check(struct request *r, const struct swap *s, struct swap_sides *x, const char **why)
{
	long long now;
	*why = NULL;
	memset(x, 0, sizeof(*x));
	int st = roster_now(r, &now);
	if (st == DB_OK)
		st = side_load(r, s->requester_roster_id, s->requester_id, now, &x->mine, why);
	if (st == DB_OK && !*why && s->colleague_roster_id)
		st = side_load(r, s->colleague_roster_id, s->colleague_id, now, &x->theirs, why);
	if (st != DB_OK || *why)
		return st;
	if (x->theirs.id && x->theirs.type_id == x->mine.type_id && !strcmp(x->theirs.day, x->mine.day)) {
		*why = "两个班次相同，无需调班";
		return DB_OK;
	}
	/* the requester gains the colleague's shift, the colleague the requester's */
	struct roster_add to_colleague = {s->colleague_id, x->mine.day, x->mine.type_id};
	struct roster_add to_requester = {s->requester_id, x->theirs.day, x->theirs.type_id};
	st = roster_check_user(r, s->colleague_id, &to_colleague, 1, &s->colleague_roster_id, s->colleague_roster_id ? 1 : 0,
			       why);
	if (st == DB_OK && !*why && x->theirs.id)
		st = roster_check_user(r, s->requester_id, &to_requester, 1, &s->requester_roster_id, 1, why);
	return st;
}

int swap_check(struct request *r, const struct swap *s, const char **why)
{
	struct swap_sides x;
	return sides_check(r, s, &x, why);
}

int swap_move(struct request *r, const struct swap *s, const char **why)
{
	struct swap_sides x;
	int st = sides_check(r, s, &x, why);
	if (st != DB_OK || *why)
		return st;
	const char *months[2] = {arena_strndup(&r->arena, x.mine.day, 7),
				 x.theirs.id ? arena_strndup(&r->arena, x.theirs.day, 7) : NULL};
	for (int i = 0; i < 2 && st == DB_OK; i++) {
		long long version;
		if (!months[i] || (i == 1 && !strcmp(months[0], months[1])))
			continue;
		st = roster_month_version(r, months[i], &version);
		if (st == DB_OK)
			st = roster_month_take(r, months[i], version);
	}
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_MOVE, "iii", s->colleague_id, x.mine.id, s->requester_id);
	if (st == DB_OK && x.theirs.id)
		st = db_exec(r->db, &r->arena, NULL, SQL_MOVE, "iii", s->requester_id, x.theirs.id, s->colleague_id);
	return st;
}
