/* GET /staff/roster: the month as a grid of staff and days, one person's month, or one day. */
#include "pages.h"
#include "response.h"
#include "roles.h"
#include "roster_db.h"
#include "roster_grid.h"
#include "sanbao.h"
#include "shift_types.h"
#include "valid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Active staff and whoever has a shift in the month, grouped by role. */
static const char SQL_STAFF[] =
	"SELECT id, display_name, role, active FROM users "
	"WHERE active = 1 OR id IN (SELECT user_id FROM roster WHERE day BETWEEN ? AND ?) "
	"ORDER BY FIELD(role, 'supervisor', 'agent', 'technician', 'admin'), display_name, id";
static const char SQL_ROWS[] =
	"SELECT r.id, r.user_id, DATEDIFF(r.day, ?), r.shift_type_id, t.name, t.color, t.start_min, t.end_min "
	"FROM roster r JOIN shift_types t ON t.id = r.shift_type_id WHERE r.day BETWEEN ? AND ? "
	"ORDER BY r.day, t.start_min, t.id";
static const char SQL_HOLIDAYS[] = "SELECT DATEDIFF(day, ?), name FROM holidays WHERE day BETWEEN ? AND ? AND kind = 'holiday'";

enum { S_ID, S_NAME, S_ROLE, S_ACTIVE };
enum { R_ID, R_USER, R_DAY, R_TYPE, R_NAME, R_COLOR, R_START, R_END };

static const char *const WEEKDAYS[] = {"日", "一", "二", "三", "四", "五", "六"};

int roster_month_parse(const char *ym, struct roster_month *m)
{
	if (!ym || strlen(ym) != 7)
		return -1;
	char first[11];
	snprintf(first, sizeof(first), "%s-01", ym);
	if (valid_date(first))
		return -1;
	memcpy(m->ym, ym, 8);
	m->first = sanbao_day(first);
	int y = atoi(ym), mo = atoi(ym + 5);
	char next[32];
	snprintf(next, sizeof(next), "%04d-%02d-01", mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1);
	m->ndays = (int)(sanbao_day(next) - m->first);
	return 0;
}

void roster_month_of(long long day, struct roster_month *m)
{
	char text[11];
	sanbao_format(day, text);
	text[7] = '\0';
	roster_month_parse(text, m);
}

/* The month's data: staff, shifts, holidays, version, and today's index in it (-1 outside). */
struct grid {
	const struct roster_month *m;
	struct db_result staff, rows, types, holidays;
	long long version;
	int today;
	long long *sorted_ids;   /* staff ids ascending, for finding a row's person */
	size_t *sorted_rows;
	int *cell_head, *next;   /* the shifts of (person, day): a list through next[], in day order */
	const char **holiday;    /* per day: the holiday's name or NULL */
	const char **date;       /* per day: "YYYY-MM-DD" */
	const char **marks;      /* per day: its classes (weekend, holiday, today), "" for none */
	int *covered;            /* per active type and day: people of the needed roles */
	long long *need;         /* per active type: its min_staff */
};

static const char *day_text(struct request *r, long long day)
{
	char *out = arena_alloc(&r->arena, 11);
	sanbao_format(day, out);
	return out;
}

