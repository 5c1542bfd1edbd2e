//! `postiz watch`: successive observations of Redis and the channel rows turned into the
//! events of a connect, in the order Postiz makes them (see [`super::redis_state`]): the
//! state created (`login:<state>` and `organization:<state>`), the state consumed
//! (`login:<state>` deleted by `POST /integrations/social-connect/:provider`), the channel
//! row written (the upsert of `createOrUpdateIntegration`, `integration.repository.ts`),
//! and for two-step providers the page chosen (`inBetweenSteps` back to false).
//!
//! And the verdicts: consumed with no row written within the grace period (the token
//! exchange failed: Postiz deletes the state first, so a retry says "Invalid state");
//! expired unconsumed (the provider never sent the browser back, or the callback page never
//! posted); vanished before its time (Redis lost it).

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::model::{ChannelRow, Organization};
use super::redis_state::ConnectState;
use super::{catalog_entry, is_two_step};
use crate::providers::Catalog;

/// One observation: what Redis and the database held at `at`.
#[derive(Debug, Clone)]
pub struct Observation {
    pub at: DateTime<Utc>,
    /// `None`: Postiz has no Redis configured.
    pub connects: Option<Vec<ConnectState>>,
    /// Organizations not named before (their names label the events).
    pub organizations: Vec<Organization>,
    /// The first observation: every live channel. Later ones: the channels written since
    /// the one before, live or soft-deleted (`deleted_at` set); a row may come again
    /// unchanged.
    pub channels: Vec<ChannelRow>,
}

/// Something that happened between two observations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// `GET /integrations/social/:provider` wrote a state.
    StateCreated {
        state: String,
        organization: Option<String>,
        /// Reconnecting this internalId (and this channel).
        reconnect: Option<String>,
        reconnect_channel: Option<String>,
        expires_in_seconds: Option<i64>,
    },
    /// The callback reached Postiz: `login:<state>` is gone, the exchange runs now.
    StateConsumed {
        state: String,
        organization: Option<String>,
        after_seconds: i64,
    },
    /// A channel row was created or updated.
    ChannelWritten {
        new: bool,
        id: String,
        name: String,
        provider: String,
        organization: String,
        internal_id: String,
        /// Two-step provider, page not chosen yet.
        waiting_for_page: bool,
        /// The connect it finished, when one was seen.
        state: Option<String>,
    },
    /// A two-step channel's page was chosen.
    PageChosen {
        id: String,
        name: String,
        provider: String,
        internal_id: String,
    },
    /// A live channel was deleted (soft) or its row removed.
    ChannelRemoved {
        id: String,
        name: String,
        provider: String,
    },
    /// Verdict: consumed, but no row written within the grace period.
    ExchangeFailed {
        state: String,
        organization: Option<String>,
        waited_seconds: i64,
        advice: String,
    },
    /// Verdict: the state expired without being consumed.
    Expired {
        state: String,
        organization: Option<String>,
        advice: String,
    },
    /// Postiz started the refresh workflow of a threads / instagram-standalone row it wrote.
    RefreshWorkflowStarted {
        id: String,
        name: String,
        provider: String,
        workflow_id: String,
        run_id: String,
        task_queue: String,
    },
    /// Verdict: no refresh workflow started for such a row within the grace period.
    RefreshWorkflowMissing {
        id: String,
        name: String,
        provider: String,
        workflow_id: String,
        advice: String,
    },
    /// Temporal could not be read to see the refresh workflow of such a row.
    RefreshWorkflowUnknown {
        id: String,
        name: String,
        provider: String,
        workflow_id: String,
        advice: String,
    },
    /// Verdict: the state disappeared before its time without being consumed.
    Vanished {
        state: String,
        organization: Option<String>,
        ttl_left_seconds: Option<i64>,
        advice: String,
    },
}

impl Event {
    /// A verdict that a connect failed.
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            Event::ExchangeFailed { .. }
                | Event::Expired { .. }
                | Event::Vanished { .. }
                | Event::RefreshWorkflowMissing { .. }
        )
    }
}

