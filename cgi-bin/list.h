/* What the staff lists share: bounded query parameters, the search box recognised as a number, a
 * phone or text, the status and other choices, a date range, and keyset paging's next link. */
#ifndef AFTERSALES_LIST_H
#define AFTERSALES_LIST_H
#include "flow.h"
#include "request.h"

/* Rows a page shows; the queries ask for one more to know whether there is a next page. */
#define LIST_PAGE_ROWS 50
#define LIST_SQL_LIMIT "LIMIT 51"

/* The keyset ends of a list's query, for rows of table alias t: by id, newest or oldest first (the
 * parameters: the cursor's id twice), and by open_due, the next time limit of the rows that have one
 * (the parameters: the cursor's key three times, then its id). */
#define LIST_BY_ID_DESC(t) "AND (? = 0 OR " t ".id < ?) ORDER BY " t ".id DESC " LIST_SQL_LIMIT
#define LIST_BY_ID_ASC(t) "AND (? = 0 OR " t ".id > ?) ORDER BY " t ".id " LIST_SQL_LIMIT
#define LIST_BY_OPEN_DUE(t) \
	"AND " t ".open_due IS NOT NULL AND (? = '' OR " t ".open_due > ? OR (" t ".open_due = ? AND " t ".id > ?)) " \
	"ORDER BY " t ".open_due, " t ".id " LIST_SQL_LIMIT

/* What the search box was recognised as: one of no, phone, text is set, the others are "". */
struct list_search {
	const char *q;     /* as typed */
	const char *no;    /* a public number of one of the list's kinds (normalised: public_no_normalise) */
	const char *phone; /* a phone number, normalised */
	const char *text;  /* anything else, without the spaces around it */
	const char *like;  /* text with the LIKE wildcards escaped, for "LIKE CONCAT(?, '%')" */
	const char *tail;  /* text of exactly 4 digits: perhaps the last 4 digits of a phone; else "" */
};

/* The filters every list has; each is "" (or 0) when not given or not valid. */
struct list_filter {
	const char *status, *from, *to, *sort, *after;
	int overdue;
	struct list_search search;
};

/* A query parameter that is not part of struct list_filter, for the next link. */
struct list_param {
	const char *name, *value;
};

/* Query parameter name, or "" when absent or longer than max bytes. */
const char *list_param(struct request *r, const char *name, size_t max);
/* The query parameter name when it is the code of one of the n choices {code, label}, else dflt. */
const char *list_choice_read(struct request *r, const char *name, const char *const (*choices)[2], size_t n,
			     const char *dflt);
/* Recognises q; kinds are the letters of the public numbers the list finds ("R", "T", or "CRT" for
 * complaints, found by their own number and their request's); strings in the arena. Pure. */
void list_search_classify(struct arena *a, const char *q, const char *kinds, struct list_search *out);
/* Reads status (a status of flow f), from, to (dates), overdue=1, q, sort (one of sorts, the first
 * by default, or "due" for overdue=1 when sorts has it) and after. */
void list_filter_read(struct request *r, const struct flow *f, const char *kinds, const char *const (*sorts)[2],
		      size_t nsorts, struct list_filter *out);

/* The filter form as it was sent: from, to, q, OVERDUE_CHECKED, STATUS_OPTION and SORT_OPTION. */
void list_filter_fill(tmpl_dict *d, const struct flow *f, const struct list_filter *filter,
		      const char *const (*sorts)[2], size_t nsorts);

/* The keyset cursor after: "<key>|<id>" when keyed (an order by a key column first), else "<id>".
 * 1 with *key (in the arena; "" when not keyed) and *id, or 0 with "" and 0 for none or a bad one. Pure. */
int list_cursor_read(struct arena *a, const char *after, int keyed, const char **key, long long *id);

/* Starts row i of a list whose first columns are id, public number, created, name and phone:
 * section ROW with ID, NO, CREATED, NAME and PHONE (masked unless show_phone). */
tmpl_dict *list_row_begin(tmpl_dict *d, const struct db_result *res, size_t i, int show_phone);

/* Shows the first LIST_PAGE_ROWS rows of res by calling row() for each, or section EMPTY. When res has
 * more, adds section NEXT with the filters and extra as repetitions of PARAM (NAME, VALUE) and the
 * cursor after the last row shown: its id (column 0), or "<key_col>|<id>" for an order by a key
 * column first (key_col >= 0). */
void list_page_fill(struct request *r, tmpl_dict *d, const struct db_result *res, const struct list_filter *f,
		    const struct list_param *extra, size_t nextra, int key_col,
		    void (*row)(struct request *r, tmpl_dict *d, const struct db_result *res, size_t i));

#endif
