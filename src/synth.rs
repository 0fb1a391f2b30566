//! Synthetic datasets for benchmarks and scale tests.
//!
//! [`synth`] builds a [`Dataset`] in memory with text shaped like a real
//! responsibility breakdown: units such as 市发改局, 横店镇 or 市交投集团,
//! leaders with Chinese names, and task sentences with targets such as
//! 新增规上企业100家. The same seed always gives the same dataset; a small
//! xorshift generator stands in for a random-number crate.

use crate::model::{
    Dataset, Item, Leader, List, Name, Plan, Rules, Task, TaskKind, Unit, UnitKind,
};

/// Livelihood projects per dataset, as in the source document.
pub const PROJECTS: usize = 10;

const DEPARTMENTS: &[&str] = &[
    "市发改局",
    "市经信局",
    "市财政局",
    "市自然资源和规划局",
    "市住建局",
    "市交通局",
    "市农业农村局",
    "市商务局",
    "市文广旅体局",
    "市市场监管局",
    "市科技局",
    "市人力社保局",
    "市教育局",
    "市民政局",
    "市公安局",
    "市卫健局",
    "市应急管理局",
    "市司法局",
    "市医保局",
    "市水务局",
    "市林业局",
    "市税务局",
    "市统计局",
    "市审计局",
    "市信访局",
    "市金融办",
    "市府办",
    "市综合行政执法局",
    "市生态环境局东阳分局",
    "市退役军人事务局",
];
const TOWNS: &[&str] = &[
    "吴宁街道",
    "白云街道",
    "江北街道",
    "城东街道",
    "南市街道",
    "六石街道",
    "歌山镇",
    "巍山镇",
    "虎鹿镇",
    "横店镇",
    "南马镇",
    "画水镇",
    "湖溪镇",
    "马宅镇",
    "千祥镇",
    "佐村镇",
    "东阳江镇",
    "三单乡",
];
const ENTERPRISES: &[&str] = &[
    "市交投集团",
    "市城投集团",
    "市水投集团",
    "市文旅集团",
    "市产发集团",
    "市金投集团",
    "市供电公司",
];
const GROUPS: &[&str] = &[
    "市疫情防控工作指挥部",
    "市共同富裕工作专班",
    "市招商引资工作领导小组",
];
const SURNAMES: &[&str] = &[
    "黄", "郭", "李", "徐", "范", "龚", "胡", "陈", "王", "张", "吴", "楼",
];
const GIVEN: &[&str] = &[
    "胜可", "锦明", "敢峰", "健", "锐", "杭娟", "育阳", "利群", "建华", "晓东", "卫国", "丽萍",
];
const TITLES: &[&str] = &["市长", "常务副市长", "常委副市长", "副市长"];
const VERBS: &[&str] = &[
    "深入推进",
    "加快建设",
    "全面实施",
    "持续深化",
    "积极培育",
    "大力发展",
    "着力打造",
    "扎实推进",
    "统筹推进",
    "迭代升级",
];
const TOPICS: &[&str] = &[
    "数字经济",
    "乡村振兴",
    "共同富裕示范区",
    "营商环境",
    "影视文化产业",
    "木雕红木产业",
    "磁性电子材料产业",
    "生态环境保护",
    "城市更新",
    "美丽乡村",
    "未来社区",
    "交通基础设施",
    "教育现代化",
    "健康东阳",
    "安全生产",
    "招商引资",
    "科技创新",
    "人才引育",
    "现代农业",
    "文旅融合",
    "重大项目",
    "行政审批制度改革",
    "综合行政执法",
    "养老服务",
    "医疗卫生",
    "银行业金融服务",
    "长三角一体化",
    "重点行业整治",
];
/// Target objects with the measure word that counts them.
const OBJECTS: &[(&str, &str)] = &[
    ("规上企业", "家"),
    ("高新技术企业", "家"),
    ("专精特新企业", "家"),
    ("未来社区", "个"),
    ("城镇污水管网", "公里"),
    ("农村公路", "公里"),
    ("标准地", "亩"),
    ("小微企业园", "个"),
    ("亿元以上项目", "个"),
    ("美丽乡村精品村", "个"),
    ("普惠性托育机构", "所"),
    ("高层次人才", "名"),
    ("老旧小区改造", "个"),
    ("充电桩", "个"),
    ("村卫生室", "家"),
];
const ACTIONS: &[&str] = &["新增", "完成", "建成", "培育", "招引", "改造提升", "新建"];
const GOALS: &[&str] = &[
    "确保完成上级下达的目标任务",
    "争创省级示范",
    "形成一批可复制可推广的经验",
    "让群众有更多获得感幸福感",
    "打造全省标杆",
    "实现全覆盖",
];

