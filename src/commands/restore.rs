use std::path::Path;

use crate::error::{Error, ExitCode};

use super::Context;

pub fn run(ctx: &Context, file: &Path) -> Result<ExitCode, Error> {
    let channel = ctx.store.restore(file)?;
    let store = channel.store.place();
    ctx.ui.step(if file.exists() {
        format!(
            "Restored {} into {store}; you can now delete {}",
            channel.channel,
            file.display()
        )
    } else {
        format!("Restored {} into {store}", channel.channel)
    });
    Ok(ExitCode::Ok)
}
