//! Can this machine reach the providers? Every origin is probed concurrently, so the whole
//! check takes about one timeout, never the sum. DNS, refused, timeout and TLS failures
//! are named apart, each origin's way is traced step by step with the proxy it takes
//! (`route`), and the `Date` header gives the clock skew.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::route::{self, Trace};
use super::{Finding, Severity};
use crate::http::Network;

pub(super) const AREA: &str = "network";
const MAX_SKEW: i64 = 60;

/// The request's answer: how long it took, its status and its `Date` header.
type Answer = Result<(Duration, u16, Option<String>), crate::http::NetworkError>;

/// Probe each origin (scheme://host:port) once: the request itself (through whatever
/// proxy applies) and, beside it, a step-by-step trace of the way there.
pub fn probe(origins: &[String], network: Network) -> Vec<Finding> {
    let timeout = network.timeout;
    let mut findings = proxy_findings();
    // Built once: loading the trust roots for every origin would cost more than probing.
    let shared = network.client();
    let proxies = route::proxies();
    let results: Vec<(String, Answer, Trace)> = std::thread::scope(|scope| {
        let handles: Vec<_> = origins
            .iter()
            .map(|origin| {
                let http = &shared;
                let proxies = &proxies;
                scope.spawn(move || {
                    // The trace runs beside the request, so the origin costs one timeout.
                    let traced = std::thread::scope(|inner| {
                        let tracer = inner.spawn(|| match url::Url::parse(origin) {
                            Ok(url) => route::trace(&url, proxies, timeout),
                            Err(e) => Trace {
                                untraced: Some(format!("not a URL: {e}")),
                                ..Trace::default()
                            },
                        });
                        let started = Instant::now();
                        // Status and date only: a home page past the body limit still
                        // means the host answered.
                        let answer = http
                            .status_of(origin)
                            .map(|(status, date)| (started.elapsed(), status, date));
                        (answer, tracer.join().expect("trace thread"))
                    });
                    (origin.clone(), traced.0, traced.1)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("probe thread"))
            .collect()
    });
    let mut dns = Vec::new();
    for (origin, answer, trace) in results {
        for f in judge(&origin, answer, &trace) {
            match f.id == "network.dns" {
                true => dns.push(f),
                false => findings.push(f),
            }
        }
    }
    findings.extend(one_dns_finding(dns));
    findings
}

/// Names that do not resolve are one failure (no DNS here, or a resolver that knows none
/// of them), however many origins it stopped: one finding naming them all.
fn one_dns_finding(mut dns: Vec<Finding>) -> Option<Finding> {
    if dns.len() <= 1 {
        return dns.pop();
    }
    let origins: Vec<String> = dns.iter().flat_map(|f| f.origins.clone()).collect();
    let mut merged = Finding::new(
        AREA,
        "network.dns",
        Severity::Problem,
        format!("fetch failed: DNS lookup failed for {}", origins.join(", ")),
    )
    .evidence(
        dns.iter()
            .filter_map(|f| f.evidence.as_deref())
            .flat_map(str::lines)
            .fold(Vec::<&str>::new(), |mut lines, line| {
                if !lines.contains(&line) {
                    lines.push(line);
                }
                lines
            })
            .join("\n"),
    );
    merged.fix = dns[0].fix.clone();
    merged.origins = origins;
    Some(merged)
}

/// The findings for one origin, from its answer and its trace.
fn judge(origin: &str, answer: Answer, trace: &Trace) -> Vec<Finding> {
    let mut findings = Vec::new();
    let route = trace.summary();
    let cert = trace.certificate.as_ref();
    let intercepted = cert.and_then(|c| c.interceptor().map(|p| (p, c)));
    match answer {
        Ok((elapsed, status, date)) => {
            findings.push(
                Finding::new(
                    AREA,
                    "network.reachable",
                    Severity::Ok,
                    format!(
                        "{origin} answered HTTP {status} in {} ms",
                        elapsed.as_millis()
                    ),
                )
                .evidence(route),
            );
            if let Some((product, cert)) = intercepted {
                findings.push(
                    Finding::new(AREA, "network.tls_intercepted", Severity::Warning,
                        format!("{origin} is reached through {product}, which re-signs TLS traffic"))
                        .evidence(format!("certificate issued by {}", cert.issuer))
                        .fix(format!("it works here because {product}'s CA is trusted by this system; a Postiz backend behind the same proxy needs it too (Node: NODE_EXTRA_CA_CERTS=/path/to/{}-ca.pem)", product.split_whitespace().next().unwrap_or(product).to_lowercase())),
                );
            }
            if let Some(f) = date.and_then(|d| skew(origin, &d)) {
                findings.push(f);
            }
        }
        // The proxy refused the tunnel: that, not the request's generic error, is the cause.
        Err(_) if matches!(trace.failed, Some((route::Step::Tunnel, _))) => {
            let (_, why) = trace.failed.as_ref().expect("matched");
            findings.push(
                Finding::new(
                    AREA,
                    "network.proxy_refused",
                    Severity::Problem,
                    format!("the proxy does not let {origin} through: {why}"),
                )
                .evidence(route)
                .fix("fix the proxy URL or its credentials in HTTPS_PROXY, or exempt this host with NO_PROXY if it is reachable directly")
                .origin(origin),
            );
        }
        Err(e) if e.kind == crate::http::NetworkKind::Tls && cert.is_some() => {
            let cert = cert.expect("checked");
            let finding = match (intercepted, cert.self_signed) {
                (Some((product, _)), _) => Finding::new(AREA, "network.tls_intercepted", Severity::Problem,
                    format!("TLS to {origin} is intercepted by {product}, whose CA this system does not trust"))
                    .evidence(format!("certificate issued by {}\n{e}\n{route}", cert.issuer))
                    .fix(format!("install {product}'s root CA in the system trust store (postiz-connect reads it), or ask for {origin} to be exempted from TLS inspection")),
                (None, true) => Finding::new(AREA, "network.tls_self_signed", Severity::Problem,
                    format!("{origin} presents a self-signed certificate ({})", cert.subject))
                    .evidence(format!("{e}\n{route}"))
                    .fix("check the URL (a wrong host or port serves another certificate); a local test server needs its certificate in the system trust store"),
                (None, false) => Finding::new(AREA, "network.tls", Severity::Problem, e.to_string())
                    .evidence(format!("certificate issued by {}; {}\n{route}", cert.issuer, e.cause()))
                    .fix(e.fix()),
            };
            findings.push(finding.origin(origin));
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
                .evidence(format!("{}\n{route}", e.cause()))
                .fix(e.fix())
                .origin(origin),
            );
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
        "proxy settings found in the environment (each origin below says whether they apply)",
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
