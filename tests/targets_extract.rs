//! Target extraction on sentences from the Dongyang 2023 source
//! (assets/source/dongyang-2023-key-tasks.md), as the importer cleans them.

use duban::model::{Cmp, Target};
use duban::targets::extract;
use proptest::prelude::*;

fn t(name: &str, value: f64, unit: &str, cmp: Cmp) -> Target {
    Target {
        name: name.to_string(),
        value,
        unit: unit.into(),
        cmp,
    }
}

#[test]
fn a_bare_count_is_exact_and_a_list_carries_its_verb() {
    // K2.16
    let text = r#"统筹抓好招引企业和本土企业培育,新增规上企业100家、亿元企业20家、"专精特新"小巨人企业5家。"#;
    assert_eq!(
        extract(text),
        [
            t("新增规上企业", 100.0, "家", Cmp::Exact),
            t("新增亿元企业", 20.0, "家", Cmp::Exact),
            t("新增\"专精特新\"小巨人企业", 5.0, "家", Cmp::Exact),
        ]
    );
}

#[test]
fn a_growth_rate_with_yishang_is_at_least_in_percent() {
    // K1.1: the second clause shares its numbers (分别), one per name.
    let text = "全面完成2023年全市经济社会发展预期目标。其中,地区生产总值增长7.5%以上;财政总收入、一般公共预算收入分别增长13.8%和12%以上;居民人均可支配收入增长与经济增长基本同步。";
    assert_eq!(
        extract(text),
        [
            t("地区生产总值增长", 7.5, "%", Cmp::AtLeast),
            t("财政总收入增长", 13.8, "%", Cmp::AtLeast),
            t("一般公共预算收入增长", 12.0, "%", Cmp::AtLeast),
        ]
    );
}

#[test]
fn housing_units_with_yishang() {
    // K3.25
    assert_eq!(
        extract("健全住房保障体系,筹集保障性租赁住房5000套以上。"),
        [t("筹集保障性租赁住房", 5000.0, "套", Cmp::AtLeast)]
    );
}

#[test]
fn charging_piles_at_the_end_of_a_long_sentence() {
    // K3.24
    let text = "倡导绿色低碳生活方式,大力提升公共交通、自行车、步行等绿色出行分担率,加大新能源汽车推广力度,新建新能源汽车公用充电桩300个。";
    assert_eq!(
        extract(text),
        [t("新建新能源汽车公用充电桩", 300.0, "个", Cmp::Exact)]
    );
}

#[test]
fn zhengqu_is_dropped_from_the_name() {
    // K2.13
    assert_eq!(
        extract("用好政策性开发性金融工具,争取专项债30亿元以上。"),
        [t("专项债", 30.0, "亿元", Cmp::AtLeast)]
    );
}

#[test]
fn lizheng_with_tupo_is_at_least() {
    // K2.19
    let text = "不断做强做优做大国有资本和企业,新增2A级以上国企1家,力争国企资产突破1200亿元,新增融资120亿元以上。";
    assert_eq!(
        extract(text),
        [
            t("新增2A级以上国企", 1.0, "家", Cmp::Exact),
            t("国企资产", 1200.0, "亿元", Cmp::AtLeast),
            t("新增融资", 120.0, "亿元", Cmp::AtLeast),
        ]
    );
}

#[test]
fn lizheng_alone_is_aim() {
    // The source has no 力争 before a bare number; this is its shape.
    assert_eq!(
        extract("力争新增上市企业3家。"),
        [t("新增上市企业", 3.0, "家", Cmp::Aim)]
    );
}

#[test]
fn zuoyou_is_about() {
    // The source has no 左右 target; this is its shape.
    assert_eq!(
        extract("粮食产量2亿斤左右。"),
        [t("粮食产量", 2.0, "亿斤", Cmp::About)]
    );
}

#[test]
fn buyidiyu_and_dizhi_set_the_comparison() {
    // K2.24 and K8.9 (PM2.5: digits beside Latin letters, in ug/m³).
    assert_eq!(
        extract("规范政府采购招投标机制,政府采购项目预留给中小企业比例不低于40%。"),
        [t("政府采购项目预留给中小企业比例", 40.0, "%", Cmp::AtLeast)]
    );
    assert_eq!(
        extract(
            "打好蓝天保卫战,确保空气优良天数比例达98%以上,PM2.5平均浓度低于22 ug/m³,空气质量综合指数稳中有降。"
        ),
        [
            t("空气优良天数比例", 98.0, "%", Cmp::AtLeast),
            t("PM2.5平均浓度", 22.0, "ug/m³", Cmp::AtMost),
        ]
    );
}

