use serde_json::json;

use crate::error::{Error, ExitCode};
use crate::refresh::{self, Advice, TokenEvent};
use crate::secret::ExposeOption;

use super::Context;

/// The one place a secret is printed: on purpose, to stdout, for scripts.
pub fn run(ctx: &Context, name: &str, no_refresh: bool) -> Result<ExitCode, Error> {
    let ui = &ctx.ui;
    let usable =
        refresh::usable_token(
            &ctx.store,
            &ctx.network,
            name,
            no_refresh,
            |event| match event {
                TokenEvent::NotRefreshedHere(reason) => {
                    ui.warn(format!("{name}: not refreshed here: {reason}"))
                }
                TokenEvent::RefreshedFirst => ui.step(format!("refreshed {name} first")),
                TokenEvent::RefreshFailed { not_stored: false } => ui.warn(format!(
                    "{name} expired and could not be refreshed; no token printed"
                )),
                TokenEvent::RefreshFailed { not_stored: true } => ui.warn(format!(
                    "{name} has new tokens that are not in the store yet; no token printed"
                )),
            },
        )?;
    let (channel, secrets) = (&usable.channel, &usable.secrets);
    if let Some(expired) = &usable.expired {
        ui.warn(format!(
            "the access token of {name} expired at {}; {}",
            crate::ui::moment(expired.at),
            match &expired.advice {
                Advice::NotHere(reason) => format!("not refreshed here: {reason}"),
                Advice::Refresh => "run without --no-refresh to refresh it".to_string(),
                Advice::Reconnect(command) => format!("connect again: {command}"),
            }
        ));
    }
    if ctx.ui.json {
        ctx.ui.json_data(&json!({
            "channel": channel.name,
            "access_token": secrets.access_token.expose(),
            "token_secret": secrets.token_secret.expose_str(),
            "token_type": if channel.oauth1 { "oauth1" } else { "bearer" },
            "expires_at": channel.expires_at.map(|t| t.to_rfc3339()),
        }));
    } else if let (true, Some(secret)) = (channel.oauth1, &secrets.token_secret) {
        // OAuth 1.0a: `token:secret`, the form Postiz stores for X.
        ctx.ui.data(format!(
            "{}:{}",
            secrets.access_token.expose(),
            secret.expose()
        ));
    } else {
        ctx.ui.data(secrets.access_token.expose());
    }
    Ok(ExitCode::Ok)
}
