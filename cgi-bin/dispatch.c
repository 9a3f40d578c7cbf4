/* The path of one request: read, route, check session, role and CSRF, run the handler, answer. */
#include "clock.h"
#include "login_return.h"
#include "request.h"
#include "response.h"
#include "router.h"
#include "session.h"

#include <sodium.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_ATTEMPTS 4

/* Nothing of a POST that failed this way was saved. The public forms carry a one-time token and
 * staff forms a version or a unique key, so sending one again never registers it twice. */
static const char UNAVAILABLE[] = "数据库暂时无法连接，请稍后再试。";
static const char UNAVAILABLE_POST[] =
	"数据库暂时无法连接，本次提交没有保存。请稍后返回上一页重新提交，同一张表单重复提交不会重复登记。";
static const char BUSY[] = "系统繁忙，请稍后再试。";
static const char BUSY_POST[] =
	"系统繁忙，本次提交没有保存。请稍后返回上一页重新提交，同一张表单重复提交不会重复登记。";

/* A few random milliseconds, growing with each attempt, so that the two transactions that
 * deadlocked do not meet again in step. */
static void backoff(int attempt)
{
	long ms = 5L * (1L << attempt) + (long)(randombytes_uniform(10U << attempt));
	struct timespec ts = {0, ms * 1000000L};
	nanosleep(&ts, NULL);
}

static const char *read_error(int status)
{
	return status == 413 ? "提交的内容超过了允许的大小。"
			     : "请求中含有无法识别的字符或编码，请检查后重新提交。";
}

static const char *allow_header(struct request *r, int methods)
{
	return arena_printf(&r->arena, "%s%s%s", (methods & M_GET) ? "GET, HEAD" : "",
			    (methods & M_GET) && (methods & M_POST) ? ", " : "", (methods & M_POST) ? "POST" : "");
}

/* Returns 0 when a response is ready, or a db_status from the session lookup or the handler. */
static int run_route(struct request *r, const struct route *rt)
{
	if (cookie_get(r, SESSION_COOKIE)) {
		int st = session_load(r);
		if (st != DB_OK)
			return st;
	}
	if (rt->roles) {
		if (!r->sess.user_id)
			return page_redirect(r, login_return_url(r));
		if (!(r->sess.role & rt->roles))
			return page_error(r, 403, "您的角色无权进行此操作。");
		if (r->method == M_POST && !csrf_valid(r))
			return page_error(r, 403, "表单已过期或来源无效，请刷新页面后重试。");
	}
	return rt->handler(r);
}

void request_handle(struct request *r)
{
	int status = request_read(r);
	if (status) {
		page_error(r, status, read_error(status));
		goto send;
	}
	long long id = 0;
	int allowed = 0;
	const struct route *rt = route_find(ROUTES, ROUTES_N, r->method, r->path, &id, &allowed);
	if (!rt) {
		if (allowed) {
			response_header(r, "Allow", allow_header(r, allowed));
			page_error(r, 405, "此地址不接受这种请求方式。");
		} else {
			page_error(r, 404, "您要找的页面不存在，请检查地址是否正确。");
		}
		goto send;
	}
	r->path_id = id;

	/* A lost connection usually means the database restarted, and a deadlock or lock wait timeout
	 * rolled the transaction back: either way nothing of this attempt was kept, so the handler
	 * runs again, unless it had already committed a transaction (then running it again could
	 * do a thing twice). Retries stop after a few attempts or once the request has used up the
	 * database timeout, so a busy database answers 503 in seconds. */
	int st = DB_OK;
	long long started = clock_ms();
	for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
		unsigned long commits = db_commits(r->db);
		st = run_route(r, rt);
		db_rollback(r->db);
		if ((st != DB_LOST && st != DB_CONFLICT) || db_commits(r->db) != commits ||
		    clock_ms() - started > (long long)r->cfg->db_timeout * 1000)
			break;
		if (st == DB_LOST) {
			db_disconnect(r->db);
			if (attempt >= 1)
				break;
		} else {
			backoff(attempt);
		}
		response_clear(r);
		memset(&r->sess, 0, sizeof(r->sess));
	}
	if (st == DB_LOST)
		page_error(r, 503, r->method == M_POST ? UNAVAILABLE_POST : UNAVAILABLE);
	else if (st == DB_CONFLICT)
		page_error(r, 503, r->method == M_POST ? BUSY_POST : BUSY);
	else if (st == DB_STALE)
		page_error(r, 409, "该记录已被他人修改，请刷新页面后重试。");
	else if (st != DB_OK)
		page_error(r, 500, "服务器处理请求时出错，请稍后再试。");
send:
	response_send(r);
}
