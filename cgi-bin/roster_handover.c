/* Handovers (交接班): the person on duty writes what is open at the end of the shift, with notes;
 * the next shift's person acknowledges it (接班确认). */
#include "events.h"
#include "form.h"
#include "open_work.h"
#include "pages.h"
#include "response.h"
#include "roster_db.h"
#include "roster_handover.h"
#include "valid.h"

#include <string.h>

/* A shift that ended at most this long ago is still the one its person hands over. */
#define JUST_ENDED_HOURS "4"

/* The user's shifts of the last week that have started, the latest first, with the handover the user
 * wrote for each (NULL when none). The first is the one to hand over when it is running or just ended. */
static const char SQL_MY_SHIFTS[] =
	"SELECT r.id, DATE_FORMAT(r.day, '%Y-%m-%d'), r.shift_type_id, t.name, "
	"DATE_FORMAT(" SHIFT_START("r", "t") ", '%m-%d %H:%i'), DATE_FORMAT(" SHIFT_END("r", "t") ", '%m-%d %H:%i'), "
	SHIFT_END("r", "t") " > NOW() - INTERVAL " JUST_ENDED_HOURS " HOUR, "
	"(SELECT MAX(h.id) FROM handovers h WHERE h.day = r.day AND h.shift_type_id = r.shift_type_id AND h.user_id = r.user_id) "
	"FROM roster r JOIN shift_types t ON t.id = r.shift_type_id "
	"WHERE r.user_id = ? AND r.day BETWEEN CURDATE() - INTERVAL 7 DAY AND CURDATE() AND " SHIFT_START("r", "t")
	" <= NOW() ORDER BY " SHIFT_START("r", "t") " DESC LIMIT 10";
/* Taken under the roster row's lock, so that one shift gets one handover from its person. */
static const char SQL_ROSTER_LOCK[] = "SELECT id FROM roster WHERE id = ? FOR UPDATE";
static const char SQL_WRITTEN[] = "SELECT id FROM handovers WHERE day = ? AND shift_type_id = ? AND user_id = ?";
static const char SQL_INSERT[] =
	"INSERT INTO handovers (day, shift_type_id, user_id, open_items, notes, created_at) VALUES (?, ?, ?, ?, ?, NOW())";
static const char SQL_ACK[] =
	"UPDATE handovers SET acknowledged_by = ?, acknowledged_at = NOW(), version = version + 1 "
	"WHERE id = ? AND version = ? AND acknowledged_at IS NULL";

enum { S_ID, S_DAY, S_TYPE, S_NAME, S_START, S_END, S_CURRENT, S_WRITTEN };

static void shift_fill(tmpl_dict *s, const struct db_result *res, size_t i)
{
	tmpl_set(s, "ROSTER_ID", db_cell(res, i, S_ID));
	tmpl_set(s, "DAY", db_cell(res, i, S_DAY));
	tmpl_set(s, "SHIFT", db_cell(res, i, S_NAME));
	tmpl_set(s, "START", db_cell(res, i, S_START));
	tmpl_set(s, "END", db_cell(res, i, S_END));
}

/* The form: the shift being handed over (the running or just ended one, else a choice of the week's),
 * what is open now, the notes. Sets *snapshot to the open work as text. Returns a db_status. */
static int form_page(struct request *r, int status, struct db_result *shifts, tmpl_dict **out, const char **snapshot)
{
	int st = db_exec(r->db, &r->arena, shifts, SQL_MY_SHIFTS, "i", r->sess.user_id);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, status, "handover.tpl", "写交接班");
	tmpl_set(d, "CSRF", r->sess.csrf);
	tmpl_show(d, "WRITING");
	if (!shifts->nrows) {
		tmpl_show(d, "NO_SHIFT");
	} else if (db_cell_int(shifts, 0, S_CURRENT)) {
		tmpl_dict *s = tmpl_section(d, "CURRENT");
		shift_fill(s, shifts, 0);
		if (db_cell(shifts, 0, S_WRITTEN))
			tmpl_set(tmpl_section(s, "WRITTEN"), "HANDOVER_ID", db_cell(shifts, 0, S_WRITTEN));
	} else {
		tmpl_dict *choose = tmpl_section(d, "CHOOSE");
		for (size_t i = 0; i < shifts->nrows; i++) {
			tmpl_dict *s = tmpl_section(choose, "SHIFT_OPTION");
			shift_fill(s, shifts, i);
			if (!strcmp(db_cell(shifts, i, S_ID), form_get(r, "roster_id") ? form_get(r, "roster_id") : ""))
				tmpl_show(s, "SELECTED");
		}
	}
	if (shifts->nrows)
		tmpl_show(d, "FORM");
	*out = d;
	return open_work_fill(r, d, snapshot);
}

/* GET /staff/handover/new. Answers 200. */
int page_handover_new_form(struct request *r)
{
	struct db_result shifts;
	tmpl_dict *d;
	const char *snapshot;
	return form_page(r, 200, &shifts, &d, &snapshot);
}

/* POST /staff/handover/new (csrf, roster_id: one of the user's shifts the form offers, notes): saves
 * the handover with what is open now. Answers 303 to it, or 422 with the form and the reason. */
