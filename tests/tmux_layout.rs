//! The dashboard's layout in a real terminal (tmux): two panes at 100
//! columns, the bar and header at 80, popup borders next to Chinese text,
//! `F` and `e`.
#![cfg(unix)] // tmux: unix only

mod tmux;

use tmux::Tmux;
use unicode_width::UnicodeWidthChar;

/// The character shown at display column `x` of a captured line: `None`
/// inside a wide character or past the end.
fn at_column(line: &str, x: usize) -> Option<char> {
    let mut col = 0;
    for c in line.chars() {
        let w = c.width().unwrap_or(0);
        if col == x {
            return Some(c);
        }
        if col > x {
            return None;
        }
        col += w;
    }
    None
}

#[test]
fn at_100_columns_two_panes_show_and_follow_the_focus() {
    let Some(t) = Tmux::start("two-panes", 100, 30, "") else {
        return;
    };
    let screen = t.wait_for("┌ 重点工作与民生实事 黄胜可");
    assert!(screen.contains("┌ 领导 "), "{screen}");
    assert!(!screen.contains("┌ 详情"), "{screen}");
    assert!(screen.contains("序号 灯   状态   进度 任务"), "{screen}");
    assert!(screen.contains(" 1/8 ┘"), "{screen}");
    t.keys(&["l", "l"]);
    let screen = t.wait_for("┌ 详情");
    assert!(!screen.contains("┌ 领导 "), "{screen}");
    assert!(screen.contains(" 1/12 ┘"), "{screen}");
}

#[test]
fn at_80_columns_the_bar_keeps_help_and_quit_and_the_header_its_title() {
    let Some(t) = Tmux::start("narrow", 80, 24, "--lang en") else {
        return;
    };
    let screen = t.wait_for("? help  q quit");
    let bar = screen.lines().nth(23).unwrap_or_default();
    assert!(bar.trim_end().ends_with("? help  q quit"), "{screen}");
    let header = screen.lines().next().unwrap_or_default();
    // The save path yields to the title.
    assert!(
        header.contains("关于印发2023年政府工作报告重点工作"),
        "{header}"
    );
}

/// The help and search popups at widths that put the popup's left edge
/// next to the middle pane's Chinese text at both offsets: the border
/// shows on every row.
#[test]
fn popup_borders_stay_next_to_wide_characters() {
    let Some(t) = Tmux::start("popup-edge", 160, 45, "") else {
        return;
    };
    t.keys(&["l"]);
    t.wait_for("┌ 重点工作与民生实事 黄胜可");
    for w in 156..=165u16 {
        t.run(&["resize-window", "-t", "t", "-x", &w.to_string(), "-y", "45"]);
        let popup = duban::app::layout::popup(ratatui::layout::Rect::new(0, 0, w, 45));
        let x = usize::from(popup.x);
        for (open, title) in [("?", "按键帮助"), ("/", "搜索:")] {
            t.keys(&[open]);
            let screen = t.wait_for(title);
            let rows: Vec<&str> = screen.lines().collect();
            // The popup's rows between its top and bottom borders.
            let inside = usize::from(popup.y + 1)..usize::from(popup.bottom() - 1);
            for (y, line) in rows.iter().enumerate().take(inside.end).skip(inside.start) {
                let c = at_column(line, x);
                assert!(
                    matches!(c, Some('│' | '├')),
                    "width {w}, {open}: row {y} column {x} shows {c:?}:\n{screen}"
                );
            }
            t.keys(&["Escape"]);
            t.wait_until(|s| !s.contains(title), "the popup closed");
        }
    }
}

#[test]
fn f_narrows_the_projects_to_a_light_and_esc_clears_it() {
    let Some(t) = Tmux::start("task-filter", 100, 30, "") else {
        return;
    };
    t.keys(&["3"]);
    t.wait_for("┌ 民生实事 ");
    t.keys(&["F"]);
    let screen = t.wait_for("┌ 民生实事 [F 红灯]");
    // Nothing is red on the bundled data without progress.
    assert!(!screen.contains("│M1 "), "{screen}");
    t.keys(&["F"]);
    // Overdue: on 2023-06-30 every project without progress owes reports.
    let screen = t.wait_for("[F 逾期未报]");
    assert!(screen.contains("│M1 "), "{screen}");
    t.keys(&["F"]);
    t.wait_for("[F 黄灯]");
    t.keys(&["F", "F"]);
    // Not due, then green: none without progress.
    let screen = t.wait_for("[F 绿灯]");
    assert!(!screen.contains("│M1 "), "{screen}");
    t.keys(&["Escape"]);
    let screen = t.wait_until(|s| !s.contains("[F "), "the filter cleared");
    assert!(screen.contains("│M1 "), "{screen}");
}

#[test]
fn e_from_the_leader_list_opens_the_editor_and_elsewhere_says_why() {
    let Some(t) = Tmux::start("edit-anywhere", 100, 30, "") else {
        return;
    };
    t.keys(&["e"]);
    let screen = t.wait_for("填报进展 K1.1");
    assert!(screen.contains("┌ 填报进展 K1.1"), "{screen}");
    t.keys(&["Escape"]);
    t.wait_until(|s| !s.contains("填报进展"), "the editor closed");
    t.keys(&["4", "e"]);
    t.wait_for("这里没有选中的任务可填报");
}
