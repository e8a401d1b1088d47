-- How a 台账 row without a project code finds its project (command.ledger.KnownProjects): among the signings of the
-- file's townships, and the corrections and voidings of any (a correction may move a project). Without these
-- indexes that read scanned the whole event store and parsed every signing's payload, for every import and preview.
--
-- The township of a ProjectSigned payload, for an index. convert_from is only STABLE (it depends on the server's
-- encoding, which is UTF8 here and never changes) and stored payloads are never rewritten (the table is append-only),
-- so the answer for given bytes never changes: declaring it IMMUTABLE is true of how it is used. json, not jsonb:
-- it only checks the syntax, so no text a signing may hold (jsonb refuses \u0000) can make its append fail here.
CREATE FUNCTION luodi_signed_township(payload BYTEA) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT convert_from(payload, 'UTF8')::json ->> 'township' $$;

CREATE INDEX domain_event_entry_signed_township_ix ON domain_event_entry (luodi_signed_township(payload))
    WHERE payload_type = 'org.luodi.events.ProjectSigned';

CREATE INDEX domain_event_entry_renamed_voided_ix ON domain_event_entry (global_index)
    WHERE payload_type IN ('org.luodi.events.AttributesCorrected', 'org.luodi.events.ProjectVoided');
