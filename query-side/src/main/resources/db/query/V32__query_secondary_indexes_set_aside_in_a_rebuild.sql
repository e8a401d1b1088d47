-- A rebuild from scratch writes every row of a read model again. Keeping its secondary indexes up to date row by row
-- was about a third of PostgreSQL's work in a rebuild; building each once at the end takes seconds. So a read model's
-- reset sets them aside (definitions kept here, indexes dropped) and the query side builds them again as soon as the
-- processing group has caught up (SetAsideIndexes). Unique indexes and primary keys stay: the projections read
-- through them, and they guard the read model's invariants. Queries stay correct meanwhile, only slower, over a read
-- model that is being rebuilt anyway.
CREATE TABLE set_aside_index (
    index_name       VARCHAR(200) NOT NULL,
    processing_group VARCHAR(255) NOT NULL,
    definition       TEXT         NOT NULL,
    set_aside_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT set_aside_index_pk PRIMARY KEY (index_name)
);

-- Sets aside the secondary indexes of p_tables for p_group's rebuild; returns how many. Indexes already set aside
-- (a reset repeated before the rebuild finished) are simply not there to drop again.
CREATE FUNCTION set_aside_secondary_indexes(p_group TEXT, p_tables TEXT[]) RETURNS INTEGER
    LANGUAGE plpgsql AS
$$
DECLARE
    found RECORD;
    n     INTEGER := 0;
BEGIN
    FOR found IN
        SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
        FROM pg_index i
                 JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relname = ANY (p_tables)
          AND t.relnamespace = current_schema()::regnamespace
          AND NOT i.indisunique
        LOOP
            INSERT INTO set_aside_index (index_name, processing_group, definition)
            VALUES (found.name, p_group, found.definition);
            EXECUTE 'DROP INDEX ' || found.name;
            n := n + 1;
        END LOOP;
    RETURN n;
END
$$;
