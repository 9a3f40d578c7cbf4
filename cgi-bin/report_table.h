/* A report's table: typed columns and rows of cells, shown in the page and exported as CSV or a
 * real .xlsx from the same data, so a figure on screen and in Excel cannot differ. */
#ifndef AFTERSALES_REPORT_TABLE_H
#define AFTERSALES_REPORT_TABLE_H
#include "request.h"

enum report_type {
	RT_TEXT,     /* any text */
	RT_INT,      /* whole number, "12" */
	RT_DECIMAL,  /* number with decimals, "12.5" (hours, scores) */
	RT_MONEY,    /* integer cents, "123450": shown as ¥1,234.50, exported as 1234.50 */
	RT_PERCENT,  /* ratio, "0.875": shown as 87.5%, exported as a percent-formatted number */
	RT_DATE,     /* "YYYY-MM-DD": exported as an Excel date */
};

struct report_column {
	const char *key;     /* data-metric of its cells; NULL: none */
	const char *label;   /* header */
	enum report_type type;
};

struct report_table {
	const char *name;    /* caption; the sheet's name in an xlsx */
	const struct report_column *cols;
	unsigned ncols;
	unsigned nrows, cap;
	const char **cells;  /* nrows * ncols, row-major; NULL or "" is an empty cell */
	const char **links;  /* the same shape: a cell's link, or NULL */
	const char **row_attr; /* per row: data-row value (a channel, a person), or NULL */
};

/* Starts an empty table; cells live in a (the request's arena). */
void report_table_init(struct report_table *t, const char *name, const struct report_column *cols, unsigned ncols);
/* Appends a row and answers its index; cells start empty. */
unsigned report_table_row(struct arena *a, struct report_table *t, const char *row_attr);
/* Sets a cell; value and link are kept as given (arena or static). */
void report_table_set(struct report_table *t, unsigned row, unsigned col, const char *value, const char *link);
void report_table_set_int(struct arena *a, struct report_table *t, unsigned row, unsigned col, long long v,
			  const char *link);

/* Shows t at include marker {{>marker}} of d (templates/report_table.tpl): a caption, a header
 * row, and cells marked data-metric="<column key>" and data-label for the narrow screen's cards,
 * each row data-row="<row_attr>", linked cells as links. Call again to add another table there. */
void report_table_fill(struct arena *a, tmpl_dict *d, const char *marker, const struct report_table *t);

/* Answers the tables as a download: format "csv" (UTF-8 with BOM, CRLF, every field quoted, a text
 * cell that starts with = + - @ prefixed with ' so Excel does not run it; tables one after another)
 * or "xlsx" (a sheet per table: header row, frozen panes, typed numbers and dates). filename has no
 * extension. Returns 0, or a db_status-like negative on failure (a 500). */
int report_export(struct request *r, const char *format, const char *filename, const struct report_table *tables,
		  unsigned n);
/* The cell as the page shows it: money as ¥1,234.50, a ratio as 87.5%. */
const char *report_cell_text(struct arena *a, enum report_type type, const char *value);

#endif
