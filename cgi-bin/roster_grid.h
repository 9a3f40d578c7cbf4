/* The month roster page, shared by the page itself and the edits that show it again with a refusal. */
#ifndef AFTERSALES_ROSTER_GRID_H
#define AFTERSALES_ROSTER_GRID_H
#include "request.h"

/* One month of the roster. */
struct roster_month {
	char ym[8];          /* "YYYY-MM" */
	long long first;     /* its first day, days since 1970-01-01 */
	int ndays;
};

/* Reads "YYYY-MM" into m. Returns 0, or -1 when malformed or outside 1990-2099. */
int roster_month_parse(const char *ym, struct roster_month *m);
/* The month of day (days since 1970-01-01) into m. */
void roster_month_of(long long day, struct roster_month *m);

/* Shows the month grid with status; refusal (NULL for none) above it, and the assign form keeping
 * the posted person, day and shift. Returns a db_status. */
int roster_grid_show(struct request *r, int status, const struct roster_month *m, const char *refusal);

#endif
