/* Unit tests of the login stall schedule (throttle_delay_ms) and of the address form throttling
 * counts by (throttle_addr_canon), in cgi-bin/throttle.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <string.h>

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

static const char *canon(const char *addr, char out[THROTTLE_ADDR_MAX])
{
	return throttle_addr_canon(addr, out);
}

/* Every spelling of one IPv6 /64 gives one key, and it names the /64. */
static void test_ipv6_same_64_one_key(void **state)
{
	(void)state;
	static const char *spellings[] = {
		"2001:db8:1:2::1",
		"2001:0db8:0001:0002:0000:0000:0000:0001",
		"2001:DB8:1:2:ffff:ffff:ffff:ffff",
		"2001:db8:1:2:aaaa:bbbb:cccc:dddd",
		"2001:db8:1:2::",
		"2001:db8:1:2:0:0:0:0",
		"2001:db8:1:2::abcd:1.2.3.4",
		"2001:db8:1:2::1%eth0",
		"2001:0db8:0001:0002:0000:0000:0000:0001%a-zone-name-longer-than-any-buffer-here-0123456789",
	};
	char out[THROTTLE_ADDR_MAX];
	for (size_t i = 0; i < COUNT(spellings); i++) {
		const char *got = canon(spellings[i], out);
		if (strcmp(got, "2001:db8:1:2::/64") != 0)
			fail_msg("throttle_addr_canon(\"%s\") = \"%s\", want \"2001:db8:1:2::/64\"", spellings[i], got);
	}
}

/* Addresses in different /64s never share a key, and each key names its /64. */
static void test_ipv6_different_64s(void **state)
{
	(void)state;
	static const struct {
		const char *addr, *want;
	} cases[] = {
		{"2001:db8:1:2::1", "2001:db8:1:2::/64"},
		{"2001:db8:1:3::1", "2001:db8:1:3::/64"},
		{"2001:db8:0:2::1", "2001:db8:0:2::/64"},
		{"2001:db9:1:2::1", "2001:db9:1:2::/64"},
		{"2001:db8:1:8002::1", "2001:db8:1:8002::/64"},
		{"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff::/64"},
		{"::1", "::/64"},
		{"fe80::1%25eth0", "fe80::/64"},
		{"64:ff9b::c000:201", "64:ff9b::/64"},
	};
	char out[COUNT(cases)][THROTTLE_ADDR_MAX];
	for (size_t i = 0; i < COUNT(cases); i++) {
		const char *got = canon(cases[i].addr, out[i]);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("throttle_addr_canon(\"%s\") = \"%s\", want \"%s\"", cases[i].addr, got, cases[i].want);
	}
	for (size_t i = 0; i < COUNT(cases); i++)
		for (size_t j = i + 1; j < COUNT(cases); j++)
			if (!strcmp(out[i], out[j]))
				fail_msg("\"%s\" and \"%s\" share the key \"%s\"", cases[i].addr, cases[j].addr, out[i]);
}

/* IPv4 is counted per address, as before, and an IPv4-mapped IPv6 address as its IPv4 address. */
static void test_ipv4_unchanged(void **state)
{
	(void)state;
	static const struct {
		const char *addr, *want;
	} cases[] = {
		{"127.0.0.1", "127.0.0.1"},
		{"192.0.2.7", "192.0.2.7"},
		{"255.255.255.255", "255.255.255.255"},
		{"0.0.0.0", "0.0.0.0"},
		{"::ffff:192.0.2.7", "192.0.2.7"},
		{"::FFFF:192.0.2.7", "192.0.2.7"},
		{"::ffff:c000:207", "192.0.2.7"},
		{"0:0:0:0:0:ffff:192.0.2.7", "192.0.2.7"},
		{"::ffff:192.0.2.8", "192.0.2.8"},
	};
	char out[THROTTLE_ADDR_MAX];
	for (size_t i = 0; i < COUNT(cases); i++) {
		const char *got = canon(cases[i].addr, out);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("throttle_addr_canon(\"%s\") = \"%s\", want \"%s\"", cases[i].addr, got, cases[i].want);
	}
}

/* What is not an address is kept (cut, unprintable bytes replaced) so that it still separates
 * keys, and never overflows the buffer. */
static void test_garbage(void **state)
{
	(void)state;
	static const struct {
		const char *addr, *want;
	} cases[] = {
		{"", ""},
		{"unix:", "unix:"},
		{"localhost", "localhost"},
		{"1.2.3", "1.2.3"},
		{"1.2.3.4.5", "1.2.3.4.5"},
		{"256.1.1.1", "256.1.1.1"},
		{" 1.2.3.4", "?1.2.3.4"},
		{"1.2.3.4%eth0", "1.2.3.4%eth0"},
		{"2001:db8::1::2", "2001:db8::1::2"},
		{"2001:db8:1:2::1/64", "2001:db8:1:2::1/64"},
		{"2001:db8:1:2::g", "2001:db8:1:2::g"},
		{"a b\tc\x01\xe4\xb8\xad", "a?b?c????"},
		{"12345678901234567890123456789012345678901234567890", "123456789012345678901234567890123456789012345"},
	};
	char out[THROTTLE_ADDR_MAX];
	for (size_t i = 0; i < COUNT(cases); i++) {
		memset(out, 'X', sizeof(out));
		const char *got = canon(cases[i].addr, out);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("throttle_addr_canon(\"%s\") = \"%s\", want \"%s\"", cases[i].addr, got, cases[i].want);
		assert_true(strlen(got) < THROTTLE_ADDR_MAX);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_delay_for_first_failure),
		cmocka_unit_test(test_delay_grows),
		cmocka_unit_test(test_delay_capped),
		cmocka_unit_test(test_ipv6_same_64_one_key),
		cmocka_unit_test(test_ipv6_different_64s),
		cmocka_unit_test(test_ipv4_unchanged),
		cmocka_unit_test(test_garbage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