/* The staff row of user id, or -1. */
static long long staff_index(const struct grid *g, long long id)
{
	size_t lo = 0, hi = g->staff.nrows;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (g->sorted_ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->staff.nrows && g->sorted_ids[lo] == id ? (long long)g->sorted_rows[lo] : -1;
}

static int type_index(const struct grid *g, long long type_id)
{
	for (size_t t = 0; t < g->types.nrows; t++)
		if (db_cell_int(&g->types, t, ST_ID) == type_id)
			return (int)t;
	return -1;
}

static int weekday(long long day)
{
	return (int)(((day + 4) % 7 + 7) % 7);   /* 1970-01-01 was a Thursday */
}

/* The classes of a day: a day off of the working week, a holiday, today. */
static const char *day_marks(struct request *r, const struct grid *g, int d)
{
	int off = !(r->cfg->workdays & (1 << weekday(g->m->first + d)));
	const char *m = arena_printf(&r->arena, "%s%s%s", off ? " weekend" : "", g->holiday[d] ? " holiday" : "",
				     d == g->today ? " today" : "");
	return *m ? m + 1 : m;
}

/* A day's date and, when it has any, its classes (section MARK) on x. */
static void day_set(const struct grid *g, tmpl_dict *x, int d)
{
	tmpl_set(x, "DATE", g->date[d]);
	if (*g->marks[d])
		tmpl_set(tmpl_section(x, "MARK"), "CLASS", g->marks[d]);
}

static int grid_load(struct request *r, const struct roster_month *m, struct grid *g)
{
	memset(g, 0, sizeof(*g));
	g->m = m;
	const char *first = day_text(r, m->first), *last = day_text(r, m->first + m->ndays - 1);
	int st = db_exec(r->db, &r->arena, &g->staff, SQL_STAFF, "ss", first, last);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &g->rows, SQL_ROWS, "sss", first, first, last);
	if (st == DB_OK)
		st = shift_types_load(r, 1, &g->types);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &g->holidays, SQL_HOLIDAYS, "sss", first, first, last);
	if (st == DB_OK)
		st = roster_month_version(r, m->ym, &g->version);
	if (st != DB_OK)
		return st;
	long long today = sanbao_today((long long)time(NULL), r->cfg->timezone) - m->first;
	g->today = today >= 0 && today < m->ndays ? (int)today : -1;

	size_t ns = g->staff.nrows, nd = (size_t)m->ndays;
	g->sorted_ids = arena_alloc(&r->arena, (ns + 1) * sizeof(long long));
	g->sorted_rows = arena_alloc(&r->arena, (ns + 1) * sizeof(size_t));
	for (size_t i = 0; i < ns; i++) {
		/* insertion sort: at most a few hundred people */
		long long id = db_cell_int(&g->staff, i, S_ID);
		size_t k = i;
		for (; k > 0 && g->sorted_ids[k - 1] > id; k--) {
			g->sorted_ids[k] = g->sorted_ids[k - 1];
			g->sorted_rows[k] = g->sorted_rows[k - 1];
		}
		g->sorted_ids[k] = id;
		g->sorted_rows[k] = i;
	}
	g->cell_head = arena_alloc(&r->arena, (ns * nd + 1) * sizeof(int));
	g->next = arena_alloc(&r->arena, (g->rows.nrows + 1) * sizeof(int));
	g->covered = arena_alloc(&r->arena, (g->types.nrows * nd + 1) * sizeof(int));
	g->holiday = arena_alloc(&r->arena, (nd + 1) * sizeof(const char *));
	for (size_t i = 0; i < ns * nd; i++)
		g->cell_head[i] = -1;
	memset(g->covered, 0, (g->types.nrows * nd + 1) * sizeof(int));
	memset(g->holiday, 0, (nd + 1) * sizeof(const char *));
	for (size_t i = g->rows.nrows; i-- > 0;) {
		long long s = staff_index(g, db_cell_int(&g->rows, i, R_USER));
		long long day = db_cell_int(&g->rows, i, R_DAY);
		if (s < 0 || day < 0 || day >= m->ndays)
			continue;
		size_t cell = (size_t)s * nd + (size_t)day;
		g->next[i] = g->cell_head[cell];
		g->cell_head[cell] = (int)i;
		int t = type_index(g, db_cell_int(&g->rows, i, R_TYPE));
		if (t >= 0 && shift_role_needed(db_cell(&g->types, t, ST_ROLES), db_cell(&g->staff, s, S_ROLE)))
			g->covered[(size_t)t * nd + (size_t)day]++;
	}
	for (size_t i = 0; i < g->holidays.nrows; i++) {
		long long day = db_cell_int(&g->holidays, i, 0);
		if (day >= 0 && day < m->ndays)
			g->holiday[day] = db_cell(&g->holidays, i, 1);
	}
	g->need = arena_alloc(&r->arena, (g->types.nrows + 1) * sizeof(long long));
	for (size_t t = 0; t < g->types.nrows; t++)
		g->need[t] = db_cell_int(&g->types, t, ST_MIN_STAFF);
	g->date = arena_alloc(&r->arena, (nd + 1) * sizeof(const char *));
	g->marks = arena_alloc(&r->arena, (nd + 1) * sizeof(const char *));
	for (size_t d = 0; d < nd; d++) {
		g->date[d] = day_text(r, m->first + (long long)d);
		g->marks[d] = day_marks(r, g, (int)d);
	}
	return DB_OK;
}

