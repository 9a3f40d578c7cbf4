/* Report tables: the page's view and the CSV and xlsx downloads of the same cells. */
#include "report_table.h"
#include "log.h"
#include "response.h"
#include "stats.h"
#include "valid.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

void report_table_init(struct report_table *t, const char *name, const struct report_column *cols, unsigned ncols)
{
	memset(t, 0, sizeof(*t));
	t->name = name;
	t->cols = cols;
	t->ncols = ncols;
}

unsigned report_table_row(struct arena *a, struct report_table *t, const char *row_attr)
{
	if (t->nrows == t->cap) {
		unsigned cap = t->cap ? t->cap * 2 : 16;
		const char **cells = arena_alloc(a, sizeof(char *) * cap * t->ncols);
		const char **links = arena_alloc(a, sizeof(char *) * cap * t->ncols);
		const char **attrs = arena_alloc(a, sizeof(char *) * cap);
		memset(cells, 0, sizeof(char *) * cap * t->ncols);
		memset(links, 0, sizeof(char *) * cap * t->ncols);
		if (t->nrows) {
			memcpy(cells, t->cells, sizeof(char *) * t->nrows * t->ncols);
			memcpy(links, t->links, sizeof(char *) * t->nrows * t->ncols);
			memcpy(attrs, t->row_attr, sizeof(char *) * t->nrows);
		}
		t->cells = cells;
		t->links = links;
		t->row_attr = attrs;
		t->cap = cap;
	}
	t->row_attr[t->nrows] = row_attr;
	return t->nrows++;
}

void report_table_set(struct report_table *t, unsigned row, unsigned col, const char *value, const char *link)
{
	t->cells[row * t->ncols + col] = value;
	t->links[row * t->ncols + col] = link;
}

void report_table_set_int(struct arena *a, struct report_table *t, unsigned row, unsigned col, long long v,
			  const char *link)
{
	report_table_set(t, row, col, arena_printf(a, "%lld", v), link);
}

static int numeric(enum report_type type)
{
	return type != RT_TEXT && type != RT_DATE;
}

const char *report_cell_text(struct arena *a, enum report_type type, const char *value)
{
	if (!value || !*value)
		return "";
	if (type == RT_MONEY)
		return money_format(a, strtoll(value, NULL, 10));
	if (type == RT_PERCENT) {
		/* the ratio has at most four decimals: tenths of a percent are exact */
		double ratio = strtod(value, NULL);
		char out[48];
		stats_percent((long long)(ratio * 10000 + 0.5), 10000, out);
		return arena_printf(a, "%s", out);
	}
	return value;
}

void report_table_fill(struct arena *a, tmpl_dict *d, const char *marker, const struct report_table *t)
{
	tmpl_dict *s = tmpl_section(tmpl_include(d, marker, "report_table.tpl"), "TABLE");
	tmpl_set(s, "CAPTION", t->name);
	for (unsigned c = 0; c < t->ncols; c++) {
		tmpl_dict *h = tmpl_section(s, "HEAD");
		tmpl_set(h, "LABEL", t->cols[c].label);
		if (numeric(t->cols[c].type))
			tmpl_show(h, "NUMERIC");
	}
	if (!t->nrows)
		tmpl_show(s, "EMPTY");
	for (unsigned i = 0; i < t->nrows; i++) {
		tmpl_dict *row = tmpl_section(s, "ROW");
		tmpl_set(row, "ROW_ATTR", t->row_attr[i] ? t->row_attr[i] : "");
		for (unsigned c = 0; c < t->ncols; c++) {
			tmpl_dict *cell = tmpl_section(row, "CELL");
			const char *v = t->cells[i * t->ncols + c], *link = t->links[i * t->ncols + c];
			tmpl_set(cell, "TEXT", report_cell_text(a, t->cols[c].type, v));
			tmpl_set(cell, "LABEL", t->cols[c].label);
			if (t->cols[c].key)
				tmpl_set(tmpl_section(cell, "M"), "METRIC", t->cols[c].key);
			if (numeric(t->cols[c].type))
				tmpl_show(cell, "NUMERIC");
			if (link)
				tmpl_set(tmpl_section(cell, "LINK"), "HREF", link);
		}
	}
}

/* One CSV field, always quoted; text that Excel would read as a formula gets a leading '. */
static void csv_field(struct arena_text *b, const char *v, int text)
{
	arena_text_put(b, "\"", 1);
	if (v && text && strchr("=+-@\t\r", v[0]) && v[0])
		arena_text_put(b, "'", 1);
	for (const char *p = v ? v : ""; *p; p++)
		arena_text_put(b, *p == '"' ? "\"\"" : p, *p == '"' ? 2 : 1);
	arena_text_put(b, "\"", 1);
}

/* The exported value of a cell: money in yuan with two decimals, the rest as stored. */
static const char *export_value(struct arena *a, enum report_type type, const char *v)
{
	if (type == RT_MONEY && v && *v) {
		long long cents = strtoll(v, NULL, 10);
		unsigned long long u = cents < 0 ? 0ULL - (unsigned long long)cents : (unsigned long long)cents;
		return arena_printf(a, "%s%llu.%02llu", cents < 0 ? "-" : "", u / 100, u % 100);
	}
	return v;
}

