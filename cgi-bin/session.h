/* Staff sessions: a random token in an HttpOnly cookie, only its hash in the database, a CSRF secret per session. */
#ifndef AFTERSALES_SESSION_H
#define AFTERSALES_SESSION_H
#include "request.h"

#define SESSION_COOKIE "sid"

/* Loads the session named by the cookie into r->sess (user_id stays 0 when there is none, it
 * expired, or the user was deactivated). Returns a db_status. */
int session_load(struct request *r);
/* Creates a session for user_id and sets the cookie; ends the session the request's cookie named,
 * if any. Returns a db_status. */
int session_start(struct request *r, long long user_id);
/* Deletes the current session and clears the cookie. Returns a db_status. */
int session_end(struct request *r);
/* Gives the current session a new CSRF secret (in r->sess.csrf too): forms of before stop
 * working. Returns a db_status. */
int session_rotate_csrf(struct request *r);
/* Keeps text (at most FLASH_CHARS characters; NULL clears it) with the session, for page_begin to
 * show once on the next page: what an action did, after its redirect. Returns a db_status. */
#define FLASH_CHARS 200
int session_flash(struct request *r, const char *text);
/* Returns 1 when the form's csrf field matches the session's secret (constant-time compare). */
int csrf_valid(const struct request *r);
/* Turns n random bytes into 2n hex characters in the arena. */
char *random_hex(struct arena *a, size_t n);

#endif
