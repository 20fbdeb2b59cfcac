-- Newest-first pages filtered by entity type alone ("every change to a workspace") need the type's
-- entries in id order. audit_log_entity_idx leads with (entity_type, entity_id), which gives id order
-- only within one record, so such a page otherwise reads and sorts every entry of the type: measured
-- 640 ms for the first page over 200,000 user entries, against about 1 ms with this index (see
-- docs/PERFORMANCE.md, audit-page). Actions and roles are common enough that walking the primary key
-- newest first finds a page quickly; they get no index of their own.
CREATE INDEX audit_log_type_idx ON audit_log (entity_type, id DESC);
