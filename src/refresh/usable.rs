//! A token to hand out (`token`): refreshed first when it is about to expire, with
//! what the caller should say about it. Printing the secret is the caller's.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::{is_due, refresh_channel, Asked, Gate, Outcome, Policy};
use crate::error::Error;
use crate::http::Network;
use crate::store::{Channel, Secrets, Store};

/// Tokens this close to expiry are refreshed before they are handed out: a script
/// should not get a token that dies during its first request.
pub const MARGIN: Duration = Duration::from_secs(60);

/// What happens before a token is handed out.
#[derive(Debug, PartialEq, Eq)]
pub enum BeforeUse {
    /// Hand out what is stored.
    AsIs,
    /// It is due: refresh it first.
    RefreshFirst,
    /// Due, but handed to Postiz, so not refreshed here (the reason). Said only while
    /// it has not expired yet: an expired one gets [`Advice::NotHere`].
    NotHere(String),
}

/// What to do before handing out `channel`'s token at `now`.
pub fn before_use(channel: &Channel, no_refresh: bool, now: DateTime<Utc>) -> BeforeUse {
    if no_refresh || !is_due(channel, MARGIN, now) {
        return BeforeUse::AsIs;
    }
    let expired = channel.expires_at.is_some_and(|at| at <= now);
    match &channel.handed_to_postiz {
        Some(handed) if !expired => BeforeUse::NotHere(handed.reason()),
        Some(_) => BeforeUse::AsIs,
        None if channel.can_refresh() => BeforeUse::RefreshFirst,
        None => BeforeUse::AsIs,
    }
}

