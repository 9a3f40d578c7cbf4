/* The filters, search box and keyset paging the staff lists share. */
#include "list.h"
#include "form.h"
#include "response.h"
#include "valid.h"

#include <string.h>

const char *list_param(struct request *r, const char *name, size_t max)
{
	const char *v = query_get(r, name);
	return v && strlen(v) <= max ? v : "";
}

const char *list_choice_read(struct request *r, const char *name, const char *const (*choices)[2], size_t n,
			     const char *dflt)
{
	const char *v = list_param(r, name, 32);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v, choices[i][0]))
			return choices[i][0];
	return dflt;
}

static int four_digits(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return s[4] == '\0';
}

void list_search_classify(struct arena *a, const char *q, const char *kinds, struct list_search *out)
{
	*out = (struct list_search){q, "", "", "", "", ""};
	char no[32];
	public_no_normalise(q, no);
	if (!*no)
		return;
	if (strchr(kinds, no[0]) && public_no_valid(no, no[0])) {
		out->no = arena_strdup(a, no);
	} else if (!valid_phone(q)) {
		char phone[32];
		phone_normalise(q, phone);
		out->phone = arena_strdup(a, phone);
	} else {
		const char *text = q + strspn(q, " \t");
		size_t len = strlen(text);
		while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
			len--;
		text = arena_printf(a, "%.*s", (int)len, text);
		char *escaped = arena_alloc(a, strlen(text) * 2 + 1);
		like_escape(text, escaped);
		out->text = text;
		out->like = escaped;
		out->tail = four_digits(text) ? text : "";
	}
}

static const char *date_param(struct request *r, const char *name)
{
	const char *v = list_param(r, name, 10);
	return *v && valid_date(v) ? "" : v;
}

void list_filter_read(struct request *r, const struct flow *f, const char *kinds, const char *const (*sorts)[2],
		      size_t nsorts, struct list_filter *out)
{
	out->status = list_param(r, "status", 16);
	if (flow_status_index(f, out->status) < 0)
		out->status = "";
	out->from = date_param(r, "from");
	out->to = date_param(r, "to");
	out->overdue = !strcmp(list_param(r, "overdue", 1), "1");
	out->sort = list_choice_read(r, "sort", sorts, nsorts, sorts[0][0]);
	/* The overdue ones are wanted most overdue first, and that order reads the due-time index
	 * in order; by id, a page meant skipping every newer record that is not overdue. */
	for (size_t i = 0; out->overdue && !*list_param(r, "sort", 8) && i < nsorts; i++)
		if (!strcmp(sorts[i][0], "due"))
			out->sort = sorts[i][0];
	out->after = list_param(r, "after", 40);
	list_search_classify(&r->arena, list_param(r, "q", 64), kinds, &out->search);
}

void list_filter_fill(tmpl_dict *d, const struct flow *f, const struct list_filter *filter,
		      const char *const (*sorts)[2], size_t nsorts)
{
	for (unsigned i = 0; i < f->nstatuses; i++) {
		const char *const status[1][2] = {{f->statuses[i].code, f->statuses[i].label}};
		form_options(d, "STATUS_OPTION", status, 1, filter->status);
	}
	form_options(d, "SORT_OPTION", sorts, nsorts, filter->sort);
	tmpl_set(d, "from", filter->from);
	tmpl_set(d, "to", filter->to);
	tmpl_set(d, "q", filter->search.q);
	if (filter->overdue)
		tmpl_show(d, "OVERDUE_CHECKED");
}

int list_cursor_read(struct arena *a, const char *after, int keyed, const char **key, long long *id)
{
	const char *bar = after && keyed ? strchr(after, '|') : NULL;
	const char *id_text = keyed ? (bar ? bar + 1 : NULL) : after;
	*key = "";
	if (!parse_id(id_text, id)) {
		*id = 0;
		return 0;
	}
	if (keyed)
		*key = arena_strndup(a, after, (size_t)(bar - after));
	return 1;
}

tmpl_dict *list_row_begin(tmpl_dict *d, const struct db_result *res, size_t i, int show_phone)
{
	char masked[32];
	tmpl_dict *row = tmpl_section(d, "ROW");
	tmpl_set(row, "ID", db_cell(res, i, 0));
	tmpl_set(row, "NO", db_cell(res, i, 1));
	tmpl_set(row, "CREATED", db_cell(res, i, 2));
	tmpl_set(row, "NAME", db_cell(res, i, 3));
	phone_mask(db_cell(res, i, 4), masked);
	page_phone(row, "PHONE", show_phone ? db_cell(res, i, 4) : masked);
	return row;
}

static void next_param(tmpl_dict *next, const char *name, const char *value)
{
	tmpl_dict *p = tmpl_section(next, "PARAM");
	tmpl_set(p, "NAME", name);
	tmpl_set(p, "VALUE", value);
}

void list_page_fill(struct request *r, tmpl_dict *d, const struct db_result *res, const struct list_filter *f,
		    const struct list_param *extra, size_t nextra, int key_col,
		    void (*row)(struct request *r, tmpl_dict *d, const struct db_result *res, size_t i))
{
	size_t shown = res->nrows > LIST_PAGE_ROWS ? LIST_PAGE_ROWS : res->nrows;
	for (size_t i = 0; i < shown; i++)
		row(r, d, res, i);
	if (!shown)
		tmpl_show(d, "EMPTY");
	if (res->nrows <= LIST_PAGE_ROWS)
		return;
	tmpl_dict *next = tmpl_section(d, "NEXT");
	next_param(next, "status", f->status);
	for (size_t i = 0; i < nextra; i++)
		next_param(next, extra[i].name, extra[i].value);
	next_param(next, "overdue", f->overdue ? "1" : "");
	next_param(next, "from", f->from);
	next_param(next, "to", f->to);
	next_param(next, "q", f->search.q);
	next_param(next, "sort", f->sort);
	const char *id = db_cell(res, shown - 1, 0);
	tmpl_set(next, "after", key_col < 0 ? id
				: arena_printf(&r->arena, "%s|%s", db_cell(res, shown - 1, (size_t)key_col), id));
}
