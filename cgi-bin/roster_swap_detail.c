/* One shift swap: its two shifts, the people, the timeline, and the actions of SWAP_FLOW. */
#include "events.h"
#include "flow_post.h"
#include "form.h"
#include "pages.h"
#include "response.h"
#include "roster_swap_db.h"
#include "roster_swap_flow.h"

#include <string.h>

static const char SQL_STATUS[] =
	"UPDATE shift_swaps SET status = ?, version = version + 1, updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_DECIDE[] =
	"UPDATE shift_swaps SET status = ?, decided_by = ?, decision_note = ?, version = version + 1, updated_at = NOW() "
	"WHERE id = ? AND version = ?";

static const char *party_refusal(const struct request *r, const void *record, const char *code)
{
	const struct swap *s = record;
	return swap_party_refusal(code, r->sess.user_id, s->requester_id, s->colleague_id);
}

/* Renders the page; message (may be NULL) explains a refused action or a conflict. */
static int detail_page(struct request *r, int status, const struct swap *s, const char *message)
{
	tmpl_dict *d = page_begin(r, status, "swap_detail.tpl", arena_printf(&r->arena, "调班申请 #%lld", s->id));
	tmpl_set_int(d, "ID", s->id);
	tmpl_set_int(d, "VERSION", s->version);
	tmpl_set(d, "STATUS", s->status);
	tmpl_set(d, "STATUS_LABEL", flow_status_label(&SWAP_FLOW, s->status));
	tmpl_set(d, "REQUESTER", s->requester_name);
	tmpl_set(d, "COLLEAGUE", s->colleague_name);
	tmpl_set(d, "REQUESTER_SHIFT", s->requester_shift);
	tmpl_set(d, "COLLEAGUE_SHIFT", s->colleague_shift ? s->colleague_shift : "转让（不换回）");
	tmpl_set(d, "REASON", s->reason);
	tmpl_set(d, "CREATED", s->created_at);
	tmpl_set(d, "DECIDED_BY", s->decided_by_name);
	tmpl_set(d, "DECISION_NOTE", s->decision_note);
	tmpl_set(d, "MESSAGE", message);
	tmpl_set(d, "CSRF", r->sess.csrf);
	flow_actions_show_if(r, d, &SWAP_FLOW, s->status, 0, party_refusal, s);
	return events_fill(r, &SWAP_FLOW, s->id, 0, d, "EVENT");
}

/* GET /staff/swaps/#. Answers 200 or 404. */
int page_swap_detail(struct request *r)
{
	struct swap s;
	int st = swap_load_path(r, &s);
	if (st != DB_OK || !s.id)
		return st;
	return detail_page(r, 200, &s, NULL);
}

/* Every action: the party's check, the note, then the status; approving moves the shifts first,
 * with the rules checked again now. */
static int run_action(struct request *r, const struct flow_action *a, void *record, struct action_outcome *o,
		      struct db_result *res)
{
	const struct swap *s = record;
	o->refusal = swap_party_refusal(a->code, r->sess.user_id, s->requester_id, s->colleague_id);
	if (!o->refusal)
		o->note = form_text(r, "note", 500, 0, "说明", &o->refusal);
	if (o->refusal)
		return DB_OK;
	int decides = !strcmp(a->code, "approve") || !strcmp(a->code, "reject");
	int st = decides ? db_exec(r->db, &r->arena, res, SQL_DECIDE, "sisii", a->to, r->sess.user_id, o->note, s->id, s->version)
			 : db_exec(r->db, &r->arena, res, SQL_STATUS, "sii", a->to, s->id, s->version);
	if (st == DB_OK && res->affected && !strcmp(a->code, "approve"))
		st = swap_move(r, s, &o->refusal);
	return st;
}

static int detail_page_of(struct request *r, int status, void *record, const char *message)
{
	return detail_page(r, status, record, message);
}

static int reload(struct request *r, void *record)
{
	return swap_load(r, r->path_id, record);
}

/* POST /staff/swaps/#/action (csrf, action, version, note): accept or decline (the colleague),
 * approve or reject (a supervisor who is no party; approving moves the roster rows in the same
 * transaction), cancel (the requester). Answers 303 back to the swap; 422 with the page and the
 * reason for an action the status, role or party does not allow, or a roster rule broken at
 * approval (nothing changed); 409 when someone else changed the swap or the month meanwhile; 404. */
int page_swap_action(struct request *r)
{
	struct swap s;
	int st = swap_load_path(r, &s);
	if (st != DB_OK || !s.id)
		return st;
	struct flow_post post = {
		.flow = &SWAP_FLOW, .record = &s, .id = s.id, .version = s.version, .status = s.status,
		.run = run_action, .page = detail_page_of, .reload = reload,
		.back = arena_printf(&r->arena, "/staff/swaps/%lld", s.id),
	};
	return flow_post_run(r, &post);
}