static int under_covered(const struct grid *g, size_t t, int d)
{
	return g->covered[t * (size_t)g->m->ndays + (size_t)d] < g->need[t];
}

/* One shift tag of roster row i into section name of parent. */
static tmpl_dict *shift_tag(const struct grid *g, tmpl_dict *parent, const char *name, size_t i)
{
	tmpl_dict *s = tmpl_section(parent, name);
	tmpl_set(s, "ROSTER_ID", db_cell(&g->rows, i, R_ID));
	tmpl_set(s, "NAME", db_cell(&g->rows, i, R_NAME));
	tmpl_set(s, "TYPE", db_cell(&g->rows, i, R_TYPE));
	return s;
}

static void month_links(struct request *r, tmpl_dict *d, const struct roster_month *m)
{
	struct roster_month prev, next;
	roster_month_of(m->first - 1, &prev);
	roster_month_of(m->first + m->ndays, &next);
	tmpl_set(d, "MONTH", m->ym);
	tmpl_set(d, "MONTH_LABEL", arena_printf(&r->arena, "%.4s 年 %s 月", m->ym, m->ym[5] == '0' ? m->ym + 6 : m->ym + 5));
	tmpl_set(d, "PREV", prev.ym);
	tmpl_set(d, "NEXT", next.ym);
}

/* The person select of the one-person view and of the assign form. */
static void staff_options(const struct grid *g, tmpl_dict *d, const char *section, long long selected)
{
	for (size_t i = 0; i < g->staff.nrows; i++) {
		if (!db_cell_int(&g->staff, i, S_ACTIVE))
			continue;
		tmpl_dict *o = tmpl_section(d, section);
		tmpl_set(o, "ID", db_cell(&g->staff, i, S_ID));
		tmpl_set(o, "NAME", db_cell(&g->staff, i, S_NAME));
		if (db_cell_int(&g->staff, i, S_ID) == selected)
			tmpl_show(o, "SELECTED");
	}
}

/* The assign form above the grid, keeping what was posted; and the remove form the tags' buttons use. */
static void editor_forms(struct request *r, const struct grid *g, tmpl_dict *d)
{
	tmpl_show(d, "EDITOR");
	tmpl_dict *f = tmpl_section(d, "ASSIGN");
	long long user = 0, type = 0;
	parse_id(form_get(r, "user_id") ? form_get(r, "user_id") : "", &user);
	parse_id(form_get(r, "shift_type_id") ? form_get(r, "shift_type_id") : "", &type);
	const char *day = form_get(r, "day");
	tmpl_set(f, "day", day && !valid_date(day) ? day : day_text(r, g->today >= 0 ? g->m->first + g->today : g->m->first));
	tmpl_set(f, "DAY_MIN", day_text(r, g->m->first));
	tmpl_set(f, "DAY_MAX", day_text(r, g->m->first + g->m->ndays - 1));
	staff_options(g, f, "PERSON", user);
	for (size_t t = 0; t < g->types.nrows; t++) {
		tmpl_dict *o = tmpl_section(f, "TYPE");
		tmpl_set(o, "ID", db_cell(&g->types, t, ST_ID));
		tmpl_set(o, "NAME", db_cell(&g->types, t, ST_NAME));
		tmpl_set(o, "SPAN", shift_span_text(&r->arena, (int)db_cell_int(&g->types, t, ST_START),
						     (int)db_cell_int(&g->types, t, ST_END)));
		if (db_cell_int(&g->types, t, ST_ID) == type)
			tmpl_show(o, "SELECTED");
	}
}

