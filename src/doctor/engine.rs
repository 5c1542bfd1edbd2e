//! Postiz's engine (Temporal) behind a Postiz `.env`: `TEMPORAL_ADDRESS` linted as Postiz
//! reads it (`libraries/nestjs-libraries/src/temporal/temporal.module.ts`: unset means
//! `localhost:7233`), and, when Temporal can be reached from here, its workers as
//! `postiz status` reports them. Unreachable is a warning: the default docker-compose
//! publishes Temporal, but its `temporal:7233` resolves only on the compose network.

use std::time::Duration;

use super::{Finding, Severity};
use crate::postiz::engine::{self, AREA};
use crate::providers::EnvFile;

pub fn check(env_file: &EnvFile, timeout: Duration) -> Vec<Finding> {
    let mut out = Vec::new();
    let address = env_file
        .vars
        .get("TEMPORAL_ADDRESS")
        .map(|v| v.trim())
        .filter(|v| !v.is_empty());
    match address {
        None => out.push(
            Finding::new(
                AREA,
                "env.temporal_address.missing",
                Severity::Warning,
                format!("TEMPORAL_ADDRESS is not set: Postiz connects to {}", engine::DEFAULT_ADDRESS),
            )
            .evidence(
                "inside a container, localhost is the container itself: unless Temporal runs \
                 there (or the compose file sets TEMPORAL_ADDRESS), the orchestrator's worker \
                 never connects, and posts stay in QUEUE",
            )
            .fix("set TEMPORAL_ADDRESS (Postiz's docker-compose: TEMPORAL_ADDRESS=temporal:7233), then restart Postiz"),
        ),
        Some(a) if a.eq_ignore_ascii_case(engine::NO_TEMPORAL) => {
            return vec![Finding::new(
                AREA,
                "env.temporal_address.none",
                Severity::Info,
                "TEMPORAL_ADDRESS=none: Temporal not checked",
            )];
        }
        Some(a) if a.contains("://") => out.push(
            Finding::new(
                AREA,
                "env.temporal_address.invalid",
                Severity::Problem,
                "TEMPORAL_ADDRESS has a scheme: Postiz's Temporal client takes HOST:PORT",
            )
            .evidence(format!("TEMPORAL_ADDRESS={}", crate::postiz::locate::display_url(a)))
            .fix("write it as HOST:PORT, e.g. TEMPORAL_ADDRESS=temporal:7233 (TEMPORAL_TLS=true for TLS)"),
        ),
        Some(a) => out.push(Finding::new(
            AREA,
            "env.temporal_address.ok",
            Severity::Ok,
            format!("TEMPORAL_ADDRESS is set ({a})"),
        )),
    }
    let Some(located) = engine::locate(None, Some(env_file), &|name| std::env::var(name).ok())
    else {
        return out;
    };
    if out.iter().any(|f| f.severity == Severity::Problem) {
        return out;
    }
    match engine::read_workers(&located, timeout.min(Duration::from_secs(5))) {
        Err(e) => {
            let mut f = Finding::new(
                AREA,
                "engine.unreachable",
                Severity::Warning,
                format!("Postiz's workers were not checked: {e}"),
            )
            .fix(e.fix().unwrap_or_else(|| engine::reach_advice(&located)));
            if let Some(cause) = e.cause() {
                f = f.evidence(cause);
            }
            out.push(f);
        }
        Ok(report) => {
            let empty = report.issues.is_empty();
            out.extend(report.issues.into_iter().map(|f| f.within(AREA, "engine.")));
            if empty {
                let main = report.queues.first();
                out.push(
                    Finding::new(
                        AREA,
                        "engine.workers",
                        Severity::Ok,
                        format!(
                            "{} worker(s) poll task queue {}",
                            main.map(|q| q.live_pollers).unwrap_or(0),
                            engine::MAIN_QUEUE
                        ),
                    )
                    .evidence(format!("Temporal at {}", report.temporal)),
                );
            }
        }
    }
    out
}
