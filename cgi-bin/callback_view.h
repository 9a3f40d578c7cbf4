/* How a callback reads on the staff pages: its columns joined with the customer and the repair or
 * return it is about, the status others see, and its row of fields; the list and the callback's
 * page share them. */
#ifndef AFTERSALES_CALLBACK_VIEW_H
#define AFTERSALES_CALLBACK_VIEW_H
#include "request.h"

/* The columns of a callback row, starting with the ones list_row_begin reads (id, number, created,
 * name, phone); CALLBACK_FROM names the tables (c, cu, rp, rt). */
#define CALLBACK_COLUMNS \
	"SELECT c.id, COALESCE(rp.public_no, rt.public_no, ''), DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i'), " \
	"cu.name, cu.phone, COALESCE(rp.product, rt.product, ''), c.subject, c.subject_id, c.reason, " \
	"LEFT(rp.result, 80), rt.refund_amount, rt.replacement_product, ut.display_name, ua.display_name, " \
	"DATE_FORMAT(c.due_at, '%Y-%m-%d %H:%i'), c.attempts, c.status, c.taken_by, uk.display_name, " \
	"TIMESTAMPDIFF(SECOND, c.taken_at, NOW()), COALESCE(c.open_due < NOW(), 0), " \
	"DATE_FORMAT(c.open_due, '%Y-%m-%d %H:%i:%s'), cu.phone_flagged_at IS NOT NULL, c.customer_id, c.outcome"
#define CALLBACK_FROM \
	" FROM callbacks c LEFT JOIN customers cu ON cu.id = c.customer_id " \
	"LEFT JOIN repairs rp ON c.subject = 'repair' AND rp.id = c.subject_id " \
	"LEFT JOIN returns rt ON c.subject = 'return' AND rt.id = c.subject_id " \
	"LEFT JOIN users ut ON ut.id = c.technician_id LEFT JOIN users ua ON ua.id = c.agent_id " \
	"LEFT JOIN users uk ON uk.id = c.taken_by "
enum callback_column {
	CB_ID, CB_NO, CB_CREATED, CB_NAME, CB_PHONE, CB_PRODUCT, CB_SUBJECT, CB_SUBJECT_ID, CB_REASON, CB_RESULT,
	CB_REFUND, CB_REPLACEMENT, CB_TECHNICIAN, CB_AGENT, CB_DUE, CB_ATTEMPTS, CB_STATUS, CB_TAKEN_BY, CB_TAKER,
	CB_TAKEN_SECS, CB_OVERDUE, CB_DUE_KEY, CB_FLAGGED, CB_CUSTOMER_ID, CB_OUTCOME,
	CB_NCOLS
};

/* The status row i shows to the user: a callback another agent took and left untouched longer than
 * [callbacks] release_minutes shows as "due" again, since anyone may take it. */
const char *callback_shown_status(const struct request *r, const struct db_result *res, size_t i);
/* Sets on d what row i says: SUBJECT_URL, NO, PRODUCT, REASON_LABEL, WORK (what was done),
 * PEOPLE (who did it), DUE, ATTEMPTS, STATUS, STATUS_LABEL, TAKER; sections OVERDUE, TAKEN (the
 * taker, while taken) and FLAGGED (the customer's phone is marked wrong). */
void callback_row_fill(struct request *r, tmpl_dict *d, const struct db_result *res, size_t i);

/* One callback as its page and its actions need it; row holds CALLBACK_COLUMNS and the page's own. */
struct callback {
	long long id, subject_id, customer_id, complaint_id, taken_by, attempts, version;
	const char *subject, *reason, *status, *shown, *now;
	const char *complaint_no, *complaint_status;
	struct db_result row;
};
/* Loads the callback the path's id names. When there is none it has answered 404 and out->id is 0. */
int callback_load_path(struct request *r, struct callback *out);
/* Loads callback id (id 0 in out when there is none). Returns a db_status. */
int callback_load(struct request *r, long long id, struct callback *out);
/* Columns of callback_load's row after CALLBACK_COLUMNS. */
enum callback_page_column {
	CB_VERSION = CB_NCOLS, CB_NOW, CB_COMPLAINT_ID, CB_COMPLAINT_NO, CB_COMPLAINT_STATUS, CB_FULL_RESULT,
	CB_NOTE, CB_DONE_BY, CB_DONE_AT, CB_TAKEN_AT, CB_CREATOR
};

#endif
