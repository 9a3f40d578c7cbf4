/* Unit tests of the request text parsers (cgi-bin/parse.h). Inputs are copied into buffers of
 * exactly their length, without terminator, so a sanitizer build catches any read past the end. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "arena_fixture.h"
#include "parse.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A malloc'd copy of s[0..n) with no terminator (malloc(0) is avoided). */
static char *exact_copy(const char *s, size_t n)
{
	char *p = malloc(n ? n : 1);
	if (!p)
		abort();
	if (n)
		memcpy(p, s, n);
	return p;
}

/* ---- utf8_valid ---- */

#define BYTES(s) s, sizeof(s) - 1

static const struct utf8_case {
	const char *name;
	const char *s;
	size_t n;
	int want;
} UTF8_CASES[] = {
	{"empty", BYTES(""), 1},
	{"ascii", BYTES("hello, world 123"), 1},
	{"DEL", BYTES("\x7f"), 1},
	{"chinese", BYTES("售后服务：维修、退换货"), 1},
	{"mixed", BYTES("订单 No.42 已受理"), 1},
	{"2-byte min U+0080", BYTES("\xc2\x80"), 1},
	{"2-byte e-acute", BYTES("\xc3\xa9"), 1},
	{"2-byte max U+07FF", BYTES("\xdf\xbf"), 1},
	{"3-byte min U+0800", BYTES("\xe0\xa0\x80"), 1},
	{"U+D7FF before surrogates", BYTES("\xed\x9f\xbf"), 1},
	{"U+E000 after surrogates", BYTES("\xee\x80\x80"), 1},
	{"U+FFFF", BYTES("\xef\xbf\xbf"), 1},
	{"4-byte min U+10000", BYTES("\xf0\x90\x80\x80"), 1},
	{"emoji", BYTES("\xf0\x9f\x98\x80"), 1},
	{"max U+10FFFF", BYTES("\xf4\x8f\xbf\xbf"), 1},

	{"overlong C0 AF", BYTES("\xc0\xaf"), 0},
	{"overlong C0 80 (NUL)", BYTES("\xc0\x80"), 0},
	{"overlong C1 BF", BYTES("\xc1\xbf"), 0},
	{"overlong E0 80 AF", BYTES("\xe0\x80\xaf"), 0},
	{"overlong E0 9F BF", BYTES("\xe0\x9f\xbf"), 0},
	{"overlong F0 80 80 AF", BYTES("\xf0\x80\x80\xaf"), 0},
	{"overlong F0 8F BF BF", BYTES("\xf0\x8f\xbf\xbf"), 0},
	{"surrogate ED A0 80", BYTES("\xed\xa0\x80"), 0},
	{"surrogate ED BF BF", BYTES("\xed\xbf\xbf"), 0},
	{"surrogate pair (CESU-8)", BYTES("\xed\xa0\xbd\xed\xb8\x80"), 0},
	{"above max F4 90 80 80", BYTES("\xf4\x90\x80\x80"), 0},
	{"F5 lead", BYTES("\xf5\x80\x80\x80"), 0},
	{"F7 BF BF BF", BYTES("\xf7\xbf\xbf\xbf"), 0},
	{"5-byte F8", BYTES("\xf8\x88\x80\x80\x80"), 0},
	{"FE", BYTES("\xfe"), 0},
	{"FF", BYTES("\xff"), 0},
	{"lone continuation 80", BYTES("\x80"), 0},
	{"lone continuation BF after ascii", BYTES("a\xbf"), 0},
	{"truncated 2-byte", BYTES("\xc3"), 0},
	{"truncated 3-byte (1 of 3)", BYTES("\xe4"), 0},
	{"truncated 3-byte (2 of 3)", BYTES("\xe4\xb8"), 0},
	{"truncated 4-byte", BYTES("\xf0\x9f\x98"), 0},
	{"truncated at end of text", BYTES("中文\xe4\xb8"), 0},
	{"bad continuation (ascii)", BYTES("\xe4\x41\xad"), 0},
	{"bad continuation (lead)", BYTES("\xe4\xb8\xe4\xb8\xad"), 0},
	{"2-byte lead then ascii", BYTES("\xc3(x"), 0},
	{"NUL alone", "\0", 1, 0},
	{"NUL inside", "a\0b", 3, 0},
	{"NUL at end", "abc\0", 4, 0},
};

