/* Unit tests of the ctemplate bridge (cgi-bin/tmpl.h): auto-escaping, includes, sections, and the
 * refusal of templates without the HTML auto-escape pragma.
 *
 * ctemplate's cache is global and tmpl_init freezes it, so the tests of tmpl_init on scratch
 * directories run first, each in a forked child, before the parent loads the real templates. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tmpl.h"

#ifndef TEMPLATES_DIR
#error "TEMPLATES_DIR must name the repository's templates/ folder"
#endif

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define PRAGMA "{{%AUTOESCAPE context=\"HTML\"}}"

/* ---- tmpl_init on scratch directories, in children ---- */

struct file {
	const char *name, *content;
};

static const struct init_case {
	const char *name;
	int want_ok;
	struct file files[3]; /* name NULL ends the list */
} INIT_CASES[] = {
	{"good template (control)", 1, {{"good.tpl", PRAGMA "\n<p>{{X}}</p>\n"}}},
	{"good template without final newline", 1, {{"good.tpl", PRAGMA "\n<p>{{X}}</p>"}}},
	{"other files are ignored", 1,
	 {{"good.tpl", PRAGMA "\n<p>{{X}}</p>\n"}, {"notes.txt", "<p>{{X}}</p>\n"}, {"x.tpl.bak", "{{X}}\n"}}},
	{"no pragma", 0, {{"bad.tpl", "<p>{{X}}</p>\n"}}},
	{"pragma on the second line", 0, {{"bad.tpl", "\n" PRAGMA "\n<p>{{X}}</p>\n"}}},
	{"pragma after a comment", 0, {{"bad.tpl", "{{! note }}\n" PRAGMA "\n<p>{{X}}</p>\n"}}},
	{"pragma indented", 0, {{"bad.tpl", " " PRAGMA "\n<p>{{X}}</p>\n"}}},
	{"javascript context", 0, {{"bad.tpl", "{{%AUTOESCAPE context=\"JAVASCRIPT\"}}\n{{X}}\n"}}},
	{"lowercase html context", 0, {{"bad.tpl", "{{%AUTOESCAPE context=\"html\"}}\n{{X}}\n"}}},
	{"empty file", 0, {{"empty.tpl", ""}}},
	{"one bad among good ones", 0,
	 {{"a.tpl", PRAGMA "\n<p>{{X}}</p>\n"}, {"b.tpl", "<p>{{X}}</p>\n"}, {"c.tpl", PRAGMA "\n<i>{{Y}}</i>\n"}}},
	{"pragma but unbalanced section", 0, {{"bad.tpl", PRAGMA "\n{{#S}}<p>open\n"}}},
	{"no template at all", 0, {{"readme.txt", "nothing here\n"}}},
	{"empty directory", 0, {{NULL, NULL}}},
};

static int write_file(const char *dir, const char *name, const char *content)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	size_t n = strlen(content);
	int rc = fwrite(content, 1, n, f) == n ? 0 : -1;
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

static void remove_dir(const char *dir, const struct file *files, size_t n)
{
	char path[4096];
	for (size_t i = 0; i < n && files[i].name; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i].name);
		unlink(path);
	}
	rmdir(dir);
}

/* Calls tmpl_init(dir) in a child (stderr silenced); returns its exit code, or -1. */
static int init_in_child(const char *dir)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		if (devnull >= 0)
			dup2(devnull, 2);
		int rc = tmpl_init(dir);
		_exit(rc == 0 ? 0 : 1);
	}
	int status;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static void test_init_pragma_checks(void **state)
{
	(void)state;
	const char *tmp = getenv("TMPDIR");
	for (size_t i = 0; i < COUNT(INIT_CASES); i++) {
		const struct init_case *c = &INIT_CASES[i];
		char dir[1024];
		int dn = snprintf(dir, sizeof(dir), "%s/test_tmpl.XXXXXX", tmp && *tmp ? tmp : "/tmp");
		assert_true(dn > 0 && (size_t)dn < sizeof(dir));
		assert_non_null(mkdtemp(dir));
		for (size_t k = 0; k < COUNT(c->files) && c->files[k].name; k++)
			assert_int_equal(write_file(dir, c->files[k].name, c->files[k].content), 0);
		int code = init_in_child(dir);
		remove_dir(dir, c->files, COUNT(c->files));
		if (code < 0)
			fail_msg("%s: the child did not exit normally", c->name);
		if (c->want_ok && code != 0)
			fail_msg("%s: tmpl_init refused the directory, want accepted", c->name);
		if (!c->want_ok && code == 0)
			fail_msg("%s: tmpl_init accepted the directory, want refused", c->name);
	}
}

