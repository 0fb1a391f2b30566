//! The search cache is only ever a copy: an index read from it answers
//! every query as the index built from the dataset does, a hit does not
//! load the dataset, and a cache file that is stale, short, foreign,
//! garbage or a planted link is noticed and written anew, never trusted.

mod noise;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use duban::model::Dataset;
use duban::search::{Index, IndexFrom, Searcher, index_for};
use duban::store::{self, Cache};
use duban::synth::synth;
use tempfile::TempDir;

const QUERIES: &[&str] = &["企", "新增规上企业", "gsqy", "市发改局", "k1.1", "乡村振新"];

fn written(data: &Dataset) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    store::write_dataset(dir.path(), data).expect("write dataset");
    dir
}

fn through(dir: &Path, cache: &Cache) -> (Index, IndexFrom) {
    index_for(dir, cache).expect("index through the search cache")
}

/// Every query's hits on `index` equal those on an index built from `data`.
fn assert_answers_as_built(index: Index, data: &Dataset) {
    let built = Arc::new(Index::build(data));
    let index = Arc::new(index);
    for query in QUERIES {
        let a = Searcher::new(Arc::clone(&built)).search(query, None, 40);
        let b = Searcher::new(Arc::clone(&index)).search(query, None, 40);
        assert_eq!(a, b, "{query}");
    }
}

/// A dataset directory whose search cache has been written once.
fn cached(data: &Dataset) -> (TempDir, TempDir, Cache) {
    let dir = written(data);
    let home = tempfile::tempdir().expect("cache dir");
    let cache = Cache::at(home.path());
    let (_, from) = through(dir.path(), &cache);
    assert!(matches!(from, IndexFrom::Written), "{from:?}");
    (dir, home, cache)
}

