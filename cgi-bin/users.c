/* Staff accounts: the admin's list, create, edit, activate, password reset; and one's own password. */
#include "audit.h"
#include "form.h"
#include "pages.h"
#include "password.h"
#include "response.h"
#include "roles.h"
#include "session.h"
#include "valid.h"

#include <string.h>

static const char SQL_USERS[] =
	"SELECT id, username, display_name, role, active, DATE_FORMAT(created_at, '%Y-%m-%d') "
	"FROM users ORDER BY active DESC, role, username";
static const char SQL_USER[] = "SELECT id, username, display_name, role, active, password_hash FROM users WHERE id = ?";
static const char SQL_USER_INSERT[] =
	"INSERT INTO users (username, display_name, role, password_hash, active, created_at) VALUES (?, ?, ?, ?, 1, NOW())";
static const char SQL_USER_UPDATE[] = "UPDATE users SET display_name = ?, role = ? WHERE id = ?";
static const char SQL_USER_HASH[] = "UPDATE users SET password_hash = ? WHERE id = ?";
static const char SQL_USER_ACTIVE[] = "UPDATE users SET active = ? WHERE id = ?";
static const char SQL_ACTIVE_ADMINS[] = "SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1 AND id <> ?";
static const char SQL_SESSIONS_DROP[] = "DELETE FROM sessions WHERE user_id = ?";
static const char SQL_SESSIONS_DROP_OTHERS[] = "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?";


static const struct field_rule NEW_USER[] = {
	{"username", 1, 32, valid_username},
	{"display_name", 1, 32, valid_display_name},
	{"role", 1, 16, valid_role},
	{"password", 1, 0, password_problem},
};
static const struct field_rule EDIT_USER[] = {
	{"display_name", 1, 32, valid_display_name},
	{"role", 1, 16, valid_role},
};

static void role_options(tmpl_dict *d, const char *selected)
{
	static const char *codes[] = {"agent", "technician", "supervisor", "admin"};
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		tmpl_dict *o = tmpl_section(d, "ROLE_OPTION");
		tmpl_set(o, "CODE", codes[i]);
		tmpl_set(o, "LABEL", role_label(role_from_code(codes[i])));
		if (selected && !strcmp(selected, codes[i]))
			tmpl_show(o, "SELECTED");
	}
}

/* GET /admin/users: every account, active ones first. Answers 200. */
int page_users(struct request *r)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_USERS, "");
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, 200, "users.tpl", "员工账号");
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *row = tmpl_section(d, "USER");
		tmpl_set(row, "ID", db_cell(&res, i, 0));
		tmpl_set(row, "USERNAME", db_cell(&res, i, 1));
		tmpl_set(row, "DISPLAY_NAME", db_cell(&res, i, 2));
		tmpl_set(row, "ROLE_LABEL", role_label(role_from_code(db_cell(&res, i, 3))));
		tmpl_set(row, "CREATED", db_cell(&res, i, 5));
		tmpl_show(row, db_cell_int(&res, i, 4) ? "ACTIVE" : "INACTIVE");
	}
	return 0;
}

static tmpl_dict *new_user_page(struct request *r, int status)
{
	tmpl_dict *d = page_begin(r, status, "user_new.tpl", "新建员工账号");
	tmpl_set(d, "CSRF", r->sess.csrf);
	return d;
}

/* GET /admin/users/new. Answers 200. */
int page_user_new_form(struct request *r)
{
	role_options(new_user_page(r, 200), "agent");
	return 0;
}

/* POST /admin/users/new (username, display_name, role, password). Answers 303 to the new
 * account, or 422 with the form and messages (bad field, username taken). */
