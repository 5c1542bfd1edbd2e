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

use std::sync::{Condvar, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use oauth2::TokenResponse as _;

use crate::error::{Error, ExitCode};
use crate::http::HttpClient;
use crate::model::ClientCredentials;
use crate::oauth::flow;
use crate::providers::RefreshStyle;
use crate::secret::{ExposeOption, Secret};
use crate::store::{Channel, Secrets, Store};

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
    },
    /// No refresh token, or a provider that cannot refresh: reconnect when the access
    /// token expires.
    CannotRefresh {
        expires_at: Option<DateTime<Utc>>,
        reason: Option<String>,
    },
    /// `postiz adopt` wrote it into a Postiz row: Postiz holds the grant, so it is not
    /// refreshed here (the reason names the row and the way to refresh it there).
    HandedToPostiz(String),
    /// The provider refuses to refresh a token this young (Meta: 24 h).
    TooYoung {
        allowed_from: DateTime<Utc>,
        expires_at: Option<DateTime<Utc>>,
    },
    /// The grant is dead (invalid_grant, revoked, expired): marked for reconnect.
    DeadGrant(Error),
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
            Outcome::HandedToPostiz(_) => "handed_to_postiz",
            Outcome::TooYoung { .. } => "too_young",
            Outcome::DeadGrant(_) => "needs_reconnect",
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
            | Outcome::HandedToPostiz(_)
            | Outcome::TooYoung { .. } => ExitCode::Ok,
            Outcome::CannotRefresh { expires_at, .. } => match expires_at {
                Some(at) if *at <= Utc::now() => ExitCode::Rejected,
                _ => ExitCode::Ok,
            },
            // What each failure means is the error's to say (`Error::exit_code`).
            Outcome::DeadGrant(e)
            | Outcome::Transient(e)
            | Outcome::Misconfigured(e)
            | Outcome::Failed(e)
            | Outcome::NotStored(e) => e.exit_code(),
        }
    }

    pub fn error(&self) -> Option<&Error> {
        match self {
            Outcome::DeadGrant(e)
            | Outcome::Transient(e)
            | Outcome::Misconfigured(e)
            | Outcome::Failed(e)
            | Outcome::NotStored(e) => Some(e),
            _ => None,
        }
    }
}

/// When the channel becomes due: `within` before expiry (Postiz refreshes one hour
/// ahead), but never earlier than half the token's lifetime, so a token that lives an
/// hour or less (Google's 3599 s) is not due the moment it is issued, and each refresh
/// buys at least half a lifetime before the next. `None`: it never expires.
pub fn due_at(channel: &Channel, within: Duration) -> Option<DateTime<Utc>> {
    let expires_at = channel.expires_at?;
    let within = chrono::Duration::from_std(within).unwrap_or(chrono::Duration::MAX);
    let window = match channel.token_issued_at {
        Some(issued) if issued < expires_at => within.min((expires_at - issued) / 2),
        _ => within,
    };
    Some(
        expires_at
            .checked_sub_signed(window)
            .unwrap_or(DateTime::<Utc>::MIN_UTC),
    )
}

