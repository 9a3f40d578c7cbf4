/* Unit tests of single-value validators (cgi-bin/valid.h), role names (cgi-bin/roles.h) and the
 * password policy (password_problem in cgi-bin/password.h, which needs no init). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "password.h"
#include "request.h"
#include "roles.h"
#include "valid.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A malloc'd string of count copies of unit. */
static char *repeat(const char *unit, size_t count)
{
	size_t u = strlen(unit);
	char *s = malloc(u * count + 1);
	if (!s)
		abort();
	for (size_t i = 0; i < count; i++)
		memcpy(s + i * u, unit, u);
	s[u * count] = '\0';
	return s;
}

/* ---- utf8_chars ---- */

static void test_utf8_chars(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		size_t want;
	} cases[] = {
		{"", 0},
		{"a", 1},
		{"abc", 3},
		{"中", 1},
		{"中文", 2},
		{"a中b", 3},
		{"é", 1},
		{"\xf0\x9f\x98\x80", 1},
		{"售后 服务!", 6},
		{"\x7f\x01", 2},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		size_t got = utf8_chars(cases[i].s);
		if (got != cases[i].want)
			fail_msg("utf8_chars(\"%s\") = %zu, want %zu", cases[i].s, got, cases[i].want);
	}
}

/* ---- valid_username / valid_display_name / valid_role ---- */

struct text_case {
	const char *v;
	int ok;
};

static void run_text_cases(const char *fname, const char *(*fn)(const char *),
			   const struct text_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *msg = fn(cases[i].v);
		if (cases[i].ok && msg)
			fail_msg("%s(\"%s\") refused: %s", fname, cases[i].v, msg);
		if (!cases[i].ok && !msg)
			fail_msg("%s(\"%s\") accepted, want refused", fname, cases[i].v);
		if (msg && msg[0] == '\0')
			fail_msg("%s(\"%s\") gave an empty message", fname, cases[i].v);
	}
}

static void test_valid_username(void **state)
{
	(void)state;
	static const struct text_case cases[] = {
		{"abc", 1},
		{"admin", 1},
		{"zhang.san", 1},
		{"li_si-2", 1},
		{"a12", 1},
		{"a..", 1},
		{"abcdefghijklmnopqrstuvwxyz012345", 1}, /* 32 */
		{"abcdefghijklmnopqrstuvwxyz0123456", 0}, /* 33 */
		{"", 0},
		{"a", 0},
		{"ab", 0},
		{"Abc", 0},
		{"abC", 0},
		{"1abc", 0},
		{"_abc", 0},
		{".abc", 0},
		{"-abc", 0},
		{"ab c", 0},
		{" abc", 0},
		{"abc ", 0},
		{"ab@c", 0},
		{"ab/c", 0},
		{"ab'c", 0},
		{"ab<c", 0},
		{"ab\tc", 0},
		{"用户名", 0},
		{"ab中", 0},
		{"abé", 0},
	};
	run_text_cases("valid_username", valid_username, cases, COUNT(cases));
}

static void test_valid_display_name(void **state)
{
	(void)state;
	char *zh32 = repeat("张", 32), *zh33 = repeat("张", 33);
	char *a32 = repeat("a", 32), *a33 = repeat("a", 33);
	const struct text_case cases[] = {
		{"张三", 1},
		{"A", 1},
		{"王", 1},
		{"O'Brien <x> & co", 1}, /* markup is the template's business */
		{"李 四", 1},
		{"\xf0\x9f\x98\x80", 1},
		{zh32, 1},
		{zh33, 0},
		{a32, 1},
		{a33, 0},
		{"", 0},
		{"a\tb", 0},
		{"a\nb", 0},
		{"a\rb", 0},
		{"\x1b[31m", 0},
		{"a\x7f", 0},
		{"\x01", 0},
	};
	run_text_cases("valid_display_name", valid_display_name, cases, COUNT(cases));
	free(zh32);
	free(zh33);
	free(a32);
	free(a33);
}

static void test_valid_role(void **state)
{
	(void)state;
	static const struct text_case cases[] = {
		{"admin", 1},
		{"supervisor", 1},
		{"agent", 1},
		{"technician", 1},
		{"", 0},
		{"Admin", 0},
		{"ADMIN", 0},
		{"admin ", 0},
		{" admin", 0},
		{"root", 0},
		{"adm", 0},
		{"administrator", 0},
		{"8", 0},
		{"系统管理员", 0},
	};
	run_text_cases("valid_role", valid_role, cases, COUNT(cases));
	assert_non_null(valid_role(NULL));
}

/* ---- parse_id ---- */