/// The search cache file in `home`.
fn search_file(home: &Path) -> PathBuf {
    let files: Vec<PathBuf> = (fs::read_dir(home).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "search"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn a_hit_answers_as_the_built_index_without_loading_the_dataset() {
    let data = synth(300, 21);
    let (dir, home, cache) = cached(&data);
    // The load cache the first search wrote goes: a search that loaded
    // the dataset would write it again.
    for entry in fs::read_dir(home.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "bin") {
            fs::remove_file(path).unwrap();
        }
    }
    let (index, from) = through(dir.path(), &cache);
    assert!(matches!(from, IndexFrom::Cache), "{from:?}");
    assert_eq!(fs::read_dir(home.path()).unwrap().count(), 1);
    assert_answers_as_built(index, &data);
}

#[test]
fn the_bundled_dataset_answers_alike_through_the_cache() {
    // Traditional characters folded, aliases, projects with sub-items.
    let data = store::load(None).expect("bundled dataset");
    let (dir, _home, cache) = cached(&data);
    let (index, from) = through(dir.path(), &cache);
    assert!(matches!(from, IndexFrom::Cache), "{from:?}");
    assert_answers_as_built(index, &data);
}

#[test]
fn a_changed_task_text_is_found_at_once() {
    let mut data = synth(200, 22);
    let (dir, _home, cache) = cached(&data);
    data.tasks[7].text = "建设月球基地".into();
    store::write_dataset(dir.path(), &data).unwrap();
    let (index, from) = through(dir.path(), &cache);
    assert!(matches!(from, IndexFrom::Written), "{from:?}");
    let hits = Searcher::new(Arc::new(index)).search("月球", None, 5);
    assert_eq!(hits[0].target.key(), data.tasks[7].id);
}

#[test]
fn a_changed_leads_file_is_a_new_key() {
    let data = synth(100, 23);
    let (dir, _home, cache) = cached(&data);
    fs::write(dir.path().join(store::LEADS_FILE), "not ron").unwrap();
    // The load reads leads.ron again and says what is wrong with it.
    assert!(index_for(dir.path(), &cache).is_err());
}

/// Lays `bytes` over the search cache file, then checks the next search
/// builds the index again, writes the same file, and the one after hits.
fn replaced_cache_is_rebuilt(bytes: impl FnOnce(Vec<u8>) -> Vec<u8>) {
    let data = synth(60, 24);
    let (dir, home, cache) = cached(&data);
    let file = search_file(home.path());
    let good = fs::read(&file).unwrap();
    fs::write(&file, bytes(good.clone())).unwrap();
    let (index, from) = through(dir.path(), &cache);
    assert!(matches!(from, IndexFrom::Written), "{from:?}");
    assert_answers_as_built(index, &data);
    assert_eq!(fs::read(&file).unwrap(), good);
    let (_, from) = through(dir.path(), &cache);
    assert!(matches!(from, IndexFrom::Cache), "{from:?}");
}

#[test]
fn a_truncated_search_cache_is_rebuilt() {
    replaced_cache_is_rebuilt(|mut b| {
        b.truncate(b.len() / 2);
        b
    });
}

#[test]
fn an_empty_search_cache_is_rebuilt() {
    replaced_cache_is_rebuilt(|_| Vec::new());
}

#[test]
fn a_search_cache_with_a_damaged_body_is_rebuilt() {
    replaced_cache_is_rebuilt(|mut b| {
        let at = b.len() - 10;
        b[at] ^= 1;
        b
    });
}

#[test]
fn garbage_in_the_search_cache_is_rebuilt_without_panicking() {
    replaced_cache_is_rebuilt(|b| noise::noise(b.len()));
}

#[test]
fn the_search_cache_of_another_dataset_is_not_trusted() {
    let (_, other_home, _) = cached(&synth(60, 25));
    let foreign = fs::read(search_file(other_home.path())).unwrap();
    replaced_cache_is_rebuilt(|_| foreign);
}

#[test]
fn the_load_cache_laid_over_the_search_cache_is_not_trusted() {
    let (_, other_home, _) = cached(&synth(60, 24));
    let bin: Vec<PathBuf> = (fs::read_dir(other_home.path()).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .collect();
    let load_cache = fs::read(&bin[0]).unwrap();
    replaced_cache_is_rebuilt(|_| load_cache);
}

#[test]
fn an_unwritable_cache_dir_still_searches() {
    let data = synth(40, 26);
    let dir = written(&data);
    let home = tempfile::tempdir().unwrap();
    let blocked = home.path().join("cache");
    fs::write(&blocked, "a file").unwrap();
    let (index, from) = through(dir.path(), &Cache::at(&blocked));
    assert!(matches!(from, IndexFrom::NotWritten { .. }), "{from:?}");
    assert_answers_as_built(index, &data);
}

#[cfg(unix)]
#[test]
fn a_link_at_the_search_cache_path_is_replaced_not_written_through() {
    let data = synth(40, 27);
    let (dir, home, cache) = cached(&data);
    let file = search_file(home.path());
    fs::remove_file(&file).unwrap();
    let victim = home.path().join("victim.txt");
    fs::write(&victim, "keep me").unwrap();
    std::os::unix::fs::symlink(&victim, &file).unwrap();
    let (_, from) = through(dir.path(), &cache);
    assert!(matches!(from, IndexFrom::Written), "{from:?}");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(fs::symlink_metadata(&file).unwrap().file_type().is_file());
}

#[test]
fn small_datasets_are_not_cached_by_default() {
    let dir = written(&synth(20, 28));
    let home = tempfile::tempdir().unwrap();
    let out = search(dir.path(), home.path(), &["企业"]);
    assert!(out.status.success());
    assert_eq!(fs::read_dir(home.path()).unwrap().count(), 0);
}

fn search(dir: &Path, home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .arg("search")
        .args(args)
        .arg("--data")
        .arg(dir)
        .env(store::CACHE_DIR_ENV, home)
        .env("DUBAN_LANG", "en")
        .output()
        .expect("run duban")
}

#[test]
fn the_command_writes_the_search_cache_then_answers_from_it() {
    // Over the load cache's 1 MiB, as a real large dataset.
    let dir = written(&synth(4000, 29));
    let home = tempfile::tempdir().unwrap();
    let first = search(dir.path(), home.path(), &["新增规上企业", "--json"]);
    assert!(first.status.success(), "{first:?}");
    search_file(home.path());
    let again = search(dir.path(), home.path(), &["新增规上企业", "--json"]);
    assert_eq!(again.stdout, first.stdout);
    let timed = search(dir.path(), home.path(), &["企业", "--timings"]);
    let out = String::from_utf8(timed.stdout).unwrap();
    assert!(out.contains("index read from the search cache"), "{out}");
    assert!(!out.contains("load "), "{out}");
}

#[test]
fn an_unwritable_search_cache_warns_once_in_the_users_language() {
    let dir = written(&synth(4000, 30));
    let home = tempfile::tempdir().unwrap();
    let blocked = home.path().join("cache");
    fs::write(&blocked, "a file").unwrap();
    let out = search(dir.path(), &blocked, &["企业"]);
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.matches("could not write the search cache").count(),
        1,
        "{err}"
    );
    assert!(!String::from_utf8(out.stdout).unwrap().is_empty());
}
