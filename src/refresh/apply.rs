//! The applier of a refresh the decision step asked for: read the secrets, send the
//! token request (retrying transient failures), and make what came back durable before
//! anything else happens.

use chrono::{DateTime, Utc};
use oauth2::TokenResponse as _;

use super::decide::{cannot_refresh, Request, Spends};
use super::{classify, retry_delay, Class, Gate, Outcome, Policy};
use crate::error::Error;
use crate::http::HttpClient;
use crate::oauth::flow;
use crate::oauth::token::TokenResponse;
use crate::secret::{ExposeOption, Secret};
use crate::store::{Channel, Secrets, Store};

/// Send `request` for `channel` (read under its lock) and store the answer.
pub(super) fn apply(
    store: &Store,
    channel: &Channel,
    request: Request,
    policy: &Policy,
    http: &HttpClient,
    gate: &Gate,
) -> Outcome {
    let secrets = match store.secrets(channel) {
        Ok(s) => s,
        Err(e) => return Outcome::Failed(e),
    };
    // The metadata said there is one; the store is what counts.
    if request.spends == Spends::RefreshToken && secrets.refresh_token.is_none() {
        return cannot_refresh(channel, None, Utc::now());
    }
    let token = match request_token(channel, &secrets, policy, http, gate) {
        Ok(token) => token,
        Err(Failure::DeadGrant(err)) => return mark_for_reconnect(store, channel, err),
        Err(Failure::Transient(err)) => return Outcome::Transient(err),
        Err(Failure::Misconfigured(err)) => return Outcome::Misconfigured(err),
        Err(Failure::Other(err)) => return Outcome::Failed(err),
    };
    // The provider may have rotated, spending the old refresh token: the new tokens are
    // made durable before anything else.
    let renewed = renewed(channel, secrets, &token, Utc::now());
    if let Err(store_err) = store.commit(&renewed.channel, &renewed.secrets, None, "was refreshed")
    {
        return Outcome::NotStored(store_err);
    }
    Outcome::Refreshed {
        expires_at: renewed.channel.expires_at,
        rotated: renewed.rotated,
    }
}

/// A failed token request, classified (see [`classify`]).
enum Failure {
    DeadGrant(Error),
    Transient(Error),
    Misconfigured(Error),
    Other(Error),
}

/// The token request, through `gate`, with up to `policy.attempts` tries for transient
/// failures.
fn request_token(
    channel: &Channel,
    secrets: &Secrets,
    policy: &Policy,
    http: &HttpClient,
    gate: &Gate,
) -> Result<TokenResponse, Failure> {
    let client = channel.client(secrets);
    let renewal = flow::Renewal {
        refresh_token: secrets.refresh_token.expose_str(),
        access_token: secrets.access_token.expose(),
        endpoints: &channel.endpoints,
        client: &client,
        wire: &channel.wire,
        rule: &channel.refresh,
        callback_params: &channel.callback_params,
    };
    let mut attempt = 0;
    loop {
        attempt += 1;
        let err = match gate.pass(|| flow::refresh(&renewal, http)) {
            Ok(token) => return Ok(token),
            Err(err) => err,
        };
        match classify(&err) {
            Class::Transient if attempt < policy.attempts => {
                std::thread::sleep(retry_delay(&err, policy.backoff, attempt));
            }
            Class::Transient => return Err(Failure::Transient(err)),
            Class::DeadGrant => return Err(Failure::DeadGrant(err)),
            Class::Misconfigured => return Err(Failure::Misconfigured(err)),
            Class::Other => return Err(Failure::Other(err)),
        }
    }
}

/// The grant is dead: the channel is marked so `status` and the watcher stop counting
/// on it (its tokens stay: nothing else can use them, and a reconnect replaces them).
fn mark_for_reconnect(store: &Store, channel: &Channel, err: Error) -> Outcome {
    let mut marked = channel.clone();
    marked.needs_reconnect = true;
    marked.updated_at = Utc::now();
    match store.update_meta(&marked) {
        Ok(()) => Outcome::DeadGrant {
            error: err,
            reconnect: channel.reconnect_command(),
        },
        Err(store_err) => Outcome::Failed(store_err),
    }
}

/// What is stored after a successful refresh.
#[derive(Debug)]
pub(super) struct Renewed {
    pub channel: Channel,
    pub secrets: Secrets,
    /// The provider sent a refresh token other than the one spent.
    pub rotated: bool,
}

/// The channel and secrets after `token` came back at `now`: a refresh token that
/// did not come back is kept, as are the ID token and the token secret; the lifetime
/// is the answer's, or the previous one when it gives none; granted scopes replace
/// the stored ones.
pub(super) fn renewed(
    channel: &Channel,
    old: Secrets,
    token: &TokenResponse,
    now: DateTime<Utc>,
) -> Renewed {
    let rotated = token
        .refresh_token
        .as_ref()
        .is_some_and(|t| Some(t.secret().as_str()) != old.refresh_token.expose_str());
    let secrets = Secrets {
        access_token: Secret::new(token.access_token().secret().clone()),
        refresh_token: token
            .refresh_token
            .as_ref()
            .map(|t| t.secret().as_str().into())
            .or(old.refresh_token),
        id_token: token.id_token.clone().or(old.id_token),
        client_secret: old.client_secret,
        token_secret: old.token_secret,
    };
    let mut updated = channel.clone();
    updated.expires_at = match token.expires_in {
        Some(_) => token.expires_at(now),
        // `expires_in` is optional (RFC 6749 §5.1): without it, the previous lifetime is
        // the best estimate; taking "no expiry" would stop refreshing the channel.
        None => previous_lifetime(channel).and_then(|lifetime| now.checked_add_signed(lifetime)),
    };
    if token.refresh_expires_in().is_some() {
        updated.refresh_expires_at = token.refresh_expires_at(now);
    }
    if let Some(granted) = token.granted_scopes() {
        updated.missing_scopes = crate::oauth::scopes::missing(&updated.requested_scopes, &granted);
        updated.scopes = granted;
    }
    updated.has_refresh_token = secrets.refresh_token.is_some();
    updated.needs_reconnect = false;
    updated.updated_at = now;
    updated.token_issued_at = Some(now);
    Renewed {
        channel: updated,
        secrets,
        rotated,
    }
}

