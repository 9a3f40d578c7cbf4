/* Who works when: the roster read for the staff home, /staff/my, the calendar feed and shift swaps. */
#include "roster_duty.h"
#include "sanbao.h"
#include "sla.h"
#include "workcal.h"

#include <string.h>

#define SHIFT_COLUMNS                                                                                  \
	"SELECT r.id, r.user_id, r.shift_type_id, DATE_FORMAT(r.day, '%Y-%m-%d'), DATEDIFF(r.day, '1970-01-01'), " \
	"t.name, t.start_min, t.end_min, t.duty_officer, u.display_name FROM roster r "                   \
	"JOIN shift_types t ON t.id = r.shift_type_id JOIN users u ON u.id = r.user_id "
/* Three days on the roster_day key: yesterday's night shift may still run, tomorrow's first shift
 * may be the next one. */
static const char SQL_AROUND[] = SHIFT_COLUMNS "WHERE r.day BETWEEN ? AND ? AND u.active = 1 "
					       "ORDER BY r.day, t.start_min, t.id, u.display_name";
static const char SQL_OF_USER[] = SHIFT_COLUMNS "WHERE r.user_id = ? AND r.day BETWEEN ? AND ? "
						"ORDER BY r.day, t.start_min, t.id";
static const char SQL_ONE[] = SHIFT_COLUMNS "WHERE r.id = ?";
static const char SQL_ONE_LOCKED[] = SHIFT_COLUMNS "WHERE r.id = ? FOR UPDATE";

#define MY_SHIFT_DAYS 14

int roster_now(struct request *r, long long *now)
{
	const char *text;
	int st = workcal_now(r, &text);
	return st == DB_OK && sla_parse(text, now) ? DB_ERR : st;
}

const char *shift_hours_text(struct arena *a, int start_min, int end_min)
{
	return arena_printf(a, "%02d:%02d–%s%02d:%02d", start_min / 60, start_min % 60, end_min <= start_min ? "次日" : "",
			    end_min / 60, end_min % 60);
}

static void shift_read(const struct db_result *res, size_t i, struct roster_shift *s)
{
	s->id = db_cell_int(res, i, 0);
	s->user_id = db_cell_int(res, i, 1);
	s->type_id = db_cell_int(res, i, 2);
	s->day = db_cell(res, i, 3);
	s->name = db_cell(res, i, 5);
	s->start_min = (int)db_cell_int(res, i, 6);
	s->end_min = (int)db_cell_int(res, i, 7);
	s->duty_officer = db_cell_int(res, i, 8) == 1;
	shift_span_of(db_cell_int(res, i, 4), s->start_min, s->end_min, s->name, &s->span);
}

static int day_range(struct request *r, struct db_result *res, const char *sql, long long user_id, long long from_day,
		     long long to_day)
{
	char from[11], to[11];
	sanbao_format(from_day, from);
	sanbao_format(to_day, to);
	if (user_id)
		return db_exec(r->db, &r->arena, res, sql, "iss", user_id, from, to);
	return db_exec(r->db, &r->arena, res, sql, "ss", from, to);
}

int roster_shifts_of(struct request *r, long long user_id, long long from_day, long long to_day,
		     struct roster_shift **out, size_t *n)
{
	struct db_result res;
	int st = day_range(r, &res, SQL_OF_USER, user_id, from_day, to_day);
	if (st != DB_OK)
		return st;
	*out = arena_alloc(&r->arena, (res.nrows + 1) * sizeof(**out));
	for (size_t i = 0; i < res.nrows; i++)
		shift_read(&res, i, &(*out)[i]);
	*n = res.nrows;
	return DB_OK;
}

int roster_shift_load(struct request *r, long long id, int lock, struct roster_shift *s, int *found)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, lock ? SQL_ONE_LOCKED : SQL_ONE, "i", id);
	*found = st == DB_OK && res.nrows;
	if (*found)
		shift_read(&res, 0, s);
	return st;
}

/* "03-01 周日" */
const char *shift_day_label(struct arena *a, const struct roster_shift *s)
{
	static const char *const WEEKDAYS[] = {"周四", "周五", "周六", "周日", "周一", "周二", "周三"};
	return arena_printf(a, "%s %s", s->day + 5, WEEKDAYS[((s->span.day % 7) + 7) % 7]);
}

