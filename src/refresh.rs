//! Rotation-safe token refresh.
//!
//! Rules: one refresher per channel at a time (a lock across processes); the channel is
//! re-read inside the lock, so a token another process just rotated is the one spent; a
//! rotated refresh token is persisted before anything else, and when the provider returns
//! none the old one is kept; if the store refuses the new tokens they go to a 0600 recovery
//! file. Failures are classified: a dead grant marks the channel for reconnect, transient
//! failures are retried with backoff and leave the channel untouched, client
//! misconfiguration says what to fix. (Postiz lost tokens by treating transient errors as
//! dead grants.)
//!
//! Each channel goes through two steps: [`decide`] (pure: the stored channel, the policy
//! and the clock in; skip, refuse, or the request to send out) and the applier (the
//! secrets, the token request, the durable write). Nothing here prints: a run returns
//! its outcomes, the watcher and `token` report through a callback.

mod apply;
mod decide;
mod usable;
mod watch;

pub use decide::{decide, Asked, Decision, Request, Spends};
pub use usable::{
    before_use, expired, usable_token, Advice, BeforeUse, Expired, TokenEvent, Usable,
};
pub use watch::{schedule, watch, Backoff, Plan, WatchEvent};

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::error::{Error, ExitCode};
use crate::http::{HttpClient, Network};
use crate::store::{Channel, Store};

/// When and how to refresh.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Refresh when the access token expires within this window (Postiz: one hour).
    pub within: Duration,
    /// Refresh even when not due.
    pub force: bool,
    /// Say what would happen; change nothing.
    pub dry_run: bool,
    /// Attempts for transient failures (1 = no retry).
    pub attempts: u32,
    /// First backoff; doubles each retry. A `Retry-After` header wins.
    pub backoff: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            within: Duration::from_secs(3600),
            force: false,
            dry_run: false,
            attempts: 3,
            backoff: Duration::from_millis(500),
        }
    }
}

/// What happened to one channel.
#[derive(Debug)]
pub enum Outcome {
    Refreshed {
        expires_at: Option<DateTime<Utc>>,
        rotated: bool,
    },
    WouldRefresh,
    NotDue {
        expires_at: Option<DateTime<Utc>>,
        /// When it becomes due, and by which rule (`None`: it never expires).
        due: Option<Due>,
    },
    /// No refresh token, or a provider that cannot refresh: reconnect when the access
    /// token expires.
    CannotRefresh {
        expires_at: Option<DateTime<Utc>>,
        reason: Option<String>,
        /// It has expired already: the channel is unusable until reconnected.
        expired: bool,
        /// The command that connects it again.
        reconnect: String,
    },
    /// `postiz adopt` wrote it into a Postiz row: Postiz holds the grant, so it is not
    /// refreshed here (the reason names the row and the way to refresh it there).
    HandedToPostiz {
        reason: String,
        /// The user named this channel (not `--all`): asking for it is an error.
        refused: bool,
    },
    /// The provider refuses to refresh a token this young (Meta: 24 h).
    TooYoung {
        allowed_from: DateTime<Utc>,
        expires_at: Option<DateTime<Utc>>,
    },
    /// The grant is dead (invalid_grant, revoked, expired): marked for reconnect.
    DeadGrant {
        error: Error,
        reconnect: String,
    },
    /// Still failing after the retries (network, 5xx, 429); the channel is untouched.
    Transient(Error),
    /// invalid_client / unauthorized_client: the app's settings need fixing.
    Misconfigured(Error),
    /// Anything else (the store, a malformed answer), before the provider issued tokens.
    Failed(Error),
    /// The provider issued new tokens (so the old refresh token may be spent) but the
    /// store refused them; the error names the file that keeps them.
    NotStored(Error),
}

