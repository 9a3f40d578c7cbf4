/* Loading one person's shifts around a change and checking them; the month's edit version. */
#include "roster_db.h"
#include "roles.h"
#include "roster_rules.h"
#include "shift_types.h"
#include "sanbao.h"

#include <stdio.h>
#include <string.h>

static const char SQL_USER[] = "SELECT role, active, display_name FROM users WHERE id = ?";
static const char SQL_TYPE[] = "SELECT start_min, end_min, name, active, roles FROM shift_types WHERE id = ?";
static const char SQL_SHIFTS[] =
	"SELECT r.id, DATEDIFF(r.day, '1970-01-01'), t.start_min, t.end_min, t.name FROM roster r "
	"JOIN shift_types t ON t.id = r.shift_type_id WHERE r.user_id = ? AND r.day BETWEEN ? AND ?";
static const char SQL_MONTH_VERSION[] = "SELECT version FROM roster_months WHERE month = ?";
static const char SQL_MONTH_BUMP[] =
	"UPDATE roster_months SET version = version + 1, updated_at = NOW() WHERE month = ? AND version = ?";
static const char SQL_MONTH_FIRST[] = "INSERT INTO roster_months (month, version, updated_at) VALUES (?, 1, NOW())";

static void day_text(long long day, char out[11])
{
	sanbao_format(day, out);
}

int roster_check_user(struct request *r, long long user_id, const struct roster_add *adds, size_t nadds,
		      const long long *removes, size_t nremoves, const char **why)
{
	struct db_result user, rows;
	*why = NULL;
	int st = db_exec(r->db, &r->arena, &user, SQL_USER, "i", user_id);
	if (st != DB_OK)
		return st;
	if (!user.nrows || db_cell_int(&user, 0, 1) != 1) {
		*why = "该员工已停用或不存在，不能排班";
		return DB_OK;
	}
	const char *name = db_cell(&user, 0, 2);
	long long lo = -1, hi = -1;
	size_t mine = 0;
	for (size_t i = 0; i < nadds; i++) {
		if (adds[i].user_id != user_id)
			continue;
		long long d = sanbao_day(adds[i].day);
		if (d < 0) {
			*why = "日期格式不正确";
			return DB_OK;
		}
		lo = lo < 0 || d < lo ? d : lo;
		hi = d > hi ? d : hi;
		mine++;
	}
	if (!mine)
		return DB_OK;
	/* the days that can share a rest period or a run of working days with the new shifts */
	long long reach = r->cfg->roster_max_consecutive_days + 2;
	char from[11], to[11];
	day_text(lo - reach, from);
	day_text(hi + reach, to);
	st = db_exec(r->db, &r->arena, &rows, SQL_SHIFTS, "iss", user_id, from, to);
	if (st != DB_OK)
		return st;
	struct shift_span *spans = arena_alloc(&r->arena, (rows.nrows + mine + 1) * sizeof(*spans));
	size_t n = 0;
	for (size_t i = 0; i < rows.nrows; i++) {
		int removed = 0;
		for (size_t k = 0; k < nremoves; k++)
			removed |= removes[k] == db_cell_int(&rows, i, 0);
		if (!removed)
			shift_span_of(db_cell_int(&rows, i, 1), (int)db_cell_int(&rows, i, 2), (int)db_cell_int(&rows, i, 3),
				      db_cell(&rows, i, 4), &spans[n++]);
	}
	for (size_t i = 0; i < nadds; i++) {
		struct db_result type;
		if (adds[i].user_id != user_id)
			continue;
		st = db_exec(r->db, &r->arena, &type, SQL_TYPE, "i", adds[i].shift_type_id);
		if (st != DB_OK)
			return st;
		if (!type.nrows || db_cell_int(&type, 0, 3) != 1) {
			*why = "该班次不存在或已停用";
			return DB_OK;
		}
		if (!shift_role_needed(db_cell(&type, 0, 4), db_cell(&user, 0, 0))) {
			*why = arena_printf(&r->arena, "%s不能排%s：该班次需要的角色是 %s", name, db_cell(&type, 0, 2),
					    shift_roles_text(&r->arena, db_cell(&type, 0, 4)));
			return DB_OK;
		}
		shift_span_of(sanbao_day(adds[i].day), (int)db_cell_int(&type, 0, 0), (int)db_cell_int(&type, 0, 1),
			      db_cell(&type, 0, 2), &spans[n++]);
	}
	struct roster_rules rules = {r->cfg->roster_min_rest_hours, r->cfg->roster_max_consecutive_days};
	char reason[256];
	if (roster_rules_check(&rules, spans, n, reason, sizeof(reason)))
		*why = arena_printf(&r->arena, "%s：%s", name, reason);
	return DB_OK;
}

int roster_month_version(struct request *r, const char *month, long long *version)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_MONTH_VERSION, "s", month);
	if (st == DB_OK)
		*version = res.nrows ? db_cell_int(&res, 0, 0) : 0;
	return st;
}

int roster_month_take(struct request *r, const char *month, long long version)
{
	struct db_result res;
	if (version == 0) {
		/* the month's first change: a second first change meets the key and is stale */
		int st = db_exec(r->db, &r->arena, NULL, SQL_MONTH_FIRST, "s", month);
		return st == DB_DUP ? DB_STALE : st;
	}
	int st = db_exec(r->db, &r->arena, &res, SQL_MONTH_BUMP, "si", month, version);
	if (st == DB_OK && res.affected == 0)
		st = DB_STALE;
	return st;
}
