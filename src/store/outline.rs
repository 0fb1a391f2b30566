//! Where things are in a RON file that has already parsed: the containers
//! (`(…)`, `[…]`, `{…}`), the field names and the string literals, by byte
//! offset. Validation uses it to point at the record, field or unit name a
//! problem is about, however the file is laid out.

use std::ops::Range;

/// A bracketed value. `depth` is 1 for the outermost one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Container {
    pub start: usize,
    pub end: usize,
    pub depth: usize,
}

/// A `name:` inside a container; `value` runs to the next field of the same
/// container, or to the container's end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub start: usize,
    pub container: usize,
    pub value: Range<usize>,
}

/// A string literal: `start` is its first byte (the quote, or the `r` of a
/// raw string); `content` is the text between the quotes, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct StringLit {
    start: usize,
    content: Range<usize>,
}

#[derive(Debug, Default)]
pub struct Outline {
    containers: Vec<Container>,
    fields: Vec<Field>,
    strings: Vec<StringLit>,
    /// For each container, the indexes of its fields in order, so a field
    /// lookup costs the record's size, not the file's.
    fields_of: Vec<Vec<usize>>,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    out: Outline,
    open: Vec<usize>,
}

impl Scanner<'_> {
    fn peek(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    /// Skips whitespace and comments.
    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(0), self.peek(1)) {
                (Some(b), _) if b.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek(0).is_some_and(|b| b != b'\n') {
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => self.block_comment(),
                _ => return,
            }
        }
    }

    fn block_comment(&mut self) {
        let mut nesting = 0usize;
        while let Some(b) = self.peek(0) {
            match (b, self.peek(1)) {
                (b'/', Some(b'*')) => {
                    nesting += 1;
                    self.pos += 2;
                }
                (b'*', Some(b'/')) => {
                    self.pos += 2;
                    nesting = nesting.saturating_sub(1);
                    if nesting == 0 {
                        return;
                    }
                }
                _ => self.pos += 1,
            }
        }
    }

    /// A quoted string or char starting at the quote `q`.
    fn quoted(&mut self, start: usize, q: u8) {
        self.pos += 1;
        let from = self.pos;
        while let Some(b) = self.peek(0) {
            if b == b'\\' {
                self.pos += 2;
            } else if b == q {
                break;
            } else {
                self.pos += 1;
            }
        }
        let to = self.pos.min(self.bytes.len());
        self.pos += 1;
        if q == b'"' {
            self.out.strings.push(StringLit {
                start,
                content: from..to,
            });
        }
    }

    /// `r"…"`, `r#"…"#`, … with `self.pos` at the hashes after the `r`.
    fn raw_string(&mut self, start: usize) {
        let hashes = self.bytes[self.pos..]
            .iter()
            .take_while(|&&b| b == b'#')
            .count();
        self.pos += hashes + 1;
        let from = self.pos;
        while self.pos < self.bytes.len() {
            let closes = self.bytes[self.pos] == b'"'
                && self.bytes[self.pos + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&b| b == b'#')
                    .count()
                    == hashes;
            if closes {
                break;
            }
            self.pos += 1;
        }
        let to = self.pos.min(self.bytes.len());
        self.pos += 1 + hashes;
        self.out.strings.push(StringLit {
            start,
            content: from..to,
        });
    }

    fn is_raw_start(&self) -> bool {
        let hashes = self.bytes[self.pos..]
            .iter()
            .take_while(|&&b| b == b'#')
            .count();
        self.peek(hashes) == Some(b'"')
    }

    fn identifier(&mut self) {
        let start = self.pos;
        while self.peek(0).is_some_and(is_ident) {
            self.pos += 1;
        }
        let name = &self.bytes[start..self.pos];
        if (name == b"r" || name == b"br" || name == b"b") && self.is_raw_start() {
            if name == b"b" {
                self.quoted(start, b'"');
            } else {
                self.raw_string(start);
            }
            return;
        }
        let after = self.pos;
        self.skip_trivia();
        let is_field = self.peek(0) == Some(b':') && self.peek(1) != Some(b':');
        if let (true, Some(&container)) = (is_field, self.open.last()) {
            self.out.fields.push(Field {
                name: String::from_utf8_lossy(name).into_owned(),
                start,
                container,
                value: after..after,
            });
        }
    }

    fn run(mut self) -> Outline {
        while let Some(b) = self.peek(0) {
            match b {
                b'(' | b'[' | b'{' => {
                    self.open.push(self.out.containers.len());
                    self.out.containers.push(Container {
                        start: self.pos,
                        end: self.bytes.len(),
                        depth: self.open.len(),
                    });
                    self.pos += 1;
                }
                b')' | b']' | b'}' => {
                    if let Some(i) = self.open.pop() {
                        self.out.containers[i].end = self.pos + 1;
                    }
                    self.pos += 1;
                }
                b'#' if self.peek(1) == Some(b'!') => {
                    // `#![enable(…)]`: an attribute, not a value.
                    while self.peek(0).is_some_and(|b| b != b']') {
                        self.pos += 1;
                    }
                    self.pos += 1;
                }
                b'"' => self.quoted(self.pos, b'"'),
                b'\'' => self.quoted(self.pos, b'\''),
                b'/' if matches!(self.peek(1), Some(b'/' | b'*')) => self.skip_trivia(),
                b if is_ident_start(b) => self.identifier(),
                _ => self.pos += 1,
            }
        }
        let mut out = self.out;
        // A field's value ends where the next field of its container starts:
        // one pass from the back, remembering each container's next field.
        let mut next_start: Vec<Option<usize>> = vec![None; out.containers.len()];
        for field in out.fields.iter_mut().rev() {
            let container = field.container;
            let next = next_start[container].unwrap_or(out.containers[container].end);
            field.value.end = next.max(field.value.start);
            next_start[container] = Some(field.start);
        }
        out.fields_of = vec![Vec::new(); out.containers.len()];
        for (i, field) in out.fields.iter().enumerate() {
            out.fields_of[field.container].push(i);
        }
        out
    }
}

