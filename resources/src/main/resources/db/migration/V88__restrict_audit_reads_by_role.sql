-- Reads of the audit log follow the job, as reads of the tables it records do (V85). Until now every
-- member of staff read every entry (V6), so that anyone could verify the chain; but the log holds the
-- full old and new values of every audited row, so it showed support and moderators every balance and
-- posting of the ledger (journals, ledger_entries, wallets: finance's and admins' since V85), and every
-- login the rows that row policies keep to their owner (staff_requests, V81; dispute_saved_views, V31).
--
-- 1. A per-entry random salt, hashed with the entry (audit_canonical, R__20). An entry a login may not
--    read still shows its hash (the next entry's prev_hash, and audit_chain_links), and the hash of a
--    row whose other fields are guessable gives away a small number such as a balance to anyone who
--    tries the candidates; with 16 random bytes in the hashed text, nobody can. Entries written before
--    this migration have no salt and keep exactly the bytes they were hashed with; they were readable
--    by all staff when they were written, so their hashes give away nothing that was not shown.
-- 2. Row-level security on audit_log by role. The owner (and so every SECURITY DEFINER function:
--    audit_append, audit_advance_head, audit_chain_links...) and superusers bypass it, because it is
--    enabled, not forced.
-- 3. Verification across the entries a login may not read goes through audit_chain_links (R__20), which
--    gives only their ids and hashes.

ALTER TABLE audit_log ADD COLUMN salt bytea;
-- Held for every new entry. NOT VALID and never validated: every existing entry has no salt, so there is
-- nothing to check, and a scan of the whole log under this migration's lock would hold up every audited
-- write for as long as it took.
ALTER TABLE audit_log ADD CONSTRAINT audit_log_salt_length
  CHECK (salt IS NULL OR octet_length(salt) = 16) NOT VALID;

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;

-- Every member of staff: every entry but those of the ledger and of the tables whose rows are their
-- owner's, and always the entries it wrote itself (db_user is always the session's login, whatever
-- actor it named). Cheap on purpose: it is evaluated for every entry any staff login reads, a whole
-- verification included, so it compares two columns and never opens the values.
CREATE POLICY audit_log_staff_read ON audit_log FOR SELECT TO arbiter_staff
  USING (entity_type NOT IN ('journals', 'ledger_entries', 'wallets', 'staff_requests', 'dispute_saved_views')
         OR db_user = session_user::text);

-- Saved views: everyone reads the views shared with the team (V31), so everyone reads their entries too,
-- as long as every image the entry holds is shared: a view made private, or a private one made shared,
-- keeps the private definition to its owner. The owner reads every entry of its own views, whoever
-- wrote it (the owner of the schema may). Only this table's entries open their values, after the cheap
-- test on entity_type.
CREATE POLICY audit_log_saved_view_read ON audit_log FOR SELECT TO arbiter_staff
  USING (entity_type = 'dispute_saved_views'
         AND (coalesce(new_values, old_values) ->> 'owner_login' = session_user::text
              OR (coalesce((old_values ->> 'shared')::boolean, true)
                  AND coalesce((new_values ->> 'shared')::boolean, true))));

-- The ledger's entries: finance and admins read the ledger itself (V85).
CREATE POLICY audit_log_ledger_read ON audit_log FOR SELECT TO arbiter_finance
  USING (entity_type IN ('journals', 'ledger_entries', 'wallets'));

-- Admins read everything, so they verify the content of every entry. A constant true also lets the
-- planner drop the other policies' conditions for them, so their reads cost what they did before.
CREATE POLICY audit_log_admin_read ON audit_log FOR SELECT TO arbiter_admin
  USING (true);
