//! What `duban remind` says: the 催报 notice for each unit owing reports.

use super::entries;

entries! {
    /// No unit owes a report on the date.
    REMIND_NONE {
        zh: "截至{as_of}，没有逾期未报的单位。",
        en: "As of {as_of}, no unit owes a report.",
    }
    /// The line naming the unit a notice is for.
    REMIND_UNIT { zh: "{unit}：", en: "{unit}:" }
    /// The notice's opening sentence: how many tasks, and the due date.
    REMIND_OPENING {
        zh: "截至{as_of}，贵单位牵头的以下{n}项工作已过报送时间（{due}），尚未报送进度，请抓紧报送：",
        en: "As of {as_of}, the {n} task(s) below that your unit leads were due for a progress report on {due} and have none. Please report them now:",
    }
    /// After a task missed more than one period in a row.
    REMIND_MISSED { zh: "（连续{n}期未报）", en: " ({n} periods missed)" }
}
