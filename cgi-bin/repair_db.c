/* Reading one repair row with the names the pages show next to it. */
#include "repair_db.h"
#include "intake.h"
#include "kpi_db.h"
#include "product_db.h"
#include "repair_flow.h"
#include "response.h"
#include "valid.h"
#include "workcal.h"

#define REPAIR_COLUMNS \
	"SELECT r.id, r.customer_id, COALESCE(r.assignee_id, 0), r.version, r.labour_minutes, " \
	"COALESCE(r.return_id, 0), COALESCE(r.product_id, 0), r.public_no, " \
	"r.channel, r.contact_name, r.contact_phone, r.address, r.product, r.model, r.serial_no, " \
	"DATE_FORMAT(r.purchase_date, '%Y-%m-%d'), DATE_FORMAT(r.warranty_until, '%Y-%m-%d'), r.fault, " \
	"r.preferred_time, r.status, r.priority, DATE_FORMAT(r.visit_at, '%Y-%m-%d %H:%i'), " \
	"DATE_FORMAT(r.due_at, '%Y-%m-%d %H:%i:%s'), r.sla_paused_minutes, r.result, r.parts_used, r.labour_cost, " \
	"r.parts_cost, r.warranty_repair, r.cancel_reason, DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i'), " \
	"DATE_FORMAT(r.updated_at, '%Y-%m-%d %H:%i'), DATE_FORMAT(r.resolved_at, '%Y-%m-%d %H:%i'), " \
	"DATE_FORMAT(r.closed_at, '%Y-%m-%d %H:%i'), u.display_name, c.email, " \
	"DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s'), r.contact_email, c.name, c.address, c.version, t.public_no " \
	"FROM repairs r JOIN customers c ON c.id = r.customer_id LEFT JOIN users u ON u.id = r.assignee_id " \
	"LEFT JOIN returns t ON t.id = r.return_id "

static const char SQL_STAFF[] =
	"SELECT id, display_name FROM users WHERE active = 1 AND (? = '' OR role = ?) ORDER BY display_name";
static const char SQL_REPAIR_BY_ID[] = REPAIR_COLUMNS "WHERE r.id = ?";
static const char SQL_REPAIR_PUBLIC[] = REPAIR_COLUMNS "WHERE r.public_no = ? AND r.contact_phone = ?";

static const char SQL_REPAIR_INSERT[] =
	"INSERT INTO repairs (public_no, customer_id, channel, contact_name, contact_phone, contact_email, address, "
	"product, product_id, model, serial_no, purchase_date, warranty_until, fault, preferred_time, created_by, "
	"return_id, due_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	"DATE_ADD(?, INTERVAL " PRODUCT_WARRANTY_MONTHS " MONTH), ?, ?, ?, ?, ?, NOW(), NOW())";

static void unpack(const struct db_result *res, struct repair *p)
{
	long long *const ints[] = {&p->id, &p->customer_id, &p->assignee_id, &p->version, &p->labour_minutes,
				   &p->return_id, &p->product_id};
	const char **const strs[] = {
		&p->public_no, &p->channel, &p->contact_name, &p->contact_phone, &p->address, &p->product,
		&p->model, &p->serial_no, &p->purchase_date, &p->warranty_until, &p->fault, &p->preferred_time,
		&p->status, &p->priority, &p->visit_at, &p->due_at, &p->sla_paused_minutes, &p->result,
		&p->parts_used, &p->labour_cost, &p->parts_cost, &p->warranty_repair, &p->cancel_reason,
		&p->created_at, &p->updated_at, &p->resolved_at, &p->closed_at, &p->assignee_name,
		&p->customer_email, &p->now, &p->contact_email, &p->customer_name, &p->customer_address,
		&p->customer_version, &p->return_no,
	};
	db_row_unpack(res, 0, ints, sizeof(ints) / sizeof(ints[0]), strs, sizeof(strs) / sizeof(strs[0]));
}

static void load(const struct db_result *res, struct repair *out)
{
	*out = (struct repair){0};
	if (res->nrows)
		unpack(res, out);
}

int repair_load(struct request *r, long long id, struct repair *out)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_REPAIR_BY_ID, "i", id);
	if (st == DB_OK)
		load(&res, out);
	return st;
}

int repair_load_path(struct request *r, struct repair *out)
{
	int st = repair_load(r, r->path_id, out);
	if (st == DB_OK && !out->id)
		return page_error(r, 404, "没有这个工单。");
	/* Technicians work on the jobs assigned to them (a supervisor opens one to them by assigning
	 * it): any other job, its print page and its actions are not theirs to see. */
	if (st == DB_OK && !repair_is_visible(r, out)) {
		out->id = 0;
		return page_error(r, 403, "这个工单没有派给您，不能查看。");
	}
	return st;
}