impl Outcome {
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Refreshed { .. } => "refreshed",
            Outcome::WouldRefresh => "would_refresh",
            Outcome::NotDue { .. } => "not_due",
            Outcome::CannotRefresh { .. } => "cannot_refresh",
            Outcome::HandedToPostiz { .. } => "handed_to_postiz",
            Outcome::TooYoung { .. } => "too_young",
            Outcome::DeadGrant { .. } => "needs_reconnect",
            Outcome::Transient(_) => "transient_failure",
            Outcome::Misconfigured(_) => "client_misconfigured",
            Outcome::Failed(_) => "failed",
            Outcome::NotStored(_) => "not_stored",
        }
    }

    pub fn exit_code(&self) -> ExitCode {
        match self {
            Outcome::Refreshed { .. }
            | Outcome::WouldRefresh
            | Outcome::NotDue { .. }
            | Outcome::TooYoung { .. } => ExitCode::Ok,
            Outcome::HandedToPostiz { refused, .. } => match refused {
                true => ExitCode::Rejected,
                false => ExitCode::Ok,
            },
            Outcome::CannotRefresh { expired, .. } => match expired {
                true => ExitCode::Rejected,
                false => ExitCode::Ok,
            },
            // What each failure means is the error's to say (`Error::exit_code`).
            _ => self.error().map_or(ExitCode::Ok, Error::exit_code),
        }
    }

    pub fn error(&self) -> Option<&Error> {
        match self {
            Outcome::DeadGrant { error: e, .. }
            | Outcome::Transient(e)
            | Outcome::Misconfigured(e)
            | Outcome::Failed(e)
            | Outcome::NotStored(e) => Some(e),
            _ => None,
        }
    }

    /// The error, for a caller that stops at the first failure (`token`).
    pub fn into_error(self) -> Option<Error> {
        match self {
            Outcome::DeadGrant { error: e, .. }
            | Outcome::Transient(e)
            | Outcome::Misconfigured(e)
            | Outcome::Failed(e)
            | Outcome::NotStored(e) => Some(e),
            _ => None,
        }
    }
}

/// When a channel becomes due, and which rule made it so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub at: DateTime<Utc>,
    /// Half the token's lifetime came sooner than the `within` window.
    pub half_life: bool,
}

/// When the channel becomes due: `within` before expiry (Postiz refreshes one hour
/// ahead), but never earlier than half the token's lifetime, so a token that lives an
/// hour or less (Google's 3599 s) is not due the moment it is issued, and each refresh
/// buys at least half a lifetime before the next. `None`: it never expires.
pub fn due(channel: &Channel, within: Duration) -> Option<Due> {
    let expires_at = channel.expires_at?;
    let within = chrono::Duration::from_std(within).unwrap_or(chrono::Duration::MAX);
    let window = match channel.token_issued_at {
        Some(issued) if issued < expires_at => within.min((expires_at - issued) / 2),
        _ => within,
    };
    Some(Due {
        at: expires_at
            .checked_sub_signed(window)
            .unwrap_or(DateTime::<Utc>::MIN_UTC),
        half_life: window < within,
    })
}

/// When the channel becomes due (see [`due`]).
pub fn due_at(channel: &Channel, within: Duration) -> Option<DateTime<Utc>> {
    due(channel, within).map(|due| due.at)
}

/// Is the channel due under this policy?
pub fn is_due(channel: &Channel, within: Duration, now: DateTime<Utc>) -> bool {
    due_at(channel, within).is_some_and(|at| at <= now)
}

/// A counting semaphore over token requests: `--jobs` bounds what the provider sees in
/// flight, while locks and fsynced writes of other channels go on outside it.
pub struct Gate {
    free: Mutex<usize>,
    freed: Condvar,
}

impl Gate {
    pub fn new(permits: usize) -> Self {
        Gate {
            free: Mutex::new(permits.max(1)),
            freed: Condvar::new(),
        }
    }

    /// Run `f` holding one permit.
    pub fn pass<T>(&self, f: impl FnOnce() -> T) -> T {
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        while *free == 0 {
            free = self.freed.wait(free).unwrap_or_else(|e| e.into_inner());
        }
        *free -= 1;
        drop(free);
        // Give the permit back even if `f` panics.
        struct Release<'a>(&'a Gate);
        impl Drop for Release<'_> {
            fn drop(&mut self) {
                *self.0.free.lock().unwrap_or_else(|e| e.into_inner()) += 1;
                self.0.freed.notify_one();
            }
        }
        let _release = Release(self);
        f()
    }
}

/// Refresh one channel by name under its lock: decide on what is stored, then apply;
/// the token request goes through `gate`.
pub fn refresh_channel(
    store: &Store,
    name: &str,
    asked: Asked,
    policy: &Policy,
    http: &HttpClient,
    gate: &Gate,
) -> Outcome {
    let _lock = match store.lock_channel(name) {
        Ok(lock) => lock,
        Err(e) => return Outcome::Failed(e),
    };
    // Finish a write a killed refresher left, then re-read inside the lock: another
    // process may have refreshed (and rotated) already.
    if let Err(e) = store.finish_interrupted_locked(name) {
        // Newer tokens wait in a record the store refuses: the stored ones may be spent.
        return Outcome::NotStored(Error::Store {
            what: format!("{name} has newer tokens waiting in a pending record that the store refuses: {e}"),
            fix: format!(
                "they go into the store by themselves once it works again; see: postiz-connect status ({})",
                e.fix().unwrap_or_default()
            ),
        });
    }
    let channel = match store.get(name) {
        Ok(c) => c,
        Err(e) => return Outcome::Failed(e),
    };
    match decide(&channel, asked, policy, Utc::now()) {
        Decision::Skip(outcome) | Decision::Refuse(outcome) => outcome,
        Decision::Refresh(request) => apply::apply(store, &channel, request, policy, http, gate),
    }
}

