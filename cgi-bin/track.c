/* Public tracking: a repair's or a return's status and public timeline, shown only when number and
 * phone both match. */
#include "events.h"
#include "pages.h"
#include "repair_db.h"
#include "repair_flow.h"
#include "response.h"
#include "return_db.h"
#include "return_flow.h"
#include "throttle.h"
#include "valid.h"

#include <string.h>

/* What the page shows of a request of either kind; the optional parts are NULL when they do not apply. */
struct tracked {
	long long id;
	const char *no, *status, *product, *created;
	const char *kind;                      /* a return's kind, e.g. "退货" */
	const char *technician, *visit;        /* a repair's technician on the way */
	const char *rejection;                 /* why a return was refused, as told to the customer */
};

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
	*t = (struct tracked){p.id, p.public_no, p.status, p.product, p.created_at, NULL, NULL, NULL, NULL};
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
	*t = (struct tracked){p.id, p.public_no, p.status, p.product, p.created_at, return_kind_label(p.kind),
			      NULL, NULL, NULL};
	if (!strcmp(p.status, "rejected") && *p.decision_note)
		t->rejection = p.decision_note;
	return DB_OK;
}

/* The kinds of number /track answers for, by their letter. */
static const struct track_kind {
	char letter;
	const struct flow *flow;
	int (*find)(struct request *r, const char *no, const char *phone, struct tracked *t);
} KINDS[] = {
	{'R', &REPAIR_FLOW, repair_find},
	{'T', &RETURN_FLOW, return_find},
};

static tmpl_dict *track_page(struct request *r, int status, const char *no, const char *phone)
{
	tmpl_dict *d = page_begin(r, status, "track.tpl", "进度查询");
	tmpl_set(d, "no", no && strlen(no) <= 10 + PUBLIC_NO_SEQ_MAX ? no : "");
	tmpl_set(d, "phone", phone);
	return d;
}

static int found_fill(struct request *r, const struct flow *flow, const struct tracked *t, tmpl_dict *d)
{
	tmpl_dict *f = tmpl_section(d, "FOUND");
	tmpl_set(f, "NO", t->no);
	tmpl_set(f, "STATUS", t->status);
	tmpl_set(f, "STATUS_LABEL", flow_status_label(flow, t->status));
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
	return events_fill(r, flow, t->id, 1, f, "EVENT");
}

/* GET /track?no=&phone=: without both, the form (200). A repair's R or a return's T number with its
 * phone shows the request (200); a wrong number, wrong phone or unknown number all answer the same
 * 404; repeated misses from one address answer 429 for a while. */
int page_track(struct request *r)
{
	const char *no = query_get(r, "no"), *phone = query_get(r, "phone");
	if (!no || !phone || !*no || !*phone) {
		track_page(r, 200, no, "");
		return 0;
	}
	const char *key = throttle_addr_key(r, "t:");
	long long locked = 0;
	int st = throttle_locked(r, key, NULL, &locked);
	if (st != DB_OK)
		return st;
	if (locked > 0) {
		tmpl_set(track_page(r, 429, "", ""), "MESSAGE", "查询失败次数过多，请稍后再试。");
		return 0;
	}
	char normal[32];
	phone_normalise(phone, normal);
	struct tracked t = {0};
	const struct track_kind *k = NULL;
	for (size_t i = 0; !k && i < sizeof(KINDS) / sizeof(KINDS[0]); i++)
		if (public_no_valid(no, KINDS[i].letter))
			k = &KINDS[i];
	if (k && !valid_phone(phone)) {
		st = k->find(r, no, normal, &t);
		if (st != DB_OK)
			return st;
	}
	if (!t.id) {
		st = throttle_hit(r, key, r->cfg->track_max_failures, 15, 15, NULL);
		if (st == DB_OK)
			st = throttle_purge(r);
		if (st != DB_OK)
			return st;
		tmpl_set(track_page(r, 404, no, ""), "MESSAGE", "没有找到与该单号和手机号相符的记录，请核对后重试。");
		return 0;
	}
	return found_fill(r, k->flow, &t, track_page(r, 200, no, ""));
}
