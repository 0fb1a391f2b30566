//! Cross-checks between the records of a parsed dataset. Each problem
//! names the file, points at the offending record, field or unit name, and
//! says what was expected.

use std::collections::HashMap;

use super::error::Diagnostic;
use super::outline::Outline;
use crate::messages::Text;
use crate::messages::dataset::*;
use crate::model::{Dataset, Name, Task, TaskId, Unit};
use crate::msg;

/// One file's name, text and outline.
pub struct SourceFile<'a> {
    name: &'a str,
    text: &'a str,
    outline: Outline,
    /// Byte offsets of every `\n`, for line numbers.
    newlines: Vec<usize>,
    /// Which file this is, for sorting problems in file order.
    order: usize,
}

impl<'a> SourceFile<'a> {
    fn new((name, text): (&'a str, &'a str), order: usize) -> Self {
        SourceFile {
            name,
            text,
            outline: Outline::scan(text),
            newlines: text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i)
                .collect(),
            order,
        }
    }

    /// The records of a list file, or of the list in field `list` of the
    /// root record (plan.ron's leaders).
    fn records(&self, list: Option<&str>) -> Vec<usize> {
        let root = self.outline.root();
        let list = match list {
            None => root,
            Some(name) => root
                .and_then(|r| self.outline.field(r, name))
                .and_then(|f| self.outline.value_container(f)),
        };
        list.map(|l| self.outline.children(l)).unwrap_or_default()
    }

    /// The offset of the string `needle` in field `field` of `record`, or
    /// of the field, or of the record.
    fn locate(&self, record: Option<usize>, field: &str, needle: Option<&str>) -> usize {
        let Some(record) = record else { return 0 };
        let start = self.outline.container(record).map_or(0, |c| c.start);
        let Some(f) = self.outline.field(record, field) else {
            return start;
        };
        needle
            .and_then(|n| self.outline.string_in(self.text, f.value.clone(), n))
            .unwrap_or(f.start)
    }

    /// The record nested in field `field` of `record` (plan.ron's rules).
    fn nested(&self, record: Option<usize>, field: &str) -> Option<usize> {
        record
            .and_then(|r| self.outline.field(r, field))
            .and_then(|f| self.outline.value_container(f))
    }

    /// The 1-based line of a byte offset: a binary search over the line
    /// starts, so checking a large file stays linear.
    fn line_of(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&nl| nl < offset) + 1
    }
}

/// The four files of a dataset, as loaded.
pub struct Sources<'a> {
    plan: SourceFile<'a>,
    tasks: SourceFile<'a>,
    projects: SourceFile<'a>,
    units: SourceFile<'a>,
}

impl<'a> Sources<'a> {
    pub fn new(
        plan: (&'a str, &'a str),
        tasks: (&'a str, &'a str),
        projects: (&'a str, &'a str),
        units: (&'a str, &'a str),
    ) -> Self {
        Sources {
            plan: SourceFile::new(plan, 0),
            tasks: SourceFile::new(tasks, 1),
            projects: SourceFile::new(projects, 2),
            units: SourceFile::new(units, 3),
        }
    }
}

/// What a unit reference resolves to.
enum Resolved<'a> {
    Canonical,
    Alias(&'a str),
    Unknown,
}

struct Checker<'a> {
    data: &'a Dataset,
    units: HashMap<&'a str, &'a Unit>,
    ids: HashMap<&'a str, (String, usize)>,
    found: Vec<(usize, usize, Diagnostic)>,
}

/// Every cross-check problem of `data`, in file order.
pub fn validate(data: &Dataset, src: &Sources) -> Vec<Diagnostic> {
    let mut checker = Checker {
        data,
        units: HashMap::new(),
        ids: HashMap::new(),
        found: Vec::new(),
    };
    checker.leaders(&src.plan);
    checker.unit_registry(&src.units);
    checker.default_co(&src.plan);
    checker.tasks(&src.tasks);
    checker.projects(&src.projects);
    checker
        .found
        .sort_by_key(|(order, offset, _)| (*order, *offset));
    checker.found.into_iter().map(|(_, _, d)| d).collect()
}

fn leader_list(data: &Dataset) -> Text {
    match data.plan.leaders.len() {
        0 => LEADERS_NONE.into(),
        1 => LEADERS_ONE.into(),
        n => msg!(LEADERS_SOME, n = n),
    }
}