static void test_init_missing_dir(void **state)
{
	(void)state;
	assert_int_not_equal(init_in_child("/nonexistent/test_tmpl/templates"), 0);
}

/* ---- expansion with the real templates ---- */

static int templates_setup(void **state)
{
	(void)state;
	return tmpl_init(TEMPLATES_DIR) == 0 ? 0 : -1;
}

static char *expand(const char *file, const tmpl_dict *d)
{
	char *out = NULL;
	size_t len = 0;
	if (tmpl_expand(file, d, &out, &len) != 0)
		fail_msg("tmpl_expand(%s) failed", file);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	return out;
}

static void assert_has(const char *out, const char *needle)
{
	if (!strstr(out, needle))
		fail_msg("output lacks \"%s\":\n%s", needle, out);
}

static void assert_lacks(const char *out, const char *needle)
{
	if (strstr(out, needle))
		fail_msg("output contains \"%s\":\n%s", needle, out);
}

static size_t count_of(const char *out, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(out, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void test_login_escapes(void **state)
{
	(void)state;
	tmpl_dict *d = tmpl_dict_new();
	tmpl_set(d, "username", "<script>alert(\"x\")</script>");
	tmpl_set(d, "MESSAGE", "a&b'\"");
	char *out = expand("login.tpl", d);
	assert_has(out, "&lt;script&gt;");
	assert_has(out, "&lt;/script&gt;");
	assert_has(out, "a&amp;b");
	assert_has(out, "&quot;");
	assert_has(out, "&#39;");
	assert_lacks(out, "<script>alert");
	assert_lacks(out, "<script");
	assert_lacks(out, "a&b");
	assert_lacks(out, "alert(\"x\")");
	/* The value attribute is not broken out of. */
	assert_lacks(out, "value=\"<");
	/* The template's own markup is intact. */
	assert_has(out, "<form method=\"post\" action=\"/login\"");
	assert_has(out, "员工登录");
	/* The pragma itself is not output. */
	assert_lacks(out, "AUTOESCAPE");
	free(out);
	tmpl_dict_free(d);
}

/* Each dangerous character in turn, in text and in a quoted attribute. */
static void test_escape_table(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want, *bad;
	} cases[] = {
		{"<", "&lt;", "<x"},
		{">", "&gt;", ">x"},
		{"&", "&amp;", "&x"},
		{"\"", "&quot;", "\"x"},
		{"'", "&#39;", "'x"},
		{"中文", "中文", NULL},
		{"<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;", "<img"},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		char val[128];
		snprintf(val, sizeof(val), "%sx", cases[i].in);
		char want[160];
		snprintf(want, sizeof(want), "%sx", cases[i].want);
		tmpl_dict *d = tmpl_dict_new();
		tmpl_set(d, "MESSAGE", val);  /* text */
		tmpl_set(d, "username", val); /* attribute */
		char *out = expand("login.tpl", d);
		char text[256], attr[256];
		snprintf(text, sizeof(text), "role=\"alert\">%s</p>", want);
		snprintf(attr, sizeof(attr), "value=\"%s\"", want);
		assert_has(out, text);
		assert_has(out, attr);
		if (cases[i].bad)
			assert_lacks(out, cases[i].bad);
		free(out);
		tmpl_dict_free(d);
	}
}

static void test_layout_include_escapes(void **state)
{
	(void)state;
	tmpl_dict *d = tmpl_dict_new();
	tmpl_set(d, "TITLE", "</title><script>x()</script>");
	tmpl_set(d, "SITE_NAME", "售后 & 服务");
	tmpl_set(d, "STATIC", "/static");
	tmpl_dict *page = tmpl_include(d, "CONTENT", "error.tpl");
	assert_non_null(page);
	tmpl_set(page, "HEADING", "<b>bold</b>");
	tmpl_set(page, "MESSAGE", "<a href=\"javascript:evil()\">click</a>");
	tmpl_set_int(page, "STATUS", 404);
	char *out = expand("layout.tpl", d);
	/* layout itself */
	assert_has(out, "<!DOCTYPE html>");
	assert_has(out, "<main>");
	assert_has(out, "</main>");
	assert_has(out, "&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;");
	assert_lacks(out, "<script>");
	assert_has(out, "售后 &amp; 服务");
	assert_has(out, "href=\"/static/style.css\"");
	/* the included page, between <main> and </main>, escaped too */
	const char *main_open = strstr(out, "<main>"), *main_close = strstr(out, "</main>");
	const char *section = strstr(out, "error-page");
	assert_non_null(section);
	assert_true(section > main_open && section < main_close);
	assert_has(out, "data-status-code=\"404\"");
	assert_has(out, "<h1>&lt;b&gt;bold&lt;/b&gt;</h1>");
	assert_lacks(out, "<b>bold");
	assert_has(out, "&lt;a href=&quot;javascript:evil()&quot;&gt;click&lt;/a&gt;");
	assert_lacks(out, "<a href=\"javascript");
	/* The included dictionary does not leak into the parent and vice versa. */
	assert_int_equal(count_of(out, "&lt;b&gt;bold"), 1);
	free(out);
	tmpl_dict_free(d);
}

/* Without an include for CONTENT, the layout still expands, with nothing in <main>. */
static void test_layout_without_include(void **state)
{
	(void)state;
	tmpl_dict *d = tmpl_dict_new();
	char *out = expand("layout.tpl", d);
	assert_has(out, "<main>");
	assert_lacks(out, "error-page");
	free(out);
	tmpl_dict_free(d);
}

/* A value put into a URL attribute is checked as a URL, not only HTML-escaped. */
static void test_url_attribute(void **state)
{
	(void)state;
	tmpl_dict *d = tmpl_dict_new();
	tmpl_set(d, "STATIC", "javascript:alert(1)//");
	char *out = expand("layout.tpl", d);
	assert_lacks(out, "href=\"javascript:");
	free(out);
	tmpl_dict_free(d);
}

static const struct section_case {
	const char *show[3]; /* sections shown in the root dictionary */
	const char *present[3];
	const char *absent[3];
} SECTION_CASES[] = {
	{{NULL}, {NULL}, {"href=\"/repair/new\"", "action=\"/logout\"", "href=\"/admin/users\""}},
	{{"PUBLIC_NAV"}, {"href=\"/repair/new\"", "href=\"/track\""}, {"action=\"/logout\"", "href=\"/admin/users\""}},
	/* The staff links are NAV_LINK rows the program adds per role (response.c): none by themselves. */
	{{"STAFF"}, {"action=\"/logout\""}, {"href=\"/repair/new\"", "href=\"/admin/users\"", "href=\"/staff/password\""}},
	/* A nested section is not shown when its parent is not. */
	{{"NAV_LINK"}, {NULL}, {"action=\"/logout\""}},
};

static void test_sections_shown(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(SECTION_CASES); i++) {
		const struct section_case *c = &SECTION_CASES[i];
		tmpl_dict *d = tmpl_dict_new();
		for (size_t k = 0; k < 3 && c->show[k]; k++)
			tmpl_show(d, c->show[k]);
		char *out = expand("layout.tpl", d);
		for (size_t k = 0; k < 3 && c->present[k]; k++)
			if (!strstr(out, c->present[k]))
				fail_msg("case %zu: \"%s\" missing", i, c->present[k]);
		for (size_t k = 0; k < 3 && c->absent[k]; k++)
			if (strstr(out, c->absent[k]))
				fail_msg("case %zu: \"%s\" present", i, c->absent[k]);
		free(out);
		tmpl_dict_free(d);
	}
}

