-- Presence: consoles heartbeat their rows every few seconds. Only arrivals, departures and a switch
-- between viewing and editing are news to other consoles, so a heartbeat alone notifies nobody.
DROP TRIGGER console_presence_notify ON console_presence;
CREATE TRIGGER console_presence_notify AFTER INSERT OR DELETE ON console_presence
  FOR EACH ROW EXECUTE FUNCTION notify_change();
CREATE TRIGGER console_presence_notify_mode AFTER UPDATE ON console_presence
  FOR EACH ROW WHEN (OLD.mode IS DISTINCT FROM NEW.mode) EXECUTE FUNCTION notify_change();

-- Readers ignore rows older than their time-to-live; this removes what a crashed console left behind.
-- Everyone may call it (RLS lets a login delete only its own rows), and it never removes a fresh row.
CREATE FUNCTION presence_sweep(p_older_than interval DEFAULT interval '2 minutes') RETURNS integer
  LANGUAGE sql
  SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  WITH gone AS (
    DELETE FROM console_presence
    WHERE heartbeat_at < now() - greatest(p_older_than, interval '30 seconds')
    RETURNING 1)
  SELECT count(*)::integer FROM gone
$$;
REVOKE ALL ON FUNCTION presence_sweep(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION presence_sweep(interval) TO arbiter_staff;
