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
