//! The store's tables, and the migrations that make them: `store init`
//! applies each migration the database lacks, in its own transaction, and
//! records it in `duban_schema`. Rerunning applies nothing.
//!
//! - `duban_records`: every journal record (entry or retraction), its line
//!   verbatim, its ID (the hash of the line, so a push is idempotent), and
//!   queryable columns. `seq` is given by a trigger under a lock, so it
//!   grows in commit order and `seq > cursor` never misses a record; the
//!   same trigger stamps `reporter_role` with `current_user` (the client
//!   cannot set it) and `inserted_at`. A statement trigger notifies the
//!   channel `duban` with the highest `seq` inserted.
//! - `duban_duties`: task → unit (lead, co, members), uploaded from the
//!   dataset by `store init` and `store sync` (by a role that may).
//! - `duban_roles`: role → unit, or the office (writes every task).
//! - Row-level security: everyone reads; a role inserts only for tasks its
//!   unit has a duty on, or any task when it is the office's.

use postgres::Transaction;

/// The version this duban reads and writes.
pub const VERSION: i32 = 1;

/// The channel `LISTEN` hears new records on; the payload is the highest
/// `seq` the inserting statement added (a hint: pull from your cursor).
pub const NOTIFY_CHANNEL: &str = "duban";

/// Columns a granted role may insert (the others are the server's).
pub(super) const INSERT_COLUMNS: &str =
    "id, kind, line, task, at, date, reporter_unit, reporter_name";

/// The lock `duban_records`' trigger takes, so that sequence numbers are
/// committed in order.
const SEQ_LOCK: i64 = 0x6475_6261_6e01;

/// Migration `n` is `MIGRATIONS[n - 1]`.
pub(super) const MIGRATIONS: &[&str] = &[r#"
CREATE SEQUENCE duban_records_seq;
CREATE TABLE duban_records (
    seq bigint PRIMARY KEY,
    id text NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('entry', 'retract')),
    line text NOT NULL,
    task text NOT NULL,
    at timestamptz NOT NULL,
    date date,
    reporter_unit text,
    reporter_name text,
    reporter_role name NOT NULL,
    inserted_at timestamptz NOT NULL
);
CREATE INDEX duban_records_task ON duban_records (task, at);
CREATE TABLE duban_duties (
    task text NOT NULL,
    unit text NOT NULL,
    duty text NOT NULL CHECK (duty IN ('lead', 'co', 'members')),
    PRIMARY KEY (task, unit, duty)
);
CREATE TABLE duban_roles (
    role name PRIMARY KEY,
    unit text,
    office boolean NOT NULL DEFAULT false,
    CHECK (office OR unit IS NOT NULL)
);
CREATE FUNCTION duban_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(SEQ_LOCK);
    NEW.seq := nextval('duban_records_seq');
    NEW.reporter_role := current_user;
    NEW.inserted_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER duban_stamp BEFORE INSERT ON duban_records
    FOR EACH ROW EXECUTE FUNCTION duban_stamp();
CREATE FUNCTION duban_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    top bigint;
BEGIN
    SELECT max(seq) INTO top FROM new_rows;
    IF top IS NOT NULL THEN
        PERFORM pg_notify('duban', top::text);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER duban_notify AFTER INSERT ON duban_records
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION duban_notify();
CREATE FUNCTION duban_may_write(who name, t text) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM duban_roles r
        WHERE r.role = who
          AND (r.office OR EXISTS (
              SELECT 1 FROM duban_duties d WHERE d.task = t AND d.unit = r.unit)))
$$;
ALTER TABLE duban_records ENABLE ROW LEVEL SECURITY;
CREATE POLICY duban_read ON duban_records FOR SELECT USING (true);
CREATE POLICY duban_write ON duban_records FOR INSERT
    WITH CHECK (duban_may_write(current_user, task));
GRANT SELECT ON duban_records, duban_duties, duban_roles, duban_schema TO PUBLIC;
"#];

/// Creates the version table when missing; returns the version applied.
pub(super) fn current(tx: &mut Transaction<'_>) -> Result<i32, postgres::Error> {
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS duban_schema (
             version integer PRIMARY KEY,
             applied_at timestamptz NOT NULL DEFAULT now())",
    )?;
    let row = tx.query_one("SELECT coalesce(max(version), 0) FROM duban_schema", &[])?;
    Ok(row.get(0))
}

/// The text of migration `n`, with its constants filled in.
pub(super) fn migration(n: usize) -> String {
    MIGRATIONS[n - 1].replace("SEQ_LOCK", &SEQ_LOCK.to_string())
}
