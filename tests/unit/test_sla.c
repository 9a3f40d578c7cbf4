/* Unit tests of business-time arithmetic (cgi-bin/sla.h): fixed cases in tables, then random
 * cases checked against a minute-by-minute reference. 2026-01-02 is a Friday, 2026-01-05 a Monday. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "sla.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MON_FRI 0x3E
#define DAY 86400LL

static long long at(const char *s)
{
	long long t;
	if (sla_parse(s, &t) != 0)
		fail_msg("test data: sla_parse(\"%s\") failed", s);
	return t;
}

static long long day_of(const char *s)
{
	return at(s) / DAY;
}

/* ---- sla_add ---- */

struct add_case {
	const char *why, *start;
	long minutes;
	const char *want;
};

/* Fails unless sla_add on cal gives every case's want. */
static void check_add(const struct sla_calendar *cal, const struct add_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char got[20];
		sla_format(sla_add(cal, at(cases[i].start), cases[i].minutes), got);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%s: sla_add(%s, %ld) = %s, want %s", cases[i].why, cases[i].start, cases[i].minutes,
				 got, cases[i].want);
	}
}

static void test_add_table(void **state)
{
	(void)state;
	static const struct add_case cases[] = {
		{"Friday 17:00 + 2h rolls over the weekend", "2026-01-02 17:00:00", 120, "2026-01-05 10:00:00"},
		{"inside one day", "2026-01-05 10:15:00", 90, "2026-01-05 11:45:00"},
		{"start before opening", "2026-01-05 07:30:00", 60, "2026-01-05 10:00:00"},
		{"start at midnight", "2026-01-06 00:00:00", 1, "2026-01-06 09:01:00"},
		{"start after closing", "2026-01-05 19:00:00", 60, "2026-01-06 10:00:00"},
		{"start exactly at closing", "2026-01-05 18:00:00", 30, "2026-01-06 09:30:00"},
		{"start on Saturday", "2026-01-03 14:00:00", 30, "2026-01-05 09:30:00"},
		{"start on Sunday night", "2026-01-04 23:59:59", 60, "2026-01-05 10:00:00"},
		{"ends exactly at closing", "2026-01-05 09:00:00", 540, "2026-01-05 18:00:00"},
		{"one minute past a full day", "2026-01-05 09:00:00", 541, "2026-01-06 09:01:00"},
		{"24 business hours from Monday opening", "2026-01-05 09:00:00", 24 * 60, "2026-01-07 15:00:00"},
		{"72 business hours from Friday noon", "2026-01-02 12:00:00", 72 * 60, "2026-01-14 12:00:00"},
		{"a full working week", "2026-01-05 09:00:00", 5 * 540, "2026-01-09 18:00:00"},
		{"seconds are kept", "2026-01-05 10:00:30", 1, "2026-01-05 10:01:30"},
		{"zero minutes keeps the start, even off hours", "2026-01-03 12:00:00", 0, "2026-01-03 12:00:00"},
		{"zero minutes in working time", "2026-01-05 10:00:00", 0, "2026-01-05 10:00:00"},
		{"52 working weeks", "2026-01-05 09:00:00", 52L * 5 * 540, "2027-01-01 18:00:00"},
	};
	struct sla_calendar cal = {9 * 60, 18 * 60, MON_FRI, NULL, 0, NULL, 0};
	check_add(&cal, cases, COUNT(cases));
}

static void test_add_holidays(void **state)
{
	(void)state;
	long long mon_only[] = {day_of("2026-01-05")};
	long long mon_tue[] = {day_of("2026-01-05"), day_of("2026-01-06")};
	/* Spring festival week 2026: 16-22 February (its two make-up Saturdays: test_makeup_days). */
	long long festival[7];
	for (int i = 0; i < 7; i++)
		festival[i] = day_of("2026-02-16") + i;
	long long weekend_holiday[] = {day_of("2026-01-03")};
	static const struct {
		const char *why, *start;
		long minutes;
		int which;
		const char *want;
	} cases[] = {
		{"a holiday on Monday pushes to Tuesday", "2026-01-02 17:00:00", 120, 0, "2026-01-06 10:00:00"},
		{"start on the holiday", "2026-01-05 10:00:00", 60, 0, "2026-01-06 10:00:00"},
		{"two holidays in a row", "2026-01-02 17:00:00", 120, 1, "2026-01-07 10:00:00"},
		{"a holiday week", "2026-02-13 17:00:00", 120, 2, "2026-02-23 10:00:00"},
		{"a long span over a holiday week", "2026-02-02 09:00:00", 15 * 540, 2, "2026-02-27 18:00:00"},
		{"a holiday on a weekend changes nothing", "2026-01-02 17:00:00", 120, 3, "2026-01-05 10:00:00"},
	};
	const long long *lists[] = {mon_only, mon_tue, festival, weekend_holiday};
	size_t sizes[] = {COUNT(mon_only), COUNT(mon_tue), COUNT(festival), COUNT(weekend_holiday)};
	for (size_t i = 0; i < COUNT(cases); i++) {
		struct sla_calendar cal = {9 * 60, 18 * 60, MON_FRI, lists[cases[i].which], sizes[cases[i].which], NULL, 0};
		char got[20];
		sla_format(sla_add(&cal, at(cases[i].start), cases[i].minutes), got);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%s: sla_add(%s, %ld) = %s, want %s", cases[i].why, cases[i].start, cases[i].minutes,
				 got, cases[i].want);
	}
}

