//! The command line in the user's language: `--help` from the message
//! table, clap's headings and errors in Chinese or English.
//!
//! A new option or command needs one line in `help_table.rs` (and its
//! texts in `src/messages/help.rs`); `tests/cli_lang.rs` fails on any
//! English left under `--lang zh`.

use std::ffi::OsString;

use clap::builder::{PossibleValue, Str};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, CommandFactory, FromArgMatches};

use super::Cli;
use super::help_table::{ABOUT, ARGS, VALUE_NAMES};
use crate::messages::help::*;
use crate::messages::{Lang, Text};
use crate::msg;

/// The environment variable that sets the language when `--lang` is not given.
pub const LANG_ENV: &str = "DUBAN_LANG";

/// The language asked for before clap parses anything: the last
/// `--lang X`/`--lang=X` before a `--`, else `DUBAN_LANG`, else Chinese.
/// A value that is neither `zh` nor `en` is left for clap to report.
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut found = None;
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        } else if arg == "--lang" {
            found = iter.next().and_then(|v| Lang::parse(&v)).or(found);
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            found = Lang::parse(value).or(found);
        }
    }
    found
        .or_else(|| std::env::var(LANG_ENV).ok().and_then(|v| Lang::parse(&v)))
        .unwrap_or_default()
}

/// Parses the command line; help, version and argument errors are printed
/// in `lang` and end the process with clap's exit code.
pub fn parse(args: Vec<OsString>, lang: Lang) -> Cli {
    let mut cmd = command(lang);
    let parsed = cmd
        .try_get_matches_from_mut(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => cli,
        Err(err) => {
            let code = err.exit_code();
            match err.kind() {
                ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    let _ = err.print();
                }
                _ => eprintln!("{}", error_text(&err, lang)),
            }
            std::process::exit(code)
        }
    }
}

/// `duban`'s clap command with every text in `lang`, which is also the
/// default of `--lang` (so `DUBAN_LANG` sets it).
pub fn command(lang: Lang) -> clap::Command {
    let code = match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    };
    let mut cmd = Cli::command().mut_arg("lang", |a| a.default_value(code));
    cmd.build();
    localise(cmd, "", lang)
}

fn localise(mut cmd: clap::Command, path: &str, lang: Lang) -> clap::Command {
    if let Some((_, about)) = ABOUT.iter().find(|(p, _)| *p == path) {
        cmd = cmd.about(about.get(lang)).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id.as_str(), |arg| localise_arg(arg, path, lang));
    }
    let usage = usage(&mut cmd, lang);
    cmd = cmd
        .override_usage(usage)
        .subcommand_help_heading(HEADING_COMMANDS.get(lang))
        .subcommand_value_name(VALUE_COMMAND.get(lang))
        .help_template(format!(
            "{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
            HEADING_USAGE.get(lang)
        ));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(name.as_str(), |s| localise(s, &sub_path, lang));
    }
    cmd
}

fn localise_arg(mut arg: Arg, path: &str, lang: Lang) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let help = ARGS
        .iter()
        .find(|(p, i, _)| *p == path && *i == id)
        .or_else(|| ARGS.iter().find(|(p, i, _)| *p == "*" && *i == id));
    if let Some((_, _, help)) = help {
        let mut text = help.get(lang).to_string();
        if lang == Lang::Zh {
            text.push_str(&extras(&arg));
            arg = hide_aliases(arg.hide_default_value(true).hide_possible_values(true));
        }
        arg = arg.help(text).long_help(None);
    }
    let heading = if arg.is_positional() {
        HEADING_ARGUMENTS
    } else {
        HEADING_OPTIONS
    };
    if let Some(names) = arg.get_value_names() {
        let names: Vec<Str> = names.iter().map(|n| value_name(n, lang)).collect();
        arg = arg.value_names(names);
    }
    arg.help_heading(heading.get(lang))
}

/// Visible aliases stay accepted but are no longer listed by clap (its
/// `[aliases: …]` is English); `extras` names them instead.
fn hide_aliases(arg: Arg) -> Arg {
    let all: Vec<String> = arg
        .get_all_aliases()
        .unwrap_or_default()
        .into_iter()
        .map(str::to_string)
        .collect();
    all.into_iter()
        .fold(arg.alias(None), |arg, name| arg.alias(name))
}

