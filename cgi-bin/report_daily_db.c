/* A day's reconciliation figures from report_days: the day's counts, and the open records at its
 * two boundaries (the balance after the last move before each). */
#include "report_daily_db.h"
#include "sanbao.h"

#include <stdlib.h>
#include <string.h>

static const char SQL_DAY_COUNTS[] =
	"SELECT kind, channel, metric, n FROM report_days WHERE day = ? AND metric <> 'open_at_end'";
/* open_at_end of the latest day before a boundary, of every kind and channel at once (a loose scan of
 * the primary key: one entry per kind and channel). */
static const char SQL_OPEN_BEFORE[] =
	"SELECT d.kind, d.channel, d.n FROM report_days d JOIN (SELECT kind, channel, MAX(day) AS day FROM report_days "
	"WHERE metric = 'open_at_end' AND day < ? GROUP BY kind, channel) x ON d.kind = x.kind AND d.channel = x.channel "
	"AND d.metric = 'open_at_end' AND d.day = x.day";

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

int daily_open_before(struct request *r, const char *before, struct daily_open *out)
{
	return db_exec(r->db, &r->arena, &out->res, SQL_OPEN_BEFORE, "s", before);
}

long long daily_open_of(const struct daily_open *o, const char *kind, const char *channel)
{
	for (size_t i = 0; i < o->res.nrows; i++)
		if (!strcmp(db_cell(&o->res, i, 0), kind) && !strcmp(db_cell(&o->res, i, 1), channel))
			return db_cell_int(&o->res, i, 2);
	return 0;
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
	struct daily_open start, end_of_day;
	st = daily_open_before(r, day, &start);
	if (st == DB_OK)
		st = daily_open_before(r, next, &end_of_day);
	if (st != DB_OK)
		return st;
	for (unsigned k = 0; k < LEDGER_NKINDS; k++) {
		struct daily_figures *f = &out[k];
		unsigned finished = M_FIRST_FINISH + f->kind->nfinishes, end = finished + 1;
		for (unsigned row = 1; row < f->nrows; row++) {
			const char *channel = f->kind->channels[row - 1][0];
			f->v[row][M_START] = daily_open_of(&start, f->kind->kind, channel);
			f->v[row][end] = daily_open_of(&end_of_day, f->kind->kind, channel);
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
	struct arena_text text = {.arena = a};
	arena_text_puts(&text, "");
	for (unsigned k = 0; k < nkinds; k++)
		for (unsigned row = 0; row < f[k].nrows; row++)
			for (unsigned col = 0; col < f[k].nmetrics; col++)
				if (f[k].v[row][col])
					arena_text_puts(&text, arena_printf(a, "%s.%s.%s=%lld;", f[k].kind->kind,
									    daily_row_code(&f[k], row), f[k].metric[col],
									    f[k].v[row][col]));
	return text.buf;
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
