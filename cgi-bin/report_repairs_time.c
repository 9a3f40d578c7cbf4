/* Time to resolve in the repair report: per technician (count, mean and 90th percentile of working
 * hours, on-time share) and per ISO week (on-time share and count, a table and a chart). Jobs with
 * no recorded minutes (older or loaded data) stay out of the hours and are counted instead. */
#include "report_repairs.h"
#include "stats.h"

#include <stdlib.h>
#include <string.h>

static const char SQL_BY_TECH[] =
	"SELECT COALESCE(x.assignee, 0), COALESCE(u.display_name, ''), x.n, x.on_time, x.timed, x.no_minutes "
	"FROM (SELECT assignee_id AS assignee, COUNT(*) AS n, SUM(resolved_on_time = 1) AS on_time, "
	"COUNT(resolved_on_time) AS timed, SUM(resolve_minutes IS NULL) AS no_minutes FROM repairs "
	"WHERE " REPORT_IN_RANGE("resolved_at") " GROUP BY assignee_id) x "
	"LEFT JOIN users u ON u.id = x.assignee ORDER BY x.n DESC, x.assignee";
/* every minute figure of the range in one read; the percentiles are worked out here */
static const char SQL_MINUTES[] =
	"SELECT COALESCE(assignee_id, 0), resolve_minutes FROM repairs WHERE " REPORT_IN_RANGE("resolved_at")
	" AND resolve_minutes IS NOT NULL";
/* mode 3: ISO weeks (Monday first, week 1 has the year's first Thursday) */
static const char SQL_BY_WEEK[] =
	"SELECT YEARWEEK(resolved_at, 3), COUNT(*), SUM(resolved_on_time = 1), COUNT(resolved_on_time) "
	"FROM repairs WHERE " REPORT_IN_RANGE("resolved_at") " GROUP BY 1 ORDER BY 1";

static const struct report_column TECH_COLS[] = {
	{"technician", "技术员", RT_TEXT},
	{"resolved", "完成单数", RT_INT},
	{"avg_hours", "平均用时（工作小时）", RT_DECIMAL},
	{"p90_hours", "90% 用时（工作小时）", RT_DECIMAL},
	{"no_time", "无用时记录（未计入用时）", RT_INT},
	{"on_time", "按时完成", RT_INT},
	{"on_time_share", "按时完成率", RT_PERCENT},
};
static const struct report_column WEEK_COLS[] = {
	{"week", "周（ISO）", RT_TEXT},
	{"resolved", "完成单数", RT_INT},
	{"on_time_share", "按时完成率", RT_PERCENT},
};