int repair_load_public(struct request *r, const char *public_no, const char *phone, struct repair *out)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_REPAIR_PUBLIC, "ss", public_no, phone);
	if (st == DB_OK)
		load(&res, out);
	return st;
}

/* 返修: the latest earlier repair of the serial resolved in the 90 days before this one came in
 * (earlier = a lower id: times have whole seconds, so a job resolved in the same second after this
 * intake does not count). The repair report lists them (sql/011 fills the rows from before), and it
 * is a repeat for that job's technician in the month it was resolved (kpi_rebuild() counts the same). */
static const char SQL_EARLIER_JOB[] =
	"SELECT id, COALESCE(assignee_id, 0), DATE_FORMAT(resolved_at, '%Y-%m-%d') FROM repairs "
	"WHERE serial_no = ? AND id < ? AND resolved_at <= NOW() AND resolved_at >= NOW() - INTERVAL 90 DAY "
	"ORDER BY resolved_at DESC, id DESC LIMIT 1";
static const char SQL_REPEAT_OF[] = "UPDATE repairs SET repeat_of = ? WHERE id = ?";

static int repeat_mark(struct request *r, long long id, const char *serial_no)
{
	struct db_result earlier;
	int st = db_exec(r->db, &r->arena, &earlier, SQL_EARLIER_JOB, "si", serial_no, id);
	if (st != DB_OK || !earlier.nrows)
		return st;
	st = db_exec(r->db, &r->arena, NULL, SQL_REPEAT_OF, "ii", db_cell_int(&earlier, 0, 0), id);
	if (st == DB_OK)
		st = kpi_add(r, db_cell_int(&earlier, 0, 1), db_cell(&earlier, 0, 2), &(struct kpi_delta){.repeats = 1});
	return st;
}

int repair_insert_row(struct request *r, const struct repair_new *n, long long *id)
{
	struct db_result res;
	const char *from_return = db_id_or_null(&r->arena, n->return_id);
	const char *product_id = db_id_or_null(&r->arena, n->product_id);
	/* The first response (受理) is due from the start, so a request nobody takes becomes overdue. */
	char due[20];
	int st = workcal_due_from_now(r, r->cfg->first_response_hours, due);
	if (st != DB_OK)
		return st;
	st = db_exec(r->db, &r->arena, &res, SQL_REPAIR_INSERT, "sisssssssssssssisssss", n->public_no, n->customer_id,
		     n->channel, n->name, n->phone, n->email, n->address, n->product, product_id, n->model,
		     n->serial_no, n->purchase_date, n->purchase_date, product_id, n->product,
		     (long long)r->cfg->default_warranty_months, n->fault, n->preferred_time, intake_created_by(r),
		     from_return, due);
	if (st != DB_OK)
		return st;
	*id = (long long)res.insert_id;
	return *n->serial_no ? repeat_mark(r, *id, n->serial_no) : DB_OK;
}

int repair_is_visible(const struct request *r, const struct repair *p)
{
	return r->sess.role != ROLE_TECHNICIAN || p->assignee_id == r->sess.user_id;
}

int repair_contact_visible(const struct request *r, const struct repair *p)
{
	if (r->sess.role & (ROLE_AGENT | ROLES_SUPERVISOR))
		return 1;
	return p->assignee_id == r->sess.user_id && repair_status_open(p->status);
}

const char *repair_phone_shown(const struct request *r, const struct repair *p, char buf[32])
{
	if (repair_contact_visible(r, p))
		return p->contact_phone;
	phone_mask(p->contact_phone, buf);
	return buf;
}

int technician_options(struct request *r, tmpl_dict *d, const char *section, long long selected_id)
{
	return staff_options(r, d, section, "technician", selected_id);
}

int staff_options(struct request *r, tmpl_dict *d, const char *section, const char *role, long long selected_id)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_STAFF, "ss", role ? role : "", role ? role : "");
	if (st != DB_OK)
		return st;
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *o = tmpl_section(d, section);
		tmpl_set(o, "ID", db_cell(&res, i, 0));
		tmpl_set(o, "NAME", db_cell(&res, i, 1));
		if (db_cell_int(&res, i, 0) == selected_id)
			tmpl_show(o, "SELECTED");
	}
	return DB_OK;
}