#[test]
fn numbered_sub_items_and_spaces_are_read() {
    // M5 as a project's text, and the spacing of the raw source.
    let text = "1.完成四好农村路提升改造100公里,着力优化全市农村公路路网结构。2.新改建港湾式停靠站175个,实现全市行政村全覆盖。";
    assert_eq!(
        extract(text),
        [
            t("四好农村路提升改造", 100.0, "公里", Cmp::Exact),
            t("新改建港湾式停靠站", 175.0, "个", Cmp::Exact),
        ]
    );
    assert_eq!(
        extract("力争国企资产突破 1200 亿元"),
        [t("国企资产", 1200.0, "亿元", Cmp::AtLeast)]
    );
}

#[test]
fn shared_numbers_give_one_target_per_name() {
    assert_eq!(
        extract("规上工业总产值、规上工业增加值均增长10%以上"),
        [
            t("规上工业总产值增长", 10.0, "%", Cmp::AtLeast),
            t("规上工业增加值增长", 10.0, "%", Cmp::AtLeast),
        ]
    );
    assert_eq!(
        extract("财政总收入、一般公共预算收入分别增长13.8%和12%以上"),
        [
            t("财政总收入增长", 13.8, "%", Cmp::AtLeast),
            t("一般公共预算收入增长", 12.0, "%", Cmp::AtLeast),
        ]
    );
}

#[test]
fn shared_numbers_that_cannot_be_read_give_nothing() {
    for text in [
        "完成批而未供土地消化、存量用地盘活、低效用地再开发14000亩",
        "集聚区入区影视企业营收达250亿元、增长10%以上。",
        "其中制造业投资增长30%、占比达30%以上",
    ] {
        assert_eq!(extract(text), [], "{text}");
    }
}

#[test]
fn a_threshold_in_the_name_is_kept() {
    assert_eq!(
        extract("其中3亿元以上项目20个"),
        [t("3亿元以上项目", 20.0, "个", Cmp::Exact)]
    );
}

#[test]
fn numbers_that_are_not_targets_give_nothing() {
    for text in [
        // A range.
        "深化扩中提低共富大行动,家庭可支配收入10-50万元群体占比、20-60万元群体占比分别达到79%和42%。",
        // A rank, not a count.
        "全力抓好亚运会等重大维稳安保工作,平安建设进入全省前30",
        // Truncated by the PDF conversion.
        "规上数字经济核心产业制造业增加值增长13%以",
        // A number in parentheses, and one followed by a list of names.
        "完成基层医务人员服务能力培训全覆盖(600人次以上)",
        "首年完成学生宿舍维修改造提升项目6所(吴宁二中、巍山高中)",
        // Digits in the name that are not a threshold.
        "加快推进省级跨乡镇土地综合整治试点项目和\"11350\"重点工程项目建设。",
        // Years, ages and durations.
        "全面完成2023年全市经济社会发展预期目标。",
        "实现15分钟健康管理服务圈全覆盖。",
        // No number at all.
        "推进政务公开,让权力在阳光下运行。",
        "",
    ] {
        assert_eq!(extract(text), [], "{text}");
    }
}

#[test]
fn bundled_targets_have_short_names_and_positive_values() {
    let data = duban::store::load(None).expect("bundled dataset");
    let all: Vec<Target> = data.all_tasks().flat_map(|t| extract(&t.text)).collect();
    assert!(
        all.len() > 50,
        "only {} targets in the bundled data",
        all.len()
    );
    for target in all {
        let chars = target.name.chars().count();
        assert!((3..=20).contains(&chars), "{target:?}");
        assert!(target.value > 0.0, "{target:?}");
        assert!(digits_only_as_threshold_or_code(&target.name), "{target:?}");
    }
}

/// Digits in a target's name only in a threshold (3亿元以上项目) or a code
/// with Latin letters (PM2.5).
fn digits_only_as_threshold_or_code(name: &str) -> bool {
    !name.chars().any(|c| c.is_ascii_digit())
        || name.contains("以上")
        || name.contains("以下")
        || name.chars().any(|c| c.is_ascii_alphabetic())
}

proptest! {
    #[test]
    fn never_panics_and_names_hold_digits_only_in_a_threshold(text in "[新增企业家个亿元以上左右力争、,。.%0-9 ]{0,40}") {
        for target in extract(&text) {
            prop_assert!(digits_only_as_threshold_or_code(&target.name), "{:?}", target);
            prop_assert!(target.value > 0.0);
        }
    }
}
