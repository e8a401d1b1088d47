-- Tells whoever listens on channel luodi_events that the event store grew, so that a query side can read new events
-- at once instead of polling for them (ProcessingConfig, luodi.processing.wake=notify). Version 4, not 3: the command
-- side's db/command already holds a V3, and both sides read this location.
-- One notification per INSERT statement, none per row; and PostgreSQL folds identical notifications of one
-- transaction into one, so a command that appends several events signals once, at its commit. The payload is empty:
-- a listener reads what is new from the table itself, from where it stopped.

CREATE FUNCTION domain_event_entry_notify_append() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('luodi_events', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER domain_event_entry_notify_append
    AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION domain_event_entry_notify_append();
