use std::time::Duration;

use chrono::Utc;
use serde_json::json;

use crate::error::{Error, ExitCode};
use crate::refresh::{self, Outcome, Policy};
use crate::secret::ExposeOption;

use super::Context;

/// Tokens this close to expiry are refreshed before printing: a script should not get a
/// token that dies during its first request.
const MARGIN: Duration = Duration::from_secs(60);

/// The one place a secret is printed: on purpose, to stdout, for scripts.
pub fn run(ctx: &Context, name: &str, no_refresh: bool) -> Result<ExitCode, Error> {
    let mut channel = ctx.store.get(name)?;
    // Due but not expired yet (an expired one gets the warning below, with the reason).
    let expired = channel.expires_at.is_some_and(|at| at <= Utc::now());
    if let (Some(handed), false, false) = (&channel.handed_to_postiz, no_refresh, expired) {
        if refresh::is_due(&channel, MARGIN, Utc::now()) {
            ctx.ui
                .warn(format!("{name}: not refreshed here: {}", handed.reason()));
        }
    }
    if !no_refresh && channel.can_refresh() && refresh::is_due(&channel, MARGIN, Utc::now()) {
        let http = ctx.network.client();
        let policy = Policy {
            within: MARGIN,
            ..Default::default()
        };
        match refresh::refresh_channel(&ctx.store, name, &policy, &http, &refresh::Gate::new(1)) {
            Outcome::Refreshed { .. } => ctx.ui.step(format!("refreshed {name} first")),
            Outcome::NotDue { .. }
            | Outcome::WouldRefresh
            | Outcome::CannotRefresh { .. }
            | Outcome::HandedToPostiz(_)
            | Outcome::TooYoung { .. } => {}
            Outcome::DeadGrant(e)
            | Outcome::Transient(e)
            | Outcome::Misconfigured(e)
            | Outcome::Failed(e) => {
                ctx.ui.warn(format!(
                    "{name} expired and could not be refreshed; no token printed"
                ));
                return Err(e);
            }
            Outcome::NotStored(e) => {
                ctx.ui.warn(format!(
                    "{name} has new tokens that are not in the store yet; no token printed"
                ));
                return Err(e);
            }
        }
        channel = ctx.store.get(name)?;
    }
    let secrets = ctx.store.secrets(&channel)?;
    if let Some(expires_at) = channel.expires_at {
        if expires_at <= Utc::now() {
            ctx.ui.warn(format!(
                "the access token of {name} expired at {}; {}",
                crate::ui::moment(expires_at),
                if let Some(handed) = &channel.handed_to_postiz {
                    format!("not refreshed here: {}", handed.reason())
                } else if channel.can_refresh() {
                    "run without --no-refresh to refresh it".to_string()
                } else {
                    format!("connect again: {}", channel.reconnect_command())
                }
            ));
        }
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
