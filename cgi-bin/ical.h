/* Writing an iCalendar (RFC 5545) feed of events: CRLF lines folded at 75 octets, text escaped,
 * times in UTC. Pure. */
#ifndef AFTERSALES_ICAL_H
#define AFTERSALES_ICAL_H
#include "arena.h"
#include <stddef.h>

struct ical {
	struct arena_text text;
};

struct ical_event {
	const char *uid;
	long long stamp, start, end;  /* seconds since 1970-01-01 UTC */
	const char *summary, *description;
};

/* Starts a calendar named name. */
void ical_begin(struct ical *c, struct arena *a, const char *name);
void ical_event(struct ical *c, const struct ical_event *e);
/* Ends the calendar; returns the text and its length in *len. */
const char *ical_end(struct ical *c, size_t *len);

#endif
