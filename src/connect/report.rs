//! How a connect ended, told to the browser (its result page) and to the terminal, and
//! how a stored channel is shown (shared with `status`).

use chrono::Utc;
use serde_json::{json, Value};

use crate::error::{Error, ExitCode};
use crate::oauth::listener::Responder;
use crate::oauth::page::Page as ResultPage;
use crate::store::{Backend, Channel};

use super::services::{Outcome, Services};

/// Tell the browser and the terminal how it ended; the exit code.
pub fn report(
    svc: &Services,
    outcome: Outcome,
    responder: Option<Responder>,
) -> Result<ExitCode, Error> {
    let ui = &svc.ui;
    if let Some(responder) = responder {
        responder.finish(&result_page(&outcome));
    }
    let (channel, scope_error) = outcome?;
    if ui.json {
        ui.json_data(&channel_json(&channel));
    } else {
        ui.step(match channel.store {
            Backend::Keychain => format!("Stored {} in the OS keychain", channel.name),
            Backend::File => format!(
                "Stored {} in a plain-text file: {} (0600)",
                channel.name,
                svc.store.secrets_path(&channel.name).display()
            ),
        });
        ui.data(format!(
            "Connected {} (account {}), access token {}, refresh token: {}",
            channel.name,
            crate::ui::one_line(
                &channel
                    .account
                    .name
                    .clone()
                    .or(channel.account.handle())
                    .unwrap_or_default(),
                120
            ),
            describe_expiry(&channel),
            if channel.has_refresh_token {
                "yes"
            } else {
                "no"
            }
        ));
    }
    match scope_error {
        Some(err) => {
            ui.error(&err);
            Ok(err.exit_code())
        }
        None => Ok(ExitCode::Ok),
    }
}

/// The page the browser's tab ends on.
fn result_page(outcome: &Outcome) -> ResultPage {
    match outcome {
        Ok((channel, None)) => ResultPage::success(format!(
            "{} is connected. Granted scopes: {}.",
            channel.name,
            channel.scopes.join(" ")
        )),
        Ok((channel, Some(err))) => ResultPage::failure(
            "Connected, but permissions are missing",
            format!(
                "{} is connected without: {}.",
                channel.name,
                channel.missing_scopes.join(" ")
            ),
            err.fix(),
        ),
        Err(err) => ResultPage::failure(
            "Connection failed",
            err.to_string(),
            Some(format!(
                "{}{}",
                err.cause().map(|c| format!("{c}\n\n")).unwrap_or_default(),
                err.fix().map(|f| format!("Fix: {f}")).unwrap_or_default()
            )),
        ),
    }
}

/// The stable JSON shape of a channel (no secrets).
pub fn channel_json(c: &Channel) -> Value {
    json!({
        "channel": c.name,
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
        "sandbox": c.is_sandboxed(),
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
        "handed_to_postiz": c.handed_to_postiz.as_ref().map(|h| json!({"database": h.database, "organization_id": h.organization_id, "organization": h.organization, "row_id": h.row_id, "at": h.at.to_rfc3339()})),
    })
}

/// The access token's expiry, for people.
pub fn describe_expiry(c: &Channel) -> String {
    match c.expires_at {
        None => "does not expire (as far as the provider said)".into(),
        Some(at) => crate::ui::expiry(at, Utc::now()),
    }
}
