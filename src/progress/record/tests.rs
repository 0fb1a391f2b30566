//! The journal's line format: round trips, terminators, torn tails.
use super::*;
use crate::model::Status;
use chrono::NaiveDate;

fn sample(note: &str) -> ProgressEntry {
    ProgressEntry {
        task: "M3.2".into(),
        at: DateTime::parse_from_rfc3339("2023-05-04T09:30:12.123456789+08:00").unwrap(),
        date: NaiveDate::from_ymd_opt(2023, 5, 4).unwrap(),
        percent: 40,
        status: Status::OnTrack,
        note: note.into(),
        actuals: Vec::new(),
        reporter: None,
        problems: String::new(),
        next_steps: String::new(),
    }
}

#[test]
fn an_entry_is_one_readable_line() {
    assert_eq!(
        entry_line(&sample("完成征地")),
        "Entry(task: \"M3.2\", at: \"2023-05-04T09:30:12.123456789+08:00\", \
         date: \"2023-05-04\", percent: 40, status: on_track, note: \"完成征地\")"
    );
}

#[test]
fn problems_and_next_steps_follow_the_older_fields_when_filled() {
    let mut entry = sample("完成征地");
    entry.problems = "资金未到位".into();
    entry.next_steps = "督促\n拨付".into();
    let line = entry_line(&entry);
    assert!(
        line.ends_with(
            "note: \"完成征地\", problems: \"资金未到位\", next_steps: \"督促\\n拨付\")"
        ),
        "{line}"
    );
    let parsed = parse(Path::new("p.ron"), format!("{line}\n").as_bytes(), 1).unwrap();
    assert_eq!(parsed.records, vec![Record::Entry(entry)]);
}