static void grid_fill(struct request *r, const struct grid *g, tmpl_dict *d, int editor)
{
	int nd = g->m->ndays;
	tmpl_dict *view = tmpl_section(d, "GRID");
	tmpl_set_int(view, "COLS", nd + 1);
	for (int day = 0; day < nd; day++) {
		tmpl_dict *h = tmpl_section(view, "DAY");
		day_set(g, h, day);
		tmpl_set_int(h, "D", day + 1);
		tmpl_set(h, "WD", WEEKDAYS[weekday(g->m->first + day)]);
		tmpl_set(h, "HOLIDAY", g->holiday[day]);
	}
	const char *role = NULL;
	for (size_t s = 0; s < g->staff.nrows; s++) {
		tmpl_dict *row = tmpl_section(view, "ROW");
		if (!role || strcmp(role, db_cell(&g->staff, s, S_ROLE))) {
			role = db_cell(&g->staff, s, S_ROLE);
			tmpl_dict *grp = tmpl_section(row, "GROUP");
			tmpl_set(grp, "LABEL", role_label(role_from_code(role)));
			tmpl_set_int(grp, "COLS", nd + 1);
		}
		tmpl_set(row, "ID", db_cell(&g->staff, s, S_ID));
		tmpl_set(row, "NAME", db_cell(&g->staff, s, S_NAME));
		if (!db_cell_int(&g->staff, s, S_ACTIVE))
			tmpl_show(row, "INACTIVE");
		for (int day = 0; day < nd; day++) {
			tmpl_dict *c = tmpl_section(row, "CELL");
			day_set(g, c, day);
			for (int i = g->cell_head[s * (size_t)nd + (size_t)day]; i >= 0; i = g->next[i]) {
				tmpl_dict *tag = shift_tag(g, c, "SHIFT", (size_t)i);
				if (editor)
					tmpl_show(tag, "REMOVE");
			}
		}
	}
	for (int day = 0; day < nd; day++) {
		tmpl_dict *w = tmpl_section(view, "WARN_DAY");
		day_set(g, w, day);
		for (size_t t = 0; t < g->types.nrows; t++) {
			if (!under_covered(g, t, day))
				continue;
			tmpl_dict *x = tmpl_section(w, "WARN");
			tmpl_set(x, "TYPE", db_cell(&g->types, t, ST_ID));
			tmpl_set(x, "NAME", db_cell(&g->types, t, ST_NAME));
			tmpl_set_int(x, "HAVE", g->covered[t * (size_t)nd + (size_t)day]);
			tmpl_set(x, "NEED", db_cell(&g->types, t, ST_MIN_STAFF));
		}
	}
	for (size_t t = 0; t < g->types.nrows; t++) {
		tmpl_dict *c = tmpl_section(view, "COVERAGE");
		int full = 0;
		for (int day = 0; day < nd; day++)
			full += !under_covered(g, t, day);
		tmpl_set(c, "TYPE", db_cell(&g->types, t, ST_ID));
		tmpl_set(c, "NAME", db_cell(&g->types, t, ST_NAME));
		tmpl_set(c, "COLOR", db_cell(&g->types, t, ST_COLOR));
		tmpl_set(c, "SPAN", shift_span_text(&r->arena, (int)db_cell_int(&g->types, t, ST_START),
						     (int)db_cell_int(&g->types, t, ST_END)));
		tmpl_set(c, "ROLES", shift_roles_text(&r->arena, db_cell(&g->types, t, ST_ROLES)));
		tmpl_set(c, "NEED", db_cell(&g->types, t, ST_MIN_STAFF));
		tmpl_set_int(c, "FULL", full);
		tmpl_set_int(c, "DAYS", nd);
		if (full < nd)
			tmpl_show(c, "SHORT");
	}
	if (!g->types.nrows)
		tmpl_show(view, "NO_TYPES");
}

