//! `postiz watch` as a loop: observe the deployment's Redis and channel rows every
//! interval and turn the observations into events ([`super::watch::Watcher`]), until the
//! timeout or Ctrl-C.
//!
//! It reads changes, not tables: the channel rows once, then at each poll only the rows
//! whose `updatedAt` is no older than where the previous read's horizon says a write it
//! did not see may be stamped (see [`super::db::Database::channel_changes`]); Redis's
//! connect keys only when Redis's write counters moved. Idle, a poll reads no row.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::locate::Target;
use super::model::Organization;
use super::redis_state::ConnectState;
use super::report;
use super::watch::{Event, Observation, Watcher};
use crate::error::Error;
use crate::interrupt;
use crate::providers::Catalog;

/// What the watch reports as it goes, as data: the caller says it in words.
#[derive(Debug)]
pub enum Progress<'a> {
    /// No Redis is configured: connects cannot be traced, only channel rows.
    NoRedis,
    /// The first read is done: what is watched.
    Started {
        /// The database, as shown (no password).
        database: &'a str,
        channels: usize,
        /// The connects already waiting, and Redis as shown, when Redis is read.
        waiting: Option<(usize, &'a str)>,
        timeout: Option<Duration>,
    },
    /// An event of the deployment, with the time of the observation it came from.
    Event(&'a Event, DateTime<Utc>),
    /// The watch ended with consumed connects not judged yet (their labels).
    Unjudged {
        connects: &'a [String],
        grace: Duration,
    },
    /// The watch ended; `failed`: a connect failed.
    Stopped { failed: bool },
}

/// What `postiz watch` watches for, and how.
#[derive(Clone, Copy)]
pub struct Follow<'a> {
    /// Only this organization (its name or id).
    pub org: Option<&'a str>,
    /// Stop after this long (else at Ctrl-C).
    pub timeout: Option<Duration>,
    /// How long a consumed state may wait for its channel row.
    pub grace: Duration,
    /// How often the deployment is read.
    pub interval: Duration,
}

