/* GET /staff/reports/kpi: staff KPIs (业务考核) for a month from staff_months (one row per person,
 * kept in each change's transaction by kpi_db.c), the score's weights and formula, and the month's
 * satisfaction distribution. Staff see their own row; supervisors see everyone. */
#include "chart.h"
#include "kpi_score.h"
#include "pages.h"
#include "repair_db.h"
#include "report_table.h"
#include "response.h"
#include "roles.h"
#include "stats.h"
#include "valid.h"
#include "workcal.h"

#include <stdio.h>
#include <string.h>

/* Everyone with figures that month, and the active agents and technicians without (a zero month is
 * a figure too); or the one person asked for. */
static const char SQL_ROWS[] =
	"SELECT u.id, u.display_name, u.role, COALESCE(m.jobs, 0), COALESCE(m.on_time, 0), COALESCE(m.timed, 0), "
	"COALESCE(m.resolve_minutes, 0), COALESCE(m.minutes_jobs, 0), COALESCE(m.labour_minutes, 0), "
	"COALESCE(m.ratings, 0), COALESCE(m.attitude_sum, 0), COALESCE(m.timeliness_sum, 0), "
	"COALESCE(m.quality_sum, 0), COALESCE(m.complaints, 0), COALESCE(m.repeats, 0) "
	"FROM users u LEFT JOIN staff_months m ON m.month = ? AND m.user_id = u.id "
	"WHERE IF(? = 0, m.user_id IS NOT NULL OR (u.active = 1 AND u.role IN ('agent', 'technician')), u.id = ?) "
	"ORDER BY u.display_name, u.id";
/* 1..5 per dimension. Everyone's month is one row of rating_months; one person's ratings are those
 * kpi_db.c credits to them (technician, or agent when another person), from satisfaction_created_scores. */
#define SCORE_COUNTS \
	"SELECT SUM(attitude = 1), SUM(attitude = 2), SUM(attitude = 3), SUM(attitude = 4), SUM(attitude = 5), " \
	"SUM(timeliness = 1), SUM(timeliness = 2), SUM(timeliness = 3), SUM(timeliness = 4), SUM(timeliness = 5), " \
	"SUM(quality = 1), SUM(quality = 2), SUM(quality = 3), SUM(quality = 4), SUM(quality = 5) FROM "
static const char SQL_DISTRIBUTION_ALL[] =
	"SELECT a1, a2, a3, a4, a5, t1, t2, t3, t4, t5, q1, q2, q3, q4, q5 FROM rating_months WHERE month = ?";
static const char SQL_DISTRIBUTION_ONE[] = SCORE_COUNTS
	"(SELECT attitude, timeliness, quality FROM satisfaction WHERE technician_id = ? "
	"AND created_at >= ? AND created_at < ? + INTERVAL 1 MONTH "
	"UNION ALL SELECT attitude, timeliness, quality FROM satisfaction WHERE agent_id = ? "
	"AND agent_id <> COALESCE(technician_id, 0) AND created_at >= ? AND created_at < ? + INTERVAL 1 MONTH) s";

enum { C_USER, C_ROLE, C_JOBS, C_ON_TIME, C_HOURS, C_LABOUR, C_RATINGS, C_ATTITUDE, C_TIMELINESS, C_QUALITY,
       C_COMPLAINTS, C_REPEATS, C_SCORE, C_PART };
static const struct report_column COLUMNS[] = {
	{"user", "员工", RT_TEXT},
	{"role", "岗位", RT_TEXT},
	{"jobs", "完成工单", RT_INT},
	{"on_time", "按时完成率", RT_PERCENT},
	{"resolve_hours", "平均处理时长(工作小时)", RT_DECIMAL},
	{"labour_hours", "登记工时(小时)", RT_DECIMAL},
	{"ratings", "评价数", RT_INT},
	{"attitude", "服务态度均分", RT_DECIMAL},
	{"timeliness", "响应速度均分", RT_DECIMAL},
	{"quality", "维修质量均分", RT_DECIMAL},
	{"complaints", "责任投诉", RT_INT},
	{"repeats", "返修", RT_INT},
	{"score", "综合得分", RT_DECIMAL},
	{"part_on_time", "按时完成率得分", RT_DECIMAL},
	{"part_speed", "处理速度得分", RT_DECIMAL},
	{"part_satisfaction", "客户满意度得分", RT_DECIMAL},
	{"part_complaints", "投诉得分", RT_DECIMAL},
	{"part_repeats", "返修得分", RT_DECIMAL},
};
#define NCOLUMNS (sizeof(COLUMNS) / sizeof(COLUMNS[0]))