static void test_utf8_valid(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(UTF8_CASES); i++) {
		const struct utf8_case *c = &UTF8_CASES[i];
		char *buf = exact_copy(c->s, c->n);
		int got = utf8_valid(buf, c->n);
		free(buf);
		if (got != c->want)
			fail_msg("utf8_valid(%s) = %d, want %d", c->name, got, c->want);
	}
}

/* Only the first n bytes count: a prefix that ends inside a character is invalid, a prefix that
 * ends on a boundary is valid even if the bytes after it are garbage. */
static void test_utf8_valid_length(void **state)
{
	(void)state;
	const char *s = "中文\xff";
	assert_int_equal(utf8_valid(s, 0), 1);
	assert_int_equal(utf8_valid(s, 1), 0);
	assert_int_equal(utf8_valid(s, 2), 0);
	assert_int_equal(utf8_valid(s, 3), 1);
	assert_int_equal(utf8_valid(s, 5), 0);
	assert_int_equal(utf8_valid(s, 6), 1);
	assert_int_equal(utf8_valid(s, 7), 0);
}

/* ---- url_decode ---- */

static const struct decode_case {
	const char *name;
	const char *src;
	int plus_is_space;
	long want_len; /* -1: malformed */
	const char *want;
} DECODE_CASES[] = {
	{"empty", "", 1, 0, ""},
	{"plain", "abc", 1, 3, "abc"},
	{"%41", "%41", 1, 1, "A"},
	{"%41 inside", "x%41y", 1, 3, "xAy"},
	{"lowercase hex 中", "%e4%b8%ad", 1, 3, "中"},
	{"uppercase hex 中", "%E4%B8%AD", 1, 3, "中"},
	{"mixed case hex", "%e4%B8%aD", 1, 3, "中"},
	{"raw utf-8 passes through", "中", 1, 3, "中"},
	{"plus is space", "a+b", 1, 3, "a b"},
	{"plus kept", "a+b", 0, 3, "a+b"},
	{"only plus", "+++", 1, 3, "   "},
	{"%2B is plus", "%2B", 1, 1, "+"},
	{"%20 is space", "a%20b", 0, 3, "a b"},
	{"%25 is percent", "100%25", 1, 4, "100%"},
	{"%2525 decodes once", "%2525", 1, 3, "%25"},
	{"%3D%26", "%3D%26", 1, 2, "=&"},
	{"%FF byte", "%FF", 1, 1, "\xff"},
	{"bad %zz", "%zz", 1, -1, NULL},
	{"bad %4g", "%4g", 1, -1, NULL},
	{"bad %g4", "%g4", 1, -1, NULL},
	{"bad % space", "% 1", 1, -1, NULL},
	{"bad %-1", "%-1", 1, -1, NULL},
	{"bad %+1", "%+1", 1, -1, NULL},
	{"truncated %4", "%4", 1, -1, NULL},
	{"truncated % at end", "abc%", 1, -1, NULL},
	{"truncated %4 at end", "abc%4", 1, -1, NULL},
	{"lone %", "%", 1, -1, NULL},
	{"bad after good", "%41%zz", 1, -1, NULL},
};

static void test_url_decode(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(DECODE_CASES); i++) {
		const struct decode_case *c = &DECODE_CASES[i];
		size_t n = strlen(c->src);
		char *src = exact_copy(c->src, n);
		char *dst = malloc(n + 1);
		assert_non_null(dst);
		long got = url_decode(dst, src, n, c->plus_is_space);
		if (got != c->want_len)
			fail_msg("url_decode(%s): length %ld, want %ld", c->name, got, c->want_len);
		if (got >= 0) {
			if (memcmp(dst, c->want, (size_t)got) != 0 || dst[got] != '\0')
				fail_msg("url_decode(%s) = \"%s\", want \"%s\"", c->name, dst, c->want);
		}
		free(src);
		free(dst);
	}
}

/* %00 decodes to a real NUL byte and the length says so; form_parse then refuses it as bad UTF-8. */
static void test_url_decode_nul(void **state)
{
	(void)state;
	char dst[8];
	long got = url_decode(dst, "a%00b", 5, 1);
	assert_int_equal(got, 3);
	assert_memory_equal(dst, "a\0b", 4);
}