/* Shown sections see the root's values; a section in an included template is shown through its
 * own dictionary. */
static void test_section_in_include(void **state)
{
	(void)state;
	tmpl_dict *d = tmpl_dict_new();
	tmpl_show(d, "STAFF");
	tmpl_set(d, "USER_NAME", "<张三>");
	tmpl_set(d, "CSRF", "ab\"cd");
	tmpl_dict *page = tmpl_include(d, "CONTENT", "error.tpl");
	char *out = expand("layout.tpl", d);
	assert_has(out, "&lt;张三&gt;");
	assert_has(out, "value=\"ab&quot;cd\"");
	assert_lacks(out, "返回工作台");
	free(out);

	tmpl_show(page, "STAFF_LINK");
	out = expand("layout.tpl", d);
	assert_has(out, "返回工作台");
	free(out);
	tmpl_dict_free(d);
}

static void test_section_repeated(void **state)
{
	(void)state;
	tmpl_dict *d = tmpl_dict_new();
	tmpl_dict *row = tmpl_section(d, "USER");
	tmpl_set_int(row, "ID", 1);
	tmpl_set(row, "USERNAME", "alice");
	tmpl_set(row, "DISPLAY_NAME", "爱丽丝");
	tmpl_show(row, "ACTIVE");
	row = tmpl_section(d, "USER");
	tmpl_set_int(row, "ID", 2);
	tmpl_set(row, "USERNAME", "<bob>");
	tmpl_set(row, "DISPLAY_NAME", "鲍勃 & co");
	tmpl_show(row, "INACTIVE");
	char *out = expand("users.tpl", d);
	assert_int_equal(count_of(out, "<tr><td data-label="), 2);
	assert_has(out, "href=\"/admin/users/1\">alice</a>");
	assert_has(out, "href=\"/admin/users/2\">&lt;bob&gt;</a>");
	assert_has(out, "鲍勃 &amp; co");
	assert_lacks(out, "<bob>");
	assert_int_equal(count_of(out, "tag ok"), 1);
	assert_int_equal(count_of(out, "tag off"), 1);
	/* Row order is kept. */
	assert_true(strstr(out, "alice") < strstr(out, "&lt;bob&gt;"));
	free(out);

	/* No repetition: the section is absent. */
	tmpl_dict *empty = tmpl_dict_new();
	out = expand("users.tpl", empty);
	assert_int_equal(count_of(out, "<tr><td>"), 0);
	free(out);
	tmpl_dict_free(empty);
	tmpl_dict_free(d);
}

