//! Reading the documentation as a test sees it: the pages (README.md and
//! docs/**/*.md), the `duban` commands they show, their links and the
//! anchors their headings make.
//!
//! A command is a line `duban …` in a ```sh block, a line `$ duban …` in a
//! ```console block, or a code span `duban …` in a table cell. A trailing
//! `# exit N` comment says the command is meant to exit with N; otherwise
//! it must exit 0. Other blocks (plain ```, ```text) hold synopses and
//! output, which are not run.
#![allow(dead_code)] // each test binary uses a different part

use std::path::{Path, PathBuf};

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every page under docs/, sorted.
pub fn pages() -> Vec<PathBuf> {
    let mut pages = vec![root().join("README.md")];
    collect_md(&root().join("docs"), &mut pages);
    pages[1..].sort();
    pages
}

fn collect_md(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_md(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// A command shown in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// 1-based line in the page.
    pub line: usize,
    /// The command as written (with its comment, if any).
    pub command: String,
    /// The exit status it is meant to have.
    pub exit: i32,
}

/// The `duban` commands in `text`, in page order.
pub fn examples(text: &str) -> Vec<Example> {
    let mut found = Vec::new();
    let mut fence: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if let Some(info) = trimmed.strip_prefix("```") {
            fence = match fence {
                None => Some(info.split_whitespace().next().unwrap_or("").to_string()),
                Some(_) => None,
            };
            continue;
        }
        let commands = match fence.as_deref() {
            Some("sh" | "shell" | "bash") => vec![trimmed.to_string()],
            Some("console") => trimmed
                .strip_prefix("$ ")
                .map(|c| vec![c.to_string()])
                .unwrap_or_default(),
            Some(_) => Vec::new(),
            None if trimmed.starts_with('|') => code_spans(trimmed)
                .into_iter()
                .map(|span| span.replace("\\|", "|"))
                .collect(),
            None => Vec::new(),
        };
        for command in commands {
            if command == "duban" || command.starts_with("duban ") {
                let exit = expected_exit(&command);
                found.push(Example {
                    line: i + 1,
                    command,
                    exit,
                });
            }
        }
    }
    found
}

/// `N` from a trailing `# exit N` comment, else 0.
fn expected_exit(command: &str) -> i32 {
    command
        .rsplit_once("# exit ")
        .and_then(|(_, n)| n.trim().parse().ok())
        .unwrap_or(0)
}

/// The text of each `code span` in a line.
pub fn code_spans(line: &str) -> Vec<String> {
    let mut spans = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        let ticks = rest[start..].chars().take_while(|&c| c == '`').count();
        let fence = &rest[start..start + ticks];
        let after = &rest[start + ticks..];
        let Some(end) = after.find(fence) else {
            break;
        };
        spans.push(after[..end].trim().to_string());
        rest = &after[end + ticks..];
    }
    spans
}

/// A link target in a page: `[text](target)` or `![alt](target)`, with
/// its 1-based line; code blocks and code spans are left out.
pub fn links(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut in_fence = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        let mut prose = line.to_string();
        for span in code_spans(line) {
            prose = prose.replacen(&span, "", 1);
        }
        let mut rest = prose.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else {
                break;
            };
            let target = after[..end].split_whitespace().next().unwrap_or("");
            found.push((i + 1, target.to_string()));
            rest = &after[end..];
        }
    }
    found
}

/// The anchors GitHub gives the headings of `text`: lower case, letters
/// (Chinese ones too), digits, `-` and `_` kept, spaces made `-`, the rest
/// dropped; a repeated anchor gets `-1`, `-2`, ….
pub fn anchors(text: &str) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut in_fence = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        let hashes = line.chars().take_while(|&c| c == '#').count();
        if in_fence || hashes == 0 || hashes > 6 || !line[hashes..].starts_with(' ') {
            continue;
        }
        let base = slug(&line[hashes..]);
        let mut anchor = base.clone();
        let mut n = 0;
        while seen.contains(&anchor) {
            n += 1;
            anchor = format!("{base}-{n}");
        }
        seen.push(anchor);
    }
    seen
}

/// One heading's anchor, before duplicates are numbered.
pub fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// `%XX` escapes in a link decoded (GitHub writes Chinese file names so).
pub fn percent_decode(link: &str) -> String {
    duban::text::percent_decode(link)
}
