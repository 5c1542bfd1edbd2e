//! `doctor`: checks that return findings (evidence, cause, fix: [`Finding`], the one
//! diagnosis type `postiz status` shares); one renderer turns them into text or JSON.
//! Checks know nothing of the terminal.

pub mod channels;
pub mod checkup;
pub mod deployment;
pub mod engine;
pub mod envfile;
pub mod explain;
pub mod local;
pub mod network;
pub mod probe;
pub mod redirect;
pub mod route;
pub mod tls;

pub use crate::model::diagnosis::{has_problem, Finding, Severity};

/// Findings grouped by area (in first-seen order), problems first within each.
pub fn grouped(findings: &[Finding]) -> Vec<(&'static str, Vec<&Finding>)> {
    let mut groups: Vec<(&'static str, Vec<&Finding>)> = Vec::new();
    for f in findings {
        match groups.iter_mut().find(|(area, _)| *area == f.area) {
            Some((_, list)) => list.push(f),
            None => groups.push((f.area, vec![f])),
        }
    }
    // Areas with problems first, then warnings.
    groups.sort_by_key(|(_, list)| list.iter().map(|f| f.severity).min());
    for (_, list) in &mut groups {
        list.sort_by_key(|f| f.severity);
    }
    groups
}

/// One network failure, reported once: a check that could not run because an origin is
/// unreachable (`*.unreachable`), when the network check already failed that origin, is
/// folded into the network finding ("also not checked: ...") instead of repeating it.
pub fn fold_unreachable(findings: Vec<Finding>) -> Vec<Finding> {
    let failed = |f: &Finding| f.area == network::AREA && f.severity == Severity::Problem;
    let (mut kept, mut folded): (Vec<Finding>, Vec<(String, String)>) = (Vec::new(), Vec::new());
    for f in findings.iter() {
        let repeated = f.area != network::AREA
            && f.id.ends_with(".unreachable")
            && f.origins
                .iter()
                .any(|o| findings.iter().any(|n| failed(n) && n.origins.contains(o)));
        match repeated {
            true => {
                let name = f.title.split(": ").next().unwrap_or(&f.title);
                folded.push((f.origins[0].clone(), format!("{} ({name})", f.area)));
            }
            false => kept.push(f.clone()),
        }
    }
    for n in kept.iter_mut().filter(|n| failed(n)) {
        let mut stopped: Vec<&str> = folded
            .iter()
            .filter(|(o, _)| n.origins.contains(o))
            .map(|(_, what)| what.as_str())
            .collect();
        stopped.dedup();
        if !stopped.is_empty() {
            let line = format!("so these checks could not run: {}", stopped.join(", "));
            n.evidence = Some(match n.evidence.take() {
                Some(e) => format!("{e}\n{line}"),
                None => line,
            });
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_origin_is_reported_once() {
        let dns = Finding::new(
            network::AREA,
            "network.dns",
            Severity::Problem,
            "DNS failed",
        )
        .origin("https://a.invalid")
        .origin("https://b.invalid");
        let creds = |id: &str, origin: &str| {
            Finding::new(
                "client credentials",
                id,
                Severity::Problem,
                "acme: fetch failed",
            )
            .origin(origin)
        };
        let folded = fold_unreachable(vec![
            dns,
            creds("credentials.unreachable", "https://a.invalid"),
            creds("credentials.unreachable", "https://b.invalid"),
            creds("credentials.unreachable", "https://elsewhere.example"),
            creds("credentials.invalid_client", "https://a.invalid"),
        ]);
        let ids: Vec<&str> = folded.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "network.dns",
                "credentials.unreachable",
                "credentials.invalid_client"
            ]
        );
        assert_eq!(folded[1].origins, ["https://elsewhere.example"]);
        assert_eq!(
            folded[0].evidence.as_deref(),
            Some("so these checks could not run: client credentials (acme)")
        );
    }

    #[test]
    fn grouping_puts_problems_first() {
        let findings = vec![
            Finding::new("a", "a.ok", Severity::Ok, "fine"),
            Finding::new("b", "b.warn", Severity::Warning, "hmm"),
            Finding::new("a", "a.bad", Severity::Problem, "broken"),
        ];
        let groups = grouped(&findings);
        assert_eq!(groups[0].0, "a");
        assert_eq!(groups[0].1[0].id, "a.bad");
        assert!(has_problem(&findings));
    }
}
