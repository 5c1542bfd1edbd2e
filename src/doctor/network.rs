//! Can this machine reach the providers? Every origin is probed concurrently, so the whole
//! check takes about one timeout, never the sum. DNS, refused, timeout and TLS failures
//! are named apart; the `Date` header gives the clock skew.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::{Finding, Severity};
use crate::http::HttpClient;

const AREA: &str = "network";
const MAX_SKEW: i64 = 60;

/// How long the origin took to answer, and its `Date` header.
type ProbeResult = Result<(Duration, Option<String>), crate::http::NetworkError>;

/// Probe each origin (scheme://host:port) once.
pub fn probe(origins: &[String], timeout: Duration) -> Vec<Finding> {
    let mut findings = proxy_findings();
    let results: Vec<(String, ProbeResult)> = std::thread::scope(|scope| {
        let handles: Vec<_> = origins
            .iter()
            .map(|origin| {
                scope.spawn(move || {
                    let http = HttpClient::new(timeout, false);
                    let started = Instant::now();
                    let result = http.get(origin, None, &[]).map(|response| {
                        let date = response
                            .headers()
                            .get("date")
                            .and_then(|d| d.to_str().ok())
                            .map(str::to_string);
                        (started.elapsed(), date)
                    });
                    (origin.clone(), result)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("probe thread"))
            .collect()
    });
    for (origin, result) in results {
        match result {
            Ok((elapsed, date)) => {
                findings.push(Finding::new(
                    AREA,
                    "network.reachable",
                    Severity::Ok,
                    format!("{origin} answered in {} ms", elapsed.as_millis()),
                ));
                if let Some(f) = date.and_then(|d| skew(&origin, &d)) {
                    findings.push(f);
                }
            }
            Err(e) => {
                let kind = format!("{:?}", e.kind).to_lowercase();
                findings.push(
                    Finding::new(
                        AREA,
                        format!("network.{kind}"),
                        Severity::Problem,
                        e.to_string(),
                    )
                    .evidence(e.cause())
                    .fix(e.fix()),
                );
            }
        }
    }
    findings
}

/// Clock skew against a server's `Date` header; OAuth codes and tokens are time-bound.
fn skew(origin: &str, date: &str) -> Option<Finding> {
    let theirs: DateTime<Utc> = DateTime::parse_from_rfc2822(date).ok()?.with_timezone(&Utc);
    let delta = (Utc::now() - theirs).num_seconds();
    (delta.abs() > MAX_SKEW).then(|| {
        Finding::new(
            AREA,
            "clock.skew",
            Severity::Warning,
            format!("this machine's clock is {delta} s off {origin}'s"),
        )
        .evidence(format!("{origin} says {date}"))
        .fix("synchronise the clock (timedatectl set-ntp true, or your OS's time settings)")
    })
}

fn proxy_findings() -> Vec<Finding> {
    let set: Vec<String> = [
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "NO_PROXY",
        "no_proxy",
    ]
    .iter()
    .filter_map(|k| {
        std::env::var(k)
            .ok()
            .filter(|v| !v.is_empty())
            .map(|v| format!("{k}={}", crate::redact::url(&v)))
    })
    .collect();
    if set.is_empty() {
        return vec![];
    }
    vec![Finding::new(
        AREA,
        "network.proxy",
        Severity::Ok,
        "requests go through the configured proxy",
    )
    .evidence(set.join("\n"))]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skew_is_flagged_above_a_minute() {
        let now = Utc::now();
        assert!(skew("x", &now.to_rfc2822()).is_none());
        let off = (now - chrono::Duration::minutes(5)).to_rfc2822();
        assert_eq!(skew("x", &off).unwrap().id, "clock.skew");
    }
}
