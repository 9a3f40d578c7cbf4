/* The daily page's chart: repairs taken in and finished per day over 30 days, with the open backlog. */
#include "chart.h"
#include "report_daily.h"
#include "sanbao.h"

#include <string.h>

#define DAYS 30

/* The range's rows of repairs (first day, last day), per day and channel. */
static const char SQL_RANGE[] =
	"SELECT DATE_FORMAT(day, '%Y-%m-%d'), channel, metric, n FROM report_days FORCE INDEX (report_days_day) "
	"WHERE day BETWEEN ? AND ? AND kind = 'repair'";

int daily_chart_fill(struct request *r, tmpl_dict *d, const char *day)
{
	const struct ledger_kind *k = ledger_kind_find("repair");
	long long last = sanbao_day(day), first = last - (DAYS - 1);
	char from[11];
	sanbao_format(first, from);
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_RANGE, "ss", from, day);
	if (st != DB_OK)
		return st;
	double *taken = arena_alloc(&r->arena, sizeof(double) * DAYS * 3), *finished = taken + DAYS,
	       *backlog = finished + DAYS;
	const char **labels = arena_alloc(&r->arena, sizeof(char *) * DAYS);
	memset(taken, 0, sizeof(double) * DAYS * 3);
	/* a channel's backlog carries over the days it had no move: start from before the range */
	long long open[DAILY_MAX_ROWS] = {0};
	struct daily_open before;
	if ((st = daily_open_before(r, from, &before)) != DB_OK)
		return st;
	for (unsigned c = 0; c < k->nchannels && c < DAILY_MAX_ROWS; c++)
		open[c] = daily_open_of(&before, k->kind, k->channels[c][0]);
	for (unsigned i = 0; i < DAYS; i++) {
		char date[11];
		sanbao_format(first + i, date);
		labels[i] = arena_printf(&r->arena, "%.5s", date + 5);
		for (size_t j = 0; j < res.nrows; j++) {
			if (strcmp(db_cell(&res, j, 0), date))
				continue;
			const char *metric = db_cell(&res, j, 2);
			long long n = db_cell_int(&res, j, 3);
			if (!strcmp(metric, "taken_in"))
				taken[i] += (double)n;
			else if (daily_metric_finishes(k, metric))
				finished[i] += (double)n;
			for (unsigned c = 0; !strcmp(metric, "open_at_end") && c < k->nchannels && c < DAILY_MAX_ROWS;
			     c++)
				if (!strcmp(k->channels[c][0], db_cell(&res, j, 1)))
					open[c] = n;
		}
		for (unsigned c = 0; c < k->nchannels && c < DAILY_MAX_ROWS; c++)
			backlog[i] += (double)open[c];
	}
	const struct chart_series series[] = {
		{"受理", taken, 0},
		{"完成", finished, 0},
		{"未结", backlog, 1},
	};
	const struct chart chart = {
		.title = arena_printf(&r->arena, "报修：近 30 天受理、完成与未结（至 %s）", day),
		.unit = "件",
		.n = DAYS,
		.labels = labels,
		.series = series,
		.nseries = 3,
	};
	chart_fill(&r->arena, d, "CHART", &chart);
	return DB_OK;
}
