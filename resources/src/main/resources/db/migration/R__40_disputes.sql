-- Statement-level with a transition table, so a COPY of a million disputes costs one set-based insert.
CREATE OR REPLACE FUNCTION dispute_queue_keys_added() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  INSERT INTO public.dispute_queue_keys (dispute_id, reference, contract_reference, client_name, freelancer_name,
                                         is_open)
  SELECT a.id, a.reference, c.reference, cu.display_name, fu.display_name, a.status NOT IN ('resolved', 'closed')
    FROM added a
    JOIN public.contracts c ON c.id = a.contract_id
    JOIN public.users cu ON cu.id = c.client_id
    JOIN public.users fu ON fu.id = c.freelancer_id
  ON CONFLICT (dispute_id) DO UPDATE
    SET reference = EXCLUDED.reference, contract_reference = EXCLUDED.contract_reference,
        client_name = EXCLUDED.client_name, freelancer_name = EXCLUDED.freelancer_name,
        is_open = EXCLUDED.is_open;
  RETURN NULL;
END $$;

-- The open-work sorts by party and contract (V95) follow a dispute that is closed or reopened.
CREATE OR REPLACE FUNCTION dispute_queue_keys_reopened() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  UPDATE public.dispute_queue_keys SET is_open = NEW.status NOT IN ('resolved', 'closed')
   WHERE dispute_id = NEW.id;
  RETURN NULL;
END $$;

-- A renamed party is found and sorted under the new name.
CREATE OR REPLACE FUNCTION dispute_queue_keys_renamed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM renamed_new n JOIN renamed_old o ON o.id = n.id
                  WHERE n.display_name IS DISTINCT FROM o.display_name) THEN
    RETURN NULL;
  END IF;
  UPDATE public.dispute_queue_keys k
     SET client_name = cu.display_name, freelancer_name = fu.display_name
    FROM public.disputes d
    JOIN public.contracts c ON c.id = d.contract_id
    JOIN public.users cu ON cu.id = c.client_id
    JOIN public.users fu ON fu.id = c.freelancer_id
   WHERE k.dispute_id = d.id
     AND (c.client_id IN (SELECT id FROM renamed_new) OR c.freelancer_id IN (SELECT id FROM renamed_new));
  RETURN NULL;
END $$;
