/* Shift swaps (调班): the list of one's swaps and of those waiting for one, and the request form. */
#include "events.h"
#include "form.h"
#include "pages.h"
#include "repair_db.h"
#include "response.h"
#include "roster_duty.h"
#include "roster_swap_db.h"
#include "valid.h"

#include <string.h>

static const char SQL_INSERT[] =
	"INSERT INTO shift_swaps (requester_id, requester_roster_id, colleague_id, colleague_roster_id, reason, "
	"created_at, updated_at) VALUES (?, ?, ?, ?, ?, NOW(), NOW())";
static const char SQL_OPEN_ON[] =
	"SELECT 1 FROM shift_swaps WHERE requester_roster_id = ? AND status IN ('requested', 'accepted') LIMIT 1";
static const char SQL_COLLEAGUE[] = "SELECT display_name FROM users WHERE id = ? AND active = 1";

/* How far ahead one can swap. */
#define SWAP_DAYS 60

/* GET /staff/swaps: the user's swaps, those waiting for their answer, and for supervisors those
 * waiting for approval. Answers 200. */
int page_swaps(struct request *r)
{
	tmpl_dict *d = page_begin(r, 200, "swaps.tpl", "调班");
	size_t n;
	int st = swap_rows_fill(r, d, "WAITING", "waiting", &n);
	if (st == DB_OK && (r->sess.role & ROLES_SUPERVISOR)) {
		tmpl_dict *s = tmpl_section(d, "SUPERVISOR");
		st = swap_rows_fill(r, s, "APPROVAL", "approval", &n);
	}
	if (st == DB_OK)
		st = swap_rows_fill(r, d, "MINE", "mine", &n);
	return st;
}

/* The coming shifts of user_id as options of section, selected marked. */
static int shift_options(struct request *r, tmpl_dict *d, const char *section, long long user_id, long long selected)
{
	long long now;
	struct roster_shift *s;
	size_t n = 0;
	int st = roster_now(r, &now);
	if (st == DB_OK)
		st = roster_shifts_of(r, user_id, now / 86400, now / 86400 + SWAP_DAYS, &s, &n);
	for (size_t i = 0; st == DB_OK && i < n; i++) {
		if (s[i].span.start <= now)
			continue;
		tmpl_dict *o = tmpl_section(d, section);
		tmpl_set_int(o, "ID", s[i].id);
		tmpl_set(o, "LABEL", shift_label(&r->arena, &s[i]));
		if (s[i].id == selected)
			tmpl_show(o, "SELECTED");
	}
	return st;
}

/* The form with status and message (may be NULL), the posted choices kept. */
static int form_page(struct request *r, int status, const char *message)
{
	long long mine = 0, colleague = 0, theirs = 0;
	const char *get = r->method == M_POST ? form_get(r, "colleague_id") : query_get(r, "colleague_id");
	parse_id(get, &colleague);
	parse_id(form_get(r, "my_shift"), &mine);
	parse_id(form_get(r, "their_shift"), &theirs);
	tmpl_dict *d = page_begin(r, status, "swap_new.tpl", "申请调班");
	tmpl_set(d, "CSRF", r->sess.csrf);
	tmpl_set(d, "MESSAGE", message);
	tmpl_set(d, "reason", form_get(r, "reason"));
	int st = staff_options(r, d, "STAFF_OPTION", NULL, colleague);
	if (st == DB_OK)
		st = shift_options(r, d, "MY_SHIFT", r->sess.user_id, mine);
	if (st == DB_OK && colleague && colleague != r->sess.user_id) {
		tmpl_dict *c = tmpl_section(d, "COLLEAGUE");
		tmpl_set_int(c, "COLLEAGUE_ID", colleague);
		st = shift_options(r, c, "THEIR_SHIFT", colleague, theirs);
	}
	return st;
}

/* GET /staff/swaps/new[?colleague_id=]: choose one's shift and a colleague, then the colleague's
 * shift to swap with or a hand-over. Answers 200. */
int page_swap_new_form(struct request *r)
{
	return form_page(r, 200, NULL);
}

/* The posted swap: the shifts and colleague read and checked. Sets *refusal for a bad form. */
static int swap_read_form(struct request *r, struct swap *s, const char **refusal)
{
	struct db_result res;
	const char *their = form_get(r, "their_shift");
	memset(s, 0, sizeof(*s));
	s->requester_id = r->sess.user_id;
	s->reason = form_text(r, "reason", 500, 0, "调班原因", refusal);
	if (!parse_id(form_get(r, "my_shift"), &s->requester_roster_id))
		*refusal = "请选择您要调出的班次";
	else if (!parse_id(form_get(r, "colleague_id"), &s->colleague_id) || s->colleague_id == r->sess.user_id)
		*refusal = "请选择一位同事";
	else if (their && *their && !parse_id(their, &s->colleague_roster_id))
		*refusal = "请选择同事的班次，或选择转让";
	if (*refusal)
		return DB_OK;
	int st = db_exec(r->db, &r->arena, &res, SQL_COLLEAGUE, "i", s->colleague_id);
	if (st == DB_OK && !res.nrows)
		*refusal = "该同事已停用或不存在";
	if (st == DB_OK && !*refusal)
		st = db_exec(r->db, &r->arena, &res, SQL_OPEN_ON, "i", s->requester_roster_id);
	if (st == DB_OK && !*refusal && res.nrows)
		*refusal = "这个班次已有进行中的调班申请";
	return st;
}

/* POST /staff/swaps/new (csrf, my_shift, colleague_id, their_shift empty for a hand-over, reason):
 * the request, checked against the roster rules as they are now. Answers 303 to the new swap, or
 * 422 with the form and the reason. */
int page_swap_new(struct request *r)
{
	struct swap s;
	const char *refusal = NULL;
	int st = db_begin(r->db);
	if (st == DB_OK)
		st = swap_read_form(r, &s, &refusal);
	if (st == DB_OK && !refusal)
		st = swap_check(r, &s, &refusal);
	if (st != DB_OK)
		return st;
	if (refusal) {
		db_rollback(r->db);
		return form_page(r, 422, refusal);
	}
	struct db_result res;
	st = db_exec(r->db, &r->arena, &res, SQL_INSERT, "iiiss", s.requester_id, s.requester_roster_id, s.colleague_id,
		     db_id_or_null(&r->arena, s.colleague_roster_id), s.reason);
	if (st == DB_OK)
		st = event_record(r, "swap", (long long)res.insert_id, "request", NULL, "requested", s.reason, NULL);
	if (st == DB_OK)
		st = db_commit(r->db);
	return st != DB_OK ? st : page_redirect(r, arena_printf(&r->arena, "/staff/swaps/%llu", res.insert_id));
}
