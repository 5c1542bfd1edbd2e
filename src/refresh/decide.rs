//! The decision step of a refresh: what is stored about a channel, the policy and the
//! clock in; skip (why), refuse (the outcome carries the error and exit code), or the
//! request to send. No store, no network, no clock of its own: every rule is a unit test.

use chrono::{DateTime, Utc};

use super::{due, is_due, Outcome, Policy};
use crate::error::{Error, ExitCode};
use crate::providers::RefreshStyle;
use crate::store::Channel;

/// How the channel came to be looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// Named on the command line: a channel this tool must not refresh is refused.
    ByName,
    /// One of many (`--all`, the watcher): such a channel is skipped.
    AmongAll,
}

/// Which credential the token request spends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spends {
    /// `grant_type=refresh_token` (RFC 6749 §6): the stored refresh token, which a
    /// rotating provider invalidates once it answers.
    RefreshToken,
    /// The long-lived access token itself is exchanged (Meta's `ig_refresh_token`).
    AccessToken,
}

/// The token request the applier sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub spends: Spends,
}

#[derive(Debug)]
pub enum Decision {
    /// Nothing to send, and nothing the user must act on now: the outcome says why.
    Skip(Outcome),
    /// Nothing to send, and the outcome is a failure (its exit code is not 0).
    Refuse(Outcome),
    /// Send this request.
    Refresh(Request),
}

/// What to do with `channel` at `now`. The rules, in order (the first that applies wins):
/// handed to Postiz, even with `--force`; not due (unless `--force`); a provider that
/// cannot refresh (OAuth 1.0a, Mastodon) or no refresh token; a built-in sandbox that is
/// gone; a token too young for its provider (Meta: 24 h from `token_issued_at`); a dry
/// run; else the request. A refresh token past its recorded expiry is still sent: the
/// provider's answer decides, and a dead grant then marks the channel.
pub fn decide(channel: &Channel, asked: Asked, policy: &Policy, now: DateTime<Utc>) -> Decision {
    // Before anything else, `--force` included: the grant is Postiz's now.
    if let Some(handed) = &channel.handed_to_postiz {
        return Decision::without_request(Outcome::HandedToPostiz {
            reason: handed.reason(),
            refused: asked == Asked::ByName,
        });
    }
    if !policy.force && !is_due(channel, policy.within, now) {
        return Decision::Skip(Outcome::NotDue {
            expires_at: channel.expires_at,
            due: due(channel, policy.within),
        });
    }
    let rule = &channel.refresh;
    let spends = match rule.style {
        RefreshStyle::None => {
            return Decision::without_request(cannot_refresh(channel, rule.note.clone(), now))
        }
        RefreshStyle::RefreshToken if !channel.has_refresh_token => {
            return Decision::without_request(cannot_refresh(channel, None, now))
        }
        RefreshStyle::RefreshToken => Spends::RefreshToken,
        RefreshStyle::AccessToken => Spends::AccessToken,
    };
    // Only a channel that could be refreshed learns that its sandbox is gone.
    if channel.sandbox {
        return Decision::without_request(Outcome::Failed(sandbox_gone(channel)));
    }
    if let Some(allowed_from) = too_young_until(channel, now) {
        return Decision::Skip(Outcome::TooYoung {
            allowed_from,
            expires_at: channel.expires_at,
        });
    }
    if policy.dry_run {
        return Decision::Skip(Outcome::WouldRefresh);
    }
    Decision::Refresh(Request { spends })
}

impl Decision {
    /// An outcome reached without a request: a refusal when it fails the run.
    fn without_request(outcome: Outcome) -> Decision {
        match outcome.exit_code() {
            ExitCode::Ok => Decision::Skip(outcome),
            _ => Decision::Refuse(outcome),
        }
    }
}

