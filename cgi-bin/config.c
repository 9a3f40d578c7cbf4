/* Reads the INI configuration with libinih; every key is checked, unknown keys are refused. */
#include "config.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/aftersales"
#endif

static void defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->site_name, sizeof(c->site_name), "售后服务中心");
	snprintf(c->templates, sizeof(c->templates), "%s/templates", PKGDATADIR);
	snprintf(c->static_url, sizeof(c->static_url), "/static");
	snprintf(c->timezone, sizeof(c->timezone), "+08:00");
	snprintf(c->site_url, sizeof(c->site_url), "http://127.0.0.1:8080");
	snprintf(c->db_user, sizeof(c->db_user), "aftersales");
	snprintf(c->db_name, sizeof(c->db_name), "aftersales");
	c->threads = 8;
	c->request_timeout = 15;
	c->db_timeout = 5;
	c->session_idle_minutes = 30;
	c->session_absolute_hours = 12;
	c->max_body = 65536;
	c->login_max_failures = 5;
	c->login_lock_minutes = 15;
	c->sla_hours[0] = 72;
	c->sla_hours[1] = 24;
	c->sla_hours[2] = 8;
	c->sla_hours[3] = 4;
	c->work_start_min = 9 * 60;
	c->work_end_min = 18 * 60;
	c->workdays = 0x3E;
	c->default_warranty_months = 12;
	c->track_max_failures = 10;
	c->submit_max_per_hour = 30;
	c->sanbao = (struct sanbao_rules){.return_days = 7, .exchange_days = 15, .no_reason_days = 7,
					  .repairs_before_exchange = 2};
	c->returns_answer_hours = 24;
	c->first_response_hours = 4;
	c->returns_refund_hours = 48;
	c->callback_delay_days = 2;
	c->callback_max_attempts = 3;
	c->callback_release_minutes = 30;
	c->complaint_low_score = 2;
	c->complaint_response_hours = 4;
	c->complaint_resolve_hours = 40;
	c->roster_min_rest_hours = 8;
	c->roster_max_consecutive_days = 6;
	c->kpi = (struct kpi_rules){.weight = {30, 20, 30, 10, 10}, .speed_target_hours = 16, .complaint_points = 25,
				    .repeat_points = 25};
}

static int set_clock(int *dst, const char *v)
{
	if (strlen(v) != 5 || v[2] != ':' || v[0] < '0' || v[0] > '2' || v[1] < '0' || v[1] > '9' || v[3] < '0' ||
	    v[3] > '5' || v[4] < '0' || v[4] > '9')
		return 0;
	int m = ((v[0] - '0') * 10 + (v[1] - '0')) * 60 + (v[3] - '0') * 10 + (v[4] - '0');
	if (m > 24 * 60)
		return 0;
	*dst = m;
	return 1;
}

/* "1,2,3,4,5": ISO weekdays, Monday 1 ... Sunday 7. */
static int set_workdays(int *dst, const char *v)
{
	int mask = 0;
	for (const char *p = v; *p; p++) {
		if (*p >= '1' && *p <= '7')
			mask |= 1 << ((*p - '0') % 7);
		else if (*p != ',' && *p != ' ')
			return 0;
	}
	if (!mask)
		return 0;
	*dst = mask;
	return 1;
}

static int set_str(char *dst, size_t size, const char *v)
{
	if (strlen(v) >= size)
		return 0;
	memcpy(dst, v, strlen(v) + 1);
	return 1;
}

static int set_long(long *dst, const char *v, long min, long max)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < min || n > max)
		return 0;
	*dst = n;
	return 1;
}

static int set_int(int *dst, const char *v, int min, int max)
{
	long n;
	if (!set_long(&n, v, min, max))
		return 0;
	*dst = (int)n;
	return 1;
}

static int set_bool(int *dst, const char *v)
{
	if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "1"))
		*dst = 1;
	else if (!strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "0"))
		*dst = 0;
	else
		return 0;
	return 1;
}

