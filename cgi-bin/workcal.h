/* The working calendar of time limits as the database and configuration have it, and the time-limit
 * line every record page shows. */
#ifndef AFTERSALES_WORKCAL_H
#define AFTERSALES_WORKCAL_H
#include "request.h"
#include "sla.h"

/* Fills cal from the configuration and the holidays table; the day numbers live in the arena.
 * Returns a db_status. */
int workcal_load(struct request *r, struct sla_calendar *cal);
/* The database's NOW() in the site's time zone, "YYYY-MM-DD HH:MM:SS", into *now (arena). Returns a
 * db_status. */
int workcal_now(struct request *r, const char **now);
/* The database's today in the site's time zone, "YYYY-MM-DD", into *today (arena). Returns a
 * db_status. */
int workcal_today(struct request *r, const char **today);
/* The moment `minutes` working minutes after now ("YYYY-MM-DD HH:MM:SS"), into due. Returns a db_status. */
int workcal_due(struct request *r, const char *now, long minutes, char due[20]);
/* The moment `hours` working hours after the database's now, into due: the limit a request gets as
 * it comes in (a repair's first response, a return's answer). Returns a db_status. */
int workcal_due_from_now(struct request *r, int hours, char due[20]);
/* The start of the next working half-day after now (a call tried again, a complaint's follow-up
 * call), into at. Returns a db_status. */
int workcal_next_half_day(struct request *r, const char *now, char at[20]);
/* Whether the minute at at ("YYYY-MM-DD HH:MM:SS") is working time, into *working. Returns a
 * db_status (DB_ERR for a malformed at). */
int workcal_working(struct request *r, const char *at, int *working);
/* Working minutes from now to due (negative when over), into *left. Returns a db_status. */
int workcal_left(struct request *r, const char *now, const char *due, long *left);
/* "45 分钟", "3 小时 5 分钟" (the sign is dropped), in the arena. */
const char *duration_text(struct arena *a, long minutes);

/* What a record's time limit looks like now. */
struct sla_view {
	const char *due;             /* "YYYY-MM-DD HH:MM:SS", NULL: no limit (then nothing is shown) */
	const char *now;             /* the database's NOW() in the same form */
	int running;                 /* the clock runs in the current status */
	const char *paused_minutes;  /* working minutes that were left when it was paused, or NULL */
	const char *pause_reason;    /* e.g. "等待配件" */
	const char *done_at;         /* "YYYY-MM-DD HH:MM" when the limit was met or missed */
};
/* Adds section SLA to d: DUE, STATE (left, over, paused, on time) and sub-section OVERDUE. */
int sla_view_fill(struct request *r, tmpl_dict *d, const struct sla_view *v);

#endif
