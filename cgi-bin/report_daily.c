/* GET /staff/reports/daily: 每日核对, a day's open, taken in and finished records per kind and
 * channel, the equation and the independent checks, shown or exported from the same tables. */
#include "pages.h"
#include "report_daily.h"
#include "report_daily_check.h"
#include "report_table.h"
#include "response.h"
#include "sanbao.h"
#include "valid.h"
#include "workcal.h"

#include <string.h>

/* The day of the query (today when absent), or NULL after answering 400. */
static const char *query_day(struct request *r, int *st)
{
	const char *day = query_get(r, "date");
	*st = DB_OK;
	if (!day || !*day) {
		*st = workcal_today(r, &day);
		return *st == DB_OK ? day : NULL;
	}
	if (valid_date(day) || sanbao_day(day) < 1) {
		*st = page_error(r, 400, "日期格式应为 YYYY-MM-DD，例如 2026-03-01。");
		return NULL;
	}
	return day;
}

/* One kind's table: 渠道, then a column per metric; each figure links to its records. */
static void kind_table(struct arena *a, const struct daily_figures *f, const char *day, struct report_table *t)
{
	struct report_column *cols = arena_alloc(a, sizeof(*cols) * (f->nmetrics + 1));
	cols[0] = (struct report_column){NULL, "渠道", RT_TEXT};
	for (unsigned c = 0; c < f->nmetrics; c++)
		cols[c + 1] = (struct report_column){f->metric[c], daily_metric_label(f->kind, f->metric[c]), RT_INT};
	report_table_init(t, f->kind->label, cols, f->nmetrics + 1);
	for (unsigned row = 0; row < f->nrows; row++) {
		const char *code = daily_row_code(f, row);
		unsigned i = report_table_row(a, t, code);
		report_table_set(t, i, 0, row ? f->kind->channels[row - 1][1] : "合计", NULL);
		for (unsigned c = 0; c < f->nmetrics; c++)
			report_table_set_int(
				a, t, i, c + 1, f->v[row][c],
				arena_printf(a, "/staff/reports/daily/records?date=%s&kind=%s&channel=%s&metric=%s", day,
					     f->kind->kind, code, f->metric[c]));
	}
}

static void problems_fill(struct arena *a, tmpl_dict *s, const struct ledger_kind *k, const struct report_table *p)
{
	if (!p->nrows)
		return;
	tmpl_dict *list = tmpl_section(s, "PROBLEMS");
	for (unsigned i = 0; i < p->nrows; i++) {
		const char *const *v = p->cells + (size_t)i * p->ncols;
		tmpl_dict *row = tmpl_section(list, "PROBLEM");
		tmpl_set(row, "ID", v[P_ID]);
		tmpl_set(row, "HREF", daily_record_href(a, k, v[P_ID]));
		tmpl_set(row, "NO", v[P_NO]);
		tmpl_set(row, "STATUS", v[P_STATUS]);
		tmpl_set(row, "CREATED", v[P_CREATED]);
		tmpl_set(row, "AT", v[P_AT]);
		tmpl_set(row, "WHAT", v[P_WHAT]);
	}
}

/* A kind's section: the check line, its table and the records that make a difference. */
static int kind_fill(struct request *r, tmpl_dict *d, const struct daily_figures *f, const char *day,
		     const struct report_table *t, long long *age_ms)
{
	struct report_result checks;
	const char *recheck = query_get(r, "recheck");
	int st = daily_checks_run(r, f, day, recheck && !strcmp(recheck, "1"), &checks);
	if (st != DB_OK)
		return st;
	if (checks.age_ms > *age_ms)
		*age_ms = checks.age_ms;
	const struct report_table *problems = &checks.t[0];
	tmpl_dict *s = tmpl_section(d, "KIND");
	tmpl_set(s, "KIND", f->kind->kind);
	tmpl_set(s, "LABEL", f->kind->label);
	const char *unbalanced = "";
	for (unsigned row = 0; row < f->nrows; row++)
		if (!f->balanced[row])
			unbalanced = arena_printf(&r->arena, "%s%s%s", unbalanced, *unbalanced ? "、" : "",
						  row ? f->kind->channels[row - 1][1] : "合计");
	if (!*unbalanced && !problems->nrows) {
		tmpl_show(s, "OK");
	} else {
		tmpl_dict *m = tmpl_section(s, "MISMATCH");
		if (*unbalanced)
			tmpl_set(tmpl_section(m, "UNBALANCED"), "ROWS", unbalanced);
		if (problems->nrows)
			tmpl_set_int(tmpl_section(m, "LISTED"), "N", problems->nrows);
	}
	report_table_fill(&r->arena, s, "TABLE", t);
	problems_fill(&r->arena, s, f->kind, problems);
	return DB_OK;
}

int report_daily_page(struct request *r, int status, const char *day, const char *message)
{
	struct daily_figures figs[DAILY_MAX_KINDS];
	struct report_table tables[DAILY_MAX_KINDS];
	int st = daily_figures_load(r, day, figs);
	if (st != DB_OK)
		return st;
	for (unsigned k = 0; k < LEDGER_NKINDS; k++)
		kind_table(&r->arena, &figs[k], day, &tables[k]);
	const char *format = query_get(r, "format");
	if (r->method == M_GET && format && (!strcmp(format, "csv") || !strcmp(format, "xlsx")))
		return report_export(r, format, arena_printf(&r->arena, "daily-%s", day), tables, LEDGER_NKINDS);
	tmpl_dict *d = page_begin_day(r, status, "report_daily.tpl", arena_printf(&r->arena, "每日核对 %s", day), day);
	if (message)
		tmpl_set(tmpl_section(d, "MESSAGE"), "TEXT", message);
	long long age_ms = 0;
	for (unsigned k = 0; st == DB_OK && k < LEDGER_NKINDS; k++)
		st = kind_fill(r, d, &figs[k], day, &tables[k], &age_ms);
	tmpl_set(d, "CHECKED", age_ms < 1000 ? "刚刚核对" : arena_printf(&r->arena, "%lld 秒前核对", age_ms / 1000));
	if (st == DB_OK)
		st = daily_signoff_fill(r, d, day, figs);
	if (st == DB_OK)
		st = daily_chart_fill(r, d, day);
	return st;
}

/* GET /staff/reports/daily (date=YYYY-MM-DD, today when absent; format=csv|xlsx). Answers 200, or
 * 400 for a malformed date. */
int page_report_daily(struct request *r)
{
	int st;
	const char *day = query_day(r, &st);
	return day ? report_daily_page(r, 200, day, NULL) : st;
}
