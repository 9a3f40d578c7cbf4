/* What is open at this moment, listed for a handover (交接班): counts and the first few of each kind. */
#include "open_work.h"

/* how many numbers of each kind a handover names */
#define FIRST_FEW "5"

struct open_kind {
	const char *kind, *label;
	const char *count_sql, *first_sql; /* first_sql: id, the number shown */
	const char *item_path, *list;
};

static const struct open_kind OPEN_KINDS[] = {
	{"repairs_overdue", "超时维修工单", "SELECT " CAPPED_COUNT(REPAIRS_OVERDUE),
	 "SELECT id, public_no FROM " REPAIRS_OVERDUE " ORDER BY due_at, id LIMIT " FIRST_FEW, "/staff/repairs/",
	 "/staff/repairs?overdue=1"},
	{"returns_overdue", "超时退换货", "SELECT " CAPPED_COUNT(RETURNS_OVERDUE),
	 "SELECT id, public_no FROM " RETURNS_OVERDUE " ORDER BY open_due, id LIMIT " FIRST_FEW, "/staff/returns/",
	 "/staff/returns?overdue=1"},
	{"waiting_parts", "等待配件的维修", "SELECT " CAPPED_COUNT(REPAIRS_WAITING_PARTS),
	 "SELECT id, public_no FROM " REPAIRS_WAITING_PARTS " ORDER BY id LIMIT " FIRST_FEW, "/staff/repairs/",
	 "/staff/repairs?status=waiting_parts"},
	{"callbacks_today", "今日到期回访", "SELECT " CAPPED_COUNT(CALLBACKS_DUE_TODAY),
	 "SELECT id, CONCAT('回访 #', id) FROM " CALLBACKS_DUE_TODAY " ORDER BY open_due, id LIMIT " FIRST_FEW,
	 "/staff/callbacks/", "/staff/callbacks?tab=today"},
	{"complaints_open", "未结投诉", "SELECT " CAPPED_COUNT(COMPLAINTS_OPEN),
	 "SELECT id, public_no FROM " COMPLAINTS_OPEN " ORDER BY id LIMIT " FIRST_FEW, "/staff/complaints/",
	 "/staff/complaints"},
};

const char *open_count_text(struct request *r, long long n)
{
	return n > OPEN_COUNT_CAP ? arena_printf(&r->arena, "%d+", OPEN_COUNT_CAP) : arena_printf(&r->arena, "%lld", n);
}

/* Adds kind k to d and returns its line of the snapshot ("超时维修工单 7：R…、R… 等"), or NULL with *st set. */
static const char *kind_fill(struct request *r, tmpl_dict *d, const struct open_kind *k, int *st)
{
	struct db_result count, first;
	*st = db_exec(r->db, &r->arena, &count, k->count_sql, "");
	if (*st == DB_OK)
		*st = db_exec(r->db, &r->arena, &first, k->first_sql, "");
	if (*st != DB_OK)
		return NULL;
	long long n = db_cell_int(&count, 0, 0);
	tmpl_dict *s = tmpl_section(d, "OPEN_KIND");
	tmpl_set(s, "KIND", k->kind);
	tmpl_set(s, "LABEL", k->label);
	tmpl_set(s, "COUNT", open_count_text(r, n));
	tmpl_set(s, "LIST", k->list);
	const char *line = arena_printf(&r->arena, "%s %s", k->label, open_count_text(r, n));
	for (size_t i = 0; i < first.nrows; i++) {
		tmpl_dict *item = tmpl_section(s, "ITEM");
		tmpl_set(item, "HREF", arena_printf(&r->arena, "%s%s", k->item_path, db_cell(&first, i, 0)));
		tmpl_set(item, "NO", db_cell(&first, i, 1));
		line = arena_printf(&r->arena, "%s%s%s", line, i ? "、" : "：", db_cell(&first, i, 1));
	}
	if ((long long)first.nrows < n) {
		tmpl_show(s, "MORE");
		line = arena_printf(&r->arena, "%s 等", line);
	}
	return line;
}

int open_work_fill(struct request *r, tmpl_dict *d, const char **snapshot)
{
	int st = DB_OK;
	const char *text = "";
	for (size_t i = 0; i < sizeof(OPEN_KINDS) / sizeof(OPEN_KINDS[0]); i++) {
		const char *line = kind_fill(r, d, &OPEN_KINDS[i], &st);
		if (!line)
			return st;
		text = arena_printf(&r->arena, "%s%s%s", text, i ? "\n" : "", line);
	}
	*snapshot = text;
	return DB_OK;
}