const char *shift_label(struct arena *a, const struct roster_shift *s)
{
	return arena_printf(a, "%s %s %s", shift_day_label(a, s), s->name, shift_hours_text(a, s->start_min, s->end_min));
}

/* One shift of one day with its people: rows[from..to) of the query. */
static void group_fill(struct request *r, tmpl_dict *d, const char *when, const struct db_result *res,
		       const struct roster_shift *s, size_t from, size_t to)
{
	tmpl_dict *g = tmpl_section(d, "DUTY");
	tmpl_set(g, "WHEN", when);
	if (!strcmp(when, "next"))
		tmpl_show(g, "NEXT");
	tmpl_set(g, "SHIFT", s->name);
	tmpl_set(g, "DAY", s->day);
	tmpl_set(g, "DAY_LABEL", shift_day_label(&r->arena, s));
	tmpl_set(g, "HOURS", shift_hours_text(&r->arena, s->start_min, s->end_min));
	if (s->duty_officer)
		tmpl_show(g, "OFFICER");
	for (size_t i = from; i < to; i++)
		tmpl_set(tmpl_section(g, "PERSON"), "NAME", db_cell(res, i, 9));
}

int duty_now_fill(struct request *r, tmpl_dict *d)
{
	long long now;
	struct db_result res;
	int st = roster_now(r, &now);
	long long today = now / 86400;
	if (st == DB_OK)
		st = day_range(r, &res, SQL_AROUND, 0, today - 1, today + 1);
	if (st != DB_OK)
		return st;
	/* groups of rows of one day and shift type: where each starts, and its shift */
	size_t *first = arena_alloc(&r->arena, (res.nrows + 1) * sizeof(*first));
	struct roster_shift *shift = arena_alloc(&r->arena, (res.nrows + 1) * sizeof(*shift));
	size_t ngroups = 0;
	for (size_t i = 0; i < res.nrows; i++) {
		struct roster_shift s;
		shift_read(&res, i, &s);
		if (ngroups && shift[ngroups - 1].type_id == s.type_id && shift[ngroups - 1].span.day == s.span.day)
			continue;
		first[ngroups] = i;
		shift[ngroups++] = s;
	}
	first[ngroups] = res.nrows;
	long long next = -1;
	int working = 0;
	/* the duty officer's shift first, then the others in order of start */
	for (int officer = 1; officer >= 0; officer--)
		for (size_t g = 0; g < ngroups; g++)
			if (shift[g].duty_officer == officer && shift_span_covers(&shift[g].span, now)) {
				group_fill(r, d, "now", &res, &shift[g], first[g], first[g + 1]);
				working = 1;
			}
	for (size_t g = 0; g < ngroups; g++)
		if (shift[g].span.start > now && (next < 0 || shift[g].span.start < next))
			next = shift[g].span.start;
	for (size_t g = 0; g < ngroups; g++)
		if (shift[g].span.start == next)
			group_fill(r, d, "next", &res, &shift[g], first[g], first[g + 1]);
	if (!working)
		tmpl_show(d, "NO_DUTY");
	return DB_OK;
}

int my_shifts_fill(struct request *r, tmpl_dict *d)
{
	long long now;
	struct roster_shift *s;
	size_t n = 0, shown = 0;
	int st = roster_now(r, &now);
	if (st == DB_OK)
		st = roster_shifts_of(r, r->sess.user_id, now / 86400 - 1, now / 86400 + MY_SHIFT_DAYS, &s, &n);
	if (st != DB_OK)
		return st;
	for (size_t i = 0; i < n; i++) {
		if (s[i].span.end <= now)
			continue;
		tmpl_dict *row = tmpl_section(d, "MY_SHIFT");
		tmpl_set(row, "DAY", s[i].day);
		tmpl_set(row, "DAY_LABEL", shift_day_label(&r->arena, &s[i]));
		tmpl_set(row, "SHIFT", s[i].name);
		tmpl_set(row, "HOURS", shift_hours_text(&r->arena, s[i].start_min, s[i].end_min));
		if (shift_span_covers(&s[i].span, now))
			tmpl_show(row, "NOW");
		shown++;
	}
	if (!shown)
		tmpl_show(d, "NO_SHIFTS");
	return DB_OK;
}