/* Only src[0..n) is read: a '%' cut off by n is malformed even if hex digits follow it. */
static void test_url_decode_bounded(void **state)
{
	(void)state;
	char dst[16];
	assert_int_equal(url_decode(dst, "ab%41", 2, 1), 2);
	assert_string_equal(dst, "ab");
	assert_int_equal(url_decode(dst, "ab%41", 4, 1), -1);
	assert_int_equal(url_decode(dst, "ab%41", 3, 1), -1);
	assert_int_equal(url_decode(dst, "ab%41", 5, 1), 3);
	assert_string_equal(dst, "abA");
}

/* ---- form_parse ---- */

struct pair {
	const char *key, *val;
};

#define MAXP 6
static const struct form_case {
	const char *name;
	const char *src;
	enum parse_status want;
	size_t npairs; /* expected pairs when PARSE_OK */
	struct pair pairs[MAXP];
} FORM_CASES[] = {
	{"empty", "", PARSE_OK, 0, {{NULL, NULL}}},
	{"one", "a=1", PARSE_OK, 1, {{"a", "1"}}},
	{"order kept", "b=2&a=1&c=3", PARSE_OK, 3, {{"b", "2"}, {"a", "1"}, {"c", "3"}}},
	{"empty value", "a=&b=2", PARSE_OK, 2, {{"a", ""}, {"b", "2"}}},
	{"key without =", "flag&b=2", PARSE_OK, 2, {{"flag", ""}, {"b", "2"}}},
	{"empty key", "=v", PARSE_OK, 1, {{"", "v"}}},
	{"&&", "a=1&&b=2", PARSE_OK, 2, {{"a", "1"}, {"b", "2"}}},
	{"leading &", "&a=1", PARSE_OK, 1, {{"a", "1"}}},
	{"trailing &", "a=1&", PARSE_OK, 1, {{"a", "1"}}},
	{"only &s", "&&&", PARSE_OK, 0, {{NULL, NULL}}},
	{"second = in value", "a=b=c", PARSE_OK, 1, {{"a", "b=c"}}},
	{"decoded key", "%61%62=1&x+y=2", PARSE_OK, 2, {{"ab", "1"}, {"x y", "2"}}},
	{"decoded value", "name=%E5%BC%A0+%E4%B8%89&q=a%26b%3Dc", PARSE_OK, 2,
	 {{"name", "张 三"}, {"q", "a&b=c"}}},
	{"raw utf-8", "名字=张三", PARSE_OK, 1, {{"名字", "张三"}}},
	{"duplicate keys kept", "x=1&x=2", PARSE_OK, 2, {{"x", "1"}, {"x", "2"}}},
	{"bad encoding in value", "a=1&b=%zz", PARSE_BAD_ENCODING, 0, {{NULL, NULL}}},
	{"bad encoding in key", "%zz=1", PARSE_BAD_ENCODING, 0, {{NULL, NULL}}},
	{"truncated % in value", "a=%4", PARSE_BAD_ENCODING, 0, {{NULL, NULL}}},
	{"truncated % at end", "a=1%", PARSE_BAD_ENCODING, 0, {{NULL, NULL}}},
	{"bad utf-8 in value", "a=%C0%AF", PARSE_BAD_UTF8, 0, {{NULL, NULL}}},
	{"bad utf-8 in key", "%FF=1", PARSE_BAD_UTF8, 0, {{NULL, NULL}}},
	{"surrogate", "a=%ED%A0%80", PARSE_BAD_UTF8, 0, {{NULL, NULL}}},
	{"truncated utf-8", "a=%E4%B8", PARSE_BAD_UTF8, 0, {{NULL, NULL}}},
	{"raw bad utf-8", "a=\xff", PARSE_BAD_UTF8, 0, {{NULL, NULL}}},
	{"NUL byte", "a=x%00y", PARSE_BAD_UTF8, 0, {{NULL, NULL}}},
	{"NUL in key", "%00=1", PARSE_BAD_UTF8, 0, {{NULL, NULL}}},
};

