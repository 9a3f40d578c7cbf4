/* Unit tests of the roster rules (cgi-bin/roster_rules.h): overlapping shifts, night shifts across
 * midnight and across month and year ends, the minimum rest and the working days in a row. Days are
 * local days, as the site's time zone has them (sanbao_today turns a UTC moment into one). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "roster_rules.h"
#include "sanbao.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct roster_rules RULES = {8, 6};

/* Shift kinds: 早 08:00-16:00, 中 14:00-22:00, 夜 22:00-08:00 (next day), 长 08:00-20:00. */
static void span(const char *date, char kind, struct shift_span *out)
{
	long long day = sanbao_day(date);
	switch (kind) {
	case 'E': shift_span_of(day, 8 * 60, 16 * 60, "早班", out); break;
	case 'M': shift_span_of(day, 14 * 60, 22 * 60, "中班", out); break;
	case 'N': shift_span_of(day, 22 * 60, 8 * 60, "夜班", out); break;
	default: shift_span_of(day, 8 * 60, 20 * 60, "长白班", out); break;
	}
}

struct rule_case {
	const char *why;
	const char *shifts[10];  /* "YYYY-MM-DD K" */
	int ok;
	const char *reason_has;  /* part of the refusal */
};

static void check_cases(const struct roster_rules *rules, const struct rule_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct shift_span spans[10];
		size_t k = 0;
		for (; k < 10 && cases[i].shifts[k]; k++) {
			char date[11];
			memcpy(date, cases[i].shifts[k], 10);
			date[10] = 0;
			span(date, cases[i].shifts[k][11], &spans[k]);
		}
		char why[256] = "";
		int rc = roster_rules_check(rules, spans, k, why, sizeof(why));
		if ((rc == 0) != cases[i].ok)
			fail_msg("%s: check = %d (%s), want %s", cases[i].why, rc, why, cases[i].ok ? "ok" : "refused");
		if (!cases[i].ok && cases[i].reason_has && !strstr(why, cases[i].reason_has))
			fail_msg("%s: reason \"%s\" lacks \"%s\"", cases[i].why, why, cases[i].reason_has);
	}
}

static void test_overlap(void **state)
{
	(void)state;
	static const struct rule_case cases[] = {
		{"one shift", {"2026-03-02 E"}, 1, NULL},
		{"early and middle the same day overlap", {"2026-03-02 E", "2026-03-02 M"}, 0, "重叠"},
		{"the same shift twice", {"2026-03-02 N", "2026-03-02 N"}, 0, "重叠"},
		{"night then early next morning overlaps 08:00", {"2026-03-02 N", "2026-03-03 L"}, 0, "休息不足"},
		{"night then a shift at 07:00 next day overlaps", {"2026-03-02 N", "2026-03-03 E"}, 0, NULL},
		{"long day then night the same day: 2 h rest", {"2026-03-02 L", "2026-03-02 N"}, 0, "休息不足"},
		{"nights across the month end", {"2026-02-28 N", "2026-03-01 N"}, 1, NULL},
		{"night across the month end, then middle on the 1st: 6 h", {"2026-02-28 N", "2026-03-01 M"}, 0, "休息不足"},
		{"night on New Year's Eve, then early on 1 January: no rest", {"2026-12-31 N", "2027-01-01 E"}, 0, "0 小时"},
	};
	check_cases(&RULES, cases, COUNT(cases));
	/* an early shift at 07:00 against a night ending 08:00 is an overlap, not short rest */
	struct shift_span s[2];
	span("2026-03-02", 'N', &s[0]);
	shift_span_of(sanbao_day("2026-03-03"), 7 * 60, 15 * 60, "早七", &s[1]);
	char why[256];
	assert_int_equal(roster_rules_check(&RULES, s, 2, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "重叠"));
}

