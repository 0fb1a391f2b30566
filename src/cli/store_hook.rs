//! Which store a run uses, and the push after a command's write.

use std::path::Path;

use super::{CliResult, Failure, Global};
use crate::lights::Config;
use crate::messages::store::{STORE_OFFLINE, STORE_REFUSED_KEPT, refusal_text};
use crate::msg;
use crate::remote::{self, Client, Outbox, PUSH_TIMEOUT, StoreError, StoreUrl};

/// The environment variable naming the store when `--store` is not given.
pub const STORE_ENV: &str = "DUBAN_STORE";

/// The store of this run: `--store`, else `DUBAN_STORE`, else `store:` in
/// the dataset's `duban.ron`; `None` (the local journal alone) when none
/// names one.
pub fn store_url(global: &Global) -> Result<Option<StoreUrl>, Failure> {
    let given = match &global.store {
        Some(url) => Some(url.clone()),
        None => match std::env::var(STORE_ENV) {
            Ok(url) if !url.trim().is_empty() => Some(url),
            _ => Config::find(global.data.as_deref(), None)?.store,
        },
    };
    match given {
        Some(url) => Ok(Some(StoreUrl::parse(&url)?)),
        None => Ok(None),
    }
}

/// After a command saved to the journal at `journal`: with a store, pushes
/// what is pending (connect timeout 2 s). Out of reach: a one-line notice
/// `离线，N 条待同步` and success (the write is saved locally and goes with
/// the next push). Refused records are listed and kept, and the command
/// fails.
pub fn push_after_write(global: &Global, journal: &Path) -> CliResult {
    let Some(url) = store_url(global)? else {
        return Ok(());
    };
    let _lock = remote::lock(journal)?;
    let mut outbox = Outbox::open(journal)?;
    let pushed = Client::connect(&url, PUSH_TIMEOUT)
        .and_then(|mut client| remote::push_pending(&mut outbox, &mut client));
    match pushed {
        Ok(report) if report.refused.is_empty() => Ok(()),
        Ok(report) => {
            for r in &report.refused {
                eprintln!("duban: {}", refusal_text(r, global.lang));
            }
            Err(msg!(STORE_REFUSED_KEPT, path = outbox.path().display()).into())
        }
        Err(e) if e.is_offline() => {
            offline_notice(global, &mut outbox)?;
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

/// `离线，N 条待同步` on stderr.
fn offline_notice(global: &Global, outbox: &mut Outbox) -> Result<(), StoreError> {
    let n = outbox.pending_count()?;
    eprintln!("duban: {}", msg!(STORE_OFFLINE, n = n).render(global.lang));
    Ok(())
}
