/* Fuzzes utf8_valid against a validator written from the Unicode standard's table of well-formed
 * byte sequences (Table 3-7, NUL excluded), and utf8_chars (valid.c) against its count of
 * characters. Input: the bytes to check. */
#include <string.h>

#include "fuzz.h"
#include "parse.h"
#include "valid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Length of the well-formed sequence at s[0..n), or 0 when there is none. */
static size_t well_formed_at(const uint8_t *s, size_t n)
{
	uint8_t b = s[0], lo = 0x80, hi = 0xBF;
	size_t len;
	if (b == 0x00)
		return 0;
	if (b <= 0x7F)
		return 1;
	if (b >= 0xC2 && b <= 0xDF)
		len = 2;
	else if (b == 0xE0)
		len = 3, lo = 0xA0;
	else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF)
		len = 3;
	else if (b == 0xED)
		len = 3, hi = 0x9F;
	else if (b == 0xF0)
		len = 4, lo = 0x90;
	else if (b >= 0xF1 && b <= 0xF3)
		len = 4;
	else if (b == 0xF4)
		len = 4, hi = 0x8F;
	else
		return 0;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t k = 2; k < len; k++)
		if (s[k] < 0x80 || s[k] > 0xBF)
			return 0;
	return len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t chars = 0, i = 0;
	while (i < size) {
		size_t len = well_formed_at(data + i, size - i);
		if (len == 0)
			break;
		i += len;
		chars++;
	}
	int valid = i == size;
	CHECK(utf8_valid((const char *)data, size) == valid);
	if (valid) {
		char *s = xmalloc(size + 1);
		memcpy(s, data, size);
		s[size] = '\0';
		CHECK(utf8_chars(s) == chars);
		free(s);
	}
	return 0;
}
