/* Time limits in business hours: a working-hours calendar with weekly working days, holidays and
 * make-up working days (调休). Pure. */
#ifndef AFTERSALES_SLA_H
#define AFTERSALES_SLA_H
#include <stddef.h>

/* Times are "local seconds": a local wall-clock time read as if it were UTC (timegm of the
 * DATETIME the database shows in the site's time zone), so no time zone rules are involved. */
struct sla_calendar {
	int work_start_min, work_end_min;  /* minutes after midnight */
	int workdays;                      /* bit d: weekday d works, 0 Sunday ... 6 Saturday */
	const long long *holidays;         /* days since 1970-01-01, sorted ascending */
	size_t nholidays;
	/* make-up working days (调休上班): days that work whatever their weekday, and even when they are
	 * also in holidays; days since 1970-01-01, sorted ascending */
	const long long *makeup;
	size_t nmakeup;
};

/* The moment `minutes` of working time after start. */
long long sla_add(const struct sla_calendar *c, long long start, long minutes);
/* Working minutes from a to b (negative when b is before a). */
long sla_between(const struct sla_calendar *c, long long a, long long b);
/* The start of the next working half-day after t: the morning runs from the start of the working
 * day to its middle, the afternoon from the middle to its end. */
long long sla_next_half_day(const struct sla_calendar *c, long long t);
/* 1 when the minute starting at t is working time (a working day, inside the working hours). */
int sla_is_working(const struct sla_calendar *c, long long t);
/* The weekday of a day counted from 1970-01-01: 0 Sunday ... 6 Saturday. */
int sla_weekday(long long day);
/* "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DD" -> local seconds. Returns 0, or -1 when malformed. */
int sla_parse(const char *s, long long *out);
/* local seconds -> "YYYY-MM-DD HH:MM:SS" */
void sla_format(long long t, char out[20]);

#endif
