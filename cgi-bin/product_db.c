/* Picking a repair's product from the products table. */
#include "product_db.h"
#include "form.h"
#include "valid.h"

static const char SQL_PRODUCT_OPTIONS[] =
	"SELECT id, CONCAT_WS(' · ', NULLIF(category, ''), NULLIF(brand, ''), NULLIF(model, '')), name, "
	"warranty_months FROM products WHERE active = 1 OR id = ? ORDER BY category, brand, model, name";
static const char SQL_PRODUCT_PICKED[] = "SELECT name, model FROM products WHERE id = ? AND active = 1";

int product_options(struct request *r, tmpl_dict *d, const char *section, const char *selected)
{
	long long id = 0;
	struct db_result res;
	if (!selected || !parse_id(selected, &id))
		id = 0;
	int st = db_exec(r->db, &r->arena, &res, SQL_PRODUCT_OPTIONS, "i", id);
	for (size_t i = 0; st == DB_OK && i < res.nrows; i++) {
		const char *what = db_cell(&res, i, 1), *name = db_cell(&res, i, 2);
		const char *label = arena_printf(&r->arena, "%s（%s，保修 %s 个月）", what && *what ? what : name, name,
						 db_cell(&res, i, 3));
		const char *const choice[1][2] = {{db_cell(&res, i, 0), label}};
		form_options(d, section, choice, 1, selected);
	}
	return st;
}

int product_pick(struct request *r, long long *id, const char **name, const char **model, const char **refusal)
{
	const char *given = form_trimmed(r, "product_id");
	*id = 0;
	if (!*given)
		return DB_OK;
	struct db_result res;
	int st = DB_OK;
	if (parse_id(given, id))
		st = db_exec(r->db, &r->arena, &res, SQL_PRODUCT_PICKED, "i", *id);
	if (st != DB_OK)
		return st;
	if (!*id || !res.nrows) {
		*id = 0;
		*refusal = "所选产品不存在或已停用";
		return DB_OK;
	}
	*name = db_cell(&res, 0, 0);
	*model = db_cell(&res, 0, 1);
	return DB_OK;
}
