/* Handovers (交接班) as the pages share them: one handover, the people of the next shift who
 * acknowledge it (接班确认), and lists of handovers. */
#ifndef AFTERSALES_ROSTER_HANDOVER_H
#define AFTERSALES_ROSTER_HANDOVER_H
#include "request.h"

struct handover {
	long long id, user_id, version;
	const char *day, *shift, *shift_start, *shift_end; /* "YYYY-MM-DD", the shift's name, "MM-DD HH:MM" */
	const char *writer, *open_items, *notes, *created_at;
	const char *acked_by, *acked_at; /* NULL until acknowledged */
};

/* Loads handover id; h->id is 0 when there is none. Returns a db_status. */
int handover_load(struct request *r, long long id, struct handover *h);

/* The people rostered on the shift after h's: the first shift to start after h's shift started that
 * ends after it ended, on its day or the next (with 早 08-16 and 中 14-22 the 早班 hands over to the
 * 中班, who is there when it leaves; without a 中班 that day, to the 夜班). Adds a repetition of
 * section NEXT (NAME, SHIFT, START) to d per person when d is not NULL, and sets *user_on when user
 * is one of them. Returns a db_status. */
int handover_next_shift(struct request *r, const struct handover *h, long long user, tmpl_dict *d, int *user_on);

/* The unacknowledged handovers that the signed-in user is to acknowledge (on the next shift), or all
 * of them for supervisors: section HANDOVERS_WAITING with a WAITING (ID, DAY, SHIFT, WRITER) per
 * handover, the newest first, when there are any. For the staff home. Returns a db_status. */
int handovers_waiting_fill(struct request *r, tmpl_dict *d);

/* Section HANDOVER (ID, DAY, SHIFT, WRITER, CREATED, and ACKED with ACKED_BY, ACKED_AT or WAITING)
 * per handover of day ("YYYY-MM-DD"), or of the latest ones when day is NULL; section NO_HANDOVERS
 * when there are none. Returns a db_status. */
int handover_rows_fill(struct request *r, tmpl_dict *d, const char *day);

#endif
