//! `postiz-connect refresh`: once (some channels, or every due one, concurrently), or as
//! a watcher.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::error::{Error, ExitCode};
use crate::refresh::{self, Outcome, Policy, Targets, WatchEvent};
use crate::ui::Ui;

use super::Context;

pub fn run(
    ctx: &Context,
    names: &[String],
    all: bool,
    policy: &Policy,
    jobs: usize,
) -> Result<ExitCode, Error> {
    let targets = match all {
        true => Targets::All,
        false => Targets::Named(names),
    };
    let results = refresh::once(&ctx.store, &ctx.network, targets, policy, jobs)?;
    if results.is_empty() {
        ctx.ui.info("no channels stored; nothing to refresh");
        if ctx.ui.json {
            ctx.ui.json_data(&serde_json::Value::Array(Vec::new()));
        }
        return Ok(ExitCode::Ok);
    }
    let worst = results
        .iter()
        .fold(ExitCode::Ok, |worst, (_, o)| worst.worst(o.exit_code()));
    // A run that ends prints one document (an array, one object per channel); the
    // watcher, which does not end, one line per event.
    if ctx.ui.json {
        let all = results.iter().map(|(n, o)| outcome_json(n, o)).collect();
        ctx.ui.json_data(&serde_json::Value::Array(all));
        return Ok(worst);
    }
    for (name, outcome) in &results {
        report(&ctx.ui, name, outcome, policy.within);
    }
    if results.len() > 1 {
        ctx.ui.data(summary(&results));
    }
    Ok(worst)
}

