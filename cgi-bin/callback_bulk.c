/* Regular callbacks (定期回访) scheduled in bulk by a supervisor: every customer with a finished repair
 * of a product or finished in a date range, not called in the last N days, gets one callback. */
#include "audit.h"
#include "callback_db.h"
#include "form.h"
#include "pages.h"
#include "response.h"
#include "valid.h"
#include "workcal.h"

#include <stdio.h>
#include <string.h>

/* More than this in one go is refused: the transaction would hold its locks for many seconds. */
#define BULK_CAP 5000

/* Each customer once, about their latest repair that matches; a customer with a callback still open,
 * or one called (done or given up as unreachable) in the last N days, is left out, as are records
 * merged away, anonymised, without a phone or with a phone marked wrong. Two NOT EXISTS, so each reads
 * a range of its own key (callbacks_open_due, callbacks_done: sql/008) instead of every callback. */
static const char SQL_CANDIDATES[] =
	"SELECT r.customer_id, MAX(r.id) FROM repairs r JOIN customers cu ON cu.id = r.customer_id "
	"WHERE r.status IN ('resolved', 'closed') AND (? = '' OR r.product = ?) "
	"AND (? = '' OR r.resolved_at >= ?) AND (? = '' OR r.resolved_at < DATE_ADD(?, INTERVAL 1 DAY)) "
	"AND cu.merged_into IS NULL AND cu.anonymised = 0 AND cu.phone <> '' AND cu.phone_flagged_at IS NULL "
	"AND NOT EXISTS (SELECT 1 FROM callbacks c WHERE c.customer_id = r.customer_id AND c.open_due IS NOT NULL) "
	"AND NOT EXISTS (SELECT 1 FROM callbacks c WHERE c.customer_id = r.customer_id "
	"AND c.done_at >= NOW() - INTERVAL ? DAY AND c.status IN ('done', 'unreachable')) "
	"GROUP BY r.customer_id ORDER BY r.customer_id LIMIT ?";

static const char *valid_days(const char *v)
{
	long long n;
	return parse_int_range(v, 1, 3650, &n) ? NULL : "请填写 1 到 3650 之间的天数";
}

static const struct field_rule BULK_RULES[] = {
	{"product", 0, 64, valid_text_line},
	{"from", 0, 10, valid_date},
	{"to", 0, 10, valid_date},
	{"days", 1, 4, valid_days},
	{"due_date", 1, 10, valid_date},
};
enum { F_PRODUCT, F_FROM, F_TO, F_DAYS, F_DUE_DATE, NFIELDS };

struct bulk {
	const char *v[NFIELDS];
	const char *due;  /* due_date at the start of the working day */
	struct db_result candidates;
};

static tmpl_dict *bulk_page(struct request *r, int status)
{
	tmpl_dict *d = page_begin(r, status, "callback_bulk.tpl", "定期回访");
	tmpl_set(d, "CSRF", r->sess.csrf);
	return d;
}

/* Checks the form into b, showing messages on d. Returns 1 when it is good. */
static int bulk_read(struct request *r, tmpl_dict *d, const char *today, struct bulk *b)
{
	int errors = form_validate(r, BULK_RULES, NFIELDS, b->v, d);
	if (!*b->v[F_PRODUCT] && !*b->v[F_FROM] && !*b->v[F_TO]) {
		form_error(r, d, "product", "请填写产品，或完工日期范围");
		errors++;
	}
	if (*b->v[F_FROM] && *b->v[F_TO] && strcmp(b->v[F_FROM], b->v[F_TO]) > 0) {
		form_error(r, d, "to", "结束日期不能早于开始日期");
		errors++;
	}
	if (*b->v[F_DUE_DATE] && strcmp(b->v[F_DUE_DATE], today) < 0) {
		form_error(r, d, "due_date", "回访日期不能早于今天");
		errors++;
	}
	b->due = arena_printf(&r->arena, "%s %02d:%02d:00", b->v[F_DUE_DATE], r->cfg->work_start_min / 60,
			      r->cfg->work_start_min % 60);
	return errors == 0;
}

static int candidates_load(struct request *r, struct bulk *b)
{
	const char *const *v = b->v;
	long long days = 0;
	parse_int_range(v[F_DAYS], 1, 3650, &days);
	return db_exec(r->db, &r->arena, &b->candidates, SQL_CANDIDATES, "ssssssii", v[F_PRODUCT], v[F_PRODUCT], v[F_FROM],
		       v[F_FROM], v[F_TO], v[F_TO], days, (long long)BULK_CAP + 1);
}

/* GET /staff/callbacks/bulk (created: how many the last POST made): the form. Answers 200. */
int page_callback_bulk_form(struct request *r)
{
	const char *today;
	int st = workcal_today(r, &today);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = bulk_page(r, 200);
	tmpl_set(d, "days", "180");
	tmpl_set(d, "due_date", today);
	long long created;
	if (parse_int_range(query_get(r, "created"), 0, BULK_CAP, &created))
		tmpl_set_int(tmpl_section(d, "CREATED"), "COUNT", created);
	return 0;
}

static const char *criteria_text(struct request *r, const struct bulk *b)
{
	return arena_printf(&r->arena, "产品=%s 完工=%s~%s 近%s天未回访 回访日期=%s", b->v[F_PRODUCT], b->v[F_FROM],
			    b->v[F_TO], b->v[F_DAYS], b->v[F_DUE_DATE]);
}

/* Schedules one callback per candidate in the open transaction, with the audit entry. */
static int bulk_create(struct request *r, const struct bulk *b)
{
	int st = DB_OK;
	for (size_t i = 0; i < b->candidates.nrows && st == DB_OK; i++) {
		long long id;
		st = callback_schedule(r, "repair", db_cell_int(&b->candidates, i, 1), db_cell_int(&b->candidates, i, 0),
				       "bulk", b->due, 0, &id);
	}
	if (st == DB_OK)
		st = audit_record(r, "callback_bulk", "callbacks",
				  arena_printf(&r->arena, "%zu created: %s", b->candidates.nrows, criteria_text(r, b)));
	return st;
}

/* POST /staff/callbacks/bulk (product, from, to, days, due_date; confirm=1 to create). Without
 * confirm: 200 with how many customers match and the form to create them. With confirm: one
 * transaction creating them all, 303 to the form with the count. 422 for a bad field or more than
 * BULK_CAP customers. */
int page_callback_bulk(struct request *r)
{
	const char *today;
	struct bulk b;
	int st = workcal_today(r, &today);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = bulk_page(r, 422);
	if (!bulk_read(r, d, today, &b))
		return 0;
	int confirm = form_get(r, "confirm") && !strcmp(form_get(r, "confirm"), "1");
	st = confirm ? db_begin(r->db) : DB_OK;
	if (st == DB_OK)
		st = candidates_load(r, &b);
	if (st != DB_OK)
		return st;
	size_t n = b.candidates.nrows;
	if (n > BULK_CAP) {
		tmpl_set(d, "MESSAGE", arena_printf(&r->arena, "符合条件的客户超过 %d 位，一次最多安排 %d 个回访，请缩小产品或日期范围。",
						    BULK_CAP, BULK_CAP));
		return 0;
	}
	if (!confirm || !n) {
		r->status = 200; /* the form was good: the preview is a page, not a refusal */
		tmpl_dict *p = tmpl_section(d, "PREVIEW");
		tmpl_set_int(p, "COUNT", (long long)n);
		if (n)
			tmpl_show(p, "CAN_CREATE");
		return 0;
	}
	st = bulk_create(r, &b);
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/staff/callbacks/bulk?created=%zu", n));
}
