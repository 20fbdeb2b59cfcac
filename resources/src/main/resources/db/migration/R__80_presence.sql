-- Readers ignore rows older than their time-to-live; this removes what a crashed console left behind.
-- Everyone may call it (RLS lets a login delete only its own rows), and it never removes a fresh row.
CREATE OR REPLACE FUNCTION presence_sweep(p_older_than interval DEFAULT interval '2 minutes') RETURNS integer
  LANGUAGE sql
  SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  WITH gone AS (
    DELETE FROM public.console_presence
    WHERE heartbeat_at < now() - greatest(p_older_than, interval '30 seconds')
    RETURNING 1)
  SELECT count(*)::integer FROM gone
$$;

-- Presence rows are written by their own console and live as long as it beats. A row cannot be
-- planted in another login's name (row policy), and its heartbeat is the database's clock, so it
-- cannot be dated into the future to never expire.
CREATE OR REPLACE FUNCTION stamp_presence() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF public.arbiter_is_owner() THEN
    RETURN NEW;
  END IF;
  -- Presence is not audited, so the deactivation check that guards every audited write is made here.
  PERFORM public.arbiter_require_active_staff();
  NEW.heartbeat_at := now();
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER console_presence_stamp BEFORE INSERT OR UPDATE ON public.console_presence
  FOR EACH ROW EXECUTE FUNCTION public.stamp_presence();