/// "3 channels: 2 refreshed, 1 not due", the labels in the order they first came.
fn summary(results: &[(String, Outcome)]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (_, o) in results {
        match counts.iter_mut().find(|(l, _)| *l == o.label()) {
            Some((_, n)) => *n += 1,
            None => counts.push((o.label(), 1)),
        }
    }
    let counts: Vec<String> = counts
        .iter()
        .map(|(l, n)| format!("{n} {}", l.replace('_', " ")))
        .collect();
    format!("{} channels: {}", results.len(), counts.join(", "))
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
        | Outcome::NotDue { expires_at, .. }
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

/// When a channel that is not due becomes due, and by which rule: "not due" beside
/// "expires in under a minute" reads as a contradiction for a short-lived token.
fn due_words(due: refresh::Due, within: Duration) -> String {
    format!(
        "; due from {} ({})",
        crate::ui::moment(due.at),
        match due.half_life {
            true => "at half its lifetime, which is sooner than --within".to_string(),
            false => format!(
                "{} before it expires, --within",
                crate::ui::duration_words(within)
            ),
        }
    )
}

fn report(ui: &Ui, name: &str, outcome: &Outcome, within: Duration) {
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
        Outcome::HandedToPostiz { reason, .. } => {
            ui.warn(format!("{name}: not refreshed here: {reason}"))
        }
        Outcome::NotDue { expires_at, due } => ui.info(format!(
            "{name}: not due, {}{}",
            when(*expires_at),
            due.map(|due| due_words(due, within)).unwrap_or_default()
        )),
        Outcome::CannotRefresh {
            expires_at,
            reason,
            reconnect,
            ..
        } => match (reason, expires_at) {
            (Some(reason), None) => ui.info(format!("{name}: not refreshable: {reason}")),
            (reason, _) => ui.warn(format!(
                "{name}: {}, {}; reconnect when it expires: {reconnect}",
                reason.as_deref().unwrap_or("has no refresh token"),
                when(*expires_at),
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
        Outcome::DeadGrant { error, reconnect } => {
            ui.warn(format!("{name}: needs reconnect: {reconnect}"));
            ui.error(error);
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

/// Stay running; refresh each channel when it becomes due (`refresh::watch`).
pub fn watch(
    ctx: &Context,
    names: &[String],
    policy: &Policy,
    jobs: usize,
) -> Result<ExitCode, Error> {
    let ui = &ctx.ui;
    ui.info(format!(
        "watching {}: each is refreshed {} before it expires, or at half its lifetime when that is sooner (Ctrl-C to stop)",
        if names.is_empty() {
            "every stored channel".to_string()
        } else {
            names.join(", ")
        },
        crate::ui::duration_words(policy.within)
    ));
    refresh::watch(
        &ctx.store,
        &ctx.network,
        names,
        policy,
        jobs,
        crate::interrupt::requested,
        |event| match event {
            WatchEvent::Unreadable(error) => ui.error(error),
            WatchEvent::HandedToPostiz { channel, reason } => {
                ui.info(format!("{channel}: not refreshed here: {reason}"))
            }
            WatchEvent::Attempted { channel, outcome } => {
                report(ui, channel, outcome, policy.within)
            }
            WatchEvent::NextDue(next) => {
                ui.debug(format!("next refresh due at {}", crate::ui::moment(next)))
            }
            WatchEvent::Stopped => ui.info("stopped"),
        },
    )?;
    Ok(ExitCode::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refresh::Due;

    /// What `report` writes on stderr for `outcome`, colours stripped.
    fn shown(outcome: &Outcome) -> String {
        let (ui, captured) = Ui::capture();
        report(&ui, "custom:alice", outcome, Duration::from_secs(3600));
        assert_eq!(captured.stdout(), "", "text mode writes nothing on stdout");
        console::strip_ansi_codes(&captured.stderr()).into_owned()
    }

    #[test]
    fn each_outcome_reads_as_one_line_and_failures_add_their_error() {
        assert_eq!(
            shown(&Outcome::WouldRefresh),
            "• custom:alice: would refresh (dry run)\n"
        );
        assert_eq!(
            shown(&Outcome::NotDue {
                expires_at: None,
                due: None
            }),
            "• custom:alice: not due, no expiry\n"
        );
        let at: DateTime<Utc> = "2026-03-01T12:00:00Z".parse().unwrap();
        let not_due = |half_life| {
            shown(&Outcome::NotDue {
                expires_at: None,
                due: Some(Due { at, half_life }),
            })
        };
        assert_eq!(
            not_due(false),
            "• custom:alice: not due, no expiry; due from 2026-03-01 12:00:00 UTC (1 hour before it expires, --within)\n"
        );
        assert_eq!(
            not_due(true),
            "• custom:alice: not due, no expiry; due from 2026-03-01 12:00:00 UTC (at half its lifetime, which is sooner than --within)\n"
        );
        assert_eq!(
            shown(&Outcome::CannotRefresh {
                expires_at: None,
                reason: Some("OAuth 1.0a tokens do not expire".into()),
                expired: false,
                reconnect: "postiz-connect x".into(),
            }),
            "• custom:alice: not refreshable: OAuth 1.0a tokens do not expire\n"
        );
        assert_eq!(
            shown(&Outcome::CannotRefresh {
                expires_at: None,
                reason: None,
                expired: false,
                reconnect: "postiz-connect custom --issuer http://127.0.0.1:9".into(),
            }),
            "! custom:alice: has no refresh token, no expiry; reconnect when it expires: postiz-connect custom --issuer http://127.0.0.1:9\n"
        );
        assert_eq!(
            shown(&Outcome::HandedToPostiz {
                reason: "handed to Postiz (row 7)".into(),
                refused: true,
            }),
            "! custom:alice: not refreshed here: handed to Postiz (row 7)\n"
        );
        let revoked = || Error::Rejected {
            what: "the grant was revoked".into(),
            fix: "connect again".into(),
        };
        let dead = shown(&Outcome::DeadGrant {
            error: revoked(),
            reconnect: "postiz-connect custom".into(),
        });
        assert!(
            dead.starts_with("! custom:alice: needs reconnect: postiz-connect custom\nerror: "),
            "{dead}"
        );
        assert!(dead.contains("  fix: connect again\n"), "{dead}");
        let transient = shown(&Outcome::Transient(revoked()));
        assert!(
            transient.starts_with(
                "! custom:alice: not refreshed (the stored tokens are unchanged)\nerror: "
            ),
            "{transient}"
        );
        let not_stored = shown(&Outcome::NotStored(revoked()));
        assert!(
            not_stored.starts_with("! custom:alice: refreshed, but the new tokens are not in the store yet (the old refresh token may already be spent)\nerror: "),
            "{not_stored}"
        );
    }

    #[test]
    fn with_json_each_outcome_is_one_line_on_stdout_and_a_run_ends_with_a_summary() {
        let (ui, captured) = Ui::capture();
        let ui = Ui { json: true, ..ui };
        let outcome = Outcome::Refreshed {
            expires_at: Some("2026-03-01T13:00:00Z".parse().unwrap()),
            rotated: true,
        };
        report(&ui, "custom:alice", &outcome, Duration::from_secs(3600));
        let out = captured.stdout();
        assert_eq!(out.lines().count(), 1, "{out}");
        let line: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(line["channel"], "custom:alice");
        assert_eq!(line["outcome"], "refreshed");
        assert_eq!(line["rotated"], true);
        assert_eq!(line["expires_at"], "2026-03-01T13:00:00+00:00");
        assert_eq!(line["error"], serde_json::Value::Null);
        assert!(line["time"].is_string());

        let results = [
            ("a".to_string(), Outcome::WouldRefresh),
            (
                "b".to_string(),
                Outcome::NotDue {
                    expires_at: None,
                    due: None,
                },
            ),
            ("c".to_string(), Outcome::WouldRefresh),
        ];
        assert_eq!(summary(&results), "3 channels: 2 would refresh, 1 not due");
    }
}