/// A xorshift64* generator: deterministic and good enough for test data.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15 | 1)
    }

    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub(crate) fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }

    pub(crate) fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

pub(crate) fn clause(rng: &mut Rng) -> String {
    let (object, measure) = OBJECTS[rng.below(OBJECTS.len())];
    let n = [5, 10, 12, 20, 30, 50, 100, 150, 200, 500][rng.below(10)];
    match rng.below(4) {
        0 => format!("{}{}{n}{measure}", rng.pick(ACTIONS), object),
        1 => format!(
            "{}{},{}",
            rng.pick(VERBS),
            rng.pick(TOPICS),
            rng.pick(GOALS)
        ),
        2 => format!(
            "全年{}{object}{n}{measure}以上,总投资{}亿元",
            rng.pick(ACTIONS),
            rng.between(2, 300)
        ),
        _ => format!(
            "{}{}行动,增长{}.{}%以上",
            rng.pick(VERBS),
            rng.pick(TOPICS),
            rng.between(3, 15),
            rng.below(10)
        ),
    }
}

fn sentence(rng: &mut Rng) -> String {
    let parts: Vec<String> = (0..rng.between(2, 3)).map(|_| clause(rng)).collect();
    format!("{}。", parts.join(";"))
}

fn unit_list(rng: &mut Rng, units: &[Unit], count: usize) -> Vec<Name> {
    let mut names: Vec<Name> = Vec::with_capacity(count);
    while names.len() < count {
        let name = &units[rng.below(units.len())].name;
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    names
}

fn registry() -> Vec<Unit> {
    let of = |names: &[&str], kind: UnitKind| -> Vec<Unit> {
        names
            .iter()
            .map(|name| Unit {
                name: (*name).into(),
                kind,
                aliases: name
                    .strip_prefix('市')
                    .filter(|_| kind == UnitKind::Department)
                    .map(|short| vec![short.to_string()])
                    .unwrap_or_default(),
            })
            .collect()
    };
    let mut units = of(DEPARTMENTS, UnitKind::Department);
    units.extend(of(TOWNS, UnitKind::Town));
    units.extend(of(ENTERPRISES, UnitKind::Enterprise));
    units.extend(of(GROUPS, UnitKind::WorkingGroup));
    units.extend(of(
        &["市政府各部门", "各镇、乡人民政府", "各街道办事处"],
        UnitKind::Collective,
    ));
    units
}

fn leaders(rng: &mut Rng) -> Vec<Leader> {
    (0..8)
        .map(|i| Leader {
            id: format!("L{}", i + 1).into(),
            name: format!(
                "{}{}",
                SURNAMES[(i * 5 + rng.below(3)) % SURNAMES.len()],
                GIVEN[i]
            ),
            title: TITLES[i.min(3)].to_string(),
        })
        .collect()
}

fn key_task(rng: &mut Rng, units: &[Unit], leader: usize, number: u32) -> Task {
    let lead = rng.between(1, 2);
    let co = rng.between(1, 6);
    let mut all = unit_list(rng, units, lead + co);
    let co_units = all.split_off(lead);
    Task {
        id: format!("K{leader}.{number}").into(),
        kind: TaskKind::Key,
        leader: Some(format!("L{leader}").into()),
        number,
        title: None,
        text: sentence(rng).into(),
        items: List::new(),
        lead: all.into(),
        co: co_units.into(),
        co_members_of: List::new(),
        other_leaders: List::new(),
        section: List::new(),
        due: None,
        due_text: None,
        targets: List::new(),
    }
}

fn project(rng: &mut Rng, units: &[Unit], number: u32) -> Task {
    let title = format!(
        "{}{}提升项目",
        rng.pick(TOPICS),
        rng.pick(&["服务", "能力", "水平"])
    );
    let items: Vec<Item> = (1..=rng.between(0, 3) as u32)
        .map(|i| Item {
            id: format!("M{number}.{i}").into(),
            text: sentence(rng).into(),
        })
        .collect();
    let body: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, item)| format!("{}.{}", i + 1, item.text))
        .collect();
    let co = rng.between(1, 4);
    Task {
        id: format!("M{number}").into(),
        kind: TaskKind::Project,
        leader: Some(format!("L{}", rng.between(1, 8)).into()),
        number,
        text: format!("{title}。{}", body.concat()).into(),
        title: Some(title.into()),
        items: items.into(),
        lead: unit_list(rng, units, 1).into(),
        co: unit_list(rng, units, co).into(),
        co_members_of: List::new(),
        other_leaders: List::new(),
        section: List::new(),
        due: None,
        due_text: None,
        targets: List::new(),
    }
}