static const char *text(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

/* Fills a technician row (or the total's) from its counts and its minutes (sorted in place). */
static void tech_row(struct arena *a, struct report_table *t, const char *attr, const char *name, long long n,
		     long long on_time, long long timed, long long no_minutes, long *minutes, size_t nmin)
{
	char hours[24], share[48];
	unsigned row = report_table_row(a, t, attr);
	report_table_set(t, row, 0, name, NULL);
	report_table_set_int(a, t, row, 1, n, NULL);
	stats_hours(stats_mean(minutes, nmin), hours);
	report_table_set(t, row, 2, text(a, hours), NULL);
	stats_hours(stats_percentile(minutes, nmin, 90), hours);
	report_table_set(t, row, 3, text(a, hours), NULL);
	report_table_set_int(a, t, row, 4, no_minutes, NULL);
	report_table_set_int(a, t, row, 5, on_time, NULL);
	stats_ratio(on_time, timed, share);
	report_table_set(t, row, 6, text(a, share), NULL);
}

static int tech_table(struct request *r, const struct report_range *g, struct report_result *s)
{
	struct db_result techs, mins;
	int st = db_exec(r->db, &r->arena, &techs, SQL_BY_TECH, "ss", g->from, g->to);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &mins, SQL_MINUTES, "ss", g->from, g->to);
	if (st != DB_OK)
		return st;
	size_t n = mins.nrows;
	long *all = arena_alloc(&r->arena, sizeof(long) * (n ? n : 1));
	long *one = arena_alloc(&r->arena, sizeof(long) * (n ? n : 1));
	long long *owner = arena_alloc(&r->arena, sizeof(long long) * (n ? n : 1));
	for (size_t i = 0; i < n; i++) {
		owner[i] = db_cell_int(&mins, i, 0);
		all[i] = (long)db_cell_int(&mins, i, 1);
	}
	struct report_table *t = report_result_add(s, "RESOLVED", "完成：按技术员（用时按工作时间计）", TECH_COLS, 7);
	long long sum[4] = {0};
	for (size_t k = 0; k < techs.nrows; k++) {
		long long id = db_cell_int(&techs, k, 0);
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (owner[i] == id)
				one[m++] = all[i];
		long long c[4];
		for (int j = 0; j < 4; j++)
			sum[j] += c[j] = db_cell_int(&techs, k, 2 + j);
		tech_row(&r->arena, t, id ? db_cell(&techs, k, 0) : "none", id ? db_cell(&techs, k, 1) : "未指派", c[0], c[1],
			 c[2], c[3], one, m);
	}
	tech_row(&r->arena, t, "total", "合计", sum[0], sum[1], sum[2], sum[3], all, n);
	return DB_OK;
}

static int week_table(struct request *r, const struct report_range *g, struct report_result *s)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_BY_WEEK, "ss", g->from, g->to);
	if (st != DB_OK)
		return st;
	struct report_table *t = report_result_add(s, "WEEKS", "每周完成与按时完成率", WEEK_COLS, 3);
	for (size_t i = 0; i < res.nrows; i++) {
		const char *yw = db_cell(&res, i, 0); /* YYYYWW */
		long long done = db_cell_int(&res, i, 1), on_time = db_cell_int(&res, i, 2), timed = db_cell_int(&res, i, 3);
		const char *label = arena_printf(&r->arena, "%.4s-W%s", yw, yw + 4);
		char share[48];
		stats_ratio(on_time, timed, share);
		unsigned row = report_table_row(&r->arena, t, label);
		report_table_set(t, row, 0, label, NULL);
		report_table_set_int(&r->arena, t, row, 1, done, NULL);
		report_table_set(t, row, 2, text(&r->arena, share), NULL);
	}
	return DB_OK;
}

void report_repairs_week_chart(struct arena *a, const struct report_result *s, struct chart *c)
{
	const struct report_table *t = report_result_find(s, "WEEKS");
	unsigned n = t ? t->nrows : 0;
	const char **labels = arena_alloc(a, sizeof(char *) * (n ? n : 1));
	double *count = arena_alloc(a, sizeof(double) * (n ? n : 1));
	double *percent = arena_alloc(a, sizeof(double) * (n ? n : 1));
	for (unsigned i = 0; i < n; i++) {
		const char *const *row = t->cells + (size_t)i * t->ncols;
		labels[i] = row[0];
		count[i] = strtod(row[1], NULL);
		percent[i] = row[2] && *row[2] ? 100.0 * strtod(row[2], NULL) : -1; /* no time limit: no point */
	}
	struct chart_series *series = arena_alloc(a, sizeof(*series) * 2);
	series[0] = (struct chart_series){"完成单数（件）", count, 0};
	series[1] = (struct chart_series){"按时完成率（%）", percent, 1};
	*c = (struct chart){.title = "每周按时完成率与完成单数", .unit = "", .n = n, .labels = labels,
			    .series = series, .nseries = 2, .max = 0, .decimals = 1};
}

int report_repairs_times(struct request *r, const struct report_range *g, struct report_result *s)
{
	int st = tech_table(r, g, s);
	return st == DB_OK ? week_table(r, g, s) : st;
}
