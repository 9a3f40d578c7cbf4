/* Form checking driven by field_rule tables. */
#include "form.h"
#include "sla.h"
#include "valid.h"

#include <stdio.h>
#include <string.h>

static const char *trimmed(struct arena *a, const char *v);

const char *form_trimmed(struct request *r, const char *name)
{
	const char *v = form_get(r, name);
	return trimmed(&r->arena, v ? v : "");
}

static const char *trimmed(struct arena *a, const char *v)
{
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	size_t n = strlen(v);
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' || v[n - 1] == '\n'))
		n--;
	return arena_strndup(a, v, n);
}

void form_error(struct request *r, tmpl_dict *d, const char *field, const char *message)
{
	tmpl_set(d, arena_printf(&r->arena, "%s_error", field), message);
	tmpl_show(d, arena_printf(&r->arena, "%s_INVALID", field));
	if (!r->page)
		return;
	if (!r->form_errors) {
		r->form_errors = tmpl_section(tmpl_include(r->page, "FORM_ERRORS", "form_errors.tpl"), "SUMMARY");
		/* Pages without a summary carry no script at all. */
		tmpl_show(r->layout, "FOCUS_SCRIPT");
	}
	tmpl_dict *e = tmpl_section(r->form_errors, "FORM_ERROR");
	tmpl_set(e, "FIELD", field);
	tmpl_set(e, "MESSAGE", message);
}

void form_keep(struct request *r, tmpl_dict *d)
{
	for (size_t i = 0; i < r->form.n; i++) {
		const struct kv *f = &r->form.items[i];
		if (!strcmp(f->key, "csrf"))
			continue;
		tmpl_set(d, f->key, f->val);
		if (f->val && *f->val)
			tmpl_show(d, arena_printf(&r->arena, "KEPT_%s", f->key));
	}
}

int form_validate(struct request *r, const struct field_rule *rules, size_t n, const char **vals, tmpl_dict *page)
{
	int errors = 0;
	for (size_t i = 0; i < n; i++) {
		const char *raw = form_get(r, rules[i].name);
		const char *v = trimmed(&r->arena, raw ? raw : "");
		const char *msg = NULL;
		vals[i] = v;
		tmpl_set(page, rules[i].name, v);
		if (!*v)
			msg = rules[i].required ? "此项为必填项" : NULL;
		else if (rules[i].max_chars && utf8_chars(v) > rules[i].max_chars)
			msg = arena_printf(&r->arena, "不能超过 %zu 个字符", rules[i].max_chars);
		else if (rules[i].check)
			msg = rules[i].check(v);
		if (msg) {
			form_error(r, page, rules[i].name, msg);
			errors++;
		}
	}
	return errors;
}

void form_options(tmpl_dict *page, const char *section, const char *const (*choices)[2], size_t n,
		  const char *selected)
{
	for (size_t i = 0; i < n; i++) {
		tmpl_dict *o = tmpl_section(page, section);
		tmpl_set(o, "CODE", choices[i][0]);
		tmpl_set(o, "LABEL", choices[i][1]);
		if (selected && !strcmp(selected, choices[i][0]))
			tmpl_show(o, "SELECTED");
	}
}

void form_options_rows(tmpl_dict *page, const char *section, const struct db_result *res, const char *selected)
{
	for (size_t i = 0; i < res->nrows; i++) {
		const char *const choice[1][2] = {{db_cell(res, i, 0), db_cell(res, i, 1)}};
		form_options(page, section, choice, 1, selected);
	}
}

const char *form_text(struct request *r, const char *name, size_t max, int required, const char *label,
		      const char **refusal)
{
	const char *v = form_trimmed(r, name);
	const char *why = NULL;
	if (required && !*v)
		why = arena_printf(&r->arena, "请填写%s", label);
	else if (utf8_chars(v) > max)
		why = arena_printf(&r->arena, "%s不能超过 %zu 个字符", label, max);
	if (why && !*refusal) {
		*refusal = why;
		r->refused_field = name;
	}
	return v;
}

int form_money(struct request *r, const char *name, const char *label, long long *cents, const char **refusal)
{
	const char *v = form_trimmed(r, name);
	if (!*v)
		return 0;
	/* As people write amounts: "¥1,234.50" */
	if (!strncmp(v, "¥", strlen("¥")))
		v += strlen("¥");
	else if (!strncmp(v, "￥", strlen("￥"))) /* the full-width sign of Chinese input methods */
		v += strlen("￥");
	char *plain = arena_strdup(&r->arena, v), *w = plain;
	for (const char *p = v; *p; p++)
		if (*p != ',')
			*w++ = *p;
	*w = 0;
	if (parse_money(plain, cents))
		return 1;
	if (!*refusal) {
		*refusal = arena_printf(&r->arena, "%s应为金额，如 120 或 35.50", label);
		r->refused_field = name;
	}
	return -1;
}

const char *form_datetime(struct request *r, const char *name, const char *label, const char **refusal)
{
	const char *v = form_get(r, name);
	char buf[20];
	long long t;
	if (!v || !*v)
		return NULL;
	if (strlen(v) == 16 && (v[10] == 'T' || v[10] == ' ') && !valid_date(arena_strndup(&r->arena, v, 10))) {
		snprintf(buf, sizeof(buf), "%.10s %.5s:00", v, v + 11);
		if (!sla_parse(buf, &t))
			return arena_strdup(&r->arena, buf);
	}
	if (!*refusal) {
		*refusal = arena_printf(&r->arena, "%s格式应为 年-月-日 时:分", label);
		r->refused_field = name;
	}
	return NULL;
}
