/* GET /staff/reports/repairs: the repair and return report (维修报表) for a date range, on the page
 * or as CSV / xlsx (&format=). Repairs count in the range by the day they came in (product,
 * channel) or were resolved (category, technician, warranty, costs). */
#include "ledger.h"
#include "list.h"
#include "pages.h"
#include "report_repairs.h"
#include "response.h"
#include "stats.h"

#include <string.h>

/* A year and a day: a year over a leap day still fits. */
#define RANGE_MAX_DAYS 366

static const char SQL_BY_PRODUCT[] =
	"SELECT product, COUNT(*) FROM repairs WHERE " REPORT_IN_RANGE("created_at") " GROUP BY product "
	"ORDER BY COUNT(*) DESC, product";
static const char SQL_BY_CHANNEL[] =
	"SELECT channel, COUNT(*) FROM repairs WHERE " REPORT_IN_RANGE("created_at") " GROUP BY channel ORDER BY channel";
/* grouped before the join: a dozen category look-ups, not one per repair */
static const char SQL_BY_CATEGORY[] =
	"SELECT x.category, COALESCE(c.name, ''), x.n FROM (SELECT fault_category_id AS category, COUNT(*) AS n "
	"FROM repairs WHERE " REPORT_IN_RANGE("resolved_at") " GROUP BY fault_category_id) x "
	"LEFT JOIN fault_categories c ON c.id = x.category ORDER BY x.category IS NULL, c.sort, c.id";
/* DECIMAL yuan summed exactly, then as integer cents */
static const char SQL_BY_WARRANTY[] =
	"SELECT COALESCE(warranty_repair, -1), COUNT(*), CAST(COALESCE(SUM(labour_cost), 0) * 100 AS SIGNED), "
	"CAST(COALESCE(SUM(parts_cost), 0) * 100 AS SIGNED) FROM repairs WHERE " REPORT_IN_RANGE("resolved_at")
	" GROUP BY warranty_repair ORDER BY warranty_repair DESC";

static const struct report_column PRODUCT_COLS[] = {
	{"product", "产品", RT_TEXT},
	{"taken_in", "受理单数", RT_INT},
};
static const struct report_column CHANNEL_COLS[] = {
	{"channel", "渠道", RT_TEXT},
	{"taken_in", "受理单数", RT_INT},
};
static const struct report_column CATEGORY_COLS[] = {
	{"fault_category", "故障分类", RT_TEXT},
	{"resolved", "完成单数", RT_INT},
	{"share", "占比", RT_PERCENT},
};
static const struct report_column WARRANTY_COLS[] = {
	{"warranty", "保修/付费", RT_TEXT},
	{"resolved", "完成单数", RT_INT},
	{"labour_cost", "人工费", RT_MONEY},
	{"parts_cost", "配件费", RT_MONEY},
	{"revenue", "收入", RT_MONEY},
};

int report_set_counts(struct request *r, const struct report_range *g, struct report_result *s, const char *marker,
		      const char *sql, const char *name, const struct report_column *cols,
		      const char *(*label)(const char *), const char *empty_label)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, sql, "ss", g->from, g->to);
	if (st != DB_OK)
		return st;
	struct report_table *t = report_result_add(s, marker, name, cols, 2);
	for (size_t i = 0; i < res.nrows; i++) {
		const char *code = db_cell(&res, i, 0), *l = *code ? label(code) : empty_label;
		unsigned row = report_table_row(&r->arena, t, *code ? code : "none");
		report_table_set(t, row, 0, l ? l : code, NULL);
		report_table_set(t, row, 1, db_cell(&res, i, 1), NULL);
	}
	return DB_OK;
}

/* A product is named by itself. */
static const char *product_label(const char *product)
{
	(void)product;
	return NULL;
}

static const char *channel_label(const char *channel)
{
	const struct ledger_kind *k = ledger_kind_find("repair");
	return choice_label(k->channels, k->nchannels, channel);
}

static int intake_tables(struct request *r, const struct report_range *g, struct report_result *s)
{
	int st = report_set_counts(r, g, s, "INTAKE", SQL_BY_PRODUCT, "受理：按产品", PRODUCT_COLS, product_label, "");
	return st == DB_OK ? report_set_counts(r, g, s, "INTAKE", SQL_BY_CHANNEL, "受理：按渠道", CHANNEL_COLS,
					       channel_label, "")
			   : st;
}

static int category_table(struct request *r, const struct report_range *g, struct report_result *s)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_BY_CATEGORY, "ss", g->from, g->to);
	if (st != DB_OK)
		return st;
	long long total = 0;
	for (size_t i = 0; i < res.nrows; i++)
		total += db_cell_int(&res, i, 2);
	struct report_table *t = report_result_add(s, "RESOLVED", "完成：按故障分类", CATEGORY_COLS, 3);
	for (size_t i = 0; i < res.nrows; i++) {
		const char *id = db_cell(&res, i, 0);
		int uncategorised = !id || !*id;
		unsigned row = report_table_row(&r->arena, t, uncategorised ? "none" : id);
		char share[48];
		stats_ratio(db_cell_int(&res, i, 2), total, share);
		report_table_set(t, row, 0, uncategorised ? "未分类" : db_cell(&res, i, 1), NULL);
		report_table_set(t, row, 1, db_cell(&res, i, 2), NULL);
		report_table_set(t, row, 2, arena_strndup(&r->arena, share, strlen(share)), NULL);
	}
	return DB_OK;
}

