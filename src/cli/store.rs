//! `duban store init|grant|sync|status|push`: the shared progress store.

use std::time::Duration;

use clap::{Args, Subcommand};

use super::store_hook::{STORE_ENV, store_url};
use super::{CliResult, Failure, Global, Lang};
use crate::messages::Text;
use crate::messages::store::*;
use crate::msg;
use crate::progress::{Journal, progress_path};
use crate::remote::{self, Client, Grantee, Outbox, PushReport, StoreError, StoreUrl};
use crate::store;

/// How long the commands of this module wait for the server to answer.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Subcommand)]
pub enum StoreCommand {
    /// Create or upgrade the store's tables and upload the plan's duties.
    Init {
        /// The store (default: the one --store, DUBAN_STORE or duban.ron names).
        url: Option<String>,
    },
    /// Let a database role write for a unit, or for the office.
    Grant(GrantArgs),
    /// Push what is pending, then pull what others wrote.
    Sync {
        /// Send refused records again (after a grant was put right).
        #[arg(long)]
        retry_refused: bool,
    },
    /// Print what is pending, what was refused and why, and the last sync.
    Status,
    /// Upload the journal of --data DIR (what the store has is skipped).
    Push,
}

#[derive(Debug, Args)]
pub struct GrantArgs {
    /// The database role (one per reporter).
    #[arg(long)]
    role: String,
    /// The unit the role reports for (a name or alias).
    #[arg(long, value_name = "UNIT", conflicts_with = "office")]
    unit: Option<String>,
    /// The supervision office: the role may write every task.
    #[arg(long)]
    office: bool,
}

pub fn run(global: &Global, cmd: StoreCommand) -> CliResult {
    match cmd {
        StoreCommand::Init { url } => init(global, url.as_deref()),
        StoreCommand::Grant(args) => grant(global, &args),
        StoreCommand::Sync { retry_refused } => sync(global, retry_refused),
        StoreCommand::Status => status(global),
        StoreCommand::Push => push(global),
    }
}

/// The configured store, or the error saying how to name one.
fn required(global: &Global) -> Result<StoreUrl, Failure> {
    store_url(global)?.ok_or_else(|| msg!(STORE_NONE, env = STORE_ENV).into())
}

fn say(text: Text, lang: Lang) {
    println!("{}", crate::text::printable(&text.render(lang)));
}

fn init(global: &Global, url: Option<&str>) -> CliResult {
    let url = match url {
        Some(text) => StoreUrl::parse(text)?,
        None => required(global)?,
    };
    let data = store::load(global.data.as_deref())?;
    let mut client = Client::connect_unchecked(&url, CONNECT_TIMEOUT)?;
    let applied = client.init()?;
    let said = match applied.last() {
        Some(v) => msg!(STORE_INIT_APPLIED, url = url, version = v),
        None => msg!(STORE_INIT_CURRENT, url = url, version = remote::VERSION),
    };
    say(said, global.lang);
    let n = client.upload_duties(&data)?;
    say(msg!(STORE_DUTIES, n = n), global.lang);
    Ok(())
}

fn grant(global: &Global, args: &GrantArgs) -> CliResult {
    let who = match (&args.unit, args.office) {
        (_, true) => Grantee::Office,
        (Some(given), false) => {
            let data = store::load(global.data.as_deref())?;
            let unit = super::config::canonical_unit(&data, given).map_err(|_| {
                StoreError::UnknownUnit {
                    given: given.clone(),
                }
            })?;
            Grantee::Unit(unit)
        }
        (None, false) => return Err(Text::from(STORE_GRANT_WHO).into()),
    };
    let url = required(global)?;
    let mut client = Client::connect(&url, CONNECT_TIMEOUT)?;
    let created = client.grant(&args.role, &who)?;
    let lang = global.lang;
    if created {
        say(msg!(STORE_ROLE_CREATED, role = args.role), lang);
    }
    let said = match &who {
        Grantee::Unit(unit) => msg!(STORE_GRANTED_UNIT, role = args.role, unit = unit),
        Grantee::Office => msg!(STORE_GRANTED_OFFICE, role = args.role),
    };
    say(said, lang);
    Ok(())
}

/// Lists refused records on stderr; an error when there are any.
fn refused(report: &PushReport, outbox: &Outbox, lang: Lang) -> CliResult {
    if report.refused.is_empty() {
        return Ok(());
    }
    for r in &report.refused {
        eprintln!("duban: {}", refusal_text(r, lang));
    }
    Err(msg!(STORE_REFUSED_KEPT, path = outbox.path().display()).into())
}

fn sync(global: &Global, retry_refused: bool) -> CliResult {
    let url = required(global)?;
    let path = progress_path(global.data.as_deref())?;
    let _lock = remote::lock(&path)?;
    let mut outbox = Outbox::open(&path)?;
    if retry_refused {
        outbox.retry_refused();
    }
    let mut client = Client::connect(&url, CONNECT_TIMEOUT)?;
    let lang = global.lang;
    if client.may_upload_duties()? {
        let data = store::load(global.data.as_deref())?;
        client.upload_duties(&data)?;
    }
    let mut journal = Journal::open(&path)?;
    let report = remote::sync(&mut journal, &mut outbox, &mut client)?;
    let pushed = &report.pushed;
    say(
        msg!(
            STORE_PUSHED,
            accepted = pushed.accepted,
            already = pushed.already
        ),
        lang,
    );
    say(msg!(STORE_PULLED, n = report.pulled), lang);
    if report.unreadable > 0 {
        say(msg!(STORE_UNREADABLE, n = report.unreadable), lang);
    }
    refused(pushed, &outbox, lang)
}

fn status(global: &Global) -> CliResult {
    let url = required(global)?;
    let path = progress_path(global.data.as_deref())?;
    let mut outbox = Outbox::open(&path)?;
    outbox.use_store(url.masked());
    let lang = global.lang;
    say(msg!(STORE_STATUS_STORE, url = url), lang);
    say(
        msg!(STORE_STATUS_PENDING, n = outbox.pending_count()?),
        lang,
    );
    say(msg!(STORE_STATUS_REFUSED, n = outbox.refused().len()), lang);
    for r in outbox.refused() {
        println!("  {}", crate::text::printable(&refusal_text(r, lang)));
    }
    let last = match outbox.last_sync() {
        Some(at) => msg!(STORE_STATUS_LAST, at = at.format("%Y-%m-%d %H:%M:%S %:z")),
        None => Text::from(STORE_STATUS_NEVER),
    };
    say(last, lang);
    Ok(())
}

fn push(global: &Global) -> CliResult {
    let url = required(global)?;
    let path = progress_path(global.data.as_deref())?;
    let _lock = remote::lock(&path)?;
    let mut outbox = Outbox::open(&path)?;
    let mut client = Client::connect(&url, CONNECT_TIMEOUT)?;
    outbox.use_store(url.masked());
    let n = outbox.pending_count()?;
    let report = remote::push_pending(&mut outbox, &mut client)?;
    let said = msg!(
        STORE_PUSH_DATA,
        path = path.display(),
        n = n,
        accepted = report.accepted,
        already = report.already
    );
    say(said, global.lang);
    refused(&report, &outbox, global.lang)
}
