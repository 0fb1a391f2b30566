//! Loading a dataset directory: the user-facing error for each kind of
//! malformed file.
//!
//! `tests/fixtures/store/valid/` is a complete, valid dataset. Every other
//! directory there holds only the file(s) that differ from it; a test
//! copies `valid/` into a temporary directory, lays the case's files over
//! it and loads the result.

use std::fs;
use std::path::{Path, PathBuf};

use duban::model::TaskKind;
use duban::store::{self, LoadError};
use tempfile::TempDir;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store")
}

fn copy_into(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("fixture dir") {
        let path = entry.expect("fixture entry").path();
        fs::copy(&path, to.join(path.file_name().expect("file name"))).expect("copy fixture");
    }
}

/// The valid dataset with the files of `case` laid over it.
fn dataset(case: &str) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_into(&fixtures().join("valid"), dir.path());
    if case != "valid" {
        copy_into(&fixtures().join(case), dir.path());
    }
    dir
}

/// Loads `case` and returns the error text, which must exist.
fn error_of(case: &str) -> (TempDir, String) {
    let dir = dataset(case);
    match store::load_dir(dir.path()) {
        Ok(_) => panic!("{case} loaded without error"),
        Err(err) => {
            let text = err.to_string();
            (dir, text)
        }
    }
}

/// Asserts the error of `case` starts with `file:line:col: message`.
fn assert_error(case: &str, file: &str, line_col: &str, message: &str) {
    let (dir, text) = error_of(case);
    let first = text.lines().next().unwrap_or_default();
    let want = format!("{}:{line_col}: {message}", dir.path().join(file).display());
    assert_eq!(first, want, "full error:\n{text}");
}

#[test]
fn the_valid_fixture_loads() {
    let dir = dataset("valid");
    let data = store::load_dir(dir.path()).expect("valid dataset");
    assert_eq!(
        (
            data.plan.leaders.len(),
            data.tasks.len(),
            data.projects.len(),
            data.units.len()
        ),
        (2, 4, 2, 12)
    );
}

#[test]
fn kind_comes_from_the_file() {
    let dir = dataset("valid");
    let data = store::load_dir(dir.path()).expect("valid dataset");
    assert!(data.tasks.iter().all(|t| t.kind == TaskKind::Key));
    assert!(data.projects.iter().all(|t| t.kind == TaskKind::Project));
}

#[test]
fn bad_syntax_points_after_the_value_missing_its_comma() {
    assert_error("bad_syntax", "tasks.ron", "14:14", "expected a comma `,`");
}

#[test]
fn bad_syntax_shows_the_line_and_a_caret() {
    let (_dir, text) = error_of("bad_syntax");
    let rest: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rest, ["   |", "14 |     number: 2", "   |              ^"]);
}

#[test]
fn unknown_field_names_the_field_and_the_expected_ones() {
    assert_error(
        "unknown_field",
        "tasks.ron",
        "14:5",
        "unknown field `numbr`; expected one of `id`, `leader`, `number`, `title`, `text`, \
         `items`, `lead`, `co`, `co_members_of`, `targets`",
    );
}

#[test]
fn wrong_type_points_at_the_value() {
    assert_error("wrong_type", "tasks.ron", "14:13", "expected a number");
}

#[test]
fn missing_file_names_its_path() {
    let dir = dataset("valid");
    let path = dir.path().join("projects.ron");
    fs::remove_file(&path).expect("remove");
    let err = store::load_dir(dir.path()).expect_err("missing file");
    assert!(matches!(err, LoadError::NotFound { .. }));
    assert_eq!(err.to_string(), format!("{}: not found", path.display()));
}

#[test]
fn missing_directory_names_its_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nowhere");
    let err = store::load_dir(&path).expect_err("missing dir");
    assert_eq!(err.to_string(), format!("{}: not found", path.display()));
}

#[test]
fn invalid_utf8_points_at_the_first_bad_byte() {
    assert_error(
        "invalid_utf8",
        "units.ron",
        "37:15",
        "invalid UTF-8 (byte 0xe5); expected the file to be saved as UTF-8",
    );
}

