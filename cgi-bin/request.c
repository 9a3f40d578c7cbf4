/* Reading a FastCGI request into struct request, and resetting it between requests. */
#include "request.h"

#include <string.h>

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
	r->body = NULL;
	r->content_type = NULL;
	r->body_len = 0;
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

/* FCGX_GetStr reads until n bytes or the end of the body; max_body keeps n within an int. */
static size_t fcgi_read_cb(void *ctx, char *buf, size_t n)
{
	int got = FCGX_GetStr(buf, (int)n, ctx);
	return got > 0 ? (size_t)got : 0;
}

static int read_body(struct request *r)
{
	switch (body_form_read(&r->arena, param(r, "CONTENT_LENGTH"), param(r, "CONTENT_TYPE"),
			       r->cfg->max_body, fcgi_read_cb, r->fcgi->in, &r->form)) {
	case PARSE_OK:
		return 0;
	case PARSE_TOO_LARGE:
		return 413;
	default:
		return 400;
	}
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