/* 调休 around the 2026 spring festival: 16-22 February off, Saturdays 14 and 28 February worked. */
static void test_makeup_days(void **state)
{
	(void)state;
	long long festival[7];
	for (int i = 0; i < 7; i++)
		festival[i] = day_of("2026-02-16") + i;
	long long makeup[] = {day_of("2026-02-14"), day_of("2026-02-28")};
	struct sla_calendar cal = {9 * 60, 18 * 60, MON_FRI, festival, COUNT(festival), makeup, COUNT(makeup)};
	static const struct add_case cases[] = {
		{"Friday 17:00 + 2h works on the make-up Saturday", "2026-02-13 17:00:00", 120, "2026-02-14 10:00:00"},
		{"from the make-up Saturday over the festival", "2026-02-14 17:00:00", 120, "2026-02-23 10:00:00"},
		{"a long span gains the make-up day", "2026-02-02 09:00:00", 15 * 540, "2026-02-26 18:00:00"},
		{"a span over both make-up Saturdays", "2026-02-13 09:00:00", 8 * 540, "2026-02-28 18:00:00"},
	};
	check_add(&cal, cases, COUNT(cases));
	assert_int_equal(sla_between(&cal, at("2026-02-13 18:00:00"), at("2026-02-16 09:00:00")), 540);
	assert_int_equal(sla_between(&cal, at("2026-02-09 09:00:00"), at("2026-03-02 09:00:00")), 12 * 540);
	char got[20];
	sla_format(sla_next_half_day(&cal, at("2026-02-13 16:00:00")), got);
	assert_string_equal(got, "2026-02-14 09:00:00");
	sla_format(sla_next_half_day(&cal, at("2026-02-14 15:00:00")), got);
	assert_string_equal(got, "2026-02-23 09:00:00");
	/* working time: a make-up Saturday works, a festival Monday does not, hours are [start, end) */
	assert_true(sla_is_working(&cal, at("2026-02-14 10:00:00")));
	assert_false(sla_is_working(&cal, at("2026-02-16 10:00:00")));
	assert_false(sla_is_working(&cal, at("2026-02-21 10:00:00")));
	assert_true(sla_is_working(&cal, at("2026-02-13 09:00:00")));
	assert_true(sla_is_working(&cal, at("2026-02-13 17:59:00")));
	assert_false(sla_is_working(&cal, at("2026-02-13 18:00:00")));
	assert_false(sla_is_working(&cal, at("2026-02-13 08:59:00")));
	assert_false(sla_is_working(&cal, at("2026-03-01 10:00:00")));
	assert_false(sla_is_working(&cal, at("2026-03-01 03:00:00")));
	/* a day in both lists works; a make-up day on a working weekday changes nothing */
	long long both[] = {day_of("2026-01-05")};
	struct sla_calendar overlap = {9 * 60, 18 * 60, MON_FRI, both, 1, both, 1};
	assert_int_equal(sla_between(&overlap, at("2026-01-05 09:00:00"), at("2026-01-06 09:00:00")), 540);
	sla_format(sla_add(&overlap, at("2026-01-02 17:00:00"), 120), got);
	assert_string_equal(got, "2026-01-05 10:00:00");
}

