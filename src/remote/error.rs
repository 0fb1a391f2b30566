//! What can go wrong with a shared store. Every variant names the store by
//! its masked URL; `Display` is English (logs, tests), and
//! `src/messages/store.rs` says each in the user's language.

use std::path::PathBuf;

use postgres::error::SqlState;

use super::url::StoreUrl;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Not a `postgres://` URL.
    #[error("{url}: unsupported store; expected a URL starting postgres://")]
    Scheme { url: String },
    /// A `postgres://` URL the client cannot read.
    #[error("{url}: not a valid store URL: {detail}")]
    Url { url: String, detail: String },
    /// No answer from the server (down, wrong host or port, timed out).
    #[error("{url}: cannot reach the store: {detail}")]
    Unreachable { url: String, detail: String },
    /// The server refused the user or password.
    #[error("{url}: the store refused the login of {user}: {detail}")]
    Auth {
        url: String,
        user: String,
        detail: String,
    },
    /// The database has no duban tables yet.
    #[error("{url}: the store is not set up; run duban store init first")]
    NotInitialised { url: String },
    /// The database was set up by an older duban.
    #[error(
        "{url}: the store's schema is version {found}, this duban needs {want}; run duban store init"
    )]
    SchemaTooOld { url: String, found: i32, want: i32 },
    /// The database was set up by a newer duban.
    #[error(
        "{url}: the store's schema is version {found}, newer than this duban knows ({want}); update duban"
    )]
    SchemaTooNew { url: String, found: i32, want: i32 },
    /// The role may not do this (set up, grant, upload duties).
    #[error("{url}: permission denied for {user}: {detail}")]
    Denied {
        url: String,
        user: String,
        detail: String,
    },
    /// A unit given to `store grant` that the dataset does not know.
    #[error("no unit is called {given} in this dataset")]
    UnknownUnit { given: String },
    /// Anything else the server said.
    #[error("{url}: the store failed: {detail}")]
    Server { url: String, detail: String },
    /// The outbox file beside the journal could not be read or written.
    #[error("{}: the outbox: {source}", path.display())]
    Outbox {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The outbox file is not what duban writes.
    #[error("{}: the outbox is damaged: {detail}", path.display())]
    OutboxBroken { path: PathBuf, detail: String },
    /// The local journal could not be read.
    #[error("{0}")]
    Journal(Box<crate::progress::ProgressError>),
    /// Pulled records could not be saved to the local journal.
    #[error("{0}")]
    Save(Box<crate::progress::SaveError>),
}

impl StoreError {
    /// Classifies a client error for the store at `url`.
    pub(crate) fn from_pg(url: &StoreUrl, error: &postgres::Error) -> StoreError {
        let url_text = url.to_string();
        let user = url.user();
        let Some(db) = error.as_db_error() else {
            let detail = url.scrub(&error_chain(error));
            return if detail.contains("authentication") || detail.contains("password") {
                StoreError::Auth {
                    url: url_text,
                    user,
                    detail,
                }
            } else {
                StoreError::Unreachable {
                    url: url_text,
                    detail,
                }
            };
        };
        let detail = url.scrub(db.message());
        let code = db.code();
        if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            StoreError::Auth {
                url: url_text,
                user,
                detail,
            }
        } else if *code == SqlState::INSUFFICIENT_PRIVILEGE {
            StoreError::Denied {
                url: url_text,
                user,
                detail,
            }
        } else if *code == SqlState::UNDEFINED_TABLE {
            StoreError::NotInitialised { url: url_text }
        } else if *code == SqlState::CANNOT_CONNECT_NOW || *code == SqlState::ADMIN_SHUTDOWN {
            StoreError::Unreachable {
                url: url_text,
                detail,
            }
        } else {
            StoreError::Server {
                url: url_text,
                detail,
            }
        }
    }

    /// Whether this is the server being out of reach, so that a write is
    /// kept for later (offline) rather than reported as a failure.
    pub fn is_offline(&self) -> bool {
        matches!(self, StoreError::Unreachable { .. })
    }
}

/// An error and its causes, `: `-joined (the client's top message alone is
/// often just "error connecting to server").
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let more = cause.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = cause.source();
    }
    text
}