static void test_parse_id(void **state)
{
	(void)state;
	static const struct {
		const char *v;
		int ok;
		long long want;
	} cases[] = {
		{"1", 1, 1},
		{"9", 1, 9},
		{"10", 1, 10},
		{"42", 1, 42},
		{"123456789", 1, 123456789},
		{"999999999999999999", 1, 999999999999999999LL}, /* 18 digits */
		{"100000000000000000", 1, 100000000000000000LL},
		{"1000000000000000000", 0, 0}, /* 19 digits */
		{"9223372036854775807", 0, 0}, /* LLONG_MAX: still too long */
		{"99999999999999999999", 0, 0},
		{NULL, 0, 0},
		{"", 0, 0},
		{"0", 0, 0},
		{"00", 0, 0},
		{"01", 0, 0},
		{"007", 0, 0},
		{"-1", 0, 0},
		{"+1", 0, 0},
		{" 1", 0, 0},
		{"1 ", 0, 0},
		{"1a", 0, 0},
		{"a1", 0, 0},
		{"0x10", 0, 0},
		{"1.0", 0, 0},
		{"1e3", 0, 0},
		{"１", 0, 0}, /* fullwidth digit */
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		long long out = -7;
		int got = parse_id(cases[i].v, &out);
		const char *shown = cases[i].v ? cases[i].v : "(null)";
		if (got != cases[i].ok)
			fail_msg("parse_id(\"%s\") = %d, want %d", shown, got, cases[i].ok);
		if (got && out != cases[i].want)
			fail_msg("parse_id(\"%s\") stored %lld, want %lld", shown, out, cases[i].want);
		if (!got && out != -7)
			fail_msg("parse_id(\"%s\") failed but changed *out to %lld", shown, out);
	}
}

/* ---- roles ---- */

static void test_roles_round_trip(void **state)
{
	(void)state;
	static const struct {
		int role;
		const char *code;
	} cases[] = {
		{ROLE_ADMIN, "admin"},
		{ROLE_SUPERVISOR, "supervisor"},
		{ROLE_AGENT, "agent"},
		{ROLE_TECHNICIAN, "technician"},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		assert_int_equal(role_from_code(cases[i].code), cases[i].role);
		assert_string_equal(role_code(cases[i].role), cases[i].code);
		assert_int_equal(role_from_code(role_code(cases[i].role)), cases[i].role);
		const char *label = role_label(cases[i].role);
		assert_non_null(label);
		assert_true(label[0] != '\0');
		assert_null(valid_display_name(label)); /* a label is printable text */
		assert_null(valid_role(cases[i].code));
		for (size_t k = 0; k < i; k++) {
			if (strcmp(label, role_label(cases[k].role)) == 0)
				fail_msg("roles %d and %d share the label %s", cases[i].role, cases[k].role, label);
		}
		/* Every role is a staff role, and the supervisor set holds exactly supervisor and admin. */
		assert_true(cases[i].role & ROLES_STAFF);
		assert_int_equal(!!(cases[i].role & ROLES_SUPERVISOR),
				 cases[i].role == ROLE_SUPERVISOR || cases[i].role == ROLE_ADMIN);
	}
}

static void test_roles_unknown(void **state)
{
	(void)state;
	static const int bad_roles[] = {0, -1, 3, 5, ROLES_STAFF, 16, 1 << 30};
	for (size_t i = 0; i < COUNT(bad_roles); i++) {
		assert_string_equal(role_code(bad_roles[i]), "");
		assert_string_equal(role_label(bad_roles[i]), "");
	}
	static const char *const bad_codes[] = {"", "Admin", "root", "客服主管", "admin\n"};
	for (size_t i = 0; i < COUNT(bad_codes); i++)
		assert_int_equal(role_from_code(bad_codes[i]), 0);
	assert_int_equal(role_from_code(NULL), 0);
}

/* ---- password_problem ---- */

