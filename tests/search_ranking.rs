//! Ranking and highlighting: Chinese, ASCII, IDs, pinyin, polyphones, and
//! no over-matching. A small hand-made dataset keeps the expectations exact.

use std::sync::Arc;

use duban::model::{Dataset, Item, Leader, List, Plan, Rules, Task, TaskKind, Unit, UnitKind};
use duban::search::{Field, Hit, Index, Kind, Searcher, Target, Via};

fn task(id: &str, text: &str) -> Task {
    Task {
        id: id.into(),
        kind: TaskKind::Key,
        leader: Some(format!("L{}", &id[1..2]).into()),
        number: id[3..].parse().unwrap_or(1),
        title: None,
        text: text.into(),
        items: List::new(),
        lead: vec!["市发改局".into()].into(),
        co: List::new(),
        co_members_of: List::new(),
        other_leaders: List::new(),
        section: List::new(),
        due: None,
        due_text: None,
        targets: List::new(),
    }
}

fn unit(name: &str, aliases: &[&str]) -> Unit {
    Unit {
        name: name.into(),
        kind: UnitKind::Department,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    }
}

fn dataset() -> Dataset {
    Dataset {
        plan: Plan {
            title: "测试".to_string(),
            issuer: "测试".to_string(),
            doc_number: "测试[2023]1号".to_string(),
            issued: None,
            year: 2023,
            addressees: Vec::new(),
            by_section: false,
            rules: Rules {
                note: String::new(),
                first_listed_lead: true,
                co_unordered: true,
                default_co: Vec::new(),
            },
            leaders: vec![
                Leader {
                    id: "L1".into(),
                    name: "黄胜可".to_string(),
                    title: "市长".to_string(),
                },
                Leader {
                    id: "L2".into(),
                    name: "郭锦明".to_string(),
                    title: "常务副市长".to_string(),
                },
            ],
        },
        tasks: vec![
            task("K1.1", "动态规划上报企业名录"),
            task("K1.2", "推进重点项目建设,动态储备重点项目50个"),
            task("K2.1", "加快银行网点建设,发展普惠金融"),
            task("K2.2", "持续推进行政审批制度改革"),
            task("K2.16", "实施制造业高质量发展行动,新增规上企业100家"),
            task("K2.17", "引进5G基站建设,GDP增长7.5%以上"),
        ],
        projects: vec![Task {
            id: "M1".into(),
            kind: TaskKind::Project,
            leader: Some("L2".into()),
            number: 1,
            title: Some("居家养老服务提升项目".into()),
            text: "居家养老服务提升项目。1.新建养老服务中心3家".into(),
            items: vec![Item {
                id: "M1.1".into(),
                text: "新建养老服务中心3家".into(),
            }]
            .into(),
            lead: vec!["市民政局".into()].into(),
            co: List::new(),
            co_members_of: List::new(),
            other_leaders: List::new(),
            section: List::new(),
            due: None,
            due_text: None,
            targets: List::new(),
        }],
        units: vec![
            unit("市发改局", &["发改局"]),
            unit("市经信局", &[]),
            unit("市财政局", &[]),
            unit("市民政局", &[]),
            unit("市交投集团", &[]),
            unit("横店镇", &[]),
            unit("市建设局", &[]),
            unit("市教育局", &[]),
            unit("市经济开发区管委会", &[]),
            unit("市就业管理中心", &[]),
        ],
    }
}

fn searcher() -> Searcher {
    Searcher::new(Arc::new(Index::build(&dataset())))
}

fn search(query: &str, kind: Option<Kind>) -> Vec<Hit> {
    searcher().search(query, kind, 20)
}

fn keys(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.target.key()).collect()
}

/// The characters a hit highlights, as a string.
fn highlighted(hit: &Hit) -> String {
    let chars: Vec<char> = hit.text.chars().collect();
    hit.ranges
        .iter()
        .flat_map(|r| chars[r.clone()].iter())
        .collect()
}

#[test]
fn a_contiguous_chinese_match_ranks_above_a_scattered_one() {
    let hits = search("规上企业", None);
    assert_eq!(keys(&hits)[..2], ["K2.16", "K1.1"]);
    assert!(hits[0].score > hits[1].score);
}

#[test]
fn chinese_highlights_land_on_the_matched_characters() {
    let hits = search("规上企业", None);
    assert_eq!(highlighted(&hits[0]), "规上企业");
    assert_eq!(hits[0].ranges, vec![15..19]);
    assert_eq!(hits[1].ranges, vec![2..3, 4..5, 6..8]);
}

#[test]
fn ascii_matches_case_insensitively_with_a_lowercase_query() {
    let hits = search("gdp", None);
    assert_eq!(keys(&hits), ["K2.17"]);
    assert_eq!(highlighted(&hits[0]), "GDP");
    assert!(!hits[0].pinyin_match);
}

