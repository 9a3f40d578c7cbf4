/* Shift types as pages show them: "HH:MM" times, a night shift's end on the next day, the roles a
 * type needs; shared by the shift type table, the roster grid and the rotation fill. */
#ifndef AFTERSALES_SHIFT_TYPES_H
#define AFTERSALES_SHIFT_TYPES_H
#include "request.h"

/* Columns of SHIFT_TYPE_COLUMNS, in order. */
enum shift_type_col { ST_ID, ST_NAME, ST_START, ST_END, ST_ROLES, ST_MIN_STAFF, ST_DUTY, ST_COLOR, ST_ACTIVE, ST_VERSION };

/* Every shift type (active_only: only the active ones), earliest start first. Returns a db_status. */
int shift_types_load(struct request *r, int active_only, struct db_result *res);

/* "HH:MM" -> minutes after midnight, or -1 when malformed. */
int shift_min_parse(const char *hhmm);
/* minutes after midnight -> "HH:MM", in the arena. */
const char *shift_min_text(struct arena *a, int min);
/* "08:00–16:00", or "22:00–次日 08:00" when the end is on the next day, in the arena. */
const char *shift_span_text(struct arena *a, int start_min, int end_min);
/* The labels of a comma list of role codes ("客服专员、维修人员"), or "不限" when empty, in the arena. */
const char *shift_roles_text(struct arena *a, const char *roles);
/* 1 when the comma list of role codes names role (a code), or is empty. */
int shift_role_needed(const char *roles, const char *role);

#endif
