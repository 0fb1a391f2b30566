//! A dataset imported from a document without leader headings: the first
//! tab groups tasks by section, every tab draws, and the detail shows the
//! deadline and the section.

mod common;

use common::{app, render, screen};
use duban::app::{Action, Lang, Tab};
use duban::import::import_document;
use duban::model::Dataset;

fn sections() -> Dataset {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/shapes/2_labelled.md"
    );
    let text = std::fs::read_to_string(path).expect("fixture");
    import_document(&text, "2_labelled.md", None).expect("imports")
}

fn snap(w: u16, h: u16, actions: &[Action]) -> String {
    let mut a = app(sections(), Lang::Zh);
    screen(&render(&mut a, w, h, actions))
}

#[test]
fn first_tab_groups_by_section_100x30() {
    let shown = snap(100, 30, &[]);
    assert!(shown.contains("一、扩大有效投资"), "{shown}");
    assert!(shown.contains("二、改善民生福祉"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn detail_shows_deadline_and_section_100x30() {
    let acts = [Action::PaneRight, Action::Down, Action::PaneRight];
    let shown = snap(100, 30, &acts);
    assert!(shown.contains("完成时限: 2024年9月底前"), "{shown}");
    assert!(shown.contains("所属部分: 一、扩大有效投资"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn second_section_lists_its_own_task() {
    let shown = snap(100, 30, &[Action::Down, Action::PaneRight]);
    assert!(shown.contains("新增城镇就业岗位3000个"), "{shown}");
    assert!(!shown.contains("开工建设滨江大道二期"), "{shown}");
}

#[test]
fn every_tab_draws_without_leaders() {
    for tab in [Tab::Units, Tab::Projects, Tab::Overview] {
        let shown = snap(
            100,
            30,
            &[Action::ShowTab(tab), Action::Enter, Action::PaneRight],
        );
        assert!(!shown.trim().is_empty(), "{tab:?}");
    }
}

/// The overview in `lang`, checked to show `title` over one gauge per
/// section, each headed by the section's whole heading.
fn overview(lang: Lang, title: &str) -> String {
    let mut a = app(sections(), lang);
    let shown = screen(&render(&mut a, 100, 30, &[Action::ShowTab(Tab::Overview)]));
    assert!(shown.contains(&format!("┌ {title} ─")), "{shown}");
    let gauges = (shown.lines())
        .filter(|l| l.contains("│一、扩大有效投资 ") || l.contains("│二、改善民生福祉 "));
    assert_eq!(gauges.count(), 2, "{shown}");
    shown
}

#[test]
fn overview_gauges_per_section_100x30() {
    insta::assert_snapshot!(overview(Lang::Zh, "分部进度"));
}

#[test]
fn overview_gauges_per_section_english_100x30() {
    insta::assert_snapshot!(overview(Lang::En, "Sections"));
}

#[test]
fn enter_on_a_section_gauge_lists_that_sections_tasks() {
    let acts = [Action::ShowTab(Tab::Overview), Action::Down, Action::Enter];
    let shown = snap(100, 30, &acts);
    assert!(shown.contains("新增城镇就业岗位3000个"), "{shown}");
    assert!(!shown.contains("开工建设滨江大道二期"), "{shown}");
}
