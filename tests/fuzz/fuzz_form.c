/* Fuzzes form_parse, the one parser of query strings and urlencoded bodies: its status agrees with
 * the input, what it accepts is valid UTF-8 and no longer than the input, kv_get finds the first
 * value, and re-encoding the pairs parses back to the same pairs. Input: the raw text. */
#include <string.h>

#include "fuzz.h"
#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reused and reset on every input, as a worker reuses its request's arena. */
static struct arena arena;

static size_t nonempty_fields(const char *s, size_t n)
{
	size_t count = 0, start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || s[i] == '&') {
			count += i > start;
			start = i + 1;
		}
	}
	return count;
}

static void check_round_trip(const struct kvlist *l)
{
	size_t cap = 1;
	for (size_t i = 0; i < l->n; i++)
		cap += 3 * (strlen(l->items[i].key) + strlen(l->items[i].val)) + 2;
	char *enc = xmalloc(cap);
	size_t o = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			enc[o++] = '&';
		o += pct_encode(l->items[i].key, strlen(l->items[i].key), enc + o);
		enc[o++] = '=';
		o += pct_encode(l->items[i].val, strlen(l->items[i].val), enc + o);
	}
	struct kvlist back = {0};
	CHECK(form_parse(&arena, enc, o, &back) == PARSE_OK);
	CHECK(back.n == l->n);
	for (size_t i = 0; i < l->n; i++) {
		CHECK(strcmp(back.items[i].key, l->items[i].key) == 0);
		CHECK(strcmp(back.items[i].val, l->items[i].val) == 0);
	}
	free(enc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct kvlist l = {0};
	enum parse_status st = form_parse(&arena, s, size, &l);
	size_t fields = nonempty_fields(s, size);
	switch (st) {
	case PARSE_OK: {
		CHECK(pct_well_formed(s, size));
		CHECK(l.n == fields && l.n <= PARSE_MAX_FIELDS);
		size_t total = 0;
		for (size_t i = 0; i < l.n; i++) {
			const char *k = l.items[i].key, *v = l.items[i].val;
			CHECK(utf8_valid(k, strlen(k)) && utf8_valid(v, strlen(v)));
			total += strlen(k) + strlen(v);
			size_t first = 0;
			while (strcmp(l.items[first].key, k) != 0)
				first++;
			CHECK(kv_get(&l, k) == l.items[first].val);
		}
		CHECK(total <= size);
		check_round_trip(&l);
		break;
	}
	case PARSE_BAD_ENCODING:
		CHECK(!pct_well_formed(s, size));
		break;
	case PARSE_BAD_UTF8:
		break;
	case PARSE_TOO_MANY:
		CHECK(fields > PARSE_MAX_FIELDS);
		break;
	default:
		CHECK(!"form_parse returned a status it should not");
	}
	arena_reset(&arena);
	return 0;
}
