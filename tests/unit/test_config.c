/* Unit tests of the configuration reader (cgi-bin/config.h): the [returns] keys' defaults and
 * ranges, and that the documented example file loads with the defaults it claims. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

#ifndef CONF_EXAMPLE
#error "CONF_EXAMPLE must name conf/aftersales.ini.example"
#endif

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Loads text as an INI file; returns config_load's answer. */
static int load(const char *text, struct config *cfg)
{
	char path[] = "/tmp/test_config_XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		fail_msg("mkstemp failed");
	FILE *f = fdopen(fd, "w");
	if (!f || fputs(text, f) == EOF || fclose(f) != 0)
		fail_msg("cannot write %s", path);
	int rc = config_load(cfg, path);
	unlink(path);
	return rc;
}

static void test_returns_defaults(void **state)
{
	(void)state;
	struct config cfg;
	assert_int_equal(load("", &cfg), 0);
	assert_int_equal(cfg.sanbao.return_days, 7);
	assert_int_equal(cfg.sanbao.exchange_days, 15);
	assert_int_equal(cfg.sanbao.no_reason_days, 7);
	assert_int_equal(cfg.sanbao.repairs_before_exchange, 2);
	assert_int_equal(cfg.returns_answer_hours, 24);
	assert_int_equal(cfg.returns_refund_hours, 48);
}

static void test_returns_keys_read(void **state)
{
	(void)state;
	struct config cfg;
	assert_int_equal(load("[returns]\nreturn_days = 10\nexchange_days = 20\nno_reason_days = 0\n"
			      "repairs_before_exchange = 3\nanswer_hours = 8\nrefund_hours = 2000\n",
			      &cfg),
			 0);
	assert_int_equal(cfg.sanbao.return_days, 10);
	assert_int_equal(cfg.sanbao.exchange_days, 20);
	assert_int_equal(cfg.sanbao.no_reason_days, 0);
	assert_int_equal(cfg.sanbao.repairs_before_exchange, 3);
	assert_int_equal(cfg.returns_answer_hours, 8);
	assert_int_equal(cfg.returns_refund_hours, 2000);
}

static void test_returns_ranges(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int want;
	} cases[] = {
		{"[returns]\nreturn_days = 0\nexchange_days = 0\n", 0},
		{"[returns]\nreturn_days = 365\nexchange_days = 365\n", 0},
		{"[returns]\nreturn_days = -1\n", -1},
		{"[returns]\nexchange_days = 366\n", -1},
		{"[returns]\nno_reason_days = 366\n", -1},
		{"[returns]\nno_reason_days = 7d\n", -1},
		{"[returns]\nrepairs_before_exchange = 1\n", 0},
		{"[returns]\nrepairs_before_exchange = 10\n", 0},
		{"[returns]\nrepairs_before_exchange = 0\n", -1},
		{"[returns]\nrepairs_before_exchange = 11\n", -1},
		{"[returns]\nanswer_hours = 1\n", 0},
		{"[returns]\nanswer_hours = 0\n", -1},
		{"[returns]\nrefund_hours = 2001\n", -1},
		{"[returns]\nrefund_hours =\n", -1},
		{"[returns]\nreturn_days = 16\n", -1},
		{"[returns]\nreturn_days = 10\nexchange_days = 9\n", -1},
		{"[returns]\nsubmit_max_per_hour = 5\n", -1},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		struct config cfg;
		if (load(cases[i].text, &cfg) != cases[i].want)
			fail_msg("config_load of\n%swas not %d", cases[i].text, cases[i].want);
	}
}

/* The example says every key has the default shown; for [returns] that must stay true. */
static void test_example_file(void **state)
{
	(void)state;
	struct config example, defaults;
	assert_int_equal(config_load(&example, CONF_EXAMPLE), 0);
	assert_int_equal(load("", &defaults), 0);
	assert_memory_equal(&example.sanbao, &defaults.sanbao, sizeof(defaults.sanbao));
	assert_int_equal(example.returns_answer_hours, defaults.returns_answer_hours);
	assert_int_equal(example.returns_refund_hours, defaults.returns_refund_hours);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_returns_defaults),
		cmocka_unit_test(test_returns_keys_read),
		cmocka_unit_test(test_returns_ranges),
		cmocka_unit_test(test_example_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