/// A synthetic dataset with `tasks` key tasks spread over eight leaders,
/// ten livelihood projects and a registry of about sixty units.
pub fn synth(tasks: usize, seed: u64) -> Dataset {
    let mut rng = Rng::new(seed);
    let units = registry();
    let leaders = leaders(&mut rng);
    let per_leader = tasks.div_ceil(leaders.len()).max(1);
    let key_tasks = (0..tasks)
        .map(|i| {
            let leader = i / per_leader + 1;
            let number = (i % per_leader + 1) as u32;
            key_task(&mut rng, &units, leader, number)
        })
        .collect();
    let projects = (1..=PROJECTS as u32)
        .map(|n| project(&mut rng, &units, n))
        .collect();
    let mut data = Dataset {
        plan: Plan {
            title: "关于印发2023年政府工作报告重点工作责任分解的通知(合成数据)".to_string(),
            issuer: "示例市人民政府办公室".to_string(),
            doc_number: format!("示政办发[2023]{}号", seed % 100),
            issued: None,
            year: 2023,
            addressees: vec!["市政府各部门".to_string()],
            by_section: false,
            rules: Rules {
                note: "列第一位者为工作牵头或汇总单位,配合部门排名不分先后".to_string(),
                first_listed_lead: true,
                co_unordered: true,
                default_co: vec!["各镇、乡人民政府".into(), "各街道办事处".into()],
            },
            leaders,
        },
        tasks: key_tasks,
        projects,
        units,
    };
    data.share_names();
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_gives_the_same_dataset() {
        assert_eq!(synth(50, 7), synth(50, 7));
    }

    #[test]
    fn different_seeds_give_different_text() {
        assert_ne!(synth(50, 7).tasks[0].text, synth(50, 8).tasks[0].text);
    }

    #[test]
    fn writes_the_requested_number_of_tasks_with_unique_ids() {
        let data = synth(1001, 1);
        assert_eq!(data.tasks.len(), 1001);
        let mut ids: Vec<&str> = data.tasks.iter().map(|t| t.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 1001);
    }

    #[test]
    fn every_unit_a_task_names_is_in_the_registry() {
        let data = synth(200, 3);
        for task in data.all_tasks() {
            for unit in task.lead.iter().chain(&task.co) {
                assert!(data.unit(unit).is_some(), "{unit} of {}", task.id);
            }
        }
    }

    #[test]
    fn every_task_has_a_known_leader() {
        let data = synth(100, 3);
        for task in &data.tasks {
            let leader = task.leader.as_deref().unwrap_or("");
            assert!(data.leader(leader).is_some(), "{}", task.id);
        }
    }
}
