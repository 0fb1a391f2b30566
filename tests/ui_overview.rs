//! The overview tab (总览) on the bundled dataset with a fixed progress
//! journal (tests/fixtures/overview/progress.ron) as of 2023-06-30:
//! snapshots, and behaviour driven through the same `update` the app uses.

mod common;

use std::path::Path;

use common::{bundled, render, screen, today};
use duban::app::overview::segments;
use duban::app::{Action, App, Lang, Pane, Progress, Tab, action_for, update};
use duban::lights::{Light, Overview, Rule, Tally, Thresholds, UnitOrder};
use duban::model::ProgressEntry;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

fn entries() -> Vec<ProgressEntry> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/overview/progress.ron");
    duban::progress::Journal::open(&path)
        .expect("the overview fixture journal")
        .entries()
        .cloned()
        .collect()
}

fn app(lang: Lang) -> App {
    App::new(bundled(), Progress::from_entries(entries()), lang, today())
}

/// The app on the overview tab at `w`x`h`, after `actions`.
fn overview(w: u16, h: u16, actions: &[Action]) -> (App, String) {
    let mut a = app(Lang::Zh);
    let acts = [&[Action::ShowTab(Tab::Overview)], actions].concat();
    let text = screen(&render(&mut a, w, h, &acts));
    (a, text)
}

fn press(a: &mut App, c: char) {
    let ev = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    if let Some(action) = action_for(a, &ev) {
        update(a, action);
    }
}

/// The red items as the lights API lists them for the fixture, by ID.
fn red_ids() -> Vec<String> {
    let data = bundled();
    let entries = entries();
    let ov = Overview::of(
        &data,
        &entries,
        today(),
        &Rule::with_thresholds(data.plan.year, Thresholds::default()),
    );
    ov.red().map(|a| a.task.id.to_string()).collect()
}

#[test]
fn overview_120x40() {
    insta::assert_snapshot!(overview(120, 40, &[]).1);
}

#[test]
fn overview_80x24() {
    insta::assert_snapshot!(overview(80, 24, &[]).1);
}

#[test]
fn overview_units_by_red_items_120x40() {
    let acts = [Action::NextPane, Action::NextPane, Action::Sort];
    insta::assert_snapshot!(overview(120, 40, &acts).1);
}

#[test]
fn overview_english_120x40() {
    let mut a = app(Lang::En);
    let text = screen(&render(&mut a, 120, 40, &[Action::ShowTab(Tab::Overview)]));
    insta::assert_snapshot!(text);
}

#[test]
fn key_4_shows_the_overview() {
    let mut a = app(Lang::Zh);
    press(&mut a, '4');
    assert_eq!(a.nav.tab, Tab::Overview);
    assert_eq!(a.focus(), Pane::Gauges);
    let text = screen(&render(&mut a, 120, 40, &[]));
    assert!(text.contains(" 4 总览 "), "{text}");
    assert!(text.contains("┌ 领导进度"), "{text}");
    assert!(text.contains("┌ 红灯事项"), "{text}");
    assert!(text.contains("┌ 牵头单位 按牵头数"), "{text}");
}

#[test]
fn clicking_the_fourth_tab_title_shows_the_overview() {
    let mut a = app(Lang::Zh);
    update(&mut a, Action::Resize(120, 40));
    let (_, rect) = a.screen().tab_hits[3];
    update(
        &mut a,
        Action::Click {
            x: rect.x + 1,
            y: rect.y,
        },
    );
    assert_eq!(a.nav.tab, Tab::Overview);
}

#[test]
fn the_red_items_are_the_lights_apis_as_of_the_date() {
    let ids = red_ids();
    // M2's entry after the as-of date (60 %) does not count: 10 % is red.
    assert!(ids.iter().any(|id| id == "M2"), "{ids:?}");
    assert!(ids.iter().any(|id| id == "K2.3"), "{ids:?}");
    let (_, text) = overview(120, 40, &[]);
    assert!(text.contains(&format!("红灯事项 {}", ids.len())), "{text}");
    for id in &ids {
        assert!(
            text.contains(&format!("│{id:<6} ")),
            "{id} missing:\n{text}"
        );
    }
}

#[test]
fn the_summary_counts_every_light() {
    let data = bundled();
    let entries = entries();
    let ov = Overview::of(
        &data,
        &entries,
        today(),
        &Rule::with_thresholds(data.plan.year, Thresholds::default()),
    );
    let (_, text) = overview(120, 40, &[]);
    let line = text.lines().nth(2).expect("the summary line");
    for light in Light::ALL {
        let want = format!("{} {}", light.label_zh(), ov.overall.tally.count(light));
        assert!(line.contains(&want), "{want} not in {line:?}");
    }
    assert!(
        line.contains(&format!("事项 {}", ov.overall.total())),
        "{line}"
    );
}