int page_user_create(struct request *r)
{
	const char *v[4];
	tmpl_dict *d = new_user_page(r, 422);
	int errors = form_validate(r, NEW_USER, 4, v, d);
	tmpl_set(d, "password", "");
	role_options(d, v[2]);
	if (errors)
		return 0;
	char hash[crypto_pwhash_STRBYTES];
	if (password_hash(v[3], hash) != 0)
		return page_error(r, 503, "服务器繁忙，请稍后再试。");
	struct db_result res;
	int st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_USER_INSERT, "ssss", v[0], v[1], v[2], hash);
	if (st == DB_DUP) {
		db_rollback(r->db);
		form_error(r, d, "username", "该用户名已被使用");
		return 0;
	}
	if (st == DB_OK)
		st = audit_record(r, "user_create", v[0], arena_printf(&r->arena, "role=%s", v[2]));
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/admin/users/%llu", res.insert_id));
}

/* Ends an account change: commits when all went well and answers 303 back to the account. */
static int commit_then_back(struct request *r, int st)
{
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/admin/users/%lld", r->path_id));
}

static int user_load(struct request *r, struct db_result *res)
{
	return db_exec(r->db, &r->arena, res, SQL_USER, "i", r->path_id);
}

static tmpl_dict *user_page(struct request *r, int status, const struct db_result *u)
{
	tmpl_dict *d = page_begin(r, status, "user.tpl", "员工账号");
	tmpl_set(d, "CSRF", r->sess.csrf);
	tmpl_set(d, "ID", db_cell(u, 0, 0));
	tmpl_set(d, "USERNAME", db_cell(u, 0, 1));
	tmpl_set(d, "display_name", db_cell(u, 0, 2));
	tmpl_show(d, db_cell_int(u, 0, 4) ? "ACTIVE" : "INACTIVE");
	return d;
}

/* GET /admin/users/#. Answers 200 or 404. */
int page_user(struct request *r)
{
	struct db_result u;
	int st = user_load(r, &u);
	if (st != DB_OK)
		return st;
	if (!u.nrows)
		return page_error(r, 404, "没有这个员工账号。");
	role_options(user_page(r, 200, &u), db_cell(&u, 0, 3));
	return 0;
}

/* POST /admin/users/# (display_name, role). Answers 303 back, 404, or 422 (bad field, or an admin
 * taking away their own admin role). */
int page_user_update(struct request *r)
{
	struct db_result u;
	int st = user_load(r, &u);
	if (st != DB_OK)
		return st;
	if (!u.nrows)
		return page_error(r, 404, "没有这个员工账号。");
	const char *v[2];
	tmpl_dict *d = user_page(r, 422, &u);
	int errors = form_validate(r, EDIT_USER, 2, v, d);
	role_options(d, v[1]);
	if (!errors && r->path_id == r->sess.user_id && strcmp(v[1], "admin") != 0) {
		form_error(r, d, "role", "不能取消自己的管理员角色");
		errors++;
	}
	if (errors)
		return 0;
	st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_USER_UPDATE, "ssi", v[0], v[1], r->path_id);
	if (st == DB_OK)
		st = audit_record(r, "user_update", db_cell(&u, 0, 1),
				  arena_printf(&r->arena, "role %s -> %s", db_cell(&u, 0, 3), v[1]));
	return commit_then_back(r, st);
}

/* POST /admin/users/#/password (password): sets a new password and ends the user's sessions.
 * Answers 303 back, 404, or 422 for a weak password. */
int page_user_password(struct request *r)
{
	struct db_result u;
	int st = user_load(r, &u);
	if (st != DB_OK)
		return st;
	if (!u.nrows)
		return page_error(r, 404, "没有这个员工账号。");
	const char *password = form_get(r, "password");
	const char *problem = password_problem(password ? password : "");
	if (problem) {
		tmpl_dict *d = user_page(r, 422, &u);
		role_options(d, db_cell(&u, 0, 3));
		form_error(r, d, "password", problem);
		return 0;
	}
	char hash[crypto_pwhash_STRBYTES];
	if (password_hash(password, hash) != 0)
		return page_error(r, 503, "服务器繁忙，请稍后再试。");
	st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_USER_HASH, "si", hash, r->path_id);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_SESSIONS_DROP, "i", r->path_id);
	if (st == DB_OK)
		st = audit_record(r, "password_reset", db_cell(&u, 0, 1), "");
	return commit_then_back(r, st);
}

