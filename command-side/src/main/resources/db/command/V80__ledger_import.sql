-- Each 台账 file recorded, by the SHA-256 of its bytes (command.ledger): the same file imported again, even twice
-- at once, writes nothing. Rows only added; what the file recorded is in the event store under the reason
-- "台账导入 <file name>".
CREATE TABLE ledger_import (
    sha256       CHAR(64)     NOT NULL PRIMARY KEY,
    file_name    VARCHAR(300) NOT NULL,
    username     VARCHAR(100) NOT NULL,
    imported_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    project_rows INTEGER      NOT NULL,
    funds_rows   INTEGER      NOT NULL,
    events       INTEGER      NOT NULL
);
