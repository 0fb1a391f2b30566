use super::CliResult;
use super::args::SynthArgs;

pub fn run(_args: &SynthArgs) -> CliResult {
    Err("`synth` is not implemented yet".into())
}
