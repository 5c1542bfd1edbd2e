//! A self-hosted Postiz deployment, seen from its own state: the `"Integration"` rows in its
//! PostgreSQL and the connect state Postiz keeps in Redis. Read-only, except [`repair`].
//!
//! Facts are from gitroomhq/postiz-app at commit [`POSTIZ_COMMIT`]; each item names the file
//! it comes from. The rooms:
//! - [`locate`]: where the deployment is (`--database-url`/`--redis-url`, a Postiz `.env`,
//!   the environment), and how a URL is shown (never its password).
//! - [`db`]: the PostgreSQL connection (read-only transactions) and its read queries,
//!   into the row model of [`model`].
//! - [`redis_state`]: the connects in progress (`login:<state>`, `organization:<state>`):
//!   key names, TTLs and the non-secret values only.
//! - [`health`]: what each row's flags mean, in words, with the fix.
//! - [`report`]: everything `postiz status` shows (and doctor reuses), as data.
//! - [`watch`]: successive observations turned into the events of a connect.
//! - [`follow`]: `postiz watch`'s loop, reading the deployment into [`watch`] until it ends.
//! - [`refreshable`]: whether a row can be refreshed (one rule for `status` and
//!   `refresh`), and how Postiz stores a refresh token (VK's device id, Slack's `'null'`).
//! - [`engine`]: Temporal, where Postiz runs its workflows: its workers, the refresh
//!   workflows, the posts due with no workflow; and the refresh workflow a repair starts.
//! - [`repair`]: the one write path (`postiz refresh`, `postiz adopt`), on a connection of
//!   its own, each change one transaction; everything else here only reads.

pub mod db;
pub mod engine;
pub mod follow;
pub mod health;
pub mod locate;
pub mod model;
pub mod redis_state;
pub mod refreshable;
pub mod repair;
pub mod report;
pub mod status;
pub mod watch;

use std::collections::HashMap;
use std::time::Duration;

use crate::error::Error;
use crate::providers::{Catalog, Provider};

/// The Postiz source these facts were read from (gitroomhq/postiz-app).
pub const POSTIZ_COMMIT: &str = "74b01ada154a";

/// Every `providerIdentifier` Postiz knows: `socialIntegrationList` of
/// `libraries/nestjs-libraries/src/integrations/integration.manager.ts`. A row with any other
/// identifier makes `GET /integrations/list` answer 500 (`getSocialIntegration` returns
/// undefined and the list reads `.editor` from it), so the whole channel list breaks.
/// (`mastodon-custom` exists as a file but is commented out of the list.)
pub const POSTIZ_PROVIDERS: &[&str] = &[
    "x",
    "linkedin",
    "linkedin-page",
    "reddit",
    "instagram",
    "instagram-standalone",
    "facebook",
    "threads",
    "youtube",
    "gmb",
    "tiktok",
    "tiktok-business",
    "pinterest",
    "dribbble",
    "discord",
    "slack",
    "kick",
    "twitch",
    "mastodon",
    "bluesky",
    "lemmy",
    "wrapcast",
    "telegram",
    "nostr",
    "vk",
    "medium",
    "devto",
    "hashnode",
    "wordpress",
    "listmonk",
    "moltbook",
    "whop",
    "skool",
    "mewe",
    "tumblr",
];

/// Providers Postiz keeps alive with its `refreshTokenWorkflow` (Temporal, workflow id
/// `refresh_<integrationId>`): those with `refreshCron = true`
/// (`threads.provider.ts`, `instagram.standalone.provider.ts`). The workflow is started only
/// at connect time (`refresh.integration.service.ts`, `startRefreshWorkflow`) and sleeps
/// until `tokenExpiration`; nothing restarts it for existing rows.
pub const REFRESH_WORKFLOW_PROVIDERS: &[&str] = &["threads", "instagram-standalone"];

