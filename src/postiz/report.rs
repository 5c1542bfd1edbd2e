//! Everything `postiz status` shows, as data: channels grouped by organization with their
//! health, then the connects in progress. `doctor` turns the same report into findings.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::catalog_entry;
use super::health::{classify, Advice, Evidence, Issue, LocalCopy, Severity};
use super::model::{ChannelRow, DatabaseSnapshot, Organization};
use super::redis_state::ConnectState;
use crate::error::Error;
use crate::providers::Catalog;
use crate::store::Channel;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The database read (password masked).
    pub database: String,
    /// The Redis read (password masked); none when no REDIS_URL was found.
    pub redis: Option<String>,
    /// The located Redis could not be reached: why, and what to do (the database's report
    /// stands without the connects).
    pub redis_unreachable: Option<String>,
    pub organizations: Vec<OrganizationReport>,
    /// Connects in progress; none without Redis.
    pub connects: Option<Vec<ConnectReport>>,
    /// Why there are no connects to show, when there are none to show.
    pub connects_note: Option<String>,
    pub summary: Summary,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrganizationReport {
    pub id: String,
    pub name: String,
    pub deleted: bool,
    pub channels: Vec<ChannelReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChannelReport {
    pub id: String,
    pub provider: String,
    /// The catalog's id for the provider (`twitter` for Postiz's `x`), when it has one.
    pub catalog_provider: Option<String>,
    pub name: String,
    pub handle: Option<String>,
    pub internal_id: String,
    pub token_expiration: Option<DateTime<Utc>>,
    pub disabled: bool,
    pub in_between_steps: bool,
    pub refresh_needed: bool,
    pub updated_at: Option<DateTime<Utc>>,
    /// The channel this tool stores for the same account, if any.
    pub local: Option<LocalCopy>,
    /// "healthy", "warning" or "problem".
    pub health: &'static str,
    pub issues: Vec<Issue>,
}

impl ChannelReport {
    pub fn worst(&self) -> Option<Severity> {
        self.issues.iter().map(|i| i.severity).min()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ConnectReport {
    /// The state's first characters (never the whole state).
    pub state_prefix: String,
    /// "waiting" (`login:` key there: the provider has not sent the user back yet) or
    /// "consumed" (Postiz took the state in the last hour).
    pub status: &'static str,
    pub organization_id: Option<String>,
    pub organization: Option<String>,
    /// The internalId being reconnected, and that channel's name.
    pub reconnect: Option<String>,
    pub reconnect_channel: Option<String>,
    /// Seconds since the connect started.
    pub age_seconds: Option<i64>,
    /// Seconds before the state expires (waiting connects).
    pub expires_in_seconds: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub channels: usize,
    pub healthy: usize,
    pub warnings: usize,
    pub problems: usize,
    pub connects_waiting: usize,
    pub connects_consumed: usize,
}

impl Report {
    pub fn has_problem(&self) -> bool {
        self.summary.problems > 0
    }
}

/// The organization `filter` names, by id or by name (case-insensitive).
pub fn find_organization<'a>(
    organizations: &'a [Organization],
    filter: &str,
) -> Result<&'a Organization, Error> {
    organizations
        .iter()
        .find(|o| o.id == filter)
        .or_else(|| {
            let mut named = organizations
                .iter()
                .filter(|o| o.name.eq_ignore_ascii_case(filter));
            match (named.next(), named.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        })
        .ok_or_else(|| {
            let ambiguous = organizations
                .iter()
                .filter(|o| o.name.eq_ignore_ascii_case(filter))
                .count()
                > 1;
            let list: Vec<String> = organizations
                .iter()
                .map(|o| format!("{} ({})", o.name, o.id))
                .collect();
            Error::Usage(if ambiguous {
                format!(
                    "several organizations are named \"{filter}\": give --org the id; \
                     organizations: {}",
                    list.join(", ")
                )
            } else {
                format!(
                    "no organization has the name or id \"{filter}\"; organizations: {}",
                    if list.is_empty() {
                        "none".to_string()
                    } else {
                        list.join(", ")
                    }
                )
            })
        })
}

/// Which live channels of other organizations hold the same account.
fn duplicates<'a>(
    channels: &'a [ChannelRow],
    names: &HashMap<&str, &'a str>,
) -> HashMap<&'a str, Vec<String>> {
    let mut by_account: HashMap<(&str, &str), Vec<&ChannelRow>> = HashMap::new();
    for c in channels {
        by_account
            .entry((c.provider.as_str(), c.internal_id.as_str()))
            .or_default()
            .push(c);
    }
    let mut out: HashMap<&str, Vec<String>> = HashMap::new();
    for rows in by_account.values().filter(|rows| rows.len() > 1) {
        for c in rows {
            let mut others: Vec<String> = rows
                .iter()
                .filter(|o| o.organization_id != c.organization_id)
                .map(|o| {
                    names
                        .get(o.organization_id.as_str())
                        .map(|n| n.to_string())
                        .unwrap_or_else(|| o.organization_id.clone())
                })
                .collect();
            others.sort();
            others.dedup();
            if !others.is_empty() {
                out.insert(c.id.as_str(), others);
            }
        }
    }
    out
}