/// The channel cannot be refreshed (`reason`, or no refresh token): fine until its
/// access token expires, a failure after.
pub(super) fn cannot_refresh(
    channel: &Channel,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Outcome {
    Outcome::CannotRefresh {
        expires_at: channel.expires_at,
        reason,
        expired: channel.expires_at.is_some_and(|at| at <= now),
        reconnect: channel.reconnect_command(),
    }
}

/// The provider (the emulation) is down for good: exit 5, as for any provider that is
/// down.
fn sandbox_gone(channel: &Channel) -> Error {
    Error::Unreachable {
        what: format!(
            "{} was connected to the built-in sandbox, which stopped when that command ended",
            channel.name
        ),
        cause: "a --sandbox emulation lives only as long as the connect that started it".into(),
        fix: format!(
            "connect it again ({}); to try refreshes, run `postiz-connect sandbox {} --auto-approve` and connect with the command it prints (no browser needed)",
            channel.reconnect_command(),
            channel.provider
        ),
    }
}

/// When a provider that refuses young tokens (`min_age`) will take this one, if that
/// is still to come. Unknown issue time (channels stored before it was kept): try.
fn too_young_until(channel: &Channel, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let (min_age, issued) = (channel.refresh.min_age?, channel.token_issued_at?);
    crate::oauth::token::expiry(issued, min_age).filter(|at| *at > now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::sample;
    use crate::store::{Backend, HandedToPostiz};
    use chrono::Duration as Span;

    fn t0() -> DateTime<Utc> {
        "2026-03-01T12:00:00Z".parse().unwrap()
    }

    /// A refresh-token channel whose 2-day token was issued at `t0() - age`.
    fn aged(age: Span) -> Channel {
        let mut c = sample("custom:alice", Backend::File);
        c.token_issued_at = Some(t0() - age);
        c.expires_at = Some(t0() - age + Span::days(2));
        c
    }

    fn due_now() -> Channel {
        aged(Span::days(2) - Span::minutes(30))
    }

    fn policy() -> Policy {
        Policy::default()
    }

    fn forced() -> Policy {
        Policy {
            force: true,
            ..Policy::default()
        }
    }

    fn decide_now(c: &Channel, policy: &Policy) -> Decision {
        decide(c, Asked::ByName, policy, t0())
    }

    fn is_refresh(d: &Decision, spends: Spends) -> bool {
        matches!(d, Decision::Refresh(r) if r.spends == spends)
    }

    fn handed() -> HandedToPostiz {
        HandedToPostiz {
            database: "postgres://postiz:***@127.0.0.1/postiz".into(),
            organization_id: "org-1".into(),
            organization: "Acme".into(),
            row_id: "row-7".into(),
            at: t0() - Span::days(1),
        }
    }

    #[test]
    fn a_due_channel_with_a_refresh_token_spends_it() {
        assert!(is_refresh(
            &decide_now(&due_now(), &policy()),
            Spends::RefreshToken
        ));
    }

    #[test]
    fn due_one_hour_before_expiry() {
        let expires_in = |m: i64| {
            let mut c = aged(Span::days(1));
            c.expires_at = Some(t0() + Span::minutes(m));
            c
        };
        assert!(is_refresh(
            &decide_now(&expires_in(59), &policy()),
            Spends::RefreshToken
        ));
        match decide_now(&expires_in(61), &policy()) {
            Decision::Skip(Outcome::NotDue { expires_at, due }) => {
                assert_eq!(expires_at, Some(t0() + Span::minutes(61)));
                let due = due.expect("it expires, so it becomes due");
                assert_eq!(due.at, t0() + Span::minutes(1));
                assert!(!due.half_life, "a day-long token: the hour rule");
            }
            other => panic!("{other:?}"),
        }
        // An expired token is due too.
        assert!(is_refresh(
            &decide_now(&expires_in(-5), &policy()),
            Spends::RefreshToken
        ));
    }

    #[test]
    fn a_short_lived_token_is_due_at_half_its_lifetime_not_at_once() {
        let mut c = sample("custom:alice", Backend::File);
        c.token_issued_at = Some(t0());
        c.expires_at = Some(t0() + Span::seconds(3599));
        match decide_now(&c, &policy()) {
            Decision::Skip(Outcome::NotDue { due: Some(due), .. }) => {
                assert!(due.half_life);
                assert_eq!(due.at, t0() + Span::milliseconds(1_799_500));
            }
            other => panic!("{other:?}"),
        }
        assert!(is_refresh(
            &decide(&c, Asked::ByName, &policy(), t0() + Span::minutes(30)),
            Spends::RefreshToken
        ));
    }

    #[test]
    fn force_refreshes_a_channel_that_is_not_due() {
        let fresh = aged(Span::minutes(5));
        assert!(matches!(
            decide_now(&fresh, &policy()),
            Decision::Skip(Outcome::NotDue { .. })
        ));
        assert!(is_refresh(
            &decide_now(&fresh, &forced()),
            Spends::RefreshToken
        ));
    }

    #[test]
    fn a_token_that_never_expires_is_never_due_but_can_be_forced() {
        let mut c = sample("custom:alice", Backend::File);
        c.expires_at = None;
        match decide_now(&c, &policy()) {
            Decision::Skip(o @ Outcome::NotDue { due: None, .. }) => {
                assert_eq!(o.exit_code(), ExitCode::Ok)
            }
            other => panic!("{other:?}"),
        }
        assert!(is_refresh(&decide_now(&c, &forced()), Spends::RefreshToken));
    }

    #[test]
    fn handed_to_postiz_wins_over_force_and_is_refused_only_by_name() {
        let mut c = due_now();
        c.expires_at = Some(t0() - Span::hours(1));
        c.handed_to_postiz = Some(handed());
        for policy in [policy(), forced()] {
            match decide(&c, Asked::ByName, &policy, t0()) {
                Decision::Refuse(o @ Outcome::HandedToPostiz { refused: true, .. }) => {
                    assert_eq!(o.exit_code(), ExitCode::Rejected);
                    let Outcome::HandedToPostiz { reason, .. } = o else {
                        unreachable!()
                    };
                    assert!(reason.contains("row row-7"), "{reason}");
                }
                other => panic!("{other:?}"),
            }
            match decide(&c, Asked::AmongAll, &policy, t0()) {
                Decision::Skip(o @ Outcome::HandedToPostiz { refused: false, .. }) => {
                    assert_eq!(o.exit_code(), ExitCode::Ok)
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn a_provider_that_cannot_refresh_is_never_sent_a_request() {
        // OAuth 1.0a (X as Postiz uses it), as `connect` stores it: no expiry, no
        // refresh, even with --force.
        let mut x = sample("x:alice", Backend::File);
        x.oauth1 = true;
        x.has_refresh_token = false;
        x.refresh.style = RefreshStyle::None;
        x.refresh.note = Some("OAuth 1.0a tokens do not expire".into());
        match decide_now(&x, &forced()) {
            Decision::Skip(
                o @ Outcome::CannotRefresh {
                    expired: false,
                    expires_at: None,
                    ..
                },
            ) => {
                assert_eq!(o.exit_code(), ExitCode::Ok);
                let Outcome::CannotRefresh { reason, .. } = o else {
                    unreachable!()
                };
                assert_eq!(reason.as_deref(), Some("OAuth 1.0a tokens do not expire"));
            }
            other => panic!("{other:?}"),
        }
        // A refresh token in the store changes nothing when the provider has no refresh.
        let mut mastodon = due_now();
        mastodon.refresh.style = RefreshStyle::None;
        assert!(matches!(
            decide_now(&mastodon, &policy()),
            Decision::Skip(Outcome::CannotRefresh { .. })
        ));
    }

    #[test]
    fn no_refresh_token_is_fine_until_the_access_token_expires() {
        let mut c = due_now();
        c.has_refresh_token = false;
        c.connect_args = vec!["--issuer".into(), "http://127.0.0.1:9/x y".into()];
        match decide_now(&c, &policy()) {
            Decision::Skip(Outcome::CannotRefresh {
                reason: None,
                expired: false,
                reconnect,
                ..
            }) => assert_eq!(
                reconnect,
                "postiz-connect custom --issuer 'http://127.0.0.1:9/x y'"
            ),
            other => panic!("{other:?}"),
        }
        c.expires_at = Some(t0());
        match decide_now(&c, &policy()) {
            Decision::Refuse(o @ Outcome::CannotRefresh { expired: true, .. }) => {
                assert_eq!(o.exit_code(), ExitCode::Rejected)
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn meta_exchanges_the_access_token_itself() {
        let mut c = due_now();
        c.refresh.style = RefreshStyle::AccessToken;
        c.has_refresh_token = false;
        assert!(is_refresh(&decide_now(&c, &policy()), Spends::AccessToken));
    }

    #[test]
    fn meta_refuses_a_token_younger_than_its_minimum_age() {
        let mut c = aged(Span::hours(3));
        c.refresh.style = RefreshStyle::AccessToken;
        c.refresh.min_age = Some(24 * 3600);
        match decide_now(&c, &forced()) {
            Decision::Skip(
                o @ Outcome::TooYoung {
                    allowed_from,
                    expires_at,
                },
            ) => {
                assert_eq!(allowed_from, t0() + Span::hours(21));
                assert_eq!(expires_at, c.expires_at);
                assert_eq!(o.exit_code(), ExitCode::Ok);
            }
            other => panic!("{other:?}"),
        }
        // A day and a second old: allowed.
        let mut old = aged(Span::hours(24) + Span::seconds(1));
        old.refresh = c.refresh.clone();
        assert!(is_refresh(
            &decide_now(&old, &forced()),
            Spends::AccessToken
        ));
        // Exactly at the minimum age: allowed.
        let mut edge = aged(Span::hours(24));
        edge.refresh = c.refresh.clone();
        assert!(is_refresh(
            &decide_now(&edge, &forced()),
            Spends::AccessToken
        ));
        // Stored before the issue time was kept: try, and let Meta answer.
        let mut legacy = c.clone();
        legacy.token_issued_at = None;
        assert!(is_refresh(
            &decide_now(&legacy, &forced()),
            Spends::AccessToken
        ));
    }

    #[test]
    fn a_built_in_sandbox_channel_is_refused_as_unreachable() {
        let mut c = due_now();
        c.sandbox = true;
        match decide_now(&c, &policy()) {
            Decision::Refuse(o @ Outcome::Failed(Error::Unreachable { .. })) => {
                assert_eq!(o.exit_code(), ExitCode::Network);
                let text = o.error().unwrap().fix().unwrap_or_default();
                assert!(text.contains("postiz-connect sandbox custom"), "{text}");
            }
            other => panic!("{other:?}"),
        }
        // Even a dry run says so; one that could not refresh anyway says that instead.
        let dry = Policy {
            dry_run: true,
            ..policy()
        };
        assert!(matches!(decide_now(&c, &dry), Decision::Refuse(_)));
        c.has_refresh_token = false;
        assert!(matches!(
            decide_now(&c, &policy()),
            Decision::Skip(Outcome::CannotRefresh { .. })
        ));
        // A sandbox that is not due is just not due.
        let mut fresh = aged(Span::minutes(1));
        fresh.sandbox = true;
        assert!(matches!(
            decide_now(&fresh, &policy()),
            Decision::Skip(Outcome::NotDue { .. })
        ));
    }

    #[test]
    fn a_dry_run_says_what_would_happen_after_every_other_rule() {
        let dry = Policy {
            dry_run: true,
            ..policy()
        };
        assert!(matches!(
            decide_now(&due_now(), &dry),
            Decision::Skip(Outcome::WouldRefresh)
        ));
        assert!(matches!(
            decide_now(&aged(Span::minutes(1)), &dry),
            Decision::Skip(Outcome::NotDue { .. })
        ));
        let mut young = due_now();
        young.refresh.style = RefreshStyle::AccessToken;
        young.refresh.min_age = Some(24 * 3600);
        young.token_issued_at = Some(t0() - Span::hours(1));
        assert!(matches!(
            decide_now(&young, &dry),
            Decision::Skip(Outcome::TooYoung { .. })
        ));
    }

    #[test]
    fn a_channel_marked_for_reconnect_or_past_its_refresh_expiry_is_still_tried() {
        // The provider's answer decides: a success clears the mark, a dead grant keeps it.
        let mut c = due_now();
        c.needs_reconnect = true;
        c.refresh_expires_at = Some(t0() - Span::days(1));
        assert!(is_refresh(&decide_now(&c, &policy()), Spends::RefreshToken));
    }
}
