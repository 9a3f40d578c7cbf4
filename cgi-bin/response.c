/* Responses: every answer goes out through response_send with the same security headers. */
#include "response.h"
#include "roles.h"
#include "sanbao.h"
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *status_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Unknown";
	}
}

static const char *error_title(int status)
{
	switch (status) {
	case 400: return "请求无效";
	case 403: return "无权访问";
	case 404: return "页面不存在";
	case 405: return "请求方法不允许";
	case 409: return "数据已被他人修改";
	case 413: return "提交的内容过大";
	case 422: return "填写有误";
	case 429: return "操作过于频繁";
	case 503: return "服务暂时不可用";
	default: return "服务器内部错误";
	}
}

/* The staff navigation, in the order each role sees it: a link is shown only to the roles its page
 * serves, so no one is offered a page that answers 403 (tests/e2e/60-privacy-audit checks each).
 * Technicians work from their own jobs: 我的工单 comes first for them; their 报表 is their own
 * 员工考核. */
#define OFFICE (ROLE_AGENT | ROLES_SUPERVISOR)
static const struct nav_link {
	const char *href, *label;
	int roles;
} NAV[] = {
	{"/staff/my", "我的工单", ROLE_TECHNICIAN},
	{"/staff", "工作台", ROLES_STAFF},
	{"/staff/repairs", "维修工单", ROLES_STAFF},
	{"/staff/returns", "退换货", ROLES_STAFF},
	{"/staff/complaints", "投诉", OFFICE},
	{"/staff/callbacks", "回访", OFFICE},
	{"/staff/reports", "报表", ROLES_STAFF},
	{"/staff/my", "我的工单", OFFICE},
	{"/staff/roster", "值班表", ROLES_STAFF},
	{"/staff/swaps", "调班", ROLES_STAFF},
	{"/staff/handovers", "交接班", ROLES_STAFF},
	{"/staff/customers", "客户资料", OFFICE},
	{"/staff/products", "产品保修", OFFICE},
	{"/staff/holidays", "工作日历", ROLES_STAFF},
	{"/admin/users", "员工账号", ROLE_ADMIN},
	{"/admin/audit", "操作日志", ROLE_ADMIN},
	{"/staff/password", "修改密码", ROLES_STAFF},
};

static void nav_fill(struct request *r, tmpl_dict *staff)
{
	for (size_t i = 0; i < sizeof(NAV) / sizeof(NAV[0]); i++) {
		if (!(NAV[i].roles & r->sess.role))
			continue;
		tmpl_dict *link = tmpl_section(staff, "NAV_LINK");
		tmpl_set(link, "HREF", NAV[i].href);
		tmpl_set(link, "LABEL", NAV[i].label);
	}
}

/* What the last action did, once, on the page its redirect leads to (a GET). A failed clear only
 * shows it once more, so the page goes on. */
static void flash_show(struct request *r, tmpl_dict *l)
{
	if (!r->sess.flash || r->method != M_GET)
		return;
	tmpl_set(tmpl_section(l, "FLASH"), "TEXT", r->sess.flash);
	r->sess.flash = NULL;
	session_flash(r, NULL);
}

static void layout_fill(struct request *r, const char *title)
{
	tmpl_dict *l = r->layout;
	tmpl_set(l, "SITE_NAME", r->cfg->site_name);
	tmpl_set(l, "TITLE", title);
	tmpl_set(l, "STATIC", r->cfg->static_url);
	if (r->sess.user_id) {
		tmpl_dict *s = tmpl_section(l, "STAFF");
		tmpl_set(s, "USER_NAME", r->sess.display_name);
		tmpl_set(s, "ROLE_LABEL", role_label(r->sess.role));
		tmpl_set(s, "CSRF", r->sess.csrf);
		nav_fill(r, s);
		flash_show(r, l);
	} else {
		tmpl_show(l, "PUBLIC_NAV");
	}
}

static void layout_drop(struct request *r)
{
	if (r->layout)
		tmpl_dict_free(r->layout);
	r->layout = NULL;
	r->page = NULL;
	r->form_errors = NULL;
	r->page_file = NULL;
	r->body = NULL;
	r->content_type = NULL;
}

/* Headers already added (cookies, above all) survive page_begin and page_redirect. */
tmpl_dict *page_begin(struct request *r, int status, const char *file, const char *title)
{
	layout_drop(r);
	r->status = status;
	r->layout = tmpl_dict_new();
	layout_fill(r, title);
	r->page = tmpl_include(r->layout, "CONTENT", file);
	r->page_file = file;
	return r->page;
}

