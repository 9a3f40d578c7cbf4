/* Reading a FastCGI request into struct request, and resetting it between requests. */
#include "request.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void request_init(struct request *r, const struct config *cfg, struct db *db)
{
	memset(r, 0, sizeof(*r));
	arena_init(&r->arena);
	r->cfg = cfg;
	r->db = db;
}

void response_clear(struct request *r)
{
	if (r->layout)
		tmpl_dict_free(r->layout);
	r->layout = NULL;
	r->page = NULL;
	r->page_file = NULL;
	r->status = 200;
	memset(&r->headers, 0, sizeof(r->headers));
}

void request_reset(struct request *r)
{
	response_clear(r);
	arena_reset(&r->arena);
	const struct config *cfg = r->cfg;
	struct db *db = r->db;
	struct arena arena = r->arena;
	memset(r, 0, sizeof(*r));
	r->arena = arena;
	r->cfg = cfg;
	r->db = db;
}

static const char *param(struct request *r, const char *name)
{
	return FCGX_GetParam(name, r->fcgi->envp);
}

static int method_from(const char *m)
{
	if (!m)
		return M_OTHER;
	if (!strcmp(m, "GET"))
		return M_GET;
	if (!strcmp(m, "POST"))
		return M_POST;
	if (!strcmp(m, "HEAD"))
		return M_HEAD;
	return M_OTHER;
}

static int is_urlencoded(const char *type)
{
	static const char want[] = "application/x-www-form-urlencoded";
	return type && strncasecmp(type, want, sizeof(want) - 1) == 0 &&
	       (type[sizeof(want) - 1] == '\0' || type[sizeof(want) - 1] == ';');
}

static int read_body(struct request *r)
{
	const char *cl = param(r, "CONTENT_LENGTH");
	if (!cl || !*cl)
		return 0;
	char *end;
	errno = 0;
	long long len = strtoll(cl, &end, 10);
	if (errno || *end || len < 0)
		return 400;
	if (len > r->cfg->max_body)
		return 413;
	if (len == 0 || !is_urlencoded(param(r, "CONTENT_TYPE")))
		return 0;
	char *body = arena_alloc(&r->arena, (size_t)len + 1);
	int got = FCGX_GetStr(body, (int)len, r->fcgi->in);
	if (got != len)
		return 400;
	return form_parse(&r->arena, body, (size_t)len, &r->form) == PARSE_OK ? 0 : 400;
}

int request_read(struct request *r)
{
	r->status = 200;
	r->method = method_from(param(r, "REQUEST_METHOD"));
	r->remote_addr = param(r, "REMOTE_ADDR");
	if (!r->remote_addr)
		r->remote_addr = "";
	const char *path = param(r, "PATH_INFO");
	if (!path || !*path)
		path = param(r, "DOCUMENT_URI");
	if (!path || !*path)
		path = "/";
	if (!utf8_valid(path, strlen(path)))
		return 400;
	r->path = path;
	cookies_parse(&r->arena, param(r, "HTTP_COOKIE"), &r->cookies);
	const char *qs = param(r, "QUERY_STRING");
	if (qs && form_parse(&r->arena, qs, strlen(qs), &r->query) != PARSE_OK)
		return 400;
	if (r->method == M_POST)
		return read_body(r);
	return 0;
}

const char *form_get(const struct request *r, const char *name)
{
	return kv_get(&r->form, name);
}

const char *query_get(const struct request *r, const char *name)
{
	return kv_get(&r->query, name);
}

const char *cookie_get(const struct request *r, const char *name)
{
	return kv_get(&r->cookies, name);
}
