/* One day's reconciliation figures per kind and channel, read from report_days (sql/010), and
 * their compact text for a sign-off. Shared by the daily page, its export and its sign-off. */
#ifndef AFTERSALES_REPORT_DAILY_DB_H
#define AFTERSALES_REPORT_DAILY_DB_H
#include "ledger.h"

#define DAILY_MAX_KINDS 4    /* at least LEDGER_NKINDS: arrays of a page's figures */
#define DAILY_MAX_ROWS 5     /* 合计 + up to four channels */
#define DAILY_MAX_METRICS 10 /* open_at_start, taken_in, reopened, five finishes, finished, open_at_end */

struct daily_figures {
	const struct ledger_kind *kind;
	unsigned nrows;                          /* 1 + kind->nchannels; row 0 is 合计 */
	unsigned nmetrics;
	const char *metric[DAILY_MAX_METRICS];   /* codes, in column order */
	long long v[DAILY_MAX_ROWS][DAILY_MAX_METRICS];
	int balanced[DAILY_MAX_ROWS];            /* open_at_start + taken_in + reopened - finished == open_at_end */
};

/* The row's data-row code: "all" for row 0, else the channel code. */
const char *daily_row_code(const struct daily_figures *f, unsigned row);
/* The column label of a metric of kind k: "期初未结", a status label, ... */
const char *daily_metric_label(const struct ledger_kind *k, const char *metric);
/* Is metric one of k's finishing statuses. */
int daily_metric_finishes(const struct ledger_kind *k, const char *metric);

/* Fills out[LEDGER_NKINDS] with day's figures. Returns a db_status. */
int daily_figures_load(struct request *r, const char *day, struct daily_figures *out);
/* The open records of every kind and channel at a boundary: open_at_end of the latest day before
 * `before` (exclusive), read once; daily_open_of answers one kind and channel (0 if none). */
struct daily_open {
	struct db_result res;
};
int daily_open_before(struct request *r, const char *before, struct daily_open *out);
long long daily_open_of(const struct daily_open *o, const char *kind, const char *channel);

/* "repair.all.taken_in=3;..." of every non-zero figure (an absent one is 0), to keep what a signer
 * saw inside report_signoffs.figures' 4000 characters. */
const char *daily_figures_text(struct arena *a, const struct daily_figures *f, unsigned nkinds);
/* The value of key ("repair.all.taken_in") in such a text, 0 when absent. */
long long daily_figures_value(const char *text, const char *key);

/* The statuses of flow that are open, comma-separated, for FIND_IN_SET in SQL. */
const char *daily_open_statuses(struct arena *a, const struct flow *f);

#endif
