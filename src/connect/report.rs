//! How a connect ended, told to the browser (its result page) and returned to the
//! caller as data, and how a stored channel is shown (shared with `status`).

use std::path::PathBuf;

use chrono::Utc;
use serde_json::{json, Value};

use crate::error::Error;
use crate::oauth::listener::Responder;
use crate::oauth::page::Page as ResultPage;
use crate::store::{Backend, Channel};

use super::services::{Outcome, Services};

/// A finished connect: the channel as stored, where its secrets are when a plain file
/// holds them, and the missing-scopes error to report after it (the channel is stored
/// all the same).
#[derive(Debug)]
pub struct Connected {
    pub channel: Channel,
    pub secrets_file: Option<PathBuf>,
    pub scope_error: Option<Error>,
}

/// Tell the browser how it ended; the channel stored, for the caller to show.
pub fn report(
    svc: &Services,
    outcome: Outcome,
    responder: Option<Responder>,
) -> Result<Connected, Error> {
    if let Some(responder) = responder {
        responder.finish(&result_page(&outcome));
    }
    let (channel, scope_error) = outcome?;
    let secrets_file = match channel.store {
        Backend::Keychain => None,
        Backend::File => Some(svc.store.secrets_path(&channel.name)),
    };
    Ok(Connected {
        channel,
        secrets_file,
        scope_error,
    })
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
        Some(at) => crate::text::expiry(at, Utc::now()),
    }
}
