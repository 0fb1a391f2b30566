use super::args::SynthArgs;
use super::{CliResult, Global};
use crate::messages::{Localize, SYNTH_CANNOT_WRITE, SYNTH_WROTE};
use crate::msg;
use crate::store::write_dataset;
use crate::synth::synth;

pub fn run(global: &Global, args: &SynthArgs) -> CliResult {
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
    Ok(())
}