#[test]
fn duplicate_id_names_the_first_one() {
    let (dir, text) = error_of("duplicate_id");
    let first = dir.path().join("tasks.ron");
    let want = format!(
        "{}:37:9: duplicate ID `K2.2` (first at {}:28); expected each ID once",
        first.display(),
        first.display()
    );
    assert_eq!(text.lines().next(), Some(want.as_str()), "{text}");
}

#[test]
fn bad_id_form_says_what_a_key_task_id_looks_like() {
    assert_error(
        "bad_id_form",
        "tasks.ron",
        "28:9",
        "`K2-2` is not a key task ID; expected K<leader>.<number>, e.g. K2.16",
    );
}

#[test]
fn id_leader_mismatch_names_the_leader_in_the_id() {
    assert_error(
        "id_leader_mismatch",
        "tasks.ron",
        "21:13",
        "key task K2.1 has leader `L1`; expected `L2`, the leader in its ID",
    );
}

#[test]
fn number_field_must_match_the_id() {
    assert_error(
        "number_mismatch",
        "tasks.ron",
        "14:5",
        "K1.2 has number 3; expected 2, the number in its ID",
    );
}

#[test]
fn numbering_gap_names_the_missing_task() {
    assert_error(
        "numbering_gap",
        "tasks.ron",
        "12:9",
        "K1.3 comes where L1's task 2 belongs; expected K1.2 \
         (each leader's tasks are numbered 1, 2, 3, … in document order)",
    );
}

#[test]
fn project_numbering_gap_names_the_missing_project() {
    assert_error(
        "project_numbering",
        "projects.ron",
        "23:9",
        "M3 comes where project 2 belongs; expected M2 \
         (projects are numbered 1, 2, 3, … in document order)",
    );
}

#[test]
fn item_numbering_gap_names_the_expected_item() {
    assert_error(
        "item_numbering",
        "projects.ron",
        "15:17",
        "item 2 of M1 has ID `M1.3`; expected `M1.2` (items are numbered 1, 2, 3, …)",
    );
}

#[test]
fn unknown_unit_points_at_the_name() {
    assert_error(
        "unknown_unit",
        "tasks.ron",
        "25:18",
        "unknown unit `市供电局`; expected a unit name from units.ron",
    );
}

#[test]
fn alias_instead_of_canonical_names_the_canonical_unit() {
    assert_error(
        "alias_unit",
        "tasks.ron",
        "16:12",
        "`市政府办公室` is an alias of `市府办`; expected the canonical name `市府办`",
    );
}

#[test]
fn unknown_leader_lists_the_leaders() {
    assert_error(
        "unknown_leader",
        "projects.ron",
        "5:13",
        "unknown leader `L9`; expected one of L1–L2 from plan.ron",
    );
}

#[test]
fn leader_ids_run_in_order() {
    assert_error(
        "leader_ids_out_of_order",
        "plan.ron",
        "21:17",
        "leader 2 has ID `L3`; expected `L2` (leaders are L1, L2, … in order)",
    );
}

#[test]
fn key_task_without_leader_says_which_leader() {
    assert_error(
        "key_task_without_leader",
        "tasks.ron",
        "4:9",
        "key task K1.1 has no leader; expected `leader: \"L1\"`",
    );
}

#[test]
fn duplicate_unit_name_names_the_unit_that_has_it() {
    assert_error(
        "duplicate_unit",
        "units.ron",
        "52:23",
        "unit name `市府办` is already used by `市府办` (line 20); \
         expected each name and alias once in the registry",
    );
}

#[test]
fn empty_lead_points_at_the_field() {
    assert_error(
        "empty_lead",
        "tasks.ron",
        "24:5",
        "K2.1 has no lead unit; expected at least one unit in `lead`",
    );
}

#[test]
fn default_co_must_name_registry_units() {
    assert_error(
        "unknown_default_co",
        "plan.ron",
        "12:34",
        "unknown unit `各街道`; expected a unit name from units.ron",
    );
}

#[test]
fn every_problem_is_reported_with_a_count() {
    let dir = dataset("numbering_gap");
    copy_into(&fixtures().join("unknown_leader"), dir.path());
    let err = store::load_dir(dir.path()).expect_err("two problems");
    assert_eq!(err.diagnostics().len(), 2);
    assert!(err.to_string().ends_with("\n2 problems in the dataset"));
}
