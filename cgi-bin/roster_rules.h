/* The roster's rules for one person's shifts: no two overlapping (night shifts included), a minimum
 * rest between two, a maximum of working days in a row. Pure. Times are local seconds (sla.h). */
#ifndef AFTERSALES_ROSTER_RULES_H
#define AFTERSALES_ROSTER_RULES_H
#include <stddef.h>

struct roster_rules {
	int min_rest_hours;
	int max_consecutive_days;
};

/* One shift of a person: the day it starts on (days since 1970-01-01) and its span. */
struct shift_span {
	long long day;
	long long start, end;
	const char *name;   /* for the reason: "夜班" */
};

/* The span of a shift type (start_min, end_min after midnight) worked on day: an end at or before
 * the start is on the next day. */
void shift_span_of(long long day, int start_min, int end_min, const char *name, struct shift_span *out);

/* Checks one person's shifts (any order; the array is sorted in place). Returns 0 when they keep
 * the rules, or -1 with the first broken rule in why (Chinese, naming the shifts and dates). */
int roster_rules_check(const struct roster_rules *rules, struct shift_span *spans, size_t n, char *why,
		       size_t why_size);

/* 1 when the shift covers moment t (start <= t < end). */
int shift_span_covers(const struct shift_span *s, long long t);

#endif