/// The token handed out has expired: when, and what to do about it.
#[derive(Debug, PartialEq, Eq)]
pub struct Expired {
    pub at: DateTime<Utc>,
    pub advice: Advice,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Advice {
    /// Handed to Postiz: refresh it there (the reason says how).
    NotHere(String),
    /// It can be refreshed: run without `--no-refresh`.
    Refresh,
    /// Connect again with this command.
    Reconnect(String),
}

/// Whether `channel`'s access token has expired at `now`, and the way out.
pub fn expired(channel: &Channel, now: DateTime<Utc>) -> Option<Expired> {
    let at = channel.expires_at.filter(|at| *at <= now)?;
    let advice = if let Some(handed) = &channel.handed_to_postiz {
        Advice::NotHere(handed.reason())
    } else if channel.can_refresh() {
        Advice::Refresh
    } else {
        Advice::Reconnect(channel.reconnect_command())
    };
    Some(Expired { at, advice })
}

/// What happened on the way to the token.
#[derive(Debug, PartialEq, Eq)]
pub enum TokenEvent {
    /// Due, but handed to Postiz: not refreshed here (the reason).
    NotRefreshedHere(String),
    /// It was refreshed first.
    RefreshedFirst,
    /// It was due and the refresh failed: no token is handed out (the error follows).
    /// `not_stored`: the provider issued new tokens the store has not taken yet.
    RefreshFailed { not_stored: bool },
}

/// The token, ready to print.
#[derive(Debug)]
pub struct Usable {
    pub channel: Channel,
    pub secrets: Secrets,
    /// Set when the token handed out has expired (`--no-refresh`, or no way to refresh).
    pub expired: Option<Expired>,
}

/// `name`'s token, refreshed first when it expires within [`MARGIN`] (unless
/// `no_refresh`); `on` hears what happened on the way.
pub fn usable_token(
    store: &Store,
    network: &Network,
    name: &str,
    no_refresh: bool,
    mut on: impl FnMut(TokenEvent),
) -> Result<Usable, Error> {
    let mut channel = store.get(name)?;
    match before_use(&channel, no_refresh, Utc::now()) {
        BeforeUse::AsIs => {}
        BeforeUse::NotHere(reason) => on(TokenEvent::NotRefreshedHere(reason)),
        BeforeUse::RefreshFirst => {
            refresh_first(store, network, name, &mut on)?;
            channel = store.get(name)?;
        }
    }
    let secrets = store.secrets(&channel)?;
    let expired = expired(&channel, Utc::now());
    Ok(Usable {
        channel,
        secrets,
        expired,
    })
}

/// Refresh `name` before its token is handed out; a failure stops there.
fn refresh_first(
    store: &Store,
    network: &Network,
    name: &str,
    on: &mut impl FnMut(TokenEvent),
) -> Result<(), Error> {
    let policy = Policy {
        within: MARGIN,
        ..Default::default()
    };
    let http = network.client();
    match refresh_channel(store, name, Asked::ByName, &policy, &http, &Gate::new(1)) {
        Outcome::Refreshed { .. } => on(TokenEvent::RefreshedFirst),
        failed @ (Outcome::DeadGrant { .. }
        | Outcome::Transient(_)
        | Outcome::Misconfigured(_)
        | Outcome::Failed(_)
        | Outcome::NotStored(_)) => {
            on(TokenEvent::RefreshFailed {
                not_stored: matches!(failed, Outcome::NotStored(_)),
            });
            return Err(failed.into_error().expect("a failed outcome has its error"));
        }
        // Not due after all (another process refreshed it), or not refreshable: the
        // stored token it is.
        Outcome::NotDue { .. }
        | Outcome::WouldRefresh
        | Outcome::CannotRefresh { .. }
        | Outcome::HandedToPostiz { .. }
        | Outcome::TooYoung { .. } => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::RefreshStyle;
    use crate::store::tests::sample;
    use crate::store::{Backend, HandedToPostiz};
    use chrono::Duration as Span;

    fn t0() -> DateTime<Utc> {
        "2026-03-01T12:00:00Z".parse().unwrap()
    }

    fn expiring_in(span: Span) -> Channel {
        let mut c = sample("custom:alice", Backend::File);
        c.expires_at = Some(t0() + span);
        c
    }

    fn handed(mut c: Channel) -> Channel {
        c.handed_to_postiz = Some(HandedToPostiz {
            database: "postgres://postiz:***@127.0.0.1/postiz".into(),
            organization_id: "org-1".into(),
            organization: String::new(),
            row_id: "row-7".into(),
            at: t0(),
        });
        c
    }

    #[test]
    fn a_token_within_a_minute_of_expiry_is_refreshed_first() {
        let soon = expiring_in(Span::seconds(59));
        assert_eq!(before_use(&soon, false, t0()), BeforeUse::RefreshFirst);
        assert_eq!(
            before_use(&soon, true, t0()),
            BeforeUse::AsIs,
            "--no-refresh"
        );
        let later = expiring_in(Span::seconds(61));
        assert_eq!(before_use(&later, false, t0()), BeforeUse::AsIs);
        let gone = expiring_in(Span::seconds(-1));
        assert_eq!(before_use(&gone, false, t0()), BeforeUse::RefreshFirst);
        let mut forever = expiring_in(Span::zero());
        forever.expires_at = None;
        assert_eq!(before_use(&forever, false, t0()), BeforeUse::AsIs);
    }

    #[test]
    fn a_token_that_cannot_be_refreshed_is_handed_out_as_it_is() {
        let mut no_rt = expiring_in(Span::seconds(30));
        no_rt.has_refresh_token = false;
        assert_eq!(before_use(&no_rt, false, t0()), BeforeUse::AsIs);
        let mut none = expiring_in(Span::seconds(30));
        none.refresh.style = RefreshStyle::None;
        assert_eq!(before_use(&none, false, t0()), BeforeUse::AsIs);
    }

    #[test]
    fn a_due_token_handed_to_postiz_is_not_refreshed_and_says_why_once() {
        let soon = handed(expiring_in(Span::seconds(30)));
        match before_use(&soon, false, t0()) {
            BeforeUse::NotHere(reason) => assert!(reason.contains("row-7"), "{reason}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(before_use(&soon, true, t0()), BeforeUse::AsIs);
        // Expired: the expiry warning carries the reason instead.
        let gone = handed(expiring_in(Span::seconds(-30)));
        assert_eq!(before_use(&gone, false, t0()), BeforeUse::AsIs);
        assert!(matches!(
            expired(&gone, t0()),
            Some(Expired {
                advice: Advice::NotHere(_),
                ..
            })
        ));
    }

    #[test]
    fn an_expired_token_comes_with_the_way_out() {
        assert_eq!(expired(&expiring_in(Span::seconds(1)), t0()), None);
        let gone = expiring_in(Span::zero());
        assert_eq!(
            expired(&gone, t0()),
            Some(Expired {
                at: t0(),
                advice: Advice::Refresh
            })
        );
        let mut dead_end = gone.clone();
        dead_end.has_refresh_token = false;
        dead_end.connect_args = vec!["--issuer".into(), "http://127.0.0.1:9".into()];
        assert_eq!(
            expired(&dead_end, t0()).map(|e| e.advice),
            Some(Advice::Reconnect(
                "postiz-connect custom --issuer http://127.0.0.1:9".into()
            ))
        );
    }
}
