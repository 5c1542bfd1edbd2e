//! `postiz watch` as a loop: observe the deployment's Redis and channel rows every
//! interval and turn the observations into events ([`super::watch::Watcher`]), until the
//! timeout or Ctrl-C.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::locate::Target;
use super::model::ChannelRow;
use super::report;
use super::watch::{Event, Observation, Watcher};
use crate::error::Error;
use crate::interrupt;
use crate::providers::Catalog;
use crate::ui::Ui;

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

/// Watch the deployment until the timeout or Ctrl-C, handing each event to `on_event` with
/// the time of the observation it came from; whether a connect failed.
pub fn follow(
    ui: &Ui,
    catalog: &Catalog,
    target: &Target<'_>,
    watch: &Follow<'_>,
    on_event: &mut dyn FnMut(&Event, DateTime<Utc>),
) -> Result<bool, Error> {
    let Follow {
        org,
        timeout,
        grace,
        interval,
    } = *watch;
    let (deployment, env) = target.locate()?;
    let mut opened = super::open(&deployment, target.connect_timeout)?;
    let (organizations, _) = opened.db.channels()?;
    let org_id = org
        .map(|f| report::find_organization(&organizations, f).map(|o| o.id.clone()))
        .transpose()?;
    if opened.redis.is_none() {
        ui.warn(
            "Postiz runs without Redis here (no REDIS_URL in the .env, the flags or the \
             environment): it keeps connect state in its own memory, so no connect can be \
             traced, only channel rows. Set REDIS_URL for Postiz (and give it here) to see \
             connects; without it, \"Invalid state\" follows as soon as two processes serve \
             Postiz",
        );
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
    let observe = |opened: &mut super::Opened| -> Result<Observation, Error> {
        let connects = opened.redis.as_mut().map(|r| r.connects()).transpose()?;
        let (organizations, channels) = opened.db.channels()?;
        let keep = |id: Option<&str>| org_id.is_none() || org_id.as_deref() == id;
        Ok(Observation {
            at: Utc::now(),
            connects: connects.map(|list| {
                list.into_iter()
                    .filter(|c| keep(c.organization_id.as_deref()))
                    .collect()
            }),
            organizations,
            channels: channels
                .into_iter()
                .filter(|c: &ChannelRow| keep(Some(&c.organization_id)))
                .collect(),
        })
    };
    let first = observe(&mut opened)?;
    watcher.observe(&first, catalog);
    ui.info(format!(
        "watching {} ({} channel(s){}); start a connect in Postiz (Add Channel). {}",
        deployment
            .database
            .as_ref()
            .map(|d| d.shown())
            .unwrap_or_default(),
        first.channels.len(),
        match &first.connects {
            Some(_) => format!(
                ", {} connect(s) already waiting, Redis {}",
                watcher.waiting_count(),
                deployment
                    .redis
                    .as_ref()
                    .map(|r| r.shown())
                    .unwrap_or_default()
            ),
            None => String::new(),
        },
        match timeout {
            Some(t) => format!(
                "Stops after {} or at Ctrl-C.",
                humantime::format_duration(t)
            ),
            None => "Ctrl-C ends.".into(),
        }
    ));
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
                    ui.warn(format!(
                        "stopped before judging {} connect(s) ({}): Postiz took the state, and the watch ended before a channel row was written or the grace period ({}) was over; watch longer (a larger --timeout), or see postiz status",
                        unjudged.len(),
                        unjudged.join(", "),
                        humantime::format_duration(grace)
                    ));
                    return Ok(true);
                }
                ui.info(if failed {
                    "stopped; a connect failed (see above)"
                } else {
                    "stopped"
                });
                return Ok(failed);
            }
            std::thread::sleep(Duration::from_millis(25).min(interval));
        }
        let obs = observe(&mut opened)?;
        let mut events = watcher.observe(&obs, catalog);
        if let Some(workflows) = refresh_workflows.as_mut() {
            events.iter().for_each(|e| workflows.track(e));
            events.extend(workflows.poll());
        }
        for event in events {
            failed |= event.is_failure();
            on_event(&event, obs.at);
        }
    }
}
