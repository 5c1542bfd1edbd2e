//! Everything `postiz status` shows, as data: channels grouped by organization with their
//! health, then the connects in progress. `postiz status` streams the channels as they are
//! read ([`stream`]); `doctor` takes the whole report ([`read`]) and turns it into findings.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::catalog_entry;
use super::db::{Database, SharedAccount};
use super::health::{classify, with_old_keys, Advice, Evidence, LocalCopy};
use super::model::{ChannelRow, Organization, StatusChannel, StatusRow};
use super::redis_state::ConnectState;
use crate::error::Error;
use crate::model::diagnosis::{self, Finding, Severity};
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
    /// What is wrong with it (under the keys of before too: [`with_old_keys`]).
    #[serde(serialize_with = "with_old_keys")]
    pub issues: Vec<Finding>,
}

impl ChannelReport {
    pub fn worst(&self) -> Option<Severity> {
        diagnosis::worst(&self.issues)
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

/// The organization `filter` names, by id (one indexed row) or else by name, among every
/// organization.
pub fn resolve_organization(db: &mut Database, filter: &str) -> Result<Organization, Error> {
    if let Some(org) = db.organization(filter)? {
        return Ok(org);
    }
    let all = db.organizations()?;
    find_organization(&all, filter).cloned()
}

/// Where `postiz status` hands the organizations and their channels, as they are read.
pub trait Sink {
    /// An organization begins; its channels follow.
    fn organization(&mut self, org: &Organization) -> std::io::Result<()>;
    fn channel(&mut self, channel: ChannelReport) -> std::io::Result<()>;
    /// The organization's channels are over.
    fn end_organization(&mut self) -> std::io::Result<()>;
}

/// A sink that keeps every organization and channel (the whole report, for doctor).
#[derive(Debug, Default)]
pub struct Collect(pub Vec<OrganizationReport>);

impl Sink for Collect {
    fn organization(&mut self, org: &Organization) -> std::io::Result<()> {
        self.0.push(OrganizationReport {
            id: org.id.clone(),
            name: org.name.clone(),
            deleted: org.deleted,
            channels: Vec::new(),
        });
        Ok(())
    }

    fn channel(&mut self, channel: ChannelReport) -> std::io::Result<()> {
        if let Some(org) = self.0.last_mut() {
            org.channels.push(channel);
        }
        Ok(())
    }

    fn end_organization(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Live channels by account (provider, internalId): the organizations holding it, by id,
/// with their names.
#[derive(Debug, Default)]
pub struct SharedAccounts(HashMap<(String, String), Vec<(String, String)>>);

impl SharedAccounts {
    pub fn new(rows: Vec<SharedAccount>) -> SharedAccounts {
        let mut map: HashMap<(String, String), Vec<(String, String)>> = HashMap::new();
        for r in rows {
            let name = r.organization.unwrap_or_else(|| r.organization_id.clone());
            map.entry((r.provider, r.internal_id))
                .or_default()
                .push((r.organization_id, name));
        }
        SharedAccounts(map)
    }

    /// The names of the other organizations with a live channel of this one's account.
    fn others(&self, row: &ChannelRow) -> Vec<String> {
        let Some(orgs) = self.0.get(&(row.provider.clone(), row.internal_id.clone())) else {
            return Vec::new();
        };
        let mut names: Vec<String> = orgs
            .iter()
            .filter(|(id, _)| *id != row.organization_id)
            .map(|(_, name)| name.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    }
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

/// One channel's report: its row classified with what else the database says about it.
pub fn channel_report(
    channel: StatusChannel,
    also_in: Vec<String>,
    local: Option<LocalCopy>,
    catalog: &Catalog,
    now: DateTime<Utc>,
    advice: Advice<'_>,
) -> ChannelReport {
    let StatusChannel {
        row,
        notice,
        failed_posts,
        failed_post_count,
    } = channel;
    let evidence = Evidence {
        notice: notice.as_ref(),
        failed_posts: failed_posts.iter().collect(),
        failed_post_count,
        also_in,
        local,
    };
    let issues = classify(&row, &evidence, catalog, now, advice);
    ChannelReport {
        catalog_provider: catalog_entry(catalog, &row.provider).map(|p| p.id.clone()),
        id: row.id,
        provider: row.provider,
        name: row.name,
        handle: row.profile,
        internal_id: row.internal_id,
        token_expiration: row.token_expiration,
        disabled: row.disabled,
        in_between_steps: row.in_between_steps,
        refresh_needed: row.refresh_needed,
        updated_at: row.updated_at,
        local: evidence.local,
        health: match diagnosis::worst(&issues) {
            Some(Severity::Problem) => "problem",
            Some(Severity::Warning) => "warning",
            // A channel's rules find problems and warnings only.
            None | Some(Severity::Info | Severity::Ok) => "healthy",
        },
        issues,
    }
}

/// Puts the rows of [`Database::status_rows`] together, one at a time: each channel
/// classified and handed on, the organizations opened and closed around them, the counts
/// kept. Nothing else is kept.
pub struct Assembler<'a> {
    pub catalog: &'a Catalog,
    pub now: DateTime<Utc>,
    pub advice: Advice<'a>,
    pub shared: SharedAccounts,
    /// The channels this tool stores, and the database as shown (to tell whether one was
    /// handed to this very row).
    pub local: &'a [Channel],
    pub database: &'a str,
    /// An organization was asked for (`--org`): shown even when deleted and empty.
    pub filtered: bool,
    /// The organization being handed on.
    current: Option<String>,
    pub summary: Summary,
}

impl<'a> Assembler<'a> {
    pub fn new(
        catalog: &'a Catalog,
        now: DateTime<Utc>,
        advice: Advice<'a>,
        shared: SharedAccounts,
        filtered: bool,
    ) -> Assembler<'a> {
        Assembler {
            catalog,
            now,
            advice,
            shared,
            local: &[],
            database: "",
            filtered,
            current: None,
            summary: Summary::default(),
        }
    }

    pub fn push(&mut self, item: StatusRow, sink: &mut dyn Sink) -> std::io::Result<()> {
        if self.current.as_deref() != Some(item.organization.id.as_str()) {
            if self.current.take().is_some() {
                sink.end_organization()?;
            }
            // A deleted organization without channels is shown only when asked for.
            if item.channel.is_none() && item.organization.deleted && !self.filtered {
                return Ok(());
            }
            sink.organization(&item.organization)?;
            self.current = Some(item.organization.id);
        }
        if let Some(channel) = item.channel {
            let also_in = self.shared.others(&channel.row);
            let local = local_copy(&channel.row, self.local, self.catalog, self.database);
            let report =
                channel_report(channel, also_in, local, self.catalog, self.now, self.advice);
            self.summary.channels += 1;
            match report.worst() {
                Some(Severity::Problem) => self.summary.problems += 1,
                Some(Severity::Warning) => self.summary.warnings += 1,
                None | Some(Severity::Info | Severity::Ok) => self.summary.healthy += 1,
            }
            sink.channel(report)?;
        }
        Ok(())
    }

    pub fn finish(&mut self, sink: &mut dyn Sink) -> std::io::Result<()> {
        if self.current.take().is_some() {
            sink.end_organization()?;
        }
        Ok(())
    }
}

/// Read the deployment and build its whole report (doctor's).
pub fn read(
    opened: &mut super::Opened,
    deployment: &super::locate::Deployment,
    catalog: &Catalog,
    org_filter: Option<&str>,
    local: &[Channel],
) -> Result<Report, Error> {
    let mut all = Collect::default();
    let mut report = stream(opened, deployment, catalog, org_filter, local, &mut all)?;
    report.organizations = all.0;
    Ok(report)
}

/// Read the deployment, handing each organization and channel to `sink` as it comes off
/// the database (classified row by row, none kept); then the report of the rest: the
/// connects, the counts (its `organizations` left empty). `local` are the channels this
/// tool stores (a row of the same account gets `postiz adopt` as a repair).
pub fn stream(
    opened: &mut super::Opened,
    deployment: &super::locate::Deployment,
    catalog: &Catalog,
    org_filter: Option<&str>,
    local: &[Channel],
    sink: &mut dyn Sink,
) -> Result<Report, Error> {
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
    let only = org_filter
        .map(|f| resolve_organization(&mut opened.db, f))
        .transpose()?;
    let only_id = only.as_ref().map(|o| o.id.as_str());
    let advice = Advice {
        env_file: env_file.as_deref(),
    };
    let mut assembler = Assembler::new(
        catalog,
        Utc::now(),
        advice,
        SharedAccounts::default(),
        only.is_some(),
    );
    assembler.local = local;
    assembler.database = &database;
    // The accounts shared across organizations are read on a second connection while this
    // one sorts the channels (they are needed from the first channel on); first, on this
    // one, when no second connection can be opened.
    let second = opened.db.another().ok();
    let mut failed: Option<Error> = None;
    std::thread::scope(|scope| -> Result<(), Error> {
        let mut pending = match second {
            Some(mut db) => {
                let only_id = only_id.map(str::to_string);
                Some(scope.spawn(move || db.shared_accounts(only_id.as_deref())))
            }
            None => {
                assembler.shared = SharedAccounts::new(opened.db.shared_accounts(only_id)?);
                None
            }
        };
        opened.db.status_rows(only_id, &mut |item| {
            let pushed = (|| -> Result<(), Error> {
                if let Some(read) = pending.take() {
                    let read = read.join().map_err(|_| {
                        Error::Io(std::io::Error::other(
                            "the read of the shared accounts stopped",
                        ))
                    })??;
                    assembler.shared = SharedAccounts::new(read);
                }
                Ok(assembler.push(item, sink)?)
            })();
            match pushed {
                Ok(()) => true,
                Err(e) => {
                    failed = Some(e);
                    false
                }
            }
        })
    })?;
    match failed {
        Some(e) => return Err(e),
        None => assembler.finish(sink)?,
    }
    let mut summary = assembler.summary;

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
            let list: Vec<ConnectState> = list
                .into_iter()
                .filter(|c| match (only_id, &c.organization_id) {
                    (Some(id), Some(org)) => id == org,
                    (Some(_), None) => false,
                    (None, _) => true,
                })
                .collect();
            let mut org_ids: Vec<String> = list
                .iter()
                .filter_map(|c| c.organization_id.clone())
                .collect();
            org_ids.sort();
            org_ids.dedup();
            let names: HashMap<String, String> = opened
                .db
                .organizations_by_id(&org_ids)?
                .into_iter()
                .map(|o| (o.id, o.name))
                .collect();
            let keys: Vec<(String, String)> = list
                .iter()
                .filter_map(|c| c.organization_id.clone().zip(c.reconnect.clone()))
                .collect();
            let channel_names = opened.db.channel_names(&keys)?;
            let shown: Vec<ConnectReport> = list
                .iter()
                .map(|c| ConnectReport {
                    state_prefix: c.state_prefix.clone(),
                    status: if c.waiting { "waiting" } else { "consumed" },
                    organization_id: c.organization_id.clone(),
                    organization: c
                        .organization_id
                        .as_ref()
                        .and_then(|id| names.get(id))
                        .cloned(),
                    reconnect: c.reconnect.clone(),
                    reconnect_channel: c
                        .organization_id
                        .clone()
                        .zip(c.reconnect.clone())
                        .and_then(|key| channel_names.get(&key))
                        .cloned(),
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
        database,
        redis,
        redis_unreachable,
        organizations: Vec::new(),
        connects,
        connects_note,
        summary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
    }

    fn org(id: &str, name: &str) -> Organization {
        Organization {
            id: id.into(),
            name: name.into(),
            deleted: false,
        }
    }

    fn channel(id: &str, org: &str, provider: &str, internal: &str) -> ChannelRow {
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
            token_expiration: Some(now() + chrono::Duration::days(3)),
            created_at: now(),
            updated_at: None,
            deleted_at: None,
            posting_times_valid: true,
            has_refresh_token: true,
        }
    }

    fn item(org: &Organization, row: Option<ChannelRow>) -> StatusRow {
        StatusRow {
            organization: org.clone(),
            channel: row.map(|row| StatusChannel {
                row,
                notice: None,
                failed_posts: Vec::new(),
                failed_post_count: 0,
            }),
        }
    }

    fn assemble(items: Vec<StatusRow>, shared: Vec<SharedAccount>, filtered: bool) -> Report {
        let shared = SharedAccounts::new(shared);
        let catalog = Catalog::embedded();
        let mut assembler =
            Assembler::new(&catalog, now(), Advice { env_file: None }, shared, filtered);
        let mut all = Collect::default();
        for i in items {
            assembler.push(i, &mut all).unwrap();
        }
        assembler.finish(&mut all).unwrap();
        Report {
            database: String::new(),
            redis: None,
            redis_unreachable: None,
            organizations: all.0,
            connects: None,
            connects_note: None,
            summary: assembler.summary,
        }
    }

    fn shared(provider: &str, internal: &str, org: &str, name: Option<&str>) -> SharedAccount {
        SharedAccount {
            provider: provider.into(),
            internal_id: internal.into(),
            organization_id: org.into(),
            organization: name.map(str::to_string),
        }
    }

    #[test]
    fn rows_become_organizations_with_classified_channels_and_counts() {
        let (acme, beta) = (org("o1", "Acme"), org("o2", "Beta"));
        let mut gone = org("o3", "Gone");
        gone.deleted = true;
        let mut broken = channel("c4", "o2", "threads", "7");
        broken.refresh_needed = true;
        let report = assemble(
            vec![
                item(&acme, Some(channel("c1", "o1", "x", "42"))),
                item(&beta, Some(channel("c2", "o2", "x", "42"))),
                item(&beta, Some(channel("c3", "o2", "linkedin", "42"))),
                item(&beta, Some(broken)),
                // A deleted organization without channels is left out unless asked for.
                item(&gone, None),
            ],
            vec![
                shared("x", "42", "o1", Some("Acme")),
                shared("x", "42", "o2", Some("Beta")),
                // Same internalId, another provider: not the same account.
                shared("linkedin", "42", "o2", Some("Beta")),
            ],
            false,
        );
        let names: Vec<&str> = report
            .organizations
            .iter()
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(names, ["Acme", "Beta"]);
        let acme = &report.organizations[0];
        assert_eq!(acme.channels[0].issues[0].id, "duplicate_account");
        assert!(acme.channels[0].issues[0].title.ends_with("Beta"));
        let beta = &report.organizations[1];
        assert!(beta.channels[0].issues[0].title.ends_with("Acme"));
        assert!(beta.channels[1].issues.is_empty(), "{:?}", beta.channels[1]);
        assert_eq!(beta.channels[2].health, "problem");
        let s = &report.summary;
        assert_eq!(
            (s.channels, s.healthy, s.warnings, s.problems),
            (4, 1, 2, 1)
        );
        assert!(report.has_problem());

        // Asked for, the deleted empty organization is shown.
        let report = assemble(vec![item(&gone, None)], vec![], true);
        assert_eq!(report.organizations.len(), 1);
        assert!(report.organizations[0].channels.is_empty());
    }

    /// `postiz status --json`'s issues: the finding's keys, and for one release the keys of
    /// before (`code`, `detail`) with the same values.
    #[test]
    fn a_channels_issues_keep_the_keys_of_before_beside_the_findings() {
        let acme = org("o1", "Acme");
        let mut flagged = channel("c1", "o1", "linkedin", "42");
        flagged.refresh_needed = true;
        let report = assemble(vec![item(&acme, Some(flagged))], vec![], false);
        let json = serde_json::to_value(&report.organizations[0].channels[0]).unwrap();
        let issue = json["issues"][0].as_object().unwrap();
        let mut keys: Vec<&str> = issue.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["area", "code", "detail", "evidence", "fix", "id", "severity", "title"],
            "{json}"
        );
        assert_eq!(issue["code"], "needs_reconnect");
        assert_eq!(issue["id"], issue["code"]);
        assert_eq!(issue["severity"], "problem");
        assert!(issue["detail"].is_string(), "{json}");
        assert_eq!(issue["evidence"], issue["detail"]);
        assert!(issue["fix"]
            .as_str()
            .unwrap()
            .contains("reconnect it in Postiz"));
        assert_eq!(issue["area"], "Postiz channel");
        assert_eq!(json["health"], "problem");
    }

    #[test]
    fn an_organization_is_found_by_id_or_by_its_one_name() {
        let orgs = [org("o1", "Acme"), org("o2", "Beta"), org("o3", "beta")];
        assert_eq!(find_organization(&orgs, "o2").unwrap().name, "Beta");
        assert_eq!(find_organization(&orgs, "ACME").unwrap().id, "o1");
        let err = find_organization(&orgs, "Beta").unwrap_err();
        assert!(err.to_string().contains("several organizations"), "{err}");
        let err = find_organization(&orgs, "Gamma").unwrap_err();
        assert!(err.to_string().contains("Acme (o1)"), "{err}");
    }
}
