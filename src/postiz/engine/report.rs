//! What `postiz status` shows of the engine, as data: the workers, the refresh workflows,
//! the posts due with no workflow. [`read`] asks the database and Temporal; [`build`]
//! (pure) turns the answers into the report and its issues.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;

use super::place::{provider_queue, refresh_workflow_id, Located, MAIN_QUEUE};
use super::proto;
use super::temporal::{Execution, Poller, QueueState, Temporal};
use crate::model::diagnosis::{self, Finding, Severity};
use crate::postiz::db::{remote_text, utc, Database};
use crate::postiz::health::with_old_keys;
use crate::postiz::{POSTIZ_PROVIDERS, REFRESH_WORKFLOW_PROVIDERS};

/// A poller seen longer ago than this has stopped (a live worker's long poll returns and
/// is renewed at least every minute or so).
const LIVE_POLL: chrono::Duration = chrono::Duration::minutes(2);
/// A post due longer ago than this should be published or running.
const OVERDUE_AFTER_MINUTES: i64 = 5;
/// The sweep restarts posts due in the last two days (`searchForMissingThreeHoursPosts`).
const SWEEP_WINDOW: chrono::Duration = chrono::Duration::days(2);
/// At most this many overdue posts are checked against Temporal.
const OVERDUE_LIMIT: i64 = 200;
/// The sweep's workflow id.
const SWEEP_ID: &str = "missing-post-workflow";
/// The area of the engine's findings (doctor's too).
pub const AREA: &str = "Postiz engine";

#[derive(Debug, Clone, Serialize)]
pub struct EngineReport {
    /// host:port, where it came from, the namespace.
    pub temporal: String,
    /// Whether Temporal answered; when not, `error` and `fix` say why and what to do, and
    /// nothing below was read.
    pub reachable: bool,
    pub error: Option<String>,
    pub fix: Option<String>,
    /// `main` first, then the provider queues of the deployment's channels.
    pub queues: Vec<QueueReport>,
    pub refresh_workflows: Vec<RefreshReport>,
    /// Top-level posts in QUEUE due more than a few minutes ago with no running
    /// `post_<id>` workflow.
    pub overdue_posts: Vec<OverduePost>,
    /// Whether `missing-post-workflow` runs; `None` when not read.
    pub missing_post_sweep_running: Option<bool>,
    /// What is wrong with it (under the keys of before too: [`with_old_keys`]).
    #[serde(serialize_with = "with_old_keys")]
    pub issues: Vec<Finding>,
}

impl EngineReport {
    pub fn problems(&self) -> usize {
        diagnosis::tally(&self.issues).0
    }

    /// Temporal was not read: the status report is incomplete.
    pub fn incomplete(&self) -> bool {
        !self.reachable
    }

