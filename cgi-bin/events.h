/* The timeline of a repair or return: every change, who made it, from which status to which. */
#ifndef AFTERSALES_EVENTS_H
#define AFTERSALES_EVENTS_H
#include "flow.h"
#include "request.h"

/* Records an event by the signed-in user (actor "客户" when nobody is signed in). public_note, when
 * not empty, is what /track shows for it. Call inside the change's transaction. Returns a db_status. */
int event_record(struct request *r, const char *subject, long long id, const char *action, const char *from,
		 const char *to, const char *note, const char *public_note);
/* The label of an event's action: flow f's (f may be NULL), or one of the actions every record has
 * (客户合并, 回访 ...); NULL for an unknown code. */
const char *event_action_label(const struct flow *f, const char *code);
/* Adds one repetition of section to d per event of record id of flow f, oldest first: AT, ACTOR, ACTION_LABEL, FROM, TO, NOTE
 * (staff) or AT, PUBLIC_NOTE (public_only). Returns a db_status. */
int events_fill(struct request *r, const struct flow *f, long long id, int public_only, tmpl_dict *d,
		const char *section);

#endif
