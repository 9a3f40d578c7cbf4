/* The daily reconciliation's independent checks: each finds the records that make a day's
 * figures wrong, whatever the equation says. */
#ifndef AFTERSALES_REPORT_DAILY_CHECK_H
#define AFTERSALES_REPORT_DAILY_CHECK_H
#include "report_daily_db.h"

struct daily_problem {
	const char *what;   /* why it is listed */
	const char *id, *no, *status, *created, *at;
};

struct daily_problems {
	struct daily_problem *p;
	unsigned n, cap;
};

/* Appends to out the problems of f's kind on day (f: that day's figures):
 * (a) a move of the day, or the first after it, whose balance is not the previous move's plus one
 *     in or minus one out (same kind and channel);
 * (b) a record created on day without its taken_in move that day, or a taken_in move of the day
 *     whose record says it was created on another day (changed after the fact);
 * (c) a record moved on day whose status now is open while its last move finished it, or the
 *     other way round (status changed without the application).
 * Each query is bounded to the day by an index; (b) and (c) list only when a count says something
 * is wrong (the day's created records against its taken_in; the records open now against the
 * ledger's balance), the latest 500 first. Returns a db_status. */
int daily_checks_run(struct request *r, const struct daily_figures *f, const char *day, struct daily_problems *out);

/* The record page of a kind's record id: /staff/repairs/<id>, ... */
const char *daily_record_href(struct arena *a, const struct ledger_kind *k, const char *id);

#endif
