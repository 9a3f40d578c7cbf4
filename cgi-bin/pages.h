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

/* sessions_page.c */
int page_sessions(struct request *r);
int page_session_end(struct request *r);
int page_sessions_end_others(struct request *r);

/* repairs.c: the public repair form and staff intake of phone and counter requests */
int page_repair_form(struct request *r);
int page_repair_submit(struct request *r);
int page_repair_done(struct request *r);
int page_repair_intake_form(struct request *r);
int page_repair_intake(struct request *r);

/* returns.c: the public return form and staff intake of phone and counter requests */
int page_return_form(struct request *r);
int page_return_submit(struct request *r);
int page_return_done(struct request *r);
int page_return_intake_form(struct request *r);
int page_return_intake(struct request *r);

/* track.c */
int page_track(struct request *r);
/* track_feedback.c: the customer's rating and complaint on /track */
int page_track_rate(struct request *r);
int page_track_complain(struct request *r);

/* repair_queue.c */
int page_repair_queue(struct request *r);
int page_my_jobs(struct request *r);

/* repair_detail.c */
int page_repair_detail(struct request *r);
int page_repair_action(struct request *r);

/* repair_print.c */
int page_repair_print(struct request *r);
/* repair_contact.c */
int page_repair_contact_take(struct request *r);

/* return_queue.c */
int page_return_queue(struct request *r);

/* return_detail.c */
int page_return_detail(struct request *r);
int page_return_action(struct request *r);

/* complaint_queue.c */
int page_complaint_queue(struct request *r);

/* complaint_detail.c */
int page_complaint_detail(struct request *r);
int page_complaint_action(struct request *r);

/* complaint_new.c: a complaint taken on the phone */
int page_complaint_new_form(struct request *r);
int page_complaint_new(struct request *r);

/* callback_queue.c */
int page_callback_queue(struct request *r);

/* callback_detail.c */
int page_callback_detail(struct request *r);
int page_callback_action(struct request *r);

/* callback_bulk.c */
int page_callback_bulk_form(struct request *r);
int page_callback_bulk(struct request *r);

/* roster_handover.c: handovers (交接班) */
int page_handovers(struct request *r);
int page_handover_new_form(struct request *r);
int page_handover_new(struct request *r);
int page_handover(struct request *r);
int page_handover_ack(struct request *r);

/* roster_dutylog.c: the duty log of a day */
int page_duty_log(struct request *r);
int page_duty_note(struct request *r);

/* customers.c */
int page_customers(struct request *r);
int page_customer(struct request *r);
int page_customer_update(struct request *r);
/* customer_phones.c */
int page_customer_phones(struct request *r);
int page_customer_merge(struct request *r);
int page_customer_anonymise(struct request *r);
int page_customer_delete(struct request *r);
int page_customer_callback(struct request *r);

/* fault_categories.c */
int page_fault_categories(struct request *r);
int page_fault_category_create(struct request *r);
int page_fault_category_update(struct request *r);
/* report_repairs.c */
int page_report_repairs(struct request *r);
/* products.c */
int page_products(struct request *r);
int page_product_create(struct request *r);
int page_product_update(struct request *r);

/* calendar.c */
int page_holidays(struct request *r);
int page_holiday_add(struct request *r);
int page_holiday_delete(struct request *r);

/* roster_calendar.c: one's shifts as a calendar feed */
int page_my_calendar(struct request *r);
int page_my_calendar_reset(struct request *r);
int page_ical(struct request *r);

/* roster_swaps.c: shift swaps (调班), the list and the request */
int page_swaps(struct request *r);
int page_swap_new_form(struct request *r);
int page_swap_new(struct request *r);
/* roster_swap_detail.c */
int page_swap_detail(struct request *r);
int page_swap_action(struct request *r);

/* audit_page.c */
int page_audit(struct request *r);

/* roster_shifts.c: the shift types of the duty roster */
int page_shift_types(struct request *r);
int page_shift_type_create(struct request *r);
int page_shift_type_update(struct request *r);

/* roster_grid.c: the month roster, one person's month, one day */
int page_roster(struct request *r);

/* roster_edit.c: assigning and removing one shift */
int page_roster_assign(struct request *r);
int page_roster_remove(struct request *r);

/* roster_fill.c: filling a person's days from a rotation pattern */
int page_roster_fill_form(struct request *r);
int page_roster_fill(struct request *r);

/* report_home.c: the reports index */
int page_report_home(struct request *r);
/* report_daily.c, report_daily_records.c, report_daily_signoff.c: 每日核对 */
int page_report_daily(struct request *r);
int page_report_daily_records(struct request *r);
int page_report_daily_signoff(struct request *r);
/* report_kpi.c: staff KPIs per month */
int page_report_kpi(struct request *r);

#endif
