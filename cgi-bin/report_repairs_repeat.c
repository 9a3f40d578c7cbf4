/* Repeat repairs (返修): a repair taken in during the range whose serial number had another repair
 * resolved in the 90 days before it came in — the quality signal the manufacturer asks for. */
#include "report_repairs.h"

#define REPEAT_ROWS "200"

/* The latest earlier job per repair, found from repairs_serial_resolved alone (a key read per
 * repair with a serial); COUNT(*) OVER () is the total before the list is cut to 200. */
static const char SQL_REPEATS[] =
	"SELECT r.id, r.public_no, r.product, r.serial_no, p.id, p.public_no, DATEDIFF(r.created_at, p.resolved_at), "
	"COALESCE(u.display_name, ''), COUNT(*) OVER () "
	"FROM (SELECT n.id, (SELECT q.id FROM repairs q WHERE q.serial_no = n.serial_no AND q.id <> n.id "
	"AND q.resolved_at >= n.created_at - INTERVAL 90 DAY AND q.resolved_at <= n.created_at "
	"ORDER BY q.resolved_at DESC LIMIT 1) AS earlier FROM repairs n "
	"WHERE " REPORT_IN_RANGE("n.created_at") " AND n.serial_no <> '') x "
	"JOIN repairs r ON r.id = x.id JOIN repairs p ON p.id = x.earlier LEFT JOIN users u ON u.id = p.assignee_id "
	"ORDER BY r.created_at, r.id LIMIT " REPEAT_ROWS;

static const struct report_column REPEAT_COLS[] = {
	{"repair_no", "报修单号", RT_TEXT},
	{"product", "产品", RT_TEXT},
	{"serial_no", "序列号", RT_TEXT},
	{"earlier_no", "上次维修单号", RT_TEXT},
	{"days_between", "间隔天数", RT_INT},
	{"earlier_technician", "上次技术员", RT_TEXT},
};

int report_repairs_repeats(struct request *r, const struct report_range *g, struct report_set *s, long long *total)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_REPEATS, "ss", g->from, g->to);
	if (st != DB_OK)
		return st;
	*total = res.nrows ? db_cell_int(&res, 0, 8) : 0;
	struct report_table *t = report_set_add(s, "REPEATS", "90 天内重复维修（同一序列号）", REPEAT_COLS, 6);
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
