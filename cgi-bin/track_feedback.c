/* What a customer says on /track without an account: the satisfaction rating of a finished request
 * (once; it closes the callback still to be made) and a complaint about how it was handled. */
#include "callback_db.h"
#include "callback_flow.h"
#include "events.h"
#include "form.h"
#include "intake.h"
#include "pages.h"
#include "response.h"
#include "session.h"
#include "track.h"

#include <string.h>

/* The latest rating of the request, by phone or online: either closes the question. */
static const char SQL_RATING[] =
	"SELECT attitude, timeliness, quality, overall, solved FROM satisfaction WHERE subject = ? AND subject_id = ? "
	"ORDER BY id DESC LIMIT 1";
/* The callbacks still to be made after the job, locked: a complaint's follow-up call is not one. */
static const char SQL_PENDING_CALLBACKS[] =
	"SELECT id, status FROM callbacks WHERE subject = ? AND subject_id = ? AND status IN ('due', 'taken') "
	"AND reason <> 'complaint' ORDER BY id FOR UPDATE";
static const char SQL_CALLBACK_ANSWERED[] =
	"UPDATE callbacks SET status = 'done', outcome = 'answered_online', done_at = NOW(), updated_at = NOW(), "
	"version = version + 1 WHERE id = ?";
static const char SQL_COMPLAINTS[] =
	"SELECT public_no, status, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') FROM complaints "
	"WHERE subject = ? AND subject_id = ? ORDER BY id";
/* Locked, so that two complaints sent at once do not both find none open. */
static const char SQL_COMPLAINTS_LOCK[] =
	"SELECT status FROM complaints WHERE subject = ? AND subject_id = ? FOR UPDATE";


static const char RATED_BEFORE[] = "您已评价过，感谢您的反馈。";
static const char COMPLAINT_OPEN[] = "您的投诉正在处理中，我们会尽快与您联系，无需重复提交。";

/* The rating form, with what was posted kept when it comes back. */
static void rate_form_fill(struct request *r, const struct tracked *t, tmpl_dict *rating, int posted)
{
	tmpl_dict *f = tmpl_section(rating, "RATE_FORM");
	tmpl_set(f, "NO", t->no);
	tmpl_set(f, "PHONE", t->phone);
	if (posted)
		intake_form_token(r, f);
	else
		tmpl_set(f, "TOKEN", random_hex(&r->arena, 32));
	rating_form_fill(r, f, posted);
}

/* "已评价" with the scores given, or the form while the request is finished and not rated; a posted
 * form's message in any case. */
static int rating_fill(struct request *r, const struct tracked *t, tmpl_dict *found, int posted, const char *message)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_RATING, "si", t->subject, t->id);
	if (st != DB_OK || (!res.nrows && !t->finished && !posted))
		return st;
	tmpl_dict *rating = tmpl_section(found, "RATING");
	if (posted)
		tmpl_set(rating, "MESSAGE", message);
	if (!res.nrows) {
		if (t->finished)
			rate_form_fill(r, t, rating, posted);
		return DB_OK;
	}
	rating_scores_fill(tmpl_section(rating, "RATED"), &res);
	return DB_OK;
}

/* The complaints about the request with their status, and the form while none is open. */
static int complaints_fill(struct request *r, const struct tracked *t, tmpl_dict *found, int posted,
			   const char *message)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_COMPLAINTS, "si", t->subject, t->id);
	if (st != DB_OK)
		return st;
	tmpl_dict *c = tmpl_section(found, "COMPLAINTS");
	if (posted)
		tmpl_set(c, "MESSAGE", message);
	int open = 0;
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *row = tmpl_section(c, "COMPLAINT");
		const char *status = db_cell(&res, i, 1);
		tmpl_set(row, "NO", db_cell(&res, i, 0));
		tmpl_set(row, "STATUS", status);
		tmpl_set(row, "STATUS_LABEL", flow_status_label(&COMPLAINT_FLOW, status));
		tmpl_set(row, "CREATED", db_cell(&res, i, 2));
		open |= flow_status_open(&COMPLAINT_FLOW, status);
	}
	if (open) {
		tmpl_show(c, "COMPLAINT_PENDING");
		return DB_OK;
	}
	tmpl_dict *f = tmpl_section(c, "COMPLAIN_FORM");
	tmpl_set(f, "NO", t->no);
	tmpl_set(f, "PHONE", t->phone);
	if (posted) {
		intake_form_token(r, f);
		tmpl_show(f, "OPEN");
	} else {
		tmpl_set(f, "TOKEN", random_hex(&r->arena, 32));
	}
	tmpl_set(f, "description", posted ? form_trimmed(r, "description") : "");
	return DB_OK;
}

int track_feedback_fill(struct request *r, const struct tracked *t, tmpl_dict *found, enum track_form posted,
			const char *message)
{
	int st = rating_fill(r, t, found, posted == TRACK_FORM_RATE, message);
	if (st == DB_OK)
		st = complaints_fill(r, t, found, posted == TRACK_FORM_COMPLAIN, message);
	return st;
}

/* 303 back to the request's tracking page, which shows what was done. */
static int track_back(struct request *r, const struct tracked *t)
{
	return page_redirect(r, arena_printf(&r->arena, "/track?no=%s&phone=%s", t->no, t->phone));
}

/* One of the forms on /track: read checks the posted fields (NULL or what is wrong); run makes the
 * change inside the open transaction, or sets *refusal when the request's state refuses it. */