static void test_rest(void **state)
{
	(void)state;
	static const struct rule_case cases[] = {
		{"middle then early next day: 10 h", {"2026-03-02 M", "2026-03-03 E"}, 1, NULL},
		{"night then middle next day: 6 h", {"2026-03-02 N", "2026-03-03 M"}, 0, "6 小时"},
		{"night then night: 14 h", {"2026-03-02 N", "2026-03-03 N"}, 1, NULL},
		{"early then night the same day: 6 h", {"2026-03-02 E", "2026-03-02 N"}, 0, "休息不足"},
		{"in any order", {"2026-03-03 E", "2026-03-02 N"}, 0, NULL},
	};
	check_cases(&RULES, cases, COUNT(cases));
	/* exactly the minimum is enough; a minute less is not */
	struct roster_rules six = {6, 6};
	static const struct rule_case six_cases[] = {
		{"6 h rest with a 6 h minimum", {"2026-03-02 E", "2026-03-02 N"}, 1, NULL},
	};
	check_cases(&six, six_cases, COUNT(six_cases));
	struct shift_span s[2];
	shift_span_of(sanbao_day("2026-03-02"), 8 * 60, 16 * 60, "早班", &s[0]);
	shift_span_of(sanbao_day("2026-03-02"), 21 * 60 + 59, 23 * 60, "晚班", &s[1]);
	char why[256];
	assert_int_equal(roster_rules_check(&six, s, 2, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "5 小时 59 分钟"));
}

static void test_consecutive_days(void **state)
{
	(void)state;
	static const struct rule_case cases[] = {
		{"six days in a row", {"2026-03-01 E", "2026-03-02 E", "2026-03-03 E", "2026-03-04 E", "2026-03-05 E",
				       "2026-03-06 E"}, 1, NULL},
		{"seven days in a row", {"2026-03-01 E", "2026-03-02 E", "2026-03-03 E", "2026-03-04 E", "2026-03-05 E",
					 "2026-03-06 E", "2026-03-07 E"}, 0, "连续上班超过 6 天"},
		{"seven with a day off between", {"2026-03-01 E", "2026-03-02 E", "2026-03-03 E", "2026-03-05 E",
						  "2026-03-06 E", "2026-03-07 E", "2026-03-08 E"}, 1, NULL},
		{"across the month end", {"2026-02-25 E", "2026-02-26 E", "2026-02-27 E", "2026-02-28 E", "2026-03-01 E",
					  "2026-03-02 E", "2026-03-03 E"}, 0, "2026-03-03"},
		{"across the year end", {"2026-12-28 E", "2026-12-29 E", "2026-12-30 E", "2026-12-31 E", "2027-01-01 E",
					 "2027-01-02 E", "2027-01-03 E"}, 0, "2027-01-03"},
		{"nights count on the day they start", {"2026-03-01 N", "2026-03-02 N", "2026-03-03 N", "2026-03-04 N",
							"2026-03-05 N", "2026-03-06 N"}, 1, NULL},
		{"two shifts one day count as one day", {"2026-03-01 E", "2026-03-02 E", "2026-03-03 E", "2026-03-04 E",
							 "2026-03-05 E", "2026-03-06 E"}, 1, NULL},
	};
	check_cases(&RULES, cases, COUNT(cases));
	struct roster_rules three = {8, 3};
	static const struct rule_case three_cases[] = {
		{"four in a row with a limit of 3", {"2026-03-01 E", "2026-03-02 E", "2026-03-03 E", "2026-03-04 E"}, 0,
		 "超过 3 天"},
	};
	check_cases(&three, three_cases, COUNT(three_cases));
}

/* Who is on duty at a moment: a night shift covers both days; in +08:00 the UTC moment
 * 2026-03-02T23:30Z is 07:30 on the 3rd, still inside the night shift of the 2nd. */
static void test_covers_and_time_zone(void **state)
{
	(void)state;
	struct shift_span night;
	span("2026-03-02", 'N', &night);
	long long utc = (sanbao_day("2026-03-02") * 86400) + 23 * 3600 + 30 * 60;
	long long local = utc + 8 * 3600;
	assert_int_equal(sanbao_today(utc, "+08:00"), sanbao_day("2026-03-03"));
	assert_true(shift_span_covers(&night, local));
	assert_false(shift_span_covers(&night, local + 3600));  /* 08:30: over */
	assert_true(shift_span_covers(&night, night.start));
	assert_false(shift_span_covers(&night, night.end));
	/* in -05:00 the same UTC moment is 18:30 on the 2nd: before the night shift */
	assert_false(shift_span_covers(&night, utc - 5 * 3600));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overlap),
		cmocka_unit_test(test_rest),
		cmocka_unit_test(test_consecutive_days),
		cmocka_unit_test(test_covers_and_time_zone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