/* One person's month as a list of days. */
static void user_fill(struct request *r, const struct grid *g, tmpl_dict *d, long long s)
{
	tmpl_dict *view = tmpl_section(d, "USER_VIEW");
	tmpl_set(view, "ID", db_cell(&g->staff, s, S_ID));
	tmpl_set(view, "NAME", db_cell(&g->staff, s, S_NAME));
	tmpl_set(view, "ROLE", role_label(role_from_code(db_cell(&g->staff, s, S_ROLE))));
	int nd = g->m->ndays, shifts = 0;
	for (int day = 0; day < nd; day++) {
		tmpl_dict *row = tmpl_section(view, "DAY");
		day_set(g, row, day);
		tmpl_set(row, "WD", WEEKDAYS[weekday(g->m->first + day)]);
		tmpl_set(row, "HOLIDAY", g->holiday[day]);
		int any = 0;
		for (int i = g->cell_head[(size_t)s * (size_t)nd + (size_t)day]; i >= 0; i = g->next[i], any = 1, shifts++)
			tmpl_set(shift_tag(g, row, "SHIFT", (size_t)i), "SPAN",
				 shift_span_text(&r->arena, (int)db_cell_int(&g->rows, i, R_START), (int)db_cell_int(&g->rows, i, R_END)));
		if (!any)
			tmpl_show(row, "OFF");
	}
	tmpl_set_int(view, "SHIFTS", shifts);
}

/* One day: each shift type with its people, and the types short of people. */
static void day_fill(struct request *r, const struct grid *g, tmpl_dict *d, int day)
{
	tmpl_dict *view = tmpl_section(d, "DAY_VIEW");
	tmpl_set(view, "DATE", g->date[day]);
	tmpl_set(view, "WD", WEEKDAYS[weekday(g->m->first + day)]);
	tmpl_set(view, "HOLIDAY", g->holiday[day]);
	tmpl_set(view, "PREV_DAY", day_text(r, g->m->first + day - 1));
	tmpl_set(view, "NEXT_DAY", day_text(r, g->m->first + day + 1));
	for (size_t t = 0; t < g->types.nrows; t++) {
		tmpl_dict *s = tmpl_section(view, "TYPE");
		long long id = db_cell_int(&g->types, t, ST_ID);
		tmpl_set(s, "ID", db_cell(&g->types, t, ST_ID));
		tmpl_set(s, "NAME", db_cell(&g->types, t, ST_NAME));
		tmpl_set(s, "COLOR", db_cell(&g->types, t, ST_COLOR));
		tmpl_set(s, "SPAN", shift_span_text(&r->arena, (int)db_cell_int(&g->types, t, ST_START),
						     (int)db_cell_int(&g->types, t, ST_END)));
		if (db_cell_int(&g->types, t, ST_DUTY))
			tmpl_show(s, "DUTY");
		int people = 0;
		for (size_t i = 0; i < g->rows.nrows; i++) {
			if (db_cell_int(&g->rows, i, R_DAY) != day || db_cell_int(&g->rows, i, R_TYPE) != id)
				continue;
			long long who = staff_index(g, db_cell_int(&g->rows, i, R_USER));
			if (who < 0)
				continue;
			tmpl_dict *p = tmpl_section(s, "PERSON");
			tmpl_set(p, "ID", db_cell(&g->staff, who, S_ID));
			tmpl_set(p, "NAME", db_cell(&g->staff, who, S_NAME));
			tmpl_set(p, "ROLE", role_label(role_from_code(db_cell(&g->staff, who, S_ROLE))));
			people++;
		}
		if (!people)
			tmpl_show(s, "NOBODY");
		if (under_covered(g, t, day)) {
			tmpl_dict *w = tmpl_section(s, "SHORT");
			tmpl_set_int(w, "HAVE", g->covered[t * (size_t)g->m->ndays + (size_t)day]);
			tmpl_set(w, "NEED", db_cell(&g->types, t, ST_MIN_STAFF));
		}
	}
}

