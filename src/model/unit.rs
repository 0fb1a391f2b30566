use serde::{Deserialize, Serialize};

use super::Name;

/// What sort of body a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// A government department or office (市发改局, 市府办).
    Department,
    /// A town, township or subdistrict (横店镇, 江北街道).
    Town,
    /// A state-owned or public enterprise (市交投集团, 市供电公司).
    Enterprise,
    /// A working group: 指挥部, 专班, 领导小组, 委员会, 联席会议.
    WorkingGroup,
    /// A collective reference to many units (市政府各部门, 各镇乡街道).
    Collective,
    /// Anything else (广厦大学, 市妇联).
    Other,
}

impl UnitKind {
    pub const ALL: [UnitKind; 6] = [
        UnitKind::Department,
        UnitKind::Town,
        UnitKind::Enterprise,
        UnitKind::WorkingGroup,
        UnitKind::Collective,
        UnitKind::Other,
    ];

    /// The name used in exports and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Department => "department",
            UnitKind::Town => "town",
            UnitKind::Enterprise => "enterprise",
            UnitKind::WorkingGroup => "working_group",
            UnitKind::Collective => "collective",
            UnitKind::Other => "other",
        }
    }
}

/// One entry of the unit registry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The canonical name every task refers to.
    pub name: Name,
    pub kind: UnitKind,
    /// Other spellings found in the source that mean this unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}
