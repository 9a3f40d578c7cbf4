/* Scheduling callbacks, recording satisfaction and opening complaints: what a finished job, a call,
 * an online rating and a supervisor's bulk scheduling all do, inside the caller's transaction. */
#ifndef AFTERSALES_CALLBACK_DB_H
#define AFTERSALES_CALLBACK_DB_H
#include "request.h"

/* The technician and the agent of a job (0 when none), to whom its callback's scores count: a
 * repair's assignee and the agent who took it in or accepted it; a return's inspector and the
 * agent who took it in or decided it. */
struct job_people {
	long long technician_id, agent_id;
};
int job_people_load(struct request *r, const char *subject, long long id, struct job_people *out);

/* Schedules a callback about subject id (a "repair", "return" or "customer") of customer, for
 * reason (resolved, refunded, exchanged, manual, bulk, complaint), due at due ("YYYY-MM-DD
 * HH:MM:SS") or, when due is NULL, [callbacks] delay_days business days from now; with its
 * "schedule" event. complaint_id is 0 unless it follows a complaint. Returns a db_status. */
int callback_schedule(struct request *r, const char *subject, long long id, long long customer_id, const char *reason,
		      const char *due, long long complaint_id, long long *callback_id);

/* What a customer said, each score 1..5. */
struct rating {
	int attitude, timeliness, quality, overall;
	int solved;
	const char *comment;
};
/* Reads the rating form (attitude, timeliness, quality, overall, solved = 1|0, comment). Returns
 * NULL, or what is wrong, in Chinese. */
const char *rating_read(struct request *r, struct rating *g);
/* Fills include RATING_FIELDS of d with templates/rating_fields.tpl, the rating form's fields (radio
 * buttons 1..5 per dimension, solved yes / no, the comment) of /track and of a call: as posted, with
 * "请选择" at each choice left out, when posted (the form came back refused), else empty. */
void rating_form_fill(struct request *r, tmpl_dict *d, int posted);
/* A rating given: section SCORE (CODE, LABEL, VALUE) per dimension and SOLVED (已解决 / 未解决) on d,
 * from row 0 of res, whose first columns are attitude, timeliness, quality, overall and solved. */
void rating_scores_fill(tmpl_dict *d, const struct db_result *res);
/* 1 when the rating opens a complaint: a score at or below [complaints] low_score, or not solved. */
int rating_is_bad(const struct request *r, const struct rating *g);

/* Records rating g about subject id from source "phone" (callback_id the call) or "online" (once
 * per request: DB_DUP when it was rated online before), attributed to the job's people; a bad
 * rating opens a complaint (*complaint_id, else 0). Returns a db_status. */
int satisfaction_record(struct request *r, const char *subject, long long id, long long customer_id,
			long long callback_id, const char *source, const struct rating *g, long long *complaint_id);

/* Stores rating g as satisfaction_record does, without opening a complaint; *satisfaction_id is
 * the new row. For the follow-up of a complaint, whose answer closes or reopens that complaint. */
int satisfaction_store(struct request *r, const char *subject, long long id, long long callback_id, const char *source,
		       const struct rating *g, long long *satisfaction_id);

/* Opens a complaint about subject id with number C<date>-<seq>, due for a first response and a
 * resolution in [complaints] business hours, with an "open" event on it and a "complaint" event on
 * the subject's timeline. source: low_score, not_solved, phone, online. Returns a db_status. */
int complaint_open(struct request *r, const char *subject, long long id, long long customer_id, long long callback_id,
		   long long satisfaction_id, const char *source, const char *description, long long *complaint_id);

#endif
