-- One text field of the canonical form. Backslashes are doubled and the unit separator is written as
-- \x1f, so that no value can pass for NULL (\N) or move a field boundary: a different row always gives
-- different text. chr() rather than backslash literals keeps the function independent of the caller's
-- standard_conforming_strings, which any login may change.
CREATE OR REPLACE FUNCTION audit_canonical_field(p text)
  RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT CASE WHEN p IS NULL THEN chr(92) || 'N'
              ELSE replace(replace(p, chr(92), chr(92) || chr(92)), chr(31), chr(92) || 'x1f') END
$$;

-- The exact bytes that are hashed. The verifier (AuditChainVerifier) rebuilds the same text from the
-- columns, so any edit of any column shows. Fields are joined by the unit separator (chr(31));
-- occurred_at is epoch microseconds; jsonb is its ::text, which never contains chr(31) (jsonb escapes
-- control characters) and is never \N, so it is written as is. Each text field is escaped as
-- audit_canonical_field does, spelled out here: a function with a pinned search_path is never inlined,
-- and calling one per field cost a search_path switch per field on every audited write.
-- The salt (V88) is the last field, as lower-case hex, and only when there is one: concat_ws leaves out
-- a NULL, so an entry written before V88 keeps exactly the text it was hashed with. Every other field
-- is never NULL here (\N stands for NULL), so only the salt can be left out, and the client_info field
-- before it never holds a bare separator, so a salted text never reads as an unsalted one.
-- The salt was added as a thirteenth argument; the twelve-argument form is dropped here, in the same
-- migration that creates its successor, so that audit_append never calls a function that is gone.
DROP FUNCTION IF EXISTS public.audit_canonical(bigint, timestamptz, text, text, text, text, text, text, jsonb,
                                               jsonb, text, text);
CREATE OR REPLACE FUNCTION audit_canonical(p_id bigint, p_occurred_at timestamptz, p_actor text, p_db_user text,
                                p_action text, p_command text, p_entity_type text, p_entity_id text,
                                p_old jsonb, p_new jsonb, p_request_id text, p_client_info text, p_salt bytea)
  RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_null constant text := chr(92) || 'N';
  v_bs   constant text := chr(92);
  v_us   constant text := chr(31);
  v_esc  constant text := chr(92) || 'x1f';
BEGIN
  RETURN concat_ws(v_us,
    p_id::text,
    ((extract(epoch FROM p_occurred_at) * 1000000)::bigint)::text,
    coalesce(replace(replace(p_actor, v_bs, v_bs || v_bs), v_us, v_esc), v_null),
    coalesce(replace(replace(p_db_user, v_bs, v_bs || v_bs), v_us, v_esc), v_null),
    coalesce(replace(replace(p_action, v_bs, v_bs || v_bs), v_us, v_esc), v_null),
    coalesce(replace(replace(p_command, v_bs, v_bs || v_bs), v_us, v_esc), v_null),
    coalesce(replace(replace(p_entity_type, v_bs, v_bs || v_bs), v_us, v_esc), v_null),
    coalesce(replace(replace(p_entity_id, v_bs, v_bs || v_bs), v_us, v_esc), v_null),
    coalesce(p_old::text, v_null),
    coalesce(p_new::text, v_null),
    coalesce(replace(replace(p_request_id, v_bs, v_bs || v_bs), v_us, v_esc), v_null),
    coalesce(replace(replace(p_client_info, v_bs, v_bs || v_bs), v_us, v_esc), v_null),
    encode(p_salt, 'hex'));
END $$;

