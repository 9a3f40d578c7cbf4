/* Who works when, read from the roster: who is on duty now (the staff home), one person's shifts
 * (/staff/my, the calendar feed, the shift swap form). */
#ifndef AFTERSALES_ROSTER_DUTY_H
#define AFTERSALES_ROSTER_DUTY_H
#include "request.h"
#include "roster_rules.h"

/* One roster row with its shift type. */
struct roster_shift {
	long long id, user_id, type_id;
	const char *day;          /* "YYYY-MM-DD", the day it starts */
	const char *name;         /* the shift type's name */
	int start_min, end_min;
	int duty_officer;
	struct shift_span span;   /* local seconds */
};

/* The database's NOW() in the site's time zone, as local seconds (sla.h). Returns a db_status. */
int roster_now(struct request *r, long long *now);
/* "08:00–16:00", or "22:00–次日08:00" for a shift that ends the next day. */
const char *shift_hours_text(struct arena *a, int start_min, int end_min);
/* user_id's shifts starting on days from_day..to_day (days since 1970-01-01), in order of start.
 * Returns a db_status. */
int roster_shifts_of(struct request *r, long long user_id, long long from_day, long long to_day,
		     struct roster_shift **out, size_t *n);
/* Roster row id into *s (locked for the transaction when lock); *found 0 when there is none.
 * Returns a db_status. */
int roster_shift_load(struct request *r, long long id, int lock, struct roster_shift *s, int *found);
/* "03-01 周日": the month, day and weekday the shift starts on. */
const char *shift_day_label(struct arena *a, const struct roster_shift *s);
/* "03-01 周日 夜班 22:00–次日08:00" */
const char *shift_label(struct arena *a, const struct roster_shift *s);
/* The staff home's block: a DUTY row (WHEN "now") per shift working now, the duty officer's first,
 * night shifts of yesterday included, then those (WHEN "next") of the shift(s) starting next, each
 * with its PERSON rows; NO_DUTY when nobody works now. Returns a db_status. */
int duty_now_fill(struct request *r, tmpl_dict *d);
/* The signed-in user's shifts not yet over in the next 14 days, as MY_SHIFT rows (or NO_SHIFTS).
 * Returns a db_status. */
int my_shifts_fill(struct request *r, tmpl_dict *d);

#endif
