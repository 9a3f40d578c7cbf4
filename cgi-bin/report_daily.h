/* The daily reconciliation page (每日核对) and its parts: the sign-off box and the 30-day chart. */
#ifndef AFTERSALES_REPORT_DAILY_H
#define AFTERSALES_REPORT_DAILY_H
#include "report_daily_db.h"

/* The day's page with status; message (may be NULL) says why a sign-off was refused. Returns a
 * db_status. */
int report_daily_page(struct request *r, int status, const char *day, const char *message);

/* The sign-off box of d for day: the latest sign-off and the history, and the figures that changed
 * since, compared with current (daily_figures_text of the page). Returns a db_status. */
int daily_signoff_fill(struct request *r, tmpl_dict *d, const char *day, const struct daily_figures *current);
/* The chart of the 30 days ending on day for repairs: taken in and finished as bars, the open
 * backlog as a line, at include marker CHART of d. Returns a db_status. */
int daily_chart_fill(struct request *r, tmpl_dict *d, const char *day);

#endif