-- Triggers and row policies call it in the invoker's name (V6 granted the twelve-argument form).
REVOKE ALL ON FUNCTION audit_canonical(bigint, timestamptz, text, text, text, text, text, text, jsonb, jsonb,
                                       text, text, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_canonical(bigint, timestamptz, text, text, text, text, text, text, jsonb, jsonb,
                                          text, text, bytea) TO arbiter_staff, marketplace_backend;

-- What a client may say about a change besides who made it: the command (the console's words for the
-- action, e.g. "dispute.assign" or "remove member 41"), the request id (an idempotency key) and the
-- client's name (application_name). They are the client's own words, never proof of who acted
-- (actor and db_user are), so the audit view labels them as such; their shape is held so that they
-- cannot smuggle line breaks, control characters or pages of text into the log. Anything else
-- refuses the write.
CREATE OR REPLACE FUNCTION audit_require_context(p_command text, p_request text, p_client text) RETURNS void
  LANGUAGE plpgsql IMMUTABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  -- No control characters, and none of the Unicode ones that break or reorder a line on screen:
  -- NEL, the line and paragraph separators, and the bidirectional marks and overrides.
  IF p_command !~ '^[^[:cntrl:]]{1,200}$'
     OR p_command ~ ('[' || chr(133) || chr(8206) || chr(8207) || chr(8232) || chr(8233)
                     || chr(8234) || '-' || chr(8238) || chr(8294) || '-' || chr(8297) || ']') THEN
    RAISE EXCEPTION 'arbiter.command must be 1 to 200 characters without control characters, not %',
      quote_literal(left(p_command, 80)) USING ERRCODE = '22023', CONSTRAINT = 'audit_context_format';
  END IF;
  IF p_request !~ '^[A-Za-z0-9][A-Za-z0-9._:/-]{7,199}$' THEN
    RAISE EXCEPTION 'arbiter.request_id must be 8 to 200 letters, digits or . _ : / -, not %',
      quote_literal(left(p_request, 80)) USING ERRCODE = '22023', CONSTRAINT = 'audit_context_format';
  END IF;
  IF p_client !~ '^[ -~]{1,64}$' THEN
    RAISE EXCEPTION 'application_name must be 1 to 64 printable ASCII characters, not %',
      quote_literal(left(p_client, 80)) USING ERRCODE = '22023', CONSTRAINT = 'audit_context_format';
  END IF;
END $$;

-- Appends one entry: to audit_pending, which takes no lock that another writer waits for; sealing
-- (audit_seal) puts it in the chain after its transaction commits (V90). SECURITY DEFINER: runtime
-- roles cannot write either table themselves, only through changes to the tables they may write.
-- Returns the entry's pending id (its chain id is given when it is sealed).
CREATE OR REPLACE FUNCTION audit_append(p_action text, p_entity_type text, p_entity_id text, p_old jsonb, p_new jsonb)
  RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_id      bigint;
  v_command text := nullif(current_setting('arbiter.command', true), '');
  v_request text := nullif(current_setting('arbiter.request_id', true), '');
  v_client  text := nullif(current_setting('application_name', true), '');
BEGIN
  IF NOT public.arbiter_is_owner_session() THEN
    PERFORM public.arbiter_require_active_staff();
    PERFORM public.audit_require_context(v_command, v_request, v_client);
  END IF;
  -- The salt: 16 bytes from the server's strong random source (gen_random_uuid, core since
  -- PostgreSQL 13, 122 of its 128 bits random; no extension needed), so that a hash never confirms a
  -- guess of the values of an entry its reader may not see (V88).
  INSERT INTO public.audit_pending (occurred_at, actor, db_user, action, command, entity_type, entity_id,
                                    old_values, new_values, request_id, client_info, salt)
  VALUES (clock_timestamp(), public.arbiter_actor(), session_user, p_action, v_command, p_entity_type,
          p_entity_id, p_old, p_new, v_request, v_client, uuid_send(gen_random_uuid()))
  RETURNING pending_id INTO v_id;
  RETURN v_id;
END $$;

