//! The circular as PDF: the HTML page printed by headless Chromium, which
//! lays out A4 pages from the style sheet and embeds the fonts it used.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The browsers tried, in order, on the PATH.
pub const BROWSERS: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// How Chromium is started: headless, without a sandbox, a GPU or any
/// network activity of its own (updates, sync, QUIC).
pub const CHROMIUM_FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("{}", no_chromium(*english))]
    NoChromium { english: bool },
    #[error("{}: {}", dir.display(), if *english { "no such directory" } else { "目录不存在" })]
    NoDir { english: bool, dir: PathBuf },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", failed(*english, browser, detail))]
    Failed {
        english: bool,
        browser: PathBuf,
        detail: String,
    },
}

fn no_chromium(english: bool) -> String {
    let tried = BROWSERS.join(", ");
    if english {
        format!(
            "cannot make a PDF: no Chromium on the PATH (looked for {tried}); install the `chromium` package (Debian/Ubuntu: apt-get install chromium; Fedora: dnf install chromium; macOS: brew install --cask chromium), or write --format html and print it from a browser"
        )
    } else {
        format!(
            "无法生成 PDF：PATH 中找不到 Chromium（已查找 {tried}）。请安装 chromium 软件包（Debian/Ubuntu：apt-get install chromium；Fedora：dnf install chromium；macOS：brew install --cask chromium），或改用 --format html 后在浏览器中打印"
        )
    }
}

fn failed(english: bool, browser: &Path, detail: &str) -> String {
    if english {
        format!("{} did not print the PDF: {detail}", browser.display())
    } else {
        format!("{} 未能生成 PDF：{detail}", browser.display())
    }
}

/// The first of [`BROWSERS`] found on the PATH.
pub fn find_browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let suffixes: &[&str] = if cfg!(windows) { &[".exe", ""] } else { &[""] };
    BROWSERS.iter().find_map(|name| {
        std::env::split_paths(&path).find_map(|dir| {
            suffixes.iter().find_map(|s| {
                let candidate = dir.join(format!("{name}{s}"));
                candidate.is_file().then_some(candidate)
            })
        })
    })
}

/// Prints `html` to the PDF file `out`. The PDF is written beside `out`
/// under a temporary name and renamed into place, so `out` is never half
/// written; the page and the browser profile live in a fresh temporary
/// directory, removed afterwards.
pub fn write_pdf(html: &[u8], out: &Path, english: bool) -> Result<(), PdfError> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        let dir = dir.to_path_buf();
        return Err(PdfError::NoDir { english, dir });
    }
    let browser = find_browser().ok_or(PdfError::NoChromium { english })?;
    let work = scratch_dir()?;
    let result = print(&browser, html, out, &work, english);
    // Leaving the scratch directory behind is harmless; the PDF's outcome
    // is what matters.
    let _ = fs::remove_dir_all(&work);
    result
}

fn print(
    browser: &Path,
    html: &[u8],
    out: &Path,
    work: &Path,
    english: bool,
) -> Result<(), PdfError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PdfError::Io { path, source }
    };
    let page = work.join("circular.html");
    fs::write(&page, html).map_err(io(&page))?;
    // An unpredictable name, created empty and ours, beside `out`: a link
    // planted there cannot be written through.
    let tmp = partial_file(out).map_err(io(out))?;
    let mut print_to = OsString::from("--print-to-pdf=");
    print_to.push(tmp.path());
    let mut profile = OsString::from("--user-data-dir=");
    profile.push(work.join("profile"));
    let output = Command::new(browser)
        .args(CHROMIUM_FLAGS)
        .arg("--no-pdf-header-footer")
        .arg(profile)
        .arg(print_to)
        .arg(file_url(&page))
        .output()
        .map_err(io(browser))?;
    let printed = fs::read(tmp.path()).map(|b| b.starts_with(b"%PDF-"));
    if !output.status.success() || !matches!(printed, Ok(true)) {
        return Err(PdfError::Failed {
            english,
            browser: browser.to_path_buf(),
            detail: detail(&output),
        });
    }
    tmp.persist(out).map(drop).map_err(|e| PdfError::Io {
        path: out.to_path_buf(),
        source: e.error,
    })
}

/// A new empty file `.NAME.<random>.part` beside `out` (removed when
/// dropped unless persisted).
fn partial_file(out: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let named = match out.file_name() {
        Some(_) => out.to_path_buf(),
        None => out.join("circular.pdf"),
    };
    crate::files::temp_beside(&named, "part")
}

/// The browser's exit status and the last lines it printed, without
/// control characters.
fn detail(output: &std::process::Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().rev().take(3).collect();
    let text: String = lines
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join(" / ")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    format!("{} {text}", output.status)
}

/// A fresh directory under the system's temporary directory.
fn scratch_dir() -> Result<PathBuf, PdfError> {
    let base = std::env::temp_dir();
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = base.join(format!("duban-pdf-{}-{stamp}", std::process::id()));
    fs::create_dir(&dir).map_err(|source| PdfError::Io {
        path: dir.clone(),
        source,
    })?;
    Ok(dir)
}

/// `file:///tmp/…/circular.html`; on Windows `file:///C:/…`.
fn file_url(path: &Path) -> String {
    let text = path
        .to_string_lossy()
        .replace('\\', "/")
        .replace('%', "%25")
        .replace(' ', "%20")
        .replace('#', "%23")
        .replace('?', "%3F");
    if text.starts_with('/') {
        format!("file://{text}")
    } else {
        format!("file:///{text}")
    }
}

/// Writes `bytes` to `path` under an unpredictable temporary name, then
/// renames it into place (see [`crate::files::replace`]): a reader never
/// sees half a file, and a link planted beside it is never written through.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), PdfError> {
    crate::files::replace(path, bytes)
        .map(drop)
        .map_err(|source| PdfError::Io {
            path: path.to_path_buf(),
            source,
        })
}
