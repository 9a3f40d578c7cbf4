/* The path of one request: read, route, check session, role and CSRF, run the handler, answer. */
#include "request.h"
#include "response.h"
#include "router.h"
#include "session.h"

#include <string.h>

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
			return page_redirect(r, "/login");
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

	/* A lost connection usually means the database restarted: reconnect and run the handler
	 * once more. Nothing was committed, because the transaction died with the connection. */
	int st = DB_OK;
	for (int attempt = 0; attempt < 2; attempt++) {
		st = run_route(r, rt);
		db_rollback(r->db);
		if (st != DB_LOST)
			break;
		db_disconnect(r->db);
		response_clear(r);
		memset(&r->sess, 0, sizeof(r->sess));
	}
	if (st == DB_LOST)
		page_error(r, 503, "数据库暂时无法连接，请稍后再试。您的数据不会丢失。");
	else if (st == DB_CONFLICT)
		page_error(r, 409, "该记录正被他人同时修改，请刷新页面后重试。");
	else if (st != DB_OK)
		page_error(r, 500, "服务器处理请求时出错，请稍后再试。");
send:
	response_send(r);
}
