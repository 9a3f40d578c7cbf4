/* aftersales-admin: creates a staff account or resets a password when nobody can sign in. */
#include "arena.h"
#include "config.h"
#include "db.h"
#include "password.h"
#include "roles.h"
#include "valid.h"

#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char USAGE[] =
	"usage: aftersales-admin -c CONFIG create-user USERNAME ROLE DISPLAY_NAME\n"
	"       aftersales-admin -c CONFIG reset-password USERNAME\n"
	"\n"
	"ROLE is admin, supervisor, agent or technician. The password is taken from the\n"
	"environment variable AFTERSALES_PASSWORD when set, otherwise from the first line of\n"
	"standard input. reset-password also reactivates the account and ends its sessions.\n"
	"\n"
	"Exit status: 0 done, 1 failure, 2 usage, 3 the user already exists (create-user)\n"
	"or does not exist (reset-password).\n";

static const char SQL_INSERT[] =
	"INSERT INTO users (username, display_name, role, password_hash, active, created_at) VALUES (?, ?, ?, ?, 1, NOW())";
static const char SQL_RESET[] = "UPDATE users SET password_hash = ?, active = 1 WHERE username = ?";
static const char SQL_DROP_SESSIONS[] =
	"DELETE s FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = ?";
static const char SQL_AUDIT[] =
	"INSERT INTO audit_log (at, actor_id, actor, action, target, detail, ip) VALUES (NOW(), NULL, 'cli', ?, ?, '', '')";

static int read_password(char *buf, size_t size)
{
	const char *env = getenv("AFTERSALES_PASSWORD");
	if (env) {
		snprintf(buf, size, "%s", env);
		return 0;
	}
	if (!fgets(buf, (int)size, stdin))
		return -1;
	buf[strcspn(buf, "\r\n")] = '\0';
	return 0;
}

int main(int argc, char **argv)
{
	const char *config_path = NULL;
	int opt;
	while ((opt = getopt(argc, argv, "c:h")) != -1) {
		if (opt == 'c')
			config_path = optarg;
		else {
			fputs(USAGE, opt == 'h' ? stdout : stderr);
			return opt == 'h' ? 0 : 2;
		}
	}
	argc -= optind;
	argv += optind;
	int create = argc == 4 && !strcmp(argv[0], "create-user");
	int reset = argc == 2 && !strcmp(argv[0], "reset-password");
	if (!config_path || (!create && !reset)) {
		fputs(USAGE, stderr);
		return 2;
	}
	const char *username = argv[1], *problem;
	if ((problem = valid_username(username)) ||
	    (create && ((problem = valid_role(argv[2])) || (problem = valid_display_name(argv[3]))))) {
		fprintf(stderr, "aftersales-admin: %s\n", problem);
		return 2;
	}
	static struct config cfg;
	if (config_load(&cfg, config_path) != 0 || mysql_library_init(0, NULL, NULL) != 0 || password_init(1) != 0)
		return 1;
	char password[PASSWORD_MAX + 2];
	if (read_password(password, sizeof(password)) != 0 || (problem = password_problem(password))) {
		fprintf(stderr, "aftersales-admin: %s\n", problem ? problem : "no password given");
		return 2;
	}
	char hash[crypto_pwhash_STRBYTES];
	if (password_hash(password, hash) != 0)
		return 1;
	sodium_memzero(password, sizeof(password));

	struct arena a;
	arena_init(&a);
	struct db *db = db_new(&cfg);
	struct db_result res;
	int rc = 1;
	int st = db_begin(db);
	if (st == DB_OK && create)
		st = db_exec(db, &a, &res, SQL_INSERT, "ssss", username, argv[3], argv[2], hash);
	if (st == DB_OK && reset) {
		st = db_exec(db, &a, &res, SQL_RESET, "ss", hash, username);
		if (st == DB_OK && res.affected == 0) {
			/* affected counts changed rows; an identical hash is impossible, so 0 means no such user. */
			fprintf(stderr, "aftersales-admin: no user %s\n", username);
			rc = 3;
			goto done;
		}
		if (st == DB_OK)
			st = db_exec(db, &a, NULL, SQL_DROP_SESSIONS, "s", username);
	}
	if (st == DB_DUP) {
		fprintf(stderr, "aftersales-admin: user %s already exists\n", username);
		rc = 3;
		goto done;
	}
	if (st == DB_OK)
		st = db_exec(db, &a, NULL, SQL_AUDIT, "ss", create ? "user_create" : "password_reset", username);
	if (st == DB_OK)
		st = db_commit(db);
	if (st == DB_OK) {
		printf("%s: %s\n", create ? "created" : "password reset for", username);
		rc = 0;
	} else {
		fprintf(stderr, "aftersales-admin: database error (%d); is the database running and migrated?\n", st);
	}
done:
	db_rollback(db);
	db_free(db);
	arena_free(&a);
	mysql_library_end();
	return rc;
}
