//! `duban template`: a unit's report sheet (填报表), or one per unit.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;

use super::{CliResult, Failure, Global};
use crate::collect::{Template, write};
use crate::lights::{Calendar, Config, Rule};
use crate::messages::Text;
use crate::messages::collect::{
    TEMPLATE_ALL_WROTE, TEMPLATE_CANNOT_WRITE, TEMPLATE_NEEDS_UNIT, TEMPLATE_NO_DUTIES,
    TEMPLATE_WROTE,
};
use crate::model::{Dataset, ProgressEntry};
use crate::msg;
use crate::progress::{Journal, progress_path};
use crate::store::{self, Index};

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The unit whose sheet to write (a name or alias).
    #[arg(long, value_name = "U", conflicts_with = "all")]
    pub unit: Option<String>,
    /// One file per unit with duties, into the directory --out.
    #[arg(long)]
    pub all: bool,
    /// The date the sheet is for: its period's due date is the default
    /// report date (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::values::date)]
    pub as_of: Option<NaiveDate>,
    /// The file to write (with --all, the directory).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

pub fn run(global: &Global, args: &TemplateArgs) -> CliResult {
    let data = store::load(global.data.as_deref())?;
    let config = Config::find(global.data.as_deref(), None)?;
    let rule = Rule::new(data.plan.year, &config);
    let index = Index::new(&data);
    let entries: Vec<ProgressEntry> = Journal::open(&progress_path(global.data.as_deref())?)?
        .entries()
        .cloned()
        .collect();
    let as_of = super::report::as_of_for(global, &rule, args.as_of);
    let sheets = Sheets {
        data: &data,
        index: &index,
        entries: &entries,
        calendar: &rule.calendar,
        as_of,
    };
    let lang = global.lang;
    if args.all {
        std::fs::create_dir_all(&args.out).map_err(|e| cannot(&args.out, &e))?;
        let mut written = 0;
        for unit in &data.units {
            let template = sheets.of(&unit.name);
            if template.is_empty() {
                continue;
            }
            let path = args.out.join(format!("{}.xlsx", file_name(&unit.name)));
            save(&template, &rule.calendar, &path)?;
            written += 1;
        }
        let done = msg!(
            TEMPLATE_ALL_WROTE,
            units = written,
            out = args.out.display()
        );
        println!("{}", done.render(lang));
        return Ok(());
    }
    let Some(given) = &args.unit else {
        return Err(Text::from(TEMPLATE_NEEDS_UNIT).into());
    };
    let unit = super::config::canonical_unit(&data, given)?;
    let template = sheets.of(&unit);
    if template.is_empty() {
        return Err(msg!(TEMPLATE_NO_DUTIES, unit = unit).into());
    }
    save(&template, &rule.calendar, &args.out)?;
    let done = msg!(
        TEMPLATE_WROTE,
        unit = unit,
        lead = template.lead.len(),
        co = template.co.len(),
        due = template.meta.due,
        out = args.out.display()
    );
    println!("{}", done.render(lang));
    Ok(())
}

/// What every sheet of a run is made from.
struct Sheets<'a> {
    data: &'a Dataset,
    index: &'a Index,
    entries: &'a [ProgressEntry],
    calendar: &'a Calendar,
    as_of: NaiveDate,
}

impl Sheets<'_> {
    fn of(&self, unit: &str) -> Template {
        Template::new(
            self.data,
            self.index,
            self.entries,
            self.calendar,
            unit,
            self.as_of,
        )
    }
}

/// A unit name as a file name: path separators and characters Windows
/// refuses become `_`.
fn file_name(unit: &str) -> String {
    unit.chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect()
}

fn cannot(path: &Path, error: &dyn std::fmt::Display) -> Text {
    msg!(TEMPLATE_CANNOT_WRITE, path = path.display(), error = error)
}

fn save(template: &Template, calendar: &Calendar, path: &Path) -> Result<(), Failure> {
    let mut book = write::workbook(template, calendar).map_err(|e| cannot(path, &e))?;
    crate::sheet::format::save(&mut book, path)?;
    Ok(())
}
