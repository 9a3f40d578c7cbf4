/* Where a person goes after signing in: back to the staff page they were on when the session had
 * expired, given as /login?next=<path>; only paths of this site ("/..." but never "//...", which a
 * browser reads as another host, nor a scheme). */
#ifndef AFTERSALES_LOGIN_RETURN_H
#define AFTERSALES_LOGIN_RETURN_H
#include "request.h"

/* The sign-in address for a request without a valid session: /login?next=<the page> for a GET (its
 * path and query as the browser sent them) or a POST (the same-site page the form was on, from
 * Referer); plain /login when there is no such page or it is /staff, where sign-in leads anyway. */
const char *login_return_url(struct request *r);
/* v when it is a path of this site that sign-in may lead to (printable ASCII, "/" but not "//" or
 * "/\", not the sign-in page itself), else NULL. */
const char *login_return_valid(const char *v);
/* Past "scheme://host[:port]" of url when that host is the request's own (HTTP_HOST; ports are not
 * compared: see auth.c), else NULL. */
const char *url_after_own_host(struct request *r, const char *url);

#endif
