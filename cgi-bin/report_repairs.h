/* The repair and return report (维修报表): its tables are built by the files report_repairs*.c and
 * report_returns.c into one set, which the page shows or exports. */
#ifndef AFTERSALES_REPORT_REPAIRS_H
#define AFTERSALES_REPORT_REPAIRS_H
#include "chart.h"
#include "report_cache.h"
#include "report_range.h"
#include "report_table.h"

/* A table of two columns, a label and a count, from sql (parameters from, to; it answers code and
 * count), shown at marker: label(code) names each row (NULL: the code itself; code "" is shown as
 * empty_label). */
int report_set_counts(struct request *r, const struct report_range *g, struct report_result *s, const char *marker,
		      const char *sql, const char *name, const struct report_column *cols,
		      const char *(*label)(const char *), const char *empty_label);

/* Repairs resolved in the range by technician with their working hours to resolve, and per ISO week
 * with the on-time share (table WEEKS). */
int report_repairs_times(struct request *r, const struct report_range *g, struct report_result *s);
/* The weekly chart drawn from table WEEKS of the result (none when it is missing). */
void report_repairs_week_chart(struct arena *a, const struct report_result *s, struct chart *c);
/* Repairs taken in during the range whose serial had another repair resolved in the 90 days before:
 * the first 200, and how many there are in *total. */
int report_repairs_repeats(struct request *r, const struct report_range *g, struct report_result *s, long long *total);
/* Returns made in the range by kind with refund totals, by reason, by inspection result and by status. */
int report_returns_tables(struct request *r, const struct report_range *g, struct report_result *s);

/* The WHERE condition of a column within the range; its parameters are from and to ("ss"). */
#define REPORT_IN_RANGE(col) col " >= ? AND " col " < ? + INTERVAL 1 DAY"

#endif
