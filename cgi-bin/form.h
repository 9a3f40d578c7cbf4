/* Checking a submitted form against a table of rules, keeping the input for the form shown again. */
#ifndef AFTERSALES_FORM_H
#define AFTERSALES_FORM_H
#include "request.h"

struct field_rule {
	const char *name;                        /* form field; also the template key of its value */
	int required;
	size_t max_chars;                        /* 0: no limit beyond the body size */
	const char *(*check)(const char *value); /* run on non-empty values; NULL or a message */
};

/* Trims each field, checks it, stores the value in vals[i] (never NULL) and fills page with
 * "<name>" = value and "<name>_error" = message. Returns the number of fields in error. */
int form_validate(struct request *r, const struct field_rule *rules, size_t n, const char **vals, tmpl_dict *page);
/* The field's value with surrounding white space removed; "" when absent. */
const char *form_trimmed(struct request *r, const char *name);
/* Marks one field in error: "<field>_error" = message next to it and section <field>_INVALID in d
 * (aria-invalid, the red border), and a link to it (#field: the field's id, its name in most forms) in the
 * error summary at the top of the page ({{>FORM_ERRORS}} in the page's template). */
void form_error(struct request *r, tmpl_dict *d, const char *field, const char *message);

/* Puts every posted field but csrf into d under its own name, and shows section KEPT_<name> for each
 * non-empty one (a checkbox comes back checked), so a refused form shows what was typed. */
void form_keep(struct request *r, tmpl_dict *d);

/* One field of an action form outside a table: the trimmed value (never NULL). When it is
 * missing but required, or longer than max characters, *refusal is set to a message naming label
 * (and r->refused_field to name); an earlier refusal is kept. The same for the two below. */
const char *form_text(struct request *r, const char *name, size_t max, int required, const char *label,
		      const char **refusal);
/* A date and time field ("2026-11-27T14:30" as datetime-local sends it, or with a space) as
 * "2026-11-27 14:30:00" in the arena; NULL when empty, or malformed (then *refusal names label). */
const char *form_datetime(struct request *r, const char *name, const char *label, const char **refusal);
/* Adds one repetition of section to page per choice {code, label}: CODE, LABEL and sub-section
 * SELECTED for the one whose code is selected (a select's option or a radio button kept as chosen). */
void form_options(tmpl_dict *page, const char *section, const char *const (*choices)[2], size_t n,
		  const char *selected);
/* The same for the rows of a query whose first two columns are the code and the label. */
void form_options_rows(tmpl_dict *page, const char *section, const struct db_result *res, const char *selected);

/* A money field ("120", "35.50"): 1 with *cents set, 0 when empty, -1 (and *refusal) when malformed. */
int form_money(struct request *r, const char *name, const char *label, long long *cents, const char **refusal);

#endif
