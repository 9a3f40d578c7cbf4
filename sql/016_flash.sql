-- What the last staff action did ("「受理」已完成：处理时限 …"), shown once on the page after its
-- redirect and then cleared. Kept with the session, never in the address, so nobody can make the
-- system appear to say something it did not.
ALTER TABLE sessions
  ADD COLUMN flash VARCHAR(600) NULL;
