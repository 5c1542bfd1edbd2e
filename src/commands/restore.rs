use std::path::Path;

use crate::error::{Error, ExitCode};

use super::Context;

pub fn run(ctx: &Context, file: &Path) -> Result<ExitCode, Error> {
    let channel = ctx.store.restore(file)?;
    ctx.ui.step(format!(
        "Restored {} into the {}; you can now delete {}",
        channel.channel,
        channel.store.as_str(),
        file.display()
    ));
    Ok(ExitCode::Ok)
}
