/* A person's shifts as a calendar feed (iCalendar) for a phone's calendar app: the secret address,
 * its reset, and the feed itself. */
#include "audit.h"
#include "ical.h"
#include "pages.h"
#include "response.h"
#include "roster_duty.h"
#include "session.h"

#include <string.h>
#include <time.h>

static const char SQL_TOKEN[] = "SELECT ical_token FROM users WHERE id = ?";
static const char SQL_TOKEN_SET[] = "UPDATE users SET ical_token = ? WHERE id = ?";
static const char SQL_TOKEN_USER[] = "SELECT id, display_name FROM users WHERE ical_token = ? AND active = 1";

#define TOKEN_BYTES 32
#define FEED_DAYS_BEFORE 30
#define FEED_DAYS_AFTER 90

/* GET /staff/my/calendar: the feed's address, or none yet, and the button that makes a new one.
 * Answers 200. */
int page_my_calendar(struct request *r)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_TOKEN, "i", r->sess.user_id);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, 200, "my_calendar.tpl", "日历订阅");
	tmpl_set(d, "CSRF", r->sess.csrf);
	const char *token = res.nrows ? db_cell(&res, 0, 0) : NULL;
	if (token)
		tmpl_set(tmpl_section(d, "FEED"), "FEED_URL", arena_printf(&r->arena, "%s/ical?token=%s", r->cfg->site_url, token));
	else
		tmpl_show(d, "NO_FEED");
	return DB_OK;
}

/* POST /staff/my/calendar/reset: a new secret address; the old one stops working. Answers 303 to
 * /staff/my/calendar. */
int page_my_calendar_reset(struct request *r)
{
	const char *token = random_hex(&r->arena, TOKEN_BYTES);
	int st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_TOKEN_SET, "si", token, r->sess.user_id);
	if (st == DB_OK)
		st = audit_record(r, "ical_token_reset", r->sess.username, "日历订阅地址已重新生成");
	if (st == DB_OK)
		st = db_commit(r->db);
	return st != DB_OK ? st : page_redirect(r, "/staff/my/calendar");
}

static int token_valid(const char *t)
{
	if (!t || strlen(t) != 2 * TOKEN_BYTES)
		return 0;
	for (const char *p = t; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return 0;
	return 1;
}

/* The site's offset from UTC in seconds ("+08:00", checked when the configuration was read). */
static long long zone_offset(const struct config *cfg)
{
	const char *z = cfg->timezone;
	long long s = ((z[1] - '0') * 10 + (z[2] - '0')) * 3600LL + ((z[4] - '0') * 10 + (z[5] - '0')) * 60LL;
	return z[0] == '-' ? -s : s;
}

/* The host of the site's address, for the events' UIDs. */
static const char *site_host(const struct config *cfg)
{
	const char *h = strstr(cfg->site_url, "://");
	return h ? h + 3 : cfg->site_url;
}

/* GET /ical?token=<64 hex>: the user's shifts from 30 days ago to 90 days ahead as an iCalendar
 * feed, times in UTC. Answers 200 (text/calendar), or 404 for an unknown or reset token. */
int page_ical(struct request *r)
{
	const char *token = query_get(r, "token");
	struct db_result user;
	long long now;
	if (!token_valid(token))
		return page_error(r, 404, "日历订阅地址无效或已重新生成。");
	int st = db_exec(r->db, &r->arena, &user, SQL_TOKEN_USER, "s", token);
	if (st != DB_OK)
		return st;
	if (!user.nrows)
		return page_error(r, 404, "日历订阅地址无效或已重新生成。");
	struct roster_shift *s;
	size_t n;
	st = roster_now(r, &now);
	if (st == DB_OK)
		st = roster_shifts_of(r, db_cell_int(&user, 0, 0), now / 86400 - FEED_DAYS_BEFORE, now / 86400 + FEED_DAYS_AFTER,
				      &s, &n);
	if (st != DB_OK)
		return st;
	long long offset = zone_offset(r->cfg);
	struct ical cal;
	ical_begin(&cal, &r->arena, arena_printf(&r->arena, "%s 值班 %s", r->cfg->site_name, db_cell(&user, 0, 1)));
	for (size_t i = 0; i < n; i++) {
		struct ical_event e = {
			.uid = arena_printf(&r->arena, "roster-%lld@%s", s[i].id, site_host(r->cfg)),
			.stamp = (long long)time(NULL),
			.start = s[i].span.start - offset,
			.end = s[i].span.end - offset,
			.summary = s[i].name,
			.description = arena_printf(&r->arena, "%s %s", s[i].name, shift_hours_text(&r->arena, s[i].start_min,
												 s[i].end_min)),
		};
		ical_event(&cal, &e);
	}
	size_t len;
	const char *body = ical_end(&cal, &len);
	return response_body(r, 200, "text/calendar; charset=utf-8", body, len);
}
