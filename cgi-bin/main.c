/* The FastCGI program: reads the config, loads templates, runs worker threads until SIGTERM. */
#include "clock.h"
#include "config.h"
#include "db.h"
#include "password.h"
#include "request.h"
#include "tmpl.h"

#include <fcgiapp.h>
#include <mysql.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static const char USAGE[] =
	"usage: aftersales -c CONFIG [-s SOCKET]\n"
	"\n"
	"The after-sales service FastCGI program. Without -s it accepts on file descriptor 0,\n"
	"as spawn-fcgi and systemd socket units hand it over.\n"
	"\n"
	"  -c CONFIG  the configuration file (see conf/aftersales.ini.example)\n"
	"  -s SOCKET  listen on this unix socket path instead of fd 0\n"
	"  -h         this help\n";

struct worker {
	pthread_t thread;
	const struct config *cfg;
	int listen_fd;
	long long busy_since; /* monotonic ms when the current request began, 0 between requests */
};

static void *worker_run(void *arg)
{
	struct worker *w = arg;
	mysql_thread_init();
	struct db *db = db_new(w->cfg);
	FCGX_Request fcgi;
	FCGX_InitRequest(&fcgi, w->listen_fd, 0);
	struct request r;
	request_init(&r, w->cfg, db);
	while (FCGX_Accept_r(&fcgi) >= 0) {
		__atomic_store_n(&w->busy_since, clock_ms(), __ATOMIC_RELAXED);
		r.fcgi = &fcgi;
		request_handle(&r);
		FCGX_Finish_r(&fcgi);
		request_reset(&r);
		__atomic_store_n(&w->busy_since, 0, __ATOMIC_RELAXED);
	}
	arena_free(&r.arena);
	db_free(db);
	mysql_thread_end();
	return NULL;
}

struct watchdog {
	struct worker *workers;
	int n;
	long long limit_ms;
};

/* Every request is bounded by the database timeout, so one that runs past request_timeout is
 * stuck (a bug, a hung library call). A thread cannot be cancelled safely in the middle of
 * libraries, so the whole process ends and its supervisor starts a fresh one; the requests it
 * held get a 502 at once rather than nginx's timeout later. */
static void *watchdog_run(void *arg)
{
	const struct watchdog *wd = arg;
	for (;;) {
		sleep(1);
		long long now = clock_ms();
		for (int i = 0; i < wd->n; i++) {
			long long since = __atomic_load_n(&wd->workers[i].busy_since, __ATOMIC_RELAXED);
			if (since && now - since > wd->limit_ms) {
				fprintf(stderr, "aftersales: a request has run for %lld ms (limit %lld): exiting to be replaced\n",
					now - since, wd->limit_ms);
				_exit(70);
			}
		}
	}
	return NULL;
}

int main(int argc, char **argv)
{
	const char *config_path = NULL, *socket_path = NULL;
	int opt;
	while ((opt = getopt(argc, argv, "c:s:h")) != -1) {
		switch (opt) {
		case 'c': config_path = optarg; break;
		case 's': socket_path = optarg; break;
		case 'h': fputs(USAGE, stdout); return 0;
		default: fputs(USAGE, stderr); return 2;
		}
	}
	if (!config_path) {
		fputs(USAGE, stderr);
		return 2;
	}
	static struct config cfg;
	if (config_load(&cfg, config_path) != 0)
		return 1;
	if (mysql_library_init(0, NULL, NULL) != 0 || password_init(2) != 0) {
		fputs("aftersales: library initialisation failed\n", stderr);
		return 1;
	}
	if (tmpl_init(cfg.templates) != 0)
		return 1;
	if (FCGX_Init() != 0)
		return 1;
	int listen_fd = 0;
	if (socket_path) {
		mode_t old = umask(0111);
		listen_fd = FCGX_OpenSocket(socket_path, 128);
		umask(old);
		if (listen_fd < 0) {
			fprintf(stderr, "aftersales: cannot listen on %s\n", socket_path);
			return 1;
		}
	}

	/* Threads inherit this mask, so only main() takes the stop signals, through sigwait. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct worker *workers = calloc((size_t)cfg.threads, sizeof(*workers));
	if (!workers)
		return 1;
	for (int i = 0; i < cfg.threads; i++) {
		workers[i].cfg = &cfg;
		workers[i].listen_fd = listen_fd;
		if (pthread_create(&workers[i].thread, NULL, worker_run, &workers[i]) != 0) {
			fputs("aftersales: cannot start threads\n", stderr);
			return 1;
		}
	}
	static struct watchdog wd;
	wd.workers = workers;
	wd.n = cfg.threads;
	wd.limit_ms = (long long)cfg.request_timeout * 1000;
	pthread_t watchdog;
	if (pthread_create(&watchdog, NULL, watchdog_run, &wd) != 0 || pthread_detach(watchdog) != 0) {
		fputs("aftersales: cannot start the watchdog\n", stderr);
		return 1;
	}
	int sig;
	sigwait(&stop, &sig);
	FCGX_ShutdownPending();
	shutdown(listen_fd, SHUT_RDWR);
	close(listen_fd);
	for (int i = 0; i < cfg.threads; i++)
		pthread_join(workers[i].thread, NULL);
	free(workers);
	mysql_library_end();
	return 0;
}
