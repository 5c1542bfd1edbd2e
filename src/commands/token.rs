use serde_json::json;

use crate::error::{Error, ExitCode};

use super::Context;

/// The one place a secret is printed: on purpose, to stdout, for scripts.
pub fn run(ctx: &Context, name: &str) -> Result<ExitCode, Error> {
    let channel = ctx.store.get(name)?;
    let secrets = ctx.store.secrets(&channel)?;
    if let Some(expires_at) = channel.expires_at {
        if expires_at <= chrono::Utc::now() {
            ctx.ui.warn(format!(
                "the access token of {name} expired at {}; connect again (postiz-connect {})",
                expires_at.to_rfc3339(),
                channel.provider
            ));
        }
    }
    if ctx.ui.json {
        ctx.ui.json_data(&json!({
            "channel": channel.channel,
            "access_token": secrets.access_token,
            "token_type": "bearer",
            "expires_at": channel.expires_at.map(|t| t.to_rfc3339()),
        }));
    } else {
        ctx.ui.data(&secrets.access_token);
    }
    Ok(ExitCode::Ok)
}