/// `（也可写 `--note`；默认：md；可选：md、html、csv）` for an argument's
/// help under zh.
fn extras(arg: &Arg) -> String {
    let mut parts = Vec::new();
    let aliases: Vec<String> = arg
        .get_visible_aliases()
        .unwrap_or_default()
        .iter()
        .map(|a| format!("`--{a}`"))
        .collect();
    if !aliases.is_empty() {
        parts.push(msg!(HELP_ALIASES, names = aliases.join("、")).render(Lang::Zh));
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(PossibleValue::get_name)
        .map(str::to_string)
        .collect();
    if arg.get_action().takes_values() {
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .filter(|v| !v.is_empty())
            .collect();
        if !defaults.is_empty() {
            parts.push(msg!(HELP_DEFAULT, value = defaults.join("、")).render(Lang::Zh));
        }
        if !values.is_empty() {
            parts.push(msg!(HELP_CHOICES, values = values.join("、")).render(Lang::Zh));
        }
    }
    match parts.is_empty() {
        true => String::new(),
        false => format!("（{}）", parts.join("；")),
    }
}

fn value_name(name: &Str, lang: Lang) -> Str {
    VALUE_NAMES
        .iter()
        .find(|m| m.en == name.as_str())
        .map_or_else(|| name.clone(), |m| Str::from(m.get(lang)))
}

/// The usage line clap makes, with its English words in `lang`.
fn usage(cmd: &mut clap::Command, lang: Lang) -> String {
    let rendered = cmd.render_usage().to_string();
    let line = rendered.trim_start_matches("Usage:").trim();
    [
        ("[OPTIONS]", USAGE_OPTIONS),
        ("[COMMAND]", USAGE_COMMAND),
        ("<COMMAND>", USAGE_COMMAND_REQUIRED),
    ]
    .iter()
    .fold(line.to_string(), |line, (en, msg)| {
        line.replace(en, msg.get(lang))
    })
}

/// A clap error as duban words it: what is wrong, the usage line and where
/// to read more.
pub fn error_text(err: &clap::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return err.render().to_string().trim_end().to_string();
    }
    let get = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(s)) => s.join("、"),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(s)) => {
            let texts: Vec<String> = s.iter().map(ToString::to_string).collect();
            texts.join("、")
        }
        _ => String::new(),
    };
    let suggestion = |kind| match get(kind) {
        s if s.is_empty() => Text::Plain(String::new()),
        s => msg!(CLAP_DID_YOU_MEAN, suggestion = s),
    };
    let arg = get(ContextKind::InvalidArg);
    let what = match err.kind() {
        ErrorKind::UnknownArgument => msg!(CLAP_UNKNOWN_ARGUMENT, arg = arg)
            .with("suggest", suggestion(ContextKind::SuggestedArg)),
        ErrorKind::InvalidSubcommand => msg!(
            CLAP_UNKNOWN_COMMAND,
            arg = get(ContextKind::InvalidSubcommand)
        )
        .with("suggest", suggestion(ContextKind::SuggestedSubcommand)),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = get(ContextKind::InvalidValue);
            let valid = get(ContextKind::ValidValue);
            let expected = if !valid.is_empty() {
                msg!(CLAP_EXPECTED_ONE_OF, values = valid)
            } else {
                expected_value(err, &arg)
            };
            if value.is_empty() && err.kind() == ErrorKind::InvalidValue {
                msg!(CLAP_MISSING_VALUE, arg = arg)
            } else {
                msg!(CLAP_INVALID_VALUE, arg = arg, value = value).with("expected", expected)
            }
        }
        ErrorKind::MissingRequiredArgument => msg!(CLAP_MISSING, args = arg),
        ErrorKind::ArgumentConflict => {
            msg!(CLAP_CONFLICT, arg = arg, other = get(ContextKind::PriorArg))
        }
        ErrorKind::MissingSubcommand => {
            msg!(
                CLAP_MISSING_COMMAND,
                commands = get(ContextKind::ValidSubcommand)
            )
        }
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues
            if !arg.is_empty() =>
        {
            msg!(
                CLAP_INVALID_VALUE,
                arg = arg,
                value = get(ContextKind::InvalidValue),
                expected = ""
            )
        }
        _ => CLAP_OTHER.into(),
    };
    let usage = get(ContextKind::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    let mut out = format!("duban: {}", what.render(lang));
    if !usage.is_empty() {
        out.push_str(&format!("\n\n{}{usage}", HEADING_USAGE.get(lang)));
    }
    out.push_str(&format!("\n\n{}", CLAP_MORE.get(lang)));
    out
}

/// What a value that did not parse should look like, by its value name or
/// the parser's error.
fn expected_value(err: &clap::Error, arg: &str) -> Text {
    use std::error::Error as _;
    // The strict parsers in `values.rs` say in the user's language what is
    // wrong with the value (no such date, a percent out of range).
    let strict = arg.contains("YYYY-MM-DD") || arg.contains(VALUE_PERCENT.zh);
    if strict && let Some(why) = err.source() {
        return msg!(CLAP_BECAUSE, why = why);
    }
    if arg.contains("YYYY-MM-DD") {
        return CLAP_EXPECTED_DATE.into();
    }
    if arg.contains(VALUE_PERCENT.zh) {
        return CLAP_EXPECTED_PERCENT.into();
    }
    if err
        .source()
        .is_some_and(|s| s.is::<std::num::ParseIntError>())
    {
        return CLAP_EXPECTED_WHOLE.into();
    }
    Text::Plain(String::new())
}
