/* Public tracking: a request's status and public timeline, shown only when number and phone both match. */
#include "events.h"
#include "pages.h"
#include "repair_db.h"
#include "repair_flow.h"
#include "response.h"
#include "throttle.h"
#include "valid.h"

#include <string.h>

static tmpl_dict *track_page(struct request *r, int status, const char *no, const char *phone)
{
	tmpl_dict *d = page_begin(r, status, "track.tpl", "进度查询");
	tmpl_set(d, "no", no);
	tmpl_set(d, "phone", phone);
	return d;
}

/* The first character of a name, "李强" -> "李师傅": customers see who comes without the full name. */
static const char *technician_title(struct request *r, const char *name)
{
	if (!name || !*name)
		return "";
	size_t len = 1;
	while (name[len] && ((unsigned char)name[len] & 0xC0) == 0x80)
		len++;
	return arena_printf(&r->arena, "%.*s师傅", (int)len, name);
}

/* GET /track?no=&phone=: without both, the form (200). A wrong number, wrong phone or unknown number
 * all answer the same 404; repeated misses from one address answer 429 for a while. */
int page_track(struct request *r)
{
	const char *no = query_get(r, "no"), *phone = query_get(r, "phone");
	if (!no || !phone || !*no || !*phone) {
		track_page(r, 200, no && strlen(no) <= 10 + PUBLIC_NO_SEQ_MAX ? no : "", "");
		return 0;
	}
	const char *key = throttle_addr_key(r, "t:");
	long long locked = 0;
	int st = throttle_locked(r, key, NULL, &locked);
	if (st != DB_OK)
		return st;
	if (locked > 0) {
		tmpl_dict *d = track_page(r, 429, "", "");
		tmpl_set(d, "MESSAGE", "查询失败次数过多，请稍后再试。");
		return 0;
	}
	char normal[32];
	phone_normalise(phone, normal);
	struct repair rep = {0};
	if (public_no_valid(no, 'R') && !valid_phone(phone)) {
		st = repair_load_public(r, no, normal, &rep);
		if (st != DB_OK)
			return st;
	}
	if (!rep.id) {
		long long lim = r->cfg->track_max_failures;
		st = throttle_hit(r, key, lim, 15, 15, NULL);
		if (st == DB_OK)
			st = throttle_purge(r);
		if (st != DB_OK)
			return st;
		tmpl_dict *d = track_page(r, 404, strlen(no) <= 10 + PUBLIC_NO_SEQ_MAX ? no : "", "");
		tmpl_set(d, "MESSAGE", "没有找到与该单号和手机号相符的记录，请核对后重试。");
		return 0;
	}
	tmpl_dict *d = track_page(r, 200, no, "");
	tmpl_dict *f = tmpl_section(d, "FOUND");
	tmpl_set(f, "NO", rep.public_no);
	tmpl_set(f, "STATUS", rep.status);
	tmpl_set(f, "STATUS_LABEL", repair_status_label(rep.status));
	tmpl_set(f, "PRODUCT", rep.product);
	tmpl_set(f, "CREATED", rep.created_at);
	if (rep.assignee_name && repair_status_open(rep.status)) {
		tmpl_dict *t = tmpl_section(f, "TECHNICIAN");
		tmpl_set(t, "NAME", technician_title(r, rep.assignee_name));
		tmpl_set(t, "VISIT", rep.visit_at ? rep.visit_at : "待定");
	}
	return events_fill(r, &REPAIR_FLOW, rep.id, 1, f, "EVENT");
}
