//! The connects in progress, from Postiz's Redis. `GET /integrations/social/:provider`
//! (`apps/backend/src/api/routes/integrations.controller.ts`) writes, each with `EX 3600`:
//! `refresh:<state>` (the internalId being reconnected, when it is a reconnect),
//! `organization:<state>` (the organization id), `login:<state>` (the PKCE verifier: a
//! secret), `external:<state>`. `POST /integrations/social-connect/:provider`
//! (`no.auth.integrations.controller.ts`) reads `login:<state>` ("Invalid state" when it is
//! gone) and deletes it, and `refresh:<state>`, before the token exchange; it leaves
//! `organization:<state>` to expire. So a `login:` key is a connect waiting for its
//! callback, and an `organization:` key without its `login:` twin is one that reached Postiz
//! within the last hour.
//!
//! Only key names, TTLs and the values of `organization:` and `refresh:` (ids) are read;
//! never `login:` (a PKCE verifier, or X's OAuth 1.0a token secret) nor `external:` (may hold
//! instance credentials). SCAN, TTL and GET only (and INFO, for `postiz watch` to know
//! when anything changed at all).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use redis::Commands;
use serde::Serialize;

use super::locate::{reach_advice, Located, Store};
use crate::error::Error;

/// How long Postiz keeps a connect's keys (`'EX', 3600`).
pub const STATE_TTL: i64 = 3600;

/// At most this many keys of each kind are looked at (a runaway Redis is not listed whole).
const MAX_KEYS: usize = 5000;

/// One connect, as Redis shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConnectState {
    /// The state: kept to follow the connect, never shown whole (see [`super::short_state`]).
    #[serde(skip)]
    pub state: String,
    /// Its first characters, for people and scripts.
    pub state_prefix: String,
    /// `login:<state>` still there: waiting for the provider's callback.
    pub waiting: bool,
    pub organization_id: Option<String>,
    /// `refresh:<state>`: the internalId of the channel being reconnected.
    pub reconnect: Option<String>,
    /// Seconds left on `login:<state>` (waiting) or `organization:<state>` (consumed).
    pub ttl: Option<i64>,
}

impl ConnectState {
    /// Seconds since the connect started (Postiz set every key with 3600 s).
    pub fn age(&self) -> Option<i64> {
        self.ttl.map(|t| (STATE_TTL - t).max(0))
    }
}

/// An open connection to Postiz's Redis.
pub struct RedisState {
    conn: redis::Connection,
    located: Located,
    /// Redis's write counters when the connects were last read (see [`Self::write_mark`]).
    last_mark: Option<String>,
}

impl RedisState {
    pub fn connect(located: &Located, timeout: Duration) -> Result<RedisState, Error> {
        let place = super::locate::host_port(&located.url, 6379);
        let client = redis::Client::open(located.url.as_str()).map_err(|e| Error::Config {
            what: format!(
                "the Redis URL {} (from {}) is not usable: {e}",
                located.shown(),
                located.from
            ),
            fix: "give --redis-url (or REDIS_URL) as Postiz has it: redis://HOST:6379 \
                  (rediss:// for TLS)"
                .into(),
        })?;
        let conn = client
            .get_connection_with_timeout(timeout)
            .map_err(|e| describe(&e, located, &place))?;
        conn.set_read_timeout(Some(timeout.max(Duration::from_secs(2))))
            .and_then(|_| conn.set_write_timeout(Some(timeout.max(Duration::from_secs(2)))))
            .map_err(|e| describe(&e, located, &place))?;
        Ok(RedisState {
            conn,
            located: located.clone(),
            last_mark: None,
        })
    }

    /// Redis's own write counters, which move whenever a key is written, deleted, expired
    /// or evicted: `rdb_changes_since_last_save` and `rdb_last_save_time` (INFO
    /// persistence: every write since the last save, and that save) and `expired_keys`,
    /// `evicted_keys` (INFO stats). Two O(1) commands, where listing the connect keys
    /// walks the whole keyspace (SCAN visits every key, whatever its pattern).
    fn write_mark(&mut self) -> redis::RedisResult<String> {
        let mut mark = String::new();
        for (section, fields) in [
            (
                "persistence",
                &["rdb_changes_since_last_save", "rdb_last_save_time"][..],
            ),
            ("stats", &["expired_keys", "evicted_keys"][..]),
        ] {
            let info: String = redis::cmd("INFO").arg(section).query(&mut self.conn)?;
            for line in info.lines() {
                if line
                    .split_once(':')
                    .is_some_and(|(key, _)| fields.contains(&key))
                {
                    mark.push_str(line.trim());
                    mark.push(';');
                }
            }
        }
        Ok(mark)
    }

    /// The connects, unless nothing in Redis changed since they were last read this way
    /// (`None`), or `force`. A Redis that refuses INFO is read every time.
    pub fn connects_if_changed(&mut self, force: bool) -> Result<Option<Vec<ConnectState>>, Error> {
        // Before the keys are listed: a write meanwhile moves the mark past this one.
        let mark = self.write_mark().ok().filter(|m| !m.is_empty());
        if !force && mark.is_some() && mark == self.last_mark {
            return Ok(None);
        }
        let connects = self.connects()?;
        self.last_mark = mark;
        Ok(Some(connects))
    }

