/* An iCalendar feed's text: the few parts of RFC 5545 a list of events needs. */
#include "ical.h"

#include <string.h>
#include <time.h>

#define FOLD_OCTETS 75

static void put(struct ical *c, const char *s, size_t n)
{
	arena_text_put(&c->text, s, n);
}

/* One content line: folded after at most 75 octets (a continuation line starts with a space, which
 * counts), never inside a UTF-8 character; ended by CRLF. */
static void line(struct ical *c, const char *text)
{
	size_t n = strlen(text), limit = FOLD_OCTETS;
	while (n > limit) {
		size_t cut = limit;
		while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
			cut--;
		put(c, text, cut);
		put(c, "\r\n ", 3);
		text += cut;
		n -= cut;
		limit = FOLD_OCTETS - 1;
	}
	put(c, text, n);
	put(c, "\r\n", 2);
}

/* NAME:value with value escaped as TEXT (backslash, semicolon, comma, newline). */
static void text_line(struct ical *c, const char *name, const char *value)
{
	size_t n = strlen(value);
	char *out = arena_alloc(c->text.arena, strlen(name) + 1 + 2 * n + 1), *o = out;
	o += strlen(strcpy(o, name));
	*o++ = ':';
	for (const char *p = value; *p; p++) {
		if (*p == '\r')
			continue;
		if (*p == '\\' || *p == ';' || *p == ',')
			*o++ = '\\';
		if (*p == '\n') {
			*o++ = '\\';
			*o++ = 'n';
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	line(c, out);
}

/* NAME:YYYYMMDDTHHMMSSZ */
static void time_line(struct ical *c, const char *name, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char value[24], text[64];
	gmtime_r(&tt, &tm);
	strftime(value, sizeof(value), "%Y%m%dT%H%M%SZ", &tm);
	strcpy(text, name);
	strcat(text, ":");
	strcat(text, value);
	line(c, text);
}

void ical_begin(struct ical *c, struct arena *a, const char *name)
{
	memset(c, 0, sizeof(*c));
	c->text.arena = a;
	line(c, "BEGIN:VCALENDAR");
	line(c, "VERSION:2.0");
	line(c, "PRODID:-//aftersales//roster//ZH");
	line(c, "CALSCALE:GREGORIAN");
	line(c, "METHOD:PUBLISH");
	text_line(c, "X-WR-CALNAME", name);
}

void ical_event(struct ical *c, const struct ical_event *e)
{
	line(c, "BEGIN:VEVENT");
	text_line(c, "UID", e->uid);
	time_line(c, "DTSTAMP", e->stamp);
	time_line(c, "DTSTART", e->start);
	time_line(c, "DTEND", e->end);
	text_line(c, "SUMMARY", e->summary);
	if (e->description && *e->description)
		text_line(c, "DESCRIPTION", e->description);
	line(c, "END:VEVENT");
}

const char *ical_end(struct ical *c, size_t *len)
{
	line(c, "END:VCALENDAR");
	*len = c->text.len;
	return c->text.buf;
}
