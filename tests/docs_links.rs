//! The documentation holds together: every relative link and `#anchor` in
//! README.md and docs/**/*.md leads somewhere, the README stays a short
//! front door, and the readers the doc tests rely on read as GitHub does.

mod docs;

use std::path::Path;

/// Where each broken link in `page` points, as `page:line: target: why`.
fn broken_links(page: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(page).expect("read the page");
    let shown = page.strip_prefix(docs::root()).unwrap_or(page).display();
    let mut broken = Vec::new();
    for (line, target) in docs::links(&text) {
        if target.contains("://") || target.starts_with("mailto:") {
            continue;
        }
        let (file, anchor) = target.split_once('#').unwrap_or((&target, ""));
        let file = docs::percent_decode(file);
        let linked = if file.is_empty() {
            page.to_path_buf()
        } else {
            page.parent().expect("a directory").join(&file)
        };
        let why = if !linked.exists() {
            Some("no such file".to_string())
        } else if !anchor.is_empty() && linked.extension().is_some_and(|e| e == "md") {
            let heads = docs::anchors(&std::fs::read_to_string(&linked).unwrap_or_default());
            let anchor = docs::percent_decode(anchor);
            (!heads.contains(&anchor)).then(|| format!("no heading makes #{anchor}"))
        } else {
            None
        };
        if let Some(why) = why {
            broken.push(format!("{shown}:{line}: {target}: {why}"));
        }
    }
    broken
}

#[test]
fn every_relative_link_and_anchor_resolves() {
    let pages = docs::pages();
    assert!(pages.len() > 5, "found only {pages:?}");
    let broken: Vec<String> = pages.iter().flat_map(|p| broken_links(p)).collect();
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn a_missing_file_or_heading_is_a_broken_link() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.md");
    std::fs::write(dir.path().join("other.md"), "# 数据保存在哪里\n").unwrap();
    std::fs::write(
        &page,
        "# Top\n[a](other.md#数据保存在哪里) [b](other.md#nowhere)\n\
         [c](gone.md) [d](#top) [e](#bottom) `[f](in-code.md)`\n\
         [g](https://example.com/x.md) [h](other%2Emd)\n",
    )
    .unwrap();
    let broken = broken_links(&page);
    let targets: Vec<&str> = broken
        .iter()
        .map(|b| b.split(": ").nth(1).unwrap_or(""))
        .collect();
    assert_eq!(
        targets,
        ["other.md#nowhere", "gone.md", "#bottom"],
        "{broken:?}"
    );
}

#[test]
fn the_readme_is_under_10_kb() {
    let size = std::fs::metadata(docs::root().join("README.md"))
        .expect("README.md")
        .len();
    assert!(size < 10 * 1024, "README.md is {size} bytes");
}

#[test]
fn anchors_are_made_as_github_makes_them() {
    let text = "# Where it is saved\n## `progress set`: flags\n### 数据保存在哪里（文件）\n\
                ```sh\n# not a heading\n```\n## Where it is saved\n#not-a-heading\n";
    assert_eq!(
        docs::anchors(text),
        [
            "where-it-is-saved",
            "progress-set-flags",
            "数据保存在哪里文件",
            "where-it-is-saved-1",
        ]
    );
}

#[test]
fn commands_come_from_sh_and_console_blocks_and_table_cells() {
    let text = "\
Prose `duban where` is not run.
```sh
duban check
cargo run
duban progress set K9 --percent 1   # exit 1
```
```console
$ duban search fgj
duban search not-a-command
```
```
duban report --format md|html [--as-of D]
```
| a | `duban export --format csv > out.csv` | `check` |
| b | `duban search 'a\\|b'` |
";
    let examples = docs::examples(text);
    let got: Vec<(usize, &str, i32)> = examples
        .iter()
        .map(|e| (e.line, e.command.as_str(), e.exit))
        .collect();
    assert_eq!(
        got,
        [
            (3, "duban check", 0),
            (5, "duban progress set K9 --percent 1   # exit 1", 1),
            (8, "duban search fgj", 0),
            (14, "duban export --format csv > out.csv", 0),
            (15, "duban search 'a|b'", 0),
        ]
    );
}
