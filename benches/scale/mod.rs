//! Which dataset sizes a bench run builds. 10,000 and 100,000 tasks are
//! built when a bench of theirs is selected (the setup is made on first
//! use, so a filter that selects only 10,000 writes no 100,000-task
//! dataset); 1,000,000 tasks (a 315 MB dataset, minutes and gigabytes) only
//! when the filter names them (`1m`, as in `quit-1m`) or `DUBAN_BENCH_1M`
//! is set.

/// Whether the run asks for 1,000,000 tasks.
pub fn wants_1m() -> bool {
    std::env::var_os("DUBAN_BENCH_1M").is_some()
        || (std::env::args().skip(1)).any(|arg| !arg.starts_with('-') && arg.contains("1m"))
}

/// A value made on first use: a bench's setup, made only if one of its
/// benches runs.
pub struct Lazy<T, F: Fn() -> T> {
    cell: std::cell::OnceCell<T>,
    make: F,
}

impl<T, F: Fn() -> T> Lazy<T, F> {
    pub fn new(make: F) -> Self {
        Lazy {
            cell: std::cell::OnceCell::new(),
            make,
        }
    }

    pub fn get(&self) -> &T {
        self.cell.get_or_init(&self.make)
    }
}

/// A bench's dataset directory: written for the run, or (at 1,000,000
/// tasks) one `duban synth --tasks 1000000` wrote before, named by
/// `DUBAN_BENCH_1M_DIR`, so a machine keeps one such dataset.
pub enum Data {
    Written(tempfile::TempDir),
    Given(std::path::PathBuf),
}

impl Data {
    pub fn new(tasks: usize) -> Data {
        if tasks >= 1_000_000
            && let Some(dir) = std::env::var_os("DUBAN_BENCH_1M_DIR")
        {
            return Data::Given(dir.into());
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let dataset = duban::synth::synth(tasks, 2023);
        duban::store::write_dataset(dir.path(), &dataset).expect("write");
        Data::Written(dir)
    }

    pub fn path(&self) -> &std::path::Path {
        match self {
            Data::Written(dir) => dir.path(),
            Data::Given(dir) => dir,
        }
    }
}
