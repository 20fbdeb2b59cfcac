-- Global search (quick open) finds records by a fragment of their reference or name. Disputes already
-- have a trigram key (dispute_queue_keys.search_key, V30); contracts and workspaces had only btree
-- indexes, which serve equality and sorting but not a LIKE '%fragment%'. On a million contracts such a
-- LIKE would read the whole table on every keystroke, so each gets a trigram index over exactly the
-- expression GlobalSearchService matches. Only LIKE is used, as in V30: no runtime role needs EXECUTE
-- on pg_trgm's functions.
--
-- staff_accounts gets none: it holds one row per member of staff (dozens, not millions), and a
-- sequential scan of it is cheaper than any index lookup.
CREATE INDEX contracts_search_trgm ON contracts USING gin (lower(reference || ' ' || title) gin_trgm_ops);
CREATE INDEX workspaces_search_trgm ON workspaces USING gin (lower(name || ' ' || slug) gin_trgm_ops);
