//! The circular on the bundled Dongyang plan at mid-year: the fixture
//! journal (tests/fixtures/circular/progress.ron) reports on about half
//! the tasks, a few of them red, a few reported in the first quarter only
//! (overdue for the second). Checks the sections, the typography, and the
//! PDF printed by headless Chromium.

mod external;

mod report_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use report_support::midyear;

const AS_OF: &str = "2023-06-30";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn duban_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .arg("--data")
        .arg(dir)
        .args(args)
        .output()
        .expect("run duban")
}

fn report(dir: &Path, args: &[&str]) -> String {
    report_on(dir, AS_OF, args)
}

/// `duban report --as-of AS_OF ARGS`: what it printed.
fn report_on(dir: &Path, as_of: &str, args: &[&str]) -> String {
    let mut all = vec!["report", "--as-of", as_of];
    all.extend(args);
    let out = duban_in(dir, &all);
    assert!(
        out.status.success(),
        "duban {all:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// What `duban ARGS` says on stderr; it must fail, and not by panicking.
fn refused(dir: &Path, args: &[&str]) -> String {
    let out = duban_in(dir, args);
    assert!(!out.status.success(), "duban {args:?} succeeded");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Every ASCII `, : ; ( )` with a Chinese character on either side, with
/// some text around it.
fn ascii_marks_in_chinese(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, ',' | ':' | ';' | '(' | ')') {
            continue;
        }
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        if before.is_some_and(is_chinese) || after.is_some_and(is_chinese) {
            let from = i.saturating_sub(8);
            let to = (i + 8).min(chars.len());
            found.push(chars[from..to].iter().collect());
        }
    }
    found
}

#[test]
fn no_ascii_punctuation_touches_chinese_text_in_the_zh_circular() {
    let dir = midyear();
    for format in ["md", "html"] {
        let text = report(dir.path(), &["--format", format, "--full"])
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        let found = ascii_marks_in_chinese(&text);
        assert!(found.is_empty(), "{format}: {found:#?}");
    }
}

#[test]
fn the_masthead_cites_the_plan_with_hexagonal_brackets() {
    let md = report(midyear().path(), &[]);
    assert!(md.contains("第3期"), "{md}");
    assert!(md.contains("东阳市人民政府督查室　2023年6月30日"), "{md}");
    assert!(md.contains("（东政办发〔2023〕3号）"), "{md}");
    assert!(!md.contains("[2023]"), "{md}");
    assert!(
        md.trim_end()
            .ends_with("抄送：市委办公室，市人大常委会办公室，市政协办公室。"),
        "{md}"
    );
}

#[test]
fn the_sections_come_in_the_circulars_order() {
    let md = report(midyear().path(), &[]);
    let at = |heading: &str| {
        md.find(heading)
            .unwrap_or_else(|| panic!("no {heading} in:\n{md}"))
    };
    let order = [
        at("一、总体情况"),
        at("二、未按时报送单位"),
        at("三、红灯和逾期事项"),
        at("四、黄灯事项"),
        at("五、各牵头单位排名"),
        at("六、分管领导事项情况"),
        at("其余绿灯事项"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(!md.contains("全部事项明细"), "--full is off");
}

#[test]
fn red_and_overdue_items_are_printed_whole() {
    let md = report(midyear().path(), &[]);
    let urgent = md
        .split("### 三、红灯和逾期事项")
        .nth(1)
        .and_then(|s| s.split("### 四、").next())
        .expect("section 三");
    // M3 (red) has the longest text of the plan's projects; K2.27 was
    // reported in the first quarter only.
    assert!(
        urgent.contains("佐村中心幼儿园），基本实现全市各中小学破旧塑胶运动场地翻新全覆盖。"),
        "{urgent}"
    );
    assert!(!urgent.contains("..."), "{urgent}");
    // On the due date itself the second quarter's report is not owed yet;
    // from the next day K2.27 is overdue, and listed with its last report.
    assert!(!urgent.contains("| K2.27 |"), "{urgent}");
    let md = report_on(midyear().path(), "2023-07-01", &[]);
    let urgent = md
        .split("### 三、红灯和逾期事项")
        .nth(1)
        .and_then(|s| s.split("### 四、").next())
        .expect("section 三");
    assert!(urgent.contains("| K2.27 |"), "{urgent}");
    assert!(urgent.contains("逾期未报（最近报送：3月21日）"), "{urgent}");
}

#[test]
fn green_items_are_counted_not_listed() {
    let md = report(midyear().path(), &[]);
    // K1.1 is green in the fixture: not listed unless --full.
    assert!(!md.contains("| K1.1 |"), "{md}");
    assert!(md.contains("其余绿灯事项"), "{md}");
    let full = report(midyear().path(), &["--full"]);
    assert!(full.contains("| K1.1 |"), "{full}");
    assert!(full.contains("附件：全部事项明细"), "{full}");
}

#[test]
fn units_owing_reports_are_named_with_what_they_owe() {
    let md = report(midyear().path(), &[]);
    // K2.2 (市发改局) has no entry at all: it owes the first quarter's
    // report. K2.27 (市委统战部) and K1.7 (市“三服务”办) reported in March
    // only: they owe the second quarter's, due 30 June, from 1 July.
    assert!(md.contains("1月1日至3月30日应报未报事项73项"), "{md}");
    assert!(md.contains("- 市发改局：K2.2、"), "{md}");
    assert!(!md.contains("- 市委统战部："), "{md}");
    let md = report_on(midyear().path(), "2023-07-01", &[]);
    assert!(md.contains("4月1日至6月30日应报未报事项78项"), "{md}");
    assert!(md.contains("- 市委统战部：K2.27（1项）"), "{md}");
    assert!(md.contains("- 市“三服务”办：K1.7（1项）"), "{md}");
}

#[test]
fn the_change_is_counted_since_the_given_date() {
    let dir = midyear();
    let default = report(dir.path(), &[]);
    // By default, the due date of the period before the as-of date's.
    assert!(default.contains("较3月30日"), "{default}");
    let since = report(dir.path(), &["--since", "2023-05-31"]);
    assert!(since.contains("较5月31日"), "{since}");
    assert!(!since.contains("较3月30日"), "{since}");
}

#[test]
fn a_since_date_not_before_the_as_of_date_is_refused() {
    let err = refused(
        midyear().path(),
        &["report", "--as-of", AS_OF, "--since", "2023-07-01"],
    );
    assert!(err.contains("--since 2023-07-01"), "{err}");
}

#[test]
fn options_override_the_config_file() {
    let md = report(
        midyear().path(),
        &[
            "--issuer",
            "市委督查室",
            "--number",
            "7",
            "--copy-to",
            "市长",
        ],
    );
    assert!(md.contains("第7期"), "{md}");
    assert!(md.contains("市委督查室　2023年6月30日"), "{md}");
    assert!(md.trim_end().ends_with("抄送：市长。"), "{md}");
}

#[test]
fn the_english_circular_uses_english_punctuation() {
    let md = report(midyear().path(), &["--lang", "en"]);
    assert!(md.contains("No. 3"), "{md}");
    assert!(md.contains("(东政办发[2023]3号)"), "{md}");
    for mark in ["，", "：", "；", "（", "）", "〔"] {
        let ours: Vec<&str> = md
            .lines()
            .filter(|l| !l.starts_with('|'))
            .filter(|l| l.contains(mark))
            .collect();
        assert!(ours.is_empty(), "{mark}: {ours:#?}");
    }
}

#[test]
fn an_unknown_circular_setting_is_reported_at_its_position() {
    let dir = midyear();
    std::fs::write(
        dir.path().join("duban.ron"),
        "(\n    circular: (\n        isuer: \"x\",\n    ),\n)\n",
    )
    .expect("write config");
    let err = refused(dir.path(), &["report", "--as-of", AS_OF]);
    assert!(err.contains("duban.ron:3:"), "{err}");
    assert!(err.contains("isuer"), "{err}");
}

#[test]
fn pdf_without_out_is_refused() {
    let err = refused(
        midyear().path(),
        &["report", "--as-of", AS_OF, "--format", "pdf"],
    );
    assert!(err.contains("--out"), "{err}");
}

#[test]
fn pdf_without_chromium_names_the_package_and_writes_nothing() {
    let dir = midyear();
    let empty = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("circular.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .env("PATH", empty.path())
        .arg("--data")
        .arg(dir.path())
        .args(["report", "--as-of", AS_OF, "--format", "pdf", "--out"])
        .arg(&pdf)
        .output()
        .expect("run duban");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("chromium"), "{err}");
    assert!(err.contains("apt-get install chromium"), "{err}");
    assert!(!pdf.exists());
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().contains("pdf"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn pdf_into_a_missing_directory_is_refused_before_printing() {
    let dir = midyear();
    let missing = dir.path().join("no-such-dir");
    let out = missing.join("circular.pdf");
    let err = refused(
        dir.path(),
        &["report", "--as-of", AS_OF, "--format", "pdf", "--out"]
            .into_iter()
            .chain([out.to_str().expect("utf-8 path")])
            .collect::<Vec<_>>(),
    );
    assert!(err.contains("no-such-dir: 目录不存在"), "{err}");
    assert!(!missing.exists());
}

/// Page 1 of `pdf` as a small grey picture: (width, height, pixels).
fn page_picture(pdf: &Path, page: u32, dir: &Path) -> (usize, usize, Vec<u8>) {
    let prefix = dir.join(format!("page{page}"));
    let out = Command::new("pdftoppm")
        .args(["-gray", "-singlefile", "-scale-to", "160"])
        .args(["-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .expect("run pdftoppm");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    read_pgm(&prefix.with_extension("pgm"))
}

/// A binary PGM (P5, 8-bit) as written by pdftoppm.
fn read_pgm(path: &Path) -> (usize, usize, Vec<u8>) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5", "{}", path.display());
    let width: usize = fields[1].parse().expect("width");
    let height: usize = fields[2].parse().expect("height");
    let pixels = bytes[at + 1..].to_vec();
    assert_eq!(pixels.len(), width * height, "{}", path.display());
    (width, height, pixels)
}

/// The mean absolute difference of two same-sized grey pictures, 0 to 255.
fn mean_difference(a: &(usize, usize, Vec<u8>), b: &(usize, usize, Vec<u8>)) -> f64 {
    assert_eq!((a.0, a.1), (b.0, b.1), "picture sizes differ");
    let sum: u64 = (a.2.iter().zip(&b.2))
        .map(|(&x, &y)| u64::from(x.abs_diff(y)))
        .sum();
    sum as f64 / a.2.len() as f64
}

/// Font rasterisation differs between machines; a page of other content
/// differs by far more than this.
const TOLERANCE: f64 = 6.0;

fn golden_page() -> PathBuf {
    root().join("tests/fixtures/circular/page1.pgm")
}

#[test]
fn the_pdf_is_at_most_four_a4_pages_and_page_one_matches_its_picture() {
    // Chromium prints the PDF; poppler-utils reads it back.
    let needed = [
        external::CHROMIUM,
        &["pdfinfo"],
        &["pdffonts"],
        &["pdftoppm"],
    ];
    if !needed
        .iter()
        .all(|names| external::program(names).is_some())
    {
        return;
    }
    let dir = midyear();
    let work = tempfile::tempdir().expect("tempdir");
    let pdf = work.path().join("circular.pdf");
    let out = duban_in(
        dir.path(),
        &["report", "--as-of", AS_OF, "--format", "pdf", "--out"]
            .into_iter()
            .chain([pdf.to_str().expect("utf-8 path")])
            .collect::<Vec<_>>(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in:\n{info}"));
    assert!((1..=4).contains(&pages), "{pages} pages");
    assert!(info.contains("(A4)"), "{info}");

    // Chromium embeds every font it used.
    let fonts = Command::new("pdffonts")
        .arg(&pdf)
        .output()
        .expect("pdffonts");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            cols.get(n.saturating_sub(5)),
            Some(&"yes"),
            "not embedded: {row}"
        );
    }

    let page1 = page_picture(&pdf, 1, work.path());
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::copy(work.path().join("page1.pgm"), golden_page()).expect("write golden");
        return;
    }
    let golden = read_pgm(&golden_page());
    let diff = mean_difference(&page1, &golden);
    assert!(
        diff <= TOLERANCE,
        "page 1 differs from {} by {diff:.2} (tolerance {TOLERANCE}); run with UPDATE_GOLDEN=1 to accept",
        golden_page().display()
    );
    // The comparison can fail: page 2 is not page 1.
    let page2 = page_picture(&pdf, 2, work.path());
    let other = mean_difference(&page2, &golden);
    assert!(other > TOLERANCE, "page 2 differs by only {other:.2}");
}
