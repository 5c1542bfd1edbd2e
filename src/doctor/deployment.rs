//! The deployment behind a Postiz `.env`: when its DATABASE_URL (and REDIS_URL) can be
//! reached from here, what `postiz status` finds becomes doctor findings. Unreachable is a
//! warning, not a problem: the default docker-compose keeps both on its own network.

use std::time::Duration;

use super::{Finding, Severity};
use crate::postiz::{self, health, locate, report};
use crate::providers::{Catalog, EnvFile};

const AREA: &str = "Postiz deployment";

pub fn check(env_file: &EnvFile, catalog: &Catalog, timeout: Duration) -> Vec<Finding> {
    let deployment = locate::locate(None, None, Some(env_file), &|name| std::env::var(name).ok());
    let Some(database) = &deployment.database else {
        return Vec::new();
    };
    // A few seconds at most, like every other probe.
    let timeout = timeout.min(Duration::from_secs(5));
    let read = postiz::open_lenient(&deployment, timeout)
        .and_then(|mut opened| report::read(&mut opened, &deployment, catalog, None, &[]));
    let report = match read {
        Ok(report) => report,
        Err(e) => {
            let mut f = Finding::new(
                AREA,
                "deployment.unreachable",
                Severity::Warning,
                format!("the deployment's own state was not read: {e}"),
            )
            .fix(e.fix().unwrap_or_default());
            if let Some(cause) = e.cause() {
                f = f.evidence(cause);
            }
            return vec![f];
        }
    };
    let mut out = Vec::new();
    // The database was read; Redis was not (the connects in progress are unknown).
    if let Some(why) = &report.redis_unreachable {
        out.push(
            Finding::new(
                AREA,
                "deployment.redis_unreachable",
                Severity::Warning,
                "the deployment's Redis could not be reached: the connects in progress are \
                 not shown",
            )
            .evidence(why.clone()),
        );
    }
    for org in &report.organizations {
        for c in &org.channels {
            for issue in &c.issues {
                let mut f = Finding::new(
                    AREA,
                    format!("deployment.{}", issue.code),
                    match issue.severity {
                        health::Severity::Problem => Severity::Problem,
                        health::Severity::Warning => Severity::Warning,
                    },
                    format!(
                        "{} / {} \"{}\": {}",
                        org.name, c.provider, c.name, issue.title
                    ),
                )
                .fix(issue.fix.clone());
                let mut evidence = format!("row {} (internal id {})", c.id, c.internal_id);
                if let Some(detail) = &issue.detail {
                    evidence = format!("{detail}\n{evidence}");
                }
                f = f.evidence(evidence);
                out.push(f);
            }
        }
    }
    let s = &report.summary;
    out.push(
        Finding::new(
            AREA,
            "deployment.read",
            Severity::Ok,
            format!(
                "read {} channel(s) in {} organization(s): {} healthy",
                s.channels,
                report.organizations.len(),
                s.healthy
            ),
        )
        .evidence(format!(
            "database {}{}; connects: {} waiting, {} consumed in the last hour",
            database.shown(),
            report
                .redis
                .as_ref()
                .map(|r| format!(", Redis {r}"))
                .unwrap_or_default(),
            s.connects_waiting,
            s.connects_consumed
        )),
    );
    out
}