static void test_set_int_and_null(void **state)
{
	(void)state;
	static const struct {
		long long v;
		const char *want;
	} cases[] = {
		{0, "data-status-code=\"0\""},
		{404, "data-status-code=\"404\""},
		{-5, "data-status-code=\"-5\""},
		{9223372036854775807LL, "data-status-code=\"9223372036854775807\""},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		tmpl_dict *d = tmpl_dict_new();
		tmpl_set_int(d, "STATUS", cases[i].v);
		tmpl_set(d, "MESSAGE", NULL);
		char *out = expand("error.tpl", d);
		assert_has(out, cases[i].want);
		assert_has(out, "<p></p>");
		free(out);
		tmpl_dict_free(d);
	}
}

/* Expanding twice with the same dictionary gives the same text. */
static void test_expand_repeatable(void **state)
{
	(void)state;
	tmpl_dict *d = tmpl_dict_new();
	tmpl_set(d, "MESSAGE", "<again>");
	char *a = expand("login.tpl", d);
	char *b = expand("login.tpl", d);
	assert_string_equal(a, b);
	free(a);
	free(b);
	tmpl_dict_free(d);
}

static void test_unknown_file(void **state)
{
	(void)state;
	static const char *const files[] = {
		"nope.tpl", "login", "LOGIN.TPL", "", "../templates/login.tpl", "/etc/passwd", "/etc/hostname",
	};
	tmpl_dict *d = tmpl_dict_new();
	for (size_t i = 0; i < COUNT(files); i++) {
		char *out = (char *)0x1;
		size_t len = 12345;
		int rc = tmpl_expand(files[i], d, &out, &len);
		if (rc != -1)
			fail_msg("tmpl_expand(\"%s\") = %d, want -1", files[i], rc);
		/* Nothing was handed out on failure. */
		assert_ptr_equal(out, (char *)0x1);
		assert_int_equal(len, 12345);
	}
	/* An include that names an unknown file does not bring in anything. */
	tmpl_include(d, "CONTENT", "nope.tpl");
	char *out = NULL;
	size_t len = 0;
	int rc = tmpl_expand("layout.tpl", d, &out, &len);
	if (rc == 0) {
		assert_lacks(out, "nope");
		free(out);
	}
	tmpl_dict_free(d);
}

int main(void)
{
	const struct CMUnitTest before_init[] = {
		cmocka_unit_test(test_init_pragma_checks),
		cmocka_unit_test(test_init_missing_dir),
	};
	const struct CMUnitTest with_templates[] = {
		cmocka_unit_test(test_login_escapes),
		cmocka_unit_test(test_escape_table),
		cmocka_unit_test(test_layout_include_escapes),
		cmocka_unit_test(test_layout_without_include),
		cmocka_unit_test(test_url_attribute),
		cmocka_unit_test(test_sections_shown),
		cmocka_unit_test(test_section_in_include),
		cmocka_unit_test(test_section_repeated),
		cmocka_unit_test(test_set_int_and_null),
		cmocka_unit_test(test_expand_repeatable),
		cmocka_unit_test(test_unknown_file),
	};
	int failed = cmocka_run_group_tests_name("tmpl_init", before_init, NULL, NULL);
	failed += cmocka_run_group_tests_name("templates", with_templates, templates_setup, NULL);
	return failed;
}
