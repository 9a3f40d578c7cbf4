/* Unit tests of kept report results (cgi-bin/report_cache.h): a result is built once and answered
 * from the copy while young, fresh builds again, another key or an old result builds again, a
 * failed build is not kept, and the copy is whole (text, links, markers, numbers). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <time.h>

#include "report_cache.h"

static const struct report_column COLS[] = {{"what", "项目", RT_TEXT}, {"n", "数量", RT_INT}};

struct counter {
	int builds;
	int fail;
};

static int build(struct request *r, const void *ctx, struct report_result *out)
{
	struct counter *c = (struct counter *)ctx;
	c->builds++;
	if (c->fail)
		return DB_ERR;
	struct report_table *t = report_result_add(out, "MAIN", "表一", COLS, 2);
	unsigned row = report_table_row(&r->arena, t, "row-a");
	report_table_set(t, row, 0, arena_printf(&r->arena, "第 %d 次", c->builds), "/x?a=1");
	report_table_set_int(&r->arena, t, row, 1, 42, NULL);
	out->numbers[0] = 7;
	return DB_OK;
}

static void test_kept_and_fresh(void **state)
{
	(void)state;
	struct request r;
	memset(&r, 0, sizeof(r));
	arena_init(&r.arena);
	struct counter c = {0};
	struct report_result res;
	assert_int_equal(report_cached(&r, "k1", 60, 0, build, &c, &res), DB_OK);
	assert_int_equal(c.builds, 1);
	assert_int_equal(res.age_ms, 0);
	/* the request's arena is reused: the kept copy must not point into it */
	arena_reset(&r.arena);
	assert_int_equal(report_cached(&r, "k1", 60, 0, build, &c, &res), DB_OK);
	assert_int_equal(c.builds, 1);
	assert_int_equal(res.n, 1);
	const struct report_table *t = report_result_find(&res, "MAIN");
	assert_non_null(t);
	assert_string_equal(t->name, "表一");
	assert_int_equal(t->nrows, 1);
	assert_string_equal(t->cells[0], "第 1 次");
	assert_string_equal(t->cells[1], "42");
	assert_string_equal(t->links[0], "/x?a=1");
	assert_null(t->links[1]);
	assert_string_equal(t->row_attr[0], "row-a");
	assert_ptr_equal(t->cols, COLS);
	assert_int_equal(res.numbers[0], 7);
	assert_null(report_result_find(&res, "OTHER"));

	assert_int_equal(report_cached(&r, "k1", 60, 1, build, &c, &res), DB_OK);
	assert_int_equal(c.builds, 2);
	assert_string_equal(res.t[0].cells[0], "第 2 次");
	assert_int_equal(report_cached(&r, "k2", 60, 0, build, &c, &res), DB_OK);
	assert_int_equal(c.builds, 3);
	nanosleep(&(struct timespec){0, 5 * 1000 * 1000}, NULL);
	assert_int_equal(report_cached(&r, "k1", 0, 0, build, &c, &res), DB_OK); /* kept 0 s: too old by now */
	assert_int_equal(c.builds, 4);
	arena_free(&r.arena);
}

static void test_failure_not_kept(void **state)
{
	(void)state;
	struct request r;
	memset(&r, 0, sizeof(r));
	arena_init(&r.arena);
	struct counter c = {.fail = 1};
	struct report_result res;
	assert_int_equal(report_cached(&r, "bad", 60, 0, build, &c, &res), DB_ERR);
	c.fail = 0;
	assert_int_equal(report_cached(&r, "bad", 60, 0, build, &c, &res), DB_OK);
	assert_int_equal(c.builds, 2);
	/* many keys: the oldest slots are given up, the newest stays */
	for (int i = 0; i < 40; i++)
		assert_int_equal(report_cached(&r, arena_printf(&r.arena, "many-%d", i), 60, 0, build, &c, &res), DB_OK);
	int before = c.builds;
	assert_int_equal(report_cached(&r, "many-39", 60, 0, build, &c, &res), DB_OK);
	assert_int_equal(c.builds, before);
	arena_free(&r.arena);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kept_and_fresh),
		cmocka_unit_test(test_failure_not_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