#[derive(Debug, Clone)]
struct Waiting {
    prefix: String,
    organization_id: Option<String>,
    reconnect: Option<String>,
    ttl: Option<i64>,
    /// When `ttl` was read.
    seen_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
struct Consumed {
    prefix: String,
    organization_id: Option<String>,
    reconnect: Option<String>,
    at: DateTime<Utc>,
}

/// Follows connects from one observation to the next.
pub struct Watcher {
    grace: Duration,
    env_file: Option<String>,
    started: bool,
    waiting: BTreeMap<String, Waiting>,
    consumed: BTreeMap<String, Consumed>,
    /// States already accounted for (consumed and matched, or judged).
    done: std::collections::HashSet<String>,
    channels: HashMap<String, ChannelRow>,
    org_names: HashMap<String, String>,
}

impl Watcher {
    pub fn new(grace: Duration, env_file: Option<String>) -> Watcher {
        Watcher {
            grace,
            env_file,
            started: false,
            waiting: BTreeMap::new(),
            consumed: BTreeMap::new(),
            done: Default::default(),
            channels: HashMap::new(),
            org_names: HashMap::new(),
        }
    }

    /// Connects waiting when the watch began.
    pub fn waiting_count(&self) -> usize {
        self.waiting.len()
    }

    /// The connects whose state Postiz consumed and that have no verdict yet (no row
    /// written, the grace period not over): their state prefixes.
    pub fn unjudged(&self) -> Vec<String> {
        self.consumed.values().map(|c| c.prefix.clone()).collect()
    }

    fn org_label(&self, id: &Option<String>) -> Option<String> {
        id.as_ref().map(|id| {
            self.org_names
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.clone())
        })
    }

    fn doctor_advice(
        &self,
        catalog: &Catalog,
        org: &Option<String>,
        reconnect: &Option<String>,
    ) -> String {
        let provider = match (org, reconnect) {
            (Some(org), Some(internal)) => self
                .channels
                .values()
                .find(|c| &c.organization_id == org && &c.internal_id == internal)
                .and_then(|c| catalog_entry(catalog, &c.provider))
                .map(|p| p.id.clone()),
            _ => None,
        };
        format!(
            "postiz-connect doctor {} --env-file {}",
            provider
                .as_deref()
                .map(crate::text::shell_word)
                .unwrap_or("<provider>".into()),
            self.env_file
                .as_deref()
                .map(crate::text::shell_word)
                .unwrap_or("<Postiz .env>".into())
        )
    }