static int valid_offset(const char *v)
{
	return strlen(v) == 6 && (v[0] == '+' || v[0] == '-') && v[1] >= '0' && v[1] <= '1' &&
	       v[2] >= '0' && v[2] <= '9' && v[3] == ':' && v[4] >= '0' && v[4] <= '5' &&
	       v[5] >= '0' && v[5] <= '9';
}

/* http(s)://host[:port] without a path: it is printed into links and QR codes as it is. */
static int valid_site_url(const char *v)
{
	const char *rest = !strncmp(v, "https://", 8) ? v + 8 : !strncmp(v, "http://", 7) ? v + 7 : NULL;
	if (!rest || !*rest)
		return 0;
	for (const char *p = rest; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      strchr(".-:[]", *p)))
			return 0;
	return 1;
}

#define S(sec, key) (!strcmp(section, sec) && !strcmp(name, key))
#define STR(field) set_str(c->field, sizeof(c->field), value)

/* [kpi]: a weight per score part (named by its code) and the measures the parts use. Answers 0
 * for an unknown key. */
static int kpi_key(struct config *c, const char *name, const char *value, int *ok)
{
	for (int p = 0; p < KPI_PARTS; p++)
		if (!strcmp(name, kpi_part_code(p))) {
			*ok = set_int(&c->kpi.weight[p], value, 0, 100);
			return 1;
		}
	if (!strcmp(name, "speed_target_hours"))
		*ok = set_int(&c->kpi.speed_target_hours, value, 1, 2000);
	else if (!strcmp(name, "complaint_points"))
		*ok = set_int(&c->kpi.complaint_points, value, 0, 100);
	else if (!strcmp(name, "repeat_points"))
		*ok = set_int(&c->kpi.repeat_points, value, 0, 100);
	else
		return 0;
	return 1;
}

