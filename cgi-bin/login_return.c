/* The page to return to after signing in. */
#include "login_return.h"

#include <string.h>
#include <strings.h>

#define RETURN_MAX 1000

const char *url_after_own_host(struct request *r, const char *url)
{
	const char *host = r->fcgi ? FCGX_GetParam("HTTP_HOST", r->fcgi->envp) : NULL;
	if (!url || !host)
		return NULL;
	const char *rest = !strncmp(url, "https://", 8) ? url + 8 : !strncmp(url, "http://", 7) ? url + 7 : NULL;
	if (!rest)
		return NULL;
	/* An IPv6 literal keeps its brackets in both: "[::1]:8080" against "[::1]". */
	const char *bracket = rest[0] == '[' ? strchr(rest, ']') : NULL;
	size_t len = bracket ? (size_t)(bracket - rest) + 1 : strcspn(rest, ":/?#");
	if (len != strlen(host) || strncasecmp(rest, host, len) != 0)
		return NULL;
	if (rest[len] == ':')
		len += 1 + strspn(rest + len + 1, "0123456789");
	return rest + len;
}

const char *login_return_valid(const char *v)
{
	if (!v || v[0] != '/' || v[1] == '/' || v[1] == '\\' || strlen(v) > RETURN_MAX || !strncmp(v, "/login", 6))
		return NULL;
	for (const char *p = v; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f || *p == '\\')
			return NULL;
	return v;
}

/* s as one query value: everything but the unreserved characters percent-encoded. */
static const char *query_value(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = arena_alloc(a, strlen(s) * 3 + 1), *w = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
			*w++ = (char)*p;
		} else {
			*w++ = '%';
			*w++ = hex[*p >> 4];
			*w++ = hex[*p & 15];
		}
	}
	*w = 0;
	return out;
}

const char *login_return_url(struct request *r)
{
	const char *page = NULL;
	if (r->fcgi && r->method != M_POST)
		page = FCGX_GetParam("REQUEST_URI", r->fcgi->envp);
	else if (r->fcgi)
		page = url_after_own_host(r, FCGX_GetParam("HTTP_REFERER", r->fcgi->envp));
	page = login_return_valid(page);
	if (!page || !strcmp(page, "/staff"))
		return "/login";
	return arena_printf(&r->arena, "/login?next=%s", query_value(&r->arena, page));
}
