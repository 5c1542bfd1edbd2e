use std::path::Path;

use crate::error::{Error, ExitCode};

use super::Context;

pub fn run(ctx: &Context, file: &Path) -> Result<ExitCode, Error> {
    if is_postiz_record(file) {
        return Err(Error::Usage(format!(
            "{} holds tokens of a Postiz deployment's channel row, not of a local channel: \
             put them back with postiz-connect postiz restore {} --env-file <Postiz .env>",
            file.display(),
            crate::ui::shell_word(&file.display().to_string())
        )));
    }
    let channel = ctx.store.restore(file)?;
    let store = channel.store.place();
    ctx.ui.step(if file.exists() {
        format!(
            "Restored {} into {store}; you can now delete {}",
            channel.name,
            file.display()
        )
    } else {
        format!("Restored {} into {store}", channel.name)
    });
    Ok(ExitCode::Ok)
}

/// A record `postiz refresh` kept aside (it names a deployment's row, not a channel).
fn is_postiz_record(file: &Path) -> bool {
    std::fs::read(file)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .is_some_and(|v| v.pointer("/row/id").is_some() && v.get("channel").is_none())
}
