use chrono::Utc;
use serde_json::{json, Value};

use crate::error::{Error, ExitCode};
use crate::store::Channel;
use crate::ui::Styled;

use super::Context;
use crate::providers::RefreshStyle;

/// The stable JSON shape of a channel (no secrets).
pub(super) fn channel_json(c: &Channel) -> Value {
    json!({
        "channel": c.channel,
        "provider": c.provider,
        "account": c.account.handle(),
        "account_id": c.account.id,
        "account_name": c.account.name,
        "scopes": c.scopes,
        "requested_scopes": c.requested_scopes,
        "missing_scopes": c.missing_scopes,
        "expires_at": c.expires_at.map(|t| t.to_rfc3339()),
        "refresh_expires_at": c.refresh_expires_at.map(|t| t.to_rfc3339()),
        "has_refresh_token": c.has_refresh_token,
        "needs_reconnect": c.needs_reconnect,
        "sandbox": c.sandbox,
        "store": c.store.as_str(),
        "client_id": c.client_id,
        "redirect_uri": c.redirect_uri,
        "oauth1": c.oauth1,
        "page": c.page.as_ref().map(|p| json!({"kind": p.kind, "id": p.id, "name": p.name, "own_token": p.own_token, "user": p.user})),
        "refresh": c.refresh.style,
        "callback_params": c.callback_params,
        "token_issued_at": c.token_issued_at.map(|t| t.to_rfc3339()),
        "created_at": c.created_at.to_rfc3339(),
        "updated_at": c.updated_at.to_rfc3339(),
    })
}

/// The access token's expiry, for people.
pub(super) fn describe_expiry(c: &Channel) -> String {
    match c.expires_at {
        None => "does not expire (as far as the provider said)".into(),
        Some(at) => crate::ui::expiry(at, Utc::now()),
    }
}

pub fn run(ctx: &Context) -> Result<ExitCode, Error> {
    let listing = ctx.store.list()?;
    // An unreadable channel is reported, and the others are still shown.
    let code = if listing.unreadable.is_empty() && listing.waiting.is_empty() {
        ExitCode::Ok
    } else {
        ExitCode::Failure
    };
    if ctx.ui.json {
        let unreadable = listing
            .unreadable
            .iter()
            .map(|u| json!({"channel": u.channel, "unreadable": crate::ui::error_json(&u.error)}));
        let waiting = listing.waiting.iter().map(|w| {
            let (what, fix) = w.advice();
            json!({"channel": w.channel, "pending": {"path": w.path, "message": what, "fix": fix}})
        });
        ctx.ui.json_data(&Value::Array(
            listing
                .channels
                .iter()
                .map(channel_json)
                .chain(unreadable)
                .chain(waiting)
                .collect(),
        ));
        return Ok(code);
    }
    for u in &listing.unreadable {
        ctx.ui.error(&u.error);
    }
    for w in &listing.waiting {
        let (what, fix) = w.advice();
        ctx.ui.warn(format!("{what}\n  fix: {fix}"));
    }
    let channels = listing.channels;
    if channels.is_empty() && code == ExitCode::Ok {
        ctx.ui.data("No channels connected. Connect one with: postiz-connect <provider> (see: postiz-connect providers)");
        return Ok(code);
    }
    for c in &channels {
        let mut lines = vec![format!(
            "  account:  {}{}",
            c.account.handle().unwrap_or_default(),
            c.account
                .name
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default()
        )];
        if let Some(page) = &c.page {
            lines.push(format!(
                "  {:<9} {} ({}), chosen by {}{}",
                format!("{}:", page.kind),
                page.name,
                page.id,
                page.user,
                if page.own_token {
                    ", its own token"
                } else {
                    ""
                }
            ));
        }
        lines.push(format!("  access:   {}", describe_expiry(c)));
        lines.push(format!(
            "  refresh:  {}",
            match (c.refresh.style, c.has_refresh_token, c.refresh_expires_at) {
                (RefreshStyle::None, _, _) => format!(
                    "not possible{}",
                    c.refresh
                        .note
                        .as_ref()
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default()
                ),
                (RefreshStyle::AccessToken, _, _) => format!(
                    "by exchanging the access token{}",
                    c.refresh
                        .min_age
                        .map(|s| format!(
                            " (once it is {} old)",
                            crate::ui::duration_words(std::time::Duration::from_secs(s))
                        ))
                        .unwrap_or_default()
                ),
                (_, true, Some(at)) => format!("yes, usable until {}", crate::ui::moment(at)),
                (_, true, None) => "yes".to_string(),
                (_, false, _) => "none: reconnect when the access token expires".to_string(),
            }
        ));
        if c.oauth1 {
            lines.push("  protocol: OAuth 1.0a (token and secret; no scopes)".into());
        } else {
            lines.push(format!("  scopes:   {}", c.scopes.join(" ")));
        }
        if !c.missing_scopes.is_empty() {
            lines.push(format!(
                "  missing:  {} (connect again and approve them)",
                c.missing_scopes.join(" ")
            ));
        }
        if c.needs_reconnect {
            lines.push(format!("  ! needs reconnect: {}", c.reconnect_command()));
        }
        lines.push(format!(
            "  store:    {}{}",
            c.store.as_str(),
            if c.store == crate::store::Backend::File {
                " (plain file, 0600)"
            } else {
                ""
            }
        ));
        let mut text = Styled::new();
        text.bold(&c.channel)
            .text(if c.sandbox { " (sandbox)" } else { "" });
        for line in &lines {
            text.newline().text(line);
        }
        ctx.ui.data(text);
    }
    Ok(code)
}