impl<'a> Checker<'a> {
    fn report(&mut self, file: &SourceFile, offset: usize, message: Text) {
        let d = Diagnostic::at(file.name, file.text, offset, message);
        self.found.push((file.order, offset, d));
    }

    fn leaders(&mut self, plan: &SourceFile) {
        let records = plan.records(Some("leaders"));
        for (i, leader) in self.data.plan.leaders.iter().enumerate() {
            let want = TaskId::leader_id(i as u32 + 1);
            if leader.id != want {
                let at = plan.locate(records.get(i).copied(), "id", Some(&leader.id));
                let msg = msg!(LEADER_ID, n = i + 1, id = leader.id, want = want);
                self.report(plan, at, msg);
            }
        }
    }

    fn unit_registry(&mut self, file: &SourceFile) {
        let records = file.records(None);
        let data = self.data;
        for (i, unit) in data.units.iter().enumerate() {
            let record = records.get(i).copied();
            let names = std::iter::once(("name", unit.name.as_str()))
                .chain(unit.aliases.iter().map(|a| ("aliases", a.as_str())));
            for (field, name) in names {
                if let Some(first) = self.units.get(name) {
                    let first_line = data
                        .units
                        .iter()
                        .position(|u| std::ptr::eq(u, *first))
                        .and_then(|j| records.get(j))
                        .map_or(0, |&r| file.line_of(file.locate(Some(r), "name", None)));
                    let at = file.locate(record, field, Some(name));
                    let msg = msg!(
                        UNIT_NAME_USED,
                        name = name,
                        first = first.name,
                        line = first_line
                    );
                    self.report(file, at, msg);
                } else {
                    self.units.insert(name, unit);
                }
            }
        }
    }

