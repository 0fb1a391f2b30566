//! The config file: thresholds in RON, errors at file:line:col.

use std::path::{Path, PathBuf};

use duban::lights::{CONFIG_FILE, Config, ConfigError, Thresholds};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/report/config")
        .join(name)
}

fn error_text(name: &str) -> String {
    match Config::find(None, Some(&fixture(name))) {
        Ok(config) => panic!("{name} loaded: {config:?}"),
        Err(err) => err.to_string(),
    }
}

#[test]
fn no_file_means_the_documented_defaults() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = Config::find(Some(dir.path()), None).expect("defaults");
    assert_eq!(
        config.lights,
        Thresholds {
            red_behind: 25,
            yellow_behind: 10,
            stale_days: 30
        }
    );
}

#[test]
fn the_file_beside_the_dataset_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(fixture("strict.ron"), dir.path().join(CONFIG_FILE)).expect("copy");
    let config = Config::find(Some(dir.path()), None).expect("config");
    assert_eq!(
        config.lights,
        Thresholds {
            red_behind: 20,
            yellow_behind: 5,
            stale_days: 14
        }
    );
}

#[test]
fn missing_fields_keep_their_defaults() {
    let config = Config::parse("inline", "(lights: (stale_days: 7))").expect("config");
    assert_eq!(config.lights.stale_days, 7);
    assert_eq!(config.lights.red_behind, 25);
}

#[test]
fn an_unknown_field_is_named_with_its_position() {
    let text = error_text("unknown_field.ron");
    assert!(text.contains("unknown_field.ron:4:9:"), "{text}");
    assert!(text.contains("yelow_behind"), "{text}");
    assert!(text.contains("yellow_behind"), "{text}");
}

#[test]
fn a_wrong_type_is_an_error_with_its_position() {
    let text = error_text("wrong_type.ron");
    assert!(text.contains("wrong_type.ron:2:"), "{text}");
}

#[test]
fn yellow_above_red_is_rejected() {
    let text = error_text("inverted.ron");
    assert!(text.contains("inverted.ron:2:5:"), "{text}");
    assert!(text.contains("yellow_behind <= red_behind"), "{text}");
}

#[test]
fn an_explicit_file_that_does_not_exist_is_an_error() {
    let err = Config::find(None, Some(&fixture("absent.ron"))).expect_err("missing file");
    assert!(matches!(err, ConfigError::Read { .. }), "{err}");
    assert!(err.to_string().contains("absent.ron"), "{err}");
}

#[test]
fn the_close_date_and_cycle_are_read_from_the_config() {
    let text = "(\n    close: \"2024-01-31\",\n    cycle: (every: half_year, due_day: 31),\n)\n";
    let config = Config::parse("duban.ron", text).expect("valid");
    let year = config.calendar(2023);
    assert_eq!(year.close.to_string(), "2024-01-31");
    let dues: Vec<String> = year.periods.iter().map(|p| p.due.to_string()).collect();
    assert_eq!(dues, ["2023-06-30", "2023-12-31"]);
}

#[test]
fn a_due_day_out_of_range_is_an_error_at_the_due_day() {
    let text = "(\n    cycle: (every: month, due_day: 0),\n)\n";
    let err = Config::parse("duban.ron", text).expect_err("invalid");
    let message = err.to_string();
    assert!(message.contains("duban.ron:2:27"), "{message}");
    assert!(message.contains("due_day from 1 to 31"), "{message}");
    let unknown = Config::parse("duban.ron", "(cycle: (every: weekly))").expect_err("invalid");
    assert!(unknown.to_string().contains("weekly"), "{unknown}");
}
