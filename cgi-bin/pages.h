/* Every page handler, by area. Each returns 0 with a response ready, or a db_status. */
#ifndef AFTERSALES_PAGES_H
#define AFTERSALES_PAGES_H
#include "request.h"

/* public.c */
int page_home(struct request *r);

/* auth.c */
int page_login_form(struct request *r);
int page_login(struct request *r);
int page_logout(struct request *r);

/* staff.c */
int page_staff_home(struct request *r);

/* users.c */
int page_users(struct request *r);
int page_user_new_form(struct request *r);
int page_user_create(struct request *r);
int page_user(struct request *r);
int page_user_update(struct request *r);
int page_user_password(struct request *r);
int page_user_active(struct request *r);
int page_own_password_form(struct request *r);
int page_own_password(struct request *r);

/* audit.c */
int page_audit(struct request *r);

#endif
