/* 故障分类: the short list technicians pick from when resolving a repair, kept by supervisors. A
 * category in use is deactivated rather than deleted, so the reports keep naming old repairs. */
#include "audit.h"
#include "form.h"
#include "pages.h"
#include "response.h"
#include "valid.h"

static const char SQL_CATEGORIES[] = "SELECT id, name, sort, active FROM fault_categories ORDER BY active DESC, sort, id";
static const char SQL_CATEGORY[] = "SELECT id, name, sort, active FROM fault_categories WHERE id = ?";
static const char SQL_CATEGORY_INSERT[] = "INSERT INTO fault_categories (name, sort, active) VALUES (?, ?, 1)";
static const char SQL_CATEGORY_UPDATE[] = "UPDATE fault_categories SET name = ?, sort = ?, active = ? WHERE id = ?";

#define SORT_MAX 9999
#define NAME_TAKEN "已有同名的故障分类"

static const char *const ACTIVE_CHOICES[][2] = {{"1", "启用"}, {"0", "停用"}};

static const char *valid_sort(const char *v)
{
	long long n;
	return parse_int_range(v, 0, SORT_MAX, &n) ? NULL : "排序请填写 0 到 9999 之间的整数（小的在前）";
}

/* Fields of both forms; the add form uses the first two. */
static const struct field_rule CATEGORY[] = {
	{"name", 1, 32, valid_text_line},
	{"sort", 1, 4, valid_sort},
	{"active", 1, 1, valid_active_flag},
};
#define NEW_FIELDS 2
#define EDIT_FIELDS 3

/* The list with an edit form per row and the add form. *edit_row is the form of the row with id
 * edit_id (NULL when absent; its active select is left for the caller), *add the add form's. */
static int categories_page(struct request *r, int status, long long edit_id, tmpl_dict **edit_row, tmpl_dict **add)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_CATEGORIES, "");
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, status, "fault_categories.tpl", "故障分类");
	tmpl_set(d, "CSRF", r->sess.csrf);
	*edit_row = NULL;
	*add = tmpl_section(d, "ADD");
	/* a new category goes to the end unless a sort number is given */
	tmpl_set(*add, "sort", "500");
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *row = tmpl_section(d, "CATEGORY");
		tmpl_set(row, "ID", db_cell(&res, i, 0));
		tmpl_set(row, "NAME", db_cell(&res, i, 1));
		tmpl_set(row, "SORT", db_cell(&res, i, 2));
		tmpl_show(row, db_cell_int(&res, i, 3) ? "ACTIVE" : "INACTIVE");
		tmpl_set(row, "ACTIVE_CODE", db_cell(&res, i, 3));
		tmpl_dict *e = tmpl_section(row, "EDIT");
		tmpl_set(e, "name", db_cell(&res, i, 1));
		tmpl_set(e, "sort", db_cell(&res, i, 2));
		if (db_cell_int(&res, i, 0) == edit_id)
			*edit_row = e;
		else
			form_options(e, "ACTIVE_OPTION", ACTIVE_CHOICES, 2, db_cell(&res, i, 3));
	}
	if (!res.nrows)
		tmpl_show(d, "EMPTY");
	return DB_OK;
}

/* GET /staff/fault-categories. Answers 200. */
int page_fault_categories(struct request *r)
{
	tmpl_dict *row, *add;
	return categories_page(r, 200, 0, &row, &add);
}

/* POST /staff/fault-categories (name, sort). Answers 303 to the list, or 422 with the form (bad
 * field, name taken). */
int page_fault_category_create(struct request *r)
{
	tmpl_dict *row, *add;
	int st = categories_page(r, 422, 0, &row, &add);
	if (st != DB_OK)
		return st;
	const char *v[NEW_FIELDS];
	if (form_validate(r, CATEGORY, NEW_FIELDS, v, add))
		return 0;
	long long sort;
	parse_int_range(v[1], 0, SORT_MAX, &sort);
	st = audited_exec(r, "fault_category_create", v[0], arena_printf(&r->arena, "sort %lld", sort),
			  SQL_CATEGORY_INSERT, "si", v[0], sort);
	if (st == DB_DUP) {
		form_error(r, add, "name", NAME_TAKEN);
		return 0;
	}
	return st != DB_OK ? st : page_redirect(r, "/staff/fault-categories");
}

/* POST /staff/fault-categories/# (name, sort, active): rename, reorder, deactivate or activate.
 * Answers 303 to the list, 404, or 422 with the row's form (bad field, name taken). */
int page_fault_category_update(struct request *r)
{
	struct db_result c;
	int st = db_exec(r->db, &r->arena, &c, SQL_CATEGORY, "i", r->path_id);
	if (st != DB_OK)
		return st;
	if (!c.nrows)
		return page_error(r, 404, "没有这个故障分类。");
	tmpl_dict *row, *add;
	st = categories_page(r, 422, r->path_id, &row, &add);
	if (st != DB_OK || !row)
		return st != DB_OK ? st : page_error(r, 404, "没有这个故障分类。");
	const char *v[EDIT_FIELDS];
	int errors = form_validate(r, CATEGORY, EDIT_FIELDS, v, row);
	form_options(row, "ACTIVE_OPTION", ACTIVE_CHOICES, 2, v[2]);
	if (errors)
		return 0;
	long long sort, active = v[2][0] == '1';
	parse_int_range(v[1], 0, SORT_MAX, &sort);
	const char *detail = arena_printf(&r->arena, "%s -> %s, sort %s -> %lld, active %s -> %lld", db_cell(&c, 0, 1), v[0],
					  db_cell(&c, 0, 2), sort, db_cell(&c, 0, 3), active);
	st = audited_exec(r, "fault_category_update", v[0], detail, SQL_CATEGORY_UPDATE, "siii", v[0], sort, active,
			  r->path_id);
	if (st == DB_DUP) {
		form_error(r, row, "name", NAME_TAKEN);
		return 0;
	}
	return st != DB_OK ? st : page_redirect(r, "/staff/fault-categories");
}