    /// When Temporal was not read, that as a finding: the error, and what to do.
    pub fn not_read(&self) -> Option<Finding> {
        if self.reachable {
            return None;
        }
        let error = self.error.as_deref().unwrap_or("unreachable");
        let finding = Finding::new(
            AREA,
            "engine_unreachable",
            Severity::Problem,
            format!("not read: {error}"),
        );
        Some(match &self.fix {
            Some(fix) => finding.fix(fix.clone()),
            None => finding,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct QueueReport {
    pub name: String,
    /// "workflow" for `main`, "activity" for a provider's.
    pub kind: &'static str,
    /// The providers of the deployment's channels that post through it.
    pub providers: Vec<String>,
    pub pollers: Vec<Poller>,
    /// Pollers seen in the last two minutes.
    pub live_pollers: usize,
    pub backlog: Option<i64>,
    /// Listed in EXCLUDE_QUEUE: another server of the deployment should poll it.
    pub excluded: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct RefreshReport {
    pub row_id: String,
    pub channel: String,
    pub provider: String,
    pub organization_id: String,
    pub workflow_id: String,
    /// "running", "missing" (never ran or gone), a closed run's status ("completed",
    /// "failed", "terminated"...), or "not_expected" (the row is flagged: Postiz's workflow
    /// ends for it by design).
    pub status: String,
    pub closed_at: Option<DateTime<Utc>>,
    /// When the running workflow's timer fires (it sleeps until the token's expiry).
    pub wakes_at: Option<DateTime<Utc>>,
    pub token_expiration: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OverduePost {
    pub id: String,
    pub row_id: String,
    pub channel: String,
    pub provider: String,
    pub organization_id: String,
    pub due: DateTime<Utc>,
    /// "missing", or the closed run's status.
    pub workflow: String,
    /// The channel is flagged (refreshNeeded, inBetweenSteps, disabled): Postiz's sweep
    /// skips its posts.
    pub channel_flagged: bool,
}

/// A threads / instagram-standalone row, as the engine check needs it.
#[derive(Debug, Clone)]
pub struct RefreshRow {
    pub id: String,
    pub organization_id: String,
    pub name: String,
    pub provider: String,
    pub token_expiration: Option<DateTime<Utc>>,
    /// refreshNeeded or inBetweenSteps: the workflow returns at once for it.
    pub flagged: bool,
}

/// A post due with its channel, from the database.
#[derive(Debug, Clone)]
pub struct DuePost {
    pub id: String,
    pub row_id: String,
    pub channel: String,
    pub provider: String,
    pub organization_id: String,
    pub due: DateTime<Utc>,
    pub channel_flagged: bool,
}

/// What the database says.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    /// The providers of the live channels.
    pub providers: BTreeSet<String>,
    pub refresh_rows: Vec<RefreshRow>,
    pub due_posts: Vec<DuePost>,
}

/// What Temporal says.
#[derive(Debug, Clone, Default)]
pub struct Observed {
    /// Per queue name: its state (`main`'s workflow pollers, the providers' activity ones).
    pub queues: BTreeMap<String, QueueState>,
    /// Per workflow id: the latest run, `None` when it never ran.
    pub workflows: BTreeMap<String, Option<Execution>>,
    /// Per running refresh workflow id: when its timer fires.
    pub timers: BTreeMap<String, DateTime<Utc>>,
}

/// Pollers seen recently (a poller without a time counts as live).
pub fn live_pollers(pollers: &[Poller], now: DateTime<Utc>) -> usize {
    pollers
        .iter()
        .filter(|p| p.last_poll.is_none_or(|at| now - at <= LIVE_POLL))
        .count()
}

/// Read what the engine check needs of the database (one read-only transaction). Every
/// column is cast to Postiz's type and read as nullable, as the status read does: a
/// hand-edited row with a NULL or an odd type must not abort the report.
fn rows(db: &mut Database, org: Option<&str>) -> Result<Rows, crate::error::Error> {
    let text = |r: &postgres::Row, i: usize| -> Result<String, postgres::Error> {
        Ok(remote_text(
            &r.try_get::<_, Option<String>>(i)?.unwrap_or_default(),
        ))
    };
    let flag = |r: &postgres::Row, i: usize| -> Result<bool, postgres::Error> {
        Ok(r.try_get::<_, Option<bool>>(i)?.unwrap_or(false))
    };
    db.read(|tx| {
        let mut providers = BTreeSet::new();
        for r in tx.query(
            "SELECT DISTINCT \"providerIdentifier\"::text FROM \"Integration\" \
             WHERE \"deletedAt\" IS NULL AND ($1::text IS NULL OR \"organizationId\" = $1)",
            &[&org],
        )? {
            if let Some(provider) = r.try_get::<_, Option<String>>(0)? {
                providers.insert(remote_text(&provider));
            }
        }
        let mut refresh_rows = Vec::new();
        for r in tx.query(
            "SELECT id::text, \"organizationId\"::text, name::text, \"providerIdentifier\"::text, \
             \"tokenExpiration\"::timestamp, \
             coalesce(\"refreshNeeded\"::boolean, false) OR coalesce(\"inBetweenSteps\"::boolean, false) \
             FROM \"Integration\" \
             WHERE \"deletedAt\" IS NULL AND \"providerIdentifier\" = ANY($1) \
             AND ($2::text IS NULL OR \"organizationId\" = $2) \
             ORDER BY \"organizationId\", name, id",
            &[&REFRESH_WORKFLOW_PROVIDERS, &org],
        )? {
            refresh_rows.push(RefreshRow {
                id: text(&r, 0)?,
                organization_id: text(&r, 1)?,
                name: text(&r, 2)?,
                provider: text(&r, 3)?,
                token_expiration: r.try_get::<_, Option<NaiveDateTime>>(4)?.map(utc),
                flagged: flag(&r, 5)?,
            });
        }
        let mut due_posts = Vec::new();
        for r in tx.query(
            "SELECT p.id::text, p.\"integrationId\"::text, i.name::text, i.\"providerIdentifier\"::text, \
             p.\"organizationId\"::text, p.\"publishDate\"::timestamp, \
             coalesce(i.\"refreshNeeded\"::boolean, false) OR coalesce(i.\"inBetweenSteps\"::boolean, false) \
             OR coalesce(i.disabled::boolean, false) \
             FROM \"Post\" p JOIN \"Integration\" i ON i.id = p.\"integrationId\" \
             WHERE p.state = 'QUEUE' AND p.\"deletedAt\" IS NULL \
             AND p.\"parentPostId\" IS NULL AND i.\"deletedAt\" IS NULL \
             AND p.\"publishDate\" < (now() AT TIME ZONE 'UTC') - make_interval(mins => $1) \
             AND ($2::text IS NULL OR p.\"organizationId\" = $2) \
             ORDER BY p.\"publishDate\" DESC LIMIT $3",
            &[&(OVERDUE_AFTER_MINUTES as i32), &org, &OVERDUE_LIMIT],
        )? {
            // The WHERE clause compares publishDate, so it is never NULL here.
            let Some(due) = r.try_get::<_, Option<NaiveDateTime>>(5)? else {
                continue;
            };
            due_posts.push(DuePost {
                id: text(&r, 0)?,
                row_id: text(&r, 1)?,
                channel: text(&r, 2)?,
                provider: text(&r, 3)?,
                organization_id: text(&r, 4)?,
                due: utc(due),
                channel_flagged: flag(&r, 6)?,
            });
        }
        Ok(Rows {
            providers,
            refresh_rows,
            due_posts,
        })
    })
}

/// A channel's top-level posts whose publish time came in the last two days: those whose
/// workflow may still run with the row it read then.
pub fn started_posts(db: &mut Database, row_id: &str) -> Result<Vec<String>, crate::error::Error> {
    db.read(|tx| {
        Ok(tx
            .query(
                "SELECT id FROM \"Post\" WHERE \"integrationId\" = $1 AND \"deletedAt\" IS NULL \
                 AND \"parentPostId\" IS NULL \
                 AND \"publishDate\" <= (now() AT TIME ZONE 'UTC') \
                 AND \"publishDate\" > (now() AT TIME ZONE 'UTC') - interval '2 days' \
                 ORDER BY \"publishDate\" DESC LIMIT 50",
                &[&row_id],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect())
    })
}

/// The providers of the deployment's channels that Postiz knows (an unknown one has no
/// queue: its channel is a problem of its own).
fn postiz_providers(rows: &Rows) -> impl Iterator<Item = &str> {
    rows.providers
        .iter()
        .map(String::as_str)
        .filter(|p| POSTIZ_PROVIDERS.contains(p))
}

/// Ask Temporal about what the rows name. Read-only: Describe, List and history calls.
fn observe(t: &mut Temporal, rows: &Rows) -> Result<Observed, crate::error::Error> {
    let mut seen = Observed::default();
    seen.queues.insert(
        MAIN_QUEUE.into(),
        t.describe_queue(MAIN_QUEUE, proto::TASK_QUEUE_TYPE_WORKFLOW)?,
    );
    let queues: BTreeSet<String> = postiz_providers(rows).map(provider_queue).collect();
    for q in queues.into_iter().filter(|q| q != MAIN_QUEUE) {
        let state = t.describe_queue(&q, proto::TASK_QUEUE_TYPE_ACTIVITY)?;
        seen.queues.insert(q, state);
    }
    for row in rows.refresh_rows.iter().filter(|r| !r.flagged) {
        let id = refresh_workflow_id(&row.id);
        let run = t.describe_workflow(&id)?;
        if run.as_ref().is_some_and(Execution::running) {
            if let Some(at) = t.pending_timer(&id)? {
                seen.timers.insert(id.clone(), at);
            }
        }
        seen.workflows.insert(id, run);
    }
    for post in &rows.due_posts {
        let id = format!("post_{}", post.id);
        let run = t.describe_workflow(&id)?;
        seen.workflows.insert(id, run);
    }
    let sweep = t.describe_workflow(SWEEP_ID)?;
    seen.workflows.insert(SWEEP_ID.into(), sweep);
    Ok(seen)
}

/// Read the engine of the deployment: the database's rows (of `org` only, when given) and
/// Temporal's answers about them. Temporal unreachable is not an error: the report says
/// so (and the status is incomplete). `repair_flag` is how the commands printed name the
/// deployment (" --env-file /srv/postiz/.env").
pub fn read(
    located: &Located,
    timeout: Duration,
    db: &mut Database,
    org: Option<&str>,
    repair_flag: &str,
) -> Result<EngineReport, crate::error::Error> {
    let rows = rows(db, org)?;
    let seen = Temporal::connect(located, timeout).and_then(|mut t| observe(&mut t, &rows));
    Ok(match seen {
        Ok(seen) => build(located, &rows, &seen, Utc::now(), repair_flag),
        Err(e) => unread(located, &e),
    })
}

/// The workers only (what doctor reports without the database): the pollers of `main`.
pub fn read_workers(
    located: &Located,
    timeout: Duration,
) -> Result<EngineReport, crate::error::Error> {
    let mut t = Temporal::connect(located, timeout)?;
    let main = t.describe_queue(MAIN_QUEUE, proto::TASK_QUEUE_TYPE_WORKFLOW)?;
    let seen = Observed {
        queues: [(MAIN_QUEUE.to_string(), main)].into(),
        ..Default::default()
    };
    Ok(build(located, &Rows::default(), &seen, Utc::now(), ""))
}

/// The report of a Temporal that could not be read.
pub fn unread(located: &Located, e: &crate::error::Error) -> EngineReport {
    EngineReport {
        temporal: located.shown(),
        reachable: false,
        error: Some(match e.cause() {
            Some(cause) => format!("{e}: {cause}"),
            None => e.to_string(),
        }),
        fix: e.fix(),
        queues: Vec::new(),
        refresh_workflows: Vec::new(),
        overdue_posts: Vec::new(),
        missing_post_sweep_running: None,
        issues: Vec::new(),
    }
}

/// Put the engine report together: the workers, the refresh workflows, the posts, each
/// with the findings it calls for.
pub fn build(
    located: &Located,
    rows: &Rows,
    seen: &Observed,
    now: DateTime<Utc>,
    repair_flag: &str,
) -> EngineReport {
    let (queues, mut issues) = workers(located, rows, seen, now);
    let main_live = queues
        .first()
        .filter(|q| q.name == MAIN_QUEUE)
        .map_or(0, |q| q.live_pollers);
    let (refresh_workflows, not_running) = refresh_workflows(rows, seen, now, repair_flag);
    issues.extend(not_running);
    let sweep = seen
        .workflows
        .get(SWEEP_ID)
        .map(|run| run.as_ref().is_some_and(Execution::running));
    let overdue_posts = overdue_posts(rows, seen);
    issues.extend(posts_without_workflow(
        &overdue_posts,
        sweep,
        main_live,
        now,
    ));
    if overdue_posts.is_empty() && sweep == Some(false) {
        issues.push(sweep_not_running());
    }
    issues.sort_by_key(|i| i.severity);
    EngineReport {
        temporal: located.shown(),
        reachable: true,
        error: None,
        fix: None,
        queues,
        refresh_workflows,
        overdue_posts,
        missing_post_sweep_running: sweep,
        issues,
    }
}

/// What the fix of a missing worker says.
const RESTART: &str = "restart Postiz's orchestrator, the `postiz` container (docker compose \
                       restart postiz), once Temporal is up: its worker tries to connect once \
                       at start and never again; then run postiz-connect postiz status again";

/// The task queues (`main` first, then the providers' of the deployment's channels), and a
/// finding for each one no worker polls.
fn workers(
    located: &Located,
    rows: &Rows,
    seen: &Observed,
    now: DateTime<Utc>,
) -> (Vec<QueueReport>, Vec<Finding>) {
    let mut issues = Vec::new();
    let mut queues = Vec::new();
    let mut providers_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in postiz_providers(rows) {
        providers_of
            .entry(provider_queue(p))
            .or_default()
            .push(p.to_string());
    }
    let main = seen.queues.get(MAIN_QUEUE);
    let main_live = main.map(|q| live_pollers(&q.pollers, now)).unwrap_or(0);
    if let Some(q) = main {
        issues.extend(main_without_worker(q, main_live, now));
        queues.push(QueueReport {
            name: MAIN_QUEUE.into(),
            kind: "workflow",
            providers: Vec::new(),
            pollers: q.pollers.clone(),
            live_pollers: main_live,
            backlog: q.backlog,
            excluded: false,
        });
    }
    for (name, providers) in &providers_of {
        let Some(q) = seen.queues.get(name) else {
            continue;
        };
        let live = live_pollers(&q.pollers, now);
        let excluded = located.excluded_queues.iter().any(|e| e == name);
        // With no worker on `main` at all, that one problem says it.
        if live == 0 && main_live > 0 {
            issues.push(queue_without_worker(name, providers, excluded));
        }
        queues.push(QueueReport {
            name: name.clone(),
            kind: "activity",
            providers: providers.clone(),
            pollers: q.pollers.clone(),
            live_pollers: live,
            backlog: q.backlog,
            excluded,
        });
    }
    (queues, issues)
}

/// No worker polls `main` (never did, or stopped): nothing is published or refreshed.
fn main_without_worker(q: &QueueState, live: usize, now: DateTime<Utc>) -> Option<Finding> {
    let backlog = q
        .backlog
        .map(|b| format!("{b} workflow task(s) wait in its backlog"))
        .unwrap_or_else(|| "the server does not report the backlog".into());
    if q.pollers.is_empty() {
        return Some(
            Finding::new(
                AREA,
                "engine_no_worker",
                Severity::Problem,
                format!(
                    "no worker polls `{MAIN_QUEUE}`: Postiz's orchestrator is not connected to \
                     Temporal; nothing is published or refreshed"
                ),
            )
            .evidence(format!(
                "{backlog}; posts stay in QUEUE and refresh workflows never wake while no \
                 worker polls (Postiz issues 1551, 1748, 2035: the orchestrator started \
                 before Temporal accepted connections and does not retry)"
            ))
            .fix(RESTART),
        );
    }
    if live > 0 {
        return None;
    }
    let last = q.pollers.iter().filter_map(|p| p.last_poll).max();
    Some(
        Finding::new(
            AREA,
            "engine_worker_gone",
            Severity::Problem,
            format!(
                "no worker has polled `{MAIN_QUEUE}` since {}: Postiz's orchestrator \
                 stopped working",
                last.map(|at| crate::text::relative(at, now))
                    .unwrap_or_else(|| "a while".into())
            ),
        )
        .evidence(backlog)
        .fix(RESTART),
    )
}

/// No worker polls a provider's queue while `main` has one: its posts wait there.
fn queue_without_worker(name: &str, providers: &[String], excluded: bool) -> Finding {
    Finding::new(
        AREA,
        "engine_queue_no_worker",
        Severity::Problem,
        format!(
            "no worker polls the `{name}` queue: posts to {} channels wait there",
            providers.join(", ")
        ),
    )
    .evidence(if excluded {
        format!(
            "EXCLUDE_QUEUE lists {name}: the orchestrator read here leaves it to \
             another server of the deployment, and none is polling it"
        )
    } else {
        format!(
            "Postiz's orchestrator runs one activity worker per provider queue \
             ({name}) unless EXCLUDE_QUEUE lists it"
        )
    })
    .fix(if excluded {
        format!("start the orchestrator that owns {name}, or remove it from EXCLUDE_QUEUE")
    } else {
        RESTART.into()
    })
}

/// The refresh workflow of each threads / instagram-standalone row, and a finding for each
/// one that should run and does not.
fn refresh_workflows(
    rows: &Rows,
    seen: &Observed,
    now: DateTime<Utc>,
    repair_flag: &str,
) -> (Vec<RefreshReport>, Vec<Finding>) {
    let mut issues = Vec::new();
    let mut refresh_workflows = Vec::new();
    for row in &rows.refresh_rows {
        let id = refresh_workflow_id(&row.id);
        let run = seen.workflows.get(&id).cloned().flatten();
        let status = if row.flagged {
            "not_expected".to_string()
        } else {
            match &run {
                Some(e) => e.status.to_string(),
                None => "missing".into(),
            }
        };
        if !row.flagged && !run.as_ref().is_some_and(Execution::running) {
            issues.push(workflow_not_running(
                row,
                &id,
                run.as_ref(),
                now,
                repair_flag,
            ));
        }
        refresh_workflows.push(RefreshReport {
            row_id: row.id.clone(),
            channel: row.name.clone(),
            provider: row.provider.clone(),
            organization_id: row.organization_id.clone(),
            workflow_id: id.clone(),
            status,
            closed_at: run.as_ref().and_then(|e| e.closed),
            wakes_at: seen.timers.get(&id).copied(),
            token_expiration: row.token_expiration,
        });
    }
    (refresh_workflows, issues)
}

/// A row's refresh workflow is not running (`run`: its last run, if Temporal remembers
/// one): nothing refreshes the row.
fn workflow_not_running(
    row: &RefreshRow,
    id: &str,
    run: Option<&Execution>,
    now: DateTime<Utc>,
    repair_flag: &str,
) -> Finding {
    let when = match run {
        Some(e) => format!(
            "its last run {}{}",
            e.status,
            e.closed
                .map(|at| format!(" {}", crate::text::relative(at, now)))
                .unwrap_or_default()
        ),
        None => "it never ran, or ended long enough ago to be forgotten".into(),
    };
    Finding::new(
        AREA,
        "refresh_workflow_missing",
        Severity::Problem,
        format!(
            "{} \"{}\" (row {}): its refresh workflow {id} is not running",
            row.provider, row.name, row.id
        ),
    )
    .evidence(format!(
        "{when}; Postiz refreshes {} only from that workflow and starts it only when \
         a channel is connected, so nothing refreshes this one and it stops working \
         at its expiry{}",
        row.provider,
        row.token_expiration
            .map(|at| format!(" ({})", crate::text::relative(at, now)))
            .unwrap_or_default()
    ))
    .fix(format!(
        "postiz-connect postiz refresh {}{repair_flag} (refreshes the token and \
         starts {id} again, as Postiz does at connect)",
        row.id
    ))
}

/// The posts due a while ago whose `post_<id>` workflow is not running.
fn overdue_posts(rows: &Rows, seen: &Observed) -> Vec<OverduePost> {
    rows.due_posts
        .iter()
        .filter_map(|p| {
            let run = seen.workflows.get(&format!("post_{}", p.id))?;
            if run.as_ref().is_some_and(Execution::running) {
                return None;
            }
            Some(OverduePost {
                id: p.id.clone(),
                row_id: p.row_id.clone(),
                channel: p.channel.clone(),
                provider: p.provider.clone(),
                organization_id: p.organization_id.clone(),
                due: p.due,
                workflow: run
                    .as_ref()
                    .map(|e| e.status.to_string())
                    .unwrap_or_else(|| "missing".into()),
                channel_flagged: p.channel_flagged,
            })
        })
        .collect()
}

/// Overdue posts: a warning when the running sweep restarts them all by itself (recent,
/// of healthy channels), else a problem.
fn posts_without_workflow(
    overdue: &[OverduePost],
    sweep: Option<bool>,
    main_live: usize,
    now: DateTime<Utc>,
) -> Option<Finding> {
    if overdue.is_empty() {
        return None;
    }
    let shown: Vec<String> = overdue
        .iter()
        .take(10)
        .map(|p| {
            format!(
                "{} ({} \"{}\", due {})",
                p.id,
                p.provider,
                p.channel,
                crate::text::relative(p.due, now)
            )
        })
        .collect();
    let more = overdue.len() - shown.len();
    // The sweep restarts the recent ones of healthy channels by itself within the hour.
    let swept = sweep == Some(true)
        && overdue
            .iter()
            .all(|p| !p.channel_flagged && now - p.due <= SWEEP_WINDOW);
    let finding = Finding::new(
        AREA,
        "posts_without_workflow",
        if swept {
            Severity::Warning
        } else {
            Severity::Problem
        },
        format!(
            "{} post(s) in QUEUE past their publish date with no running workflow: {}",
            overdue.len(),
            if swept {
                "the missing-post-workflow sweep restarts them within the hour"
            } else {
                "Postiz will not publish them"
            }
        ),
    );
    Some(
        finding
            .evidence(format!(
                "{}{}",
                shown.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            ))
            .fix(format!(
                "{}open each post in Postiz and schedule it again (saving a post starts its \
                 post_<id> workflow); posts of a channel that needs reconnecting wait until it \
                 is reconnected{}",
                if main_live == 0 {
                    "first get a worker polling main (above); then "
                } else {
                    ""
                },
                if sweep == Some(true) {
                    ""
                } else {
                    "; and have the sweep run: Postiz's backend starts missing-post-workflow at \
                     start when RUN_CRON is set (set it, restart the postiz container)"
                }
            )),
    )
}

/// The sweep that restarts lost post workflows is not running.
fn sweep_not_running() -> Finding {
    Finding::new(
        AREA,
        "sweep_not_running",
        Severity::Warning,
        "the missing-post-workflow sweep is not running: a post whose workflow is lost is \
         not restarted",
    )
    .evidence(
        "Postiz's backend starts it at start when RUN_CRON is set; it looks hourly for posts \
         of the last two days without a workflow",
    )
    .fix("set RUN_CRON=true in Postiz's environment and restart the postiz container")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap()
    }

    fn located() -> Located {
        super::super::place::locate(Some("127.0.0.1:7233"), None, &|_| None).unwrap()
    }

    fn run(id: &str, status: &'static str) -> Execution {
        Execution {
            workflow_id: id.into(),
            run_id: "r".into(),
            workflow_type: "t".into(),
            task_queue: MAIN_QUEUE.into(),
            status,
            started: Some(now() - chrono::Duration::days(3)),
            closed: (status != "running").then(|| now() - chrono::Duration::days(1)),
        }
    }

    fn queue(last_poll_minutes_ago: &[i64]) -> QueueState {
        QueueState {
            pollers: last_poll_minutes_ago
                .iter()
                .map(|m| Poller {
                    identity: "1@postiz".into(),
                    last_poll: Some(now() - chrono::Duration::minutes(*m)),
                })
                .collect(),
            backlog: Some(4),
        }
    }

    fn rows() -> Rows {
        Rows {
            providers: [
                "threads".to_string(),
                "x".to_string(),
                "myspace".to_string(),
            ]
            .into(),
            refresh_rows: vec![
                RefreshRow {
                    id: "t1".into(),
                    organization_id: "o".into(),
                    name: "Acme Threads".into(),
                    provider: "threads".into(),
                    token_expiration: Some(now() + chrono::Duration::days(20)),
                    flagged: false,
                },
                RefreshRow {
                    id: "t2".into(),
                    organization_id: "o".into(),
                    name: "Flagged".into(),
                    provider: "threads".into(),
                    token_expiration: None,
                    flagged: true,
                },
            ],
            due_posts: vec![DuePost {
                id: "p1".into(),
                row_id: "x1".into(),
                channel: "Acme X".into(),
                provider: "x".into(),
                organization_id: "o".into(),
                due: now() - chrono::Duration::hours(1),
                channel_flagged: false,
            }],
        }
    }

    fn codes(report: &EngineReport) -> Vec<(&str, Severity)> {
        report
            .issues
            .iter()
            .map(|i| (i.id.as_str(), i.severity))
            .collect()
    }

    #[test]
    fn no_worker_on_main_is_the_one_problem_for_the_queues() {
        let seen = Observed {
            queues: [
                ("main".to_string(), queue(&[])),
                ("threads".to_string(), queue(&[])),
                ("x".to_string(), queue(&[])),
            ]
            .into(),
            workflows: [
                ("refresh_t1".to_string(), Some(run("refresh_t1", "running"))),
                ("post_p1".to_string(), Some(run("post_p1", "running"))),
                (SWEEP_ID.to_string(), Some(run(SWEEP_ID, "running"))),
            ]
            .into(),
            timers: BTreeMap::new(),
        };
        let report = build(&located(), &rows(), &seen, now(), "");
        assert_eq!(codes(&report), [("engine_no_worker", Severity::Problem)]);
        assert!(report.issues[0]
            .evidence
            .as_deref()
            .unwrap()
            .starts_with("4 workflow task"));
        assert_eq!(report.refresh_workflows[1].status, "not_expected");
    }

    #[test]
    fn a_live_worker_and_running_workflows_are_quiet_and_stale_pollers_are_not_live() {
        let mut seen = Observed {
            queues: [
                ("main".to_string(), queue(&[1])),
                ("threads".to_string(), queue(&[0])),
                ("x".to_string(), queue(&[0])),
            ]
            .into(),
            workflows: [
                ("refresh_t1".to_string(), Some(run("refresh_t1", "running"))),
                ("post_p1".to_string(), Some(run("post_p1", "running"))),
                (SWEEP_ID.to_string(), Some(run(SWEEP_ID, "running"))),
            ]
            .into(),
            timers: [("refresh_t1".to_string(), now() + chrono::Duration::days(20))].into(),
        };
        let report = build(&located(), &rows(), &seen, now(), "");
        assert!(report.issues.is_empty(), "{:?}", report.issues);
        assert_eq!(report.refresh_workflows[0].status, "running");
        assert!(report.refresh_workflows[0].wakes_at.is_some());
        assert!(report.overdue_posts.is_empty());
        seen.queues.insert("main".into(), queue(&[10]));
        let report = build(&located(), &rows(), &seen, now(), "");
        assert_eq!(codes(&report), [("engine_worker_gone", Severity::Problem)]);
    }

    #[test]
    fn a_dead_refresh_workflow_and_a_post_without_workflow_are_problems_with_their_fix() {
        let seen = Observed {
            queues: [
                ("main".to_string(), queue(&[0])),
                ("threads".to_string(), queue(&[0])),
                ("x".to_string(), queue(&[])),
                // Not a Postiz provider: no queue of Postiz, no issue of the engine.
                ("myspace".to_string(), queue(&[])),
            ]
            .into(),
            workflows: [
                (
                    "refresh_t1".to_string(),
                    Some(run("refresh_t1", "completed")),
                ),
                ("post_p1".to_string(), None),
                (SWEEP_ID.to_string(), None),
            ]
            .into(),
            timers: BTreeMap::new(),
        };
        let report = build(&located(), &rows(), &seen, now(), " --env-file /srv/.env");
        assert_eq!(
            codes(&report),
            [
                ("engine_queue_no_worker", Severity::Problem),
                ("refresh_workflow_missing", Severity::Problem),
                ("posts_without_workflow", Severity::Problem),
            ]
        );
        let refresh = &report.issues[1];
        assert_eq!(
            refresh.fix.as_deref().unwrap(),
            "postiz-connect postiz refresh t1 --env-file /srv/.env (refreshes the token and \
             starts refresh_t1 again, as Postiz does at connect)"
        );
        assert!(refresh
            .evidence
            .as_deref()
            .unwrap()
            .contains("completed 1 day ago"));
        let posts = &report.issues[2];
        assert!(posts
            .evidence
            .as_deref()
            .unwrap()
            .starts_with("p1 (x \"Acme X\", due 1 hour ago"));
        let fix = posts.fix.as_deref().unwrap();
        assert!(fix.contains("RUN_CRON"), "{fix}");
        assert_eq!(report.overdue_posts[0].workflow, "missing");
        assert_eq!(report.missing_post_sweep_running, Some(false));
    }

    #[test]
    fn an_unread_temporal_is_a_finding_with_its_fix() {
        let e = crate::error::Error::Unreachable {
            what: "Temporal at 127.0.0.1:7233 refused the connection".into(),
            cause: "connection refused".into(),
            fix: "start Temporal".into(),
        };
        let not_read = unread(&located(), &e).not_read().unwrap();
        assert_eq!(not_read.severity, Severity::Problem);
        assert_eq!(
            not_read.title,
            "not read: Temporal at 127.0.0.1:7233 refused the connection: connection refused"
        );
        assert_eq!(not_read.fix.as_deref(), Some("start Temporal"));
        let read = build(
            &located(),
            &Rows::default(),
            &Observed::default(),
            now(),
            "",
        );
        assert!(read.not_read().is_none());
    }

    /// The engine's issues in `postiz status --json`: the finding's keys, and for one
    /// release `code` and `detail` with the values of `id` and `evidence`.
    #[test]
    fn the_engines_issues_keep_the_keys_of_before_beside_the_findings() {
        let seen = Observed {
            queues: [("main".to_string(), queue(&[]))].into(),
            ..Default::default()
        };
        let report = build(&located(), &rows(), &seen, now(), "");
        let json = serde_json::to_value(&report).unwrap();
        let issue = json["issues"][0].as_object().unwrap();
        let mut keys: Vec<&str> = issue.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["area", "code", "detail", "evidence", "fix", "id", "severity", "title"],
            "{json}"
        );
        assert_eq!(issue["code"], "engine_no_worker");
        assert_eq!(issue["id"], issue["code"]);
        assert_eq!(issue["area"], "Postiz engine");
        assert!(issue["detail"]
            .as_str()
            .unwrap()
            .starts_with("4 workflow task"));
        assert_eq!(issue["evidence"], issue["detail"]);
        assert!(issue["fix"].as_str().unwrap().starts_with("restart Postiz"));
    }

    #[test]
    fn the_running_sweep_makes_recent_overdue_posts_of_healthy_channels_a_warning() {
        let seen = Observed {
            queues: [
                ("main".to_string(), queue(&[0])),
                ("x".to_string(), queue(&[0])),
                ("threads".to_string(), queue(&[0])),
            ]
            .into(),
            workflows: [
                ("refresh_t1".to_string(), Some(run("refresh_t1", "running"))),
                ("post_p1".to_string(), Some(run("post_p1", "terminated"))),
                (SWEEP_ID.to_string(), Some(run(SWEEP_ID, "running"))),
            ]
            .into(),
            timers: BTreeMap::new(),
        };
        let report = build(&located(), &rows(), &seen, now(), "");
        assert_eq!(
            codes(&report),
            [("posts_without_workflow", Severity::Warning)]
        );
        assert_eq!(report.overdue_posts[0].workflow, "terminated");
    }
}
