/* Parsers of untrusted request text. Every input byte is checked; nothing is trusted to be terminated. */
#include "parse.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t len;
		unsigned cp;
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (n - i < len)
			return 0;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += len;
	}
	return 1;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

long url_decode(char *dst, const char *src, size_t n, int plus_is_space)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		char c = src[i];
		if (c == '%') {
			if (n - i < 3)
				return -1;
			int hi = hexval(src[i + 1]), lo = hexval(src[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			dst[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus_is_space) {
			dst[o++] = ' ';
		} else {
			dst[o++] = c;
		}
	}
	dst[o] = '\0';
	return (long)o;
}

void kv_add(struct arena *a, struct kvlist *l, const char *key, const char *val)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct kv *items = arena_alloc(a, cap * sizeof(*items));
		if (l->n)
			memcpy(items, l->items, l->n * sizeof(*items));
		l->items = items;
		l->cap = cap;
	}
	l->items[l->n].key = key;
	l->items[l->n].val = val;
	l->n++;
}

const char *kv_get(const struct kvlist *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			return l->items[i].val;
	return NULL;
}

static enum parse_status decode_part(struct arena *a, const char *s, size_t n, char **out)
{
	char *d = arena_alloc(a, n + 1);
	long len = url_decode(d, s, n, 1);
	if (len < 0)
		return PARSE_BAD_ENCODING;
	if (!utf8_valid(d, (size_t)len))
		return PARSE_BAD_UTF8;
	*out = d;
	return PARSE_OK;
}

enum parse_status form_parse(struct arena *a, const char *s, size_t n, struct kvlist *out)
{
	size_t i = 0;
	while (i < n) {
		const char *amp = memchr(s + i, '&', n - i);
		size_t end = amp ? (size_t)(amp - s) : n;
		if (end > i) {
			if (out->n >= PARSE_MAX_FIELDS)
				return PARSE_TOO_MANY;
			const char *eq = memchr(s + i, '=', end - i);
			size_t klen = eq ? (size_t)(eq - (s + i)) : end - i;
			char *key, *val;
			enum parse_status st = decode_part(a, s + i, klen, &key);
			if (st != PARSE_OK)
				return st;
			if (eq)
				st = decode_part(a, eq + 1, end - i - klen - 1, &val);
			else
				val = arena_strdup(a, "");
			if (st != PARSE_OK)
				return st;
			kv_add(a, out, key, val);
		}
		i = end + 1;
	}
	return PARSE_OK;
}

void cookies_parse(struct arena *a, const char *h, struct kvlist *out)
{
	if (!h)
		return;
	while (*h && out->n < PARSE_MAX_FIELDS) {
		while (*h == ' ' || *h == ';')
			h++;
		size_t len = strcspn(h, ";");
		const char *eq = memchr(h, '=', len);
		if (eq && eq > h) {
			size_t klen = (size_t)(eq - h);
			while (klen && h[klen - 1] == ' ')
				klen--;
			const char *v = eq + 1;
			while (*v == ' ' && v < h + len)
				v++;
			size_t vlen = len - (size_t)(v - h);
			while (vlen && v[vlen - 1] == ' ')
				vlen--;
			kv_add(a, out, arena_strndup(a, h, klen), arena_strndup(a, v, vlen));
		}
		h += len;
	}
}

static int is_urlencoded(const char *type)
{
	static const char want[] = "application/x-www-form-urlencoded";
	return type && strncasecmp(type, want, sizeof(want) - 1) == 0 &&
	       (type[sizeof(want) - 1] == '\0' || type[sizeof(want) - 1] == ';');
}

enum parse_status body_form_read(struct arena *a, const char *content_length, const char *content_type,
				 long long max_body, body_read_fn read_cb, void *ctx, struct kvlist *out)
{
	if (!content_length || !*content_length)
		return PARSE_OK;
	char *end;
	errno = 0;
	long long len = strtoll(content_length, &end, 10);
	if (errno || *end || len < 0)
		return PARSE_BAD_LENGTH;
	if (len > max_body)
		return PARSE_TOO_LARGE;
	if (len == 0 || !is_urlencoded(content_type))
		return PARSE_OK;
	char *body = arena_alloc(a, (size_t)len + 1);
	if (read_cb(ctx, body, (size_t)len) != (size_t)len)
		return PARSE_BAD_LENGTH;
	return form_parse(a, body, (size_t)len, out);
}
