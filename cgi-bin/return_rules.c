/* Building a return's 三包 case from the database and deciding it. */
#include "return_rules.h"

#include <stdlib.h>
#include <string.h>

/* CURDATE() is the site's today: the connection's time_zone is the site's. */
static const char SQL_TODAY_WARRANTY[] =
	"SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d'), (SELECT warranty_months FROM products WHERE name = ? AND active = 1)";
/* One branch of the first part is switched off by the serial number being empty or not. UNION
 * drops the named repair when the first part has it already. */
static const char SQL_WARRANTY_REPAIRS[] =
	"SELECT r.id, r.public_no, DATE_FORMAT(r.created_at, '%Y-%m-%d'), r.status FROM repairs r "
	"WHERE r.status IN ('resolved','closed') AND COALESCE(r.return_id, 0) <> ? "
	"AND r.created_at >= ? AND r.created_at < DATE_ADD(?, INTERVAL 1 DAY) "
	"AND ((? <> '' AND r.serial_no = ?) OR (? = '' AND r.customer_id = ? AND r.product = ?)) "
	"UNION SELECT r.id, r.public_no, DATE_FORMAT(r.created_at, '%Y-%m-%d'), r.status FROM repairs r "
	"WHERE r.public_no = ? AND r.contact_phone = ? AND r.status IN ('resolved','closed') "
	"AND COALESCE(r.return_id, 0) <> ? ORDER BY 1";

int return_rules_load(struct request *r, const struct return_request *t, struct return_rules *out)
{
	struct db_result res;
	memset(out, 0, sizeof(*out));
	int st = db_exec(r->db, &r->arena, &res, SQL_TODAY_WARRANTY, "s", t->product);
	if (st != DB_OK)
		return st;
	const char *months = db_cell(&res, 0, 1);
	out->c.today = sanbao_day(db_cell(&res, 0, 0));
	out->c.warranty_months = months ? atoi(months) : r->cfg->default_warranty_months;
	out->c.purchase_day = sanbao_day(t->purchase_date);
	out->c.online = t->bought_online && !strcmp(t->bought_online, "1");
	out->c.fault = t->has_fault && !strcmp(t->has_fault, "1");
	if (out->c.purchase_day >= 0) {
		char end[11];
		sanbao_format(out->c.warranty_months > 0
				      ? sanbao_warranty_end(out->c.purchase_day, out->c.warranty_months)
				      : out->c.purchase_day, end);
		const char *serial = t->serial_no ? t->serial_no : "";
		st = db_exec(r->db, &r->arena, &out->repairs, SQL_WARRANTY_REPAIRS, "isssssisssi", t->id,
			     t->purchase_date, end, serial, serial, serial, t->customer_id, t->product,
			     t->repair_no ? t->repair_no : "", t->contact_phone, t->id);
		if (st != DB_OK)
			return st;
		out->c.warranty_repairs = (int)out->repairs.nrows;
	}
	sanbao_decide(&r->cfg->sanbao, &out->c, &out->v);
	return DB_OK;
}

const char *sanbao_allowed_text(unsigned allowed)
{
	static const char *const texts[8] = {
		"无（可付费维修）", "退货", "换货", "退货或换货", "修理", "退货或修理", "换货或修理", "退货、换货或修理",
	};
	return texts[allowed & 7];
}