    /// Take in one observation; the events since the last one. The first observation
    /// sets the baseline and gives no events.
    pub fn observe(&mut self, obs: &Observation, catalog: &Catalog) -> Vec<Event> {
        let mut events = Vec::new();
        for o in &obs.organizations {
            self.org_names.insert(o.id.clone(), o.name.clone());
        }
        let baseline = !self.started;
        self.started = true;

        // Redis first: a row is written after its state was consumed.
        if let Some(connects) = &obs.connects {
            let present: HashMap<&str, &ConnectState> =
                connects.iter().map(|c| (c.state.as_str(), c)).collect();
            for c in connects {
                if self.done.contains(&c.state) {
                    continue;
                }
                let known_waiting = self.waiting.contains_key(&c.state);
                if c.waiting {
                    if !known_waiting {
                        if !baseline {
                            events.push(Event::StateCreated {
                                state: c.state_prefix.clone(),
                                organization: self.org_label(&c.organization_id),
                                reconnect: c.reconnect.clone(),
                                reconnect_channel: self.reconnect_name(c),
                                expires_in_seconds: c.ttl,
                            });
                        }
                        self.waiting.insert(
                            c.state.clone(),
                            Waiting {
                                prefix: c.state_prefix.clone(),
                                organization_id: c.organization_id.clone(),
                                reconnect: c.reconnect.clone(),
                                ttl: c.ttl,
                                seen_at: obs.at,
                            },
                        );
                    } else if let Some(w) = self.waiting.get_mut(&c.state) {
                        w.ttl = c.ttl;
                        w.seen_at = obs.at;
                        if w.organization_id.is_none() {
                            w.organization_id = c.organization_id.clone();
                        }
                    }
                } else if !self.consumed.contains_key(&c.state) {
                    // Consumed: seen waiting before, or created and consumed between two
                    // observations.
                    let before = self.waiting.remove(&c.state);
                    if baseline {
                        // Consumed before the watch began: not this watch's business.
                        self.done.insert(c.state.clone());
                        continue;
                    }
                    if before.is_none() {
                        events.push(Event::StateCreated {
                            state: c.state_prefix.clone(),
                            organization: self.org_label(&c.organization_id),
                            reconnect: None,
                            reconnect_channel: None,
                            expires_in_seconds: None,
                        });
                    }
                    let organization_id = c
                        .organization_id
                        .clone()
                        .or_else(|| before.as_ref().and_then(|b| b.organization_id.clone()));
                    events.push(Event::StateConsumed {
                        state: c.state_prefix.clone(),
                        organization: self.org_label(&organization_id),
                        after_seconds: c.age().unwrap_or(0),
                    });
                    self.consumed.insert(
                        c.state.clone(),
                        Consumed {
                            prefix: c.state_prefix.clone(),
                            organization_id,
                            reconnect: before.and_then(|b| b.reconnect),
                            at: obs.at,
                        },
                    );
                }
            }
            // Waiting states gone altogether: expired, or lost.
            let gone: Vec<String> = self
                .waiting
                .keys()
                .filter(|s| !present.contains_key(s.as_str()))
                .cloned()
                .collect();
            for state in gone {
                let w = self.waiting.remove(&state).expect("listed");
                self.done.insert(state);
                let elapsed = (obs.at - w.seen_at).num_seconds();
                let left = w.ttl.map(|t| t - elapsed);
                let organization = self.org_label(&w.organization_id);
                if left.is_none_or(|l| l <= 5) {
                    events.push(Event::Expired {
                        state: w.prefix,
                        organization,
                        advice: "the provider never sent the browser back to Postiz, or the \
                                 callback page never posted to the backend: check the redirect \
                                 URI registered with the provider (postiz-connect providers \
                                 <provider> --env-file ... prints the one Postiz sends) and that \
                                 the browser reaches FRONTEND_URL"
                            .into(),
                    });
                } else {
                    events.push(Event::Vanished {
                        state: w.prefix,
                        organization,
                        ttl_left_seconds: left,
                        advice: "Redis lost the state before its hour was up (restarted \
                                 without persistence, flushed, or evicting keys under \
                                 maxmemory): the callback will meet \"Invalid state\""
                            .into(),
                    });
                }
            }
        }

        // Then the rows: all of them at first, then only those written since.
        if baseline {
            self.channels = obs
                .channels
                .iter()
                .filter(|c| c.deleted_at.is_none())
                .map(|c| (c.id.clone(), c.clone()))
                .collect();
        } else {
            let mut written: Vec<(&ChannelRow, bool)> = Vec::new();
            let mut removed = Vec::new();
            for row in &obs.channels {
                if row.deleted_at.is_some() {
                    // Postiz deletes softly: deletedAt (and updatedAt) set.
                    if let Some(old) = self.channels.remove(&row.id) {
                        removed.push(Event::ChannelRemoved {
                            id: old.id,
                            name: old.name,
                            provider: old.provider,
                        });
                    }
                    continue;
                }
                match self.channels.get(&row.id) {
                    None => written.push((row, true)),
                    Some(old) if old != row => {
                        if old.in_between_steps && !row.in_between_steps && !row.refresh_needed {
                            events.push(Event::PageChosen {
                                id: row.id.clone(),
                                name: row.name.clone(),
                                provider: row.provider.clone(),
                                internal_id: row.internal_id.clone(),
                            });
                        } else if old.updated_at != row.updated_at
                            || old.internal_id != row.internal_id
                        {
                            written.push((row, false));
                        }
                    }
                    // Read again (a read overlaps the previous one), unchanged.
                    Some(_) => continue,
                }
                self.channels.insert(row.id.clone(), row.clone());
            }
            for (row, new) in written {
                let state = self.match_consumed(row);
                events.push(Event::ChannelWritten {
                    new,
                    id: row.id.clone(),
                    name: row.name.clone(),
                    provider: row.provider.clone(),
                    organization: self
                        .org_label(&Some(row.organization_id.clone()))
                        .unwrap_or_default(),
                    internal_id: row.internal_id.clone(),
                    waiting_for_page: row.in_between_steps && is_two_step(catalog, &row.provider),
                    state,
                });
            }
            events.extend(removed);
        }

        // Consumed without a row within the grace period: the exchange failed.
        let grace = chrono::Duration::from_std(self.grace).unwrap_or(chrono::Duration::MAX);
        let overdue: Vec<String> = self
            .consumed
            .iter()
            .filter(|(_, c)| obs.at - c.at >= grace)
            .map(|(s, _)| s.clone())
            .collect();
        for state in overdue {
            let c = self.consumed.remove(&state).expect("listed");
            self.done.insert(state);
            let doctor = self.doctor_advice(catalog, &c.organization_id, &c.reconnect);
            events.push(Event::ExchangeFailed {
                state: c.prefix,
                organization: self.org_label(&c.organization_id),
                waited_seconds: (obs.at - c.at).num_seconds(),
                advice: format!(
                    "Postiz took the state but wrote no channel: the token exchange or the \
                     account lookup failed (the browser showed \"Could not add provider\"; \
                     Postiz deleted the state first, so retrying that page says \"Invalid \
                     state\"). Check the app's credentials and redirect URI: {doctor}; then \
                     start again from \"Add Channel\""
                ),
            });
        }
        events
    }

