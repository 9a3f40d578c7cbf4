-- 调休: the calendar's days are holidays (days off on a working weekday) or make-up working days
-- (a weekend day that works, around a public holiday); time limits count the latter as working days.
ALTER TABLE holidays
  ADD COLUMN kind ENUM('holiday','workday') NOT NULL DEFAULT 'holiday' AFTER day;
