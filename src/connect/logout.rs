//! `logout` as a service: revoke a stored channel's grant at its provider (RFC 7009, or
//! the OAuth 1.0a invalidation) and delete the channel here. A channel handed to Postiz
//! is refused unless only this copy goes; the dry run refuses what the real run refuses.

use crate::error::Error;
use crate::http::HttpClient;
use crate::model::ClientCredentials;
use crate::oauth::flow::{self, TokenHint};
use crate::oauth::oauth1;
use crate::store::{Channel, Secrets, Store};

use super::events::Event;
use super::services::Services;

/// What `logout --dry-run` finds: the channel, and whether its tokens would be revoked.
pub struct LogoutPreview {
    pub channel: Channel,
    /// Only this copy goes (`--local-only`, or a sandbox channel).
    pub local_only: bool,
    pub would_revoke: bool,
}

/// A channel logged out: deleted here, and whether its grant was revoked at the provider.
pub struct LoggedOut {
    pub channel: Channel,
    pub revoked: bool,
}

/// What `logout` would do to `name`, from the stored channel alone.
pub fn preview(store: &Store, name: &str, local_only: bool) -> Result<LogoutPreview, Error> {
    let channel = store.get(name)?;
    let local_only = local_only || channel.sandbox;
    refuse_revoking_what_postiz_holds(&channel, local_only)?;
    let would_revoke = !local_only && channel.endpoints.revoke_url.is_some();
    Ok(LogoutPreview {
        channel,
        local_only,
        would_revoke,
    })
}

/// Revoke `name`'s grant (unless `local_only`) and delete it; a failed revocation keeps
/// the channel.
pub fn logout(svc: &Services, name: &str, local_only: bool) -> Result<LoggedOut, Error> {
    let events = svc.events;
    // A channel that does not exist is said so before any lock is taken.
    svc.store.get(name)?;
    // Under the channel's lock, re-read: a refresher that was rotating it has finished,
    // so the tokens revoked are the newest, and nothing brings the channel back after.
    let _lock = svc.store.lock_channel(name)?;
    svc.store.finish_interrupted_locked(name)?;
    let channel = svc.store.get(name)?;
    let mut revoked = false;
    // A channel of the built-in sandbox: its provider was the tool's own emulation, gone
    // with the command that started it; there is nothing to revoke anywhere.
    let local_only = local_only || channel.sandbox;
    refuse_revoking_what_postiz_holds(&channel, local_only)?;
    if channel.sandbox {
        events.event(Event::SandboxNothingToRevoke { channel: name });
    }
    if !local_only {
        // Read before the request: a keychain that cannot be read is its own error, not
        // a failed revocation.
        let secrets = svc.store.secrets(&channel)?;
        revoked = revoke(&channel, &secrets, &svc.http).inspect_err(|_| {
            events.event(Event::KeptAfterFailedRevocation { channel: name });
        })?;
        if !revoked {
            events.event(Event::NoRevocationEndpoint {
                provider: &channel.provider,
            });
        }
    }
    svc.store.remove(&channel)?;
    Ok(LoggedOut { channel, revoked })
}

/// Revoke the stored grant; whether the provider has a revocation endpoint.
fn revoke(channel: &Channel, secrets: &Secrets, http: &HttpClient) -> Result<bool, Error> {
    let client = channel.client(secrets);
    if channel.oauth1 {
        revoke_oauth1(channel, secrets, http)
    } else {
        revoke_oauth2(channel, secrets, &client, http)
    }
}

/// Postiz holds the same grant as a channel handed to it: revoking it here would
/// disconnect the channel there, so only `--local-only` may remove it.
fn refuse_revoking_what_postiz_holds(channel: &Channel, local_only: bool) -> Result<(), Error> {
    let (Some(handed), false) = (&channel.handed_to_postiz, local_only) else {
        return Ok(());
    };
    let name = &channel.name;
    Err(Error::Rejected {
        what: format!(
            "{name} was handed to Postiz (row {} in {}): revoking its tokens at the \
             provider would disconnect the channel in Postiz too; nothing revoked, nothing \
             deleted",
            handed.row_id, handed.database
        ),
        fix: format!(
            "remove only this copy: postiz-connect logout {} --local-only",
            crate::text::shell_word(name)
        ),
    })
}

/// OAuth 1.0a: invalidate the access token with a request signed by it.
fn revoke_oauth1(channel: &Channel, secrets: &Secrets, http: &HttpClient) -> Result<bool, Error> {
    let Some(url) = &channel.endpoints.revoke_url else {
        return Ok(false);
    };
    let consumer = oauth1::Consumer {
        key: channel.client_id.clone(),
        secret: secrets.client_secret.clone().unwrap_or_default(),
    };
    let access = oauth1::TokenPair {
        token: secrets.access_token.clone(),
        secret: secrets.token_secret.clone().unwrap_or_default(),
        extra: Default::default(),
    };
    oauth1::invalidate(url, &consumer, &access, http).map(|()| true)
}

/// RFC 7009: the refresh token (which ends the grant at most providers), then the access
/// token for providers that keep them apart.
fn revoke_oauth2(
    channel: &Channel,
    secrets: &Secrets,
    client: &ClientCredentials,
    http: &HttpClient,
) -> Result<bool, Error> {
    let endpoints = &channel.endpoints;
    let access = || {
        flow::revoke(
            secrets.access_token.expose(),
            TokenHint::AccessToken,
            endpoints,
            client,
            http,
        )
    };
    match &secrets.refresh_token {
        Some(rt) => match flow::revoke(
            rt.expose(),
            TokenHint::RefreshToken,
            endpoints,
            client,
            http,
        )? {
            true => access(),
            false => Ok(false),
        },
        None => access(),
    }
}
