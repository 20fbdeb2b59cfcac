-- Seals whatever the migrations appended to the audit log (V90): a migration's transaction may be
-- too old to seal as it commits, and a migrated database should start with every entry in the chain.
SELECT audit_seal(2147483647);
