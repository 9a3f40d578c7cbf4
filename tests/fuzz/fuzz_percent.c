/* Fuzzes url_decode: the output is never longer than the input, fits the buffer the contract
 * promises (n + 1 bytes), is rejected exactly when a '%' lacks two hex digits, matches a
 * reference decoding, and decoding inverts encoding. Input: one flag byte (plus_is_space), then text. */
#include <string.h>

#include "fuzz.h"
#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The expected decoding, by another route (strtol on each escape). */
static size_t reference_decode(const char *s, size_t n, int plus_is_space, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			char hex[3] = {s[i + 1], s[i + 2], '\0'};
			out[o++] = (char)strtol(hex, NULL, 16);
			i += 2;
		} else {
			out[o++] = s[i] == '+' && plus_is_space ? ' ' : s[i];
		}
	}
	return o;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	int plus_is_space = data[0] & 1;
	const char *src = (const char *)data + 1;
	size_t n = size - 1;

	char *dst = xmalloc(n + 1);
	long got = url_decode(dst, src, n, plus_is_space);
	CHECK(got >= -1 && got <= (long)n);
	CHECK((got == -1) == !pct_well_formed(src, n));
	if (got >= 0) {
		size_t len = (size_t)got;
		CHECK(dst[len] == '\0');
		char *want = xmalloc(n);
		CHECK(reference_decode(src, n, plus_is_space, want) == len);
		CHECK(memcmp(dst, want, len) == 0);
		free(want);

		/* Encoding turns a space into '+', so the round trip decodes with plus_is_space. */
		char *enc = xmalloc(3 * len);
		size_t elen = pct_encode(dst, len, enc);
		char *back = xmalloc(elen + 1);
		CHECK(url_decode(back, enc, elen, 1) == got);
		CHECK(memcmp(back, dst, len) == 0);
		free(back);
		free(enc);
	}
	free(dst);
	return 0;
}