static void test_password_problem(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		const char *unit;
		size_t count;
		int ok;
	} cases[] = {
		{"empty", "a", 0, 0},
		{"9 ascii", "a", 9, 0},
		{"10 ascii", "a", 10, 1},
		{"11 ascii", "x", 11, 1},
		{"9 chinese (27 bytes)", "密", 9, 0},
		{"10 chinese (30 bytes)", "密", 10, 1},
		{"5 emoji (20 bytes)", "\xf0\x9f\x98\x80", 5, 0},
		{"10 emoji (40 bytes)", "\xf0\x9f\x98\x80", 10, 1},
		{"128 ascii bytes", "p", 128, 1},
		{"129 ascii bytes", "p", 129, 0},
		{"1000 ascii bytes", "p", 1000, 0},
		{"42 chinese (126 bytes)", "码", 42, 1},
		{"43 chinese (129 bytes)", "码", 43, 0},
		{"32 emoji (128 bytes)", "\xf0\x9f\x98\x80", 32, 1},
		{"33 emoji (132 bytes)", "\xf0\x9f\x98\x80", 33, 0},
		{"spaces count", " ", 10, 1},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		char *pw = repeat(cases[i].unit, cases[i].count);
		const char *msg = password_problem(pw);
		free(pw);
		if (cases[i].ok && msg)
			fail_msg("password_problem(%s) refused: %s", cases[i].name, msg);
		if (!cases[i].ok && (!msg || !msg[0]))
			fail_msg("password_problem(%s) accepted, want refused", cases[i].name);
	}
	/* Mixed: 9 ASCII + 1 Chinese is 10 characters. */
	assert_null(password_problem("abcdefghi中"));
	assert_non_null(password_problem("abcdefgh中"));
	/* Too short and too long give different messages. */
	const char *short_msg = password_problem("short");
	char *long_pw = repeat("p", 200);
	const char *long_msg = password_problem(long_pw);
	free(long_pw);
	assert_non_null(short_msg);
	assert_non_null(long_msg);
	assert_string_not_equal(short_msg, long_msg);
	assert_int_equal(PASSWORD_MIN, 10);
	assert_int_equal(PASSWORD_MAX, 128);
}

/* ---- phones: validation, canonical form, masking ---- */

static void test_phones(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		const char *normal;  /* NULL: must be refused */
		const char *masked;
	} cases[] = {
		{"13812345678", "13812345678", "138****5678"},
		{"138 1234 5678", "13812345678", "138****5678"},
		{"138-1234-5678", "13812345678", "138****5678"},
		{"19912345678", "19912345678", "199****5678"},
		{"010-12345678", "010-12345678", "010-****5678"},
		{"01012345678", "010-12345678", "010-****5678"},
		{"0755-1234567", "0755-1234567", "0755-****4567"},
		{"07551234567", "0755-1234567", "0755-****4567"},
		{"021-87654321-123", "021-87654321-123", "021-****4321"},
		{"12812345678", NULL, NULL},     /* mobiles start 13-19 */
		{"1381234567", NULL, NULL},      /* 10 digits */
		{"138123456789", NULL, NULL},    /* 12 digits */
		{"010-123456", NULL, NULL},      /* number too short */
		{"010-123456789", NULL, NULL},   /* number too long */
		{"12345", NULL, NULL},
		{"", NULL, NULL},
		{"１３８１２３４５６７８", NULL, NULL}, /* full-width digits */
		{"138123456７8", NULL, NULL},
		{"+8613812345678", "13812345678", "138****5678"},   /* with the country code */
		{"+86 138 1234 5678", "13812345678", "138****5678"},
		{"86 13812345678", "13812345678", "138****5678"},
		{"+86-138-1234-5678", "13812345678", "138****5678"},
		{" 13812345678 ", "13812345678", "138****5678"},
		{"+1 3812345678", NULL, NULL},   /* another country */
		{"+13812345678", NULL, NULL},
		{"8613812345678", "13812345678", "138****5678"},
		{"87 13812345678", NULL, NULL},
		{"010-12345678-", NULL, NULL},
		{"abc", NULL, NULL},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		const char *problem = valid_phone(cases[i].in);
		if (!cases[i].normal) {
			if (!problem)
				fail_msg("valid_phone(\"%s\") accepted, want refused", cases[i].in);
			continue;
		}
		if (problem)
			fail_msg("valid_phone(\"%s\") refused: %s", cases[i].in, problem);
		char normal[32], masked[32];
		phone_normalise(cases[i].in, normal);
		assert_string_equal(normal, cases[i].normal);
		phone_mask(normal, masked);
		assert_string_equal(masked, cases[i].masked);
	}
}

static void test_email_and_date(void **state)
{
	(void)state;
	static const struct {
		const char *v;
		int ok;
	} emails[] = {
		{"a@b.cn", 1}, {"zhang.san+repair@example.com.cn", 1}, {"a@b", 0}, {"@b.cn", 0}, {"a@@b.cn", 0},
		{"a b@c.cn", 0}, {"a@b.cn.", 0}, {"a@.cn", 0}, {"<a@b.cn>", 0}, {"a@b.cn;c@d.cn", 0},
	}, dates[] = {
		{"2026-05-01", 1}, {"2024-02-29", 1}, {"2025-02-29", 0}, {"2100-02-29", 0}, {"2000-02-29", 1},
		{"1990-01-01", 1}, {"1989-12-31", 0}, {"2026-13-01", 0}, {"2026-04-31", 0}, {"2026-4-1", 0},
		{"2026/05/01", 0}, {"20260501", 0}, {"2026-05-01 ", 0}, {"", 0},
	};
	for (size_t i = 0; i < COUNT(emails); i++)
		if ((valid_email(emails[i].v) == NULL) != emails[i].ok)
			fail_msg("valid_email(\"%s\") want %s", emails[i].v, emails[i].ok ? "ok" : "refused");
	for (size_t i = 0; i < COUNT(dates); i++)
		if ((valid_date(dates[i].v) == NULL) != dates[i].ok)
			fail_msg("valid_date(\"%s\") want %s", dates[i].v, dates[i].ok ? "ok" : "refused");
}

