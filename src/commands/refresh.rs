//! `postiz-connect refresh`: once (some channels, or every due one, concurrently), or as
//! a watcher.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::error::{Error, ExitCode};
use crate::interrupt;
use crate::refresh::{self, Gate, Outcome, Policy};
use crate::store::Channel;

use super::Context;

pub fn run(
    ctx: &Context,
    names: &[String],
    all: bool,
    policy: &Policy,
    jobs: usize,
) -> Result<ExitCode, Error> {
    let targets: Vec<String> = if all {
        // Unreadable channels too: each is reported as failed, the rest go on.
        ctx.store.list()?.names()
    } else {
        for name in names {
            ctx.store.get(name)?;
        }
        names.to_vec()
    };
    if targets.is_empty() {
        ctx.ui.info("no channels stored; nothing to refresh");
        if ctx.ui.json {
            ctx.ui.json_data(&serde_json::Value::Array(Vec::new()));
        }
        return Ok(ExitCode::Ok);
    }
    let results = refresh_all(ctx, &targets, policy, jobs);
    let mut worst = ExitCode::Ok;
    for (name, outcome) in &results {
        if !ctx.ui.json {
            report(ctx, name, outcome, policy.within);
        }
        // A channel named on the command line that is handed to Postiz was refused; with
        // --all it is one of the channels this tool no longer refreshes.
        let code = match outcome {
            Outcome::HandedToPostiz(_) if !all => ExitCode::Rejected,
            other => other.exit_code(),
        };
        worst = worst.worst(code);
    }
    // A run that ends prints one document (an array, one object per channel); the
    // watcher, which does not end, one line per event.
    if ctx.ui.json {
        let all = results.iter().map(|(n, o)| outcome_json(n, o)).collect();
        ctx.ui.json_data(&serde_json::Value::Array(all));
    }
    if !ctx.ui.json && results.len() > 1 {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for (_, o) in &results {
            match counts.iter_mut().find(|(l, _)| *l == o.label()) {
                Some((_, n)) => *n += 1,
                None => counts.push((o.label(), 1)),
            }
        }
        let summary: Vec<String> = counts
            .iter()
            .map(|(l, n)| format!("{n} {}", l.replace('_', " ")))
            .collect();
        ctx.ui.data(format!(
            "{} channels: {}",
            results.len(),
            summary.join(", ")
        ));
    }
    Ok(worst)
}

