//! docs/tools/screenshot.py turns a tmux capture (ANSI text) into an HTML
//! grid of terminal cells: a wide character takes two cells, so what
//! follows it stays in its column, and colours carry over.

mod external;

use std::process::Command;

/// The cells `to_html` makes of one ANSI line: (left px, width px, style,
/// text); `None` (after a skip notice) without python3.
fn cells(ansi: &str) -> Option<Vec<(u32, u32, String, String)>> {
    let python = external::program(&["python3"])?;
    let tools = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/tools");
    let script = "import sys; sys.path.insert(0, sys.argv[1]); import screenshot; \
                  print(screenshot.to_html(sys.argv[2], 20, 1))";
    let out = Command::new(python)
        .args(["-c", script, tools, ansi])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = String::from_utf8_lossy(&out.stdout).into_owned();
    let cells = page
        .split("<span style=\"")
        .skip(1)
        .map(|cell| {
            let (style, rest) = cell.split_once("\">").expect("a styled span");
            let text = rest.split("</span>").next().unwrap_or("").to_string();
            let px = |key: &str| -> u32 {
                let from = style.find(key).expect(key) + key.len();
                style[from..]
                    .split("px")
                    .next()
                    .unwrap_or("")
                    .parse()
                    .expect("px")
            };
            (px("left:"), px("width:"), style.to_string(), text)
        })
        .collect();
    Some(cells)
}

#[test]
fn a_wide_character_takes_two_cells_and_colours_carry_over() {
    let Some(cells) = cells("a中b\u{1b}[31;1mc\u{1b}[0m│") else {
        return;
    };
    let placed: Vec<(u32, u32, &str)> = cells
        .iter()
        .map(|(left, width, _, text)| (*left, *width, text.as_str()))
        .collect();
    assert_eq!(
        placed,
        [
            (0, 10, "a"),
            (10, 20, "中"),
            (30, 10, "b"),
            (40, 10, "c"),
            (50, 10, "│")
        ]
    );
    assert!(cells[3].2.contains("color:#cd3131"), "{}", cells[3].2);
    assert!(cells[3].2.contains("font-weight:bold"), "{}", cells[3].2);
    assert!(!cells[4].2.contains("#cd3131"), "reset: {}", cells[4].2);
    assert!(
        cells[4].2.contains("scaleY"),
        "box line stretched: {}",
        cells[4].2
    );
}
