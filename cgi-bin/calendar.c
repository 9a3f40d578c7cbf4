/* The working calendar behind time limits: working hours and days from the configuration, the time
 * limit of each priority, and the holidays and make-up working days (调休) that supervisors keep in
 * the database. */
#include "audit.h"
#include "form.h"
#include "pages.h"
#include "repair_flow.h"
#include "response.h"
#include "sla.h"
#include "valid.h"
#include "workcal.h"

#include <string.h>

static const char SQL_HOLIDAYS[] =
	"SELECT DATE_FORMAT(day, '%Y-%m-%d'), name, DAYOFWEEK(day) - 1, kind FROM holidays WHERE day >= CURDATE() "
	"ORDER BY day LIMIT 1000";
static const char SQL_PAST_COUNT[] = "SELECT COUNT(*) FROM holidays WHERE day < CURDATE()";
static const char SQL_HOLIDAY_INSERT[] = "INSERT INTO holidays (day, kind, name) VALUES (?, ?, ?)";
static const char SQL_HOLIDAY_GET[] = "SELECT name, kind FROM holidays WHERE day = ? FOR UPDATE";
static const char SQL_HOLIDAY_DELETE[] = "DELETE FROM holidays WHERE day = ?";

static const char *const WEEKDAY[] = {"周日", "周一", "周二", "周三", "周四", "周五", "周六"};

static const struct field_rule HOLIDAY[] = {
	{"day", 1, 10, valid_date},
	{"name", 1, 64, valid_text_line},
};

/* The kinds of calendar day: a day off (放假) and a make-up working day (调休上班). */
static const char *const DAY_KINDS[][2] = {{"holiday", "放假"}, {"workday", "调休上班"}};

static int weekday_works(const struct request *r, long long wd)
{
	return wd >= 0 && wd <= 6 && ((r->cfg->workdays >> wd) & 1);
}

static const char *clock_text(struct request *r, int minutes)
{
	return arena_printf(&r->arena, "%02d:%02d", minutes / 60 % 100, minutes % 60);
}

static void fill_settings(struct request *r, tmpl_dict *d)
{
	const struct config *c = r->cfg;
	tmpl_set(d, "WORK_START", clock_text(r, c->work_start_min));
	tmpl_set(d, "WORK_END", clock_text(r, c->work_end_min));
	int daylen = c->work_end_min - c->work_start_min;
	tmpl_set(d, "DAY_HOURS", arena_printf(&r->arena, "%d.%d", daylen / 60, daylen % 60 * 10 / 60));
	/* Monday first, as a Chinese calendar reads. */
	int shown = 0;
	for (int i = 1; i <= 7; i++) {
		int wd = i % 7;
		tmpl_dict *day = tmpl_section(d, "WEEKDAY");
		tmpl_set(day, "NAME", WEEKDAY[wd]);
		if ((c->workdays >> wd) & 1) {
			tmpl_show(day, "WORKING");
			shown++;
		} else {
			tmpl_show(day, "RESTING");
		}
	}
	if (!shown)
		tmpl_show(d, "NO_WORKDAYS");
	static const char *const priorities[] = {"low", "normal", "high", "urgent"};
	for (int i = 0; i < 4; i++) {
		tmpl_dict *p = tmpl_section(d, "SLA");
		tmpl_set(p, "CODE", priorities[i]);
		tmpl_set(p, "LABEL", priority_label(priorities[i]));
		tmpl_set_int(p, "HOURS", c->sla_hours[i]);
		if (daylen > 0) {
			long tenths = (long)c->sla_hours[i] * 600 / daylen;
			tmpl_set(p, "DAYS", arena_printf(&r->arena, "%ld.%ld", tenths / 10, tenths % 10));
		}
	}
}