static const char *decimal(struct arena *a, const char *format, double v)
{
	return arena_printf(a, format, v);
}

/* An average of 1–5 scores with two decimals; empty without ratings. */
static const char *score_average(struct arena *a, long long sum, long long n)
{
	return n ? decimal(a, "%.2f", (double)sum / (double)n) : "";
}

static void row_add(struct request *r, struct report_table *t, const struct db_result *res, size_t i,
		    const char *month, int linked)
{
	struct arena *a = &r->arena;
	struct kpi_figures f = {
		.jobs = db_cell_int(res, i, 3), .on_time = db_cell_int(res, i, 4), .timed = db_cell_int(res, i, 5),
		.resolve_minutes = db_cell_int(res, i, 6), .minutes_jobs = db_cell_int(res, i, 7),
		.ratings = db_cell_int(res, i, 9), .attitude_sum = db_cell_int(res, i, 10),
		.timeliness_sum = db_cell_int(res, i, 11), .quality_sum = db_cell_int(res, i, 12),
		.complaints = db_cell_int(res, i, 13), .repeats = db_cell_int(res, i, 14),
	};
	struct kpi_result k;
	kpi_score(&r->cfg->kpi, &f, &k);
	unsigned row = report_table_row(a, t, db_cell(res, i, 0));
	char text[48];
	report_table_set(t, row, C_USER, db_cell(res, i, 1),
			 linked ? arena_printf(a, "/staff/reports/kpi?month=%s&user=%s", month, db_cell(res, i, 0)) : NULL);
	report_table_set(t, row, C_ROLE, role_label(role_from_code(db_cell(res, i, 2))), NULL);
	report_table_set_int(a, t, row, C_JOBS, f.jobs, NULL);
	stats_ratio(f.on_time, f.timed, text);
	report_table_set(t, row, C_ON_TIME, arena_strdup(a, text), NULL);
	if (f.minutes_jobs)
		report_table_set(t, row, C_HOURS,
				 decimal(a, "%.1f", (double)f.resolve_minutes / (double)f.minutes_jobs / 60.0), NULL);
	stats_hours((long)db_cell_int(res, i, 8), text);
	report_table_set(t, row, C_LABOUR, arena_strdup(a, text), NULL);
	report_table_set_int(a, t, row, C_RATINGS, f.ratings, NULL);
	report_table_set(t, row, C_ATTITUDE, score_average(a, f.attitude_sum, f.ratings), NULL);
	report_table_set(t, row, C_TIMELINESS, score_average(a, f.timeliness_sum, f.ratings), NULL);
	report_table_set(t, row, C_QUALITY, score_average(a, f.quality_sum, f.ratings), NULL);
	report_table_set_int(a, t, row, C_COMPLAINTS, f.complaints, NULL);
	report_table_set_int(a, t, row, C_REPEATS, f.repeats, NULL);
	if (k.scored)
		report_table_set(t, row, C_SCORE, decimal(a, "%.1f", k.score), NULL);
	for (int p = 0; p < KPI_PARTS; p++)
		if (k.has[p])
			report_table_set(t, row, C_PART + (unsigned)p, decimal(a, "%.1f", k.part[p]), NULL);
}

/* The weights and what each part measures, from the configuration the score was computed with. */
static void weights_fill(struct request *r, tmpl_dict *d)
{
	const struct kpi_rules *w = &r->cfg->kpi;
	const char *how[KPI_PARTS] = {
		"100 × 按时完成的工单 ÷ 有时限的工单",
		arena_printf(&r->arena, "平均处理时长不超过 %d 个工作小时得 100，否则 100 × %d ÷ 平均工作小时",
			     w->speed_target_hours, w->speed_target_hours),
		"（服务态度、响应速度、维修质量三项平均分 − 1）× 25，即 1–5 分对应 0–100",
		arena_printf(&r->arena, "100 − %d × 责任投诉数，最低 0", w->complaint_points),
		arena_printf(&r->arena, "100 − %d × 返修数（同一序列号 90 天内再次报修），最低 0", w->repeat_points),
	};
	for (int p = 0; p < KPI_PARTS; p++) {
		tmpl_dict *s = tmpl_section(d, "WEIGHT");
		tmpl_set(s, "CODE", kpi_part_code(p));
		tmpl_set(s, "LABEL", kpi_part_label(p));
		tmpl_set_int(s, "WEIGHT", w->weight[p]);
		tmpl_set(s, "HOW", how[p]);
	}
}