    fn resolve(&self, name: &str) -> Resolved<'a> {
        match self.units.get(name) {
            Some(unit) if unit.name == name => Resolved::Canonical,
            Some(unit) => Resolved::Alias(&unit.name),
            None => Resolved::Unknown,
        }
    }

    /// Checks that every name in `names` is a canonical unit name.
    fn unit_refs(&mut self, file: &SourceFile, record: Option<usize>, field: &str, names: &[Name]) {
        for name in names {
            let msg = match self.resolve(name) {
                Resolved::Canonical => continue,
                Resolved::Alias(canonical) => msg!(UNIT_ALIAS, name = name, canonical = canonical),
                Resolved::Unknown => msg!(UNIT_UNKNOWN, name = name),
            };
            let at = file.locate(record, field, Some(name));
            self.report(file, at, msg);
        }
    }

    fn default_co(&mut self, plan: &SourceFile) {
        let root = plan.outline.root();
        let rules = plan.nested(root, "rules");
        let names = &self.data.plan.rules.default_co;
        self.unit_refs(plan, rules, "default_co", names);
    }

    /// Checks shared by key tasks and projects: unique ID, known leader,
    /// a lead unit, unit references.
    fn common(&mut self, file: &SourceFile, record: Option<usize>, task: &'a Task) -> bool {
        let id_at = file.locate(record, "id", Some(&task.id));
        let unique = self.unique_id(file, id_at, &task.id);
        let fields = (task.leader.iter().map(|l| ("leader", l)))
            .chain(task.other_leaders.iter().map(|l| ("other_leaders", l)));
        for (field, leader) in fields {
            if self.data.leader(leader).is_some() {
                continue;
            }
            let at = file.locate(record, field, Some(leader));
            let msg = msg!(LEADER_UNKNOWN, leader = leader).with("list", leader_list(self.data));
            self.report(file, at, msg);
        }
        if task.lead.is_empty() {
            let at = file.locate(record, "lead", None);
            let msg = msg!(NO_LEAD_UNIT, id = task.id);
            self.report(file, at, msg);
        }
        self.unit_refs(file, record, "lead", &task.lead);
        self.unit_refs(file, record, "co", &task.co);
        self.unit_refs(file, record, "co_members_of", &task.co_members_of);
        unique
    }

    /// Records an ID; false (and a problem) when it was seen before.
    fn unique_id(&mut self, file: &SourceFile, at: usize, id: &'a str) -> bool {
        if let Some((first_file, first_line)) = self.ids.get(id) {
            let msg = msg!(
                DUPLICATE_ID,
                id = id,
                first = format!("{first_file}:{first_line}")
            );
            self.report(file, at, msg);
            return false;
        }
        self.ids
            .insert(id, (file.name.to_string(), file.line_of(at)));
        true
    }

    fn tasks(&mut self, file: &SourceFile) {
        let tasks = &self.data.tasks;
        let records = file.records(None);
        let mut next: HashMap<u32, u32> = HashMap::new();
        for (i, task) in tasks.iter().enumerate() {
            let record = records.get(i).copied();
            let unique = self.common(file, record, task);
            let id_at = file.locate(record, "id", Some(&task.id));
            let Ok(TaskId::Key { leader, number }) = task.id.parse::<TaskId>() else {
                let msg = msg!(NOT_KEY_ID, id = task.id);
                self.report(file, id_at, msg);
                continue;
            };
            let want_leader = TaskId::leader_id(leader);
            let by_leader = !self.data.plan.by_section;
            match &task.leader {
                _ if !by_leader => {}
                None => {
                    let msg = msg!(KEY_NO_LEADER, id = task.id, want = want_leader);
                    self.report(file, id_at, msg);
                }
                Some(l) if *l != want_leader && self.data.leader(l).is_some() => {
                    let at = file.locate(record, "leader", Some(l));
                    let msg = msg!(
                        KEY_WRONG_LEADER,
                        id = task.id,
                        leader = l,
                        want = want_leader
                    );
                    self.report(file, at, msg);
                }
                Some(_) => {}
            }
            self.number(file, record, task, number);
            let expected = next.entry(leader).or_insert(1);
            if unique && number != *expected {
                let msg = if by_leader {
                    msg!(
                        KEY_OUT_OF_ORDER,
                        id = task.id,
                        leader = want_leader,
                        n = expected,
                        number = leader
                    )
                } else {
                    msg!(
                        KEY_OUT_OF_ORDER_SECTION,
                        id = task.id,
                        n = expected,
                        number = leader
                    )
                };
                self.report(file, id_at, msg);
            }
            if unique {
                *expected = number + 1;
            }
        }
    }

    /// Checks the `number` field against the number in the ID.
    fn number(&mut self, file: &SourceFile, record: Option<usize>, task: &Task, want: u32) {
        if task.number != want {
            let at = file.locate(record, "number", None);
            let msg = msg!(
                WRONG_NUMBER,
                id = task.id,
                number = task.number,
                want = want
            );
            self.report(file, at, msg);
        }
    }

    fn projects(&mut self, file: &SourceFile) {
        let records = file.records(None);
        let mut expected = 1;
        let projects = &self.data.projects;
        for (i, project) in projects.iter().enumerate() {
            let record = records.get(i).copied();
            let unique = self.common(file, record, project);
            let id_at = file.locate(record, "id", Some(&project.id));
            let Ok(TaskId::Project { number }) = project.id.parse::<TaskId>() else {
                let msg = msg!(NOT_PROJECT_ID, id = project.id);
                self.report(file, id_at, msg);
                continue;
            };
            self.number(file, record, project, number);
            if unique && number != expected {
                let msg = msg!(PROJECT_OUT_OF_ORDER, id = project.id, n = expected);
                self.report(file, id_at, msg);
            }
            if unique {
                expected = number + 1;
            }
            self.items(file, record, project, number);
        }
    }

    fn items(&mut self, file: &SourceFile, record: Option<usize>, project: &'a Task, number: u32) {
        let list = file.nested(record, "items");
        let records = list.map(|l| file.outline.children(l)).unwrap_or_default();
        for (j, item) in project.items.iter().enumerate() {
            let at = file.locate(records.get(j).copied(), "id", Some(&item.id));
            let want = TaskId::Item {
                project: number,
                number: j as u32 + 1,
            };
            if !self.unique_id(file, at, &item.id) {
                continue;
            }
            if item.id.parse::<TaskId>() != Ok(want) {
                let msg = msg!(
                    ITEM_ID,
                    n = j + 1,
                    project = project.id,
                    id = item.id,
                    want = want
                );
                self.report(file, at, msg);
            }
        }
    }
}
