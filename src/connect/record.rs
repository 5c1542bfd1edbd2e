//! The channel record of a finished login: its name, the one place it is built, and
//! storing it (never silently over a channel connected another way).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::error::Error;
use crate::model::{Endpoints, Wire};
use crate::providers::identity::Account;
use crate::providers::{ClientAuth, Provider, RefreshRule};
use crate::store::{Backend, Channel, Secrets};

use super::events::Event;
use super::services::{Outcome, Services};

/// Who a finished login is for and which app, server and store it used.
pub struct Record {
    pub name: String,
    pub provider: String,
    pub account: Account,
    pub storage: Backend,
    pub sandbox: bool,
    pub client_id: String,
    pub client_auth: ClientAuth,
    pub endpoints: Endpoints,
    /// The flags to connect the same way again.
    pub connect_args: Vec<String>,
}

/// What the grant gave and how to renew it.
#[derive(Default)]
pub struct Grant {
    pub scopes: Vec<String>,
    pub requested_scopes: Vec<String>,
    pub missing_scopes: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub refresh_expires_at: Option<DateTime<Utc>>,
    pub has_refresh_token: bool,
    pub redirect_uri: String,
    pub wire: Wire,
    pub refresh: RefreshRule,
    pub callback_params: BTreeMap<String, String>,
    pub token_fields: BTreeMap<String, String>,
    pub oauth1: bool,
}

/// A new channel, issued `now`: the one place a login's channel record is built.
pub fn new_channel(record: Record, grant: Grant, now: DateTime<Utc>) -> Channel {
    Channel {
        name: record.name,
        provider: record.provider,
        account: record.account,
        scopes: grant.scopes,
        requested_scopes: grant.requested_scopes,
        missing_scopes: grant.missing_scopes,
        expires_at: grant.expires_at,
        refresh_expires_at: grant.refresh_expires_at,
        has_refresh_token: grant.has_refresh_token,
        store: record.storage,
        created_at: now,
        updated_at: now,
        needs_reconnect: false,
        sandbox: record.sandbox,
        client_id: record.client_id,
        client_auth: record.client_auth,
        endpoints: record.endpoints,
        redirect_uri: grant.redirect_uri,
        wire: grant.wire,
        refresh: grant.refresh,
        callback_params: grant.callback_params,
        token_fields: grant.token_fields,
        token_issued_at: Some(now),
        connect_args: record.connect_args,
        page: None,
        oauth1: grant.oauth1,
        handed_to_postiz: None,
    }
}

/// Store a new channel (never silently over one connected another way), and the error
/// to report after it when scopes are missing. `preference`: the backend chosen
/// explicitly this time, remembered.
pub fn store_channel(
    svc: &Services,
    provider: &Provider,
    mut channel: Channel,
    secrets: &Secrets,
    replace: bool,
    preference: Option<Backend>,
) -> Outcome {
    match replace {
        false => {
            let how = svc.store.connected_another_way(&channel);
            if let Some(kept) = svc.store.keep_apart(&mut channel) {
                svc.events.event(Event::KeptApart {
                    kept: &kept,
                    how: &how.unwrap_or_default(),
                    stored_as: &channel.name,
                });
            }
        }
        true => {
            if let Some(how) = svc.store.connected_another_way(&channel) {
                svc.events.event(Event::ReplacedOtherWay {
                    channel: &channel.name,
                    how: &how,
                });
            }
        }
    }
    // Under the channel's lock: a refresher of a previous connection must not interleave.
    svc.store
        .commit_locking(&channel, secrets, preference, "was connected")?;
    let scope_error = (!channel.missing_scopes.is_empty()).then(|| Error::ScopesMissing {
        channel: channel.name.clone(),
        missing: channel
            .missing_scopes
            .iter()
            .map(|s| (s.clone(), provider.scope_purpose(s).map(str::to_string)))
            .collect(),
        reconnect: channel.reconnect_command(),
    });
    Ok((channel, scope_error))
}

/// `provider:handle`; for an entry that serves many servers, `provider:handle@host`
/// (the issuer's or the authorization endpoint's host and port), unless the user named
/// the account with `--account`.
pub fn channel_name(
    provider: &Provider,
    handle: &str,
    endpoints: &Endpoints,
    named: bool,
) -> String {
    let host = endpoints
        .issuer
        .as_deref()
        .and_then(|issuer| url::Url::parse(issuer).ok())
        .or_else(|| url::Url::parse(&endpoints.authorize_url).ok())
        .and_then(|url| {
            let host = url.host_str()?.to_string();
            Some(match url.port() {
                Some(port) => format!("{host}:{port}"),
                None => host,
            })
        });
    match host.filter(|_| provider.channel_host && !named) {
        Some(host) => format!("{}:{handle}@{host}", provider.id),
        None => format!("{}:{handle}", provider.id),
    }
}
