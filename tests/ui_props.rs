//! Whatever the terminal size and whatever the user presses, the dashboard
//! never panics and never draws outside the frame.

mod common;

use duban::app::{Action, App, Lang, Tab, update};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn action() -> impl Strategy<Value = Action> {
    let fixed = prop::sample::select(vec![
        Action::ShowTab(Tab::Leaders),
        Action::ShowTab(Tab::Units),
        Action::ShowTab(Tab::Projects),
        Action::ShowTab(Tab::Overview),
        Action::ShowTab(Tab::Overview),
        Action::Sort,
        Action::NextPane,
        Action::PrevPane,
        Action::PaneLeft,
        Action::PaneRight,
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::Enter,
        Action::Enter,
        Action::Back,
        Action::Help,
        Action::Filter,
        Action::DeleteChar,
    ]);
    prop_oneof![
        6 => fixed,
        1 => prop::sample::select(vec!['市', '局', 'a', 'j', 'q', '?', ' ', '镇']).prop_map(Action::Input),
        1 => (0u16..310, 0u16..110).prop_map(|(x, y)| Action::Click { x, y }),
        1 => (0u16..310, 0u16..110, any::<bool>()).prop_map(|(x, y, down)| Action::Wheel { x, y, down }),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

fn run(mut app: App, size: (u16, u16), actions: &[Action]) {
    let (mut w, mut h) = size;
    update(&mut app, Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    for a in actions {
        update(&mut app, a.clone());
        if let Action::Resize(nw, nh) = *a {
            (w, h) = (nw, nh);
            terminal.backend_mut().resize(w, h);
        }
        terminal.draw(|f| duban::ui::draw(f, &app)).expect("draw");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_the_sample(size in (1u16..=300, 1u16..=100), actions in prop::collection::vec(action(), 1..40)) {
        run(common::app(common::sample(), Lang::Zh), size, &actions);
    }

    #[test]
    fn never_panics_on_the_bundled_dataset(
        size in (1u16..=300, 1u16..=100),
        actions in prop::collection::vec(action(), 1..20),
        en in any::<bool>(),
    ) {
        let lang = if en { Lang::En } else { Lang::Zh };
        run(common::app(common::bundled(), lang), size, &actions);
    }

    #[test]
    fn never_panics_on_the_overview_with_red_items(
        size in (1u16..=300, 1u16..=100),
        actions in prop::collection::vec(action(), 1..30),
        strict in any::<bool>(),
    ) {
        // The sample's progress as of 2023-06-30 has red, done and blocked
        // tasks; strict thresholds turn more of them red.
        let mut app = common::app(common::sample(), Lang::Zh);
        if strict {
            app.set_thresholds(duban::lights::Thresholds { red_behind: 1, yellow_behind: 1, stale_days: 1 });
        }
        update(&mut app, Action::ShowTab(Tab::Overview));
        run(app, size, &actions);
    }
}
