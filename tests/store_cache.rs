//! The binary dataset cache is only ever a copy: a load through it gives
//! exactly what parsing the RON gives, and a cache file that is stale,
//! short, foreign, garbage or a planted link is noticed and written anew,
//! never trusted.

mod noise;

use std::fs;
use std::path::Path;
use std::process::Command;

use duban::model::{Dataset, Name};
use duban::store::{self, Cache, CacheUse};
use duban::synth::synth;
use proptest::prelude::*;
use tempfile::TempDir;

/// `data` written as a dataset directory.
fn written(data: &Dataset) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    store::write_dataset(dir.path(), data).expect("write dataset");
    dir
}

/// What parsing the RON gives, without any cache.
fn from_ron(dir: &Path) -> Dataset {
    match store::load_dir_cached(dir, &Cache::off()) {
        Ok((data, CacheUse::Off)) => data,
        other => panic!("expected a plain load, got {other:?}"),
    }
}

/// Loads `dir` through `cache`: the data and whether it was a hit.
fn through(dir: &Path, cache: &Cache) -> (Dataset, CacheUse) {
    store::load_dir_cached(dir, cache).expect("load through the cache")
}

fn assert_hit(used: &CacheUse) {
    assert!(
        matches!(used, CacheUse::Hit),
        "expected a hit, got {used:?}"
    );
}

fn assert_written(used: &CacheUse) {
    assert!(
        matches!(used, CacheUse::Written),
        "expected a rebuilt cache, got {used:?}"
    );
}

/// A dataset directory, its cache already written once.
fn cached(data: &Dataset) -> (TempDir, TempDir, Cache) {
    let dir = written(data);
    let home = tempfile::tempdir().expect("cache dir");
    let cache = Cache::at(home.path());
    let (_, used) = through(dir.path(), &cache);
    assert_written(&used);
    (dir, home, cache)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    #[test]
    fn a_load_from_the_cache_equals_the_ron_load(tasks in 1usize..80, seed in 0u64..1000) {
        let data = synth(tasks, seed);
        let (dir, _home, cache) = cached(&data);
        let (hit, used) = through(dir.path(), &cache);
        assert_hit(&used);
        prop_assert_eq!(&hit, &from_ron(dir.path()));
        prop_assert_eq!(&hit, &data);
    }
}

#[test]
fn the_bundled_dataset_round_trips_through_the_cache() {
    // Projects with sub-items, targets, dates, sections and aliases.
    let data = store::load(None).expect("bundled dataset");
    let (dir, _home, cache) = cached(&data);
    let (hit, used) = through(dir.path(), &cache);
    assert_hit(&used);
    assert_eq!(hit, data);
}

#[test]
fn a_changed_file_of_the_same_size_is_noticed() {
    let data = synth(40, 3);
    let (dir, _home, cache) = cached(&data);
    let tasks = dir.path().join("tasks.ron");
    let text = fs::read_to_string(&tasks).unwrap();
    let changed = text.replacen("新增", "新建", 1);
    assert_ne!(text, changed);
    assert_eq!(text.len(), changed.len());
    fs::write(&tasks, changed).unwrap();

    let (data, used) = through(dir.path(), &cache);
    assert_written(&used);
    assert_eq!(data, from_ron(dir.path()));
    assert!(data.tasks.iter().any(|t| t.text.contains("新建")));
    let (_, used) = through(dir.path(), &cache);
    assert_hit(&used);
}

