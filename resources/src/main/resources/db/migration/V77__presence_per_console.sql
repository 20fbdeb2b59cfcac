-- Presence belongs to a console window, not to a login: the same login signed in twice (two desks,
-- or a laptop and a desktop) must not delete each other's rows on every heartbeat, which made the
-- two consoles re-publish in turn for ever. Each console names itself with a random id.
ALTER TABLE console_presence ADD COLUMN console_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE console_presence DROP CONSTRAINT console_presence_pkey;
ALTER TABLE console_presence ADD PRIMARY KEY (console_id, entity_type, entity_id);
CREATE INDEX console_presence_login_idx ON console_presence (staff_login);
