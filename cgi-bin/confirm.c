/* The confirmation page of an irreversible action. */
#include "confirm.h"
#include "response.h"

#include <string.h>

int confirm_given(const struct request *r)
{
	const char *v = form_get(r, "confirm");
	return v && !strcmp(v, "1");
}

int confirm_page(struct request *r, const char *title, const char *what, const char *button, const char *back)
{
	tmpl_dict *d = page_begin(r, 200, "confirm.tpl", title);
	tmpl_set(d, "TITLE", title);
	tmpl_set(d, "WHAT", what);
	tmpl_set(d, "BUTTON", button);
	tmpl_set(d, "BACK", back);
	tmpl_set(d, "ACTION", r->path);
	for (size_t i = 0; i < r->form.n; i++) {
		if (!strcmp(r->form.items[i].key, "confirm"))
			continue;
		tmpl_dict *f = tmpl_section(d, "FIELD");
		tmpl_set(f, "NAME", r->form.items[i].key);
		tmpl_set(f, "VALUE", r->form.items[i].val);
	}
	return 0;
}
