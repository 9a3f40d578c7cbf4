/* Parsers of untrusted request text: percent-decoding, urlencoded forms, cookie headers, UTF-8. */
#ifndef AFTERSALES_PARSE_H
#define AFTERSALES_PARSE_H
#include <stddef.h>
#include "arena.h"

struct kv {
	const char *key;
	const char *val;
};

/* A list of pairs in arrival order; all memory lives in the request arena. */
struct kvlist {
	struct kv *items;
	size_t n, cap;
};

enum parse_status {
	PARSE_OK = 0,
	PARSE_BAD_ENCODING,   /* a '%' not followed by two hex digits */
	PARSE_BAD_UTF8,       /* decoded bytes are not valid UTF-8, or contain NUL */
	PARSE_TOO_MANY,       /* more fields than PARSE_MAX_FIELDS */
	PARSE_BAD_LENGTH,     /* CONTENT_LENGTH is not a number, or the body is shorter than it */
	PARSE_TOO_LARGE,      /* CONTENT_LENGTH is above the limit */
};

#define PARSE_MAX_FIELDS 256

/* Returns 1 when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates) without NUL bytes. */
int utf8_valid(const char *s, size_t n);
/* Decodes src[0..n) into dst (at least n+1 bytes); '+' becomes a space when plus_is_space.
 * Returns the decoded length, or -1 on malformed percent-encoding. */
long url_decode(char *dst, const char *src, size_t n, int plus_is_space);
/* Parses "a=1&b=2" (application/x-www-form-urlencoded, also query strings) into out. */
enum parse_status form_parse(struct arena *a, const char *s, size_t n, struct kvlist *out);
/* Parses a Cookie header ("a=1; b=2"); malformed pairs are skipped, values are not decoded. */
void cookies_parse(struct arena *a, const char *header, struct kvlist *out);
/* Reads up to n bytes of a request body into buf; returns how many, fewer only at the body's end. */
typedef size_t (*body_read_fn)(void *ctx, char *buf, size_t n);
/* Reads a request body of content_length bytes through read_cb and parses it into out when
 * content_type is application/x-www-form-urlencoded; an absent, empty or zero length, or another
 * type, reads nothing. Apart from FastCGI so that it can be fuzzed (tests/fuzz/fuzz_body.c). */
enum parse_status body_form_read(struct arena *a, const char *content_length, const char *content_type,
				 long long max_body, body_read_fn read_cb, void *ctx, struct kvlist *out);
void kv_add(struct arena *a, struct kvlist *l, const char *key, const char *val);
/* Returns the first value for key, or NULL. */
const char *kv_get(const struct kvlist *l, const char *key);

#endif