#[test]
fn an_exact_id_comes_first_and_highlights_the_id() {
    let hits = search("k2.16", None);
    assert_eq!(hits[0].target, Target::Task("K2.16".to_string()));
    assert_eq!(hits[0].field, Field::Id);
    assert_eq!(hits[0].via, Via::Id);
    assert_eq!(hits[0].ranges, vec![0..5]);
}

#[test]
fn an_id_prefix_with_a_dot_lists_the_ids_it_begins() {
    let hits = search("K2.1", Some(Kind::Task));
    assert_eq!(keys(&hits), ["K2.1", "K2.16", "K2.17"]);
}

#[test]
fn project_sub_items_are_of_kind_project() {
    let hits = search("M1.1", None);
    assert_eq!(hits[0].target, Target::Item("M1.1".to_string()));
    assert_eq!(hits[0].kind, Kind::Project);
}

#[test]
fn unit_aliases_are_searched_and_point_at_the_unit() {
    let hits = search("发改局", Some(Kind::Unit));
    assert_eq!(keys(&hits), ["市发改局"]);
    assert_eq!(hits.len(), 1, "name and alias give one hit");
}

#[test]
fn leaders_are_found_by_name() {
    let hits = search("锦明", None);
    assert_eq!(hits[0].target, Target::Leader("L2".to_string()));
    assert_eq!(hits[0].kind, Kind::Leader);
}

#[test]
fn pinyin_initials_find_a_unit_and_highlight_its_characters() {
    let hits = search("fgj", Some(Kind::Unit));
    assert_eq!(keys(&hits)[0], "市发改局");
    assert!(hits[0].pinyin_match);
    assert_eq!(highlighted(&hits[0]), "发改局");
}

#[test]
fn pinyin_initials_find_the_economy_and_information_bureau() {
    let hits = search("jxj", Some(Kind::Unit));
    assert_eq!(keys(&hits), ["市经信局"]);
}

#[test]
fn pinyin_full_syllables_match() {
    let hits = search("fagai", Some(Kind::Unit));
    assert_eq!(keys(&hits), ["市发改局"]);
    assert_eq!(highlighted(&hits[0]), "发改");
}

#[test]
fn pinyin_initials_find_a_phrase_in_task_text() {
    let hits = search("gsqy", Some(Kind::Task));
    assert_eq!(keys(&hits), ["K2.16"]);
    assert_eq!(highlighted(&hits[0]), "规上企业");
}

#[test]
fn polyphone_zhong_and_chong_both_match() {
    assert_eq!(keys(&search("zhongdian", None))[0], "K1.2");
    assert_eq!(keys(&search("chongdian", None))[0], "K1.2");
}

#[test]
fn polyphone_hang_and_xing_both_match() {
    assert_eq!(keys(&search("yinhang", None)), ["K2.1"]);
    assert_eq!(keys(&search("xingzheng", None)), ["K2.2"]);
}

#[test]
fn a_direct_match_ranks_above_a_pinyin_match() {
    // `jy` is direct on nothing; add a unit whose name holds the letters.
    let mut data = dataset();
    data.units.push(unit("jy工作专班", &[]));
    let mut s = Searcher::new(Arc::new(Index::build(&data)));
    let hits = s.search("jy", Some(Kind::Unit), 20);
    assert_eq!(hits[0].target.key(), "jy工作专班");
    assert_eq!(hits[0].via, Via::Direct);
    assert!(hits[1..].iter().all(|h| h.pinyin_match), "{hits:?}");
    assert!(
        hits.len() > 1,
        "市就业管理中心 and 市教育局 match by pinyin"
    );
}

#[test]
fn one_letter_never_matches_by_pinyin() {
    assert!(search("j", None).is_empty());
}

#[test]
fn two_letters_light_up_only_a_small_share_of_units() {
    let data = duban::synth::synth(200, 5);
    let units = data.units.len();
    let mut s = Searcher::new(Arc::new(Index::build(&data)));
    for query in ["ji", "sj", "sh", "zh"] {
        let hits = s.search(query, Some(Kind::Unit), units);
        assert!(
            hits.len() * 5 <= units,
            "{query} matched {} of {units} units",
            hits.len()
        );
    }
}

#[test]
fn two_letters_do_not_match_long_task_texts_by_pinyin() {
    let data = duban::synth::synth(300, 5);
    let mut s = Searcher::new(Arc::new(Index::build(&data)));
    let hits = s.search("xz", Some(Kind::Task), 1000);
    assert!(hits.is_empty(), "{} task hits", hits.len());
}

#[test]
fn the_kind_filter_keeps_only_that_kind() {
    let hits = search("建设", Some(Kind::Unit));
    assert_eq!(keys(&hits), ["市建设局"]);
}

