/* The date range of a report (?from=YYYY-MM-DD&to=YYYY-MM-DD), read and checked once for every
 * report that covers a span of days. */
#ifndef AFTERSALES_REPORT_RANGE_H
#define AFTERSALES_REPORT_RANGE_H
#include "request.h"

struct report_range {
	const char *from, *to; /* as sent (for the form), or the default */
	const char *error;     /* why the range cannot be used, or NULL */
};

/* Reads from and to; when both are absent the range is the current month up to today. A bad date,
 * to before from, or more than max_days days sets g->error (the page answers 422 with the form as
 * sent). Returns a db_status (today comes from the database's clock). */
int report_range_read(struct request *r, long max_days, struct report_range *g);

#endif
