//! The HTML circular rendered by headless Chromium (found on the PATH, or
//! the test is skipped; see `tests/external`): the dumped DOM has its
//! sections and light labels, and a screenshot is a real picture.
//! `DUBAN_SCREENSHOT=PATH` also keeps the screenshot.

mod external;
mod report_support;

use std::path::Path;
use std::process::Command;

use duban::lights::Thresholds;
use duban::report::{CHROMIUM_FLAGS, Circular, Filter, Options, Words, write_html};
use report_support::{as_of, dataset, entries};

fn chromium(program: &Path, profile: &Path, args: &[&str]) -> std::process::Output {
    Command::new(program)
        .args(CHROMIUM_FLAGS)
        .arg("--hide-scrollbars")
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", program.display()))
}

#[test]
fn chromium_renders_the_circular_with_red_items_and_lights() {
    let Some(program) = external::program(external::CHROMIUM) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let (data, entries) = (dataset(), entries());
    let full = Options {
        full: true,
        ..Options::default()
    };
    let circular = Circular::with_options(
        &data,
        &entries,
        as_of(),
        &Thresholds::default(),
        Filter::default(),
        full,
    )
    .expect("circular");
    let page = dir.path().join("circular.html");
    let mut html = Vec::new();
    write_html(&circular, &Words::ZH, &mut html).expect("html");
    std::fs::write(&page, &html).expect("write page");
    let url = format!("file://{}", page.display());
    let profile = dir.path().join("profile");

    let shot = dir.path().join("shot.png");
    let out = chromium(
        &program,
        &profile,
        &[
            "--dump-dom",
            &format!("--screenshot={}", shot.display()),
            "--window-size=1100,1500",
            &url,
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("<section id=\"urgent\">"),
        "no red and overdue section in:\n{dom}"
    );
    assert!(
        dom.contains("<span class=\"light red\">红灯</span>"),
        "{dom}"
    );
    assert!(
        dom.contains("<span class=\"light yellow\">黄灯</span>"),
        "{dom}"
    );
    assert!(
        dom.contains("<span class=\"light green\">绿灯</span>"),
        "{dom}"
    );
    assert!(dom.contains("id=\"leader-L2\""), "{dom}");
    assert!(dom.contains("市文广旅体局"), "{dom}");

    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(png.len() > 20_000, "screenshot only {} bytes", png.len());
    if let Some(keep) = std::env::var_os("DUBAN_SCREENSHOT") {
        std::fs::copy(&shot, keep).expect("keep screenshot");
    }
}