/// Refresh `names` with at most `jobs` at once; results in the order given.
fn refresh_all(
    ctx: &Context,
    names: &[String],
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
    // Built once (trust roots, pool) and shared: a failure comes back as a value, so
    // workers need no client of their own.
    let shared = ctx.network.client();
    std::thread::scope(|scope| {
        let (queue, results, gate) = (&queue, &results, &gate);
        for _ in 0..workers {
            let http = &shared;
            scope.spawn(move || loop {
                let Some((i, name)) = queue.lock().expect("queue lock").pop_front() else {
                    break;
                };
                let outcome = refresh::refresh_channel(&ctx.store, &name, policy, http, gate);
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

fn when(at: Option<DateTime<Utc>>) -> String {
    match at {
        Some(at) => crate::ui::expiry(at, Utc::now()),
        None => "no expiry".into(),
    }
}

/// One channel's outcome as `--json` shows it; its error is the object an error on
/// stderr holds (`ui::error_json`).
fn outcome_json(name: &str, outcome: &Outcome) -> serde_json::Value {
    let expires_at = match outcome {
        Outcome::Refreshed { expires_at, .. }
        | Outcome::NotDue { expires_at }
        | Outcome::CannotRefresh { expires_at, .. }
        | Outcome::TooYoung { expires_at, .. } => *expires_at,
        _ => None,
    };
    json!({
        "time": Utc::now().to_rfc3339(),
        "channel": name,
        "outcome": outcome.label(),
        "rotated": matches!(outcome, Outcome::Refreshed { rotated: true, .. }),
        "expires_at": expires_at.map(|t| t.to_rfc3339()),
        "error": outcome.error().map(crate::ui::error_json),
    })
}

fn report(ctx: &Context, name: &str, outcome: &Outcome, within: Duration) {
    let ui = &ctx.ui;
    let provider = name.split(':').next().unwrap_or(name);
    let reconnect = || {
        ctx.store
            .get(name)
            .map(|c| c.reconnect_command())
            .unwrap_or_else(|_| format!("postiz-connect {provider}"))
    };
    if ui.json {
        ui.json_line(&outcome_json(name, outcome));
        return;
    }
    match outcome {
        Outcome::Refreshed {
            expires_at,
            rotated,
        } => ui.step(format!(
            "{name}: refreshed, {}{}",
            when(*expires_at),
            if *rotated {
                " (refresh token rotated and saved)"
            } else {
                ""
            }
        )),
        Outcome::WouldRefresh => ui.info(format!("{name}: would refresh (dry run)")),
        Outcome::HandedToPostiz(reason) => ui.warn(format!("{name}: not refreshed here: {reason}")),
        Outcome::NotDue { expires_at } => {
            // When it becomes due, and by which rule: "not due" beside "expires in under
            // a minute" reads as a contradiction for a short-lived token.
            let due = ctx
                .store
                .get(name)
                .ok()
                .and_then(|c| refresh::due_at(&c, within).map(|at| (c, at)))
                .map(|(c, at)| {
                    let window =
                        chrono::Duration::from_std(within).unwrap_or(chrono::Duration::MAX);
                    let half_life = c.expires_at.is_some_and(|expires| expires - at < window);
                    format!(
                        "; due from {} ({})",
                        crate::ui::moment(at),
                        match half_life {
                            true =>
                                "at half its lifetime, which is sooner than --within".to_string(),
                            false => format!(
                                "{} before it expires, --within",
                                crate::ui::duration_words(within)
                            ),
                        }
                    )
                });
            ui.info(format!(
                "{name}: not due, {}{}",
                when(*expires_at),
                due.unwrap_or_default()
            ))
        }
        Outcome::CannotRefresh { expires_at, reason } => match (reason, expires_at) {
            (Some(reason), None) => ui.info(format!("{name}: not refreshable: {reason}")),
            (reason, _) => ui.warn(format!(
                "{name}: {}, {}; reconnect when it expires: {}",
                reason.as_deref().unwrap_or("has no refresh token"),
                when(*expires_at),
                reconnect()
            )),
        },
        Outcome::TooYoung {
            allowed_from,
            expires_at,
        } => ui.info(format!(
            "{name}: the provider refreshes this token only from {} (it is too new), {}",
            allowed_from
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M"),
            when(*expires_at)
        )),
        Outcome::DeadGrant(e) => {
            ui.warn(format!("{name}: needs reconnect: {}", reconnect()));
            ui.error(e);
        }
        Outcome::Transient(e) | Outcome::Misconfigured(e) | Outcome::Failed(e) => {
            ui.warn(format!(
                "{name}: not refreshed (the stored tokens are unchanged)"
            ));
            ui.error(e);
        }
        Outcome::NotStored(e) => {
            ui.warn(format!(
                "{name}: refreshed, but the new tokens are not in the store yet (the old refresh token may already be spent)"
            ));
            ui.error(e);
        }
    }
}

/// Stay running; refresh each channel when it becomes due. The schedule is recomputed from
/// the wall clock every second, so a suspended laptop or a clock jump only makes a due
/// refresh happen at once, never skips it.
pub fn watch(
    ctx: &Context,
    names: &[String],
    policy: &Policy,
    jobs: usize,
) -> Result<ExitCode, Error> {
    ctx.ui.info(format!(
        "watching {}: each is refreshed {} before it expires, or at half its lifetime when that is sooner (Ctrl-C to stop)",
        if names.is_empty() {
            "every stored channel".to_string()
        } else {
            names.join(", ")
        },
        crate::ui::duration_words(policy.within)
    ));
    // Channels whose last attempt failed transiently (or was too early) wait.
    let mut retry_at = refresh::Backoff::default();
    let mut announced_next: Option<DateTime<Utc>> = None;
    let mut reported_unreadable = std::collections::BTreeSet::new();
    let mut reported_handed = std::collections::BTreeSet::new();
    loop {
        if interrupt::requested() {
            ctx.ui.info("stopped");
            return Ok(ExitCode::Ok);
        }
        let listing = ctx.store.list()?;
        for u in listing
            .unreadable
            .iter()
            .filter(|u| names.is_empty() || names.contains(&u.channel))
        {
            // Once per file: the watcher keeps the readable channels alive meanwhile.
            if reported_unreadable.insert(u.channel.clone()) {
                ctx.ui.error(&u.error);
            }
        }
        let channels: Vec<Channel> = listing
            .channels
            .into_iter()
            .filter(|c| names.is_empty() || names.contains(&c.name))
            .collect();
        for c in &channels {
            // Never due (see `Channel::can_refresh`); said once, so its silence is explained.
            if let Some(handed) = &c.handed_to_postiz {
                if reported_handed.insert(c.name.clone()) {
                    ctx.ui.info(format!(
                        "{}: not refreshed here: {}",
                        c.name,
                        handed.reason()
                    ));
                }
            }
        }
        let plan = refresh::schedule(&channels, policy.within, &retry_at, Utc::now());
        if !plan.due.is_empty() {
            for (name, outcome) in refresh_all(ctx, &plan.due, policy, jobs) {
                report(ctx, &name, &outcome, policy.within);
                retry_at.after(&name, &outcome, Utc::now());
            }
            announced_next = None;
            continue;
        }
        let next = plan.next;
        if next != announced_next {
            if let Some(next) = next {
                ctx.ui
                    .debug(format!("next refresh due at {}", crate::ui::moment(next)));
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