static int distribution_fill(struct request *r, tmpl_dict *d, const char *month_day, long long user)
{
	struct db_result res;
	int st = user ? db_exec(r->db, &r->arena, &res, SQL_DISTRIBUTION_ONE, "ississ", user, month_day, month_day, user,
				month_day, month_day)
		      : db_exec(r->db, &r->arena, &res, SQL_DISTRIBUTION_ALL, "s", month_day);
	if (st != DB_OK || !res.nrows)
		return st;
	static const char *const labels[] = {"1分", "2分", "3分", "4分", "5分"};
	static const char *const dimensions[] = {"服务态度", "响应速度", "维修质量"};
	double *values = arena_alloc(&r->arena, 15 * sizeof(double));
	struct chart_series *series = arena_alloc(&r->arena, 3 * sizeof(struct chart_series));
	for (unsigned s = 0; s < 3; s++) {
		for (unsigned k = 0; k < 5; k++)
			values[s * 5 + k] = (double)db_cell_int(&res, 0, s * 5 + k);
		series[s] = (struct chart_series){.label = dimensions[s], .values = values + s * 5};
	}
	struct chart c = {.title = "客户评分分布", .unit = "条", .n = 5, .labels = labels, .series = series, .nseries = 3};
	chart_fill(&r->arena, d, "DISTRIBUTION", &c);
	return DB_OK;
}

/* YYYY-MM with a month 01..12. */
static int month_valid(const char *m)
{
	if (!m || strlen(m) != 7 || m[4] != '-')
		return 0;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (m[i] < '0' || m[i] > '9'))
			return 0;
	int month = (m[5] - '0') * 10 + (m[6] - '0');
	return month >= 1 && month <= 12;
}

/* GET /staff/reports/kpi?month=YYYY-MM[&user=ID][&format=csv|xlsx]. Answers 200 (or the download),
 * 400 for a bad month or user, 403 when a staff member asks for someone else. */
int page_report_kpi(struct request *r)
{
	const char *month = query_get(r, "month");
	if (!month || !*month) {
		const char *now;
		int st = workcal_now(r, &now);
		if (st != DB_OK)
			return st;
		month = arena_printf(&r->arena, "%.7s", now);
	}
	if (!month_valid(month))
		return page_error(r, 400, "月份应为 YYYY-MM。");
	long long user = 0;
	const char *given = query_get(r, "user");
	if (given && *given && !parse_id(given, &user))
		return page_error(r, 400, "员工编号无效。");
	int everyone = (r->sess.role & ROLES_SUPERVISOR) != 0;
	if (!everyone && user && user != r->sess.user_id)
		return page_error(r, 403, "只能查看本人的考核数据。");
	if (!everyone)
		user = r->sess.user_id;
	const char *month_day = arena_printf(&r->arena, "%s-01", month);

	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_ROWS, "sii", month_day, user, user);
	if (st != DB_OK)
		return st;
	struct report_table t;
	report_table_init(&t, arena_printf(&r->arena, "%s 员工考核", month), COLUMNS, NCOLUMNS);
	for (size_t i = 0; i < res.nrows; i++)
		row_add(r, &t, &res, i, month, everyone);

	const char *format = query_get(r, "format");
	if (format && (!strcmp(format, "csv") || !strcmp(format, "xlsx")))
		return report_export(r, format, arena_printf(&r->arena, "kpi-%s", month), &t, 1);

	tmpl_dict *d = page_begin(r, 200, "report_kpi.tpl", arena_printf(&r->arena, "员工考核 %s", month));
	tmpl_set(d, "MONTH", month);
	const char *query = user ? arena_printf(&r->arena, "month=%s&user=%lld", month, user)
				 : arena_printf(&r->arena, "month=%s", month);
	tmpl_set(d, "QUERY", query);
	report_table_fill(&r->arena, d, "TABLE", &t);
	weights_fill(r, d);
	if (everyone) {
		tmpl_show(d, "PICKER");
		st = staff_options(r, d, "STAFF_OPTION", NULL, user);
		if (st != DB_OK)
			return st;
	}
	return distribution_fill(r, d, month_day, user);
}
