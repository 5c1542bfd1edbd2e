//! Can this machine reach the providers? Every origin is probed concurrently, so the whole
//! check takes about one timeout, never the sum. DNS, refused, timeout and TLS failures
//! are named apart; the `Date` header gives the clock skew.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::{tls, Finding, Severity};
use crate::http::HttpClient;

const AREA: &str = "network";
const MAX_SKEW: i64 = 60;

/// How long the origin took to answer, and its `Date` header.
type ProbeResult = Result<(Duration, Option<String>), crate::http::NetworkError>;

/// The certificate an https origin presented (read apart from the request).
type CertResult = Option<tls::Presented>;

/// Probe each origin (scheme://host:port) once.
pub fn probe(origins: &[String], timeout: Duration) -> Vec<Finding> {
    let mut findings = proxy_findings();
    // Built once: loading the trust roots for every origin would cost more than probing.
    let shared = HttpClient::new(timeout, false);
    let results: Vec<(String, ProbeResult, CertResult)> = std::thread::scope(|scope| {
        let handles: Vec<_> = origins
            .iter()
            .map(|origin| {
                let http = shared.sibling();
                scope.spawn(move || {
                    let started = Instant::now();
                    let result = http.get(origin, None, &[]).map(|response| {
                        let date = response
                            .headers()
                            .get("date")
                            .and_then(|d| d.to_str().ok())
                            .map(str::to_string);
                        (started.elapsed(), date)
                    });
                    // Who signed what this host presents: names an intercepting proxy.
                    let cert = url::Url::parse(origin).ok().and_then(|u| {
                        let host = u.host_str()?.trim_matches(['[', ']']).to_string();
                        (u.scheme() == "https")
                            .then(|| tls::inspect(&host, u.port_or_known_default()?, timeout).ok())
                            .flatten()
                    });
                    (origin.clone(), result, cert)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("probe thread"))
            .collect()
    });
    for (origin, result, cert) in results {
        let intercepted = cert.as_ref().and_then(|c| c.interceptor().map(|p| (p, c)));
        match result {
            Ok((elapsed, date)) => {
                findings.push(Finding::new(
                    AREA,
                    "network.reachable",
                    Severity::Ok,
                    format!("{origin} answered in {} ms", elapsed.as_millis()),
                ));
                if let Some((product, cert)) = intercepted {
                    findings.push(
                        Finding::new(AREA, "network.tls_intercepted", Severity::Warning,
                            format!("{origin} is reached through {product}, which re-signs TLS traffic"))
                            .evidence(format!("certificate issued by {}", cert.issuer))
                            .fix(format!("it works here because {product}'s CA is trusted by this system; a Postiz backend behind the same proxy needs it too (Node: NODE_EXTRA_CA_CERTS=/path/to/{}-ca.pem)", product.split_whitespace().next().unwrap_or(product).to_lowercase())),
                    );
                }
                if let Some(f) = date.and_then(|d| skew(&origin, &d)) {
                    findings.push(f);
                }
            }
            Err(e) if e.kind == crate::http::NetworkKind::Tls && cert.is_some() => {
                let cert = cert.as_ref().expect("checked");
                let finding = match (intercepted, cert.self_signed) {
                    (Some((product, _)), _) => Finding::new(AREA, "network.tls_intercepted", Severity::Problem,
                        format!("TLS to {origin} is intercepted by {product}, whose CA this system does not trust"))
                        .evidence(format!("certificate issued by {}\n{e}", cert.issuer))
                        .fix(format!("install {product}'s root CA in the system trust store (postiz-connect reads it), or ask for {origin} to be exempted from TLS inspection")),
                    (None, true) => Finding::new(AREA, "network.tls_self_signed", Severity::Problem,
                        format!("{origin} presents a self-signed certificate ({})", cert.subject))
                        .evidence(e.to_string())
                        .fix("check the URL (a wrong host or port serves another certificate); a local test server needs its certificate in the system trust store"),
                    (None, false) => Finding::new(AREA, "network.tls", Severity::Problem, e.to_string())
                        .evidence(format!("certificate issued by {}; {}", cert.issuer, e.cause()))
                        .fix(e.fix()),
                };
                findings.push(finding);
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
