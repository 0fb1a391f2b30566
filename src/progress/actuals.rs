//! Actual values against a task's targets: which names an entry may carry,
//! and the percent they give. Shared by the command line and the editor.

use std::collections::HashSet;

use crate::model::{Actual, Dataset, Target};

/// An entry's actual values that no file may hold, whatever the dataset.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActualError {
    #[error("an actual value without a target name")]
    Unnamed,
    #[error("the actual value of `{0}` is not a finite number")]
    NotFinite(String),
    #[error("two actual values for `{0}`; expected one per target")]
    Repeated(String),
}

/// Checks that each actual names a target, is finite and is the only one
/// for its target.
pub fn check_actual_values(actuals: &[Actual]) -> Result<(), ActualError> {
    let mut seen = HashSet::new();
    for a in actuals {
        if a.target.trim().is_empty() {
            return Err(ActualError::Unnamed);
        } else if !a.value.is_finite() {
            return Err(ActualError::NotFinite(a.target.clone()));
        } else if !seen.insert(a.target.as_str()) {
            return Err(ActualError::Repeated(a.target.clone()));
        }
    }
    Ok(())
}

/// An actual value that names no target of its task.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnknownTarget {
    #[error("{task} has no targets, so it takes no actual values")]
    NoTargets { task: String },
    #[error("{task} has no target named `{name}`; its targets are {}", known.join("、"))]
    NotATarget {
        task: String,
        name: String,
        known: Vec<String>,
    },
}

/// The targets of a key task or project; none for a sub-item or an
/// unknown ID.
pub fn targets_of<'d>(data: &'d Dataset, task: &str) -> &'d [Target] {
    data.task(task).map_or(&[], |t| t.targets.as_slice())
}

/// Checks that every actual names one of the task's targets.
pub fn check_actuals(data: &Dataset, task: &str, actuals: &[Actual]) -> Result<(), UnknownTarget> {
    let targets = targets_of(data, task);
    let Some(stray) = actuals
        .iter()
        .find(|a| !targets.iter().any(|t| t.name == a.target))
    else {
        return Ok(());
    };
    if targets.is_empty() {
        return Err(UnknownTarget::NoTargets {
            task: task.to_string(),
        });
    }
    Err(UnknownTarget::NotATarget {
        task: task.to_string(),
        name: stray.target.clone(),
        known: targets.iter().map(|t| t.name.clone()).collect(),
    })
}

/// The percent actual values give: the mean share of the task's targets
/// ([`Target::percent_of`], at most 100 each), rounded down, where a target
/// without an actual counts 0 (so one target met of three is not done).
/// An at-most target (以下) counts 100 when met, 0 when not.
/// `None` without actuals or without a target that has a share.
pub fn percent_from_actuals(targets: &[Target], actuals: &[Actual]) -> Option<u8> {
    if actuals.is_empty() {
        return None;
    }
    let shares: Vec<u32> = targets
        .iter()
        .filter(|t| t.percent_of(t.value).is_some())
        .map(|t| {
            actuals
                .iter()
                .find(|a| a.target == t.name)
                .and_then(|a| t.percent_of(a.value))
                .map_or(0, u32::from)
        })
        .collect();
    let count = u32::try_from(shares.len()).ok().filter(|n| *n > 0)?;
    let mean = shares.iter().sum::<u32>() / count;
    Some(u8::try_from(mean.min(100)).unwrap_or(100))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cmp;

    fn target(name: &str, value: f64, cmp: Cmp) -> Target {
        Target {
            name: name.into(),
            value,
            unit: "家".into(),
            cmp,
        }
    }

    fn actual(name: &str, value: f64) -> Actual {
        Actual {
            target: name.into(),
            value,
        }
    }

    #[test]
    fn percent_is_the_mean_share_rounded_down() {
        let targets = [
            target("a", 100.0, Cmp::Exact),
            target("b", 20.0, Cmp::AtLeast),
        ];
        let got = percent_from_actuals(&targets, &[actual("a", 60.0), actual("b", 3.0)]);
        assert_eq!(got, Some(37), "(60 + 15) / 2");
    }

    #[test]
    fn an_overshoot_counts_as_full() {
        let targets = [
            target("a", 100.0, Cmp::AtLeast),
            target("b", 10.0, Cmp::Exact),
        ];
        let got = percent_from_actuals(&targets, &[actual("a", 250.0), actual("b", 5.0)]);
        assert_eq!(got, Some(75));
    }

    #[test]
    fn a_target_without_an_actual_counts_zero() {
        let targets = [
            target("a", 100.0, Cmp::Exact),
            target("b", 20.0, Cmp::AtLeast),
            target("c", 5.0, Cmp::Exact),
        ];
        assert_eq!(
            percent_from_actuals(&targets, &[actual("a", 100.0)]),
            Some(33)
        );
    }

    #[test]
    fn at_most_targets_count_when_met() {
        let targets = [
            target("a", 98.0, Cmp::AtLeast),
            target("PM2.5平均浓度", 22.0, Cmp::AtMost),
        ];
        let got = |pm: f64| {
            percent_from_actuals(&targets, &[actual("a", 49.0), actual("PM2.5平均浓度", pm)])
        };
        assert_eq!(got(30.0), Some(25), "(50 + 0) / 2: over the limit");
        assert_eq!(got(22.0), Some(75), "(50 + 100) / 2: at the limit is met");
    }

    #[test]
    fn an_at_most_target_alone_is_all_or_nothing() {
        let targets = [target("PM2.5平均浓度", 22.0, Cmp::AtMost)];
        assert_eq!(
            percent_from_actuals(&targets, &[actual("PM2.5平均浓度", 20.0)]),
            Some(100)
        );
        assert_eq!(
            percent_from_actuals(&targets, &[actual("PM2.5平均浓度", 23.0)]),
            Some(0)
        );
        assert_eq!(percent_from_actuals(&targets, &[]), None);
    }
}