static void test_money_and_ranges(void **state)
{
	(void)state;
	static const struct {
		const char *v;
		long long cents;  /* -1: refused */
	} money[] = {
		{"0", 0}, {"120", 12000}, {"35.5", 3550}, {"35.50", 3550}, {"0.05", 5}, {"9999999.99", 999999999},
		{"10000000", -1}, {"1.234", -1}, {"1.", -1}, {".5", -1}, {"-1", -1}, {"1,000", -1}, {"", -1},
		{" 1", -1}, {"1e3", -1},
	};
	for (size_t i = 0; i < COUNT(money); i++) {
		long long cents = -1;
		int ok = parse_money(money[i].v, &cents);
		if (ok != (money[i].cents >= 0) || (ok && cents != money[i].cents))
			fail_msg("parse_money(\"%s\") = %d, %lld; want %lld", money[i].v, ok, cents, money[i].cents);
	}
	long long n = 7;
	assert_true(parse_int_range("90", 1, 1440, &n) && n == 90);
	assert_false(parse_int_range("0", 1, 1440, &n));
	assert_false(parse_int_range("1441", 1, 1440, &n));
	assert_false(parse_int_range("-5", -10, 10, &n));
	assert_false(parse_int_range("12a", 1, 1440, &n));
	assert_false(parse_int_range(NULL, 1, 1440, &n));
	assert_int_equal(n, 90);
}

static void test_public_no_and_like(void **state)
{
	(void)state;
	assert_true(public_no_valid("R20261126-0007", 'R'));
	assert_true(public_no_valid("R20261126-12345", 'R'));
	assert_false(public_no_valid("T20261126-0007", 'R'));
	assert_true(public_no_valid("T20261126-0007", 'T'));
	assert_false(public_no_valid("R20261126-007", 'R'));
	assert_true(public_no_valid("R20261126-123456", 'R'));
	assert_true(public_no_valid("R20261126-999999999999", 'R'));
	assert_false(public_no_valid("R20261126-1000000000000", 'R'));
	assert_false(public_no_valid("R2026112a-0007", 'R'));
	assert_false(public_no_valid("R20261126_0007", 'R'));
	assert_false(public_no_valid(NULL, 'R'));
	/* as people type them: lower case, spaces around */
	static const char *const typed[][2] = {
		{"r20261126-0007", "R20261126-0007"}, {"  R20261126-0007 ", "R20261126-0007"},
		{"\tt20261126-0007\t", "T20261126-0007"}, {"R20261126-0007", "R20261126-0007"},
		{"", ""}, {"   ", ""}, {"张三", "张三"}, {"r 2026", "R 2026"},
		{"r20261126-0007000000000000000000000000", "R20261126-000700000000000000000"},
	};
	for (size_t i = 0; i < sizeof(typed) / sizeof(typed[0]); i++) {
		char no[32];
		public_no_normalise(typed[i][0], no);
		assert_string_equal(no, typed[i][1]);
	}
	struct arena a;
	arena_init(&a);
	assert_string_equal(public_no_format(&a, 'R', "20261126", 7), "R20261126-0007");
	assert_string_equal(public_no_format(&a, 'R', "20261126", 9999), "R20261126-9999");
	assert_string_equal(public_no_format(&a, 'T', "20261126", 100000), "T20261126-100000");
	assert_true(public_no_valid(public_no_format(&a, 'R', "20261126", 999999999999LL), 'R'));
	arena_free(&a);
	char out[64];
	like_escape("50%_off\\", out);
	assert_string_equal(out, "50\\%\\_off\\\\");
	like_escape("张三", out);
	assert_string_equal(out, "张三");
	assert_null(valid_text_line("一行文字 ok"));
	assert_non_null(valid_text_line("two\nlines"));
	assert_non_null(valid_text_line("tab\there"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_chars),
		cmocka_unit_test(test_valid_username),
		cmocka_unit_test(test_valid_display_name),
		cmocka_unit_test(test_valid_role),
		cmocka_unit_test(test_parse_id),
		cmocka_unit_test(test_roles_round_trip),
		cmocka_unit_test(test_roles_unknown),
		cmocka_unit_test(test_password_problem),
		cmocka_unit_test(test_phones),
		cmocka_unit_test(test_email_and_date),
		cmocka_unit_test(test_money_and_ranges),
		cmocka_unit_test(test_public_no_and_like),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
