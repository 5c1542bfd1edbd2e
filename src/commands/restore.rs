use std::path::Path;

use serde_json::json;

use crate::error::{Error, ExitCode};

use super::Context;

pub fn run(ctx: &Context, file: &Path, dry_run: bool) -> Result<ExitCode, Error> {
    if is_postiz_record(file) {
        return Err(Error::Usage(format!(
            "{} holds tokens of a Postiz deployment's channel row, not of a local channel: \
             put them back with postiz-connect postiz restore {} --env-file <Postiz .env>",
            file.display(),
            crate::ui::shell_word(&file.display().to_string())
        )));
    }
    if dry_run {
        let channel = ctx.store.read_recovery(file)?;
        let store = channel.store.place();
        if ctx.ui.json {
            ctx.ui.json_data(&json!({
                "channel": channel.name,
                "outcome": "would_restore",
                "store": channel.store.as_str(),
                "file": file.display().to_string(),
            }));
        } else {
            ctx.ui.info(format!(
                "would restore {} into {store} (dry run: nothing written)",
                channel.name
            ));
        }
        return Ok(ExitCode::Ok);
    }
    let channel = ctx.store.restore(file)?;
    let store = channel.store.place();
    if ctx.ui.json {
        ctx.ui.json_data(&json!({
            "channel": channel.name,
            "outcome": "restored",
            "store": channel.store.as_str(),
            "file": file.display().to_string(),
            "file_kept": file.exists(),
        }));
        return Ok(ExitCode::Ok);
    }
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
