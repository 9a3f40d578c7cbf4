/* Rate-limited error lines: the first line of a kind in a second is written, later ones that
 * second are counted and the count goes out with the next line written. */
#include "log.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define KINDS 32

struct kind_state {
	const char *kind;
	time_t second;
	unsigned long suppressed;
};

static struct kind_state kinds[KINDS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* Returns the number of lines held back since the last one written, or -1 to hold this one back. */
static long admit(const char *kind, time_t now)
{
	struct kind_state *k = NULL;
	for (size_t i = 0; i < KINDS && !k; i++)
		if (kinds[i].kind == kind || !kinds[i].kind)
			k = &kinds[i];
	if (!k)
		k = &kinds[KINDS - 1]; /* more kinds than slots: the last slot is shared */
	if (k->kind == kind && k->second == now) {
		k->suppressed++;
		return -1;
	}
	long held = k->kind == kind ? (long)k->suppressed : 0;
	k->kind = kind;
	k->second = now;
	k->suppressed = 0;
	return held;
}

void log_limited(const char *kind, const char *fmt, ...)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	pthread_mutex_lock(&lock);
	long held = admit(kind, ts.tv_sec);
	pthread_mutex_unlock(&lock);
	if (held < 0)
		return;
	char msg[512], stamp[32];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	struct tm tm;
	gmtime_r(&ts.tv_sec, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (held > 0)
		fprintf(stderr, "%s %s (%ld more like it not shown)\n", stamp, msg, held);
	else
		fprintf(stderr, "%s %s\n", stamp, msg);
}
