/* The daily reconciliation's independent checks: each finds the records that make a day's
 * figures wrong, whatever the equation says. */
#ifndef AFTERSALES_REPORT_DAILY_CHECK_H
#define AFTERSALES_REPORT_DAILY_CHECK_H
#include "report_cache.h"
#include "report_daily_db.h"

/* The columns of the problems' table: each row a record and why it is listed. */
enum daily_problem_column { P_WHAT, P_ID, P_NO, P_STATUS, P_CREATED, P_AT, DAILY_PROBLEM_COLUMNS };

/* The problems of f's kind on day (f: that day's figures), as table out->t[0] (columns enum
 * daily_problem_column):
 * (a) a move of the day, or the first after it, whose balance is not the previous move's plus one
 *     in or minus one out (same kind and channel);
 * (b) a record created on day without its taken_in move that day, or a taken_in move of the day
 *     whose record says it was created on another day (changed after the fact);
 * (c) a record whose last move was on day and whose status now is open while that move finished
 *     it, or the other way round (status changed without the application).
 * Each query is bounded to the day by an index; (b) lists only when the day's created records do
 * not number its taken_in; the latest 500 first.
 * The result is kept in this process for DAILY_CHECK_SECONDS against the same figures, so a page
 * looked at by many stays cheap; a change through the application changes the figures and runs
 * the checks again, a change behind its back shows within that time, and fresh runs them now
 * (重新核对, and before a sign-off). Returns a db_status. */
#define DAILY_CHECK_SECONDS 30
int daily_checks_run(struct request *r, const struct daily_figures *f, const char *day, int fresh,
		     struct report_result *out);

/* The record page of a kind's record id: /staff/repairs/<id>, ... */
const char *daily_record_href(struct arena *a, const struct ledger_kind *k, const char *id);

#endif