/// Refresh `names` with at most `jobs` token requests in flight; results in the order
/// given.
pub fn refresh_many(
    store: &Store,
    http: &HttpClient,
    names: &[String],
    asked: Asked,
    policy: &Policy,
    jobs: usize,
) -> Vec<(String, Outcome)> {
    let queue: Mutex<VecDeque<(usize, String)>> =
        Mutex::new(names.iter().cloned().enumerate().collect());
    let results: Mutex<Vec<Option<(String, Outcome)>>> =
        Mutex::new((0..names.len()).map(|_| None).collect());
    // Twice as many workers as token requests allowed in flight: while some wait on the
    // provider, others take locks and persist what came back.
    let gate = Gate::new(jobs);
    let workers = (jobs.max(1) * 2).min(names.len().max(1));
    std::thread::scope(|scope| {
        let (queue, results, gate) = (&queue, &results, &gate);
        for _ in 0..workers {
            scope.spawn(move || loop {
                let Some((i, name)) = queue.lock().expect("queue lock").pop_front() else {
                    break;
                };
                let outcome = refresh_channel(store, &name, asked, policy, http, gate);
                results.lock().expect("results lock")[i] = Some((name, outcome));
            });
        }
    });
    results
        .into_inner()
        .expect("results lock")
        .into_iter()
        .map(|r| r.expect("every channel was processed"))
        .collect()
}

/// Which channels a run refreshes.
#[derive(Debug, Clone, Copy)]
pub enum Targets<'a> {
    /// Every stored channel, unreadable ones too: each is reported as failed, the rest
    /// go on.
    All,
    /// These, named by the user; one that does not exist stops the run before any
    /// refresh.
    Named(&'a [String]),
}

/// One refresh run: each target's outcome, in order (none when nothing is stored).
pub fn once(
    store: &Store,
    network: &Network,
    targets: Targets<'_>,
    policy: &Policy,
    jobs: usize,
) -> Result<Vec<(String, Outcome)>, Error> {
    let (names, asked) = match targets {
        Targets::All => (store.list()?.names(), Asked::AmongAll),
        Targets::Named(names) => {
            for name in names {
                store.get(name)?;
            }
            (names.to_vec(), Asked::ByName)
        }
    };
    if names.is_empty() {
        return Ok(Vec::new());
    }
    // Built once (trust roots, pool) and shared: a failure comes back as a value, so
    // workers need no client of their own.
    let http = network.client();
    Ok(refresh_many(store, &http, &names, asked, policy, jobs))
}

pub(crate) enum Class {
    Transient,
    DeadGrant,
    Misconfigured,
    Other,
}

/// How a refresh failure is handled: only `invalid_grant` is a dead grant.
pub(crate) fn classify(err: &Error) -> Class {
    match err {
        Error::Network(_) => Class::Transient,
        Error::Token(e) if e.is_dead_grant() => Class::DeadGrant,
        Error::Token(e) if e.is_client_misconfigured() => Class::Misconfigured,
        Error::Token(e) if e.is_transient() => Class::Transient,
        _ => Class::Other,
    }
}

