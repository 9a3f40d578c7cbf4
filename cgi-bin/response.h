/* Building and writing responses: the page template inside the layout, redirects, error pages, headers. */
#ifndef AFTERSALES_RESPONSE_H
#define AFTERSALES_RESPONSE_H
#include "request.h"

/* Starts an HTML page: file is the page template, title the page title. Returns the page's dictionary. */
tmpl_dict *page_begin(struct request *r, int status, const char *file, const char *title);
/* page_begin for the page of one day ("YYYY-MM-DD"): sets DAY, PREV and NEXT (the days either side,
 * for its 前一天 / 后一天 links) and CSRF. */
tmpl_dict *page_begin_day(struct request *r, int status, const char *file, const char *title, const char *day);
/* Sets key to a phone number as shown (whole or masked) and shows section <key>_TEL with TEL, the
 * number to dial, for a whole one (a tel: link: one tap calls from a phone), else <key>_TEXT. */
void page_phone(tmpl_dict *d, const char *key, const char *phone);
/* Answers status (303 normally) with a Location; returns 0 so handlers can `return page_redirect(...)`. */
int page_redirect(struct request *r, const char *location);
/* The one place an error page is made: status, title and a message in the site layout. Returns 0. */
int page_error(struct request *r, int status, const char *message);
/* Answers status with body (from the arena) of content_type instead of a page. Returns 0. */
int response_body(struct request *r, int status, const char *content_type, const char *body, size_t len);
/* Adds a response header; CR, LF and other control characters are dropped from the value. */
void response_header(struct request *r, const char *name, const char *value);
/* Sets a cookie with HttpOnly, SameSite=Lax, Path=/ and Secure when configured; max_age < 0 deletes it. */
void response_cookie(struct request *r, const char *name, const char *value, long max_age);
/* Writes status line, security headers and body to the FastCGI stream. */
void response_send(struct request *r);
const char *status_reason(int status);

#endif
