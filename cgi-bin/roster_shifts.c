/* Shift types of the duty roster: the table everyone reads, kept by admins and supervisors. */
#include "audit.h"
#include "form.h"
#include "pages.h"
#include "response.h"
#include "roles.h"
#include "shift_types.h"
#include "valid.h"

#include <string.h>

static const char SQL_TYPE[] = "SELECT id, name, version FROM shift_types WHERE id = ?";
static const char SQL_INSERT[] =
	"INSERT INTO shift_types (name, start_min, end_min, roles, min_staff, duty_officer, color, active) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, 1)";
static const char SQL_UPDATE[] =
	"UPDATE shift_types SET name = ?, start_min = ?, end_min = ?, roles = ?, min_staff = ?, duty_officer = ?, "
	"color = ?, active = ?, version = version + 1 WHERE id = ? AND version = ?";

/* The roles a shift type can ask for; admins take any shift whose type names no role. */
static const char *const NEEDED_ROLES[] = {"agent", "technician", "supervisor"};
#define NEEDED_N (sizeof(NEEDED_ROLES) / sizeof(NEEDED_ROLES[0]))

static const char *valid_hhmm(const char *v)
{
	return shift_min_parse(v) < 0 ? "请按 时:分 填写，如 08:00 或 22:30" : NULL;
}

static const char *valid_min_staff(const char *v)
{
	long long n;
	return parse_int_range(v, 0, 99, &n) ? NULL : "请填写 0 到 99 之间的人数";
}

static const char *valid_color(const char *v)
{
	if (strlen(v) != 7 || v[0] != '#')
		return "请填写 #rrggbb 形式的颜色，如 #1f6feb";
	for (int i = 1; i < 7; i++)
		if (!strchr("0123456789abcdefABCDEF", v[i]))
			return "请填写 #rrggbb 形式的颜色，如 #1f6feb";
	return NULL;
}

/* Fields of both forms; the add form uses the first five, the role and duty checkboxes are read apart. */
static const struct field_rule SHIFT[] = {
	{"name", 1, 32, valid_text_line},
	{"start", 1, 5, valid_hhmm},
	{"end", 1, 5, valid_hhmm},
	{"min_staff", 1, 2, valid_min_staff},
	{"color", 1, 7, valid_color},
	{"active", 1, 1, valid_active_flag},
};
enum { F_NAME, F_START, F_END, F_MIN, F_COLOR, F_ACTIVE };
#define NEW_FIELDS 5
#define EDIT_FIELDS 6

/* The role checkboxes and the duty-officer box of a form, checked as roles (a comma list) and duty say. */
static void role_boxes(tmpl_dict *form, const char *roles, int duty)
{
	for (size_t i = 0; i < NEEDED_N; i++) {
		tmpl_dict *o = tmpl_section(form, "ROLE");
		tmpl_set(o, "CODE", NEEDED_ROLES[i]);
		tmpl_set(o, "LABEL", role_label(role_from_code(NEEDED_ROLES[i])));
		if (*roles && shift_role_needed(roles, NEEDED_ROLES[i]))
			tmpl_show(o, "CHECKED");
	}
	if (duty)
		tmpl_show(form, "DUTY_CHECKED");
}

/* The roles ticked on the submitted form as a comma list of codes, in the arena. */
static const char *roles_posted(struct request *r)
{
	const char *list = "";
	for (size_t i = 0; i < NEEDED_N; i++) {
		const char *v = form_get(r, arena_printf(&r->arena, "role_%s", NEEDED_ROLES[i]));
		if (v && *v)
			list = arena_printf(&r->arena, "%s%s%s", list, *list ? "," : "", NEEDED_ROLES[i]);
	}
	return list;
}

/* The table; editors get an edit form per row and the add form. Returns the dictionary of the row
 * with id edit_id in *edit_row (NULL when absent) and of the add form in *add (NULL for readers). */
static int shifts_page(struct request *r, int status, long long edit_id, tmpl_dict **edit_row, tmpl_dict **add)
{
	struct db_result res;
	int st = shift_types_load(r, 0, &res);
	if (st != DB_OK)
		return st;
	int editor = (r->sess.role & ROLES_SUPERVISOR) != 0;
	tmpl_dict *d = page_begin(r, status, "shift_types.tpl", "班次设置");
	tmpl_set(d, "CSRF", r->sess.csrf);
	*edit_row = NULL;
	*add = NULL;
	if (editor) {
		tmpl_show(d, "EDITOR");
		*add = tmpl_section(d, "ADD");
		tmpl_set(*add, "min_staff", "1");
		tmpl_set(*add, "color", "#1f6feb");
	}
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *row = tmpl_section(d, "SHIFT");
		int start = (int)db_cell_int(&res, i, ST_START), end = (int)db_cell_int(&res, i, ST_END);
		tmpl_set(row, "ID", db_cell(&res, i, ST_ID));
		tmpl_set(row, "NAME", db_cell(&res, i, ST_NAME));
		tmpl_set(row, "COLOR", db_cell(&res, i, ST_COLOR));
		tmpl_set(row, "SPAN", shift_span_text(&r->arena, start, end));
		tmpl_set(row, "ROLES", shift_roles_text(&r->arena, db_cell(&res, i, ST_ROLES)));
		tmpl_set(row, "MIN_STAFF", db_cell(&res, i, ST_MIN_STAFF));
		if (db_cell_int(&res, i, ST_DUTY))
			tmpl_show(row, "DUTY");
		tmpl_show(row, db_cell_int(&res, i, ST_ACTIVE) ? "ACTIVE" : "INACTIVE");
		if (!editor)
			continue;
		tmpl_dict *e = tmpl_section(row, "EDIT");
		tmpl_set(e, "name", db_cell(&res, i, ST_NAME));
		tmpl_set(e, "start", shift_min_text(&r->arena, start));
		tmpl_set(e, "end", shift_min_text(&r->arena, end));
		tmpl_set(e, "min_staff", db_cell(&res, i, ST_MIN_STAFF));
		tmpl_set(e, "color", db_cell(&res, i, ST_COLOR));
		tmpl_set(e, "VERSION", db_cell(&res, i, ST_VERSION));
		if (db_cell_int(&res, i, ST_ID) == edit_id) {
			*edit_row = e;
			continue;
		}
		role_boxes(e, db_cell(&res, i, ST_ROLES), (int)db_cell_int(&res, i, ST_DUTY));
		tmpl_show(e, db_cell_int(&res, i, ST_ACTIVE) ? "ON_SELECTED" : "OFF_SELECTED");
	}
	if (!res.nrows)
		tmpl_show(d, "EMPTY");
	return DB_OK;
}