int page_handover_new(struct request *r)
{
	struct db_result shifts, written;
	tmpl_dict *d;
	const char *snapshot, *refusal = NULL;
	int st = form_page(r, 422, &shifts, &d, &snapshot);
	if (st != DB_OK)
		return st;
	const char *notes = form_text(r, "notes", 4000, 0, "交接事项", &refusal);
	tmpl_set(d, "notes", notes);
	size_t row = shifts.nrows;
	for (size_t i = 0; i < shifts.nrows; i++)
		if (form_get(r, "roster_id") && !strcmp(form_get(r, "roster_id"), db_cell(&shifts, i, S_ID)))
			row = i;
	if (!refusal && row == shifts.nrows)
		refusal = shifts.nrows ? "请选择要交接的班次（本人近一周已开始的班次）" : "您近一周没有排班，没有可交接的班次";
	const char *day = row < shifts.nrows ? db_cell(&shifts, row, S_DAY) : NULL;
	long long type = row < shifts.nrows ? db_cell_int(&shifts, row, S_TYPE) : 0;
	if (!refusal)
		st = db_begin(r->db);
	if (!refusal && st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_ROSTER_LOCK, "i", db_cell_int(&shifts, row, S_ID));
	if (!refusal && st == DB_OK)
		st = db_exec(r->db, &r->arena, &written, SQL_WRITTEN, "sii", day, type, r->sess.user_id);
	if (st != DB_OK)
		return st;
	if (!refusal && written.nrows) {
		db_rollback(r->db);
		refusal = "这个班次的交接班您已经写过了";
	}
	if (refusal) {
		tmpl_set(d, "MESSAGE", refusal);
		return 0;
	}
	struct db_result ins;
	st = db_exec(r->db, &r->arena, &ins, SQL_INSERT, "siiss", day, type, r->sess.user_id, snapshot, notes);
	long long id = st == DB_OK ? (long long)ins.insert_id : 0;
	if (st == DB_OK)
		st = event_record(r, "handover", id, "write", NULL, NULL,
				  arena_printf(&r->arena, "%s %s", day, db_cell(&shifts, row, S_NAME)), NULL);
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/staff/handover/%lld", id));
}

/* Why the signed-in user may not acknowledge h, or NULL when they may. Returns a db_status. */
static int ack_refusal(struct request *r, const struct handover *h, tmpl_dict *d, const char **why)
{
	int on_next;
	int st = handover_next_shift(r, h, r->sess.user_id, d, &on_next);
	*why = NULL;
	if (st != DB_OK)
		return st;
	if (h->acked_at)
		*why = "这份交接班已经确认过了";
	else if (h->user_id == r->sess.user_id)
		*why = "不能确认自己写的交接班";
	else if (!on_next && !(r->sess.role & ROLES_SUPERVISOR))
		*why = "只有下一班次的值班人员或主管可以接班确认";
	return DB_OK;
}

/* The handover's page; message (may be NULL) says why an acknowledgement was refused. */
static int detail_page(struct request *r, int status, const struct handover *h, const char *message)
{
	tmpl_dict *d = page_begin(r, status, "handover.tpl", arena_printf(&r->arena, "交接班 %s %s", h->day, h->shift));
	tmpl_dict *s = tmpl_section(d, "SHOWING");
	tmpl_set_int(s, "ID", h->id);
	tmpl_set_int(s, "VERSION", h->version);
	tmpl_set(s, "DAY", h->day);
	tmpl_set(s, "SHIFT", h->shift);
	tmpl_set(s, "START", h->shift_start);
	tmpl_set(s, "END", h->shift_end);
	tmpl_set(s, "WRITER", h->writer);
	tmpl_set(s, "CREATED", h->created_at);
	tmpl_set(s, "OPEN_ITEMS", h->open_items);
	tmpl_set(s, "NOTES", *h->notes ? h->notes : "（无）");
	tmpl_set(s, "CSRF", r->sess.csrf);
	tmpl_set(d, "MESSAGE", message);
	if (h->acked_at) {
		tmpl_dict *a = tmpl_section(s, "ACKED");
		tmpl_set(a, "ACKED_BY", h->acked_by);
		tmpl_set(a, "ACKED_AT", h->acked_at);
	} else {
		tmpl_show(s, "WAITING");
	}
	const char *why;
	int st = ack_refusal(r, h, s, &why);
	if (st == DB_OK && !why)
		tmpl_show(s, "CAN_ACK");
	return st;
}

static int handover_from_path(struct request *r, struct handover *h)
{
	int st = handover_load(r, r->path_id, h);
	if (st == DB_OK && !h->id)
		page_error(r, 404, "没有这份交接班。");
	return st;
}

/* GET /staff/handover/#. Answers 200 or 404. */
int page_handover(struct request *r)
{
	struct handover h;
	int st = handover_from_path(r, &h);
	if (st != DB_OK || !h.id)
		return st;
	return detail_page(r, 200, &h, NULL);
}

/* POST /staff/handover/#/ack (csrf, version): 接班确认 by a person of the next shift or a supervisor.
 * Answers 303 back, 404, 409 when the handover changed since the page was loaded, or 422 with the
 * reason (someone else, the writer, already acknowledged). */
int page_handover_ack(struct request *r)
{
	struct handover h;
	long long version;
	int st = handover_from_path(r, &h);
	if (st != DB_OK || !h.id)
		return st;
	if (!parse_id(form_get(r, "version"), &version))
		return page_error(r, 400, "缺少页面版本。");
	const char *why;
	st = ack_refusal(r, &h, NULL, &why);
	if (st != DB_OK)
		return st;
	if (why)
		return detail_page(r, 422, &h, why);
	struct db_result res;
	st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_ACK, "iii", r->sess.user_id, h.id, version);
	if (st == DB_OK && res.affected == 0)
		st = DB_STALE;
	if (st == DB_OK)
		st = event_record(r, "handover", h.id, "ack", NULL, NULL, "接班确认", NULL);
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/staff/handover/%lld", h.id));
}

/* GET /staff/handovers: the latest handovers, acknowledged or not. Answers 200. */
int page_handovers(struct request *r)
{
	tmpl_dict *d = page_begin(r, 200, "handovers.tpl", "交接班");
	return handover_rows_fill(r, d, NULL);
}
