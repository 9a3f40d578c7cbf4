/* The products a repair is picked from (category, brand, model) and the warranty that follows. */
#ifndef AFTERSALES_PRODUCT_DB_H
#define AFTERSALES_PRODUCT_DB_H
#include "request.h"

/* A repair's warranty months in SQL, with three parameters: the picked product's id (NULL for none),
 * then the typed product name (the public form's free text, matched to an active product's name),
 * then the configured default. */
#define PRODUCT_WARRANTY_MONTHS \
	"COALESCE((SELECT warranty_months FROM products WHERE id = ?), " \
	"(SELECT warranty_months FROM products WHERE name = ? AND active = 1), ?)"

/* One repetition of section (CODE, LABEL "空调 · 格力 · KFR-35GW（格力空调，保修 36 个月）", SELECTED)
 * per active product and the selected one. Returns a db_status. */
int product_options(struct request *r, tmpl_dict *d, const char *section, const char *selected);

/* The product picked in form field "product_id": *id 0 when none was picked; otherwise its name
 * and model (in the arena). *refusal is set for an unknown or inactive one. Returns a db_status. */
int product_pick(struct request *r, long long *id, const char **name, const char **model, const char **refusal);

#endif
