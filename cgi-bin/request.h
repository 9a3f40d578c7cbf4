/* One request's state, input and response; all of it is owned by the request and reset in one place. */
#ifndef AFTERSALES_REQUEST_H
#define AFTERSALES_REQUEST_H
#include <fcgiapp.h>
#include "arena.h"
#include "config.h"
#include "db.h"
#include "parse.h"
#include "tmpl.h"

enum http_method {
	M_GET = 1,
	M_POST = 2,
	M_HEAD = 4,
	M_OTHER = 8,
};

/* Staff roles as bits, so a route names the set of roles it admits. */
enum role {
	ROLE_TECHNICIAN = 1,
	ROLE_AGENT = 2,
	ROLE_SUPERVISOR = 4,
	ROLE_ADMIN = 8,
};
#define ROLES_STAFF (ROLE_TECHNICIAN | ROLE_AGENT | ROLE_SUPERVISOR | ROLE_ADMIN)
#define ROLES_SUPERVISOR (ROLE_SUPERVISOR | ROLE_ADMIN)

struct session {
	long long user_id;            /* 0 when nobody is signed in */
	const char *username;
	const char *display_name;
	int role;
	const char *csrf;             /* hex secret that every staff form must echo */
	unsigned char token_hash[32]; /* key of the sessions row */
	const char *flash;            /* what the last action did, to show once (session_flash), or NULL */
};

struct request {
	struct arena arena;
	const struct config *cfg;
	struct db *db;                /* the thread's connection, not owned */
	FCGX_Request *fcgi;

	int method;
	const char *path;
	const char *remote_addr;
	struct kvlist query, form, cookies;
	long long path_id;            /* the number matched by '#' in the route pattern */
	struct session sess;

	int status;
	struct kvlist headers;
	tmpl_dict *layout;            /* root dictionary: layout.tpl, owns the page dictionary */
	tmpl_dict *page;
	const char *refused_field;    /* the field of the first refusal form_text & co. gave (a flow action's) */
	tmpl_dict *form_errors;       /* the page's error summary ({{>FORM_ERRORS}}), made by the first form_error */
	const char *page_file;
	const char *body;             /* a response that is no page (a calendar feed), or NULL */
	size_t body_len;
	const char *content_type;     /* of body */
};

void request_init(struct request *r, const struct config *cfg, struct db *db);
/* Drops everything the last request built: response, dictionaries, arena. */
void request_reset(struct request *r);
/* Clears the response only (before a handler is run again after reconnecting). */
void response_clear(struct request *r);

/* Reads method, path, query, cookies and the urlencoded body from r->fcgi.
 * Returns 0, or the HTTP status to answer with (400 bad encoding, 413 body too large). */
int request_read(struct request *r);
/* Routes, checks session, role and CSRF, runs the handler and writes the response. */
void request_handle(struct request *r);

/* Form or query field, NULL when absent. */
const char *form_get(const struct request *r, const char *name);
const char *query_get(const struct request *r, const char *name);
const char *cookie_get(const struct request *r, const char *name);

#endif