/// Read the deployment and build its report; `local` are the channels this tool stores
/// (a row of the same account gets `postiz adopt` as a repair).
pub fn read(
    opened: &mut super::Opened,
    deployment: &super::locate::Deployment,
    catalog: &Catalog,
    org_filter: Option<&str>,
    local: &[Channel],
) -> Result<Report, Error> {
    let snapshot = opened.db.snapshot()?;
    // A Redis that fails while it is read leaves the database's report standing too.
    let (connects, redis_failed) = match opened.redis.as_mut().map(|r| r.connects()) {
        Some(Ok(list)) => (Some(list), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let redis_unreachable = opened
        .redis_unreachable
        .as_ref()
        .or(redis_failed.as_ref())
        .map(|e| {
            let mut text = e.to_string();
            if let Some(cause) = e.cause() {
                text.push_str(&format!(" ({cause})"));
            }
            if let Some(fix) = e.fix() {
                text.push_str(&format!("; {fix}"));
            }
            text
        });
    let database = deployment
        .database
        .as_ref()
        .map(|d| d.shown())
        .unwrap_or_default();
    let redis = deployment.redis.as_ref().map(|r| r.shown());
    let env_file = deployment
        .env_file
        .as_ref()
        .map(|p| p.display().to_string());
    build(
        Sources {
            database: &database,
            redis: redis.as_deref(),
            snapshot: &snapshot,
            connects: connects.as_deref(),
            redis_unreachable: redis_unreachable.as_deref(),
            local,
        },
        catalog,
        Utc::now(),
        org_filter,
        Advice {
            env_file: env_file.as_deref(),
        },
    )
}

/// What a report is built from.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// The database read, as shown (password masked).
    pub database: &'a str,
    /// The Redis read, as shown; none when no REDIS_URL was found.
    pub redis: Option<&'a str>,
    pub snapshot: &'a DatabaseSnapshot,
    /// `None` when Postiz has no Redis configured, or it could not be reached.
    pub connects: Option<&'a [ConnectState]>,
    /// Why the located Redis could not be read.
    pub redis_unreachable: Option<&'a str>,
    /// The channels this tool stores.
    pub local: &'a [Channel],
}

/// The stored channel that holds the row's account (its page, for a two-step provider),
/// and whether `postiz adopt` wrote it into this very row.
fn local_copy(
    row: &ChannelRow,
    local: &[Channel],
    catalog: &Catalog,
    database: &str,
) -> Option<LocalCopy> {
    let found = local.iter().find(|c| {
        let same_provider = catalog
            .get(&c.provider)
            .and_then(|p| p.postiz_id.as_deref())
            .is_some_and(|id| id == row.provider);
        let account = c
            .page
            .as_ref()
            .map(|p| p.id.as_str())
            .or(c.account.id.as_deref());
        same_provider && account == Some(row.internal_id.as_str())
    })?;
    Some(LocalCopy {
        channel: found.name.clone(),
        handed_here: found
            .handed_to_postiz
            .as_ref()
            .is_some_and(|h| h.row_id == row.id && super::db::same_database(&h.database, database)),
    })
}

/// Put the report together.
pub fn build(
    sources: Sources<'_>,
    catalog: &Catalog,
    now: DateTime<Utc>,
    org_filter: Option<&str>,
    advice: Advice<'_>,
) -> Result<Report, Error> {
    let Sources {
        database,
        redis,
        snapshot,
        connects,
        redis_unreachable,
        local,
    } = sources;
    let only = org_filter
        .map(|f| find_organization(&snapshot.organizations, f).map(|o| o.id.clone()))
        .transpose()?;
    let names: HashMap<&str, &str> = snapshot
        .organizations
        .iter()
        .map(|o| (o.id.as_str(), o.name.as_str()))
        .collect();
    let dups = duplicates(&snapshot.channels, &names);
    let mut summary = Summary::default();
    let mut organizations: Vec<OrganizationReport> = Vec::new();
    // Organizations as the database lists them, plus any a channel names that is missing.
    let mut orgs: Vec<Organization> = snapshot.organizations.clone();
    for c in &snapshot.channels {
        if !orgs.iter().any(|o| o.id == c.organization_id) {
            orgs.push(Organization {
                id: c.organization_id.clone(),
                name: "(organization row missing)".into(),
                deleted: true,
            });
        }
    }
    for org in orgs {
        if only.as_ref().is_some_and(|id| *id != org.id) {
            continue;
        }
        let mut channels = Vec::new();
        for row in snapshot
            .channels
            .iter()
            .filter(|c| c.organization_id == org.id)
        {
            let notice = snapshot
                .notices
                .iter()
                .filter(|n| n.organization_id == row.organization_id && n.provider == row.provider)
                .max_by_key(|n| n.at);
            let evidence = Evidence {
                notice,
                failed_posts: snapshot
                    .failed_posts
                    .iter()
                    .filter(|p| p.integration_id == row.id)
                    .collect(),
                also_in: dups.get(row.id.as_str()).cloned().unwrap_or_default(),
                local: local_copy(row, local, catalog, database),
            };
            let issues = classify(row, &evidence, catalog, now, advice);
            let report = ChannelReport {
                id: row.id.clone(),
                provider: row.provider.clone(),
                catalog_provider: catalog_entry(catalog, &row.provider).map(|p| p.id.clone()),
                name: row.name.clone(),
                handle: row.profile.clone(),
                internal_id: row.internal_id.clone(),
                token_expiration: row.token_expiration,
                disabled: row.disabled,
                in_between_steps: row.in_between_steps,
                refresh_needed: row.refresh_needed,
                updated_at: row.updated_at,
                local: evidence.local.clone(),
                health: match issues.iter().map(|i| i.severity).min() {
                    None => "healthy",
                    Some(Severity::Warning) => "warning",
                    Some(Severity::Problem) => "problem",
                },
                issues,
            };
            summary.channels += 1;
            match report.worst() {
                None => summary.healthy += 1,
                Some(Severity::Warning) => summary.warnings += 1,
                Some(Severity::Problem) => summary.problems += 1,
            }
            channels.push(report);
        }
        // An organization filtered in, or with channels, is shown; empty ones only when
        // they are the one asked for.
        if channels.is_empty() && only.is_none() && org.deleted {
            continue;
        }
        organizations.push(OrganizationReport {
            id: org.id,
            name: org.name,
            deleted: org.deleted,
            channels,
        });
    }

    let (connects, connects_note) = match connects {
        None if redis_unreachable.is_some() => (
            None,
            Some(
                "Postiz's Redis could not be reached: the connects in progress are not shown"
                    .to_string(),
            ),
        ),
        None => (
            None,
            Some(
                "no REDIS_URL: Postiz then keeps connect state in each process's memory \
                 (\"Invalid state\" as soon as two processes serve it), where this tool cannot \
                 see it"
                    .to_string(),
            ),
        ),
        Some(list) => {
            let by_internal: HashMap<(&str, &str), &str> = snapshot
                .channels
                .iter()
                .map(|c| {
                    (
                        (c.organization_id.as_str(), c.internal_id.as_str()),
                        c.name.as_str(),
                    )
                })
                .collect();
            let shown: Vec<ConnectReport> = list
                .iter()
                .filter(|c| match (&only, &c.organization_id) {
                    (Some(id), Some(org)) => id == org,
                    (Some(_), None) => false,
                    (None, _) => true,
                })
                .map(|c| ConnectReport {
                    state_prefix: c.state_prefix.clone(),
                    status: if c.waiting { "waiting" } else { "consumed" },
                    organization_id: c.organization_id.clone(),
                    organization: c
                        .organization_id
                        .as_deref()
                        .and_then(|id| names.get(id))
                        .map(|n| n.to_string()),
                    reconnect: c.reconnect.clone(),
                    reconnect_channel: match (&c.organization_id, &c.reconnect) {
                        (Some(org), Some(internal)) => by_internal
                            .get(&(org.as_str(), internal.as_str()))
                            .map(|n| n.to_string()),
                        _ => None,
                    },
                    age_seconds: c.age(),
                    expires_in_seconds: c.waiting.then_some(c.ttl).flatten(),
                })
                .collect();
            summary.connects_waiting = shown.iter().filter(|c| c.status == "waiting").count();
            summary.connects_consumed = shown.len() - summary.connects_waiting;
            let note = shown
                .is_empty()
                .then(|| "no connect started in the last hour".to_string());
            (Some(shown), note)
        }
    };

    Ok(Report {
        database: database.to_string(),
        redis: redis.map(str::to_string),
        redis_unreachable: redis_unreachable.map(str::to_string),
        organizations,
        connects,
        connects_note,
        summary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn org(id: &str, name: &str) -> Organization {
        Organization {
            id: id.into(),
            name: name.into(),
            deleted: false,
        }
    }

    fn channel(id: &str, org: &str, provider: &str, internal: &str) -> ChannelRow {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        ChannelRow {
            id: id.into(),
            internal_id: internal.into(),
            root_internal_id: None,
            organization_id: org.into(),
            name: format!("{provider} {id}"),
            provider: provider.into(),
            kind: "social".into(),
            profile: None,
            disabled: false,
            in_between_steps: false,
            refresh_needed: false,
            token_expiration: Some(now + chrono::Duration::days(3)),
            created_at: now,
            updated_at: None,
            deleted_at: None,
            posting_times_valid: true,
            has_refresh_token: true,
        }
    }

    fn build_with(snapshot: &DatabaseSnapshot, filter: Option<&str>) -> Result<Report, Error> {
        build(
            Sources {
                database: "postgresql://db",
                redis: None,
                snapshot,
                connects: None,
                redis_unreachable: None,
                local: &[],
            },
            &Catalog::embedded(),
            Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap(),
            filter,
            Advice { env_file: None },
        )
    }

    #[test]
    fn duplicates_are_across_organizations_and_the_filter_takes_names_or_ids() {
        let snapshot = DatabaseSnapshot {
            organizations: vec![org("o1", "Acme"), org("o2", "Beta")],
            channels: vec![
                channel("c1", "o1", "x", "42"),
                channel("c2", "o2", "x", "42"),
                channel("c3", "o2", "linkedin", "42"),
            ],
            ..Default::default()
        };
        let report = build_with(&snapshot, None).unwrap();
        assert_eq!(report.summary.channels, 3);
        assert_eq!(report.summary.warnings, 2);
        assert!(!report.has_problem());
        let acme = &report.organizations[0];
        assert_eq!(acme.channels[0].issues[0].code, "duplicate_account");
        assert!(acme.channels[0].issues[0].title.ends_with("Beta"));
        assert!(report
            .connects_note
            .as_deref()
            .unwrap()
            .contains("no REDIS_URL"));

        let report = build_with(&snapshot, Some("beta")).unwrap();
        assert_eq!(report.organizations.len(), 1);
        assert_eq!(report.organizations[0].id, "o2");
        let report = build_with(&snapshot, Some("o1")).unwrap();
        assert_eq!(report.organizations[0].name, "Acme");
        let err = build_with(&snapshot, Some("Gamma")).unwrap_err();
        assert!(err.to_string().contains("Acme (o1)"), "{err}");
    }

    #[test]
    fn a_problem_channel_makes_the_report_a_problem() {
        let mut c = channel("c1", "o1", "threads", "7");
        c.refresh_needed = true;
        let snapshot = DatabaseSnapshot {
            organizations: vec![org("o1", "Acme")],
            channels: vec![c],
            ..Default::default()
        };
        let report = build_with(&snapshot, None).unwrap();
        assert!(report.has_problem());
        assert_eq!(report.organizations[0].channels[0].health, "problem");
    }
}