/* The whole page with the given status; the add form keeps whatever form_validate put in d. */
static int holidays_page(struct request *r, int status, tmpl_dict **out, const char **today_out)
{
	struct db_result list, past;
	const char *today;
	int st = db_exec(r->db, &r->arena, &list, SQL_HOLIDAYS, "");
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &past, SQL_PAST_COUNT, "");
	if (st == DB_OK)
		st = workcal_today(r, &today);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, status, "holidays.tpl", "工作日历");
	int editor = (r->sess.role & ROLES_SUPERVISOR) != 0;
	tmpl_set(d, "CSRF", r->sess.csrf);
	tmpl_set(d, "TODAY", today);
	fill_settings(r, d);
	for (size_t i = 0; i < list.nrows; i++) {
		tmpl_dict *row = tmpl_section(d, "HOLIDAY");
		long long wd = db_cell_int(&list, i, 2);
		if (wd < 0 || wd > 6)
			wd = 0;
		tmpl_set(row, "DAY", db_cell(&list, i, 0));
		tmpl_set(row, "NAME", db_cell(&list, i, 1));
		tmpl_set(row, "WEEKDAY", WEEKDAY[wd]);
		int makeup = !strcmp(db_cell(&list, i, 3), "workday");
		tmpl_set(row, "KIND", makeup ? "workday" : "holiday");
		tmpl_set(row, "KIND_LABEL", DAY_KINDS[makeup][1]);
		if (!makeup && !weekday_works(r, wd))
			tmpl_show(row, "OFF_DAY");
		if (editor)
			tmpl_show(row, "DELETE");
	}
	if (!list.nrows)
		tmpl_show(d, "NO_HOLIDAYS");
	if (db_cell_int(&past, 0, 0) > 0)
		tmpl_set_int(tmpl_section(d, "PAST"), "COUNT", db_cell_int(&past, 0, 0));
	if (editor) {
		tmpl_show(d, "EDITOR");
		tmpl_show(d, "DELETE_HEAD");
		const char *kind = form_get(r, "kind");
		form_options(d, "KIND_OPTION", DAY_KINDS, 2, kind && *kind ? kind : "holiday");
	}
	if (query_get(r, "added"))
		tmpl_set(tmpl_section(d, "NOTICE"), "TEXT", "日期已添加。");
	else if (query_get(r, "deleted"))
		tmpl_set(tmpl_section(d, "NOTICE"), "TEXT", "日期已删除。");
	*out = d;
	*today_out = today;
	return 0;
}

/* GET /staff/holidays: working hours and days, time limits, holidays from today on; supervisors
 * and admins also get the forms to add and delete holidays. Answers 200. */
int page_holidays(struct request *r)
{
	tmpl_dict *d;
	const char *today;
	return holidays_page(r, 200, &d, &today);
}

/* The weekday (0 Sunday) of day, "YYYY-MM-DD", or -1. */
static int weekday_of(const char *day)
{
	long long t;
	return sla_parse(day, &t) ? -1 : sla_weekday(t / 86400);
}

/* POST /staff/holidays (day, kind = holiday | workday [default holiday], name). Answers 303 back with
 * added=1, or 422 with the form and a message (bad field, a day already in the list, a day already
 * past, a make-up working day on a day that works anyway). */
int page_holiday_add(struct request *r)
{
	tmpl_dict *d;
	const char *today;
	int st = holidays_page(r, 422, &d, &today);
	if (st != DB_OK)
		return st;
	const char *v[2];
	int errors = form_validate(r, HOLIDAY, 2, v, d);
	const char *kind = form_get(r, "kind");
	if (!kind || !*kind)
		kind = "holiday";
	int makeup = !strcmp(kind, "workday");
	if (!makeup && strcmp(kind, "holiday")) {
		form_error(r, d, "kind", "请选择放假或调休上班");
		errors++;
	}
	if (!errors && today && strcmp(v[0], today) < 0) {
		form_error(r, d, "day", "不能添加已经过去的日期");
		errors++;
	}
	if (!errors && makeup && weekday_works(r, weekday_of(v[0]))) {
		form_error(r, d, "day", "这一天本来就是工作日，无需登记调休上班");
		errors++;
	}
	if (errors)
		return 0;
	st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_HOLIDAY_INSERT, "sss", v[0], kind, v[1]);
	if (st == DB_DUP) {
		db_rollback(r->db);
		form_error(r, d, "day", "这一天已经在日历中");
		return 0;
	}
	if (st == DB_OK)
		st = audit_record(r, makeup ? "workday_add" : "holiday_add", v[0], v[1]);
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, "/staff/holidays?added=1");
}

/* POST /staff/holidays/delete (day): a holiday or a make-up working day. Answers 303 back with
 * deleted=1, 400 for a malformed day, or 404 when the day is not in the calendar. */
int page_holiday_delete(struct request *r)
{
	const char *day = form_get(r, "day");
	if (!day || valid_date(day))
		return page_error(r, 400, "缺少有效的日期。");
	struct db_result h;
	int st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &h, SQL_HOLIDAY_GET, "s", day);
	if (st != DB_OK)
		return st;
	if (!h.nrows) {
		db_rollback(r->db);
		return page_error(r, 404, "这一天不在日历中。");
	}
	st = db_exec(r->db, &r->arena, NULL, SQL_HOLIDAY_DELETE, "s", day);
	if (st == DB_OK)
		st = audit_record(r, strcmp(db_cell(&h, 0, 1), "workday") ? "holiday_delete" : "workday_delete", day,
				  db_cell(&h, 0, 0));
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, "/staff/holidays?deleted=1");
}