/* Warranty repairs, paid ones, and those resolved before the question was asked; revenue is what
 * the paid repairs charged. */
static int warranty_table(struct request *r, const struct report_range *g, struct report_result *s)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_BY_WARRANTY, "ss", g->from, g->to);
	if (st != DB_OK)
		return st;
	struct report_table *t = report_result_add(s, "RESOLVED", "完成：保修与付费", WARRANTY_COLS, 5);
	long long n = 0, labour = 0, parts = 0, revenue = 0;
	for (size_t i = 0; i < res.nrows; i++) {
		long long w = db_cell_int(&res, i, 0), c = db_cell_int(&res, i, 1);
		long long l = db_cell_int(&res, i, 2), p = db_cell_int(&res, i, 3), rev = w == 0 ? l + p : 0;
		unsigned row = report_table_row(&r->arena, t, w == 1 ? "warranty" : w == 0 ? "paid" : "unknown");
		report_table_set(t, row, 0, w == 1 ? "保修期内" : w == 0 ? "付费维修" : "未填写", NULL);
		report_table_set_int(&r->arena, t, row, 1, c, NULL);
		report_table_set_int(&r->arena, t, row, 2, l, NULL);
		report_table_set_int(&r->arena, t, row, 3, p, NULL);
		report_table_set_int(&r->arena, t, row, 4, rev, NULL);
		n += c, labour += l, parts += p, revenue += rev;
	}
	unsigned row = report_table_row(&r->arena, t, "total");
	report_table_set(t, row, 0, "合计", NULL);
	report_table_set_int(&r->arena, t, row, 1, n, NULL);
	report_table_set_int(&r->arena, t, row, 2, labour, NULL);
	report_table_set_int(&r->arena, t, row, 3, parts, NULL);
	report_table_set_int(&r->arena, t, row, 4, revenue, NULL);
	return DB_OK;
}

/* The range form with the dates as sent, and the error when they cannot be used. */
static tmpl_dict *report_page(struct request *r, int status, const struct report_range *g)
{
	tmpl_dict *d = page_begin(r, status, "report_repairs.tpl", "维修报表");
	tmpl_set(d, "from", g->from);
	tmpl_set(d, "to", g->to);
	if (g->error)
		tmpl_set(tmpl_section(d, "RANGE_ERROR"), "MESSAGE", g->error);
	return d;
}

#define REPAIRS_KEEP_SECONDS 60

/* The whole report of a range: every table, and the number of repeats in numbers[0]. */
static int report_build_range(struct request *r, const void *ctx, struct report_result *s)
{
	const struct report_range *g = ctx;
	int st = intake_tables(r, g, s);
	if (st == DB_OK)
		st = category_table(r, g, s);
	if (st == DB_OK)
		st = warranty_table(r, g, s);
	if (st == DB_OK)
		st = report_repairs_times(r, g, s);
	if (st == DB_OK)
		st = report_repairs_repeats(r, g, s, &s->numbers[0]);
	if (st == DB_OK)
		st = report_returns_tables(r, g, s);
	return st;
}

int page_report_repairs(struct request *r)
{
	struct report_range g;
	int st = report_range_read(r, RANGE_MAX_DAYS, &g);
	if (st != DB_OK)
		return st;
	if (g.error) {
		report_page(r, 422, &g);
		return 0;
	}
	const char *format = list_param(r, "format", 8);
	/* a month of a million repairs takes about half a second: kept a minute, 重新统计 runs it again */
	struct report_result s;
	const char *fresh = query_get(r, "fresh");
	st = report_cached(r, arena_printf(&r->arena, "repairs|%s|%s", g.from, g.to), REPAIRS_KEEP_SECONDS,
			   fresh && !strcmp(fresh, "1"), report_build_range, &g, &s);
	if (st != DB_OK)
		return st;
	if (!strcmp(format, "csv") || !strcmp(format, "xlsx"))
		return report_export(r, format, arena_printf(&r->arena, "repairs-%s-%s", g.from, g.to), s.t, s.n);
	tmpl_dict *d = report_page(r, 200, &g);
	tmpl_dict *report = tmpl_section(d, "REPORT");
	tmpl_set(report, "QUERY", arena_printf(&r->arena, "from=%s&to=%s", g.from, g.to));
	tmpl_set_int(report, "REPEATS", s.numbers[0]);
	tmpl_set(report, "AGE", s.age_ms < 1000 ? "刚刚统计" : arena_printf(&r->arena, "%lld 秒前统计", s.age_ms / 1000));
	for (unsigned i = 0; i < s.n; i++)
		report_table_fill(&r->arena, report, s.marker[i], &s.t[i]);
	struct chart weeks;
	report_repairs_week_chart(&r->arena, &s, &weeks);
	chart_fill(&r->arena, report, "WEEK_CHART", &weeks);
	return 0;
}
