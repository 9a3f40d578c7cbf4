/* Error lines to stderr (the workers' log), at most one a second per kind, so an outage that
 * fails every request writes a few lines with counts rather than thousands of copies. */
#ifndef AFTERSALES_LOG_H
#define AFTERSALES_LOG_H

/* kind names the message's family (e.g. "db-connect"); it must be a string literal or otherwise
 * live for the whole program, because it is kept by address. Thread-safe. */
void log_limited(const char *kind, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
