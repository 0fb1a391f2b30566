//! What the office sets up: the plan's duties, and who may write what.

use super::client::Client;
use super::error::StoreError;
use super::schema::INSERT_COLUMNS;
use crate::model::Dataset;

/// Who a role writes for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grantee {
    /// A unit (its canonical name): the tasks it leads or cooperates on.
    Unit(String),
    /// The supervision office: every task.
    Office,
}

/// The duties of the plan as (task ID, unit, duty) rows: `lead`, `co` and
/// `members` (a working group whose members all cooperate) for every key
/// task and project; a project's sub-items share the project's.
pub fn duties_of(data: &Dataset) -> Vec<(String, String, &'static str)> {
    let mut rows = Vec::new();
    for task in data.all_tasks() {
        let ids = std::iter::once(&task.id).chain(task.items.iter().map(|i| &i.id));
        for id in ids {
            for (units, duty) in [
                (&task.lead, "lead"),
                (&task.co, "co"),
                (&task.co_members_of, "members"),
            ] {
                for unit in units {
                    rows.push((id.to_string(), unit.to_string(), duty));
                }
            }
        }
    }
    rows.sort_unstable();
    rows.dedup();
    rows
}

/// A double-quoted SQL identifier.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl Client {
    /// Replaces the store's duties with the dataset's (one transaction).
    /// Returns how many rows.
    pub fn upload_duties(&mut self, data: &Dataset) -> Result<usize, StoreError> {
        let rows = duties_of(data);
        let tasks: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        let units: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
        let duties: Vec<&str> = rows.iter().map(|r| r.2).collect();
        let url = self.url().clone();
        let fail = |e: postgres::Error| StoreError::from_pg(&url, &e);
        let mut tx = self.connection().transaction().map_err(fail)?;
        tx.execute("DELETE FROM duban_duties", &[]).map_err(fail)?;
        tx.execute(
            "INSERT INTO duban_duties (task, unit, duty)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[])",
            &[&tasks, &units, &duties],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(rows.len())
    }

    /// Whether this connection's role may replace the duties (the office's
    /// administrator; `store sync` uploads them only then).
    pub fn may_upload_duties(&mut self) -> Result<bool, StoreError> {
        let row = self
            .connection()
            .query_one(
                "SELECT has_table_privilege('duban_duties', 'DELETE')
                    AND has_table_privilege('duban_duties', 'INSERT')",
                &[],
            )
            .map_err(|e| self.fail(&e))?;
        Ok(row.get(0))
    }

    /// Lets `role` write for `who`: creates the role (LOGIN, no password:
    /// the administrator gives it one) when missing, records its unit, and
    /// grants it the insert. Returns whether the role was created.
    pub fn grant(&mut self, role: &str, who: &Grantee) -> Result<bool, StoreError> {
        let (unit, office) = match who {
            Grantee::Unit(unit) => (Some(unit.as_str()), false),
            Grantee::Office => (None, true),
        };
        let url = self.url().clone();
        let fail = |e: postgres::Error| StoreError::from_pg(&url, &e);
        let mut tx = self.connection().transaction().map_err(fail)?;
        let exists = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
                &[&role],
            )
            .map_err(fail)?
            .get::<_, bool>(0);
        let quoted = ident(role);
        if !exists {
            tx.batch_execute(&format!("CREATE ROLE {quoted} LOGIN"))
                .map_err(fail)?;
        }
        tx.execute(
            "INSERT INTO duban_roles (role, unit, office) VALUES ($1, $2, $3)
             ON CONFLICT (role) DO UPDATE SET unit = EXCLUDED.unit, office = EXCLUDED.office",
            &[&role, &unit, &office],
        )
        .map_err(fail)?;
        tx.batch_execute(&format!(
            "GRANT INSERT ({INSERT_COLUMNS}) ON duban_records TO {quoted};
             GRANT USAGE ON SEQUENCE duban_records_seq TO {quoted};"
        ))
        .map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(!exists)
    }
}