/// The catalog entry Postiz calls `identifier` (twitter is `x` there).
pub fn catalog_entry<'a>(catalog: &'a Catalog, identifier: &str) -> Option<&'a Provider> {
    catalog
        .iter()
        .find(|p| p.postiz_id.as_deref() == Some(identifier))
}

/// Whether Postiz connects this provider in two steps (login, then a page, channel, blog or
/// location): its catalog entry lists pages. In Postiz these are the providers with
/// `isBetweenSteps = true` (facebook, instagram, linkedin-page, youtube, gmb, tumblr).
pub fn is_two_step(catalog: &Catalog, identifier: &str) -> bool {
    catalog_entry(catalog, identifier).is_some_and(|p| p.pages.is_some())
}

/// A deployment's stores, open.
pub struct Opened {
    pub db: db::Database,
    /// `None` when no REDIS_URL was found (Postiz then keeps connect state in memory), or
    /// when it could not be reached (then `redis_unreachable` says why).
    pub redis: Option<redis_state::RedisState>,
    /// The located Redis could not be reached (only from [`open_lenient`]).
    pub redis_unreachable: Option<Error>,
}

/// Open the database and Redis at once, each within `timeout`. The database is required;
/// Redis only when located. Either failing is an error naming which one.
pub fn open(deployment: &locate::Deployment, timeout: Duration) -> Result<Opened, Error> {
    let mut opened = open_lenient(deployment, timeout)?;
    match opened.redis_unreachable.take() {
        Some(e) => Err(e),
        None => Ok(opened),
    }
}

