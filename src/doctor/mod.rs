//! `doctor`: checks that return findings (evidence, cause, fix); one renderer turns them
//! into text or JSON. Checks know nothing of the terminal.

pub mod channels;
pub mod deployment;
pub mod envfile;
pub mod explain;
pub mod local;
pub mod network;
pub mod probe;
pub mod redirect;
pub mod route;
pub mod tls;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Problem,
    Warning,
    Ok,
}

/// One result of one check. `id` is stable (e.g. `redirect.trailing_slash`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub id: String,
    pub area: &'static str,
    pub severity: Severity,
    pub title: String,
    pub evidence: Option<String>,
    pub fix: Option<String>,
}

impl Finding {
    pub fn new(
        area: &'static str,
        id: impl Into<String>,
        severity: Severity,
        title: impl Into<String>,
    ) -> Finding {
        Finding {
            id: id.into(),
            area,
            severity,
            title: title.into(),
            evidence: None,
            fix: None,
        }
    }

    pub fn evidence(mut self, evidence: impl Into<String>) -> Finding {
        self.evidence = Some(evidence.into());
        self
    }

    pub fn fix(mut self, fix: impl Into<String>) -> Finding {
        self.fix = Some(fix.into());
        self
    }
}

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

pub fn has_problem(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Problem)
}

#[cfg(test)]
mod tests {
    use super::*;

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
