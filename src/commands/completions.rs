use std::io::Write;

use crate::error::{Error, ExitCode};

use super::Context;

/// The same script as `completions/` holds (`assets`), for this catalog.
pub fn run(ctx: &Context, shell: clap_complete::Shell) -> Result<ExitCode, Error> {
    let script = crate::assets::completion(shell, &ctx.catalog);
    if ctx.ui.json {
        ctx.ui.json_data(&serde_json::json!({
            "shell": shell.to_string(),
            "script": String::from_utf8_lossy(&script),
        }));
        return Ok(ExitCode::Ok);
    }
    // A closed pipe (`| head`) is not an error worth reporting.
    let mut out = ctx.ui.out.stdout_writer();
    let _ = out.write_all(&script).and_then(|()| out.flush());
    Ok(ExitCode::Ok)
}
