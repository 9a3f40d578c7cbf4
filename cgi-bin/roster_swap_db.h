/* Shift swaps (调班) in the database: loading them, checking one against the roster and its rules,
 * and moving the roster rows when one is approved. Shared by the list, the form and the swap's page. */
#ifndef AFTERSALES_ROSTER_SWAP_DB_H
#define AFTERSALES_ROSTER_SWAP_DB_H
#include "request.h"

struct swap {
	long long id, version;
	const char *status;
	long long requester_id, colleague_id;
	const char *requester_name, *colleague_name, *decided_by_name;
	long long requester_roster_id, colleague_roster_id;  /* colleague's 0: a hand-over */
	const char *reason, *decision_note, *created_at;
	const char *requester_shift, *colleague_shift;       /* "2026-03-01 夜班"; colleague's NULL for a hand-over */
};

/* Swap id into *s; s->id is 0 when there is none. Returns a db_status. */
int swap_load(struct request *r, long long id, struct swap *s);
/* The swap of the path's id; answers 404 itself (s->id 0) when there is none. Returns a db_status. */
int swap_load_path(struct request *r, struct swap *s);
/* Adds a row of section to d per swap of a list: "mine" (the user's as requester or colleague),
 * "waiting" (asked of the user, not yet answered), "approval" (accepted, waiting for a supervisor).
 * Returns the number of rows in *n and a db_status. */
int swap_rows_fill(struct request *r, tmpl_dict *d, const char *section, const char *list, size_t *n);
/* Checks, inside the transaction that makes or approves it, that the swap's shifts still belong to
 * the two people and have not begun, and that both keep the roster rules after it (roster_check_user);
 * the rows are locked. Sets *why to NULL or the reason. Returns a db_status. */
int swap_check(struct request *r, const struct swap *s, const char **why);
/* Approves: swap_check, then takes the months of the two shifts (their edit versions, so an open
 * roster page sees the change) and gives each shift to the other person. Sets *why instead when a
 * check fails (nothing written). Call inside the transaction. Returns a db_status. */
int swap_move(struct request *r, const struct swap *s, const char **why);

#endif
