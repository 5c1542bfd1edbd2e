//! The deployment behind a Postiz `.env`: when its DATABASE_URL (and REDIS_URL) can be
//! reached from here, what `postiz status` finds becomes doctor findings. Unreachable is a
//! warning, not a problem: the default docker-compose keeps both on its own network.

use std::time::Duration;

use super::{Finding, Severity};
use crate::postiz::{self, locate, report};
use crate::providers::{Catalog, EnvFile};

const AREA: &str = "Postiz deployment";

/// A provider with live channels whose credentials are empty in the `.env` (the `.env`
/// lint skips a provider whose keys are empty as "not enabled"): Postiz can neither refresh
/// those channels nor reconnect them.
fn credentials_for_live_channels(
    env_file: &EnvFile,
    catalog: &Catalog,
    report: &report::Report,
) -> Vec<Finding> {
    let mut live: std::collections::BTreeMap<&str, usize> = Default::default();
    for c in report.organizations.iter().flat_map(|o| &o.channels) {
        *live.entry(c.provider.as_str()).or_default() += 1;
    }
    let set = |names: &[String]| {
        names
            .iter()
            .any(|n| env_file.vars.get(n).is_some_and(|v| !v.trim().is_empty()))
    };
    let mut out = Vec::new();
    for (identifier, count) in live {
        let Some(p) = postiz::catalog_entry(catalog, identifier) else {
            continue;
        };
        // X: Postiz connects it with the OAuth 1.0a keys only.
        let names = match (&p.oauth1, p.client_id_env.is_empty()) {
            (Some(o), _) if o.postiz => &o.consumer_key_env,
            (_, true) => continue,
            _ => &p.client_id_env,
        };
        if set(names) {
            continue;
        }
        out.push(
            Finding::new(
                AREA,
                format!("deployment.{}.no_credentials", p.id),
                Severity::Problem,
                format!(
                    "{count} {identifier} channel(s) are live, but {} is empty or missing in {}",
                    names.join(" or "),
                    env_file.path.display()
                ),
            )
            .evidence("Postiz refreshes and reconnects them with the app's credentials from the .env: without them the next refresh fails and the channel asks for a reconnect that cannot work")
            .fix(format!(
                "set {} (and its secret) in {} to the app the channels were connected with, then restart Postiz",
                names[0],
                env_file.path.display()
            )),
        );
    }
    out
}

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
    let mut out = credentials_for_live_channels(env_file, catalog, &report);
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
                let title = format!(
                    "{} / {} \"{}\": {}",
                    org.name, c.provider, c.name, issue.title
                );
                let row = format!("row {} (internal id {})", c.id, c.internal_id);
                let evidence = match &issue.evidence {
                    Some(detail) => format!("{detail}\n{row}"),
                    None => row,
                };
                out.push(Finding {
                    title,
                    evidence: Some(evidence),
                    ..issue.clone().within(AREA, "deployment.")
                });
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
