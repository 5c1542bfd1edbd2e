use serde_json::{json, Value};

use crate::connect::report::{channel_json, describe_expiry};

use crate::error::{Error, ExitCode};
use crate::ui::Styled;

use super::Context;
use crate::providers::RefreshStyle;

pub fn run(ctx: &Context) -> Result<ExitCode, Error> {
    let listing = ctx.store.list()?;
    // An unreadable channel is reported, and the others are still shown. Exit 1, as
    // `postiz status` and `doctor` do, when any channel needs a person.
    let now = chrono::Utc::now();
    let code = if listing.unreadable.is_empty()
        && listing.waiting.is_empty()
        && !listing.channels.iter().any(|c| needs_a_person(c, now))
    {
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
                _ if c.handed_to_postiz.is_some() => "not here: handed to Postiz".to_string(),
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
        if let Some(handed) = &c.handed_to_postiz {
            lines.push(format!(
                "  postiz:   handed to Postiz {}: row {} of {} in {}; refresh it there: \
                 postiz-connect postiz refresh {} --env-file <Postiz .env>",
                crate::ui::moment(handed.at),
                handed.row_id,
                if handed.organization.is_empty() {
                    &handed.organization_id
                } else {
                    &handed.organization
                },
                handed.database,
                crate::ui::shell_word(&handed.row_id)
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
        text.bold(&c.name)
            .text(if c.is_sandboxed() { " (sandbox)" } else { "" });
        for line in &lines {
            text.newline().text(line);
        }
        ctx.ui.data(text);
    }
    Ok(code)
}

/// A channel only a reconnect brings back: marked so by a refresh (a dead grant), or
/// expired with no way to refresh it (no refresh token, a refresh token past its own
/// expiry, a provider without refresh, or an access token to exchange that is gone). A
/// channel handed to Postiz is Postiz's to keep alive: its copy here ageing is expected.
fn needs_a_person(c: &crate::store::Channel, now: chrono::DateTime<chrono::Utc>) -> bool {
    if c.handed_to_postiz.is_some() {
        return false;
    }
    let expired = c.expires_at.is_some_and(|at| at <= now);
    let refreshable = match c.refresh.style {
        RefreshStyle::RefreshToken => {
            c.has_refresh_token && c.refresh_expires_at.is_none_or(|at| at > now)
        }
        RefreshStyle::AccessToken | RefreshStyle::None => false,
    };
    c.needs_reconnect || (expired && !refreshable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{tests::sample, Backend};
    use chrono::{Duration, Utc};

    /// Who needs a person: a dead grant, or an expired token nothing can renew; not an
    /// expired token a refresh renews, nor a live one.
    #[test]
    fn a_channel_needs_a_person_when_only_a_reconnect_brings_it_back() {
        let now = Utc::now();
        let channel = |expires: i64, refresh_token: bool, style: RefreshStyle| {
            let mut c = sample("custom:a", Backend::File);
            c.expires_at = Some(now + Duration::minutes(expires));
            c.has_refresh_token = refresh_token;
            c.refresh.style = style;
            c
        };
        assert!(!needs_a_person(
            &channel(30, false, RefreshStyle::None),
            now
        ));
        assert!(!needs_a_person(
            &channel(-30, true, RefreshStyle::RefreshToken),
            now
        ));
        assert!(needs_a_person(
            &channel(-30, false, RefreshStyle::RefreshToken),
            now
        ));
        assert!(needs_a_person(&channel(-30, true, RefreshStyle::None), now));
        assert!(needs_a_person(
            &channel(-30, false, RefreshStyle::AccessToken),
            now
        ));
        let mut spent = channel(-30, true, RefreshStyle::RefreshToken);
        spent.refresh_expires_at = Some(now - Duration::minutes(1));
        assert!(needs_a_person(&spent, now));
        let mut dead = channel(30, true, RefreshStyle::RefreshToken);
        dead.needs_reconnect = true;
        assert!(needs_a_person(&dead, now));
        let mut handed = channel(-30, false, RefreshStyle::RefreshToken);
        handed.handed_to_postiz = Some(crate::store::HandedToPostiz {
            database: "postgresql://postiz:***@db/postiz".into(),
            organization_id: "org".into(),
            organization: "Acme".into(),
            row_id: "row".into(),
            at: now,
        });
        assert!(!needs_a_person(&handed, now));
    }
}
