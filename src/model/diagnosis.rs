//! One diagnosis, whoever makes it: `doctor`'s checks (the machine, the provider's app, a
//! Postiz `.env` and deployment) and `postiz status`'s reading of each channel row and of
//! the engine all say what they found as [`Finding`]s, with one [`Severity`]. The
//! terminal rendering is the commands' (`commands::findings`); the JSON is this type's.

use serde::Serialize;

/// How bad a finding is. A problem makes `doctor` and `postiz status` exit 1; the rest do
/// not. The order is the order of urgency: sorting puts problems first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Problem,
    Warning,
    /// Worth knowing, nothing to fix (no keychain, when the file store was chosen).
    Info,
    /// A check that passed.
    Ok,
}

/// One result of one check: what is wrong (or right), what shows it, what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable, for scripts: `redirect.trailing_slash`, `needs_reconnect`.
    pub id: String,
    /// The part of the setup it is about ("redirect URI", "Postiz engine"): doctor groups
    /// its report by it.
    pub area: &'static str,
    pub severity: Severity,
    /// The finding in words ("needs reconnect: ...").
    pub title: String,
    /// What shows it: what a server, a file or the database said; lines apart.
    pub evidence: Option<String>,
    /// What to do about it.
    pub fix: Option<String>,
    /// The origins (scheme://host:port) a network failure is about: a failure the network
    /// check already reported is not reported again by the checks it stopped.
    #[serde(skip)]
    pub origins: Vec<String>,
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
            origins: Vec::new(),
        }
    }

    pub fn origin(mut self, origin: impl Into<String>) -> Finding {
        self.origins.push(origin.into());
        self
    }

    pub fn evidence(mut self, evidence: impl Into<String>) -> Finding {
        self.evidence = Some(evidence.into());
        self
    }

    pub fn fix(mut self, fix: impl Into<String>) -> Finding {
        self.fix = Some(fix.into());
        self
    }

    /// The same finding seen from a wider report: its id under `prefix`
    /// (`deployment.` + `needs_reconnect`), in that report's `area`.
    pub fn within(mut self, area: &'static str, prefix: &str) -> Finding {
        self.id = format!("{prefix}{}", self.id);
        self.area = area;
        self
    }
}

/// The worst severity among `findings`; `None` when there are none.
pub fn worst(findings: &[Finding]) -> Option<Severity> {
    findings.iter().map(|f| f.severity).min()
}

pub fn has_problem(findings: &[Finding]) -> bool {
    worst(findings) == Some(Severity::Problem)
}

/// How many problems and warnings, for a report's last line.
pub fn tally(findings: &[Finding]) -> (usize, usize) {
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    (count(Severity::Problem), count(Severity::Warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_come_first_and_are_counted() {
        let found = [
            Finding::new("a", "a.ok", Severity::Ok, "fine"),
            Finding::new("a", "a.info", Severity::Info, "note"),
            Finding::new("b", "b.warn", Severity::Warning, "hmm"),
        ];
        assert_eq!(worst(&found), Some(Severity::Warning));
        assert!(!has_problem(&found));
        assert_eq!(tally(&found), (0, 1));
        let mut found = found.to_vec();
        found.push(Finding::new("c", "c.bad", Severity::Problem, "broken"));
        assert_eq!(worst(&found), Some(Severity::Problem));
        assert!(has_problem(&found));
        assert_eq!(tally(&found), (1, 1));
        assert_eq!(worst(&[]), None);
    }

    #[test]
    fn within_names_it_in_the_wider_report() {
        let f = Finding::new("Postiz channel", "needs_reconnect", Severity::Problem, "t")
            .within("Postiz deployment", "deployment.");
        assert_eq!(
            (f.id.as_str(), f.area),
            ("deployment.needs_reconnect", "Postiz deployment")
        );
    }

    #[test]
    fn json_has_one_shape() {
        let f = Finding::new("network", "network.dns", Severity::Problem, "DNS failed")
            .evidence("no such host")
            .origin("https://a.invalid");
        let v = serde_json::to_value(&f).unwrap();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["area", "evidence", "fix", "id", "severity", "title"],
            "{v}"
        );
        assert_eq!(v["severity"], "problem");
        assert!(v["fix"].is_null());
    }
}
