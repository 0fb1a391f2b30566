//! The unit registry: canonical names, kinds and aliases.
//!
//! Spellings are folded into one canonical name by these rules, in order:
//! 1. a name or alias in the curated registry (an existing units.ron) maps
//!    to that unit;
//! 2. a trailing parenthetical names a second nameplate of the same body:
//!    市委组织部(人才办) is 市委组织部, with the full form as an alias;
//! 3. a name that is another name minus its leading 市 is a misspelling of
//!    it: 市场监管局 → 市市场监管局;
//! 4. names that differ only in quote marks are one unit, spelled as most
//!    often written: 市"五水共治办" → 市"五水共治"办.

use std::collections::{HashMap, HashSet};

use crate::model::{Name, Unit, UnitKind};

/// Collective references to many units.
const COLLECTIVE: [&str; 4] = ["各部门", "有关单位", "相关", "职能单位"];
const WORKING_GROUP: [&str; 11] = [
    "指挥部",
    "专班",
    "领导小组",
    "委员会",
    "联席会议",
    "组委会",
    "协调联络组",
    "安委会",
    "食药安委",
    "工作组",
    "推进小组",
];
/// Mass organisations, universities and the like.
const OTHER: [&str; 11] = [
    "大学",
    "学院",
    "妇联",
    "团市委",
    "团县委",
    "科协",
    "总工会",
    "工商联",
    "残联",
    "红十字会",
    "慈善总会",
];

/// The kind a unit's name suggests.
pub fn infer_kind(name: &str) -> UnitKind {
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    if name.starts_with('各') || has(&COLLECTIVE) {
        UnitKind::Collective
    } else if has(&WORKING_GROUP) {
        UnitKind::WorkingGroup
    } else if ["镇", "乡", "街道"].iter().any(|s| name.ends_with(s)) {
        UnitKind::Town
    } else if ["集团", "公司"].iter().any(|s| name.ends_with(s)) {
        UnitKind::Enterprise
    } else if has(&OTHER) {
        UnitKind::Other
    } else {
        UnitKind::Department
    }
}

/// The name without a trailing parenthetical, if it has one.
fn without_parenthetical(name: &str) -> Option<&str> {
    let body = name.strip_suffix(')').or_else(|| name.strip_suffix('）'))?;
    let open = body.rfind(['(', '（'])?;
    (open > 0).then(|| &name[..open])
}

fn quote_key(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '"' | '“' | '”' | '\''))
        .collect()
}

/// A name as mentioned in the document.
pub(crate) struct Mention {
    pub name: String,
    /// Named as a working group ("X各成员单位").
    pub group: bool,
}

pub(crate) struct Registry {
    canonical: HashMap<String, String>,
    pub units: Vec<Unit>,
}

impl Registry {
    /// Builds the registry from every mention, in document order.
    pub fn build(mentions: &[Mention], curated: Option<&[Unit]>) -> Registry {
        let curated = curated.unwrap_or_default();
        let mut known: HashMap<&str, &Unit> = HashMap::new();
        for u in curated {
            known.insert(&u.name, u);
            for a in &u.aliases {
                known.entry(a).or_insert(u);
            }
        }
        let base = |n: &str| without_parenthetical(n).unwrap_or(n).to_string();
        let bases: HashSet<String> = mentions.iter().map(|m| base(&m.name)).collect();
        let mut counts: HashMap<String, Vec<(String, usize)>> = HashMap::new();
        for m in mentions {
            let b = base(&m.name);
            let spellings = counts.entry(quote_key(&b)).or_default();
            match spellings.iter_mut().find(|(s, _)| *s == b) {
                Some((_, n)) => *n += 1,
                None => spellings.push((b, 1)),
            }
        }
        let resolve = |name: &str| -> String {
            if let Some(u) = known.get(name) {
                return u.name.to_string();
            }
            let b = base(name);
            if let Some(u) = known.get(b.as_str()) {
                return u.name.to_string();
            }
            let prefixed = format!("市{b}");
            let b = if bases.contains(&prefixed) {
                prefixed
            } else {
                b
            };
            let spellings = counts.get(&quote_key(&b));
            let best = spellings
                .and_then(|s| s.iter().rev().max_by_key(|(_, n)| *n))
                .map(|(s, _)| s.clone());
            best.unwrap_or(b)
        };
        let mut canonical = HashMap::new();
        let mut units: Vec<Unit> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for m in mentions {
            let name = resolve(&m.name);
            let i = *index.entry(name.clone()).or_insert_with(|| {
                let (kind, aliases) = match known.get(name.as_str()) {
                    Some(u) => (u.kind, u.aliases.clone()),
                    None if m.group => (UnitKind::WorkingGroup, Vec::new()),
                    None => (infer_kind(&name), Vec::new()),
                };
                units.push(Unit {
                    name: name.as_str().into(),
                    kind,
                    aliases,
                });
                units.len() - 1
            });
            if m.group && !known.contains_key(name.as_str()) {
                units[i].kind = UnitKind::WorkingGroup;
            }
            if m.name != name && !units[i].aliases.contains(&m.name) {
                units[i].aliases.push(m.name.clone());
            }
            canonical.insert(m.name.clone(), name);
        }
        Registry { canonical, units }
    }

    /// The canonical name of a mentioned name.
    pub fn canonical(&self, name: &str) -> String {
        self.canonical
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// Canonical names, each once, in order.
    pub fn canonical_all(&self, names: &[String], skip: &[Name]) -> Vec<Name> {
        let mut out: Vec<Name> = Vec::new();
        for n in names {
            let c = self.canonical(n);
            if !out.iter().any(|o| *o == c) && !skip.iter().any(|s| *s == c) {
                out.push(c.into());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(name: &str) -> Mention {
        Mention {
            name: name.into(),
            group: false,
        }
    }

    #[test]
    fn folds_a_missing_city_prefix_and_a_nameplate() {
        let r = Registry::build(
            &[mention("市市场监管局"), mention("市场监管局(木雕红木局)")],
            None,
        );
        assert_eq!(r.canonical("市场监管局(木雕红木局)"), "市市场监管局");
        assert_eq!(r.units.len(), 1);
        assert_eq!(r.units[0].aliases, ["市场监管局(木雕红木局)"]);
    }

    #[test]
    fn folds_quote_variants_to_the_common_spelling() {
        let names = ["市\"五水共治\"办", "市\"五水共治办\"", "市\"五水共治\"办"];
        let r = Registry::build(&names.map(mention), None);
        assert_eq!(r.canonical("市\"五水共治办\""), "市\"五水共治\"办");
    }

    #[test]
    fn infers_kinds_from_names() {
        assert_eq!(infer_kind("横店镇"), UnitKind::Town);
        assert_eq!(infer_kind("市交投集团"), UnitKind::Enterprise);
        assert_eq!(infer_kind("市平台攻坚大会战指挥部"), UnitKind::WorkingGroup);
        assert_eq!(infer_kind("各镇、乡人民政府"), UnitKind::Collective);
        assert_eq!(infer_kind("广厦大学"), UnitKind::Other);
        assert_eq!(infer_kind("市发改局"), UnitKind::Department);
    }
}
