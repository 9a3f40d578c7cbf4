/* Reading one complaint row with its request's number, its customer and the staff named on it. */
#include "complaint_db.h"
#include "callback_flow.h"
#include "events.h"
#include "response.h"
#include "workcal.h"

static const char SQL_COMPLAINT_BY_ID[] =
	"SELECT k.id, k.customer_id, k.subject_id, COALESCE(k.callback_id, 0), COALESCE(k.satisfaction_id, 0), "
	"COALESCE(k.followup_callback_id, 0), k.version, COALESCE(k.handler_id, 0), COALESCE(k.responsible_id, 0), "
	"k.public_no, k.subject, COALESCE(rp.public_no, rt.public_no), k.source, k.description, k.status, "
	"uh.display_name, DATE_FORMAT(k.response_due, '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(k.responded_at, '%Y-%m-%d %H:%i'), "
	"DATE_FORMAT(k.resolve_due, '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(k.resolved_at, '%Y-%m-%d %H:%i'), k.cause, "
	"k.measures, ur.display_name, DATE_FORMAT(k.closed_at, '%Y-%m-%d %H:%i'), "
	"DATE_FORMAT(k.created_at, '%Y-%m-%d %H:%i'), DATE_FORMAT(k.updated_at, '%Y-%m-%d %H:%i'), uc.display_name, "
	"DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s'), c.name, c.phone "
	"FROM complaints k JOIN customers c ON c.id = k.customer_id "
	"LEFT JOIN repairs rp ON k.subject = 'repair' AND rp.id = k.subject_id "
	"LEFT JOIN returns rt ON k.subject = 'return' AND rt.id = k.subject_id "
	"LEFT JOIN users uh ON uh.id = k.handler_id LEFT JOIN users ur ON ur.id = k.responsible_id "
	"LEFT JOIN users uc ON uc.id = k.created_by WHERE k.id = ?";
/* The latest rating given on the call: a call may be rated again after a wrong entry. */
static const char SQL_FOLLOWUP_CONFIRMED[] =
	"SELECT s.solved FROM callbacks cb JOIN satisfaction s ON s.callback_id = cb.id "
	"WHERE cb.id = ? AND cb.status = 'done' ORDER BY s.id DESC LIMIT 1";
static const char SQL_CLOSE[] =
	"UPDATE complaints SET status = 'closed', closed_at = NOW(), version = version + 1, updated_at = NOW() "
	"WHERE id = ? AND version = ?";
static const char SQL_REOPEN[] =
	"UPDATE complaints SET status = 'reopened', resolve_due = ?, resolved_at = NULL, version = version + 1, "
	"updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_CALLBACK_STATUS_LOCK[] = "SELECT status FROM callbacks WHERE id = ? FOR UPDATE";
static const char SQL_CALLBACK_CANCEL[] =
	"UPDATE callbacks SET status = 'cancelled', version = version + 1, updated_at = NOW() WHERE id = ?";

int complaint_load(struct request *r, long long id, struct complaint *out)
{
	struct db_result res;
	*out = (struct complaint){0};
	int st = db_exec(r->db, &r->arena, &res, SQL_COMPLAINT_BY_ID, "i", id);
	if (st != DB_OK || !res.nrows)
		return st;
	long long *const ints[] = {&out->id, &out->customer_id, &out->subject_id, &out->callback_id,
				   &out->satisfaction_id, &out->followup_callback_id, &out->version, &out->handler_id,
				   &out->responsible_id};
	const char **const strs[] = {
		&out->public_no, &out->subject, &out->subject_no, &out->source, &out->description, &out->status,
		&out->handler_name, &out->response_due, &out->responded_at, &out->resolve_due, &out->resolved_at,
		&out->cause, &out->measures, &out->responsible_name, &out->closed_at, &out->created_at,
		&out->updated_at, &out->created_by_name, &out->now, &out->customer_name, &out->customer_phone,
	};
	db_row_unpack(&res, 0, ints, sizeof(ints) / sizeof(ints[0]), strs, sizeof(strs) / sizeof(strs[0]));
	return DB_OK;
}

int complaint_load_path(struct request *r, struct complaint *out)
{
	int st = complaint_load(r, r->path_id, out);
	if (st == DB_OK && !out->id)
		return page_error(r, 404, "没有这个投诉。");
	return st;
}

int complaint_followup_confirmed(struct request *r, const struct complaint *k, int *confirmed)
{
	struct db_result res;
	*confirmed = 0;
	if (!k->followup_callback_id)
		return DB_OK;
	int st = db_exec(r->db, &r->arena, &res, SQL_FOLLOWUP_CONFIRMED, "i", k->followup_callback_id);
	if (st == DB_OK && res.nrows)
		*confirmed = db_cell_int(&res, 0, 0) == 1;
	return st;
}

int complaint_close(struct request *r, const struct complaint *k, struct db_result *res)
{
	return db_exec(r->db, &r->arena, res, SQL_CLOSE, "ii", k->id, k->version);
}

static int followup_cancel(struct request *r, long long callback_id)
{
	struct db_result res;
	if (!callback_id)
		return DB_OK;
	int st = db_exec(r->db, &r->arena, &res, SQL_CALLBACK_STATUS_LOCK, "i", callback_id);
	if (st != DB_OK || !res.nrows || !flow_status_open(&CALLBACK_FLOW, db_cell(&res, 0, 0)))
		return st;
	const char *from = db_cell(&res, 0, 0);
	st = db_exec(r->db, &r->arena, NULL, SQL_CALLBACK_CANCEL, "i", callback_id);
	if (st == DB_OK)
		st = event_record(r, "callback", callback_id, "cancel", from, "cancelled", "投诉重新处理，取消原回访", NULL);
	return st;
}

int complaint_reopen(struct request *r, const struct complaint *k, char due[20], struct db_result *res)
{
	int st = workcal_due(r, k->now, (long)r->cfg->complaint_resolve_hours * 60, due);
	if (st == DB_OK)
		st = followup_cancel(r, k->followup_callback_id);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, res, SQL_REOPEN, "sii", due, k->id, k->version);
	return st;
}
