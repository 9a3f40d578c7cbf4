/* A day's reconciliation figures from report_days: the day's counts, and the open records at its
 * two boundaries (the balance after the last move before each). */
#include "report_daily_db.h"
#include "sanbao.h"

#include <stdlib.h>
#include <string.h>

static const char SQL_DAY_COUNTS[] =
	"SELECT kind, channel, metric, n FROM report_days WHERE day = ? AND metric <> 'open_at_end'";
static const char SQL_OPEN_BEFORE[] =
	"SELECT n FROM report_days WHERE kind = ? AND channel = ? AND metric = 'open_at_end' AND day < ? "
	"ORDER BY day DESC LIMIT 1";

enum { M_START, M_TAKEN, M_REOPENED, M_FIRST_FINISH };

const char *daily_row_code(const struct daily_figures *f, unsigned row)
{
	return row ? f->kind->channels[row - 1][0] : "all";
}

int daily_metric_finishes(const struct ledger_kind *k, const char *metric)
{
	for (unsigned i = 0; i < k->nfinishes; i++)
		if (!strcmp(k->finishes[i], metric))
			return 1;
	return 0;
}

const char *daily_metric_label(const struct ledger_kind *k, const char *metric)
{
	static const char *const FIXED[][2] = {{"open_at_start", "期初未结"}, {"taken_in", "当日受理"},
					       {"reopened", "重新打开"},     {"finished", "完成合计"},
					       {"open_at_end", "期末未结"}};
	for (unsigned i = 0; i < sizeof(FIXED) / sizeof(FIXED[0]); i++)
		if (!strcmp(FIXED[i][0], metric))
			return FIXED[i][1];
	return flow_status_label(k->flow, metric);
}

static void metrics_init(struct daily_figures *f, const struct ledger_kind *k)
{
	memset(f, 0, sizeof(*f));
	f->kind = k;
	f->nrows = 1 + k->nchannels;
	f->metric[M_START] = "open_at_start";
	f->metric[M_TAKEN] = "taken_in";
	f->metric[M_REOPENED] = "reopened";
	for (unsigned i = 0; i < k->nfinishes; i++)
		f->metric[M_FIRST_FINISH + i] = k->finishes[i];
	f->metric[M_FIRST_FINISH + k->nfinishes] = "finished";
	f->metric[M_FIRST_FINISH + k->nfinishes + 1] = "open_at_end";
	f->nmetrics = M_FIRST_FINISH + k->nfinishes + 2;
}

static int column_of(const struct daily_figures *f, const char *metric)
{
	for (unsigned i = 0; i < f->nmetrics; i++)
		if (!strcmp(f->metric[i], metric))
			return (int)i;
	return -1;
}

static int row_of(const struct daily_figures *f, const char *channel)
{
	for (unsigned i = 0; i < f->kind->nchannels; i++)
		if (!strcmp(f->kind->channels[i][0], channel))
			return (int)i + 1;
	return -1;
}

int daily_open_before(struct request *r, const char *kind, const char *channel, const char *before, long long *n)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_OPEN_BEFORE, "sss", kind, channel, before);
	*n = st == DB_OK && res.nrows ? db_cell_int(&res, 0, 0) : 0;
	return st;
}

int daily_figures_load(struct request *r, const char *day, struct daily_figures *out)
{
	char next[11];
	sanbao_format(sanbao_day(day) + 1, next);
	for (unsigned k = 0; k < LEDGER_NKINDS; k++)
		metrics_init(&out[k], &LEDGER_KINDS[k]);
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_DAY_COUNTS, "s", day);
	if (st != DB_OK)
		return st;
	for (size_t i = 0; i < res.nrows; i++) {
		const struct ledger_kind *k = ledger_kind_find(db_cell(&res, i, 0));
		if (!k)
			continue;
		struct daily_figures *f = &out[k - LEDGER_KINDS];
		int row = row_of(f, db_cell(&res, i, 1)), col = column_of(f, db_cell(&res, i, 2));
		if (row > 0 && col > 0)
			f->v[row][col] += db_cell_int(&res, i, 3);
	}
	for (unsigned k = 0; k < LEDGER_NKINDS; k++) {
		struct daily_figures *f = &out[k];
		unsigned finished = M_FIRST_FINISH + f->kind->nfinishes, end = finished + 1;
		for (unsigned row = 1; row < f->nrows; row++) {
			const char *channel = f->kind->channels[row - 1][0];
			st = daily_open_before(r, f->kind->kind, channel, day, &f->v[row][M_START]);
			if (st == DB_OK)
				st = daily_open_before(r, f->kind->kind, channel, next, &f->v[row][end]);
			if (st != DB_OK)
				return st;
			for (unsigned i = 0; i < f->kind->nfinishes; i++)
				f->v[row][finished] += f->v[row][M_FIRST_FINISH + i];
			for (unsigned col = 0; col < f->nmetrics; col++)
				f->v[0][col] += f->v[row][col];
		}
		for (unsigned row = 0; row < f->nrows; row++)
			f->balanced[row] = f->v[row][M_START] + f->v[row][M_TAKEN] + f->v[row][M_REOPENED] -
						   f->v[row][finished] ==
					   f->v[row][end];
	}
	return DB_OK;
}

const char *daily_figures_text(struct arena *a, const struct daily_figures *f, unsigned nkinds)
{
	const char *text = "";
	for (unsigned k = 0; k < nkinds; k++)
		for (unsigned row = 0; row < f[k].nrows; row++)
			for (unsigned col = 0; col < f[k].nmetrics; col++)
				if (f[k].v[row][col])
					text = arena_printf(a, "%s%s.%s.%s=%lld;", text, f[k].kind->kind,
							    daily_row_code(&f[k], row), f[k].metric[col], f[k].v[row][col]);
	return text;
}

long long daily_figures_value(const char *text, const char *key)
{
	size_t n = strlen(key);
	for (const char *p = text; p && *p;) {
		if (!strncmp(p, key, n) && p[n] == '=')
			return strtoll(p + n + 1, NULL, 10);
		p = strchr(p, ';');
		if (p)
			p++;
	}
	return 0;
}

const char *daily_open_statuses(struct arena *a, const struct flow *f)
{
	const char *list = "";
	for (unsigned i = 0; i < f->nstatuses; i++)
		if (f->statuses[i].open)
			list = arena_printf(a, "%s%s%s", list, *list ? "," : "", f->statuses[i].code);
	return list;
}