struct feedback_form {
	enum track_form form;
	const char *(*read)(struct request *r, const struct tracked *t, void *input);
	int (*run)(struct request *r, const struct tracked *t, const void *input, const char **refusal);
};

/* The POST of a form on /track: number and phone as the look-up checks them, the honeypot, the
 * fields, then the one-time token and the change in one transaction. Answers 303 back to /track
 * (also for a token used before); 404 or 429 as GET /track does; 422 with the page and the input
 * kept; 409 when refused. Returns 0 or a db_status. */
static int feedback_post(struct request *r, const struct feedback_form *f, void *input)
{
	struct tracked t;
	int st = track_find(r, form_get(r, "no"), form_get(r, "phone"), &t);
	if (st != DB_OK || !t.id)
		return st;
	const char *why = intake_honeypot(r);
	if (!why)
		why = f->read(r, &t, input);
	if (why)
		return track_show(r, 422, &t, f->form, why);
	const char *used, *refusal = NULL;
	st = db_begin(r->db);
	if (st == DB_OK)
		st = intake_token_claim(r, form_get(r, "token"), t.no, &used);
	if (st == DB_DUP)
		return track_back(r, &t);
	if (st == DB_OK)
		st = f->run(r, &t, input, &refusal);
	if (st == DB_OK && refusal) {
		db_rollback(r->db);
		return track_show(r, 409, &t, f->form, refusal);
	}
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	intake_public_cleanup(r);
	return track_back(r, &t);
}

static const char *rating_check(struct request *r, const struct tracked *t, void *input)
{
	return t->finished ? rating_read(r, input) : "该单尚未处理完毕，完成后才能评价。";
}

/* The request's timeline, the rating, and the callbacks still to be made closed as answered online,
 * each with its "online" event. A bad rating opens a complaint (satisfaction_record). Refused when
 * the request was rated before, by phone or online. */
static int rating_run(struct request *r, const struct tracked *t, const void *input, const char **refusal)
{
	const struct rating *g = input;
	struct db_result pending, rated;
	long long complaint = 0;
	/* The rating is read after the callbacks' lock, so that a call recorded meanwhile is seen. */
	int st = db_exec(r->db, &r->arena, &pending, SQL_PENDING_CALLBACKS, "si", t->subject, t->id);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &rated, SQL_RATING, "si", t->subject, t->id);
	if (st == DB_OK && rated.nrows)
		st = DB_DUP;
	if (st == DB_OK)
		st = event_record(r, t->subject, t->id, "rating", NULL, NULL,
				  arena_printf(&r->arena, "在线评价：态度 %d、速度 %d、质量 %d、总体 %d，%s", g->attitude,
					       g->timeliness, g->quality, g->overall, g->solved ? "问题已解决" : "问题未解决"),
				  "感谢您的评价");
	if (st == DB_OK)
		st = satisfaction_record(r, t->subject, t->id, t->customer_id,
					 pending.nrows ? db_cell_int(&pending, 0, 0) : 0, "online", g, &complaint);
	for (size_t i = 0; st == DB_OK && i < pending.nrows; i++) {
		long long id = db_cell_int(&pending, i, 0);
		st = db_exec(r->db, &r->arena, NULL, SQL_CALLBACK_ANSWERED, "i", id);
		if (st == DB_OK)
			st = event_record(r, "callback", id, "online", db_cell(&pending, i, 1), "done",
					  callback_outcome_label("answered_online"), NULL);
	}
	if (st == DB_DUP) {
		*refusal = RATED_BEFORE;
		return DB_OK;
	}
	return st;
}

/* POST /track/rate (no, phone, attitude, timeliness, quality, overall, solved, comment, token,
 * website): the rating of a finished request (feedback_post), closing its callback. 422 also for a
 * request not finished; 409 when it was rated before. */
int page_track_rate(struct request *r)
{
	static const struct feedback_form rate = {TRACK_FORM_RATE, rating_check, rating_run};
	struct rating g;
	return feedback_post(r, &rate, &g);
}

static const char *complaint_check(struct request *r, const struct tracked *t, void *input)
{
	const char *why = NULL;
	(void)t;
	*(const char **)input = form_text(r, "description", 1000, 1, "投诉内容", &why);
	return why;
}

/* The complaint with its number and both timelines; refused while one about the request is open. */
static int complaint_run(struct request *r, const struct tracked *t, const void *input, const char **refusal)
{
	struct db_result res;
	long long complaint = 0;
	int open = 0;
	int st = db_exec(r->db, &r->arena, &res, SQL_COMPLAINTS_LOCK, "si", t->subject, t->id);
	for (size_t i = 0; st == DB_OK && i < res.nrows; i++)
		open |= flow_status_open(&COMPLAINT_FLOW, db_cell(&res, i, 0));
	if (st == DB_OK && open)
		*refusal = COMPLAINT_OPEN;
	else if (st == DB_OK)
		st = complaint_open(r, t->subject, t->id, t->customer_id, 0, 0, "online", *(const char *const *)input,
				    &complaint);
	return st;
}

/* POST /track/complain (no, phone, description, token, website): "对处理结果不满意", a complaint
 * from the customer (feedback_post). 409 while a complaint about the request is open. */
int page_track_complain(struct request *r)
{
	static const struct feedback_form complain = {TRACK_FORM_COMPLAIN, complaint_check, complaint_run};
	const char *description;
	return feedback_post(r, &complain, &description);
}
