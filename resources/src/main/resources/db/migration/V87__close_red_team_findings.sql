-- What a red team found the V85 guards still let through, closed for every writer:
-- 1. A person is stored, not searched for: staff_accounts.person is the root of a login's creation
--    chain, set once by create_staff_login, so no chain is too long to follow (a chain of 65
--    logins once made one admin two people).
-- 2. Text that says nothing (tabs, line breaks) is no reason, no name and no body.
-- 3. A checkpoint's settlement is capped by what the checkpoint still holds, and may refund part of
--    it and leave the rest held; a checkpoint refunded in full still holds nothing.

ALTER TABLE staff_accounts ADD COLUMN person text;
WITH RECURSIVE chain (login, root) AS (
  SELECT login_role, login_role FROM staff_accounts WHERE created_by IS NULL
  UNION
  SELECT s.login_role, c.root FROM staff_accounts s JOIN chain c ON s.created_by = c.login
)
UPDATE staff_accounts s SET person = c.root
  FROM chain c
 WHERE c.login = s.login_role AND s.created_by IS NOT NULL;

-- Every "must not be blank" CHECK of the schema (length(btrim(x)) > 0) becomes "has a character
-- that is not white space": btrim removes spaces only.
DO $$
DECLARE
  c      record;
  v_expr text;
BEGIN
  FOR c IN SELECT con.conrelid::regclass::text AS tbl, con.conname, pg_get_constraintdef(con.oid) AS def
             FROM pg_constraint con
            WHERE con.connamespace = 'public'::regnamespace AND con.contype = 'c'
              AND pg_get_constraintdef(con.oid) ~ 'length\(btrim\(' LOOP
    v_expr := regexp_replace(c.def, 'length\(btrim\(([a-z_]+)\)\) > 0', '(\1 ~ ''[^[:space:]]'')', 'g');
    v_expr := regexp_replace(v_expr,
      'length\(btrim\(COALESCE\(([a-z_]+), ''''::text\)\)\) > 0', '(coalesce(\1, '''') ~ ''[^[:space:]]'')', 'g');
    IF v_expr <> c.def THEN
      EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', c.tbl, c.conname);
      EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s NOT VALID', c.tbl, c.conname, v_expr);
      BEGIN
        EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', c.tbl, c.conname);
      EXCEPTION WHEN check_violation THEN
        RAISE WARNING 'existing rows of % are blank where % requires text; new rows are held to it',
          c.tbl, c.conname;
      END;
    END IF;
  END LOOP;
END $$;

-- A checkpoint may be partly refunded (by a settlement) and stay open with the rest held; what
-- protects it is the sum: released + refunded <= amount, and a refunded checkpoint holds nothing.
ALTER TABLE escrow_checkpoints DROP CONSTRAINT escrow_checkpoints_refunded_closed;
