/* Timeline entries of repairs and returns. */
#include "events.h"
#include "audit.h"
#include "ledger.h"
#include "status_counts.h"

#include <stdio.h>
#include <string.h>

static const char SQL_EVENT_INSERT[] =
	"INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, "
	"public_note, is_public) VALUES (?, ?, NOW(), ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_EVENTS[] =
	"SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i'), actor, action, from_status, to_status, note, public_note "
	"FROM events WHERE subject = ? AND subject_id = ? AND (? = 0 OR is_public = 1) ORDER BY id";

const char *event_action_label(const struct flow *f, const char *code)
{
	/* Actions on a customer record that every record of theirs shows, and the handover's. */
	static const char *const labels[][2] = {
		{"customer_merge", "客户合并"}, {"anonymise", "匿名化"}, {"contact_adopt", "更新客户资料"},
		{"complaint", "客户投诉"}, {"callback", "回访"},
		{"rating", "客户评价"}, {"write", "写交接班"}, {"ack", "确认接班"},
	};
	const struct flow_action *a = f ? flow_action_find(f, code) : NULL;
	if (a)
		return a->label;
	return choice_label(labels, sizeof(labels) / sizeof(labels[0]), code);
}

static const char *action_label(const struct flow *f, const char *code)
{
	const char *label = event_action_label(f, code);
	return label ? label : code;
}

int event_record(struct request *r, const char *subject, long long id, const char *action, const char *from,
		 const char *to, const char *note, const char *public_note)
{
	const char *actor_id = db_id_or_null(&r->arena, r->sess.user_id);
	const char *actor = r->sess.user_id ? r->sess.display_name : "客户";
	public_note = public_note ? public_note : "";
	int st = db_exec(r->db, &r->arena, NULL, SQL_EVENT_INSERT, "sisssssssi", subject, id, actor_id, actor, action,
			 from ? from : "", to ? to : "", note ? note : "", public_note, (long long)(*public_note != 0));
	if (st == DB_OK)
		st = ledger_record(r, subject, id, from, to);
	if (st == DB_OK)
		st = status_counts_move(r, subject, from, to);
	if (st != DB_OK)
		return st;
	/* Every change of every record is in the audit trail too (责任到人), in the same transaction. */
	const char *detail = to && *to ? arena_printf(&r->arena, "%s → %s%s%s", from && *from ? from : "", to,
						      note && *note ? "；" : "", note ? note : "")
				       : note ? note : "";
	const char *who = r->sess.user_id ? r->sess.username : actor;
	return audit_record_as(r, who, arena_printf(&r->arena, "%s_%s", subject, action),
			       arena_printf(&r->arena, "%s #%lld", subject, id), detail);
}

int events_fill(struct request *r, const struct flow *f, long long id, int public_only, tmpl_dict *d,
		const char *section)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_EVENTS, "sii", f->subject, id, (long long)public_only);
	if (st != DB_OK)
		return st;
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *e = tmpl_section(d, section);
		tmpl_set(e, "AT", db_cell(&res, i, 0));
		if (public_only) {
			tmpl_set(e, "PUBLIC_NOTE", db_cell(&res, i, 6));
			continue;
		}
		tmpl_set(e, "ACTOR", db_cell(&res, i, 1));
		tmpl_set(e, "ACTION_LABEL", action_label(f, db_cell(&res, i, 2)));
		const char *from = db_cell(&res, i, 3), *to = db_cell(&res, i, 4);
		if (to && *to) {
			tmpl_dict *t = tmpl_section(e, "TRANSITION");
			tmpl_set(t, "FROM", *from ? flow_status_label(f, from) : "");
			tmpl_set(t, "TO", flow_status_label(f, to));
		}
		tmpl_set(e, "NOTE", db_cell(&res, i, 5));
	}
	return DB_OK;
}