/// Is the channel due under this policy?
pub fn is_due(channel: &Channel, within: Duration, now: DateTime<Utc>) -> bool {
    due_at(channel, within).is_some_and(|at| at <= now)
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

/// Refresh one channel by name under its lock; the token request goes through `gate`.
pub fn refresh_channel(
    store: &Store,
    name: &str,
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
    // Before anything else, `--force` included: the grant is Postiz's now.
    if let Some(handed) = &channel.handed_to_postiz {
        return Outcome::HandedToPostiz(handed.reason());
    }
    if !policy.force && !is_due(&channel, policy.within, Utc::now()) {
        return Outcome::NotDue {
            expires_at: channel.expires_at,
        };
    }
    let rule = &channel.refresh;
    let cannot = |reason: Option<String>| Outcome::CannotRefresh {
        expires_at: channel.expires_at,
        reason,
    };
    match rule.style {
        RefreshStyle::None => return cannot(rule.note.clone()),
        RefreshStyle::RefreshToken if !channel.has_refresh_token => return cannot(None),
        _ => {}
    }
    // Only a channel that could be refreshed learns that its sandbox is gone. The
    // provider (the emulation) is down for good: exit 5, as for any provider that is down.
    if channel.sandbox {
        return Outcome::Failed(Error::Unreachable {
            what: format!("{name} was connected to the built-in sandbox, which stopped when that command ended"),
            cause: "a --sandbox emulation lives only as long as the connect that started it".into(),
            fix: format!(
                "connect it again ({}); to try refreshes, run `postiz-connect sandbox {} --auto-approve` and connect with the command it prints (no browser needed)",
                channel.reconnect_command(),
                channel.provider
            ),
        });
    }
    if let (Some(min_age), Some(issued)) = (rule.min_age, channel.token_issued_at) {
        let allowed_from = crate::oauth::token::expiry(issued, min_age);
        if let Some(allowed_from) = allowed_from.filter(|at| *at > Utc::now()) {
            return Outcome::TooYoung {
                allowed_from,
                expires_at: channel.expires_at,
            };
        }
    }
    if policy.dry_run {
        return Outcome::WouldRefresh;
    }
    let secrets = match store.secrets(&channel) {
        Ok(s) => s,
        Err(e) => return Outcome::Failed(e),
    };
    let refresh_token = secrets.refresh_token.clone();
    if rule.style == RefreshStyle::RefreshToken && refresh_token.is_none() {
        return cannot(None);
    }
    let client = ClientCredentials {
        id: channel.client_id.clone(),
        secret: secrets
            .client_secret
            .expose_str()
            .map(|s| oauth2::ClientSecret::new(s.into())),
        auth: channel.client_auth,
    };

    let mut attempt = 0;
    let token = loop {
        attempt += 1;
        let renewal = flow::Renewal {
            refresh_token: refresh_token.expose_str(),
            access_token: secrets.access_token.expose(),
            endpoints: &channel.endpoints,
            client: &client,
            wire: &channel.wire,
            rule,
            callback_params: &channel.callback_params,
        };
        match gate.pass(|| flow::refresh(&renewal, http)) {
            Ok(token) => break token,
            Err(err) => match classify(&err) {
                Class::Transient if attempt < policy.attempts => {
                    std::thread::sleep(retry_delay(&err, policy.backoff, attempt));
                }
                Class::Transient => return Outcome::Transient(err),
                Class::DeadGrant => {
                    let mut marked = channel.clone();
                    marked.needs_reconnect = true;
                    marked.updated_at = Utc::now();
                    return match store.update_meta(&marked) {
                        Ok(()) => Outcome::DeadGrant(err),
                        Err(store_err) => Outcome::Failed(store_err),
                    };
                }
                Class::Misconfigured => return Outcome::Misconfigured(err),
                Class::Other => return Outcome::Failed(err),
            },
        }
    };

    // The provider may have rotated: persist before anything else; keep the old refresh
    // token when none came back.
    let rotated = token
        .refresh_token
        .as_ref()
        .is_some_and(|t| Some(t.secret().as_str()) != refresh_token.expose_str());
    let new_secrets = Secrets {
        access_token: Secret::new(token.access_token().secret().clone()),
        refresh_token: token
            .refresh_token
            .as_ref()
            .map(|t| t.secret().as_str().into())
            .or(refresh_token),
        id_token: token.id_token.clone().or(secrets.id_token),
        client_secret: secrets.client_secret,
        token_secret: secrets.token_secret.clone(),
    };
    let now = Utc::now();
    let mut updated = channel.clone();
    updated.expires_at = match token.expires_in {
        Some(_) => token.expires_at(now),
        // `expires_in` is optional (RFC 6749 §5.1): without it, the previous lifetime is
        // the best estimate; taking "no expiry" would stop refreshing the channel.
        None => previous_lifetime(&channel).and_then(|lifetime| now.checked_add_signed(lifetime)),
    };
    if token.refresh_expires_in().is_some() {
        updated.refresh_expires_at = token.refresh_expires_at(now);
    }
    if let Some(granted) = token.granted_scopes() {
        updated.missing_scopes = crate::oauth::scopes::missing(&updated.requested_scopes, &granted);
        updated.scopes = granted;
    }
    updated.has_refresh_token = new_secrets.refresh_token.is_some();
    updated.needs_reconnect = false;
    updated.updated_at = now;
    updated.token_issued_at = Some(now);
    if let Err(store_err) = store.commit(&updated, &new_secrets, None, "was refreshed") {
        return Outcome::NotStored(store_err);
    }
    Outcome::Refreshed {
        expires_at: updated.expires_at,
        rotated,
    }
}

/// How long the previous access token lived, when both ends are known.
fn previous_lifetime(channel: &Channel) -> Option<chrono::Duration> {
    let lifetime = channel.expires_at? - channel.token_issued_at?;
    (lifetime > chrono::Duration::zero()).then_some(lifetime)
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
mod schedule_tests {
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
    fn an_answer_without_a_lifetime_keeps_the_previous_one() {
        let t0 = Utc::now();
        let c = issued(chrono::Duration::hours(2), t0);
        assert_eq!(previous_lifetime(&c), Some(chrono::Duration::hours(2)));
        let mut unknown = c.clone();
        unknown.token_issued_at = None;
        assert_eq!(previous_lifetime(&unknown), None);
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
