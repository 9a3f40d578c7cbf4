/* Fuzzes cookies_parse against a reference that splits the header on ';' and trims spaces, and
 * checks the pair limit. Input: the Cookie header, which FastCGI hands over as a C string, so it
 * ends at the first NUL byte. */
#include <string.h>

#include "fuzz.h"
#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct span {
	const char *p;
	size_t n;
};

static struct span trim(const char *p, size_t n)
{
	while (n && *p == ' ')
		p++, n--;
	while (n && p[n - 1] == ' ')
		n--;
	return (struct span){p, n};
}

static int equal(const char *s, struct span want)
{
	return strlen(s) == want.n && memcmp(s, want.p, want.n) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *h = xmalloc(size + 1);
	memcpy(h, data, size);
	h[size] = '\0';

	struct arena a;
	arena_init(&a);
	struct kvlist l = {0};
	cookies_parse(&a, h, &l);

	size_t i = 0;
	for (const char *p = h; *p && i < PARSE_MAX_FIELDS;) {
		size_t len = strcspn(p, ";");
		struct span piece = trim(p, len);
		const char *eq = memchr(piece.p, '=', piece.n);
		if (eq && eq > piece.p) {
			CHECK(i < l.n);
			CHECK(equal(l.items[i].key, trim(piece.p, (size_t)(eq - piece.p))));
			CHECK(equal(l.items[i].val, trim(eq + 1, piece.n - (size_t)(eq - piece.p) - 1)));
			i++;
		}
		p += len + (p[len] == ';');
	}
	CHECK(l.n == i);
	for (i = 0; i < l.n; i++)
		CHECK(*l.items[i].key && !strpbrk(l.items[i].key, ";=") && !strchr(l.items[i].val, ';'));
	cookies_parse(&a, NULL, &l);
	CHECK(l.n == i);

	arena_free(&a);
	free(h);
	return 0;
}