#[test]
fn s_cycles_the_unit_order() {
    let mut a = app(Lang::Zh);
    press(&mut a, '4');
    let mut seen = Vec::new();
    for _ in 0..3 {
        press(&mut a, 's');
        seen.push(a.nav.overview.sort);
    }
    assert_eq!(
        seen,
        [
            UnitOrder::RedItems,
            UnitOrder::Staleness,
            UnitOrder::LeadDuties
        ]
    );
}

#[test]
fn sorting_by_red_items_puts_the_most_red_first() {
    let (a, text) = overview(120, 40, &[Action::Sort]);
    assert_eq!(a.nav.overview.sort, UnitOrder::RedItems);
    assert!(text.contains("牵头单位 按红灯数"), "{text}");
    let ov = a.overview();
    let units = ov.units_by(UnitOrder::RedItems);
    let reds: Vec<usize> = units.iter().map(|s| s.red.len()).collect();
    assert!(reds.windows(2).all(|w| w[0] >= w[1]), "{reds:?}");
    assert!(reds[0] > 0);
    // The first row of the table is that unit.
    let first = text
        .lines()
        .find(|l| l.contains("│单位"))
        .and_then(|_| text.lines().skip_while(|l| !l.contains("│单位")).nth(1))
        .expect("a first unit row");
    assert!(first.contains(&units[0].key), "{first}");
}

#[test]
fn s_outside_the_overview_changes_nothing() {
    let mut a = app(Lang::Zh);
    press(&mut a, 's');
    assert_eq!(a.nav.overview.sort, UnitOrder::LeadDuties);
    assert_eq!(a.nav.tab, Tab::Leaders);
}

#[test]
fn enter_on_a_red_item_shows_its_task_and_esc_comes_back() {
    let (mut a, _) = overview(120, 40, &[Action::NextPane, Action::Down]);
    assert_eq!(a.focus(), Pane::RedItems);
    let want = red_ids()[1].clone();
    update(&mut a, Action::Enter);
    assert_eq!(a.nav.tab, Tab::Leaders);
    assert_eq!(a.focus(), Pane::Middle);
    let shown = a.leader_tasks()[a.nav.leaders.tasks.sel];
    assert_eq!(a.task(shown).map(|t| t.id.to_string()), Some(want.clone()));
    let text = screen(&render(&mut a, 120, 40, &[]));
    assert!(text.contains(&format!("{want}  牵头领导")), "{text}");
    update(&mut a, Action::Back);
    assert_eq!(a.nav.tab, Tab::Overview);
    assert_eq!(a.focus(), Pane::RedItems);
    assert_eq!(a.nav.overview.red.sel, 1);
}

#[test]
fn enter_on_a_unit_shows_its_duties_and_esc_comes_back() {
    let acts = [Action::PrevPane, Action::Down, Action::Down];
    let (mut a, _) = overview(120, 40, &acts);
    assert_eq!(a.focus(), Pane::UnitTable);
    let want = a.overview().units_by(UnitOrder::LeadDuties)[2].key.clone();
    update(&mut a, Action::Enter);
    assert_eq!(a.nav.tab, Tab::Units);
    assert_eq!(a.focus(), Pane::Middle);
    let unit = a.selected_unit().map(|u| a.data.units[u].name.to_string());
    assert_eq!(unit, Some(want));
    update(&mut a, Action::Back);
    assert_eq!(a.nav.tab, Tab::Overview);
    assert_eq!(a.nav.overview.units.sel, 2);
}

#[test]
fn enter_on_a_leader_gauge_shows_their_tasks() {
    let (mut a, _) = overview(120, 40, &[Action::Down, Action::Down]);
    update(&mut a, Action::Enter);
    assert_eq!(a.nav.tab, Tab::Leaders);
    assert_eq!(a.nav.leaders.leaders.sel, 2);
    assert_eq!(a.focus(), Pane::Middle);
    update(&mut a, Action::Back);
    assert_eq!(a.nav.tab, Tab::Overview);
    assert_eq!(a.nav.overview.leaders.sel, 2);
}

#[test]
fn clicking_the_unit_table_header_cycles_the_order() {
    let mut a = app(Lang::Zh);
    update(&mut a, Action::Resize(120, 40));
    update(&mut a, Action::ShowTab(Tab::Overview));
    let rect = a.screen().pane(Pane::UnitTable).expect("the unit table");
    update(
        &mut a,
        Action::Click {
            x: rect.x + 3,
            y: rect.y + 1,
        },
    );
    assert_eq!(a.focus(), Pane::UnitTable);
    assert_eq!(a.nav.overview.sort, UnitOrder::RedItems);
    // A click on the third unit row selects it.
    update(
        &mut a,
        Action::Click {
            x: rect.x + 3,
            y: rect.y + 4,
        },
    );
    assert_eq!(a.nav.overview.units.sel, 2);
}