tmpl_dict *page_begin_day(struct request *r, int status, const char *file, const char *title, const char *day)
{
	char prev[11], next[11];
	sanbao_format(sanbao_day(day) - 1, prev);
	sanbao_format(sanbao_day(day) + 1, next);
	tmpl_dict *d = page_begin(r, status, file, title);
	tmpl_set(d, "DAY", day);
	tmpl_set(d, "PREV", prev);
	tmpl_set(d, "NEXT", next);
	tmpl_set(d, "CSRF", r->sess.csrf);
	return d;
}

void page_phone(tmpl_dict *d, const char *key, const char *phone)
{
	char tel[40], section[64];
	size_t n = 0;
	int whole = phone && *phone && !strchr(phone, '*');
	for (const char *p = phone; whole && *p && n + 1 < sizeof(tel); p++)
		if ((*p >= '0' && *p <= '9') || (*p == '+' && !n))
			tel[n++] = *p;
	tel[n] = 0;
	tmpl_set(d, key, phone);
	snprintf(section, sizeof(section), "%s_%s", key, whole && n ? "TEL" : "TEXT");
	if (whole && n)
		tmpl_set(tmpl_section(d, section), "TEL", tel);
	else
		tmpl_show(d, section);
}

int page_redirect(struct request *r, const char *location)
{
	layout_drop(r);
	r->status = 303;
	response_header(r, "Location", location);
	return 0;
}

int response_body(struct request *r, int status, const char *content_type, const char *body, size_t len)
{
	layout_drop(r);
	r->status = status;
	r->content_type = content_type;
	r->body = body;
	r->body_len = len;
	return 0;
}

int page_error(struct request *r, int status, const char *message)
{
	tmpl_dict *d = page_begin(r, status, "error.tpl", error_title(status));
	tmpl_set_int(d, "STATUS", status);
	tmpl_set(d, "HEADING", error_title(status));
	tmpl_set(d, "MESSAGE", message);
	if (r->sess.user_id)
		tmpl_show(d, "STAFF_LINK");
	return 0;
}

void response_header(struct request *r, const char *name, const char *value)
{
	size_t n = strlen(value);
	char *clean = arena_alloc(&r->arena, n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)value[i] >= 0x20 && value[i] != 0x7f)
			clean[o++] = value[i];
	kv_add(&r->arena, &r->headers, name, clean);
}

void response_cookie(struct request *r, const char *name, const char *value, long max_age)
{
	response_header(r, "Set-Cookie",
			arena_printf(&r->arena, "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=Lax%s", name,
				     max_age < 0 ? "" : value, max_age < 0 ? 0 : max_age,
				     r->cfg->secure_cookies ? "; Secure" : ""));
}

static void put(FCGX_Stream *out, const char *s)
{
	FCGX_PutStr(s, (int)strlen(s), out);
}

void response_send(struct request *r)
{
	char *body = NULL;
	size_t len = 0;
	if (r->layout && tmpl_expand("layout.tpl", r->layout, &body, &len) != 0) {
		fprintf(stderr, "render: %s failed\n", r->page_file);
		page_error(r, 500, "页面生成失败，请稍后再试。");
		if (tmpl_expand("layout.tpl", r->layout, &body, &len) != 0)
			len = 0;
	}
	const char *sent = body;
	if (!r->layout && r->body) {
		sent = r->body;
		len = r->body_len;
	}
	FCGX_Stream *out = r->fcgi->out;
	char line[128];
	snprintf(line, sizeof(line), "Status: %d %s\r\n", r->status, status_reason(r->status));
	put(out, line);
	put(out, "Content-Type: ");
	put(out, r->content_type && !r->layout ? r->content_type : "text/html; charset=utf-8");
	put(out, "\r\n"
		 "X-Content-Type-Options: nosniff\r\n"
		 "X-Frame-Options: DENY\r\n"
		 "Referrer-Policy: same-origin\r\n"
		 "Cache-Control: no-store\r\n"
		 "Content-Security-Policy: default-src 'self'; img-src 'self' data:; object-src 'none'; "
		 "base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n");
	for (size_t i = 0; i < r->headers.n; i++) {
		put(out, r->headers.items[i].key);
		put(out, ": ");
		put(out, r->headers.items[i].val);
		put(out, "\r\n");
	}
	snprintf(line, sizeof(line), "Content-Length: %zu\r\n\r\n", len);
	put(out, line);
	if (len && r->method != M_HEAD)
		FCGX_PutStr(sent, (int)len, out);
	free(body);
}