static void test_form_parse(void **state)
{
	struct arena *a = *state;
	for (size_t i = 0; i < COUNT(FORM_CASES); i++) {
		const struct form_case *c = &FORM_CASES[i];
		size_t n = strlen(c->src);
		char *src = exact_copy(c->src, n);
		struct kvlist l = {0};
		enum parse_status got = form_parse(a, src, n, &l);
		free(src);
		if (got != c->want)
			fail_msg("form_parse(%s): status %d, want %d", c->name, (int)got, (int)c->want);
		if (got != PARSE_OK)
			continue;
		if (l.n != c->npairs)
			fail_msg("form_parse(%s): %zu pairs, want %zu", c->name, l.n, c->npairs);
		for (size_t k = 0; k < l.n; k++) {
			if (strcmp(l.items[k].key, c->pairs[k].key) != 0 ||
			    strcmp(l.items[k].val, c->pairs[k].val) != 0)
				fail_msg("form_parse(%s): pair %zu is \"%s\"=\"%s\", want \"%s\"=\"%s\"", c->name,
					 k, l.items[k].key, l.items[k].val, c->pairs[k].key, c->pairs[k].val);
		}
		arena_reset(a);
	}
}

/* Only s[0..n) is parsed. */
static void test_form_parse_bounded(void **state)
{
	struct arena *a = *state;
	struct kvlist l = {0};
	assert_int_equal(form_parse(a, "a=1&b=2", 3, &l), PARSE_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(kv_get(&l, "a"), "1");
	assert_null(kv_get(&l, "b"));

	struct kvlist m = {0};
	assert_int_equal(form_parse(a, "a=%41", 4, &m), PARSE_BAD_ENCODING);
}

/* Builds "f0=0&f1=1&..." with count fields (optionally separated by extra '&'). */
static char *many_fields(size_t count, const char *sep, size_t *len)
{
	size_t cap = count * (16 + strlen(sep)) + 1;
	char *s = malloc(cap);
	if (!s)
		abort();
	size_t n = 0;
	for (size_t i = 0; i < count; i++)
		n += (size_t)snprintf(s + n, cap - n, "%sf%zu=%zu", i ? sep : "", i, i);
	*len = n;
	return s;
}

static void test_form_parse_limits(void **state)
{
	struct arena *a = *state;
	static const struct {
		size_t count;
		const char *sep;
		enum parse_status want;
	} cases[] = {
		{PARSE_MAX_FIELDS - 1, "&", PARSE_OK},
		{PARSE_MAX_FIELDS, "&", PARSE_OK},
		{PARSE_MAX_FIELDS, "&&&", PARSE_OK}, /* empty fields do not count */
		{PARSE_MAX_FIELDS + 1, "&", PARSE_TOO_MANY},
		{PARSE_MAX_FIELDS * 4, "&", PARSE_TOO_MANY},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		size_t n;
		char *s = many_fields(cases[i].count, cases[i].sep, &n);
		struct kvlist l = {0};
		enum parse_status got = form_parse(a, s, n, &l);
		free(s);
		if (got != cases[i].want)
			fail_msg("%zu fields (sep \"%s\"): status %d, want %d", cases[i].count, cases[i].sep,
				 (int)got, (int)cases[i].want);
		if (got == PARSE_OK) {
			assert_int_equal(l.n, cases[i].count);
			assert_string_equal(l.items[0].key, "f0");
			char last[32];
			snprintf(last, sizeof(last), "%zu", cases[i].count - 1);
			assert_string_equal(l.items[l.n - 1].val, last);
		} else {
			assert_true(l.n <= PARSE_MAX_FIELDS);
		}
		arena_reset(a);
	}
}

/* ---- cookies_parse ---- */

static const struct cookie_case {
	const char *name;
	const char *header;
	size_t npairs;
	struct pair pairs[MAXP];
} COOKIE_CASES[] = {
	{"NULL header", NULL, 0, {{NULL, NULL}}},
	{"empty header", "", 0, {{NULL, NULL}}},
	{"only separators", " ; ;; ", 0, {{NULL, NULL}}},
	{"one", "sid=abc", 1, {{"sid", "abc"}}},
	{"two", "a=1; b=2", 2, {{"a", "1"}, {"b", "2"}}},
	{"no space after ;", "a=1;b=2", 2, {{"a", "1"}, {"b", "2"}}},
	{"leading and trailing spaces", "  a=1 ;  b=2  ", 2, {{"a", "1"}, {"b", "2"}}},
	{"space before =", "a =1; b  =2", 2, {{"a", "1"}, {"b", "2"}}},
	{"space after value", "a=1 ; b=2 ", 2, {{"a", "1"}, {"b", "2"}}},
	{"trailing ;", "a=1;", 1, {{"a", "1"}}},
	{"missing = skipped", "junk; a=1; more", 1, {{"a", "1"}}},
	{"empty name skipped", "=x; a=1", 1, {{"a", "1"}}},
	{"empty value", "a=; b=2", 2, {{"a", ""}, {"b", "2"}}},
	{"= inside value", "t=YWJj==; u=1", 2, {{"t", "YWJj=="}, {"u", "1"}}},
	{"value not decoded", "m=%41+b", 1, {{"m", "%41+b"}}},
	{"duplicates kept in order", "a=1; a=2", 2, {{"a", "1"}, {"a", "2"}}},
};

static void test_cookies_parse(void **state)
{
	struct arena *a = *state;
	for (size_t i = 0; i < COUNT(COOKIE_CASES); i++) {
		const struct cookie_case *c = &COOKIE_CASES[i];
		char *h = c->header ? strdup(c->header) : NULL;
		struct kvlist l = {0};
		cookies_parse(a, h, &l);
		free(h);
		if (l.n != c->npairs)
			fail_msg("cookies_parse(%s): %zu pairs, want %zu", c->name, l.n, c->npairs);
		for (size_t k = 0; k < l.n; k++) {
			if (strcmp(l.items[k].key, c->pairs[k].key) != 0 ||
			    strcmp(l.items[k].val, c->pairs[k].val) != 0)
				fail_msg("cookies_parse(%s): pair %zu is \"%s\"=\"%s\", want \"%s\"=\"%s\"",
					 c->name, k, l.items[k].key, l.items[k].val, c->pairs[k].key,
					 c->pairs[k].val);
		}
		arena_reset(a);
	}
}

/* Whitespace around '=' is dropped on both sides (RFC 6265 5.2 trims name and value). */
static void test_cookies_space_after_equals(void **state)
{
	struct arena *a = *state;
	struct kvlist l = {0};
	cookies_parse(a, "a = 1; sid= abc", &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].key, "a");
	assert_string_equal(l.items[1].key, "sid");
	assert_string_equal(kv_get(&l, "a"), "1");
	assert_string_equal(kv_get(&l, "sid"), "abc");
}