#[test]
fn gauge_segments_share_the_width_by_light() {
    let tally = Tally {
        red: 1,
        overdue: 0,
        yellow: 2,
        not_due: 5,
        green: 1,
        done: 1,
    };
    let seg = segments(&tally, 21);
    assert_eq!(seg.iter().map(|s| s.1).sum::<usize>(), 21);
    let width = |l| seg.iter().find(|s| s.0 == l).map_or(0, |s| s.1);
    assert_eq!(width(Light::NotDue), 11); // 10.5 rounds up first
    assert_eq!(width(Light::Yellow), 4);
    assert_eq!(
        seg.map(|s| s.0),
        [
            Light::Done,
            Light::Green,
            Light::Yellow,
            Light::Red,
            Light::Overdue,
            Light::NotDue
        ]
    );
    assert!(segments(&Tally::default(), 10).iter().all(|s| s.1 == 0));
}

#[test]
fn gauges_are_coloured_spaces_and_keep_their_colours_when_selected() {
    let mut a = app(Lang::Zh);
    let terminal = render(&mut a, 120, 40, &[Action::ShowTab(Tab::Overview)]);
    let buf = terminal.backend().buffer();
    let rect = a.screen().pane(Pane::Gauges).expect("gauges");
    // The selected (first) leader's row, under the overall row.
    let y = rect.y + 2;
    let bgs: Vec<Color> = (rect.x + 1..rect.right() - 1)
        .map(|x| buf[(x, y)].bg)
        .collect();
    for colour in [Color::Blue, Color::Green, Color::Yellow, Color::Magenta] {
        assert!(bgs.contains(&colour), "{colour:?} not in {bgs:?}");
    }
    for x in rect.x + 1..rect.right() - 1 {
        let sym = buf[(x, y)].symbol();
        assert!(
            sym.chars()
                .all(|c| c.is_ascii() || !matches!(c, '\u{2580}'..='\u{259f}')),
            "block glyph {sym:?}"
        );
    }
}

#[test]
fn task_lists_and_the_detail_show_lights() {
    let mut a = app(Lang::Zh);
    // 黄胜可's tasks; K1.5 at 15 % is far behind.
    let text = screen(&render(&mut a, 120, 40, &[]));
    assert!(text.contains("  5 红灯 滞后    15%"), "{text}");
    assert!(text.contains("  3 完成 已完成 100%"), "{text}");
    assert!(text.contains("  6 逾期 未开始   0%"), "{text}");
    let acts = [
        Action::PaneRight,
        Action::Down,
        Action::Down,
        Action::Down,
        Action::Down,
    ];
    let text = screen(&render(&mut a, 120, 40, &acts));
    assert!(
        text.contains("状态灯: 红灯  落后时序进度34个百分点"),
        "{text}"
    );
}

#[test]
fn stricter_thresholds_turn_more_lights_red() {
    let mut a = app(Lang::Zh);
    let before = a.overview().overall.tally.red;
    a.set_thresholds(Thresholds {
        red_behind: 10,
        yellow_behind: 5,
        stale_days: 30,
    });
    let after = a.overview().overall.tally.red;
    assert!(after > before, "{before} -> {after}");
}

#[test]
fn standings_follow_saved_progress_and_new_thresholds() {
    use duban::app::{Changed, SaveKind, SaveOutcome, Standings};
    let mut a = app(Lang::Zh);
    assert_eq!(a.standings(), &Standings::of(&a));
    let red_before = a.standings().red().count();
    let done_before = a.standings().completion;

    // A save that marks K1.1 blocked at 100 %: one more red item, and the
    // completion figures move.
    let mut all = entries();
    let at = chrono::DateTime::parse_from_rfc3339("2023-06-29T10:00:00+08:00").expect("time");
    all.push(ProgressEntry {
        task: "K1.1".into(),
        at,
        date: at.date_naive(),
        percent: 100,
        status: duban::model::Status::Blocked,
        note: String::new(),
        actuals: Vec::new(),
        reporter: None,
        problems: String::new(),
        next_steps: String::new(),
    });
    update(
        &mut a,
        Action::Saved(SaveOutcome {
            kind: SaveKind::Commit("K1.1".into()),
            error: None,
            pending: 0,
            changed: Changed::All(all.into_iter().map(Into::into).collect()),
            warnings: Box::default(),
        }),
    );
    assert_eq!(a.standings(), &Standings::of(&a));
    assert_eq!(a.standings().red().count(), red_before + 1);
    assert_ne!(a.standings().completion, done_before);
    let text = screen(&render(&mut a, 120, 40, &[Action::ShowTab(Tab::Overview)]));
    assert!(
        text.contains(&format!("红灯事项 {}", red_before + 1)),
        "{text}"
    );

    a.set_thresholds(Thresholds {
        red_behind: 1,
        yellow_behind: 1,
        stale_days: 1,
    });
    assert_eq!(a.standings(), &Standings::of(&a));
    assert!(a.standings().red().count() > red_before + 1);
}
