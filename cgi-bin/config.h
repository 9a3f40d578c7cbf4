/* The program's configuration, read once at start-up from an INI file (keys documented in conf/aftersales.ini.example). */
#ifndef AFTERSALES_CONFIG_H
#define AFTERSALES_CONFIG_H

#include "kpi_score.h"
#include "sanbao.h"

struct config {
	char site_name[128];
	char templates[512];
	char static_url[128];
	char timezone[8];        /* "+08:00": the offset dates are shown and numbered in */
	char site_url[256];      /* scheme://host[:port] of the public site, for printed links */
	int secure_cookies;

	char db_host[256];
	char db_socket[512];
	char db_user[128];
	char db_password[256];
	char db_name[128];
	int db_port;
	int db_timeout;          /* seconds a query may take, and a connection may wait on a silent server */

	int threads;
	int request_timeout;     /* seconds a request may run before the process is ended and replaced */
	int session_idle_minutes;
	int session_absolute_hours;
	long max_body;
	int login_max_failures;
	int login_lock_minutes;

	int sla_hours[4];        /* business hours to resolve, by priority: low, normal, high, urgent */
	int first_response_hours; /* business hours from a repair's submission to its acceptance (受理) */
	int work_start_min;      /* working day, minutes after local midnight */
	int work_end_min;
	int workdays;            /* bit d set: weekday d works (0 Sunday ... 6 Saturday) */
	int default_warranty_months;
	int track_max_failures;  /* failed /track look-ups per address before a pause */
	int submit_max_per_hour; /* public submissions per address and hour */

	struct sanbao_rules sanbao; /* the 三包 windows and the repairs before an exchange */
	int returns_answer_hours;   /* business hours to approve or reject a return request */
	int returns_refund_hours;   /* business hours from inspection to the refund or exchange */

	int callback_delay_days;    /* business days from a resolved repair or finished return to its callback */
	int callback_max_attempts;  /* calls without an answer before a callback closes as unreachable */
	int callback_release_minutes; /* a taken callback left untouched this long may be taken by another */
	int complaint_low_score;    /* a score (overall or any dimension) at or below this opens a complaint */
	int complaint_response_hours; /* business hours to the first response to a complaint */
	int complaint_resolve_hours;  /* business hours to its resolution */

	int roster_min_rest_hours;    /* hours off between two shifts of a person */
	int roster_max_consecutive_days; /* working days in a row a person may be rostered */

	struct kpi_rules kpi;         /* the staff score's weights and what each part is measured against */
};

/* Fills cfg with defaults, then reads path. Returns 0, or -1 after printing the file, line and key to stderr. */
int config_load(struct config *cfg, const char *path);

#endif