/// Watch the deployment until the timeout or Ctrl-C, handing what happens to `on` (each
/// event with the time of the observation it came from); whether a connect failed.
pub fn follow(
    catalog: &Catalog,
    target: &Target<'_>,
    watch: &Follow<'_>,
    on: &mut dyn FnMut(Progress<'_>),
) -> Result<bool, Error> {
    let Follow {
        org,
        timeout,
        grace,
        interval,
    } = *watch;
    let (deployment, env) = target.locate()?;
    let mut opened = super::open(&deployment, target.connect_timeout)?;
    let only = org
        .map(|f| report::resolve_organization(&mut opened.db, f))
        .transpose()?;
    if opened.redis.is_none() {
        on(Progress::NoRedis);
    }
    let env_file = deployment
        .env_file
        .as_ref()
        .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
        .map(|p| p.display().to_string());
    let mut watcher = Watcher::new(grace, env_file);
    // The refresh workflow Postiz starts for a threads / instagram-standalone connect.
    let mut refresh_workflows = super::engine::RefreshWatch::new(
        target.temporal(env.as_ref()),
        target.connect_timeout,
        grace,
        super::engine::repair_flag(target),
    );
    let mut reader = Reader::new(only);
    let first = reader.observe(&mut opened)?;
    watcher.observe(&first, catalog);
    let database = deployment
        .database
        .as_ref()
        .map(|d| d.shown())
        .unwrap_or_default();
    let redis = deployment
        .redis
        .as_ref()
        .map(|r| r.shown())
        .unwrap_or_default();
    on(Progress::Started {
        database: &database,
        channels: first.channels.len(),
        waiting: first
            .connects
            .as_ref()
            .map(|_| (watcher.waiting_count(), redis.as_str())),
        timeout,
    });
    let started = Instant::now();
    let mut failed = false;
    loop {
        let deadline = Instant::now() + interval;
        while Instant::now() < deadline {
            if interrupt::requested() || timeout.is_some_and(|t| started.elapsed() >= t) {
                // A consumed connect with no verdict yet: ending quietly with exit 0 would
                // read as "nothing failed" when nobody knows.
                let unjudged = watcher.unjudged();
                if !unjudged.is_empty() {
                    on(Progress::Unjudged {
                        connects: &unjudged,
                        grace,
                    });
                    return Ok(true);
                }
                on(Progress::Stopped { failed });
                return Ok(failed);
            }
            std::thread::sleep(Duration::from_millis(25).min(interval));
        }
        let obs = reader.observe(&mut opened)?;
        let mut events = watcher.observe(&obs, catalog);
        if let Some(workflows) = refresh_workflows.as_mut() {
            events.iter().for_each(|e| workflows.track(e));
            events.extend(workflows.poll());
        }
        for event in events {
            failed |= event.is_failure();
            on(Progress::Event(&event, obs.at));
        }
    }
}

/// Reads the deployment for the watcher: everything once, then what changed.
struct Reader {
    /// `--org`: only this organization.
    only: Option<Organization>,
    /// Where the next read of the rows starts; none before the first.
    since: Option<DateTime<Utc>>,
    /// Organizations whose names were looked up.
    known: HashSet<String>,
    /// The connects last read, and when.
    connects: Option<(Vec<ConnectState>, Instant)>,
}

impl Reader {
    fn new(only: Option<Organization>) -> Reader {
        Reader {
            only,
            since: None,
            known: HashSet::new(),
            connects: None,
        }
    }

    fn observe(&mut self, opened: &mut super::Opened) -> Result<Observation, Error> {
        let only_id = self.only.as_ref().map(|o| o.id.clone());
        let keep = |id: Option<&str>| only_id.is_none() || only_id.as_deref() == id;
        let connects = match opened.redis.as_mut() {
            None => None,
            Some(redis) => {
                // A waiting state due to expire is read again even if Redis has not
                // reclaimed it yet (it expires keys lazily).
                let due = self.connects.as_ref().is_none_or(|(list, at)| {
                    let aged = at.elapsed().as_secs() as i64;
                    list.iter()
                        .any(|c| c.waiting && c.ttl.is_some_and(|t| t - aged <= 0))
                });
                let list = match redis.connects_if_changed(due)? {
                    Some(fresh) => {
                        let fresh: Vec<ConnectState> = fresh
                            .into_iter()
                            .filter(|c| keep(c.organization_id.as_deref()))
                            .collect();
                        self.connects = Some((fresh.clone(), Instant::now()));
                        fresh
                    }
                    // Nothing changed: the same keys, their TTLs run down.
                    None => {
                        let (list, at) = self.connects.as_ref().expect("read before");
                        let aged = at.elapsed().as_secs() as i64;
                        list.iter()
                            .cloned()
                            .map(|mut c| {
                                c.ttl = c.ttl.map(|t| (t - aged).max(0));
                                c
                            })
                            .collect()
                    }
                };
                Some(list)
            }
        };
        let changes = opened.db.channel_changes(only_id.as_deref(), self.since)?;
        let mut organizations = Vec::new();
        if self.since.is_none() {
            organizations = match &self.only {
                Some(org) => vec![org.clone()],
                None => opened.db.organizations()?,
            };
            self.known
                .extend(organizations.iter().map(|o| o.id.clone()));
        }
        self.since = Some(changes.next_since());
        // Organizations created since: their names, once.
        let mut unknown: Vec<String> = changes
            .rows
            .iter()
            .map(|c| c.organization_id.clone())
            .chain(
                connects
                    .iter()
                    .flatten()
                    .filter_map(|c| c.organization_id.clone()),
            )
            .filter(|id| !self.known.contains(id))
            .collect();
        unknown.sort();
        unknown.dedup();
        if !unknown.is_empty() {
            organizations.extend(opened.db.organizations_by_id(&unknown)?);
            self.known.extend(unknown);
        }
        Ok(Observation {
            at: Utc::now(),
            connects,
            organizations,
            channels: changes.rows,
        })
    }
}
