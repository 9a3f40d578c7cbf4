/* Shift types read from the database and written as people read them. */
#include "shift_types.h"
#include "roles.h"

#include <string.h>

static const char SQL_TYPES[] =
	"SELECT id, name, start_min, end_min, roles, min_staff, duty_officer, color, active, version FROM shift_types "
	"WHERE active = 1 OR ? = 0 ORDER BY active DESC, start_min, name";

int shift_types_load(struct request *r, int active_only, struct db_result *res)
{
	return db_exec(r->db, &r->arena, res, SQL_TYPES, "i", (long long)(active_only != 0));
}

int shift_min_parse(const char *v)
{
	if (!v || strlen(v) != 5 || v[2] != ':')
		return -1;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (v[i] < '0' || v[i] > '9'))
			return -1;
	int h = (v[0] - '0') * 10 + (v[1] - '0'), m = (v[3] - '0') * 10 + (v[4] - '0');
	return h > 23 || m > 59 ? -1 : h * 60 + m;
}

const char *shift_min_text(struct arena *a, int min)
{
	return arena_printf(a, "%02d:%02d", min / 60, min % 60);
}

const char *shift_span_text(struct arena *a, int start_min, int end_min)
{
	return arena_printf(a, "%s–%s%s", shift_min_text(a, start_min), end_min <= start_min ? "次日 " : "",
			    shift_min_text(a, end_min));
}

int shift_role_needed(const char *roles, const char *role)
{
	if (!roles || !*roles)
		return 1;
	size_t n = strlen(role);
	for (const char *p = roles; *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && !strncmp(p, role, n))
			return 1;
		p += len + (end ? 1 : 0);
	}
	return 0;
}

const char *shift_roles_text(struct arena *a, const char *roles)
{
	static const char *const codes[] = {"agent", "technician", "supervisor", "admin"};
	const char *text = "";
	if (!roles || !*roles)
		return "不限";
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (shift_role_needed(roles, codes[i]))
			text = arena_printf(a, "%s%s%s", text, *text ? "、" : "", role_label(role_from_code(codes[i])));
	return text;
}