/* One SVG symbol per shift type in the month's shifts, so a tag refers to its colour in a few bytes. */
static void colour_symbols(struct request *r, const struct grid *g, tmpl_dict *d)
{
	long long *seen = arena_alloc(&r->arena, (g->rows.nrows + 1) * sizeof(long long));
	size_t n = 0;
	for (size_t i = 0; i < g->rows.nrows; i++) {
		long long id = db_cell_int(&g->rows, i, R_TYPE);
		size_t k = 0;
		while (k < n && seen[k] != id)
			k++;
		if (k < n)
			continue;
		seen[n++] = id;
		tmpl_dict *sym = tmpl_section(d, "SYMBOL");
		tmpl_set(sym, "TYPE", db_cell(&g->rows, i, R_TYPE));
		tmpl_set(sym, "COLOR", db_cell(&g->rows, i, R_COLOR));
	}
}

/* The page around a view: title, month links, the one-person chooser, the month's version. */
static tmpl_dict *roster_page(struct request *r, int status, const struct grid *g, long long user)
{
	tmpl_dict *d = page_begin(r, status, "roster.tpl", "值班表");
	tmpl_set(d, "CSRF", r->sess.csrf);
	tmpl_set_int(d, "VERSION", g->version);
	tmpl_set_int(d, "ME", r->sess.user_id);
	month_links(r, d, g->m);
	staff_options(g, d, "CHOOSE", user);
	colour_symbols(r, g, d);
	if (r->sess.role & ROLES_SUPERVISOR)
		tmpl_show(d, "CAN_FILL");
	return d;
}

int roster_grid_show(struct request *r, int status, const struct roster_month *m, const char *refusal)
{
	struct grid g;
	int st = grid_load(r, m, &g);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = roster_page(r, status, &g, 0);
	if (refusal)
		tmpl_set(tmpl_section(d, "REFUSAL"), "TEXT", refusal);
	int editor = (r->sess.role & ROLES_SUPERVISOR) != 0;
	if (editor)
		editor_forms(r, &g, d);
	grid_fill(r, &g, d, editor);
	return DB_OK;
}

/* GET /staff/roster?month=YYYY-MM[&user=<id> | &day=YYYY-MM-DD]: the month grid, one person's month
 * or one day. Answers 200, 400 for a malformed month or day, 404 for an unknown person. */
int page_roster(struct request *r)
{
	struct roster_month m;
	const char *month = query_get(r, "month"), *day = query_get(r, "day"), *user = query_get(r, "user");
	long long user_id = 0;
	if (day && *day) {
		if (valid_date(day))
			return page_error(r, 400, "日期格式不正确。");
		roster_month_of(sanbao_day(day), &m);
	} else if (month && *month) {
		if (roster_month_parse(month, &m))
			return page_error(r, 400, "月份格式不正确，应为 YYYY-MM。");
	} else {
		roster_month_of(sanbao_today((long long)time(NULL), r->cfg->timezone), &m);
	}
	if (user && *user && !parse_id(user, &user_id))
		return page_error(r, 400, "员工编号不正确。");
	if (!user_id && !(day && *day))
		return roster_grid_show(r, 200, &m, NULL);
	struct grid g;
	int st = grid_load(r, &m, &g);
	if (st != DB_OK)
		return st;
	long long s = user_id ? staff_index(&g, user_id) : -1;
	if (user_id && s < 0)
		return page_error(r, 404, "没有这位员工，或其已停用且本月没有班次。");
	tmpl_dict *d = roster_page(r, 200, &g, user_id);
	if (user_id)
		user_fill(r, &g, d, s);
	else
		day_fill(r, &g, d, (int)(sanbao_day(day) - m.first));
	return DB_OK;
}