-- Seals up to p_limit pending entries, oldest pending id first, onto the chain, and returns how many.
-- One sealer at a time holds the head row; whoever finds it taken returns 0 at once (SKIP LOCKED)
-- rather than wait, since the holder or the next sealer takes these entries too. The holder reads the
-- head after taking it, so it always chains onto the newest sealed entry, and it sees only committed
-- entries (and its own transaction's): an entry whose transaction is still open, or rolled back,
-- is never sealed. Each entry is hashed exactly as audit_append hashed it before V90. occurred_at is
-- when the entry was written, moved up to its predecessor's time where a transaction that wrote
-- earlier committed later, so that it still rises with id (the audit search finds time ranges by id).
CREATE OR REPLACE FUNCTION audit_seal(p_limit integer DEFAULT 10000)
  RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_id      bigint;
  v_prev    bytea;
  v_last_at timestamptz;
  v_at      timestamptz;
  v_hash    bytea;
  v_sealed  bigint[] := '{}';
  p         public.audit_pending;
BEGIN
  SELECT h.last_id, h.last_hash INTO v_id, v_prev FROM public.audit_chain_head h WHERE h.id = 1
     FOR UPDATE SKIP LOCKED;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  SELECT a.occurred_at INTO v_last_at FROM public.audit_log a WHERE a.id = v_id;
  FOR p IN SELECT * FROM public.audit_pending ORDER BY pending_id LIMIT p_limit LOOP
    v_id := v_id + 1;
    v_at := greatest(p.occurred_at, v_last_at);
    v_hash := sha256(v_prev || convert_to(public.audit_canonical(v_id, v_at, p.actor, p.db_user, p.action,
              p.command, p.entity_type, p.entity_id, p.old_values, p.new_values, p.request_id, p.client_info,
              p.salt), 'UTF8'));
    INSERT INTO public.audit_log (id, occurred_at, actor, db_user, action, command, entity_type, entity_id,
                                  old_values, new_values, request_id, client_info, salt, prev_hash, hash)
    VALUES (v_id, v_at, p.actor, p.db_user, p.action, p.command, p.entity_type, p.entity_id,
            p.old_values, p.new_values, p.request_id, p.client_info, p.salt, v_prev, v_hash);
    v_sealed := v_sealed || p.pending_id;
    v_prev := v_hash;
    v_last_at := v_at;
  END LOOP;
  IF cardinality(v_sealed) > 0 THEN
    -- Exactly the entries sealed: one that committed while this ran is newer than the loop's view.
    DELETE FROM public.audit_pending WHERE pending_id = ANY (v_sealed);
    UPDATE public.audit_chain_head SET last_id = v_id, last_hash = v_prev WHERE id = 1;
  END IF;
  RETURN cardinality(v_sealed);
END $$;

-- The worker seals; a writer seals through the trigger below, as the function's owner.
REVOKE ALL ON FUNCTION audit_seal(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_seal(integer) TO arbiter_automation;

-- A writer seals as it commits (a deferred trigger on each of its pending entries), so on a quiet
-- server an entry is in the chain the moment its change is visible. Only in READ COMMITTED: in a
-- REPEATABLE READ or SERIALIZABLE transaction, taking the head after another seal committed would
-- fail the writer's own commit (40001), so its entries wait for the next sealer instead. The first
-- entry of a transaction seals what there is; the later ones find themselves sealed and stop.
-- Only a transaction younger than half the bound seals: the worker's session-guard ends a session
-- whose transaction is older than the bound and holds the head, which is how a session that made
-- this fire early (SET CONSTRAINTS ... IMMEDIATE) and then stayed open is stopped from holding every
-- entry out of the chain; a young writer is done sealing long before it could be taken for one.
CREATE OR REPLACE FUNCTION audit_seal_at_commit() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF current_setting('transaction_isolation') = 'read committed'
     AND EXISTS (SELECT 1 FROM public.audit_pending WHERE pending_id = NEW.pending_id)
     AND clock_timestamp() - now() < (SELECT p.max_unsealed / 2 FROM public.audit_seal_policy p WHERE p.id = 1) THEN
    PERFORM public.audit_seal(1000);
  END IF;
  RETURN NULL;
END $$;

-- What waits to be sealed, for `audit verify` and the worker: how many entries, the oldest one's
-- time, and the bound. STABLE, so it reads in the caller's snapshot. Counting is cheap: a healthy
-- server keeps only the entries of the last moments here.
CREATE OR REPLACE FUNCTION audit_unsealed(OUT o_count bigint, OUT o_oldest timestamptz, OUT o_bound interval)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT (SELECT count(*) FROM public.audit_pending),
         (SELECT min(occurred_at) FROM public.audit_pending),
         (SELECT max_unsealed FROM public.audit_seal_policy WHERE id = 1)
$$;

REVOKE ALL ON FUNCTION audit_unsealed() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_unsealed() TO arbiter_staff, arbiter_automation;

-- The links of the chain, for verifying across the entries a login may not read (row policies, V88): for
-- the entries after p_after up to p_up_to, in id order, their id, prev_hash and hash, and nothing else.
-- A verifier checks that such an entry links to the one before it and takes its hash as given, since it
-- cannot read what was hashed; an admin, who reads every entry, checks its content too. The hashes give
-- nothing away: the next entry's prev_hash shows each of them anyway, and every entry since V88 is
-- salted. SECURITY DEFINER, so the owner reads past the row policies; STABLE, so it reads in the
-- caller's snapshot, as the verifier's own reads do.
CREATE OR REPLACE FUNCTION audit_chain_links(p_after bigint, p_up_to bigint)
  RETURNS TABLE (id bigint, prev_hash bytea, hash bytea)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT a.id, a.prev_hash, a.hash FROM public.audit_log a
   WHERE a.id > p_after AND a.id <= p_up_to
   ORDER BY a.id
$$;

-- The id of the newest entry, whoever may read it: where a verification must end, and what the head
-- (audit_chain_head) must name. 0 for an empty log.
CREATE OR REPLACE FUNCTION audit_chain_last_id() RETURNS bigint
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT coalesce(max(a.id), 0) FROM public.audit_log a
$$;

-- Every member of staff may verify the chain, and the Arbiter worker anchors its head (V86).
REVOKE ALL ON FUNCTION audit_chain_links(bigint, bigint), audit_chain_last_id() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_chain_links(bigint, bigint), audit_chain_last_id()
  TO arbiter_staff, arbiter_automation;

-- Row trigger for the operational tables, also fired once per TRUNCATE. Trigger arguments name columns
-- left out of the values (bulky or secret ones such as evidence content).
CREATE OR REPLACE FUNCTION audit_capture() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  -- TG_ARGV is NULL, not empty, when the trigger has no arguments, and jsonb - NULL is NULL.
  v_omit text[] := coalesce(TG_ARGV, '{}');
  v_old  jsonb;
  v_new  jsonb;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM audit_append('truncate', TG_TABLE_NAME, NULL, NULL, NULL);
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    v_old := to_jsonb(OLD) - v_omit;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_new := to_jsonb(NEW) - v_omit;
  END IF;
  PERFORM audit_append(lower(TG_OP), TG_TABLE_NAME, coalesce(v_new ->> 'id', v_old ->> 'id'), v_old, v_new);
  RETURN NULL;
END $$;

-- A private contact note is readable by its author only (row policy, V60), but audit_capture (V4) copied
-- the whole row into audit_log, which every member of staff reads (V6). From now on the audit entry of a
-- change to a note that is private before or after it keeps every column but the body: "body" is null
-- (a note's body is never null, so null here always means withheld) and "body_sha256" holds the hex
-- SHA-256 of the body's UTF-8 bytes. The author, who can read the note, can check an entry against it;
-- nobody else learns the text. Workspace and compliance notes are audited in full, as before.
--
-- The chain is untouched: audit_append hashes exactly what it stores, so a withheld entry verifies like
-- any other. Entries written before this migration still hold the bodies of private notes and stay as
-- they are: the log is append-only (refuse_audit_change) and rewriting an entry would break the chain
-- from that entry on. Only new changes are withheld.
--
-- The digest is unsalted so that anyone holding the text can check it. It therefore confirms a correct
-- guess of the whole text: a very short, predictable body ("ok") is not hidden from a determined guesser,
-- while ordinary free-text notes are.
CREATE OR REPLACE FUNCTION audit_capture_contact_note() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_old jsonb;
  v_new jsonb;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    v_old := to_jsonb(OLD);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_new := to_jsonb(NEW);
  END IF;
  -- Both images, when either is private: a note made private (or made public) must not show in the
  -- other image the text it had while private. NULL || jsonb stays NULL, so a missing image stays so.
  IF 'private' IN (v_old ->> 'visibility', v_new ->> 'visibility') THEN
    v_old := v_old || jsonb_build_object('body', NULL,
               'body_sha256', encode(sha256(convert_to(v_old ->> 'body', 'UTF8')), 'hex'));
    v_new := v_new || jsonb_build_object('body', NULL,
               'body_sha256', encode(sha256(convert_to(v_new ->> 'body', 'UTF8')), 'hex'));
  END IF;
  PERFORM audit_append(lower(TG_OP), TG_TABLE_NAME, coalesce(v_new ->> 'id', v_old ->> 'id'), v_old, v_new);
  RETURN NULL;
END $$;

-- The log itself never changes, nor does a pending entry (V90). Privileges already keep runtime roles out; these triggers also stop
-- the owner unless a superuser deliberately disables them (which verification then detects).
CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '42501';
END $$;
