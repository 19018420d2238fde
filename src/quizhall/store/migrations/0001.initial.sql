-- quizhall's tables in PostgreSQL (applied by yoyo-migrations; see store/postgres.py).
-- Documents are json, not jsonb: read back exactly as written, NUL characters included.

-- One row per contest: what contest.json holds in the embedded store. The title and source
-- are JSON strings (a title may hold any character, NUL included).
CREATE TABLE contests (
    id text PRIMARY KEY,
    title json NOT NULL,
    status text NOT NULL CHECK (status IN ('running', 'finished')),
    created text NOT NULL,
    updated text,
    source json NOT NULL,
    config json NOT NULL
);

-- The event logs: append-only, numbered from 0 without gaps per contest.
CREATE TABLE contest_events (
    contest_id text NOT NULL REFERENCES contests (id),
    seq integer NOT NULL CHECK (seq >= 0),
    event json NOT NULL,
    recorded timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (contest_id, seq)
);

-- Who writes a contest or a trainee. The advisory lock decides; this row names the holder
-- for a refused process, and its token fences out a writer that lost its lock.
CREATE TABLE writers (
    kind text NOT NULL,
    key text NOT NULL,
    token text NOT NULL,
    pid integer NOT NULL,
    host text NOT NULL,
    command text NOT NULL,
    started text NOT NULL,
    PRIMARY KEY (kind, key)
);

-- One row per trainee: the number of their documents' last change, and the summary lists
-- read (valid while summary_change = last_change).
CREATE TABLE trainees (
    name text PRIMARY KEY,
    last_change bigint NOT NULL DEFAULT -1,
    summary json,
    summary_change bigint
);

-- Trainee documents: the TinyDB tables of each trainee, one row per document.
CREATE TABLE trainee_documents (
    trainee text NOT NULL REFERENCES trainees (name),
    tbl text NOT NULL,
    doc_id text NOT NULL,
    doc json NOT NULL,
    PRIMARY KEY (trainee, tbl, doc_id)
);