static void csv_write(struct arena *a, struct arena_text *b, const struct report_table *tables, unsigned n)
{
	arena_text_puts(b, "\xEF\xBB\xBF");
	for (unsigned k = 0; k < n; k++) {
		const struct report_table *t = &tables[k];
		if (n > 1) {
			if (k)
				arena_text_puts(b, "\r\n");
			csv_field(b, t->name, 1);
			arena_text_puts(b, "\r\n");
		}
		for (unsigned c = 0; c < t->ncols; c++) {
			if (c)
				arena_text_put(b, ",", 1);
			csv_field(b, t->cols[c].label, 1);
		}
		arena_text_puts(b, "\r\n");
		for (unsigned i = 0; i < t->nrows; i++) {
			for (unsigned c = 0; c < t->ncols; c++) {
				if (c)
					arena_text_put(b, ",", 1);
				csv_field(b, export_value(a, t->cols[c].type, t->cells[i * t->ncols + c]),
					  !numeric(t->cols[c].type) && t->cols[c].type != RT_DATE);
			}
			arena_text_puts(b, "\r\n");
		}
	}
}

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
static const char *sheet_name(struct arena *a, const char *name, unsigned k)
{
	const char *clean = utf8_prefix(a, name && *name ? name : "Sheet", 24);
	char *s = arena_printf(a, "%s", clean);
	for (char *p = s; *p; p++)
		if (strchr("[]:*?/\\", *p))
			*p = ' ';
	return arena_printf(a, "%u %s", k + 1, s);
}

static int xlsx_write(struct request *r, const char *path, const struct report_table *tables, unsigned n)
{
	lxw_workbook_options options = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
	lxw_workbook *wb = workbook_new_opt(path, &options);
	if (!wb)
		return -1;
	lxw_format *head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_bg_color(head, 0xE8EEF6);
	lxw_format *money = workbook_add_format(wb);
	format_set_num_format(money, "#,##0.00");
	lxw_format *percent = workbook_add_format(wb);
	format_set_num_format(percent, "0.0%");
	lxw_format *decimal = workbook_add_format(wb);
	format_set_num_format(decimal, "0.0");
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format(date, "yyyy-mm-dd");
	for (unsigned k = 0; k < n; k++) {
		const struct report_table *t = &tables[k];
		lxw_worksheet *ws = workbook_add_worksheet(wb, sheet_name(&r->arena, t->name, k));
		if (!ws)
			break;
		for (unsigned c = 0; c < t->ncols; c++) {
			worksheet_write_string(ws, 0, (lxw_col_t)c, t->cols[c].label, head);
			worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, t->cols[c].type == RT_TEXT ? 18 : 12, NULL);
		}
		worksheet_freeze_panes(ws, 1, 0);
		for (unsigned i = 0; i < t->nrows; i++) {
			lxw_row_t row = (lxw_row_t)(i + 1);
			for (unsigned c = 0; c < t->ncols; c++) {
				const char *v = t->cells[i * t->ncols + c];
				lxw_col_t col = (lxw_col_t)c;
				int y, mo, d;
				if (!v || !*v)
					continue;
				switch (t->cols[c].type) {
				case RT_TEXT:
					worksheet_write_string(ws, row, col, v, NULL);
					break;
				case RT_INT:
					worksheet_write_number(ws, row, col, strtod(v, NULL), NULL);
					break;
				case RT_DECIMAL:
					worksheet_write_number(ws, row, col, strtod(v, NULL), decimal);
					break;
				case RT_MONEY:
					worksheet_write_number(ws, row, col, (double)strtoll(v, NULL, 10) / 100.0, money);
					break;
				case RT_PERCENT:
					worksheet_write_number(ws, row, col, strtod(v, NULL), percent);
					break;
				case RT_DATE:
					if (sscanf(v, "%4d-%2d-%2d", &y, &mo, &d) == 3) {
						lxw_datetime dt = {.year = y, .month = mo, .day = d};
						worksheet_write_datetime(ws, row, col, &dt, date);
					} else {
						worksheet_write_string(ws, row, col, v, NULL);
					}
					break;
				}
			}
		}
	}
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

/* libxlsxwriter writes to a file: a private temporary one, read back and removed at once. */
static int xlsx_body(struct request *r, const struct report_table *tables, unsigned n, char **body, size_t *len)
{
	const char *dir = getenv("TMPDIR");
	char *path = arena_printf(&r->arena, "%s/aftersales-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	int rc = xlsx_write(r, path, tables, n);
	struct stat st;
	if (rc == 0 && (fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
		rc = -1;
		if (fstat(fd, &st) == 0 && st.st_size > 0) {
			*len = (size_t)st.st_size;
			*body = arena_alloc(&r->arena, *len);
			size_t got = 0;
			ssize_t k;
			while (got < *len && (k = read(fd, *body + got, *len - got)) > 0)
				got += (size_t)k;
			rc = got == *len ? 0 : -1;
		}
		close(fd);
	} else {
		rc = -1;
	}
	unlink(path);
	return rc;
}

int report_export(struct request *r, const char *format, const char *filename, const struct report_table *tables,
		  unsigned n)
{
	if (format && !strcmp(format, "xlsx")) {
		char *body;
		size_t len;
		if (xlsx_body(r, tables, n, &body, &len) != 0) {
			log_limited("xlsx-export", "xlsx export failed: %s", strerror(errno));
			return page_error(r, 500, "导出 Excel 文件失败，请稍后再试。");
		}
		response_header(r, "Content-Disposition",
				arena_printf(&r->arena, "attachment; filename=\"%s.xlsx\"", filename));
		return response_body(r, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body,
				     len);
	}
	struct arena_text b = {.arena = &r->arena};
	csv_write(&r->arena, &b, tables, n);
	response_header(r, "Content-Disposition", arena_printf(&r->arena, "attachment; filename=\"%s.csv\"", filename));
	return response_body(r, 200, "text/csv; charset=utf-8", b.buf, b.len);
}
