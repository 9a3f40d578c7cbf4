/* What is open at this moment, as rows of SQL (a table and its WHERE): the staff home counts them,
 * a handover (交接班) lists them. Each condition uses the index named in it. */
#ifndef AFTERSALES_OPEN_WORK_H
#define AFTERSALES_OPEN_WORK_H
#include "repair_flow.h"
#include "request.h"

/* A count that stops at 101 rows: overdue work depends on the clock, so it is counted on each visit,
 * and at a million repairs counting thousands of index entries cost most of the staff home; "100+"
 * overdue says all a desk needs, and the list is a click away. (How many are in each status is kept
 * exactly in status_counts.) */
#define OPEN_COUNT_CAP 100
#define CAPPED_COUNT(rows) "(SELECT COUNT(*) FROM (SELECT 1 FROM " rows " LIMIT 101) t)"

/* REPAIR_CLOCK_STATUSES (repair_flow.h): waiting for parts pauses the clock, never overdue there. */
#define REPAIRS_OVERDUE \
	"repairs FORCE INDEX (repairs_due) WHERE status IN (" REPAIR_CLOCK_STATUSES ") AND due_at < NOW()"
#define REPAIRS_WAITING_PARTS "repairs FORCE INDEX (repairs_status) WHERE status = 'waiting_parts'"
/* open_due is due_at while the clock runs (requested, inspected), NULL otherwise: sql/006_returns.sql. */
#define RETURNS_OVERDUE "returns FORCE INDEX (returns_open_due) WHERE open_due < NOW()"
/* open_due is due_at while a callback is due or taken: sql/007_callbacks_complaints.sql. */
#define CALLBACKS_OVERDUE "callbacks FORCE INDEX (callbacks_open_due) WHERE open_due < NOW()"
#define CALLBACKS_DUE_TODAY \
	"callbacks FORCE INDEX (callbacks_open_due) WHERE open_due < CURDATE() + INTERVAL 1 DAY"
/* open_due is the next time limit (first response, then resolution) of a complaint being handled. */
#define COMPLAINTS_OVERDUE "complaints FORCE INDEX (complaints_open_due) WHERE open_due < NOW()"
#define COMPLAINTS_OPEN \
	"complaints FORCE INDEX (complaints_status) WHERE status IN ('open','investigating','reopened')"

/* n as a page shows a capped count: "100+" above the cap. In the arena. */
const char *open_count_text(struct request *r, long long n);

/* What a handover lists as open now: overdue repairs and returns, repairs waiting for parts, callbacks
 * due today, open complaints. Adds one repetition of section OPEN_KIND per kind to d (KIND, LABEL,
 * COUNT, LIST, and ITEM with HREF and NO for the first few), and sets *snapshot to the same as text,
 * a line per kind, for the handover to keep. Returns a db_status. */
int open_work_fill(struct request *r, tmpl_dict *d, const char **snapshot);

#endif
