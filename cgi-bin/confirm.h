/* The confirmation step of an irreversible action (a merge, an anonymisation, a deletion, a
 * cancellation): the POST without confirm=1 answers a page that names what will happen and posts the
 * same fields again with confirm=1; nothing changes until then. */
#ifndef AFTERSALES_CONFIRM_H
#define AFTERSALES_CONFIRM_H
#include "request.h"

/* 1 when the posted form carries confirm=1. */
int confirm_given(const struct request *r);
/* Answers 200 with the confirmation page: title, what will happen, the button's text, and back (where
 * 返回 leads, nothing done). The form posts every field posted now, and confirm=1, to the same path.
 * Returns 0. */
int confirm_page(struct request *r, const char *title, const char *what, const char *button, const char *back);

#endif