static void test_add_odd_calendars(void **state)
{
	(void)state;
	static const struct {
		const char *why;
		int start_min, end_min, workdays;
		const char *start;
		long minutes;
		const char *want;
	} cases[] = {
		{"no working days: plain clock time", 540, 1080, 0, "2026-01-03 12:00:00", 120, "2026-01-03 14:00:00"},
		{"every day, all day", 0, 1440, 0x7F, "2026-01-03 23:00:00", 120, "2026-01-04 01:00:00"},
		{"Saturday only", 600, 720, 1 << 6, "2026-01-05 12:00:00", 150, "2026-01-17 10:30:00"},
		{"seven-day shop 08:00-20:00", 480, 1200, 0x7F, "2026-01-02 19:00:00", 120, "2026-01-03 09:00:00"},
		{"Monday to Saturday", 540, 1080, 0x7E, "2026-01-02 17:00:00", 120, "2026-01-03 10:00:00"},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		struct sla_calendar cal = {cases[i].start_min, cases[i].end_min, cases[i].workdays, NULL, 0, NULL, 0};
		char got[20];
		sla_format(sla_add(&cal, at(cases[i].start), cases[i].minutes), got);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%s: sla_add(%s, %ld) = %s, want %s", cases[i].why, cases[i].start, cases[i].minutes,
				 got, cases[i].want);
	}
}

/* A huge span must finish at once (whole weeks at a time) and land in working time. */
static void test_add_huge_span(void **state)
{
	(void)state;
	long long hol[200];
	for (int i = 0; i < 200; i++)
		hol[i] = day_of("2026-01-01") + 3 * i;
	struct sla_calendar cal = {9 * 60, 18 * 60, MON_FRI, hol, COUNT(hol), NULL, 0};
	long long start = at("2026-01-02 17:00:00");
	long minutes = 100L * 52 * 5 * 540; /* about a century of working weeks */
	long long end = sla_add(&cal, start, minutes);
	assert_true(end > start);
	assert_int_equal(sla_between(&cal, start, end), minutes);
	long long tod = end % DAY;
	assert_true(tod > 9 * 3600 && tod <= 18 * 3600);
}

/* ---- sla_between ---- */

static void test_between_table(void **state)
{
	(void)state;
	long long holiday[] = {day_of("2026-01-05")};
	static const struct {
		const char *why, *a, *b;
		int with_holiday;
		long want;
	} cases[] = {
		{"across a weekend", "2026-01-02 17:00:00", "2026-01-05 10:00:00", 0, 120},
		{"reversed is negative", "2026-01-05 10:00:00", "2026-01-02 17:00:00", 0, -120},
		{"same moment", "2026-01-05 10:00:00", "2026-01-05 10:00:00", 0, 0},
		{"within one day", "2026-01-05 09:30:00", "2026-01-05 12:00:00", 0, 150},
		{"both outside hours, same night", "2026-01-05 19:00:00", "2026-01-06 08:00:00", 0, 0},
		{"whole weekend", "2026-01-03 00:00:00", "2026-01-05 00:00:00", 0, 0},
		{"Saturday to Monday 09:45", "2026-01-03 10:00:00", "2026-01-05 09:45:00", 0, 45},
		{"a full week", "2026-01-05 00:00:00", "2026-01-12 00:00:00", 0, 5 * 540},
		{"four weeks", "2026-01-05 09:00:00", "2026-02-02 09:00:00", 0, 20 * 540},
		{"across a weekend and a holiday Monday", "2026-01-02 17:00:00", "2026-01-06 10:00:00", 1, 120},
		{"on the holiday", "2026-01-05 09:00:00", "2026-01-05 18:00:00", 1, 0},
		{"reversed across the holiday", "2026-01-06 10:00:00", "2026-01-02 17:00:00", 1, -120},
		{"partial minutes are dropped", "2026-01-05 10:00:00", "2026-01-05 10:01:59", 0, 1},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		struct sla_calendar cal = {9 * 60, 18 * 60, MON_FRI, cases[i].with_holiday ? holiday : NULL,
					   cases[i].with_holiday ? 1 : 0, NULL, 0};
		long got = sla_between(&cal, at(cases[i].a), at(cases[i].b));
		if (got != cases[i].want)
			fail_msg("%s: sla_between(%s, %s) = %ld, want %ld", cases[i].why, cases[i].a, cases[i].b, got,
				 cases[i].want);
	}
}

static void test_between_no_workdays(void **state)
{
	(void)state;
	struct sla_calendar cal = {9 * 60, 18 * 60, 0, NULL, 0, NULL, 0};
	assert_int_equal(sla_between(&cal, at("2026-01-03 10:00:00"), at("2026-01-03 12:30:00")), 150);
	assert_int_equal(sla_between(&cal, at("2026-01-03 12:30:00"), at("2026-01-03 10:00:00")), -150);
}

/* ---- random cases against a minute-by-minute reference ---- */

