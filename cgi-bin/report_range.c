/* A report's date range: defaults, calendar checks and the longest span allowed. */
#include "report_range.h"
#include "list.h"
#include "sla.h"
#include "valid.h"
#include "workcal.h"

#include <string.h>

/* Days from from to to, both counted (dates valid_date accepted). */
static long long span_days(const char *from, const char *to)
{
	long long a = 0, b = 0;
	sla_parse(from, &a);
	sla_parse(to, &b);
	return (b - a) / 86400 + 1;
}

int report_range_read(struct request *r, long max_days, struct report_range *g)
{
	g->from = list_param(r, "from", 32);
	g->to = list_param(r, "to", 32);
	g->error = NULL;
	if (!*g->from && !*g->to) {
		int st = workcal_today(r, &g->to);
		if (st != 0)
			return st;
		g->from = arena_printf(&r->arena, "%.8s01", g->to);
		return 0;
	}
	if (valid_date(g->from))
		g->error = "开始日期无效，请按 YYYY-MM-DD 填写，例如 2026-03-01";
	else if (valid_date(g->to))
		g->error = "结束日期无效，请按 YYYY-MM-DD 填写，例如 2026-03-31";
	else if (strcmp(g->from, g->to) > 0)
		g->error = "结束日期不能早于开始日期";
	else if (span_days(g->from, g->to) > max_days)
		g->error = arena_printf(&r->arena, "日期范围最长 %ld 天，请缩短范围", max_days);
	return 0;
}
