/* Repeat repairs (返修): a repair taken in during the range whose serial number had another repair
 * resolved in the 90 days before it came in — the quality signal the manufacturer asks for. */
#include "report_repairs.h"

#define REPEAT_ROWS "200"

/* The range's repeats from repairs_repeats (repeat_of is set at intake); the total counted apart,
 * from the same key alone. */
static const char SQL_REPEATS[] =
	"SELECT r.id, r.public_no, r.product, r.serial_no, p.id, p.public_no, DATEDIFF(r.created_at, p.resolved_at), "
	"COALESCE(u.display_name, '') FROM repairs r FORCE INDEX (repairs_repeats) JOIN repairs p ON p.id = r.repeat_of "
	"LEFT JOIN users u ON u.id = p.assignee_id WHERE " REPORT_IN_RANGE("r.created_at") " AND r.repeat_of IS NOT NULL "
	"ORDER BY r.created_at, r.id LIMIT " REPEAT_ROWS;
static const char SQL_REPEAT_COUNT[] =
	"SELECT COUNT(*) FROM repairs FORCE INDEX (repairs_repeats) WHERE " REPORT_IN_RANGE("created_at")
	" AND repeat_of IS NOT NULL";

static const struct report_column REPEAT_COLS[] = {
	{"repair_no", "报修单号", RT_TEXT},
	{"product", "产品", RT_TEXT},
	{"serial_no", "序列号", RT_TEXT},
	{"earlier_no", "上次维修单号", RT_TEXT},
	{"days_between", "间隔天数", RT_INT},
	{"earlier_technician", "上次技术员", RT_TEXT},
};

int report_repairs_repeats(struct request *r, const struct report_range *g, struct report_result *s, long long *total)
{
	struct db_result res, count;
	int st = db_exec(r->db, &r->arena, &res, SQL_REPEATS, "ss", g->from, g->to);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &count, SQL_REPEAT_COUNT, "ss", g->from, g->to);
	if (st != DB_OK)
		return st;
	*total = db_cell_int(&count, 0, 0);
	struct report_table *t = report_result_add(s, "REPEATS", "90 天内重复维修（同一序列号）", REPEAT_COLS, 6);
	for (size_t i = 0; i < res.nrows; i++) {
		unsigned row = report_table_row(&r->arena, t, db_cell(&res, i, 1));
		const char *link = arena_printf(&r->arena, "/staff/repairs/%s", db_cell(&res, i, 0));
		const char *earlier = arena_printf(&r->arena, "/staff/repairs/%s", db_cell(&res, i, 4));
		report_table_set(t, row, 0, db_cell(&res, i, 1), link);
		report_table_set(t, row, 1, db_cell(&res, i, 2), NULL);
		report_table_set(t, row, 2, db_cell(&res, i, 3), NULL);
		report_table_set(t, row, 3, db_cell(&res, i, 5), earlier);
		report_table_set(t, row, 4, db_cell(&res, i, 6), NULL);
		report_table_set(t, row, 5, db_cell(&res, i, 7), NULL);
	}
	return DB_OK;
}
