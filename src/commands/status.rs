//! `postiz-connect status`: the stored channels (see `crate::connect::status`), shown.

use serde_json::{json, Value};

use crate::connect::report::{channel_json, describe_expiry};
use crate::connect::status::{self, LocalStatus};
use crate::error::{Error, ExitCode};
use crate::providers::RefreshStyle;
use crate::store::Channel;
use crate::ui::{duration_words, moment, shell_word, Styled, Ui};

use super::Context;

pub fn run(ctx: &Context) -> Result<ExitCode, Error> {
    let status = status::read(&ctx.store, chrono::Utc::now())?;
    if ctx.ui.json {
        show_json(&ctx.ui, &status);
    } else {
        show_text(&ctx.ui, &status);
    }
    Ok(status.code)
}

/// One JSON array: the channels, then the unreadable ones, then the pending records.
fn show_json(ui: &Ui, status: &LocalStatus) {
    let listing = &status.listing;
    let unreadable = listing
        .unreadable
        .iter()
        .map(|u| json!({"channel": u.channel, "unreadable": crate::ui::error_json(&u.error)}));
    let waiting = listing.waiting.iter().map(|w| {
        let (what, fix) = w.advice();
        json!({"channel": w.channel, "pending": {"path": w.path, "message": what, "fix": fix}})
    });
    ui.json_data(&Value::Array(
        listing
            .channels
            .iter()
            .map(channel_json)
            .chain(unreadable)
            .chain(waiting)
            .collect(),
    ));
}

/// The errors and pending records on stderr, then each channel on stdout.
fn show_text(ui: &Ui, status: &LocalStatus) {
    let listing = &status.listing;
    for u in &listing.unreadable {
        ui.error(&u.error);
    }
    for w in &listing.waiting {
        let (what, fix) = w.advice();
        ui.warn(format!("{what}\n  fix: {fix}"));
    }
    if listing.channels.is_empty() && status.code == ExitCode::Ok {
        ui.data("No channels connected. Connect one with: postiz-connect <provider> (see: postiz-connect providers)");
        return;
    }
    for c in &listing.channels {
        let mut text = Styled::new();
        text.bold(&c.name)
            .text(if c.is_sandboxed() { " (sandbox)" } else { "" });
        for line in &channel_lines(c) {
            text.newline().text(line);
        }
        ui.data(text);
    }
}

/// A channel's lines under its name.
fn channel_lines(c: &Channel) -> Vec<String> {
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
                        duration_words(std::time::Duration::from_secs(s))
                    ))
                    .unwrap_or_default()
            ),
            (_, true, Some(at)) => format!("yes, usable until {}", moment(at)),
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
            moment(handed.at),
            handed.row_id,
            if handed.organization.is_empty() {
                &handed.organization_id
            } else {
                &handed.organization
            },
            handed.database,
            shell_word(&handed.row_id)
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
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{tests::sample, Backend, Listing};
    use console::strip_ansi_codes;

    fn status_of(channels: Vec<Channel>, code: ExitCode) -> LocalStatus {
        LocalStatus {
            listing: Listing {
                channels,
                unreadable: vec![],
                waiting: vec![],
            },
            code,
        }
    }

    /// The rendering reads the service's data, captured: each channel under its name on
    /// stdout (nothing on stderr), the same channel as one JSON array with `--json`.
    #[test]
    fn status_shows_each_channel_in_text_and_in_json() {
        let mut channel = sample("custom:alice", Backend::File);
        channel.missing_scopes = vec!["email".into()];
        let status = status_of(vec![channel], ExitCode::Failure);
        let (ui, captured) = Ui::capture();
        show_text(&ui, &status);
        let out = strip_ansi_codes(&captured.stdout()).into_owned();
        assert!(
            out.starts_with("custom:alice\n  account:  alice\n"),
            "{out}"
        );
        assert!(out.contains("\n  scopes:   openid\n"), "{out}");
        assert!(
            out.contains("\n  missing:  email (connect again and approve them)\n"),
            "{out}"
        );
        assert!(
            out.ends_with("\n  store:    file (plain file, 0600)\n"),
            "{out}"
        );
        assert_eq!(captured.stderr(), "");

        let (ui, captured) = Ui::capture();
        show_json(&Ui { json: true, ..ui }, &status);
        let shown: Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(shown[0]["channel"], "custom:alice");
        assert_eq!(shown[0]["missing_scopes"], json!(["email"]));
        assert_eq!(shown[0]["store"], "file");
        assert_eq!(shown.as_array().unwrap().len(), 1);
    }

    #[test]
    fn no_channel_says_how_to_connect_one() {
        let (ui, captured) = Ui::capture();
        show_text(&ui, &status_of(vec![], ExitCode::Ok));
        assert_eq!(
            captured.stdout(),
            "No channels connected. Connect one with: postiz-connect <provider> (see: postiz-connect providers)\n"
        );
    }
}
