/* The program's configuration, read once at start-up from an INI file (keys documented in conf/aftersales.ini.example). */
#ifndef AFTERSALES_CONFIG_H
#define AFTERSALES_CONFIG_H

struct config {
	char site_name[128];
	char templates[512];
	char static_url[128];
	char timezone[8];        /* "+08:00": the offset dates are shown and numbered in */
	int secure_cookies;

	char db_host[256];
	char db_socket[512];
	char db_user[128];
	char db_password[256];
	char db_name[128];
	int db_port;

	int threads;
	int session_idle_minutes;
	int session_absolute_hours;
	long max_body;
	int login_max_failures;
	int login_lock_minutes;
};

/* Fills cfg with defaults, then reads path. Returns 0, or -1 after printing the file, line and key to stderr. */
int config_load(struct config *cfg, const char *path);

#endif
