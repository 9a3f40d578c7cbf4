/* One's own sessions: the list, ending one of the others, ending all the others. */
#include "audit.h"
#include "pages.h"
#include "response.h"
#include "session.h"
#include "valid.h"

#include <string.h>

/* The limits of session_load: a session past them is over whether or not its row is gone yet. */
static const char SQL_SESSIONS[] =
	"SELECT id, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i'), DATE_FORMAT(last_seen, '%Y-%m-%d %H:%i'), ip, "
	"user_agent, token_hash = ? FROM sessions "
	"WHERE user_id = ? AND last_seen > NOW() - INTERVAL ? MINUTE AND created_at > NOW() - INTERVAL ? HOUR "
	"ORDER BY 6 DESC, last_seen DESC, id DESC LIMIT 100";
/* user_id in every statement: a number from a form names a session only among the user's own. */
static const char SQL_SESSION_OWN[] =
	"SELECT ip, token_hash = ? FROM sessions WHERE id = ? AND user_id = ? FOR UPDATE";
static const char SQL_SESSION_DROP[] = "DELETE FROM sessions WHERE id = ? AND user_id = ?";
static const char SQL_SESSIONS_DROP_OTHERS[] = "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?";

struct ua_name {
	const char *needle, *label;
};
/* First match wins: Edge and Opera also say Chrome, Chrome also says Safari, Android also says
 * Linux, an iPhone also says Mac OS X. */
static const struct ua_name BROWSERS[] = {
	{"MicroMessenger/", "微信"}, {"Edg", "Edge"},       {"OPR/", "Opera"}, {"Firefox/", "Firefox"},
	{"Chrome/", "Chrome"},       {"Safari/", "Safari"}, {"curl/", "curl"},
};
static const struct ua_name SYSTEMS[] = {
	{"Android", "Android"}, {"iPhone", "iPhone"}, {"iPad", "iPad"},   {"Windows", "Windows"},
	{"Mac OS X", "macOS"},  {"CrOS", "ChromeOS"}, {"Linux", "Linux"},
};

static const char *ua_find(const char *ua, const struct ua_name *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(ua, names[i].needle))
			return names[i].label;
	return NULL;
}

/* "Chrome · Windows" from a User-Agent header; the header itself goes into a title attribute. */
static const char *browser_label(struct request *r, const char *ua)
{
	const char *b = ua_find(ua, BROWSERS, sizeof(BROWSERS) / sizeof(BROWSERS[0]));
	const char *s = ua_find(ua, SYSTEMS, sizeof(SYSTEMS) / sizeof(SYSTEMS[0]));
	return arena_printf(&r->arena, "%s%s%s", b ? b : "未知浏览器", s ? " · " : "", s ? s : "");
}

/* GET /staff/sessions: the user's sessions that are still valid, this one first. Answers 200. */
int page_sessions(struct request *r)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_SESSIONS, "biii", r->sess.token_hash, sizeof(r->sess.token_hash),
			 r->sess.user_id, (long long)r->cfg->session_idle_minutes,
			 (long long)r->cfg->session_absolute_hours);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, 200, "sessions.tpl", "登录会话");
	tmpl_set(d, "CSRF", r->sess.csrf);
	const char *ended = query_get(r, "ended");
	if (ended && !strcmp(ended, "one"))
		tmpl_show(d, "ENDED_ONE");
	else if (ended && !strcmp(ended, "others"))
		tmpl_show(d, "ENDED_OTHERS");
	size_t others = 0;
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *row = tmpl_section(d, "SESSION");
		tmpl_set(row, "ID", db_cell(&res, i, 0));
		tmpl_set(row, "STARTED", db_cell(&res, i, 1));
		tmpl_set(row, "LAST_SEEN", db_cell(&res, i, 2));
		tmpl_set(row, "IP", db_cell(&res, i, 3));
		tmpl_set(row, "USER_AGENT", db_cell(&res, i, 4));
		tmpl_set(row, "BROWSER", browser_label(r, db_cell(&res, i, 4)));
		if (db_cell_int(&res, i, 5)) {
			tmpl_show(row, "CURRENT");
		} else {
			tmpl_show(row, "OTHER");
			others++;
		}
	}
	if (others)
		tmpl_show(d, "HAS_OTHERS");
	return 0;
}

/* POST /staff/sessions/end (id): ends one of the user's other sessions. Answers 303 to the list,
 * 422 for a missing or malformed id or for this session (logging out ends that one), 404 when
 * the user has no session with that id (another user's included). */
int page_session_end(struct request *r)
{
	long long id = 0;
	const char *v = form_get(r, "id");
	if (!v || !parse_id(v, &id))
		return page_error(r, 422, "没有指定要结束的会话，请从会话列表中选择。");
	struct db_result s;
	int st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &s, SQL_SESSION_OWN, "bii", r->sess.token_hash,
			     sizeof(r->sess.token_hash), id, r->sess.user_id);
	if (st != DB_OK)
		return st;
	if (!s.nrows) {
		db_rollback(r->db);
		return page_error(r, 404, "没有这个会话，它可能已经结束。");
	}
	if (db_cell_int(&s, 0, 1)) {
		db_rollback(r->db);
		return page_error(r, 422, "这是您当前使用的会话，请点击“退出”结束它。");
	}
	st = db_exec(r->db, &r->arena, NULL, SQL_SESSION_DROP, "ii", id, r->sess.user_id);
	if (st == DB_OK)
		st = audit_record(r, "session_end", r->sess.username,
				  arena_printf(&r->arena, "session %lld from %s", id, db_cell(&s, 0, 0)));
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, "/staff/sessions?ended=one");
}

/* POST /staff/sessions/end-others: ends every session of the user but this one. Answers 303 to the list. */
int page_sessions_end_others(struct request *r)
{
	struct db_result res;
	int st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_SESSIONS_DROP_OTHERS, "ib", r->sess.user_id,
			     r->sess.token_hash, sizeof(r->sess.token_hash));
	if (st == DB_OK)
		st = audit_record(r, "sessions_end_others", r->sess.username,
				  arena_printf(&r->arena, "%llu sessions", res.affected));
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, "/staff/sessions?ended=others");
}