/* A header with thousands of cookies is cut at PARSE_MAX_FIELDS and does not loop or overflow. */
static void test_cookies_many(void **state)
{
	struct arena *a = *state;
	size_t n;
	char *s = many_fields(PARSE_MAX_FIELDS * 3, "; ", &n);
	struct kvlist l = {0};
	cookies_parse(a, s, &l);
	free(s);
	assert_int_equal(l.n, PARSE_MAX_FIELDS);
	assert_string_equal(l.items[0].key, "f0");
	assert_string_equal(l.items[PARSE_MAX_FIELDS - 1].val, "255");
}

/* ---- body_form_read ---- */

struct body_src {
	const char *p;
	size_t left;
	int calls;
};

static size_t body_src_read_cb(void *ctx, char *buf, size_t n)
{
	struct body_src *b = ctx;
	size_t m = n < b->left ? n : b->left;
	memcpy(buf, b->p, m);
	b->p += m;
	b->left -= m;
	b->calls++;
	return m;
}

#define FORM_TYPE "application/x-www-form-urlencoded"

static const struct body_case {
	const char *name;
	const char *length, *type, *body;
	enum parse_status want;
	int reads;
	size_t npairs;
} BODY_CASES[] = {
	{"no length", NULL, FORM_TYPE, "a=1", PARSE_OK, 0, 0},
	{"empty length", "", FORM_TYPE, "a=1", PARSE_OK, 0, 0},
	{"zero length", "0", FORM_TYPE, "", PARSE_OK, 0, 0},
	{"form", "7", FORM_TYPE, "a=1&b=2", PARSE_OK, 1, 2},
	{"type with charset, any case", "3", "Application/X-WWW-Form-URLencoded; charset=UTF-8", "a=1",
	 PARSE_OK, 1, 1},
	{"length cuts the body", "3", FORM_TYPE, "a=1&b=2", PARSE_OK, 1, 1},
	{"other type not read", "3", "multipart/form-data; boundary=x", "a=1", PARSE_OK, 0, 0},
	{"type prefix only", "3", "application/x-www-form-urlencodedx", "a=1", PARSE_OK, 0, 0},
	{"no type", "3", NULL, "a=1", PARSE_OK, 0, 0},
	{"short body", "9", FORM_TYPE, "a=1", PARSE_BAD_LENGTH, 1, 0},
	{"not a number", "3x", FORM_TYPE, "a=1", PARSE_BAD_LENGTH, 0, 0},
	{"negative", "-3", FORM_TYPE, "a=1", PARSE_BAD_LENGTH, 0, 0},
	{"overflow", "99999999999999999999", FORM_TYPE, "a=1", PARSE_BAD_LENGTH, 0, 0},
	{"at the limit", "1024", "text/plain", "", PARSE_OK, 0, 0},
	{"over the limit", "1025", FORM_TYPE, "a=1", PARSE_TOO_LARGE, 0, 0},
	{"bad encoding", "4", FORM_TYPE, "a=%4", PARSE_BAD_ENCODING, 1, 0},
};