/// How long the previous access token lived, when both ends are known.
fn previous_lifetime(channel: &Channel) -> Option<chrono::Duration> {
    let lifetime = channel.expires_at? - channel.token_issued_at?;
    (lifetime > chrono::Duration::zero()).then_some(lifetime)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::sample;
    use crate::store::Backend;
    use chrono::Duration as Span;

    fn t0() -> DateTime<Utc> {
        "2026-03-01T12:00:00Z".parse().unwrap()
    }

    fn stored() -> (Channel, Secrets) {
        let mut c = sample("custom:alice", Backend::File);
        c.token_issued_at = Some(t0() - Span::hours(2));
        c.expires_at = Some(t0() - Span::hours(1));
        c.requested_scopes = vec!["openid".into(), "offline_access".into()];
        c.scopes = c.requested_scopes.clone();
        c.needs_reconnect = true;
        let secrets = Secrets {
            access_token: "old-at".into(),
            refresh_token: Some("old-rt".into()),
            id_token: Some("old-id".into()),
            client_secret: Some("client-secret".into()),
            token_secret: None,
        };
        (c, secrets)
    }

    fn answer(json: &str) -> TokenResponse {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_rotated_refresh_token_replaces_the_spent_one() {
        let (c, old) = stored();
        let r = renewed(
            &c,
            old,
            &answer(r#"{"access_token":"at2","refresh_token":"rt2","expires_in":600}"#),
            t0(),
        );
        assert!(r.rotated);
        assert_eq!(r.secrets.access_token.expose(), "at2");
        assert_eq!(r.secrets.refresh_token.expose_str(), Some("rt2"));
        assert_eq!(r.secrets.id_token.expose_str(), Some("old-id"));
        assert_eq!(r.secrets.client_secret.expose_str(), Some("client-secret"));
        assert_eq!(r.channel.expires_at, Some(t0() + Span::seconds(600)));
        assert_eq!(r.channel.token_issued_at, Some(t0()));
        assert!(r.channel.has_refresh_token);
        assert!(!r.channel.needs_reconnect, "a success clears the mark");
    }

    #[test]
    fn a_refresh_token_that_did_not_come_back_is_kept() {
        let (c, old) = stored();
        let r = renewed(&c, old.clone(), &answer(r#"{"access_token":"at2"}"#), t0());
        assert!(!r.rotated);
        assert_eq!(r.secrets.refresh_token.expose_str(), Some("old-rt"));
        assert!(r.channel.has_refresh_token);
        // The same one sent back is not a rotation either.
        let same = answer(r#"{"access_token":"at3","refresh_token":"old-rt"}"#);
        assert!(!renewed(&c, old, &same, t0()).rotated);
    }

    #[test]
    fn an_answer_without_a_lifetime_keeps_the_previous_one() {
        let (c, old) = stored();
        assert_eq!(previous_lifetime(&c), Some(Span::hours(1)));
        let r = renewed(&c, old.clone(), &answer(r#"{"access_token":"at2"}"#), t0());
        assert_eq!(r.channel.expires_at, Some(t0() + Span::hours(1)));
        // Unknown issue time: no estimate, so no expiry.
        let mut unknown = c.clone();
        unknown.token_issued_at = None;
        assert_eq!(previous_lifetime(&unknown), None);
        let r = renewed(&unknown, old, &answer(r#"{"access_token":"at2"}"#), t0());
        assert_eq!(r.channel.expires_at, None);
    }

    #[test]
    fn granted_scopes_and_the_refresh_tokens_lifetime_are_taken_when_sent() {
        let (mut c, old) = stored();
        c.refresh_expires_at = Some(t0() + Span::days(3));
        let r = renewed(&c, old.clone(), &answer(r#"{"access_token":"at2"}"#), t0());
        assert_eq!(r.channel.scopes, c.scopes, "no scope: the stored ones stay");
        assert_eq!(r.channel.refresh_expires_at, Some(t0() + Span::days(3)));
        let r = renewed(
            &c,
            old,
            &answer(r#"{"access_token":"at2","scope":"openid","refresh_token_expires_in":86400}"#),
            t0(),
        );
        assert_eq!(r.channel.scopes, vec!["openid"]);
        assert_eq!(r.channel.missing_scopes, vec!["offline_access"]);
        assert_eq!(r.channel.refresh_expires_at, Some(t0() + Span::days(1)));
    }

    #[test]
    fn an_oauth1_token_secret_survives_a_refresh() {
        let (c, mut old) = stored();
        old.token_secret = Some("ts".into());
        let r = renewed(&c, old, &answer(r#"{"access_token":"at2"}"#), t0());
        assert_eq!(r.secrets.token_secret.expose_str(), Some("ts"));
    }
}
