//! The watcher: stays running and refreshes each channel when it becomes due. It
//! prints nothing: what happens comes out as [`WatchEvent`]s for the caller to render.

use std::collections::BTreeSet;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::{due_at, is_due, refresh_many, Asked, Outcome, Policy};
use crate::error::Error;
use crate::http::Network;
use crate::store::{Channel, Listing, Store};

/// What the watcher saw or did.
#[derive(Debug)]
pub enum WatchEvent<'a> {
    /// A channel file that cannot be read (once per file: the readable channels are kept
    /// alive meanwhile).
    Unreadable(&'a Error),
    /// A channel handed to Postiz, which is never due here (once per channel, so its
    /// silence is explained).
    HandedToPostiz { channel: &'a str, reason: String },
    /// A refresh was attempted.
    Attempted {
        channel: &'a str,
        outcome: &'a Outcome,
    },
    /// Nothing is due; the next refresh is due at this time (said when it changes).
    NextDue(DateTime<Utc>),
    /// Ctrl-C: the watcher stops.
    Stopped,
}

/// Refresh `names` (every stored channel when empty) as each becomes due, until `stop`
/// says so (Ctrl-C: `interrupt::requested`).
/// The schedule is recomputed from the wall clock every second, so a suspended laptop or
/// a clock jump only makes a due refresh happen at once, never skips it.
pub fn watch(
    store: &Store,
    network: &Network,
    names: &[String],
    policy: &Policy,
    jobs: usize,
    stop: impl Fn() -> bool,
    mut on: impl FnMut(WatchEvent<'_>),
) -> Result<(), Error> {
    // Channels whose last attempt failed transiently (or was too early) wait.
    let mut retry_at = Backoff::default();
    let mut announced_next: Option<DateTime<Utc>> = None;
    let mut said = Said::default();
    loop {
        if stop() {
            on(WatchEvent::Stopped);
            return Ok(());
        }
        let channels = said.watched(store.list()?, names, &mut on);
        let plan = schedule(&channels, policy.within, &retry_at, Utc::now());
        if !plan.due.is_empty() {
            let http = network.client();
            let due = plan.due;
            for (name, outcome) in refresh_many(store, &http, &due, Asked::AmongAll, policy, jobs) {
                on(WatchEvent::Attempted {
                    channel: &name,
                    outcome: &outcome,
                });
                retry_at.after(&name, &outcome, Utc::now());
            }
            announced_next = None;
            continue;
        }
        let next = plan.next;
        if next != announced_next {
            if let Some(next) = next {
                on(WatchEvent::NextDue(next));
            }
            announced_next = next;
        }
        // Re-check at least every second (clock jumps, new channels, Ctrl-C).
        let until_next = next
            .and_then(|n| (n - Utc::now()).to_std().ok())
            .unwrap_or(Duration::from_secs(1));
        std::thread::sleep(until_next.clamp(Duration::from_millis(50), Duration::from_secs(1)));
    }
}

/// What the watcher said once and does not repeat.
#[derive(Debug, Default)]
struct Said {
    unreadable: BTreeSet<String>,
    handed: BTreeSet<String>,
}

impl Said {
    /// The readable channels of `listing` among `names` (every one when empty); an
    /// unreadable file, or a channel handed to Postiz (never due here, see
    /// `Channel::can_refresh`), is told once so its silence is explained.
    fn watched(
        &mut self,
        listing: Listing,
        names: &[String],
        on: &mut impl FnMut(WatchEvent<'_>),
    ) -> Vec<Channel> {
        let wanted = |name: &str| names.is_empty() || names.iter().any(|n| n == name);
        for u in listing.unreadable.iter().filter(|u| wanted(&u.channel)) {
            if self.unreadable.insert(u.channel.clone()) {
                on(WatchEvent::Unreadable(&u.error));
            }
        }
        let channels: Vec<Channel> = listing
            .channels
            .into_iter()
            .filter(|c| wanted(&c.name))
            .collect();
        for c in &channels {
            if let Some(handed) = &c.handed_to_postiz {
                if self.handed.insert(c.name.clone()) {
                    on(WatchEvent::HandedToPostiz {
                        channel: &c.name,
                        reason: handed.reason(),
                    });
                }
            }
        }
        channels
    }
}

/// Below this lifetime a fresh token is due at once by any rule: such an answer is
/// backed off like a failure, so a server that issues expired tokens is not hammered.
const SHORTEST_SANE_LIFETIME: chrono::Duration = chrono::Duration::seconds(2);

/// When the watcher should next retry each channel after a failed or early attempt.
#[derive(Debug, Default)]
pub struct Backoff {
    retry_at: std::collections::HashMap<String, (DateTime<Utc>, u32)>,
}

impl Backoff {
    /// Record an attempt's outcome: failures back off (30 s doubling, up to 16 min), so
    /// a channel that keeps failing is never hammered; a too-young Meta token waits until
    /// it may be refreshed; success clears the channel's wait.
    pub fn after(&mut self, name: &str, outcome: &Outcome, now: DateTime<Utc>) {
        match outcome {
            Outcome::TooYoung { allowed_from, .. } => {
                self.retry_at.insert(name.to_string(), (*allowed_from, 0));
            }
            Outcome::Transient(_)
            | Outcome::Misconfigured(_)
            | Outcome::Failed(_)
            | Outcome::NotStored(_) => {
                self.back_off(name, now);
            }
            Outcome::Refreshed {
                expires_at: Some(at),
                ..
            } if *at - now < SHORTEST_SANE_LIFETIME => {
                self.back_off(name, now);
            }
            _ => {
                self.retry_at.remove(name);
            }
        }
    }

    /// 30 s, doubling with each failure in a row, up to 16 min.
    fn back_off(&mut self, name: &str, now: DateTime<Utc>) {
        let failures = self.retry_at.get(name).map_or(0, |(_, n)| *n) + 1;
        let wait = 30i64.saturating_mul(1 << failures.min(5));
        self.retry_at.insert(
            name.to_string(),
            (now + chrono::Duration::seconds(wait), failures),
        );
    }

    fn until(&self, name: &str) -> Option<DateTime<Utc>> {
        self.retry_at.get(name).map(|(at, _)| *at)
    }
}

/// What the watcher does at `now`: refresh `due`, else sleep until `next`.
#[derive(Debug, PartialEq, Eq)]
pub struct Plan {
    pub due: Vec<String>,
    pub next: Option<DateTime<Utc>>,
}

/// The watcher's schedule, computed from the clock every time (never from a timer), so
/// a suspended machine or a clock jump makes a due refresh happen at once.
pub fn schedule(
    channels: &[Channel],
    within: Duration,
    backoff: &Backoff,
    now: DateTime<Utc>,
) -> Plan {
    let live: Vec<&Channel> = channels
        .iter()
        .filter(|c| c.can_refresh() && !c.needs_reconnect)
        .collect();
    let due = live
        .iter()
        .filter(|c| is_due(c, within, now))
        .filter(|c| backoff.until(&c.name).is_none_or(|at| at <= now))
        .map(|c| c.name.clone())
        .collect();
    let next = live
        .iter()
        .filter_map(|c| {
            let due_at = due_at(c, within)?;
            Some(backoff.until(&c.name).map_or(due_at, |at| due_at.max(at)))
        })
        .min();
    Plan { due, next }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::sample;
    use crate::store::Backend;

    fn channel(name: &str, expires_at: DateTime<Utc>) -> Channel {
        let mut c = sample(name, Backend::File);
        c.expires_at = Some(expires_at);
        c
    }

    fn transient() -> Outcome {
        Outcome::Transient(Error::Rejected {
            what: "503".into(),
            fix: String::new(),
        })
    }

    #[test]
    fn due_an_hour_before_expiry_and_sleeps_until_then() {
        let t0 = Utc::now();
        let hour = Duration::from_secs(3600);
        let soon = channel("a", t0 + chrono::Duration::minutes(30));
        let later = channel("b", t0 + chrono::Duration::hours(3));
        let plan = schedule(
            &[soon.clone(), later.clone()],
            hour,
            &Backoff::default(),
            t0,
        );
        assert_eq!(plan.due, vec!["a"]);
        let plan = schedule(std::slice::from_ref(&later), hour, &Backoff::default(), t0);
        assert!(plan.due.is_empty());
        assert_eq!(plan.next, Some(t0 + chrono::Duration::hours(2)));
        // A clock jump (or a suspended laptop) past that point: due at once.
        let plan = schedule(
            &[later],
            hour,
            &Backoff::default(),
            t0 + chrono::Duration::hours(5),
        );
        assert_eq!(plan.due, vec!["b"]);
    }

    #[test]
    fn failures_back_off_and_success_clears_it() {
        let t0 = Utc::now();
        let hour = Duration::from_secs(3600);
        let c = channel("a", t0 + chrono::Duration::minutes(10));
        let mut backoff = Backoff::default();
        backoff.after("a", &transient(), t0);
        assert!(schedule(std::slice::from_ref(&c), hour, &backoff, t0)
            .due
            .is_empty());
        assert_eq!(
            schedule(std::slice::from_ref(&c), hour, &backoff, t0).next,
            Some(t0 + chrono::Duration::seconds(60))
        );
        backoff.after("a", &transient(), t0);
        assert_eq!(
            backoff.until("a"),
            Some(t0 + chrono::Duration::seconds(120))
        );
        // A misconfigured client is not retried every second either.
        let misconfigured = Outcome::Misconfigured(Error::Rejected {
            what: "invalid_client".into(),
            fix: String::new(),
        });
        backoff.after("a", &misconfigured, t0);
        assert!(backoff.until("a").is_some_and(|at| at > t0));
        let at = t0 + chrono::Duration::minutes(20);
        assert_eq!(
            schedule(std::slice::from_ref(&c), hour, &backoff, at).due,
            vec!["a"]
        );
        backoff.after(
            "a",
            &Outcome::Refreshed {
                expires_at: None,
                rotated: false,
            },
            at,
        );
        assert_eq!(backoff.until("a"), None);
    }

    #[test]
    fn too_young_waits_for_the_provider_and_unrefreshable_channels_never_run() {
        let t0 = Utc::now();
        let hour = Duration::from_secs(3600);
        let c = channel("ig", t0 + chrono::Duration::minutes(10));
        let mut backoff = Backoff::default();
        let allowed_from = t0 + chrono::Duration::hours(3);
        backoff.after(
            "ig",
            &Outcome::TooYoung {
                allowed_from,
                expires_at: c.expires_at,
            },
            t0,
        );
        let plan = schedule(std::slice::from_ref(&c), hour, &backoff, t0);
        assert!(plan.due.is_empty());
        assert_eq!(plan.next, Some(allowed_from));
        let mut mastodon = channel("m", t0);
        mastodon.refresh.style = crate::providers::RefreshStyle::None;
        let mut dead = channel("d", t0);
        dead.needs_reconnect = true;
        let plan = schedule(&[mastodon, dead], hour, &Backoff::default(), t0);
        assert!(plan.due.is_empty() && plan.next.is_none(), "{plan:?}");
    }

    #[test]
    fn a_refresh_that_returns_an_expired_token_backs_off() {
        let t0 = Utc::now();
        let mut backoff = Backoff::default();
        backoff.after(
            "a",
            &Outcome::Refreshed {
                expires_at: Some(t0),
                rotated: true,
            },
            t0,
        );
        assert_eq!(backoff.until("a"), Some(t0 + chrono::Duration::seconds(60)));
    }

    #[test]
    fn the_watcher_reports_through_its_callback_and_says_each_notice_once() {
        use crate::store::{HandedToPostiz, Secrets};
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let t0 = Utc::now();
        // Due; its token endpoint (127.0.0.1:1) refuses connections: a transient failure.
        let due = channel("custom:due", t0 + chrono::Duration::minutes(5));
        let later = channel("custom:later", t0 + chrono::Duration::hours(5));
        let mut handed = channel("custom:handed", t0 + chrono::Duration::minutes(5));
        handed.handed_to_postiz = Some(HandedToPostiz {
            database: "postgres://postiz:***@127.0.0.1/postiz".into(),
            organization_id: "org-1".into(),
            organization: "Acme".into(),
            row_id: "row-7".into(),
            at: t0,
        });
        let secrets = Secrets {
            access_token: "AT".into(),
            refresh_token: Some("RT".into()),
            ..Default::default()
        };
        for c in [&due, &later, &handed] {
            store.save(c, &secrets, Some(Backend::File)).unwrap();
        }
        std::fs::write(dir.path().join("channels/custom%3Abroken.json"), b"{").unwrap();
        let policy = Policy {
            attempts: 1,
            ..Policy::default()
        };
        // Three rounds, then stop.
        let checks = std::cell::Cell::new(0);
        let stop = || {
            checks.set(checks.get() + 1);
            checks.get() > 3
        };
        let mut seen = Vec::new();
        let mut next = None;
        let network = Network::new(false);
        watch(&store, &network, &[], &policy, 2, stop, |event| {
            seen.push(match event {
                WatchEvent::Unreadable(_) => "unreadable".to_string(),
                WatchEvent::HandedToPostiz { channel, reason } => {
                    assert!(reason.contains("row-7"), "{reason}");
                    format!("handed {channel}")
                }
                WatchEvent::Attempted { channel, outcome } => {
                    format!("{channel}: {}", outcome.label())
                }
                WatchEvent::NextDue(at) => {
                    next = Some(at);
                    "next".to_string()
                }
                WatchEvent::Stopped => "stopped".to_string(),
            })
        })
        .unwrap();
        assert_eq!(
            seen,
            [
                "unreadable",
                "handed custom:handed",
                "custom:due: transient_failure",
                "next",
                "stopped"
            ]
        );
        // The failed channel waits out its backoff (60 s) before the later one's hour.
        let next = next.unwrap();
        assert!(next > t0 + chrono::Duration::seconds(50), "{next}");
        assert!(next < t0 + chrono::Duration::seconds(90), "{next}");
    }
}
