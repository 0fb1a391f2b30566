//! The dashboard with a shared store (`--store`): the header's store
//! status (connecting, online, syncing, offline with what waits, refused
//! entries) in both languages and at two widths, and entries pulled from
//! the store updating the lights as a full recount would. Input goes
//! through the same `update` the app uses.

mod common;

use common::{app, bundled, entry, render, sample, screen, today};
use duban::app::{
    Action, App, Lang, Link, Notice, Progress, Pulled, SaveKind, SaveState, StoreStatus, update,
};
use duban::model::Status;

const PATH: &str = "~/.local/share/duban/dongyang-2023/progress.ron";

/// The header and tab rows in Chinese and English at 120 and 80 columns,
/// with the store in `status` and the journal's path known.
fn headers(status: StoreStatus) -> String {
    let mut out = String::new();
    for lang in [Lang::Zh, Lang::En] {
        for w in [120, 80] {
            let mut a = app(bundled(), lang);
            a.saving = duban::app::SaveStatus::new(PATH.into(), None);
            update(&mut a, Action::StoreStatus(status.clone()));
            let shown = screen(&render(&mut a, w, 24, &[]));
            out.extend(shown.lines().take(2).map(|l| format!("{l}\n")));
        }
    }
    out
}

fn status(link: Link, pending: usize, refused: usize) -> StoreStatus {
    StoreStatus {
        link,
        pending,
        refused,
    }
}

#[test]
fn header_while_connecting() {
    insta::assert_snapshot!(headers(status(Link::Connecting, 0, 0)));
}

#[test]
fn header_online() {
    insta::assert_snapshot!(headers(status(Link::Online, 0, 0)));
}

#[test]
fn header_online_with_entries_being_pushed() {
    insta::assert_snapshot!(headers(status(Link::Online, 3, 0)));
}

#[test]
fn header_offline_with_pending_entries() {
    let shown = headers(status(Link::Offline, 2, 0));
    assert!(shown.contains("离线，2 条待同步"), "{shown}");
    assert!(shown.contains("offline, 2 to push"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn header_offline_with_refused_entries() {
    let shown = headers(status(Link::Offline, 2, 1));
    assert!(
        shown.contains("1 条被拒，见 `duban store status`"),
        "{shown}"
    );
    insta::assert_snapshot!(shown);
}

#[test]
fn header_when_the_server_answers_with_an_error() {
    let error = "数据库 duban 尚未初始化，请先运行 `duban store init`".into();
    insta::assert_snapshot!(headers(status(Link::Failed(error), 1, 0)));
}

#[test]
fn without_a_store_the_header_says_nothing_of_one() {
    let mut a = app(bundled(), Lang::Zh);
    let shown = screen(&render(&mut a, 120, 24, &[]));
    let header = shown.lines().next().unwrap_or_default();
    assert!(
        !header.contains("共享库") && !header.contains("离线"),
        "{header}"
    );
}

#[test]
fn a_store_report_keeps_the_notice_of_the_last_key() {
    let mut a = app(bundled(), Lang::Zh);
    a.notice = Some(Notice::NothingToFilter);
    update(&mut a, Action::StoreStatus(status(Link::Offline, 1, 0)));
    assert_eq!(a.notice, Some(Notice::NothingToFilter));
    assert_eq!(a.store, Some(status(Link::Offline, 1, 0)));
}

/// The app after pulling `pulled` equals one opened on every entry.
fn assert_like_a_recount(a: &App, all: Vec<duban::model::ProgressEntry>) {
    let fresh = App::new(sample(), Progress::from_entries(all), Lang::Zh, today());
    assert_eq!(a.standings(), fresh.standings());
    for t in a.data.all_tasks() {
        assert_eq!(a.progress().history(&t.id), fresh.progress().history(&t.id));
    }
}

#[test]
fn an_entry_pulled_from_the_store_turns_its_light_as_a_recount_would() {
    let mine = entry("K1.1", "2023-06-30T17:00:00+08:00", 45, Status::Behind, "");
    let mut a = App::new(
        sample(),
        Progress::from_entries([mine.clone()]),
        Lang::Zh,
        today(),
    );
    let theirs = entry(
        "K1.2",
        "2023-07-01T10:00:00+08:00",
        100,
        Status::Done,
        "完成",
    );
    let before = a.standings().clone();
    update(
        &mut a,
        Action::Pulled(Pulled::Ids(vec![("K1.2".into(), vec![theirs.clone()])])),
    );
    assert_ne!(
        a.standings(),
        &before,
        "the pulled entry changes the standings"
    );
    assert_like_a_recount(&a, vec![mine, theirs]);
}

#[test]
fn a_large_pull_is_worked_out_again_whole() {
    let mut a = App::new(sample(), Progress::default(), Lang::Zh, today());
    let all = vec![
        entry("K1.1", "2023-06-30T17:00:00+08:00", 45, Status::Behind, ""),
        entry("M2", "2023-06-01T09:00:00+08:00", 10, Status::Blocked, ""),
    ];
    update(
        &mut a,
        Action::Pulled(Pulled::All(all.iter().cloned().map(Into::into).collect())),
    );
    assert_like_a_recount(&a, all);
}

#[test]
fn header_offline_after_a_save() {
    let mut out = String::new();
    for lang in [Lang::Zh, Lang::En] {
        let mut a = app(bundled(), lang);
        a.saving = duban::app::SaveStatus::new(PATH.into(), None);
        a.saving.state = SaveState::Done(SaveKind::Commit("K1.1".into()));
        update(&mut a, Action::StoreStatus(status(Link::Offline, 1, 0)));
        let shown = screen(&render(&mut a, 120, 24, &[]));
        out.extend(shown.lines().take(1).map(|l| format!("{l}\n")));
    }
    insta::assert_snapshot!(out);
}

/// From the narrowest usual terminal up, the offline count is never cut
/// and the overall figure stays in view: the title yields first.
#[test]
fn the_offline_count_and_the_overall_figure_show_at_every_width() {
    for w in 80..=140 {
        let mut a = app(bundled(), Lang::Zh);
        a.saving = duban::app::SaveStatus::new(PATH.into(), None);
        a.saving.state = SaveState::Done(SaveKind::Commit("K1.1".into()));
        update(&mut a, Action::StoreStatus(status(Link::Offline, 12, 3)));
        let shown = screen(&render(&mut a, w, 24, &[]));
        let header = shown.lines().next().unwrap_or_default();
        assert!(header.contains(" 离线，12 条待同步 "), "{w}: {header}");
        assert!(header.contains("3 条被拒"), "{w}: {header}");
        assert!(header.trim_end().ends_with("总体完成 1%"), "{w}: {header}");
    }
}