impl Outline {
    pub fn scan(text: &str) -> Outline {
        Scanner {
            bytes: text.as_bytes(),
            pos: 0,
            out: Outline::default(),
            open: Vec::new(),
        }
        .run()
    }

    /// The outermost value (the list of a list file, the plan of plan.ron).
    pub fn root(&self) -> Option<usize> {
        self.containers.iter().position(|c| c.depth == 1)
    }

    /// The containers directly inside container `parent`, in order: the
    /// records of a list.
    pub fn children(&self, parent: usize) -> Vec<usize> {
        let Some(p) = self.containers.get(parent) else {
            return Vec::new();
        };
        (parent + 1..self.containers.len())
            .take_while(|&i| self.containers[i].start < p.end)
            .filter(|&i| self.containers[i].depth == p.depth + 1)
            .collect()
    }

    pub fn container(&self, index: usize) -> Option<Container> {
        self.containers.get(index).copied()
    }

    /// The field `name` of container `record`.
    pub fn field(&self, record: usize, name: &str) -> Option<&Field> {
        self.fields_of
            .get(record)?
            .iter()
            .map(|&i| &self.fields[i])
            .find(|f| f.name == name)
    }

    /// The first container inside a field's value (a nested record or list).
    pub fn value_container(&self, field: &Field) -> Option<usize> {
        // Containers are recorded in text order.
        let first = self
            .containers
            .partition_point(|c| c.start < field.value.start);
        (first < self.containers.len() && field.value.contains(&self.containers[first].start))
            .then_some(first)
    }

    /// Where the string literal whose text is `content` starts, within
    /// `range`.
    pub fn string_in(&self, text: &str, range: Range<usize>, content: &str) -> Option<usize> {
        // Strings are recorded in text order: jump to the range by binary
        // search, so a lookup per record keeps checking linear.
        let first = self.strings.partition_point(|s| s.start < range.start);
        self.strings[first..]
            .iter()
            .take_while(|s| s.start < range.end)
            .find(|s| text.get(s.content.clone()) == Some(content))
            .map(|s| s.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r##"#![enable(implicit_some)]
// a comment with ( and "
[
(
    id: "K1.1", /* ) */
    text: r#"他说"好""#,
    lead: ["市发改局", "市府办"],
    items: [(id: "M1.1", text: "x")],
),
(id: "K1.2", lead: ["市府办"]),
]
"##;

    #[test]
    fn finds_records_fields_and_strings() {
        let o = Outline::scan(TEXT);
        let root = o.root().unwrap();
        let records = o.children(root);
        assert_eq!(records.len(), 2);
        let lead = o.field(records[1], "lead").unwrap();
        let at = o.string_in(TEXT, lead.value.clone(), "市府办").unwrap();
        assert!(TEXT[at..].starts_with("\"市府办\""));
        assert!(TEXT[..at].ends_with("(id: \"K1.2\", lead: ["));
    }

    #[test]
    fn a_field_value_stops_at_the_next_field() {
        let o = Outline::scan(TEXT);
        let first = o.children(o.root().unwrap())[0];
        let lead = o.field(first, "lead").unwrap();
        assert_eq!(
            TEXT[lead.value.clone()].trim(),
            ": [\"市发改局\", \"市府办\"],"
        );
        assert!(o.field(first, "id").is_some());
        let items = o.field(first, "items").unwrap();
        let list = o.value_container(items).unwrap();
        let item = o.children(list)[0];
        assert!(o.field(item, "text").is_some());
    }

    #[test]
    fn never_panics_on_unterminated_input() {
        for text in ["\"abc", "r#\"abc", "/* (", "(a: [", "'", "r##", "#!["] {
            let o = Outline::scan(text);
            let _ = o.root().map(|r| o.children(r));
        }
    }
}
