use super::*;

/// The duties by their definition: for each role in turn, each task in
/// order, each unit named, unless the unit has a duty on that task.
fn duties_by_definition(data: &Dataset, index: &Index) -> Vec<Vec<Duty>> {
    let mut duties: Vec<Vec<Duty>> = vec![Vec::new(); data.units.len()];
    for role in [Role::Lead, Role::Co, Role::Members] {
        for (i, task) in data.all_tasks().enumerate() {
            let names = match role {
                Role::Lead => &task.lead,
                Role::Co => &task.co,
                Role::Members => &task.co_members_of,
            };
            for name in names {
                if let Some(&u) = index.unit_by_name.get(name.as_str())
                    && !duties[u].iter().any(|d| d.task() == TaskRef(i))
                {
                    duties[u].push(Duty::new(TaskRef(i), role));
                }
            }
        }
    }
    duties
}

/// The index's duties, unit by unit.
fn listed(index: &Index) -> Vec<Vec<Duty>> {
    index.duties.iter().map(<[Duty]>::to_vec).collect()
}

#[test]
fn duties_follow_their_definition() {
    let mut data = crate::store::load(None).expect("the bundled data");
    // A unit named as lead and as cooperating on one task, and twice
    // among the cooperating units of another.
    let lead = data.tasks[0].lead[0].clone();
    data.tasks[0].co.push(lead.clone());
    data.tasks[1].co.push(lead.clone());
    data.tasks[1].co.push(lead.clone());
    let index = Index::new(&data);
    assert_eq!(listed(&index), duties_by_definition(&data, &index));
    let u = index.unit_by_name[lead.as_str()];
    let on_first: Vec<Role> = (index.duties[u].iter())
        .filter(|d| d.task() == TaskRef(0))
        .map(|d| d.role())
        .collect();
    assert_eq!(on_first, [Role::Lead]);
    let on_second = (index.duties[u].iter()).filter(|d| d.task() == TaskRef(1));
    assert_eq!(on_second.count(), 1);
}

/// The groups by their definition: each leader's tasks in order.
fn groups_by_definition(data: &Dataset) -> Vec<Vec<TaskRef>> {
    (data.plan.leaders.iter())
        .map(|l| {
            (data.all_tasks().enumerate())
                .filter(|(_, t)| t.leader.as_deref() == Some(l.id.as_str()))
                .map(|(i, _)| TaskRef(i))
                .collect()
        })
        .collect()
}

#[test]
fn lookups_built_on_two_threads_follow_their_definitions() {
    // Large enough for the IDs to be numbered on a thread of their own.
    let data = crate::synth::synth(PARALLEL_FROM + 500, 7);
    assert!(data.tasks.len() >= PARALLEL_FROM);
    let index = Index::new(&data);
    assert_eq!(listed(&index), duties_by_definition(&data, &index));
    assert_eq!(index.leader_tasks, groups_by_definition(&data));
    let mut items = 0;
    for (i, task) in data.all_tasks().enumerate() {
        assert_eq!(index.ids.task(&task.id), Some(TaskRef(i)), "{}", task.id);
        for (j, item) in task.items.iter().enumerate() {
            assert_eq!(index.ids.item(&item.id), Some((TaskRef(i), j)));
            assert_eq!(index.ids.task(&item.id), None, "{}", item.id);
            items += 1;
        }
    }
    assert!(items > 0, "the plan has sub-items");
    assert_eq!(index.ids.task("K999999.1"), None);
    assert_eq!(index.ids.item(&data.tasks[0].id), None);
}

#[test]
fn an_id_borne_twice_finds_its_last_bearer_and_long_ids_are_found() {
    let mut data = crate::synth::synth(20, 3);
    let long = "K1-an-id-longer-than-fifteen-bytes".to_string();
    data.tasks[3].id = long.as_str().into();
    data.tasks[5].id = data.tasks[4].id.clone();
    let index = Index::new(&data);
    assert_eq!(index.ids.task(&long), Some(TaskRef(3)));
    assert_eq!(index.ids.task(&data.tasks[4].id), Some(TaskRef(5)));
    assert_eq!(index.leader_tasks, groups_by_definition(&data));
}

#[test]
fn a_plan_by_section_groups_by_its_first_section() {
    let mut data = crate::synth::synth(30, 5);
    data.plan.by_section = true;
    for (i, task) in data.tasks.iter_mut().enumerate() {
        task.section = match i % 3 {
            0 => vec!["一、甲".into(), "（一）".into()].into(),
            1 => vec!["二、乙".into()].into(),
            _ => crate::model::List::new(),
        };
    }
    let index = Index::new(&data);
    assert_eq!(index.group_names[..3], ["一、甲", "二、乙", ""]);
    let firsts: Vec<usize> = index.leader_tasks.iter().map(|g| g[0].0).collect();
    assert_eq!(firsts[..3], [0, 1, 2]);
    let in_first = &index.leader_tasks[0];
    assert!(
        in_first
            .iter()
            .all(|r| r.0 % 3 == 0 && r.0 < data.tasks.len())
    );
    assert_eq!(in_first.len(), data.tasks.len().div_ceil(3));
}

/// The lookups live as long as the session: no list keeps spare room.
#[test]
fn the_lists_have_no_spare_room() {
    let data = crate::synth::synth(3_000, 8);
    let index = Index::new(&data);
    // The duties: 4 bytes each and one end per unit, nothing spare.
    let duties: usize = index.duties.iter().map(<[Duty]>::len).sum();
    assert!(duties > 3_000, "{duties} duties");
    let bytes = 4 * duties + 4 * data.units.len();
    assert_eq!(index.duties.heap_bytes(), bytes);
    for group in &index.leader_tasks {
        assert_eq!(group.capacity(), group.len());
    }
    let mut by_section = data.clone();
    by_section.plan.by_section = true;
    for group in &Index::new(&by_section).leader_tasks {
        assert_eq!(group.capacity(), group.len());
    }
}

#[test]
fn an_index_made_first_and_given_its_duties_is_the_whole_index() {
    let data = crate::synth::synth(PARALLEL_FROM + 500, 8);
    let whole = Index::new(&data);
    let mut first = Index::first(&data);
    assert!(first.duties.is_empty() && first.units_by_load.is_empty());
    assert_eq!(first.leader_tasks, whole.leader_tasks);
    assert_eq!(first.project_rows, whole.project_rows);
    first.add_duties(&data);
    assert_eq!(first.duties, whole.duties);
    assert_eq!(listed(&first), duties_by_definition(&data, &first));
    assert_eq!(first.loads, whole.loads);
    assert_eq!(first.units_by_load, whole.units_by_load);
    assert_eq!(first.unit_by_name, whole.unit_by_name);
}

#[test]
fn a_duty_is_four_bytes_and_keeps_its_task_and_role() {
    assert_eq!(size_of::<Duty>(), 4);
    for role in [Role::Lead, Role::Co, Role::Members] {
        for task in [0, 1, 99_999, (1 << 30) - 1] {
            let d = Duty::new(TaskRef(task), role);
            assert_eq!((d.task(), d.role()), (TaskRef(task), role));
        }
    }
}