static int key_cb(void *user, const char *section, const char *name, const char *value)
{
	struct config *c = user;
	int ok;
	if (S("site", "name"))
		ok = STR(site_name);
	else if (S("site", "templates"))
		ok = STR(templates);
	else if (S("site", "static_url"))
		ok = STR(static_url);
	else if (S("site", "timezone"))
		ok = valid_offset(value) && STR(timezone);
	else if (S("site", "url"))
		ok = valid_site_url(value) && STR(site_url);
	else if (S("site", "secure_cookies"))
		ok = set_bool(&c->secure_cookies, value);
	else if (S("database", "host"))
		ok = STR(db_host);
	else if (S("database", "port"))
		ok = set_int(&c->db_port, value, 0, 65535);
	else if (S("database", "socket"))
		ok = STR(db_socket);
	else if (S("database", "user"))
		ok = STR(db_user);
	else if (S("database", "password"))
		ok = STR(db_password);
	else if (S("database", "name"))
		ok = STR(db_name);
	else if (S("database", "timeout"))
		ok = set_int(&c->db_timeout, value, 1, 600);
	else if (S("workers", "threads"))
		ok = set_int(&c->threads, value, 1, 256);
	else if (S("workers", "request_timeout"))
		ok = set_int(&c->request_timeout, value, 2, 3600);
	else if (S("session", "idle_minutes"))
		ok = set_int(&c->session_idle_minutes, value, 1, 7 * 24 * 60);
	else if (S("session", "absolute_hours"))
		ok = set_int(&c->session_absolute_hours, value, 1, 24 * 30);
	else if (S("limits", "max_body"))
		ok = set_long(&c->max_body, value, 1024, 16L * 1024 * 1024);
	else if (S("limits", "login_max_failures"))
		ok = set_int(&c->login_max_failures, value, 1, 1000);
	else if (S("limits", "login_lock_minutes"))
		ok = set_int(&c->login_lock_minutes, value, 1, 24 * 60);
	else if (S("sla", "low_hours"))
		ok = set_int(&c->sla_hours[0], value, 1, 2000);
	else if (S("sla", "first_response_hours"))
		ok = set_int(&c->first_response_hours, value, 1, 2000);
	else if (S("sla", "normal_hours"))
		ok = set_int(&c->sla_hours[1], value, 1, 2000);
	else if (S("sla", "high_hours"))
		ok = set_int(&c->sla_hours[2], value, 1, 2000);
	else if (S("sla", "urgent_hours"))
		ok = set_int(&c->sla_hours[3], value, 1, 2000);
	else if (S("sla", "work_start"))
		ok = set_clock(&c->work_start_min, value);
	else if (S("sla", "work_end"))
		ok = set_clock(&c->work_end_min, value);
	else if (S("sla", "workdays"))
		ok = set_workdays(&c->workdays, value);
	else if (S("repairs", "default_warranty_months"))
		ok = set_int(&c->default_warranty_months, value, 0, 240);
	else if (S("repairs", "track_max_failures"))
		ok = set_int(&c->track_max_failures, value, 1, 10000);
	else if (S("repairs", "submit_max_per_hour"))
		ok = set_int(&c->submit_max_per_hour, value, 1, 1000000);
	else if (S("returns", "return_days"))
		ok = set_int(&c->sanbao.return_days, value, 0, 365);
	else if (S("returns", "exchange_days"))
		ok = set_int(&c->sanbao.exchange_days, value, 0, 365);
	else if (S("returns", "no_reason_days"))
		ok = set_int(&c->sanbao.no_reason_days, value, 0, 365);
	else if (S("returns", "repairs_before_exchange"))
		ok = set_int(&c->sanbao.repairs_before_exchange, value, 1, 10);
	else if (S("returns", "answer_hours"))
		ok = set_int(&c->returns_answer_hours, value, 1, 2000);
	else if (S("returns", "refund_hours"))
		ok = set_int(&c->returns_refund_hours, value, 1, 2000);
	else if (S("callbacks", "delay_days"))
		ok = set_int(&c->callback_delay_days, value, 0, 60);
	else if (S("callbacks", "max_attempts"))
		ok = set_int(&c->callback_max_attempts, value, 1, 20);
	else if (S("callbacks", "release_minutes"))
		ok = set_int(&c->callback_release_minutes, value, 1, 24 * 60);
	else if (S("complaints", "low_score"))
		ok = set_int(&c->complaint_low_score, value, 1, 4);
	else if (S("complaints", "response_hours"))
		ok = set_int(&c->complaint_response_hours, value, 1, 2000);
	else if (S("complaints", "resolve_hours"))
		ok = set_int(&c->complaint_resolve_hours, value, 1, 2000);
	else if (S("roster", "min_rest_hours"))
		ok = set_int(&c->roster_min_rest_hours, value, 0, 48);
	else if (S("roster", "max_consecutive_days"))
		ok = set_int(&c->roster_max_consecutive_days, value, 1, 31);
	else if (!strcmp(section, "kpi") && kpi_key(c, name, value, &ok))
		;
	else {
		fprintf(stderr, "config: unknown key [%s] %s\n", section, name);
		return 0;
	}
	if (!ok)
		fprintf(stderr, "config: bad value for [%s] %s\n", section, name);
	return ok;
}

int config_load(struct config *cfg, const char *path)
{
	defaults(cfg);
	int rc = ini_parse(path, key_cb, cfg);
	if (rc < 0) {
		fprintf(stderr, "config: cannot open %s\n", path);
		return -1;
	}
	if (rc > 0) {
		fprintf(stderr, "config: %s: error on line %d\n", path, rc);
		return -1;
	}
	if (cfg->request_timeout <= cfg->db_timeout) {
		fprintf(stderr, "config: %s: [workers] request_timeout must be longer than [database] timeout\n", path);
		return -1;
	}
	if (cfg->work_end_min <= cfg->work_start_min) {
		fprintf(stderr, "config: %s: [sla] work_end must be after work_start\n", path);
		return -1;
	}
	/* The return window is checked first, so a shorter exchange window would never apply. */
	if (cfg->sanbao.exchange_days < cfg->sanbao.return_days) {
		fprintf(stderr, "config: %s: [returns] exchange_days must not be shorter than return_days\n", path);
		return -1;
	}
	int weights = 0;
	for (int p = 0; p < KPI_PARTS; p++)
		weights += cfg->kpi.weight[p];
	if (!weights) {
		fprintf(stderr, "config: %s: [kpi] at least one weight must be above 0\n", path);
		return -1;
	}
	return 0;
}