#[test]
fn the_limit_caps_the_hits() {
    assert_eq!(searcher().search("市", None, 3).len(), 3);
}

#[test]
fn an_empty_query_finds_nothing() {
    assert!(search("  ", None).is_empty());
}

/// Types each query key by key into one searcher and checks every
/// keystroke's hits against a fresh search of what is typed.
fn typing_matches_fresh_searches(tasks: usize, queries: &[&str], limit: usize) {
    let index = Arc::new(Index::build(&duban::synth::synth(tasks, 9)));
    for query in queries {
        let mut typing = Searcher::new(Arc::clone(&index));
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            let narrowed = typing.search(&typed, None, limit);
            let fresh = Searcher::new(Arc::clone(&index)).search(&typed, None, limit);
            assert_eq!(narrowed, fresh, "after typing {typed}");
        }
    }
}

#[test]
fn typing_gives_the_same_hits_as_a_fresh_search() {
    typing_matches_fresh_searches(
        400,
        // `shi` matches nothing by pinyin (one character), `shis` does
        // (市税务局): a keystroke may find what the one before could not.
        &["新增规上企业", "gsqy", "市发改局", "K3.1", "jxj", "shisw"],
        30,
    );
}

#[test]
fn the_best_few_hits_are_the_head_of_the_full_ranking() {
    // With a small limit, texts that cannot reach the top are not scored;
    // what is left must be exactly the head of the full ranking.
    let data = duban::synth::synth(3000, 4);
    let index = Arc::new(Index::build(&data));
    for query in [
        "新",
        "新增",
        "全",
        "全年",
        "推进",
        "规上",
        "市",
        "k",
        "K1",
        "gs",
        "x",
        "新增规上企业",
    ] {
        let all = Searcher::new(Arc::clone(&index)).search(query, None, usize::MAX);
        for limit in [1, 10, 50] {
            let few = Searcher::new(Arc::clone(&index)).search(query, None, limit);
            let head = &all[..limit.min(all.len())];
            assert_eq!(few, head, "{query} with limit {limit}");
        }
    }
}

#[test]
fn a_gapped_match_at_the_head_does_not_hide_a_whole_match_after_it() {
    // Texts that start with the query's first character but hold the rest
    // further on, and texts with the whole query after a separator: the
    // latter score higher, although they do not start with it.
    let mut data = duban::synth::synth(300, 4);
    let texts = [
        "新建小微企业园增加就业",
        "全年项目;新增规上企业",
        "推进新增规上企业",
    ];
    for (i, task) in data.tasks.iter_mut().enumerate() {
        task.text = format!("{}{i}", texts[i % texts.len()]).into();
        task.title = None;
        task.items.clear();
    }
    let index = Arc::new(Index::build(&data));
    let all = Searcher::new(Arc::clone(&index)).search("新增", Some(Kind::Task), usize::MAX);
    assert!(all[0].text.starts_with("全年项目;新增"), "{:?}", all[0]);
    for limit in [1, 10, 50, 150] {
        let few = Searcher::new(Arc::clone(&index)).search("新增", Some(Kind::Task), limit);
        assert_eq!(few, &all[..limit], "limit {limit}");
    }
}

#[test]
fn when_enough_texts_begin_with_the_query_the_rest_is_not_scored() {
    // 100 texts begin with 新增 and 100 hold it after a separator: they
    // beat every other text. The other 100 hold 新 and 增 apart, so they
    // score below any text holding 新增 whole, and need not be scored
    // while enough texts hold it.
    let index = index_of_300_tasks_in_turn(&[
        "新增规上企业",
        "全年项目;新增规上企业",
        "推进新建规上企业增长",
    ]);
    let mut full = Searcher::new(Arc::clone(&index));
    let all = full.search("新增", Some(Kind::Task), usize::MAX);
    assert_eq!(full.stats().scored, full.stats().candidates);
    for limit in [1, 10, 50, 100, 200] {
        let mut s = Searcher::new(Arc::clone(&index));
        let few = s.search("新增", Some(Kind::Task), limit);
        assert_eq!(few, &all[..limit], "limit {limit}");
        let stats = s.stats();
        assert!(stats.scored < stats.candidates, "limit {limit}: {stats:?}");
        // And typing on from the pruned state finds what a fresh search does.
        let on = s.search("新增规", Some(Kind::Task), limit);
        let fresh = Searcher::new(Arc::clone(&index)).search("新增规", Some(Kind::Task), limit);
        assert_eq!(on, fresh, "limit {limit}");
    }
    // With room for more than the texts holding it whole, all are scored.
    let mut s = Searcher::new(Arc::clone(&index));
    assert_eq!(s.search("新增", Some(Kind::Task), 250), &all[..250]);
    assert_eq!(s.stats().scored, s.stats().candidates);
}

