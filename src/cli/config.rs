//! `duban config set|get|list`: who reports from this machine.

use super::{CliResult, ConfigCommand, Global};
use crate::messages::{
    CONFIG_LIST_PATH, CONFIG_SET, CONFIG_UNKNOWN_KEY, CONFIG_UNKNOWN_UNIT, Text,
};
use crate::model::Dataset;
use crate::msg;
use crate::store::{self, Index};
use crate::user::{self, Key, UserConfig};

pub fn run(global: &Global, cmd: ConfigCommand) -> CliResult {
    match cmd {
        ConfigCommand::Set { key, value } => set(global, &key, &value),
        ConfigCommand::Get { key } => {
            let config = UserConfig::load()?;
            if let Some(value) = config.get(parse_key(&key)?) {
                println!("{value}");
            }
            Ok(())
        }
        ConfigCommand::List => {
            let config = UserConfig::load()?;
            for key in Key::ALL {
                println!("{} = {}", key.as_str(), config.get(key).unwrap_or(""));
            }
            let path = user::path()?;
            println!(
                "{}",
                msg!(CONFIG_LIST_PATH, path = path.display()).render(global.lang)
            );
            Ok(())
        }
    }
}

fn parse_key(text: &str) -> Result<Key, Text> {
    let known: Vec<&str> = Key::ALL.iter().map(|k| k.as_str()).collect();
    Key::parse(text).ok_or_else(|| msg!(CONFIG_UNKNOWN_KEY, key = text, known = known.join(", ")))
}

fn set(global: &Global, key: &str, value: &str) -> CliResult {
    let key = parse_key(key)?;
    let value = match key {
        Key::Unit => canonical_unit(&store::load(global.data.as_deref())?, value)?,
        Key::Name => value.trim().to_string(),
    };
    let mut config = UserConfig::load()?;
    config.set(key, value.clone());
    let path = config.save()?;
    let set = msg!(
        CONFIG_SET,
        key = key.as_str(),
        value = value,
        path = path.display()
    );
    println!("{}", set.render(global.lang));
    Ok(())
}

/// A unit's canonical name from a name or alias in the dataset.
pub fn canonical_unit(data: &Dataset, given: &str) -> Result<String, Text> {
    Index::new(data)
        .canonical(data, given.trim())
        .map(str::to_string)
        .ok_or_else(|| msg!(CONFIG_UNKNOWN_UNIT, given = given))
}