static void test_body_form_read(void **state)
{
	struct arena *a = *state;
	for (size_t i = 0; i < COUNT(BODY_CASES); i++) {
		const struct body_case *c = &BODY_CASES[i];
		struct body_src src = {c->body, strlen(c->body), 0};
		struct kvlist l = {0};
		enum parse_status st = body_form_read(a, c->length, c->type, 1024, body_src_read_cb, &src, &l);
		if (st != c->want || src.calls != c->reads || l.n != c->npairs)
			fail_msg("body_form_read(%s): status %d, %d reads, %zu pairs; want %d, %d, %zu",
				 c->name, st, src.calls, l.n, c->want, c->reads, c->npairs);
		arena_reset(a);
	}
}

/* ---- kv_get / kv_add ---- */

static void test_kv_get(void **state)
{
	struct arena *a = *state;
	struct kvlist empty = {0};
	assert_null(kv_get(&empty, "a"));

	struct kvlist l = {0};
	assert_int_equal(form_parse(a, "x=1&y=&x=2&Z=3", 14, &l), PARSE_OK);
	static const struct {
		const char *key, *want;
	} cases[] = {
		{"x", "1"}, /* first wins */
		{"y", ""},
		{"Z", "3"},
		{"z", NULL}, /* case-sensitive */
		{"", NULL},
		{"x ", NULL},
		{"missing", NULL},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		const char *got = kv_get(&l, cases[i].key);
		if (cases[i].want == NULL ? got != NULL : (got == NULL || strcmp(got, cases[i].want) != 0))
			fail_msg("kv_get(\"%s\") = %s%s%s, want %s", cases[i].key, got ? "\"" : "",
				 got ? got : "NULL", got ? "\"" : "", cases[i].want ? cases[i].want : "NULL");
	}

	struct kvlist c = {0};
	cookies_parse(a, "sid=first; sid=second", &c);
	assert_string_equal(kv_get(&c, "sid"), "first");
}

/* kv_add grows the list past its initial capacity and keeps every pair in order. */
static void test_kv_add_grows(void **state)
{
	struct arena *a = *state;
	struct kvlist l = {0};
	for (int i = 0; i < 1000; i++)
		kv_add(a, &l, arena_printf(a, "k%d", i), arena_printf(a, "v%d", i));
	assert_int_equal(l.n, 1000);
	assert_true(l.cap >= l.n);
	for (int i = 0; i < 1000; i++) {
		char k[16], v[16];
		snprintf(k, sizeof(k), "k%d", i);
		snprintf(v, sizeof(v), "v%d", i);
		assert_string_equal(l.items[i].key, k);
		assert_string_equal(kv_get(&l, k), v);
	}
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, arena_setup, arena_teardown)
	const struct CMUnitTest tests[] = {
		T(test_utf8_valid),
		T(test_utf8_valid_length),
		T(test_url_decode),
		T(test_url_decode_nul),
		T(test_url_decode_bounded),
		T(test_form_parse),
		T(test_form_parse_bounded),
		T(test_form_parse_limits),
		T(test_cookies_parse),
		T(test_cookies_space_after_equals),
		T(test_cookies_many),
		T(test_body_form_read),
		T(test_kv_get),
		T(test_kv_add_grows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