/// `Retry-After` (seconds, capped at a minute) when the failed answer carried one, else
/// exponential backoff.
pub(crate) fn retry_delay(err: &Error, backoff: Duration, attempt: u32) -> Duration {
    match err.retry_after() {
        Some(wait) => wait.min(Duration::from_secs(60)),
        None => backoff * 2u32.saturating_pow(attempt.saturating_sub(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::provider::{ProviderError, Stage};

    fn token_error(status: u16, body: &str) -> Error {
        Error::Token(ProviderError::from_response(
            Stage::Refresh,
            status,
            body.as_bytes(),
        ))
    }

    #[test]
    fn classification_never_treats_transient_failures_as_dead_grants() {
        assert!(matches!(
            classify(&token_error(400, r#"{"error":"invalid_grant"}"#)),
            Class::DeadGrant
        ));
        assert!(matches!(
            classify(&token_error(401, r#"{"error":"invalid_client"}"#)),
            Class::Misconfigured
        ));
        assert!(matches!(
            classify(&token_error(503, "<html><title>down</title></html>")),
            Class::Transient
        ));
        assert!(matches!(classify(&token_error(429, "")), Class::Transient));
        assert!(matches!(
            classify(&token_error(400, r#"{"error":"temporarily_unavailable"}"#)),
            Class::Transient
        ));
        let net = Error::Network(crate::http::NetworkError {
            kind: crate::http::NetworkKind::Timeout,
            origin: "https://x".into(),
            detail: "timed out".into(),
        });
        assert!(matches!(classify(&net), Class::Transient));
    }

    #[test]
    fn the_gate_never_lets_more_than_its_permits_through() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let gate = Gate::new(3);
        let (inside, peak) = (AtomicUsize::new(0), AtomicUsize::new(0));
        std::thread::scope(|scope| {
            for _ in 0..12 {
                scope.spawn(|| {
                    gate.pass(|| {
                        let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                        peak.fetch_max(now, Ordering::SeqCst);
                        // Long enough that the permits are all taken at once even
                        // when threads start slowly on a loaded machine.
                        std::thread::sleep(Duration::from_millis(50));
                        inside.fetch_sub(1, Ordering::SeqCst);
                    })
                });
            }
        });
        assert_eq!(peak.load(Ordering::SeqCst), 3);
        // A panic inside gives the permit back.
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            gate.pass(|| panic!("inside the gate"))
        }));
        assert!(caught.is_err());
        assert_eq!(*gate.free.lock().unwrap(), 3);
    }

    /// A channel whose token was issued at `issued` and lives `lifetime`.
    fn issued(lifetime: chrono::Duration, issued: DateTime<Utc>) -> Channel {
        let mut c = crate::store::tests::sample("c:a", crate::store::Backend::File);
        c.token_issued_at = Some(issued);
        c.expires_at = Some(issued + lifetime);
        c
    }

    #[test]
    fn due_at_the_earlier_of_an_hour_before_expiry_and_half_life() {
        let hour = Duration::from_secs(3600);
        let t0 = Utc::now();
        let m = chrono::Duration::minutes;
        // (lifetime, when it becomes due, counted from issue)
        let cases = [
            (m(60), m(30)), // 1 h: half-life, not at once
            (
                chrono::Duration::seconds(3599),
                chrono::Duration::milliseconds(1_799_500),
            ),
            (m(30), m(15)), // 30 min
            (m(2), m(1)),   // 2 min
            (
                chrono::Duration::days(60),
                chrono::Duration::days(60) - m(60),
            ), // Postiz's hour
        ];
        for (lifetime, due_after) in cases {
            let c = issued(lifetime, t0);
            assert_eq!(due_at(&c, hour), Some(t0 + due_after), "{lifetime}");
            assert!(!is_due(&c, hour, t0), "a fresh {lifetime} token is not due");
            assert!(!is_due(
                &c,
                hour,
                t0 + due_after - chrono::Duration::seconds(1)
            ));
            assert!(is_due(&c, hour, t0 + due_after), "{lifetime}");
        }
        let mut forever = issued(m(60), t0);
        forever.expires_at = None;
        assert_eq!(due_at(&forever, hour), None, "no expiry: never due");
        assert!(!is_due(&forever, hour, t0 + chrono::Duration::days(9999)));
        // Channels stored before token_issued_at existed keep the plain window.
        let mut legacy = issued(m(60), t0);
        legacy.token_issued_at = None;
        assert!(is_due(&legacy, hour, t0));
        // A window of any size, and dates at the calendar's ends, never panic.
        let mut edge = issued(m(60), t0);
        edge.expires_at = Some(DateTime::<Utc>::MIN_UTC);
        assert!(is_due(&edge, Duration::MAX, t0));
    }

    #[test]
    fn due_window() {
        let mut c = crate::store::tests::sample("c:a", crate::store::Backend::File);
        let now = Utc::now();
        c.expires_at = Some(now + chrono::Duration::minutes(30));
        assert!(is_due(&c, Duration::from_secs(3600), now));
        assert!(!is_due(&c, Duration::from_secs(600), now));
        c.expires_at = None;
        assert!(!is_due(&c, Duration::from_secs(3600), now));
    }
}
