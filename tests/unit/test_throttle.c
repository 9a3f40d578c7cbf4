/* Unit tests of the login stall schedule (throttle_delay_ms in cgi-bin/throttle.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>

#include "throttle.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Longest stall a worker may be tied up for on one answer. */
#define STALL_LIMIT_MS 5000

/* No stall for a first mistyped password (or nonsense counts). */
static void test_no_delay_for_first_failure(void **state)
{
	(void)state;
	static const long long cases[] = {LLONG_MIN, -1000, -1, 0, 1};
	for (size_t i = 0; i < COUNT(cases); i++) {
		long got = throttle_delay_ms(cases[i]);
		if (got != 0)
			fail_msg("throttle_delay_ms(%lld) = %ld, want 0", cases[i], got);
	}
}

/* From the second failure on the stall grows, strictly at first. */
static void test_delay_grows(void **state)
{
	(void)state;
	long d2 = throttle_delay_ms(2), d3 = throttle_delay_ms(3);
	assert_true(d2 > 0);
	assert_true(d3 > d2);
	long prev = 0;
	for (long long n = 0; n <= 1000; n++) {
		long d = throttle_delay_ms(n);
		if (d < prev)
			fail_msg("throttle_delay_ms(%lld) = %ld is less than for %lld (%ld)", n, d, n - 1, prev);
		if (d < 0)
			fail_msg("throttle_delay_ms(%lld) = %ld is negative", n, d);
		prev = d;
	}
}

/* The stall stops growing, stays bounded, and big counts do not overflow. */
static void test_delay_capped(void **state)
{
	(void)state;
	long cap = throttle_delay_ms(1000);
	assert_true(cap > 0);
	assert_true(cap <= STALL_LIMIT_MS);
	static const long long cases[] = {
		100, 1001, 1000000, INT_MAX, (long long)INT_MAX + 1, LLONG_MAX / 2, LLONG_MAX - 1, LLONG_MAX,
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		long got = throttle_delay_ms(cases[i]);
		if (got != cap)
			fail_msg("throttle_delay_ms(%lld) = %ld, want the cap %ld", cases[i], got, cap);
	}
	/* The cap is reached within a handful of failures, not after thousands. */
	assert_int_equal(throttle_delay_ms(20), cap);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_delay_for_first_failure),
		cmocka_unit_test(test_delay_grows),
		cmocka_unit_test(test_delay_capped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
