/* Fuzzes body_form_read, the request body reader, against a reference reading of CONTENT_LENGTH
 * and CONTENT_TYPE: the reader is asked for exactly the declared length and only when the body is
 * to be parsed, a short body is refused, and the pairs are what form_parse makes of the body.
 * Input: a flag byte (bit 0: no CONTENT_LENGTH, bit 1: no CONTENT_TYPE), then
 * "CONTENT_LENGTH\nCONTENT_TYPE\nbody" (the two values end at a NUL as FastCGI params do). */
#include <limits.h>
#include <string.h>

#include "fuzz.h"
#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The configuration's smallest max_body, so that the limit is often in reach. */
#define MAX_BODY 1024

struct body {
	const char *p;
	size_t left;
	int calls;
	size_t asked;
};

static size_t read_cb(void *ctx, char *buf, size_t n)
{
	struct body *b = ctx;
	size_t m = n < b->left ? n : b->left;
	b->calls++;
	b->asked = n;
	memcpy(buf, b->p, m);
	b->p += m;
	b->left -= m;
	return m;
}

/* Takes bytes up to the next '\n' (or the end) as a C string. */
static char *take_line(const char **p, size_t *n)
{
	const char *nl = memchr(*p, '\n', *n);
	size_t len = nl ? (size_t)(nl - *p) : *n;
	char *s = xmalloc(len + 1);
	memcpy(s, *p, len);
	s[len] = '\0';
	*p += len + (nl != NULL);
	*n -= len + (nl != NULL);
	return s;
}

/* What strtoll base 10 accepts whole, read by hand: 1 and *out, or 0 when it is not a
 * non-negative number (negative zero counts as zero). */
static int reference_length(const char *s, long long *out)
{
	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	int neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	if (!(*s >= '0' && *s <= '9'))
		return 0;
	long long v = 0;
	int overflow = 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (LLONG_MAX - (*s - '0')) / 10)
			overflow = 1;
		else
			v = v * 10 + (*s - '0');
	}
	if (*s || overflow || (neg && v))
		return 0;
	*out = v;
	return 1;
}

static int reference_urlencoded(const char *type)
{
	static const char want[] = "application/x-www-form-urlencoded";
	if (!type)
		return 0;
	for (size_t i = 0; i < sizeof(want) - 1; i++)
		if (tolower((unsigned char)type[i]) != want[i])
			return 0;
	return type[sizeof(want) - 1] == '\0' || type[sizeof(want) - 1] == ';';
}

static enum parse_status expected(const char *cl, const char *type, long long *len)
{
	*len = 0;
	if (!cl || !*cl)
		return PARSE_OK;
	if (!reference_length(cl, len))
		return PARSE_BAD_LENGTH;
	if (*len > MAX_BODY)
		return PARSE_TOO_LARGE;
	if (!reference_urlencoded(type))
		*len = 0;
	return PARSE_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	int flags = data[0];
	const char *p = (const char *)data + 1;
	size_t n = size - 1;
	char *cl = take_line(&p, &n), *type = take_line(&p, &n);
	const char *cl_param = flags & 1 ? NULL : cl, *type_param = flags & 2 ? NULL : type;

	struct arena a;
	arena_init(&a);
	struct kvlist got = {0}, want = {0};
	struct body b = {p, n, 0, 0};
	enum parse_status st = body_form_read(&a, cl_param, type_param, MAX_BODY, read_cb, &b, &got);

	long long len;
	enum parse_status st_want = expected(cl_param, type_param, &len);
	if (st_want != PARSE_OK || len == 0) {
		CHECK(st == st_want && b.calls == 0 && got.n == 0);
	} else {
		CHECK(b.calls == 1 && b.asked == (size_t)len);
		if ((size_t)len > n) {
			CHECK(st == PARSE_BAD_LENGTH);
		} else {
			CHECK(st == form_parse(&a, p, (size_t)len, &want));
			CHECK(got.n == want.n);
			for (size_t i = 0; i < got.n; i++)
				CHECK(!strcmp(got.items[i].key, want.items[i].key) &&
				      !strcmp(got.items[i].val, want.items[i].val));
		}
	}

	arena_free(&a);
	free(cl);
	free(type);
	return 0;
}
