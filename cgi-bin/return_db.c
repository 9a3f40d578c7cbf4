/* Reading one return row with the names of the people who decided, inspected and converted it. */
#include "return_db.h"
#include "response.h"

#define RETURN_COLUMNS \
	"SELECT t.id, t.customer_id, t.version, COALESCE(t.amount_paid, 0), COALESCE(t.refund_amount, 0), " \
	"COALESCE(t.new_repair_id, 0), t.amount_paid IS NOT NULL, t.refund_amount IS NOT NULL, " \
	"t.public_no, t.channel, t.contact_name, t.contact_phone, t.address, t.order_no, t.product, t.serial_no, " \
	"DATE_FORMAT(t.purchase_date, '%Y-%m-%d'), t.bought_online, t.has_fault, t.kind, t.reason, t.repair_no, " \
	"t.status, DATE_FORMAT(t.due_at, '%Y-%m-%d %H:%i:%s'), t.decision_note, t.decision_exception, " \
	"ud.display_name, DATE_FORMAT(t.decided_at, '%Y-%m-%d %H:%i'), t.received_condition, " \
	"t.inbound_logistics, DATE_FORMAT(t.received_at, '%Y-%m-%d %H:%i'), t.inspection, t.inspection_notes, " \
	"ui.display_name, DATE_FORMAT(t.inspected_at, '%Y-%m-%d %H:%i'), t.refund_method, t.refund_reference, " \
	"t.refund_note, DATE_FORMAT(t.refunded_at, '%Y-%m-%d %H:%i'), t.replacement_product, " \
	"t.replacement_serial, t.outbound_logistics, DATE_FORMAT(t.exchanged_at, '%Y-%m-%d %H:%i'), " \
	"nr.public_no, t.cancel_reason, DATE_FORMAT(t.created_at, '%Y-%m-%d %H:%i'), " \
	"DATE_FORMAT(t.updated_at, '%Y-%m-%d %H:%i'), DATE_FORMAT(t.closed_at, '%Y-%m-%d %H:%i'), " \
	"DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s'), c.name, c.version " \
	"FROM returns t JOIN customers c ON c.id = t.customer_id LEFT JOIN users ud ON ud.id = t.decided_by " \
	"LEFT JOIN users ui ON ui.id = t.inspected_by LEFT JOIN repairs nr ON nr.id = t.new_repair_id "

static const char SQL_RETURN_BY_ID[] = RETURN_COLUMNS "WHERE t.id = ?";
static const char SQL_RETURN_PUBLIC[] = RETURN_COLUMNS "WHERE t.public_no = ? AND t.contact_phone = ?";

static void load(const struct db_result *res, struct return_request *p)
{
	long long paid = 0, refunded = 0;
	long long *const ints[] = {&p->id, &p->customer_id, &p->version, &p->amount_paid, &p->refund_amount,
				   &p->new_repair_id, &paid, &refunded};
	const char **const strs[] = {
		&p->public_no, &p->channel, &p->contact_name, &p->contact_phone, &p->address, &p->order_no,
		&p->product, &p->serial_no, &p->purchase_date, &p->bought_online, &p->has_fault, &p->kind,
		&p->reason, &p->repair_no, &p->status, &p->due_at, &p->decision_note, &p->decision_exception,
		&p->decided_by_name, &p->decided_at, &p->received_condition, &p->inbound_logistics,
		&p->received_at, &p->inspection, &p->inspection_notes, &p->inspected_by_name, &p->inspected_at,
		&p->refund_method, &p->refund_reference, &p->refund_note, &p->refunded_at,
		&p->replacement_product, &p->replacement_serial, &p->outbound_logistics, &p->exchanged_at,
		&p->new_repair_no, &p->cancel_reason, &p->created_at, &p->updated_at, &p->closed_at, &p->now,
		&p->customer_name, &p->customer_version,
	};
	*p = (struct return_request){0};
	if (!res->nrows)
		return;
	db_row_unpack(res, 0, ints, sizeof(ints) / sizeof(ints[0]), strs, sizeof(strs) / sizeof(strs[0]));
	p->has_amount_paid = paid != 0;
	p->has_refund_amount = refunded != 0;
}

int return_load(struct request *r, long long id, struct return_request *out)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_RETURN_BY_ID, "i", id);
	if (st == DB_OK)
		load(&res, out);
	return st;
}

int return_load_path(struct request *r, struct return_request *out)
{
	int st = return_load(r, r->path_id, out);
	if (st == DB_OK && !out->id)
		return page_error(r, 404, "没有这个退换货申请。");
	return st;
}

int return_load_public(struct request *r, const char *public_no, const char *phone, struct return_request *out)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_RETURN_PUBLIC, "ss", public_no, phone);
	if (st == DB_OK)
		load(&res, out);
	return st;
}