#[test]
fn a_reporter_follows_the_other_fields_and_reads_back() {
    let mut entry = sample("");
    entry.reporter = Some(crate::model::Reporter {
        unit: "市经信局".into(),
        name: "张\"三".into(),
    });
    let body = entry_line(&entry);
    assert!(
        body.ends_with(r#"note: "", reporter: (unit: "市经信局", name: "张\"三"))"#),
        "{body}"
    );
    // The checksum comes after the reporter and covers it.
    let line = record_line(&Record::Entry(entry.clone()));
    assert_eq!(
        line,
        format!("{body} //#crc32:{:08x}\n", crc32(body.as_bytes()))
    );
    let parsed = parse(Path::new("p.ron"), line.as_bytes(), 1).unwrap();
    assert_eq!(parsed.records, vec![Record::Entry(entry)]);
}

#[test]
fn a_line_written_before_the_three_fields_still_reads() {
    let line = "Entry(task: \"M3.2\", at: \"2023-05-04T09:30:12+08:00\", date: \"2023-05-04\", \
                percent: 40, status: on_track, note: \"完成征地\")";
    let Ok(Some(Record::Entry(entry))) = parse_line(line) else {
        panic!("{line}");
    };
    assert_eq!(entry.note, "完成征地");
    assert_eq!(
        (entry.problems.as_str(), entry.next_steps.as_str()),
        ("", "")
    );
}

#[test]
fn a_torn_last_line_is_ignored_and_located() {
    let mut text = String::from(HEADER);
    text.push_str(&record_line(&Record::Entry(sample("a"))));
    let full = record_line(&Record::Entry(sample("b")));
    text.push_str(&full[..full.len() / 2]);
    let parsed = parse(Path::new("p.ron"), text.as_bytes(), 1).unwrap();
    assert_eq!(parsed.records.len(), 1);
    assert_eq!(parsed.tail, Tail::Torn(3));
}

#[test]
fn a_record_line_ends_with_its_checksum() {
    let line = record_line(&Record::Entry(sample("完成征地")));
    let body = entry_line(&sample("完成征地"));
    assert_eq!(
        line,
        format!("{body} //#crc32:{:08x}\n", crc32(body.as_bytes()))
    );
}

#[test]
fn lines_without_a_terminator_still_load() {
    let text = format!(
        "{HEADER}{}\n{}",
        entry_line(&sample("a")),
        entry_line(&sample("b"))
    );
    let parsed = parse(Path::new("p.ron"), text.as_bytes(), 1).unwrap();
    assert_eq!(parsed.records.len(), 2);
    assert_eq!(parsed.tail, Tail::Unterminated);
}

#[test]
fn a_hand_edited_line_with_a_stale_checksum_loads() {
    let line = record_line(&Record::Entry(sample("a"))).replace("percent: 40", "percent: 45");
    let parsed = parse(Path::new("p.ron"), line.as_bytes(), 1).unwrap();
    let Record::Entry(e) = &parsed.records[0] else {
        panic!("not an entry")
    };
    assert_eq!(e.percent, 45);
}

#[test]
fn a_hand_edited_last_line_that_does_not_parse_is_an_error_not_torn() {
    let mut text = record_line(&Record::Entry(sample("a")));
    let bad = entry_line(&sample("手工")).replace("on_track", "bogus");
    text.push_str(&bad);
    let err = parse(Path::new("p.ron"), text.as_bytes(), 1).unwrap_err();
    let ProgressError::Parse { line, col, .. } = err else {
        panic!("{err}")
    };
    assert_eq!(line, 2);
    assert_eq!(col, bad.find("bogus").unwrap() + 1);
}

#[test]
fn a_whole_terminator_without_a_record_is_an_error() {
    let text = "Entry(task: \"K1.1\", at: \"2023 //#crc32:0badf00d";
    assert!(parse(Path::new("p.ron"), text.as_bytes(), 1).is_err());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    /// A save cut at any byte leaves a tail that is read as torn or,
    /// when only the terminator was cut, as the whole record.
    #[test]
    fn every_cut_of_a_record_is_torn_or_whole(note in "\\PC{0,12}", cut in 0usize..400) {
        let whole = record_line(&Record::Entry(sample(&note)));
        let cut = 1 + cut % (whole.len() - 1);
        let mut bytes = record_line(&Record::Entry(sample("first"))).into_bytes();
        bytes.extend_from_slice(&whole.as_bytes()[..cut]);
        let parsed = parse(Path::new("p.ron"), &bytes, 1);
        let parsed = parsed.map_err(|e| e.to_string());
        proptest::prop_assert!(parsed.is_ok(), "cut at {}: {:?}", cut, parsed);
        let parsed = parsed.unwrap();
        match parsed.tail {
            Tail::Torn(2) => proptest::prop_assert_eq!(parsed.records.len(), 1),
            Tail::Unterminated => proptest::prop_assert_eq!(parsed.records.len(), 2),
            other => proptest::prop_assert!(false, "cut at {}: {:?}", cut, other),
        }
    }
}

#[test]
fn an_unterminated_whole_last_line_is_kept() {
    let line = record_line(&Record::Entry(sample("a")));
    let parsed = parse(Path::new("p.ron"), line.trim_end().as_bytes(), 1).unwrap();
    assert_eq!(parsed.records.len(), 1);
    assert_eq!(parsed.tail, Tail::Unterminated);
}

proptest::proptest! {
    #[test]
    fn every_note_survives_a_round_trip(note in ".*", problems in ".*", next in ".*") {
        let mut entry = sample(&note);
        entry.problems = problems;
        entry.next_steps = next;
        let line = record_line(&Record::Entry(entry.clone()));
        proptest::prop_assert_eq!(line.matches('\n').count(), 1);
        let parsed = parse(Path::new("p.ron"), line.as_bytes(), 1).unwrap();
        proptest::prop_assert_eq!(parsed.records, vec![Record::Entry(entry)]);
    }

    #[test]
    fn every_finite_actual_survives_a_round_trip(
        name in "[^\\s].*",
        value in proptest::num::f64::POSITIVE
            | proptest::num::f64::NEGATIVE
            | proptest::num::f64::NORMAL
            | proptest::num::f64::SUBNORMAL
            | proptest::num::f64::ZERO,
    ) {
        let mut entry = sample("");
        entry.actuals = vec![crate::model::Actual { target: name, value }];
        let line = record_line(&Record::Entry(entry.clone()));
        let parsed = parse(Path::new("p.ron"), line.as_bytes(), 1).unwrap();
        proptest::prop_assert_eq!(parsed.records, vec![Record::Entry(entry)]);
    }
}

#[test]
fn a_non_finite_actual_is_an_error_at_the_actuals() {
    let line = "Entry(task: \"K2.16\", at: \"2023-05-04T09:30:12+08:00\", date: \"2023-05-04\", \
                percent: 40, status: on_track, note: \"\", actuals: [(target: \"a\", value: inf)])";
    let (col, Why { en: message, .. }) = parse_line(line).unwrap_err();
    assert_eq!(col, line.find("actuals:").unwrap() + 1);
    assert!(message.contains("not a finite number"), "{message}");
}
