//! Whatever the document, import returns a consistent dataset or an error
//! naming the document; it never panics.

use duban::import::import_document;
use duban::model::TaskId;
use proptest::prelude::*;

/// A dataset is consistent, or the error names the document.
fn check(text: &str) -> Result<(), TestCaseError> {
    match import_document(text, "random.md", None) {
        Ok(data) => {
            for t in data.all_tasks() {
                prop_assert!(t.id.parse::<TaskId>().is_ok(), "{}", t.id);
                if let Some(l) = &t.leader {
                    prop_assert!(data.leader(l).is_some(), "{} has unknown leader {l}", t.id);
                }
                for u in t.lead.iter().chain(&t.co) {
                    prop_assert!(data.unit(u).is_some(), "{u} not registered");
                }
            }
        }
        Err(e) => prop_assert!(e.to_string().starts_with("random.md:"), "{e}"),
    }
    Ok(())
}

/// Pieces the importer reacts to, to be combined at random.
const PIECES: [&str; 22] = [
    "# 2023年政府工作报告重点工作责任分解",
    "## 2023年民生实事责任分解",
    "一、张三市长牵头的重点工作",
    "二、李四副市长牵头的重点工作",
    "1.",
    "2．",
    "3、",
    "责任单位:",
    "责任单位：",
    "市发改局",
    "、",
    ",",
    "**",
    "(列第一位者为牵头单位,下同)",
    "指挥部各成员单位",
    "牵头市领导:张三",
    "配合单位:",
    "一、项目。",
    "抄送:",
    "\n",
    "\n\n#### ",
    "2023年1月28日",
];

proptest! {
    #[test]
    fn never_panics(picks in prop::collection::vec(0..PIECES.len(), 0..60)) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        check(&text)?;
    }

    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,200}") {
        check(&text)?;
    }
}
