/* Unit tests of the pure parts of the staff lists (cgi-bin/list.h): what the search box is taken
 * for, and the keyset cursors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena_fixture.h"
#include "list.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct search_case {
	const char *q;
	const char *kinds;
	const char *no, *phone, *text, *like;
	const char *tail;
};

static void test_search_classify(void **state)
{
	static const struct search_case cases[] = {
		{"", "T", "", "", "", "", ""},
		{"T20261126-0007", "T", "T20261126-0007", "", "", "", ""},
		{"T20261126-100000", "T", "T20261126-100000", "", "", "", ""},
		/* a repair's number in the returns list is text (an order number, say) */
		{"R20261126-0007", "T", "", "", "R20261126-0007", "R20261126-0007", ""},
		{"R20261126-0007", "R", "R20261126-0007", "", "", "", ""},
		{"13812345678", "T", "", "13812345678", "", "", ""},
		{"138 1234 5678", "R", "", "13812345678", "", "", ""},
		{"138-1234-5678", "T", "", "13812345678", "", "", ""},
		{"010-62345678", "T", "", "010-62345678", "", "", ""},
		{"JD20261126001", "T", "", "", "JD20261126001", "JD20261126001", ""},
		{"张", "T", "", "", "张", "张", ""},
		{"50%_off\\", "T", "", "", "50%_off\\", "50\\%\\_off\\\\", ""},
		{"1381234567", "T", "", "", "1381234567", "1381234567", ""},
		/* complaints are found by their own number and by their request's */
		{"C20261126-0003", "CRT", "C20261126-0003", "", "", "", ""},
		{"R20261126-0007", "CRT", "R20261126-0007", "", "", "", ""},
		{"T20261126-0007", "CRT", "T20261126-0007", "", "", "", ""},
		{"C20261126-0003", "T", "", "", "C20261126-0003", "C20261126-0003", ""},
		{"X20261126-0003", "CRT", "", "", "X20261126-0003", "X20261126-0003", ""},
		/* as people type: a lower-case number, spaces around, a country code, the last 4 digits */
		{"r20261126-0007", "R", "R20261126-0007", "", "", "", ""},
		{" R20261126-0007  ", "R", "R20261126-0007", "", "", "", ""},
		{"c20261126-0003", "CRT", "C20261126-0003", "", "", "", ""},
		{"+86 138 1234 5678", "R", "", "13812345678", "", "", ""},
		{"5678", "R", "", "", "5678", "5678", "5678"},
		{" 5678 ", "R", "", "", "5678", "5678", "5678"},
		{"56789", "R", "", "", "56789", "56789", ""},
		{" 格力空调 ", "R", "", "", "格力空调", "格力空调", ""},
		{"r2026", "R", "", "", "r2026", "r2026", ""},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		const struct search_case *c = &cases[i];
		struct list_search s;
		list_search_classify(*state, c->q, c->kinds, &s);
		if (strcmp(s.q, c->q) || strcmp(s.no, c->no) || strcmp(s.phone, c->phone) || strcmp(s.text, c->text) ||
		    strcmp(s.like, c->like) || strcmp(s.tail, c->tail ? c->tail : ""))
			fail_msg("q \"%s\" (%s): no \"%s\" phone \"%s\" text \"%s\" like \"%s\" tail \"%s\"", c->q,
				 c->kinds, s.no, s.phone, s.text, s.like, s.tail);
	}
}

struct cursor_case {
	const char *after;
	int keyed, ok;
	const char *key;
	long long id;
};

static void test_cursor_read(void **state)
{
	static const struct cursor_case cases[] = {
		{"2026-11-27 10:00:00|42", 1, 1, "2026-11-27 10:00:00", 42},
		{"|7", 1, 1, "", 7},
		{"", 1, 0, "", 0},
		{NULL, 1, 0, "", 0},
		{"42", 1, 0, "", 0},
		{"2026-11-27 10:00:00|", 1, 0, "", 0},
		{"2026-11-27 10:00:00|0", 1, 0, "", 0},
		{"2026-11-27 10:00:00|-1", 1, 0, "", 0},
		{"2026-11-27 10:00:00|4x", 1, 0, "", 0},
		{"a|b|3", 1, 0, "", 0},
		{"42", 0, 1, "", 42},
		{"", 0, 0, "", 0},
		{NULL, 0, 0, "", 0},
		{"042", 0, 0, "", 0},
		{"0", 0, 0, "", 0},
		{"4 2", 0, 0, "", 0},
		{"2026-11-27 10:00:00|42", 0, 0, "", 0},
		{"99999999999999999999", 0, 0, "", 0},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		const struct cursor_case *c = &cases[i];
		const char *key = NULL;
		long long id = -5;
		int ok = list_cursor_read(*state, c->after, c->keyed, &key, &id);
		if (ok != c->ok || strcmp(key, c->key) || id != c->id)
			fail_msg("after \"%s\" keyed %d: %d \"%s\" %lld", c->after ? c->after : "(null)", c->keyed, ok, key, id);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_search_classify, arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_cursor_read, arena_setup, arena_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
