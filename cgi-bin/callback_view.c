/* A callback's row as the staff list and the callback's page show it, and loading one callback. */
#include "callback_view.h"
#include "callback_flow.h"
#include "response.h"
#include "valid.h"

#include <string.h>

static const char SQL_CALLBACK[] = CALLBACK_COLUMNS
	", c.version, DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s'), COALESCE(c.complaint_id, 0), k.public_no, k.status, "
	"rp.result, c.note, ud.display_name, DATE_FORMAT(c.done_at, '%Y-%m-%d %H:%i'), "
	"DATE_FORMAT(c.taken_at, '%Y-%m-%d %H:%i'), uc.display_name" CALLBACK_FROM
	"LEFT JOIN users ud ON ud.id = c.done_by LEFT JOIN users uc ON uc.id = c.created_by "
	"LEFT JOIN complaints k ON k.id = c.complaint_id WHERE c.id = ?";

/* Why a callback was made, in the order of callbacks.reason. */
static const char *const REASONS[][2] = {
	{"resolved", "维修完成"}, {"refunded", "退款完成"}, {"exchanged", "换货完成"},
	{"manual", "主管安排"}, {"bulk", "定期回访"}, {"complaint", "投诉回访"},
};

const char *callback_shown_status(const struct request *r, const struct db_result *res, size_t i)
{
	const char *status = db_cell(res, i, CB_STATUS);
	if (!strcmp(status, "taken") && db_cell_int(res, i, CB_TAKEN_BY) != r->sess.user_id &&
	    db_cell_int(res, i, CB_TAKEN_SECS) > 60LL * r->cfg->callback_release_minutes)
		return "due";
	return status;
}

/* What was done on the job: a repair's result, a return's refund or exchange. */
static const char *work_text(struct request *r, const struct db_result *res, size_t i)
{
	const char *subject = db_cell(res, i, CB_SUBJECT), *reason = db_cell(res, i, CB_REASON);
	if (!strcmp(subject, "repair"))
		return db_cell(res, i, CB_RESULT);
	if (strcmp(subject, "return"))
		return "客户回访";
	if (db_cell(res, i, CB_REFUND) && strcmp(reason, "exchanged"))
		return arena_printf(&r->arena, "退款 %s", money_format(&r->arena, db_cell_int(res, i, CB_REFUND)));
	if (db_cell(res, i, CB_REPLACEMENT))
		return arena_printf(&r->arena, "换货：%s", db_cell(res, i, CB_REPLACEMENT));
	return "退换货";
}

/* Who did the job: "维修：王建国 · 客服：刘芳", or the one of them there is. */
static const char *people_text(struct request *r, const struct db_result *res, size_t i)
{
	const char *tech = db_cell(res, i, CB_TECHNICIAN), *agent = db_cell(res, i, CB_AGENT);
	return arena_printf(&r->arena, "%s%s%s%s%s", tech ? "维修：" : "", tech ? tech : "", tech && agent ? " · " : "",
			    agent ? "客服：" : "", agent ? agent : "");
}

static const char *subject_url(struct request *r, const struct db_result *res, size_t i)
{
	const char *subject = db_cell(res, i, CB_SUBJECT);
	if (!strcmp(subject, "customer"))
		return arena_printf(&r->arena, "/staff/customers/%s", db_cell(res, i, CB_SUBJECT_ID));
	return arena_printf(&r->arena, "/staff/%ss/%s", subject, db_cell(res, i, CB_SUBJECT_ID));
}

void callback_row_fill(struct request *r, tmpl_dict *d, const struct db_result *res, size_t i)
{
	const char *shown = callback_shown_status(r, res, i);
	const char *no = db_cell(res, i, CB_NO);
	tmpl_set(d, "SUBJECT_URL", subject_url(r, res, i));
	tmpl_set(d, "NO", *no ? no : "客户回访");
	tmpl_set(d, "PRODUCT", db_cell(res, i, CB_PRODUCT));
	tmpl_set(d, "REASON_LABEL", choice_label(REASONS, sizeof(REASONS) / sizeof(REASONS[0]), db_cell(res, i, CB_REASON)));
	tmpl_set(d, "WORK", work_text(r, res, i));
	tmpl_set(d, "PEOPLE", people_text(r, res, i));
	tmpl_set(d, "DUE", db_cell(res, i, CB_DUE));
	tmpl_set(d, "ATTEMPTS", db_cell(res, i, CB_ATTEMPTS));
	tmpl_set(d, "STATUS", shown);
	tmpl_set(d, "STATUS_LABEL", flow_status_label(&CALLBACK_FLOW, shown));
	tmpl_set(d, "OUTCOME_LABEL", callback_outcome_label(db_cell(res, i, CB_OUTCOME)));
	tmpl_set(d, "TAKER", db_cell(res, i, CB_TAKER));
	if (!strcmp(shown, "taken"))
		tmpl_show(d, "TAKEN");
	if (db_cell_int(res, i, CB_OVERDUE))
		tmpl_show(d, "OVERDUE");
	if (db_cell_int(res, i, CB_FLAGGED))
		tmpl_show(d, "FLAGGED");
}

int callback_load(struct request *r, long long id, struct callback *out)
{
	memset(out, 0, sizeof(*out));
	struct db_result *res = &out->row;
	int st = db_exec(r->db, &r->arena, res, SQL_CALLBACK, "i", id);
	if (st != DB_OK || !res->nrows)
		return st;
	out->id = db_cell_int(res, 0, CB_ID);
	out->subject = db_cell(res, 0, CB_SUBJECT);
	out->subject_id = db_cell_int(res, 0, CB_SUBJECT_ID);
	out->customer_id = db_cell_int(res, 0, CB_CUSTOMER_ID);
	out->reason = db_cell(res, 0, CB_REASON);
	out->status = db_cell(res, 0, CB_STATUS);
	out->shown = callback_shown_status(r, res, 0);
	out->taken_by = db_cell_int(res, 0, CB_TAKEN_BY);
	out->attempts = db_cell_int(res, 0, CB_ATTEMPTS);
	out->version = db_cell_int(res, 0, CB_VERSION);
	out->now = db_cell(res, 0, CB_NOW);
	out->complaint_id = db_cell_int(res, 0, CB_COMPLAINT_ID);
	out->complaint_no = db_cell(res, 0, CB_COMPLAINT_NO);
	out->complaint_status = db_cell(res, 0, CB_COMPLAINT_STATUS);
	return DB_OK;
}

int callback_load_path(struct request *r, struct callback *out)
{
	int st = callback_load(r, r->path_id, out);
	if (st == DB_OK && !out->id)
		page_error(r, 404, "没有这个回访任务。");
	return st;
}
