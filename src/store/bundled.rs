//! The dataset compiled into the binary: Dongyang's 2023 breakdown.

/// Where the bundled files live in the repository; messages about them
/// name these paths.
pub const BUNDLED_DIR: &str = "data/dongyang-2023";

const PLAN: &str = include_str!("../../data/dongyang-2023/plan.ron");
const TASKS: &str = include_str!("../../data/dongyang-2023/tasks.ron");
const PROJECTS: &str = include_str!("../../data/dongyang-2023/projects.ron");
const UNITS: &str = include_str!("../../data/dongyang-2023/units.ron");

/// The bundled files as `(name, text)` pairs for [`super::load_sources`].
pub fn bundled_sources() -> [(&'static str, &'static str); 4] {
    [
        ("data/dongyang-2023/plan.ron", PLAN),
        ("data/dongyang-2023/tasks.ron", TASKS),
        ("data/dongyang-2023/projects.ron", PROJECTS),
        ("data/dongyang-2023/units.ron", UNITS),
    ]
}