    fn reconnect_name(&self, c: &ConnectState) -> Option<String> {
        let (org, internal) = (c.organization_id.as_ref()?, c.reconnect.as_ref()?);
        self.channels
            .values()
            .find(|r| &r.organization_id == org && &r.internal_id == internal)
            .map(|r| r.name.clone())
    }

    /// The consumed connect a row write finishes: same organization, the reconnect target
    /// first, else the oldest.
    fn match_consumed(&mut self, row: &ChannelRow) -> Option<String> {
        let candidates = self
            .consumed
            .iter()
            .filter(|(_, c)| c.organization_id.as_deref() == Some(row.organization_id.as_str()));
        let chosen = candidates
            .clone()
            .find(|(_, c)| c.reconnect.as_deref() == Some(row.internal_id.as_str()))
            .or_else(|| candidates.min_by_key(|(_, c)| c.at))
            .map(|(s, _)| s.clone())?;
        let c = self.consumed.remove(&chosen)?;
        self.done.insert(chosen);
        Some(c.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(secs: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap() + chrono::Duration::seconds(secs)
    }

    fn state(s: &str, waiting: bool, ttl: i64) -> ConnectState {
        ConnectState {
            state: s.into(),
            state_prefix: super::super::short_state(s),
            waiting,
            organization_id: Some("o1".into()),
            reconnect: None,
            ttl: Some(ttl),
        }
    }

    fn row(id: &str, provider: &str, between: bool, updated: i64) -> ChannelRow {
        ChannelRow {
            id: id.into(),
            internal_id: format!("int-{id}"),
            root_internal_id: None,
            organization_id: "o1".into(),
            name: format!("Name {id}"),
            provider: provider.into(),
            kind: "social".into(),
            profile: None,
            disabled: false,
            in_between_steps: between,
            refresh_needed: false,
            token_expiration: None,
            created_at: t(updated),
            updated_at: Some(t(updated)),
            deleted_at: None,
            posting_times_valid: true,
            has_refresh_token: true,
        }
    }

    fn obs(at: i64, connects: Vec<ConnectState>, channels: Vec<ChannelRow>) -> Observation {
        Observation {
            at: t(at),
            connects: Some(connects),
            organizations: vec![Organization {
                id: "o1".into(),
                name: "Acme".into(),
                deleted: false,
            }],
            channels,
        }
    }

    fn kinds(events: &[Event]) -> Vec<&'static str> {
        events
            .iter()
            .map(|e| match e {
                Event::StateCreated { .. } => "created",
                Event::StateConsumed { .. } => "consumed",
                Event::ChannelWritten { new: true, .. } => "row new",
                Event::ChannelWritten { new: false, .. } => "row updated",
                Event::PageChosen { .. } => "page chosen",
                Event::ChannelRemoved { .. } => "removed",
                Event::ExchangeFailed { .. } => "exchange failed",
                Event::Expired { .. } => "expired",
                Event::Vanished { .. } => "vanished",
                Event::RefreshWorkflowStarted { .. } => "refresh workflow started",
                Event::RefreshWorkflowMissing { .. } => "no refresh workflow",
                Event::RefreshWorkflowUnknown { .. } => "refresh workflow unknown",
            })
            .collect()
    }

    #[test]
    fn a_two_step_connect_from_state_to_page() {
        let c = Catalog::embedded();
        let mut w = Watcher::new(Duration::from_secs(10), None);
        assert!(w.observe(&obs(0, vec![], vec![]), &c).is_empty());
        let e = w.observe(
            &obs(1, vec![state("stateAAAAAAAA", true, 3600)], vec![]),
            &c,
        );
        assert_eq!(kinds(&e), ["created"]);
        assert!(
            matches!(&e[0], Event::StateCreated { organization: Some(o), state, .. } if o == "Acme" && state == "stateAAA")
        );
        let e = w.observe(
            &obs(
                20,
                vec![state("stateAAAAAAAA", false, 3581)],
                vec![row("c1", "facebook", true, 20)],
            ),
            &c,
        );
        assert_eq!(kinds(&e), ["consumed", "row new"]);
        assert!(
            matches!(&e[1], Event::ChannelWritten { waiting_for_page: true, state: Some(s), .. } if s == "stateAAA")
        );
        let mut chosen = row("c1", "facebook", false, 40);
        chosen.internal_id = "page-1".into();
        let e = w.observe(
            &obs(
                40,
                vec![state("stateAAAAAAAA", false, 3561)],
                vec![chosen.clone()],
            ),
            &c,
        );
        assert_eq!(kinds(&e), ["page chosen"]);
        // Nothing pending: no verdict later.
        let e = w.observe(&obs(100, vec![], vec![chosen]), &c);
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn consumed_without_a_row_is_a_failed_exchange_after_the_grace() {
        let c = Catalog::embedded();
        let mut w = Watcher::new(Duration::from_secs(10), Some("/srv/.env".into()));
        let existing = row("c9", "linkedin", false, -100);
        w.observe(&obs(0, vec![], vec![existing.clone()]), &c);
        let mut s = state("reconnectBBBB", true, 3600);
        s.reconnect = Some("int-c9".into());
        let e = w.observe(&obs(1, vec![s.clone()], vec![existing.clone()]), &c);
        assert!(
            matches!(&e[0], Event::StateCreated { reconnect_channel: Some(n), .. } if n == "Name c9")
        );
        s.waiting = false;
        let e = w.observe(&obs(5, vec![s.clone()], vec![existing.clone()]), &c);
        assert_eq!(kinds(&e), ["consumed"]);
        assert!(w
            .observe(&obs(14, vec![s.clone()], vec![existing.clone()]), &c)
            .is_empty());
        let e = w.observe(&obs(15, vec![s.clone()], vec![existing.clone()]), &c);
        assert_eq!(kinds(&e), ["exchange failed"]);
        assert!(e[0].is_failure());
        match &e[0] {
            Event::ExchangeFailed {
                advice,
                waited_seconds,
                ..
            } => {
                assert_eq!(*waited_seconds, 10);
                // The reconnect named the channel, so the provider is known.
                assert!(
                    advice.contains("postiz-connect doctor linkedin --env-file /srv/.env"),
                    "{advice}"
                );
            }
            other => panic!("{other:?}"),
        }
        // Judged once.
        assert!(w.observe(&obs(30, vec![s], vec![existing]), &c).is_empty());
    }

    #[test]
    fn expired_and_vanished_states() {
        let c = Catalog::embedded();
        let mut w = Watcher::new(Duration::from_secs(10), None);
        w.observe(&obs(0, vec![], vec![]), &c);
        w.observe(
            &obs(
                1,
                vec![state("old", true, 3), state("lost", true, 3000)],
                vec![],
            ),
            &c,
        );
        let e = w.observe(&obs(3, vec![], vec![]), &c);
        let mut k = kinds(&e);
        k.sort();
        assert_eq!(k, ["expired", "vanished"]);
        assert!(e
            .iter()
            .any(|e| matches!(e, Event::Expired { state, .. } if state == "old")));
        assert!(e.iter().all(Event::is_failure));
    }

    #[test]
    fn a_connect_between_two_polls_and_a_deleted_channel() {
        let c = Catalog::embedded();
        let mut w = Watcher::new(Duration::from_secs(10), None);
        let kept = row("kept", "x", false, -9);
        w.observe(
            &obs(0, vec![], vec![row("gone", "x", false, -5), kept.clone()]),
            &c,
        );
        let mut gone = row("gone", "x", false, 1);
        gone.deleted_at = gone.updated_at;
        let e = w.observe(
            &obs(
                1,
                vec![state("fast", false, 3599)],
                vec![row("c2", "x", false, 1), gone.clone()],
            ),
            &c,
        );
        assert_eq!(kinds(&e), ["created", "consumed", "row new", "removed"]);
        assert!(matches!(&e[3], Event::ChannelRemoved { id, .. } if id == "gone"));
        // Later observations hold the rows written since: a row not in one is not gone,
        // and rows read again unchanged are no event.
        let e = w.observe(
            &obs(2, vec![], vec![row("c2", "x", false, 1), gone.clone()]),
            &c,
        );
        assert!(e.is_empty(), "{e:?}");
        let mut renamed = kept.clone();
        renamed.name = "Renamed".into();
        renamed.updated_at = Some(t(3));
        let e = w.observe(&obs(3, vec![], vec![renamed]), &c);
        assert_eq!(kinds(&e), ["row updated"]);
        // States consumed before the watch began are not judged.
        let mut w = Watcher::new(Duration::from_secs(1), None);
        w.observe(&obs(0, vec![state("before", false, 1000)], vec![]), &c);
        assert!(w
            .observe(&obs(60, vec![state("before", false, 940)], vec![]), &c)
            .is_empty());
    }
}