    fn scan(&mut self, prefix: &str) -> Result<BTreeSet<String>, redis::RedisError> {
        let mut states = BTreeSet::new();
        let iter: redis::Iter<String> = self.conn.scan_options(
            redis::ScanOptions::default()
                .with_pattern(format!("{prefix}*"))
                .with_count(1000),
        )?;
        for key in iter {
            let key = key?;
            if let Some(state) = key.strip_prefix(prefix) {
                states.insert(state.to_string());
            }
            if states.len() >= MAX_KEYS {
                break;
            }
        }
        Ok(states)
    }

    /// A key's value as text; `None` when it is gone, or holds something Postiz never
    /// writes there (another type, bytes that are not UTF-8). Only a failing connection
    /// is an error.
    fn text(&mut self, key: &str) -> Result<Option<String>, redis::RedisError> {
        match self.conn.get::<_, Option<String>>(key) {
            Ok(value) => Ok(value),
            Err(e) if e.is_io_error() || e.is_timeout() || e.is_connection_dropped() => Err(e),
            Err(_) => Ok(None),
        }
    }

    /// Every connect with a key in Redis: waiting ones first, then consumed ones.
    pub fn connects(&mut self) -> Result<Vec<ConnectState>, Error> {
        let place = super::locate::host_port(&self.located.url, 6379);
        let located = self.located.clone();
        self.read_connects()
            .map_err(|e| describe(&e, &located, &place))
    }

    fn read_connects(&mut self) -> Result<Vec<ConnectState>, redis::RedisError> {
        let logins = self.scan("login:")?;
        let orgs = self.scan("organization:")?;
        let mut out = BTreeMap::new();
        for state in logins.iter().chain(orgs.iter()) {
            if out.contains_key(state) {
                continue;
            }
            let waiting = logins.contains(state);
            // TTL only: the value of login:<state> is a secret.
            let ttl_key = if waiting {
                format!("login:{state}")
            } else {
                format!("organization:{state}")
            };
            let ttl: i64 = self.conn.ttl(&ttl_key)?;
            let organization_id = self.text(&format!("organization:{state}"))?;
            let reconnect = if waiting {
                self.text(&format!("refresh:{state}"))?
            } else {
                None
            };
            out.insert(
                state.clone(),
                ConnectState {
                    state: state.clone(),
                    state_prefix: super::db::remote_text(&super::short_state(state)),
                    waiting,
                    organization_id: organization_id.map(|o| super::db::remote_text(&o)),
                    reconnect: reconnect.map(|r| super::db::remote_text(&r)),
                    // -2: gone meanwhile; -1: no expiry (not Postiz's doing).
                    ttl: (ttl >= 0).then_some(ttl),
                },
            );
        }
        let mut list: Vec<ConnectState> = out.into_values().collect();
        list.sort_by_key(|c| (!c.waiting, c.age().unwrap_or(i64::MAX)));
        Ok(list)
    }
}

fn describe(err: &redis::RedisError, located: &Located, place: &str) -> Error {
    let host = place.rsplit_once(':').map(|(h, _)| h).unwrap_or(place);
    let detail = super::db::remote_text(&super::db::chain(err));
    if err.kind() == redis::ErrorKind::AuthenticationFailed
        || detail.contains("NOAUTH")
        || detail.contains("WRONGPASS")
    {
        return Error::Config {
            what: format!("Postiz's Redis at {place} refused the login: {detail}"),
            fix: format!(
                "use the password Postiz has in its REDIS_URL (redis://:PASSWORD@HOST:6379); \
                 this one came from {}",
                located.from
            ),
        };
    }
    let lower = detail.to_ascii_lowercase();
    let cause = if lower.contains("lookup address") || lower.contains("name or service") {
        format!("the host name {host} does not resolve from this machine")
    } else if err.is_connection_refusal() || lower.contains("refused") {
        format!("nothing listens on {place} (or a firewall refuses the connection)")
    } else if err.is_timeout() || lower.contains("timed out") {
        format!("{place} did not answer in time")
    } else {
        detail.clone()
    };
    Error::Unreachable {
        what: format!(
            "could not reach {} at {place} ({}, from {}): {detail}",
            Store::Redis.name(),
            located.shown(),
            located.from
        ),
        cause,
        fix: reach_advice(Store::Redis, host),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redis_error_is_shown_on_one_bounded_line() {
        let located = Located {
            url: "redis://:hunter2@cache:6379".into(),
            from: "--redis-url".into(),
        };
        let detail = format!("first\nFAKE LINE {}", "z".repeat(1000));
        let err = redis::RedisError::from((redis::ErrorKind::Io, "broken", detail));
        let shown = describe(&err, &located, "cache:6379").to_string();
        assert!(!shown.contains('\n'), "{shown}");
        assert!(shown.chars().count() < 600, "{}", shown.len());
        assert!(shown.contains(":***@cache"), "{shown}");
        assert!(!shown.contains("hunter2"), "{shown}");
    }
}
