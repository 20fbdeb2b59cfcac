-- Group roles are cluster-wide, so several databases on one server share them: create each only once.
-- Runtime roles never own anything; arbiter_migrator (the role running Flyway) owns every object.
DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['arbiter_staff', 'arbiter_support', 'arbiter_finance', 'arbiter_moderator',
                           'arbiter_admin', 'marketplace_backend'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END $$;

-- Every staff group inherits the read access common to all staff.
GRANT arbiter_staff TO arbiter_support, arbiter_finance, arbiter_moderator, arbiter_admin;
