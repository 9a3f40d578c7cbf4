/* Public tracking: a repair's or a return's status and public timeline, shown only when number and
 * phone both match. */
#include "events.h"
#include "intake.h"
#include "pages.h"
#include "repair_db.h"
#include "repair_flow.h"
#include "response.h"
#include "return_db.h"
#include "return_flow.h"
#include "throttle.h"
#include "track.h"
#include "valid.h"

#include <string.h>

/* The first character of a name, "李强" -> "李师傅": customers see who comes without the full name. */
static const char *technician_title(struct request *r, const char *name)
{
	size_t len = 1;
	while (name[len] && ((unsigned char)name[len] & 0xC0) == 0x80)
		len++;
	return arena_printf(&r->arena, "%.*s师傅", (int)len, name);
}

static int repair_find(struct request *r, const char *no, const char *phone, struct tracked *t)
{
	struct repair p;
	int st = repair_load_public(r, no, phone, &p);
	if (st != DB_OK || !p.id)
		return st;
	*t = (struct tracked){.id = p.id, .customer_id = p.customer_id, .subject = "repair", .no = p.public_no,
			      .status = p.status, .product = p.product, .created = p.created_at};
	if (p.assignee_name && *p.assignee_name && repair_status_open(p.status)) {
		t->technician = technician_title(r, p.assignee_name);
		t->visit = p.visit_at ? p.visit_at : "待定";
	}
	return DB_OK;
}

static int return_find(struct request *r, const char *no, const char *phone, struct tracked *t)
{
	struct return_request p;
	int st = return_load_public(r, no, phone, &p);
	if (st != DB_OK || !p.id)
		return st;
	*t = (struct tracked){.id = p.id, .customer_id = p.customer_id, .subject = "return", .no = p.public_no,
			      .status = p.status, .product = p.product, .created = p.created_at,
			      .kind = return_kind_label(p.kind)};
	if (!strcmp(p.status, "rejected") && *p.decision_note)
		t->rejection = p.decision_note;
	return DB_OK;
}

/* The kinds of number /track answers for, by their letter, and the statuses in which the customer
 * may rate the service: the job is done (a callback was scheduled on reaching them). */
static const struct track_kind {
	char letter;
	const struct flow *flow;
	int (*find)(struct request *r, const char *no, const char *phone, struct tracked *t);
	const char *finished[4];
} KINDS[] = {
	{'R', &REPAIR_FLOW, repair_find, {"resolved", "closed", NULL}},
	{'T', &RETURN_FLOW, return_find, {"refunded", "exchanged", "closed", NULL}},
};

static int status_in(const char *const *list, const char *status)
{
	for (; *list; list++)
		if (!strcmp(*list, status))
			return 1;
	return 0;
}

/* The page with the form holding no and phone; found: a request is shown above it. */
static tmpl_dict *track_page(struct request *r, int status, const char *no, const char *phone, int found)
{
	tmpl_dict *d = page_begin(r, status, "track.tpl", "进度查询");
	tmpl_set(d, "no", no && strlen(no) <= 10 + PUBLIC_NO_SEQ_MAX ? no : "");
	tmpl_set(d, "phone", phone && strlen(phone) <= 24 ? phone : "");
	/* a request found comes first and the form follows it, for another number */
	tmpl_show(d, found ? "OTHER_NUMBER" : "FIRST_SEARCH");
	return d;
}

static int found_fill(struct request *r, const struct tracked *t, tmpl_dict *f)
{
	tmpl_set(f, "NO", t->no);
	tmpl_set(f, "STATUS", t->status);
	tmpl_set(f, "STATUS_LABEL", flow_status_label(t->flow, t->status));
	tmpl_set(f, "PRODUCT", t->product);
	tmpl_set(f, "CREATED", t->created);
	if (t->kind)
		tmpl_set(tmpl_section(f, "KIND"), "LABEL", t->kind);
	if (t->technician) {
		tmpl_dict *s = tmpl_section(f, "TECHNICIAN");
		tmpl_set(s, "NAME", t->technician);
		tmpl_set(s, "VISIT", t->visit);
	}
	if (t->rejection)
		tmpl_set(tmpl_section(f, "REJECTED"), "REASON", t->rejection);
	int st = intake_answer_due_fill(r, *t->no, t->no, f);
	if (st != DB_OK)
		return st;
	return events_fill(r, t->flow, t->id, 1, f, "EVENT");
}

int track_show(struct request *r, int status, const struct tracked *t, enum track_form posted, const char *message)
{
	tmpl_dict *found = tmpl_section(track_page(r, status, t->no, "", 1), "FOUND");
	int st = found_fill(r, t, found);
	if (st == DB_OK)
		st = track_feedback_fill(r, t, found, posted, message);
	return st;
}

int track_find(struct request *r, const char *no, const char *phone, struct tracked *t)
{
	*t = (struct tracked){0};
	no = no ? no : "";
	phone = phone ? phone : "";
	const char *key = throttle_addr_key(r, "t:");
	long long locked = 0;
	int st = throttle_locked(r, key, NULL, &locked);
	if (st != DB_OK)
		return st;
	if (locked > 0) {
		tmpl_set(track_page(r, 429, "", "", 0), "MESSAGE", "查询失败次数过多，请稍后再试。");
		return 0;
	}
	/* as typed: a lower-case number, spaces, "+86 " or dashes in the phone */
	char normal[32], number[32];
	phone_normalise(phone, normal);
	public_no_normalise(no, number);
	const struct track_kind *k = NULL;
	for (size_t i = 0; !k && i < sizeof(KINDS) / sizeof(KINDS[0]); i++)
		if (public_no_valid(number, KINDS[i].letter))
			k = &KINDS[i];
	if (k && !valid_phone(phone)) {
		st = k->find(r, number, normal, t);
		if (st != DB_OK)
			return st;
	}
	if (!t->id) {
		st = throttle_hit(r, key, r->cfg->track_max_failures, 15, 15, NULL);
		if (st == DB_OK)
			st = throttle_purge(r);
		if (st != DB_OK)
			return st;
		/* what was typed stays, so a typo is corrected instead of typed again */
		tmpl_set(track_page(r, 404, no, phone, 0), "MESSAGE", "没有找到与该单号和手机号相符的记录，请核对后重试。");
		return 0;
	}
	t->flow = k->flow;
	t->phone = arena_strdup(&r->arena, normal);
	t->finished = status_in(k->finished, t->status);
	return DB_OK;
}

/* GET /track?no=&phone=: without both, the form (200). A repair's R or a return's T number with its
 * phone shows the request, and on a finished one the rating form or the rating given, and the
 * complaints with their form (200); a wrong number, wrong phone or unknown number all answer the
 * same 404; repeated misses from one address answer 429 for a while. */
int page_track(struct request *r)
{
	const char *no = query_get(r, "no"), *phone = query_get(r, "phone");
	if (!no || !phone || !*no || !*phone) {
		track_page(r, 200, no, "", 0);
		return 0;
	}
	struct tracked t;
	int st = track_find(r, no, phone, &t);
	if (st != DB_OK || !t.id)
		return st;
	return track_show(r, 200, &t, TRACK_FORM_NONE, NULL);
}
