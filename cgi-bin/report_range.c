/* A report's date range: defaults, calendar checks and the longest span allowed. */
#include "report_range.h"
#include "list.h"
#include "valid.h"
#include "workcal.h"

#include <stdlib.h>
#include <string.h>

long report_day_number(const char *date)
{
	/* days from civil (Howard Hinnant's algorithm): exact for every Gregorian date */
	long y = strtol(date, NULL, 10), m = strtol(date + 5, NULL, 10), d = strtol(date + 8, NULL, 10);
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int report_range_read(struct request *r, long max_days, struct report_range *g)
{
	g->from = list_param(r, "from", 32);
	g->to = list_param(r, "to", 32);
	g->error = NULL;
	if (!*g->from && !*g->to) {
		const char *now;
		int st = workcal_now(r, &now);
		if (st != 0)
			return st;
		g->to = arena_strndup(&r->arena, now, 10);
		g->from = arena_printf(&r->arena, "%.8s01", now);
		return 0;
	}
	if (valid_date(g->from))
		g->error = "开始日期无效，请按 YYYY-MM-DD 填写，例如 2026-03-01";
	else if (valid_date(g->to))
		g->error = "结束日期无效，请按 YYYY-MM-DD 填写，例如 2026-03-31";
	else if (strcmp(g->from, g->to) > 0)
		g->error = "结束日期不能早于开始日期";
	else if (report_day_number(g->to) - report_day_number(g->from) + 1 > max_days)
		g->error = arena_printf(&r->arena, "日期范围最长 %ld 天，请缩短范围", max_days);
	return 0;
}
