use super::args::SynthArgs;
use super::{CliResult, Global};
use crate::messages::{
    Localize, SYNTH_CANNOT_WRITE, SYNTH_JOURNAL_EXISTS, SYNTH_WROTE, SYNTH_WROTE_JOURNAL,
};
use crate::msg;
use crate::progress::progress_path;
use crate::store::write_dataset;
use crate::synth::synth;
use crate::synth_journal::synth_journal;

pub fn run(global: &Global, args: &SynthArgs) -> CliResult {
    let journal = progress_path(Some(&args.out))?;
    if args.entries.is_some() && std::fs::symlink_metadata(&journal).is_ok() {
        return Err(msg!(SYNTH_JOURNAL_EXISTS, path = journal.display()).into());
    }
    let data = synth(args.tasks, args.seed);
    write_dataset(&args.out, &data).map_err(|e| {
        msg!(
            SYNTH_CANNOT_WRITE,
            path = args.out.display(),
            error = e.localize(global.lang)
        )
    })?;
    let wrote = msg!(
        SYNTH_WROTE,
        tasks = data.tasks.len(),
        projects = data.projects.len(),
        units = data.units.len(),
        leaders = data.plan.leaders.len(),
        out = args.out.display()
    );
    println!("{}", wrote.render(global.lang));
    if let Some(entries) = args.entries {
        let text = synth_journal(&data, entries, args.seed);
        // Never over a journal that appeared meanwhile: created new.
        crate::files::write_new(&journal, text.as_bytes())
            .map_err(|e| msg!(SYNTH_CANNOT_WRITE, path = journal.display(), error = e))?;
        let wrote = msg!(
            SYNTH_WROTE_JOURNAL,
            entries = entries,
            path = journal.display()
        );
        println!("{}", wrote.render(global.lang));
    }
    Ok(())
}