#[test]
fn three_characters_stop_once_enough_texts_score_the_best() {
    // For three characters a text holding them at a clause start can
    // score as much as one beginning with them, so the head alone does
    // not settle it; but no text scores above the query alone, so once
    // enough texts score that, the rest is not scored.
    let index = index_of_300_tasks_in_turn(&[
        "深入推进乡村振兴",
        "全年项目;深入推进改革",
        "推进深化入户调查",
    ]);
    let mut full = Searcher::new(Arc::clone(&index));
    let all = full.search("深入推", Some(Kind::Task), usize::MAX);
    assert_eq!(full.stats().scored, full.stats().candidates);
    for limit in [1, 10, 50] {
        let mut s = Searcher::new(Arc::clone(&index));
        let few = s.search("深入推", Some(Kind::Task), limit);
        assert_eq!(few, &all[..limit], "limit {limit}");
        let stats = s.stats();
        assert!(stats.scored < stats.candidates, "limit {limit}: {stats:?}");
        let on = s.search("深入推进", Some(Kind::Task), limit);
        let fresh = Searcher::new(Arc::clone(&index)).search("深入推进", Some(Kind::Task), limit);
        assert_eq!(on, fresh, "limit {limit}");
    }
}

#[test]
fn every_short_chinese_hit_scores_what_the_fuzzy_matcher_gives() {
    // Texts holding the query whole are given their score without the
    // matcher; it must be the matcher's own, and nothing may be missed.
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    let mut data = duban::synth::synth(2000, 5);
    let texts = [
        "(企业",
        "企业",
        "规上企业",
        "企。业",
        "小微企业园;企业%",
        "业企",
    ];
    for (i, task) in data.tasks.iter_mut().enumerate().step_by(7) {
        task.text = format!("{}{}", texts[i % texts.len()], task.text).into();
    }
    let index = Arc::new(Index::build(&data));
    let matcher = SkimMatcherV2::default();
    for query in ["企", "企业", "新", "新增", "年", "全年", "%", "2023", "（"] {
        let hits = Searcher::new(Arc::clone(&index)).search(query, None, usize::MAX);
        let direct: Vec<&Hit> = hits.iter().filter(|h| h.via == Via::Direct).collect();
        for hit in &direct {
            assert_eq!(
                Some(hit.score),
                matcher.fuzzy_match(&hit.text, query),
                "{query} on {}",
                hit.text
            );
        }
        let expected = data
            .all_tasks()
            .filter(|t| {
                matcher.fuzzy_match(&t.text, query).is_some()
                    || (t.title.as_ref()).is_some_and(|x| matcher.fuzzy_match(x, query).is_some())
            })
            .count();
        let found = direct
            .iter()
            .filter(|h| matches!(h.target, Target::Task(_) | Target::Project(_)))
            .count();
        assert_eq!(found, expected, "{query}");
    }
}

#[test]
fn typing_with_a_small_limit_gives_the_same_hits_as_a_fresh_search() {
    // Short queries with a small limit leave texts unscored: narrowing must
    // start from what a fresh search would.
    let queries = ["新增规上企业", "全年完成", "gsqy", "市发改局", "k3.12"];
    typing_matches_fresh_searches(3000, &queries, 10);
}

#[test]
fn deleting_a_character_widens_the_search_again() {
    let mut s = searcher();
    assert_eq!(keys(&s.search("规上企业", None, 20)).len(), 2);
    assert_eq!(keys(&s.search("规上企", None, 20)).len(), 2);
    s.search("规上企业x", None, 20);
    assert_eq!(keys(&s.search("规上", None, 20)).len(), 2);
}

#[test]
fn a_common_character_looks_at_few_texts_and_ranks_as_the_full_ranking() {
    // 企 and 业 stand in a third of the texts, 新 and 新增 begin many:
    // about `limit` texts are looked at, and the hits are the head of the
    // full ranking.
    let index = Arc::new(Index::build(&duban::synth::synth(3000, 8)));
    for query in ["企", "业", "新", "新增", "企业"] {
        let all = Searcher::new(Arc::clone(&index)).search(query, None, usize::MAX);
        let mut s = Searcher::new(Arc::clone(&index));
        let few = s.search(query, None, 20);
        assert_eq!(few, &all[..20], "{query}");
        let stats = s.stats();
        assert!(stats.scored * 4 < stats.candidates, "{query}: {stats:?}");
    }
}

/// The index of 300 tasks whose texts are `texts` in turn, each followed
/// by its number (no titles, no sub-items).
fn index_of_300_tasks_in_turn(texts: &[&str]) -> Arc<Index> {
    let mut data = duban::synth::synth(300, 4);
    for (i, task) in data.tasks.iter_mut().enumerate() {
        task.text = format!("{}{i}", texts[i % texts.len()]).into();
        task.title = None;
        task.items.clear();
    }
    Arc::new(Index::build(&data))
}
