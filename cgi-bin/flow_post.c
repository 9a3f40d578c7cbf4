/* One status action of a record, from the posted form to the committed change and its event. */
#include "flow_post.h"
#include "confirm.h"
#include "events.h"
#include "form.h"
#include "response.h"
#include "session.h"
#include "valid.h"

#include <string.h>

#define STALE_VERSION "该记录已被他人修改，以下是最新内容，请确认后重新操作。"

static int run(struct request *r, const struct flow_post *p, const struct flow_action *a, struct action_outcome *o)
{
	struct db_result res = {0};
	if (!strcmp(a->code, "note")) {
		o->note = form_text(r, "note", 2000, 1, "备注内容", &o->refusal);
		return DB_OK;
	}
	int st = p->run(r, a, p->record, o, &res);
	if (st == DB_OK && !o->refusal && res.affected == 0)
		st = DB_STALE;
	return st;
}

/* What the page after the redirect says the action did: "「受理」已完成，状态：已受理。优先级 高，处理时限 …". */
static const char *action_done_text(struct request *r, const struct flow *f, const struct flow_action *a,
				    const char *to, const char *note)
{
	return arena_printf(&r->arena, "「%s」已完成%s%s%s%s", a->label, to ? "，状态：" : "",
			    to ? flow_status_label(f, to) : "", note && *note ? "。" : "", note ? note : "");
}

/* "工单 R… 将「取消工单」（原因：…），客户查询进度时会看到“工单已取消”。此操作不能恢复。" */
static const char *irreversible_text(struct request *r, const struct flow_post *p, const struct flow_action *a,
				     const struct action_outcome *o)
{
	return arena_printf(&r->arena, "%s 将「%s」（原因：%s）%s%s%s。此操作不能恢复。", p->what, a->label, o->note ? o->note : "",
			    o->public_note ? "，客户查询进度时会看到“" : "", o->public_note ? o->public_note : "",
			    o->public_note ? "”" : "");
}

int flow_post_run(struct request *r, const struct flow_post *p)
{
	const struct flow_action *a = flow_action_find(p->flow, form_get(r, "action"));
	const char *refusal = flow_refusal(p->flow, a, p->status, r->sess.role, p->is_assignee);
	if (refusal)
		return p->page(r, 422, p->record, refusal);
	long long version = 0;
	if (!parse_id(form_get(r, "version"), &version) || version != p->version)
		return p->page(r, 409, p->record, STALE_VERSION);

	struct action_outcome o = {0};
	int st = db_begin(r->db);
	if (st == DB_OK)
		st = run(r, p, a, &o);
	if (st == DB_OK && o.refusal) {
		db_rollback(r->db);
		const char *field = o.field ? o.field : r->refused_field;
		st = p->page(r, 422, p->record, o.refusal);
		if (st == DB_OK && field && r->page) {
			/* The summary says it, linked to the marked field; the plain message would repeat it. */
			form_error(r, r->page, flow_field_id(r, a->code, field), o.refusal);
			tmpl_set(r->page, "MESSAGE", NULL);
		}
		return st;
	}
	if (st == DB_OK && p->irreversible && !strcmp(a->code, p->irreversible) && !confirm_given(r)) {
		db_rollback(r->db);
		const char *title = arena_printf(&r->arena, "确认%s", a->label);
		return confirm_page(r, title, irreversible_text(r, p, a, &o), title, p->back);
	}
	const char *to = o.to ? o.to : a->to;
	if (st == DB_OK)
		st = event_record(r, p->flow->subject, p->id, a->code, to ? p->status : NULL, to, o.note, o.public_note);
	if (st == DB_OK)
		st = session_flash(r, action_done_text(r, p->flow, a, to, o.note));
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st == DB_STALE) {
		db_rollback(r->db);
		st = p->reload(r, p->record);
		return st != DB_OK ? st : p->page(r, 409, p->record, STALE_VERSION);
	}
	if (st != DB_OK)
		return st;
	return page_redirect(r, p->back);
}

const char *flow_field_id(struct request *r, const char *code, const char *name)
{
	if (!strcmp(code, "note"))
		return "internal_note";
	if (!strcmp(name, "note") || !strcmp(name, "reason"))
		return arena_printf(&r->arena, "%s_%s", code, name);
	return name;
}

void flow_actions_show_if(struct request *r, tmpl_dict *d, const struct flow *f, const char *status, int is_assignee,
			  const char *(*refuse)(const struct request *r, const void *record, const char *code),
			  const void *record)
{
	/* The form of the action just refused comes back with what was typed, inside its own section so
	 * that a field name other forms share ("note", "reason") stays empty in those. */
	const char *posted = r->method == M_POST ? form_get(r, "action") : NULL;
	for (unsigned i = 0; i < f->nactions; i++) {
		const char *code = f->actions[i].code;
		if (flow_refusal(f, &f->actions[i], status, r->sess.role, is_assignee) || (refuse && refuse(r, record, code)))
			continue;
		const char *section = arena_printf(&r->arena, "CAN_%s", code);
		if (posted && !strcmp(posted, code))
			form_keep(r, tmpl_section(d, section));
		else
			tmpl_show(d, section);
	}
}

void flow_actions_show(struct request *r, tmpl_dict *d, const struct flow *f, const char *status, int is_assignee)
{
	flow_actions_show_if(r, d, f, status, is_assignee, NULL, NULL);
}