static unsigned long long rng = 88172645463325252ULL;
static unsigned long long next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static int ref_working(const struct sla_calendar *c, long long t)
{
	long long day = t / DAY;
	int wd = (int)((day + 4) % 7), min = (int)((t % DAY) / 60);
	if (min < c->work_start_min || min >= c->work_end_min)
		return 0;
	for (size_t i = 0; i < c->nmakeup; i++)
		if (c->makeup[i] == day)
			return 1;
	if (!((c->workdays >> wd) & 1))
		return 0;
	for (size_t i = 0; i < c->nholidays; i++)
		if (c->holidays[i] == day)
			return 0;
	return 1;
}

static long long ref_add(const struct sla_calendar *c, long long t, long minutes)
{
	while (minutes > 0) {
		if (ref_working(c, t))
			minutes--;
		t += 60;
	}
	return t;
}

static long ref_between(const struct sla_calendar *c, long long a, long long b)
{
	long n = 0;
	for (long long t = a; t < b; t += 60)
		n += ref_working(c, t);
	return n;
}

static void test_against_reference(void **state)
{
	(void)state;
	long long base = at("2026-01-01 00:00:00") / DAY;
	long long holidays[12];
	for (size_t i = 0; i < COUNT(holidays); i++)
		holidays[i] = base + 2 + (long long)i * 5 + (long long)(i % 3);
	/* make-up days: every other weekend day for a month, some of them also in holidays */
	long long makeup[16];
	for (size_t i = 0; i < COUNT(makeup); i++)
		makeup[i] = base + 2 + (long long)i * 3;
	struct sla_calendar cals[] = {
		{9 * 60, 18 * 60, MON_FRI, holidays, COUNT(holidays), makeup, COUNT(makeup)},
		{9 * 60, 18 * 60, MON_FRI, NULL, 0, makeup, 5},
		{9 * 60, 18 * 60, MON_FRI, holidays, COUNT(holidays), NULL, 0},
		{8 * 60 + 30, 17 * 60 + 30, 0x7E, holidays, COUNT(holidays), NULL, 0},
		{0, 24 * 60, 0x41, NULL, 0, NULL, 0},
		{22 * 60, 23 * 60, 0x15, holidays, 6, NULL, 0},
		{9 * 60, 18 * 60, MON_FRI, NULL, 0, NULL, 0},
	};
	for (size_t ci = 0; ci < COUNT(cals); ci++) {
		int days = 0;
		for (int d = 0; d < 7; d++)
			days += (cals[ci].workdays >> d) & 1;
		/* Spans of up to three working weeks, some up to twelve (whole-week skipping). */
		unsigned long week = (unsigned long)days * (unsigned long)(cals[ci].work_end_min - cals[ci].work_start_min);
		for (int k = 0; k < 300; k++) {
			long long a = (base * DAY) + (long long)(next_rand() % (70 * 24 * 60)) * 60;
			long minutes = (long)(next_rand() % (week * (k < 250 ? 3 : 12)));
			long long want = ref_add(&cals[ci], a, minutes), got = sla_add(&cals[ci], a, minutes);
			if (got != want) {
				char sa[20], sg[20], sw[20];
				sla_format(a, sa);
				sla_format(got, sg);
				sla_format(want, sw);
				fail_msg("calendar %zu: sla_add(%s, %ld) = %s, want %s", ci, sa, minutes, sg, sw);
			}
			long long b = (base * DAY) + (long long)(next_rand() % (70 * 24 * 60)) * 60;
			long wb = a <= b ? ref_between(&cals[ci], a, b) : -ref_between(&cals[ci], b, a);
			long gb = sla_between(&cals[ci], a, b);
			if (gb != wb) {
				char sa[20], sb[20];
				sla_format(a, sa);
				sla_format(b, sb);
				fail_msg("calendar %zu: sla_between(%s, %s) = %ld, want %ld", ci, sa, sb, gb, wb);
			}
			assert_int_equal(sla_between(&cals[ci], a, got), minutes);
		}
	}
}

/* ---- sla_parse / sla_format ---- */

static void test_parse_format_round_trip(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"2026-01-02 17:00:00", "2026-01-02 17:00:00"},
		{"2026-11-26 08:05:09", "2026-11-26 08:05:09"},
		{"2026-01-02 17:00", "2026-01-02 17:00:00"},
		{"2026-01-02", "2026-01-02 00:00:00"},
		{"2024-02-29 23:59:59", "2024-02-29 23:59:59"},
		{"1970-01-01 00:00:00", "1970-01-01 00:00:00"},
		{"1969-12-31 23:59:59", "1969-12-31 23:59:59"},
		{"2099-12-31 23:59:59", "2099-12-31 23:59:59"},
		{"2000-02-29", "2000-02-29 00:00:00"},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		long long t = 12345;
		if (sla_parse(cases[i].in, &t) != 0)
			fail_msg("sla_parse(\"%s\") failed", cases[i].in);
		char out[20];
		sla_format(t, out);
		if (strcmp(out, cases[i].out) != 0)
			fail_msg("sla_format(sla_parse(\"%s\")) = %s, want %s", cases[i].in, out, cases[i].out);
		long long again;
		assert_int_equal(sla_parse(out, &again), 0);
		assert_true(again == t);
	}
	long long t;
	assert_int_equal(sla_parse("1970-01-02 00:00:01", &t), 0);
	assert_true(t == DAY + 1);
	char out[20];
	sla_format(0, out);
	assert_string_equal(out, "1970-01-01 00:00:00");
}