/// The one cache file in `home`.
fn cache_file(home: &Path) -> std::path::PathBuf {
    let files: Vec<_> = fs::read_dir(home)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

/// Lays `bytes` over the cache file, then checks the next load parses the
/// RON, rewrites the cache, and the one after hits it.
fn replaced_cache_is_rebuilt(bytes: impl FnOnce(Vec<u8>) -> Vec<u8>) {
    replaced_cache_of_is_rebuilt(&synth(30, 11), bytes);
}

/// [`replaced_cache_is_rebuilt`] for the cache of `data`.
fn replaced_cache_of_is_rebuilt(data: &Dataset, bytes: impl FnOnce(Vec<u8>) -> Vec<u8>) {
    let data = data.clone();
    let (dir, home, cache) = cached(&data);
    let file = cache_file(home.path());
    let good = fs::read(&file).unwrap();
    fs::write(&file, bytes(good.clone())).unwrap();

    let (loaded, used) = through(dir.path(), &cache);
    assert_written(&used);
    assert_eq!(loaded, data);
    assert_eq!(fs::read(&file).unwrap(), good);
    let (_, used) = through(dir.path(), &cache);
    assert_hit(&used);
}

#[test]
fn a_truncated_cache_is_rebuilt() {
    replaced_cache_is_rebuilt(|mut b| {
        b.truncate(b.len() / 2);
        b
    });
}

#[test]
fn an_empty_cache_file_is_rebuilt() {
    replaced_cache_is_rebuilt(|_| Vec::new());
}

#[test]
fn a_cache_with_a_damaged_body_is_rebuilt() {
    replaced_cache_is_rebuilt(|mut b| {
        let at = b.len() - 10;
        b[at] ^= 1;
        b
    });
}

/// Key tasks enough for several chunks, which decode on several threads.
const CHUNKED: usize = 5000;

#[test]
fn a_damaged_chunk_among_several_is_rebuilt() {
    for at in [0.4, 0.6, 0.95] {
        replaced_cache_of_is_rebuilt(&synth(CHUNKED, 13), |mut b| {
            let at = (b.len() as f64 * at) as usize;
            b[at] ^= 0x10;
            b
        });
    }
}

#[test]
fn a_cache_cut_between_chunks_or_inside_one_is_rebuilt() {
    for keep in [0.3, 0.5, 0.99] {
        replaced_cache_of_is_rebuilt(&synth(CHUNKED, 14), |mut b| {
            b.truncate((b.len() as f64 * keep) as usize);
            b
        });
    }
}

#[test]
fn a_chunked_cache_of_another_dataset_is_not_trusted() {
    let (_, other_home, _) = cached(&synth(CHUNKED, 15));
    let foreign = fs::read(cache_file(other_home.path())).unwrap();
    replaced_cache_of_is_rebuilt(&synth(CHUNKED, 16), |_| foreign);
}

#[test]
fn a_chunked_cache_round_trips() {
    let data = synth(CHUNKED, 17);
    let (dir, _home, cache) = cached(&data);
    let (hit, used) = through(dir.path(), &cache);
    assert_hit(&used);
    assert_eq!(hit, data);
}

#[test]
fn a_cache_of_the_previous_format_is_rebuilt() {
    // Format 2 held every name of every task as a string of its own.
    replaced_cache_is_rebuilt(|mut b| {
        b[8..12].copy_from_slice(&2u32.to_le_bytes());
        b
    });
}

/// Every unit a task names, and every leader, is the registry's or the
/// plan's one copy of that name, not an equal string of its own.
fn assert_names_shared(data: &Dataset) {
    let mut mentions = 0;
    for task in data.all_tasks() {
        for name in task.lead.iter().chain(&task.co) {
            let unit = data.unit(name).expect("a registered unit");
            assert!(Name::ptr_eq(&unit.name, name), "{name} of {}", task.id);
            mentions += 1;
        }
        for id in task.leaders() {
            let leader = data.leader(id).expect("a known leader");
            assert!(Name::ptr_eq(&leader.id, id), "{id} of {}", task.id);
        }
    }
    assert!(mentions > data.units.len() * 10, "{mentions} mentions");
}

#[test]
fn names_are_shared_after_a_ron_load_and_after_a_cache_load() {
    // Enough tasks for several chunks, decoded on several threads, and
    // for a tasks.ron parsed in pieces.
    let data = synth(CHUNKED, 18);
    let dir = written(&data);
    assert_names_shared(&from_ron(dir.path()));
    let home = tempfile::tempdir().expect("cache dir");
    let cache = Cache::at(home.path());
    let (parsed, used) = through(dir.path(), &cache);
    assert_written(&used);
    assert_names_shared(&parsed);
    let (hit, used) = through(dir.path(), &cache);
    assert_hit(&used);
    assert_names_shared(&hit);
    assert_eq!(hit, data);
}

#[test]
fn a_cache_with_bytes_appended_is_rebuilt() {
    replaced_cache_is_rebuilt(|mut b| {
        b.extend_from_slice(b"\0\0");
        b
    });
}

#[test]
fn garbage_in_the_cache_is_rebuilt_without_panicking() {
    // Deterministic noise of the cache's own length.
    replaced_cache_is_rebuilt(|b| noise::noise(b.len()));
}

#[test]
fn the_cache_of_another_dataset_is_not_trusted() {
    // A well-formed cache file, but for other files: its key differs.
    let (_, other_home, _) = cached(&synth(30, 12));
    let foreign = fs::read(cache_file(other_home.path())).unwrap();
    replaced_cache_is_rebuilt(|_| foreign);
}

#[test]
fn an_unwritable_cache_dir_still_loads() {
    let data = synth(20, 5);
    let dir = written(&data);
    let home = tempfile::tempdir().unwrap();
    // A file where the directory should be: no one can create it, root
    // included.
    let blocked = home.path().join("cache");
    fs::write(&blocked, "a file").unwrap();
    let (loaded, used) = through(dir.path(), &Cache::at(&blocked));
    assert!(matches!(used, CacheUse::NotWritten { .. }), "{used:?}");
    assert_eq!(loaded, data);
}

#[cfg(unix)]
#[test]
fn a_link_at_the_cache_path_is_replaced_not_written_through() {
    let data = synth(20, 6);
    let dir = written(&data);
    let home = tempfile::tempdir().unwrap();
    let cache = Cache::at(home.path());
    let file = cache.file_for(dir.path()).unwrap();
    let victim = home.path().join("victim.txt");
    fs::write(&victim, "keep me").unwrap();
    std::os::unix::fs::symlink(&victim, &file).unwrap();

    let (loaded, used) = through(dir.path(), &cache);
    assert_written(&used);
    assert_eq!(loaded, data);
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(fs::symlink_metadata(&file).unwrap().file_type().is_file());
    let (_, used) = through(dir.path(), &cache);
    assert_hit(&used);
}

#[test]
fn small_datasets_are_not_cached_by_default() {
    let dir = written(&synth(20, 7));
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(["check", "--data"])
        .arg(dir.path())
        .env(store::CACHE_DIR_ENV, home.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(fs::read_dir(home.path()).unwrap().count(), 0);
}

/// A dataset past [`store::MIN_BYTES`], which the command line caches.
fn large() -> TempDir {
    let data = synth(5000, 8);
    let dir = written(&data);
    let bytes: u64 = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    assert!(bytes >= store::MIN_BYTES, "{bytes}");
    dir
}

fn check(dir: &Path, cache: &Path, lang: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(["--lang", lang, "check", "--data"])
        .arg(dir)
        .env(store::CACHE_DIR_ENV, cache)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_writes_the_cache_then_reads_it() {
    let dir = large();
    let home = tempfile::tempdir().unwrap();
    let first = check(dir.path(), home.path(), "en");
    assert!(first.status.success(), "{first:?}");
    let file = cache_file(home.path());
    let written = fs::metadata(&file).unwrap().modified().unwrap();
    let second = check(dir.path(), home.path(), "en");
    assert!(second.status.success(), "{second:?}");
    assert_eq!(first.stdout, second.stdout);
    assert!(second.stderr.is_empty(), "{second:?}");
    assert_eq!(fs::metadata(&file).unwrap().modified().unwrap(), written);
}

#[test]
fn an_unwritable_cache_gives_one_warning_in_the_users_language() {
    let dir = large();
    let home = tempfile::tempdir().unwrap();
    let blocked = home.path().join("cache");
    fs::write(&blocked, "a file").unwrap();
    for (lang, words) in [
        ("en", "could not write the dataset cache"),
        ("zh", "无法写入数据缓存"),
    ] {
        let out = check(dir.path(), &blocked, lang);
        assert!(out.status.success(), "{out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(words), "{stderr}");
        assert!(stderr.contains(&blocked.display().to_string()), "{stderr}");
    }
}
