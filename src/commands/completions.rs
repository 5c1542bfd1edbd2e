use crate::cli::build_command;
use crate::error::{Error, ExitCode};

use super::Context;

pub fn run(ctx: &Context, shell: clap_complete::Shell) -> Result<ExitCode, Error> {
    let mut cmd = build_command(&ctx.catalog);
    clap_complete::generate(shell, &mut cmd, "postiz-connect", &mut std::io::stdout());
    Ok(ExitCode::Ok)
}
