use super::CliResult;
use super::args::SynthArgs;
use crate::store::write_dataset;
use crate::synth::synth;

pub fn run(args: &SynthArgs) -> CliResult {
    let data = synth(args.tasks, args.seed);
    write_dataset(&args.out, &data)
        .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    println!(
        "wrote {} key tasks, {} projects, {} units, {} leaders to {}",
        data.tasks.len(),
        data.projects.len(),
        data.units.len(),
        data.plan.leaders.len(),
        args.out.display()
    );
    Ok(())
}