/* GET /staff/shifts: every shift type. Answers 200. */
int page_shift_types(struct request *r)
{
	tmpl_dict *row, *add;
	int st = shifts_page(r, 200, 0, &row, &add);
	if (st == DB_OK && add)
		role_boxes(add, "", 0);
	return st;
}

/* A shift type as posted: the checked fields plus the roles and the duty flag, kept on form. */
struct shift_posted {
	const char *v[EDIT_FIELDS];
	const char *roles;
	int duty;
	long long start, end, min_staff;
};

static int shift_read(struct request *r, size_t nfields, tmpl_dict *form, struct shift_posted *s)
{
	int errors = form_validate(r, SHIFT, nfields, s->v, form);
	const char *duty = form_get(r, "duty_officer");
	s->roles = roles_posted(r);
	s->duty = duty && *duty;
	role_boxes(form, s->roles, s->duty);
	s->start = shift_min_parse(s->v[F_START]);
	s->end = shift_min_parse(s->v[F_END]);
	parse_int_range(s->v[F_MIN], 0, 99, &s->min_staff);
	if (!errors && s->start == s->end) {
		form_error(r, form, "end", "结束时间不能与开始时间相同");
		errors++;
	}
	return errors;
}

static const char *shift_detail(struct request *r, const struct shift_posted *s)
{
	return arena_printf(&r->arena, "%s %s roles=%s min=%lld duty=%d color=%s", s->v[F_NAME],
			    shift_span_text(&r->arena, (int)s->start, (int)s->end), s->roles, s->min_staff, s->duty,
			    s->v[F_COLOR]);
}

/* POST /staff/shifts (name, start, end, role_*, min_staff, duty_officer, color). Answers 303 to the
 * table, or 422 with the form (bad field, name taken). */
int page_shift_type_create(struct request *r)
{
	tmpl_dict *row, *add;
	int st = shifts_page(r, 422, 0, &row, &add);
	if (st != DB_OK)
		return st;
	struct shift_posted s;
	if (shift_read(r, NEW_FIELDS, add, &s))
		return 0;
	st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_INSERT, "siisiis", s.v[F_NAME], s.start, s.end, s.roles,
			     s.min_staff, (long long)s.duty, s.v[F_COLOR]);
	if (st == DB_DUP) {
		db_rollback(r->db);
		form_error(r, add, "name", "已有同名班次");
		return 0;
	}
	if (st == DB_OK)
		st = audit_record(r, "shift_type_create", s.v[F_NAME], shift_detail(r, &s));
	if (st == DB_OK)
		st = db_commit(r->db);
	return st != DB_OK ? st : page_redirect(r, "/staff/shifts");
}

/* POST /staff/shifts/# (the fields of create, active, version). Answers 303 to the table, 404, 409
 * when someone changed the type since the page was loaded, or 422 with the row's form. */
int page_shift_type_update(struct request *r)
{
	struct db_result t;
	int st = db_exec(r->db, &r->arena, &t, SQL_TYPE, "i", r->path_id);
	if (st != DB_OK)
		return st;
	if (!t.nrows)
		return page_error(r, 404, "没有这个班次。");
	tmpl_dict *row, *add;
	st = shifts_page(r, 422, r->path_id, &row, &add);
	if (st != DB_OK || !row)
		return st != DB_OK ? st : page_error(r, 404, "没有这个班次。");
	role_boxes(add, "", 0);
	struct shift_posted s;
	int errors = shift_read(r, EDIT_FIELDS, row, &s);
	tmpl_show(row, !strcmp(s.v[F_ACTIVE], "0") ? "OFF_SELECTED" : "ON_SELECTED");
	long long version;
	if (!parse_int_range(form_trimmed(r, "version"), 1, 2147483647LL, &version))
		return page_error(r, 400, "缺少版本号。");
	if (errors)
		return 0;
	long long active = s.v[F_ACTIVE][0] == '1';
	struct db_result res;
	st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_UPDATE, "siisiisiii", s.v[F_NAME], s.start, s.end, s.roles,
			     s.min_staff, (long long)s.duty, s.v[F_COLOR], active, r->path_id, version);
	if (st == DB_DUP) {
		db_rollback(r->db);
		form_error(r, row, "name", "已有同名班次");
		return 0;
	}
	if (st == DB_OK && res.affected == 0) {
		db_rollback(r->db);
		return page_error(r, 409, "该班次已被他人修改，请刷新页面后重试。");
	}
	if (st == DB_OK)
		st = audit_record(r, "shift_type_update", db_cell(&t, 0, 1),
				  arena_printf(&r->arena, "%s active=%lld", shift_detail(r, &s), active));
	if (st == DB_OK)
		st = db_commit(r->db);
	return st != DB_OK ? st : page_redirect(r, "/staff/shifts");
}