static void test_parse_malformed(void **state)
{
	(void)state;
	static const char *bad[] = {
		"",
		"2026",
		"2026-01",
		"2026-1-02",
		"2026-01-2",
		"26-01-02",
		"2026/01/02",
		"2026-13-01",
		"2026-00-10",
		"2026-01-00",
		"2026-01-32",
		"2026-02-30",
		"2025-02-29",
		"1900-02-29",
		"2026-04-31",
		"0000-01-01",
		"2026-01-02 24:00:00",
		"2026-01-02 17:60:00",
		"2026-01-02 17:00:60",
		"2026-01-02 17",
		"2026-01-02 17:",
		"2026-01-02 17:00:",
		"2026-01-02 7:00:00",
		"2026-01-02T17:00:00",
		"2026-01-02  17:00:00",
		"2026-01-02 17:00:00 ",
		"2026-01-02 17:00:00x",
		"2026-01-02 17:00:00.5",
		" 2026-01-02",
		"2026-01-02 ",
		"abcd-ef-gh",
		"２０２６-01-02",
		"-026-01-02",
		"+2026-01-02",
	};
	for (size_t i = 0; i < COUNT(bad); i++) {
		long long t = 42;
		if (sla_parse(bad[i], &t) != -1)
			fail_msg("sla_parse(\"%s\") accepted a malformed time", bad[i]);
		if (t != 42)
			fail_msg("sla_parse(\"%s\") wrote its output on failure", bad[i]);
	}
	long long t = 42;
	assert_int_equal(sla_parse(NULL, &t), -1);
}

/* Callbacks without an answer are retried at the next working half-day: 09:00 and 13:30 here. */
static void test_next_half_day(void **state)
{
	(void)state;
	static const struct {
		const char *why, *from, *want;
	} cases[] = {
		{"Monday morning -> Monday afternoon", "2026-01-05 10:00:00", "2026-01-05 13:30:00"},
		{"exactly at the middle -> next morning", "2026-01-05 13:30:00", "2026-01-06 09:00:00"},
		{"Monday afternoon -> Tuesday morning", "2026-01-05 15:00:00", "2026-01-06 09:00:00"},
		{"before opening -> that morning", "2026-01-05 07:00:00", "2026-01-05 09:00:00"},
		{"exactly at opening -> that afternoon", "2026-01-05 09:00:00", "2026-01-05 13:30:00"},
		{"Friday afternoon -> Monday morning", "2026-01-02 16:00:00", "2026-01-05 09:00:00"},
		{"Saturday -> Monday morning", "2026-01-03 11:00:00", "2026-01-05 09:00:00"},
	};
	struct sla_calendar cal = {9 * 60, 18 * 60, MON_FRI, NULL, 0, NULL, 0};
	for (size_t i = 0; i < COUNT(cases); i++) {
		char got[20];
		sla_format(sla_next_half_day(&cal, at(cases[i].from)), got);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%s: sla_next_half_day(%s) = %s, want %s", cases[i].why, cases[i].from, got, cases[i].want);
	}
	/* a holiday Tuesday is skipped */
	long long hol[] = {day_of("2026-01-06")};
	struct sla_calendar with_holiday = {9 * 60, 18 * 60, MON_FRI, hol, 1, NULL, 0};
	char got[20];
	sla_format(sla_next_half_day(&with_holiday, at("2026-01-05 15:00:00")), got);
	assert_string_equal(got, "2026-01-07 09:00:00");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_table),
		cmocka_unit_test(test_add_holidays),
		cmocka_unit_test(test_makeup_days),
		cmocka_unit_test(test_add_odd_calendars),
		cmocka_unit_test(test_add_huge_span),
		cmocka_unit_test(test_between_table),
		cmocka_unit_test(test_between_no_workdays),
		cmocka_unit_test(test_against_reference),
		cmocka_unit_test(test_parse_format_round_trip),
		cmocka_unit_test(test_parse_malformed),
		cmocka_unit_test(test_next_half_day),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
