/* Products and their warranty periods: the table every staff member reads, kept by supervisors. */
#include "audit.h"
#include "form.h"
#include "pages.h"
#include "response.h"
#include "valid.h"

#include <string.h>

static const char SQL_PRODUCTS[] =
	"SELECT id, name, warranty_months, active, category, brand, model FROM products "
	"ORDER BY active DESC, category, brand, model, name";
static const char SQL_PRODUCT[] = "SELECT id, name, warranty_months, active FROM products WHERE id = ?";
static const char SQL_PRODUCT_INSERT[] =
	"INSERT INTO products (name, category, brand, model, warranty_months, active) VALUES (?, ?, ?, ?, ?, 1)";
static const char SQL_PRODUCT_UPDATE[] =
	"UPDATE products SET name = ?, category = ?, brand = ?, model = ?, warranty_months = ?, active = ? WHERE id = ?";

static const char *valid_months(const char *v)
{
	long long m;
	return parse_int_range(v, 0, 240, &m) ? NULL : "请填写 0 到 240 之间的整数月数";
}

/* Fields of both forms; the add form has all but active. The name is the product's unique label (what
 * the public form's free text is matched to); category, brand and model are what staff pick by. */
enum { P_NAME, P_CATEGORY, P_BRAND, P_MODEL, P_MONTHS, P_ACTIVE };
static const struct field_rule PRODUCT[] = {
	{"name", 1, 64, valid_text_line},
	{"category", 0, 32, valid_text_line},
	{"brand", 0, 32, valid_text_line},
	{"model", 0, 64, valid_text_line},
	{"warranty_months", 1, 3, valid_months},
	{"active", 1, 1, valid_active_flag},
};
#define NEW_FIELDS 5
#define EDIT_FIELDS 6

/* Shows which option of the active select is chosen in a row's edit form. */
static void active_selected(tmpl_dict *e, const char *active)
{
	tmpl_show(e, active && !strcmp(active, "0") ? "OFF_SELECTED" : "ON_SELECTED");
}

/* The product table; supervisors get an edit form per row and the add form. Returns the dictionary of
 * the row with id edit_id in *edit_row (NULL when absent) and of the add form in *add. */
static int products_page(struct request *r, int status, long long edit_id, tmpl_dict **edit_row, tmpl_dict **add)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_PRODUCTS, "");
	if (st != DB_OK)
		return st;
	int editor = (r->sess.role & ROLES_SUPERVISOR) != 0;
	tmpl_dict *d = page_begin(r, status, "products.tpl", "产品与保修期");
	tmpl_set(d, "CSRF", r->sess.csrf);
	*edit_row = NULL;
	*add = editor ? tmpl_section(d, "ADD") : NULL;
	if (editor) {
		tmpl_show(d, "EDITOR");
		tmpl_set(*add, "warranty_months", "12");
	}
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *row = tmpl_section(d, "PRODUCT");
		tmpl_set(row, "ID", db_cell(&res, i, 0));
		tmpl_set(row, "NAME", db_cell(&res, i, 1));
		tmpl_set(row, "MONTHS", db_cell(&res, i, 2));
		tmpl_set(row, "CATEGORY", db_cell(&res, i, 4));
		tmpl_set(row, "BRAND", db_cell(&res, i, 5));
		tmpl_set(row, "MODEL", db_cell(&res, i, 6));
		tmpl_show(row, db_cell_int(&res, i, 3) ? "ACTIVE" : "INACTIVE");
		if (!editor)
			continue;
		tmpl_dict *e = tmpl_section(row, "EDIT");
		tmpl_set(e, "name", db_cell(&res, i, 1));
		tmpl_set(e, "warranty_months", db_cell(&res, i, 2));
		tmpl_set(e, "active", db_cell(&res, i, 3));
		tmpl_set(e, "category", db_cell(&res, i, 4));
		tmpl_set(e, "brand", db_cell(&res, i, 5));
		tmpl_set(e, "model", db_cell(&res, i, 6));
		if (db_cell_int(&res, i, 0) == edit_id)
			*edit_row = e;
		else
			active_selected(e, db_cell(&res, i, 3));
	}
	if (!res.nrows)
		tmpl_show(d, "EMPTY");
	return DB_OK;
}

/* GET /staff/products: every product with its warranty months. Answers 200. */
int page_products(struct request *r)
{
	tmpl_dict *row, *add;
	return products_page(r, 200, 0, &row, &add);
}

/* POST /staff/products (name, warranty_months). Answers 303 to the table, or 422 with the form
 * (bad field, name taken). */
int page_product_create(struct request *r)
{
	tmpl_dict *row, *add;
	int st = products_page(r, 422, 0, &row, &add);
	if (st != DB_OK)
		return st;
	const char *v[NEW_FIELDS];
	if (form_validate(r, PRODUCT, NEW_FIELDS, v, add))
		return 0;
	long long months;
	parse_int_range(v[P_MONTHS], 0, 240, &months);
	st = audited_exec(r, "product_create", v[P_NAME],
			  arena_printf(&r->arena, "%s %s %s，保修 %lld 个月", v[P_CATEGORY], v[P_BRAND], v[P_MODEL], months),
			  SQL_PRODUCT_INSERT, "ssssi", v[P_NAME], v[P_CATEGORY], v[P_BRAND], v[P_MODEL], months);
	if (st == DB_DUP) {
		form_error(r, add, "name", "该产品已存在");
		return 0;
	}
	if (st != DB_OK)
		return st;
	return page_redirect(r, "/staff/products");
}

/* POST /staff/products/# (name, warranty_months, active). Answers 303 to the table, 404, or 422 with
 * the row's form (bad field, name taken). */
int page_product_update(struct request *r)
{
	struct db_result p;
	int st = db_exec(r->db, &r->arena, &p, SQL_PRODUCT, "i", r->path_id);
	if (st != DB_OK)
		return st;
	if (!p.nrows)
		return page_error(r, 404, "没有这个产品。");
	tmpl_dict *row, *add;
	st = products_page(r, 422, r->path_id, &row, &add);
	if (st != DB_OK || !row)
		return st != DB_OK ? st : page_error(r, 404, "没有这个产品。");
	const char *v[EDIT_FIELDS];
	int errors = form_validate(r, PRODUCT, EDIT_FIELDS, v, row);
	active_selected(row, v[P_ACTIVE]);
	if (errors)
		return 0;
	long long months, active = v[P_ACTIVE][0] == '1';
	parse_int_range(v[P_MONTHS], 0, 240, &months);
	const char *detail = arena_printf(&r->arena, "%s -> %s（%s %s %s）, warranty %s -> %lld months, active %s -> %lld",
					  db_cell(&p, 0, 1), v[P_NAME], v[P_CATEGORY], v[P_BRAND], v[P_MODEL],
					  db_cell(&p, 0, 2), months, db_cell(&p, 0, 3), active);
	st = audited_exec(r, "product_update", v[P_NAME], detail, SQL_PRODUCT_UPDATE, "ssssiii", v[P_NAME], v[P_CATEGORY],
			  v[P_BRAND], v[P_MODEL], months, active, r->path_id);
	if (st == DB_DUP) {
		form_error(r, row, "name", "该产品已存在");
		return 0;
	}
	if (st != DB_OK)
		return st;
	return page_redirect(r, "/staff/products");
}