/* POST /admin/users/#/active (active=0|1): deactivating also ends the user's sessions. Answers 303
 * back, 404, or 422 when an admin would deactivate themselves or the last active admin. */
int page_user_active(struct request *r)
{
	struct db_result u, admins;
	int st = user_load(r, &u);
	if (st != DB_OK)
		return st;
	if (!u.nrows)
		return page_error(r, 404, "没有这个员工账号。");
	const char *a = form_get(r, "active");
	if (!a || (strcmp(a, "0") && strcmp(a, "1")))
		return page_error(r, 400, "缺少有效的启用/停用参数。");
	long long active = a[0] == '1';
	if (!active && r->path_id == r->sess.user_id)
		return page_error(r, 422, "不能停用自己的账号。");
	st = db_begin(r->db);
	if (st == DB_OK && !active)
		st = db_exec(r->db, &r->arena, &admins, SQL_ACTIVE_ADMINS, "i", r->path_id);
	if (st == DB_OK && !active && !strcmp(db_cell(&u, 0, 3), "admin") && db_cell_int(&admins, 0, 0) == 0) {
		db_rollback(r->db);
		return page_error(r, 422, "不能停用最后一个管理员账号。");
	}
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_USER_ACTIVE, "ii", active, r->path_id);
	if (st == DB_OK && !active)
		st = db_exec(r->db, &r->arena, NULL, SQL_SESSIONS_DROP, "i", r->path_id);
	if (st == DB_OK)
		st = audit_record(r, active ? "user_reactivate" : "user_deactivate", db_cell(&u, 0, 1), "");
	return commit_then_back(r, st);
}

static tmpl_dict *own_password_page(struct request *r, int status)
{
	tmpl_dict *d = page_begin(r, status, "password.tpl", "修改密码");
	tmpl_set(d, "CSRF", r->sess.csrf);
	return d;
}

/* GET /staff/password. Answers 200. */
int page_own_password_form(struct request *r)
{
	tmpl_dict *d = own_password_page(r, 200);
	if (query_get(r, "done"))
		tmpl_show(d, "DONE");
	return 0;
}

/* POST /staff/password (current, password, confirm): ends the user's other sessions and gives
 * this one a new CSRF secret, so that a form copied before the change is refused. Answers 303
 * back with done=1, or 422 with messages. */
int page_own_password(struct request *r)
{
	const char *current = form_get(r, "current"), *password = form_get(r, "password");
	const char *confirm = form_get(r, "confirm");
	struct db_result u;
	int st = db_exec(r->db, &r->arena, &u, SQL_USER, "i", r->sess.user_id);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = own_password_page(r, 422);
	int errors = 0;
	if (!current || !*current || strlen(current) > PASSWORD_MAX || !password_verify(db_cell(&u, 0, 5), current)) {
		form_error(r, d, "current", "当前密码不正确");
		errors++;
	}
	const char *problem = password_problem(password ? password : "");
	if (problem) {
		form_error(r, d, "password", problem);
		errors++;
	} else if (!confirm || strcmp(confirm, password) != 0) {
		form_error(r, d, "confirm", "两次输入的新密码不一致");
		errors++;
	}
	if (errors)
		return 0;
	char hash[crypto_pwhash_STRBYTES];
	if (password_hash(password, hash) != 0)
		return page_error(r, 503, "服务器繁忙，请稍后再试。");
	st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_USER_HASH, "si", hash, r->sess.user_id);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_SESSIONS_DROP_OTHERS, "ib", r->sess.user_id,
			     r->sess.token_hash, sizeof(r->sess.token_hash));
	if (st == DB_OK)
		st = session_rotate_csrf(r);
	if (st == DB_OK)
		st = audit_record(r, "password_change", r->sess.username, "");
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, "/staff/password?done=1");
}