/// As [`open`], but a located Redis that cannot be reached is not an error: the database
/// can still be read, and `redis_unreachable` says what happened to Redis.
pub fn open_lenient(deployment: &locate::Deployment, timeout: Duration) -> Result<Opened, Error> {
    let Some(database) = &deployment.database else {
        return Err(Error::Config {
            what: "no Postiz database to read: no --database-url, no DATABASE_URL in the .env \
                   or the environment"
                .into(),
            // One sentence: no host was named, so no advice about one; reaching the
            // docker-compose's database is a section of docs/postiz.md.
            fix: "pass --env-file with Postiz's .env, or --database-url URL (for the default \
                  docker-compose, see docs/postiz.md, \"Reaching the default docker-compose\")"
                .into(),
        });
    };
    // Each connect runs on its own thread and is waited for at most a little longer than
    // `timeout`: the drivers' timeouts cover the TCP connect, not a DNS lookup that hangs or
    // a server that accepts and then says nothing.
    let wait = timeout + Duration::from_secs(1);
    let redis = deployment.redis.clone().map(|r| {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(redis_state::RedisState::connect(&r, timeout));
        });
        rx
    });
    let db = {
        let (tx, rx) = std::sync::mpsc::channel();
        let database = database.clone();
        std::thread::spawn(move || {
            let _ = tx.send(db::Database::connect(&database, timeout));
        });
        rx
    };
    let started = std::time::Instant::now();
    let db = db
        .recv_timeout(wait)
        .unwrap_or_else(|_| Err(silent(locate::Store::Database, database, wait)))?;
    let redis = match (redis, &deployment.redis) {
        (Some(rx), Some(located)) => Some(
            rx.recv_timeout(
                wait.saturating_sub(started.elapsed())
                    .max(Duration::from_millis(200)),
            )
            .unwrap_or_else(|_| Err(silent(locate::Store::Redis, located, wait))),
        ),
        _ => None,
    };
    let (redis, redis_unreachable) = match redis {
        Some(Ok(r)) => (Some(r), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    Ok(Opened {
        db,
        redis,
        redis_unreachable,
    })
}

/// A store that did not answer within the time allowed.
fn silent(store: locate::Store, located: &locate::Located, waited: Duration) -> Error {
    let (default_port, name) = match store {
        locate::Store::Database => (5432, "postiz-postgres"),
        locate::Store::Redis => (6379, "postiz-redis"),
    };
    let place = locate::host_port(&located.url, default_port);
    let host = place.rsplit_once(':').map(|(h, _)| h).unwrap_or(name);
    Error::Unreachable {
        what: format!(
            "{} at {place} ({}, from {}) did not answer within {}",
            store.name(),
            located.shown(),
            located.from,
            humantime::format_duration(waited)
        ),
        cause: format!(
            "the host name {host} did not resolve in time, or something at {place} accepted the \
             connection and never answered (not PostgreSQL/Redis, or a firewall that swallows \
             traffic)"
        ),
        fix: locate::reach_advice(store, host),
    }
}

/// `text` as an SQL string literal in a statement the user is told to run (psql): single
/// quotes doubled, so a row id like `x' OR '1'='1` stays one value. PostgreSQL's
/// `standard_conforming_strings` is on (the default since 9.1): a backslash is itself.
pub fn sql_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The start of a connect state, enough to tell connects apart on screen. The state in a
/// `login:<state>` key authorises `POST /integrations/social-connect/:provider` together
/// with the provider's code, so it is never shown whole. Plain characters of the state
/// only (no "…"): a JSON value a script can match against the key.
pub fn short_state(state: &str) -> String {
    state.chars().take(8).collect()
}

/// The redirect URI Postiz sends for a provider, if it can be built: what each
/// `libraries/nestjs-libraries/src/integrations/social/*.provider.ts` of gitroomhq/postiz-app
/// writes as `redirect_uri`.
pub fn postiz_redirect(provider: &Provider, vars: &HashMap<String, String>) -> Option<String> {
    let id = provider.postiz_id.as_deref()?;
    let base = provider
        .postiz_url_env
        .iter()
        .find_map(|name| vars.get(name).filter(|v| !v.is_empty()))?;
    // Postiz concatenates: a trailing slash in FRONTEND_URL becomes `//integrations`.
    let mut uri = format!("{base}/integrations/social/{id}");
    if provider.postiz_https_wrapper && !base.contains("https") {
        // `FRONTEND_URL.indexOf('https') === -1`: Postiz sends these providers' callbacks
        // through redirectmeto.com (slack, threads, tiktok, tiktok-business, vk,
        // instagram-standalone).
        uri = format!("https://redirectmeto.com/{uri}");
    }
    if provider.postiz_trailing_slash {
        uri.push('/');
    }
    Some(uri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_step_providers_are_postizs_between_steps_ones() {
        let catalog = Catalog::embedded();
        let two_step: Vec<&str> = POSTIZ_PROVIDERS
            .iter()
            .copied()
            .filter(|id| is_two_step(&catalog, id))
            .collect();
        assert_eq!(
            two_step,
            [
                "linkedin-page",
                "instagram",
                "facebook",
                "youtube",
                "gmb",
                "tumblr"
            ]
        );
        assert!(!is_two_step(&catalog, "threads"));
        assert!(!is_two_step(&catalog, "no-such-provider"));
    }

    #[test]
    fn every_catalog_postiz_id_is_a_postiz_provider() {
        for p in Catalog::embedded().iter() {
            if let Some(id) = &p.postiz_id {
                assert!(POSTIZ_PROVIDERS.contains(&id.as_str()), "{id}");
            }
        }
        assert_eq!(
            catalog_entry(&Catalog::embedded(), "x").unwrap().id,
            "twitter"
        );
    }

    #[test]
    fn sql_literals_stay_one_value() {
        assert_eq!(sql_literal("cm0row"), "'cm0row'");
        assert_eq!(sql_literal("x' OR '1'='1"), "'x'' OR ''1''=''1'");
        assert_eq!(sql_literal("a\\'b"), "'a\\''b'");
    }

    #[test]
    fn states_are_shortened() {
        assert_eq!(short_state("abcdefghijkl"), "abcdefgh");
        assert_eq!(short_state("abc"), "abc");
    }
}
