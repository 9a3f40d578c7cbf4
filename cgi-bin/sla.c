/* Business-time arithmetic: working minutes inside [work_start, work_end) on working weekdays that
 * are not holidays, and on make-up working days (调休) whatever their weekday. Times are "local
 * seconds" (wall-clock time read as UTC), days are counted from
 * 1970-01-01. Long spans move a week at a time, so any span costs about as much as a short one. */
#include "sla.h"

#include <string.h>
#include <time.h>

#define DAY 86400LL
/* Far enough for any time limit, small enough that nothing below can overflow. */
#define MAX_MINUTES 1000000000L

static long long floor_div(long long a, long long b)
{
	long long q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* 1970-01-01 was a Thursday. */
int sla_weekday(long long day)
{
	return (int)(((day % 7) + 7 + 4) % 7);
}

static int bits7(int mask)
{
	int n = 0;
	for (int i = 0; i < 7; i++)
		n += (mask >> i) & 1;
	return n;
}

/* A calendar the arithmetic can use: some working weekday and a non-empty working day. */
static int usable(const struct sla_calendar *c)
{
	return c && (c->workdays & 0x7F) && c->work_start_min >= 0 && c->work_end_min <= 24 * 60 &&
	       c->work_start_min < c->work_end_min;
}

/* Index of the first day >= day in the sorted list days[0..n). */
static size_t day_lower(const long long *days, size_t n, long long day)
{
	size_t lo = 0, hi = days ? n : 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (days[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int day_listed(const long long *days, size_t n, long long day)
{
	size_t i = day_lower(days, n, day);
	return days && i < n && days[i] == day;
}

static int is_makeup(const struct sla_calendar *c, long long day)
{
	return day_listed(c->makeup, c->nmakeup, day);
}

static int is_workday(const struct sla_calendar *c, long long day)
{
	if (is_makeup(c, day))
		return 1;
	return ((c->workdays >> sla_weekday(day)) & 1) && !day_listed(c->holidays, c->nholidays, day);
}

int sla_is_working(const struct sla_calendar *c, long long t)
{
	if (!usable(c))
		return 1;
	long long day = floor_div(t, DAY), minute = (t - day * DAY) / 60;
	return is_workday(c, day) && minute >= c->work_start_min && minute < c->work_end_min;
}

/* Working days in [d1, d2), d1 <= d2: the weekly ones, less holidays on working weekdays, plus
 * make-up days on days off. A day in both lists is a make-up day. */
static long long workdays_in(const struct sla_calendar *c, long long d1, long long d2)
{
	long long n = d2 - d1, count = (n / 7) * bits7(c->workdays & 0x7F);
	int wd = sla_weekday(d1);
	for (long long i = 0; i < n % 7; i++)
		count += (c->workdays >> ((wd + i) % 7)) & 1;
	if (c->holidays) {
		for (size_t i = day_lower(c->holidays, c->nholidays, d1); i < c->nholidays && c->holidays[i] < d2; i++) {
			if ((i > 0 && c->holidays[i] == c->holidays[i - 1]) || is_makeup(c, c->holidays[i]))
				continue;
			count -= (c->workdays >> sla_weekday(c->holidays[i])) & 1;
		}
	}
	if (c->makeup) {
		for (size_t i = day_lower(c->makeup, c->nmakeup, d1); i < c->nmakeup && c->makeup[i] < d2; i++) {
			if (i > 0 && c->makeup[i] == c->makeup[i - 1])
				continue;
			count += !((c->workdays >> sla_weekday(c->makeup[i])) & 1);
		}
	}
	return count;
}

/* Working seconds of day `day` that lie before t. */
static long long worked_before(const struct sla_calendar *c, long long day, long long t)
{
	if (!is_workday(c, day))
		return 0;
	long long from = t - (day * DAY + c->work_start_min * 60LL);
	long long len = (c->work_end_min - c->work_start_min) * 60LL;
	return from < 0 ? 0 : from > len ? len : from;
}

long long sla_add(const struct sla_calendar *c, long long start, long minutes)
{
	if (minutes > MAX_MINUTES)
		minutes = MAX_MINUTES;
	if (minutes <= 0 || !usable(c))
		return start + (long long)minutes * 60;
	long long left = (long long)minutes * 60;
	long long daylen = (c->work_end_min - c->work_start_min) * 60LL;
	long long week = bits7(c->workdays & 0x7F) * daylen;
	long long day = floor_div(start, DAY), t = start;
	for (;;) {
		if (t == day * DAY && left > week) {
			/* Whole weeks short of the goal; holidays in them give time back, so go round again.
			 * Make-up days add time: fewer weeks then, so the jump never reaches the goal. */
			long long weeks = (left - 1) / week, worked = 0;
			while (weeks > 0 && (worked = workdays_in(c, day, day + 7 * weeks) * daylen) >= left)
				weeks--;
			if (weeks > 0) {
				left -= worked;
				day += 7 * weeks;
				t = day * DAY;
				continue;
			}
		}
		if (is_workday(c, day)) {
			long long open = day * DAY + c->work_start_min * 60LL, close = day * DAY + c->work_end_min * 60LL;
			if (t < open)
				t = open;
			if (t < close) {
				if (left <= close - t)
					return t + left;
				left -= close - t;
			}
		}
		day++;
		t = day * DAY;
	}
}

long sla_between(const struct sla_calendar *c, long long a, long long b)
{
	if (b < a)
		return -sla_between(c, b, a);
	if (!usable(c))
		return (long)((b - a) / 60);
	long long da = floor_div(a, DAY), db = floor_div(b, DAY);
	long long daylen = (c->work_end_min - c->work_start_min) * 60LL;
	long long secs = workdays_in(c, da, db) * daylen + worked_before(c, db, b) - worked_before(c, da, a);
	return (long)(secs / 60);
}

/* Reads exactly n digits. */
long long sla_next_half_day(const struct sla_calendar *c, long long t)
{
	if (!usable(c))
		return t;
	long long day = floor_div(t, 86400);
	long long mid = (c->work_start_min + c->work_end_min) / 2;
	long long starts[2] = {c->work_start_min * 60LL, mid * 60LL};
	/* a holiday table longer than a year of days off cannot hold a working day: give up after one */
	for (int n = 0; n < 400; n++, day++) {
		if (!is_workday(c, day))
			continue;
		for (int i = 0; i < 2; i++)
			if (day * 86400 + starts[i] > t)
				return day * 86400 + starts[i];
	}
	return t;
}

static int digits(const char **s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		char ch = (*s)[i];
		if (ch < '0' || ch > '9')
			return -1;
		v = v * 10 + (ch - '0');
	}
	*s += n;
	*out = v;
	return 0;
}

static int expect(const char **s, char ch)
{
	if (**s != ch)
		return -1;
	(*s)++;
	return 0;
}

int sla_parse(const char *s, long long *out)
{
	int y, mo, d, h = 0, mi = 0, sec = 0;
	if (!s || digits(&s, 4, &y) || expect(&s, '-') || digits(&s, 2, &mo) || expect(&s, '-') || digits(&s, 2, &d))
		return -1;
	if (*s) {
		if (expect(&s, ' ') || digits(&s, 2, &h) || expect(&s, ':') || digits(&s, 2, &mi))
			return -1;
		if (*s && (expect(&s, ':') || digits(&s, 2, &sec)))
			return -1;
		if (*s)
			return -1;
	}
	if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59)
		return -1;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi, .tm_sec = sec};
	time_t t = timegm(&tm);
	/* timegm moves 31 April to 1 May: a date that changed did not exist. */
	if (tm.tm_mday != d || tm.tm_mon != mo - 1 || tm.tm_year != y - 1900)
		return -1;
	*out = (long long)t;
	return 0;
}

static char *put(char *p, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + n;
}

void sla_format(long long t, char out[20])
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || tm.tm_year + 1900 < 0 || tm.tm_year + 1900 > 9999) {
		strcpy(out, "0000-00-00 00:00:00");
		return;
	}
	char *p = put(out, tm.tm_year + 1900, 4);
	*p++ = '-';
	p = put(p, tm.tm_mon + 1, 2);
	*p++ = '-';
	p = put(p, tm.tm_mday, 2);
	*p++ = ' ';
	p = put(p, tm.tm_hour, 2);
	*p++ = ':';
	p = put(p, tm.tm_min, 2);
	*p++ = ':';
	p = put(p, tm.tm_sec, 2);
	*p = '\0';
}
