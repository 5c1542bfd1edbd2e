//! `postiz watch` and the engine: after Postiz writes the row of a threads or
//! instagram-standalone connect, its connect controller starts `refresh_<row id>`
//! (`no.auth.integrations.controller.ts` → `startRefreshWorkflow`). This follows each such
//! row until Temporal shows a run started for it, or the grace period ends without one.

use std::time::{Duration, Instant};

use chrono::Utc;

use super::place::{reach_advice, refresh_workflow_id, Located, REFRESH_WORKFLOW_TYPE};
use super::temporal::Temporal;
use crate::postiz::watch::Event;
use crate::postiz::REFRESH_WORKFLOW_PROVIDERS;

/// A run started this long before the row was seen still belongs to this connect (Postiz
/// starts it right after writing the row; clocks differ a little).
const SLACK: chrono::Duration = chrono::Duration::seconds(30);

struct Pending {
    row_id: String,
    name: String,
    provider: String,
    seen: chrono::DateTime<Utc>,
    since: Instant,
}

/// The refresh workflows `postiz watch` waits for.
pub struct RefreshWatch {
    located: Located,
    temporal: Option<Temporal>,
    timeout: Duration,
    grace: Duration,
    pending: Vec<Pending>,
    /// A row name for the fix: " --env-file ..." (how the deployment was named).
    repair_flag: String,
}

impl RefreshWatch {
    /// `None` without a Temporal to read (`--temporal-address none`).
    pub fn new(
        located: Option<Located>,
        timeout: Duration,
        grace: Duration,
        repair_flag: String,
    ) -> Option<RefreshWatch> {
        Some(RefreshWatch {
            located: located?,
            temporal: None,
            timeout,
            grace,
            pending: Vec::new(),
            repair_flag,
        })
    }

    /// Follow the rows of refresh-workflow providers that a connect wrote: a new row, or
    /// one whose connect state was seen consumed. Any other write (Postiz's own refresh
    /// workflow renewing the token, a rename, a setting) starts no workflow, and its
    /// running one began long before: following it would report a false "missing".
    pub fn track(&mut self, event: &Event) {
        if let Event::ChannelWritten {
            new,
            id,
            name,
            provider,
            state,
            ..
        } = event
        {
            if (*new || state.is_some())
                && REFRESH_WORKFLOW_PROVIDERS.contains(&provider.as_str())
                && !self.pending.iter().any(|p| &p.row_id == id)
            {
                self.pending.push(Pending {
                    row_id: id.clone(),
                    name: name.clone(),
                    provider: provider.clone(),
                    seen: Utc::now(),
                    since: Instant::now(),
                });
            }
        }
    }

    /// Ask Temporal about the rows followed: an event for each whose workflow started, or
    /// whose grace period ended without it.
    pub fn poll(&mut self) -> Vec<Event> {
        if self.pending.is_empty() {
            return Vec::new();
        }
        if self.temporal.is_none() {
            match Temporal::connect(&self.located, self.timeout) {
                Ok(t) => self.temporal = Some(t),
                Err(e) => {
                    // One event per row, then no more tries for them.
                    return std::mem::take(&mut self.pending)
                        .into_iter()
                        .map(|p| Event::RefreshWorkflowUnknown {
                            workflow_id: refresh_workflow_id(&p.row_id),
                            id: p.row_id,
                            name: p.name,
                            provider: p.provider,
                            advice: format!(
                                "{e}; {}",
                                e.fix().unwrap_or_else(|| reach_advice(&self.located))
                            ),
                        })
                        .collect();
                }
            }
        }
        let temporal = self.temporal.as_mut().expect("connected above");
        let mut events = Vec::new();
        let grace = self.grace;
        let flag = self.repair_flag.clone();
        self.pending.retain(|p| {
            let workflow_id = refresh_workflow_id(&p.row_id);
            let run = temporal.describe_workflow(&workflow_id).ok().flatten();
            let fresh = run.as_ref().filter(|e| {
                e.running()
                    && e.workflow_type == REFRESH_WORKFLOW_TYPE
                    && e.started.is_some_and(|at| at >= p.seen - SLACK)
            });
            if let Some(run) = fresh {
                events.push(Event::RefreshWorkflowStarted {
                    id: p.row_id.clone(),
                    name: p.name.clone(),
                    provider: p.provider.clone(),
                    workflow_id,
                    run_id: run.run_id.clone(),
                    task_queue: run.task_queue.clone(),
                });
                return false;
            }
            if p.since.elapsed() < grace {
                return true;
            }
            events.push(Event::RefreshWorkflowMissing {
                id: p.row_id.clone(),
                name: p.name.clone(),
                provider: p.provider.clone(),
                advice: format!(
                    "Postiz wrote the row but started no {REFRESH_WORKFLOW_TYPE} {workflow_id} \
                     within {} (its backend could not reach Temporal?): nothing will refresh \
                     this channel; start it with postiz-connect postiz refresh {}{flag}",
                    crate::text::duration_words(grace),
                    crate::text::shell_word(&p.row_id)
                ),
                workflow_id,
            });
            false
        });
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(new: bool, state: Option<&str>, provider: &str) -> Event {
        Event::ChannelWritten {
            new,
            id: format!("row-{new}-{}", state.unwrap_or("none")),
            name: "Acme".into(),
            provider: provider.into(),
            organization: "Acme".into(),
            internal_id: "1".into(),
            waiting_for_page: false,
            state: state.map(str::to_string),
        }
    }

    #[test]
    fn only_a_connect_of_a_refresh_workflow_provider_is_followed() {
        let located = Located {
            address: "127.0.0.1:7233".into(),
            from: "--temporal-address".into(),
            namespace: "default".into(),
            tls: false,
            api_key: None,
            excluded_queues: Vec::new(),
        };
        let mut watch = RefreshWatch::new(
            Some(located),
            Duration::from_secs(1),
            Duration::from_secs(1),
            String::new(),
        )
        .unwrap();
        // Postiz's own workflow renewing the token, or a rename: no connect, not followed
        // (its workflow started long ago and would be called missing).
        watch.track(&written(false, None, "threads"));
        // A provider without a refresh workflow.
        watch.track(&written(true, None, "x"));
        assert!(watch.pending.is_empty());
        // A new row, and a reconnect whose connect state was seen consumed.
        watch.track(&written(true, None, "threads"));
        watch.track(&written(false, Some("abc"), "instagram-standalone"));
        assert_eq!(watch.pending.len(), 2);
    }
}
