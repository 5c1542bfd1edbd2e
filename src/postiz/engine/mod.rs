//! Postiz's engine: the Temporal namespace its orchestrator works in (Postiz v2.12 and
//! later). Where it is ([`locate`]), what `postiz status` reads of it ([`read`]: the workers
//! polling its task queues, each threads / instagram-standalone channel's
//! `refresh_<id>` workflow, the posts due with no `post_<id>` workflow), and the one thing a
//! repair starts in it ([`restart_refresh_workflow`]). Reads never start, signal or
//! terminate anything.
//!
//! Facts from gitroomhq/postiz-app at [`super::POSTIZ_COMMIT`]:
//! - connection: `libraries/nestjs-libraries/src/temporal/temporal.module.ts`
//!   (`TEMPORAL_ADDRESS` or `localhost:7233`, `TEMPORAL_TLS === 'true'`, `TEMPORAL_API_KEY`,
//!   `TEMPORAL_NAMESPACE` or `default`); its workers: `main` (workflows and activities) and
//!   one activity queue per provider, the identifier up to its first `-`, minus
//!   `EXCLUDE_QUEUE`;
//! - `refreshTokenWorkflow`: `apps/orchestrator/src/workflows/refresh.token.workflow.ts`,
//!   started by `startRefreshWorkflow` in
//!   `libraries/nestjs-libraries/src/integrations/refresh.integration.service.ts`;
//! - posts: `postWorkflowV109`, id `post_<postId>`, started by `startWorkflow` in
//!   `libraries/nestjs-libraries/src/database/prisma/posts/posts.service.ts`; the sweep
//!   `missing-post-workflow` (`missing.post.workflow.ts`, started at boot with `RUN_CRON`
//!   by `infinite.workflow.register.ts`) restarts, hourly, posts due in the last two days
//!   (`searchForMissingThreeHoursPosts` in `posts.repository.ts`).

pub mod proto;
mod report;
mod temporal;
mod watch;

use std::time::Duration;

use serde_json::{json, Value};

use crate::error::Error;
use crate::providers::{credentials, EnvFile};
use crate::ui::Ui;

pub use report::{read, read_workers, EngineReport, OverduePost, QueueReport, RefreshReport};
pub use temporal::{Execution, Poller, Temporal};
pub use watch::RefreshWatch;

/// The task queue of every Postiz workflow (and of its orchestrator's own activities).
pub const MAIN_QUEUE: &str = "main";
/// Postiz's token refresh workflow type and its id's prefix.
pub const REFRESH_WORKFLOW_TYPE: &str = "refreshTokenWorkflow";
/// Where Postiz connects when TEMPORAL_ADDRESS is unset.
pub const DEFAULT_ADDRESS: &str = "localhost:7233";
/// What `--temporal-address` takes to leave Temporal alone (a Postiz before v2.12 has none).
pub const NO_TEMPORAL: &str = "none";

/// The refresh workflow's id for a channel row.
pub fn refresh_workflow_id(row_id: &str) -> String {
    format!("refresh_{row_id}")
}

/// The argument Postiz gives `refreshTokenWorkflow`: `{integrationId, organizationId}`, in
/// that order (`JSON.stringify` of the object literal in `startRefreshWorkflow`).
pub fn refresh_argument(row_id: &str, organization_id: &str) -> Value {
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Argument<'a> {
        integration_id: &'a str,
        organization_id: &'a str,
    }
    serde_json::to_value(Argument {
        integration_id: row_id,
        organization_id,
    })
    .expect("serializes")
}

/// The task queue of a provider's activities: its identifier up to the first `-`
/// (`instagram-standalone` → `instagram`, `linkedin-page` → `linkedin`).
pub fn provider_queue(provider: &str) -> String {
    provider
        .split('-')
        .next()
        .unwrap_or(provider)
        .to_lowercase()
}

/// How the commands printed as fixes name the deployment (never a URL: it may hold a
/// password): " --env-file /srv/postiz/.env", " --database-url URL", and the
/// `--temporal-address` given.
pub fn repair_flag(target: &super::locate::Target<'_>) -> String {
    let mut flag = match (target.env_file, target.database_url) {
        (Some(path), _) => format!(
            " --env-file {}",
            crate::ui::shell_word(&path.display().to_string())
        ),
        (None, Some(_)) => " --database-url URL".into(),
        (None, None) => String::new(),
    };
    if let Some(address) = target.temporal_address {
        flag.push_str(&format!(
            " --temporal-address {}",
            crate::ui::shell_word(address)
        ));
    }
    flag
}

/// Where the deployment's Temporal is, and how to talk to it. (No `Debug`: it holds the
/// API key.)
#[derive(Clone)]
pub struct Located {
    /// host:port.
    pub address: String,
    /// "--temporal-address", "TEMPORAL_ADDRESS in /srv/postiz/.env", "Postiz's default
    /// (TEMPORAL_ADDRESS is not set)".
    pub from: String,
    pub namespace: String,
    pub tls: bool,
    pub api_key: Option<String>,
    /// `EXCLUDE_QUEUE`: provider queues this deployment's workers leave to another server.
    pub excluded_queues: Vec<String>,
}

impl Located {
    /// "127.0.0.1:7233 (namespace default, from --temporal-address)".
    pub fn shown(&self) -> String {
        format!(
            "{}{} (namespace {}, {})",
            self.address,
            if self.tls { " over TLS" } else { "" },
            self.namespace,
            self.from
        )
    }

    /// The host part of the address.
    pub fn host(&self) -> &str {
        self.address
            .rsplit_once(':')
            .map(|(h, _)| h)
            .unwrap_or(&self.address)
    }
}

/// Where Temporal is: `--temporal-address`, else `TEMPORAL_ADDRESS` from the `.env`, else
/// from the environment, else Postiz's default. `None` when that is `none`
/// (`--temporal-address none`, or `TEMPORAL_ADDRESS=none`: a Postiz before v2.12 has no
/// Temporal, or the user leaves it alone).
pub fn locate(
    flag: Option<&str>,
    env_file: Option<&EnvFile>,
    process_env: &dyn Fn(&str) -> Option<String>,
) -> Option<Located> {
    let setting = |name: &str| {
        credentials::lookup(&[name.to_string()], env_file, process_env)
            .map(|(v, from)| (v.trim().to_string(), from))
            .filter(|(v, _)| !v.is_empty())
    };
    let (address, from) = match flag.map(str::trim).filter(|f| !f.is_empty()) {
        Some(f) => (f.to_string(), "--temporal-address".to_string()),
        None => setting("TEMPORAL_ADDRESS").unwrap_or_else(|| {
            (
                DEFAULT_ADDRESS.to_string(),
                "Postiz's default: TEMPORAL_ADDRESS is not set".to_string(),
            )
        }),
    };
    if address.eq_ignore_ascii_case(NO_TEMPORAL) {
        return None;
    }
    Some(Located {
        address: with_port(&address),
        from,
        namespace: setting("TEMPORAL_NAMESPACE")
            .map(|(v, _)| v)
            .unwrap_or_else(|| "default".into()),
        // Postiz compares the text: only "true" turns TLS on.
        tls: setting("TEMPORAL_TLS").is_some_and(|(v, _)| v == "true"),
        api_key: setting("TEMPORAL_API_KEY").map(|(v, _)| v),
        excluded_queues: setting("EXCLUDE_QUEUE")
            .map(|(v, _)| {
                v.split(',')
                    .map(|q| q.trim().to_string())
                    .filter(|q| !q.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    })
}

/// Temporal's clients add the default port 7233 to an address without one.
fn with_port(address: &str) -> String {
    let bare_ipv6 = address.matches(':').count() > 1 && !address.starts_with('[');
    if address.contains("://") || bare_ipv6 {
        return address.to_string();
    }
    match address.rsplit_once(':') {
        Some((_, port)) if port.parse::<u16>().is_ok() => address.to_string(),
        _ => format!("{address}:7233"),
    }
}

/// Whether a host is a name only a compose network resolves (`temporal`, `postiz-temporal`):
/// no dot, not localhost, not an address.
fn compose_host(host: &str) -> bool {
    !host.contains('.') && !host.contains(':') && host != "localhost" && !host.is_empty()
}

/// How to reach Postiz's Temporal from here.
pub fn reach_advice(located: &Located) -> String {
    let host = located.host();
    let published = "Postiz's docker-compose publishes Temporal on the host's port 7233: pass \
                     --temporal-address 127.0.0.1:7233 (or run this tool on the compose \
                     network, docker run --rm --network <project>_temporal-network ...)";
    if compose_host(host) {
        format!(
            "{host} is a name only the compose network resolves (the compose file gives Postiz \
             TEMPORAL_ADDRESS={}); {published}",
            located.address
        )
    } else {
        format!(
            "check that Temporal runs and listens on {} (temporal operator cluster health \
             --address {}), and that --temporal-address (or TEMPORAL_ADDRESS) is right; \
             {published}; for a deployment without Temporal (Postiz before v2.12) pass \
             --temporal-address none",
            located.address, located.address
        )
    }
}

/// Temporal could not be reached.
fn unreachable(located: &Located, waited: Duration, cause: String) -> Error {
    Error::Unreachable {
        what: format!(
            "Postiz's Temporal at {} could not be reached (waited at most {})",
            located.shown(),
            crate::text::duration_words(waited)
        ),
        cause,
        fix: reach_advice(located),
    }
}

/// An address that is not `host:port`.
fn bad_address(located: &Located, why: &str) -> Error {
    Error::Config {
        what: format!(
            "the Temporal address {} ({}) is not host:port: {why}",
            located.address, located.from
        ),
        fix: "give it as Postiz takes TEMPORAL_ADDRESS: HOST:PORT without a scheme, e.g. \
              --temporal-address 127.0.0.1:7233"
            .into(),
    }
}

/// A call Temporal answered with an error (or never answered).
fn call_failed(located: &Located, doing: &str, what: &str, f: &temporal::Failure) -> Error {
    match f.code.as_str() {
        "connect" | "Unavailable" | "DeadlineExceeded" | "Cancelled" => Error::Unreachable {
            what: format!(
                "Postiz's Temporal at {} did not answer (to {doing} {what})",
                located.shown()
            ),
            cause: f.message.clone(),
            fix: reach_advice(located),
        },
        "Unauthenticated" | "PermissionDenied" => Error::Config {
            what: format!(
                "Temporal at {} refused to {doing} {what}: {} ({})",
                located.shown(),
                f.message,
                f.code
            ),
            fix: "give the API key Postiz uses (TEMPORAL_API_KEY in its .env or the \
                  environment), and TEMPORAL_TLS=true for Temporal Cloud"
                .into(),
        },
        "NotFound" => Error::Config {
            what: format!(
                "Temporal at {} has no namespace {}: {}",
                located.address, located.namespace, f.message
            ),
            fix: "set TEMPORAL_NAMESPACE as Postiz has it (default: default)".into(),
        },
        _ => Error::Store {
            what: format!(
                "Temporal at {} could not {doing} {what}: {} ({})",
                located.shown(),
                f.message,
                f.code
            ),
            fix: format!(
                "check Temporal's own state: temporal operator cluster health --address {}",
                located.address
            ),
        },
    }
}

/// The command that starts a channel's refresh workflow by hand, in Postiz's
/// `temporal-admin-tools` container (which reaches `temporal:7233` itself).
pub fn manual_start_command(located: Option<&Located>, row_id: &str, org_id: &str) -> String {
    let namespace = located.map(|l| l.namespace.as_str()).unwrap_or("default");
    format!(
        "docker exec temporal-admin-tools temporal workflow start --namespace {} --type {} \
         --task-queue {} --workflow-id {} --id-conflict-policy TerminateExisting --input {}",
        crate::ui::shell_word(namespace),
        REFRESH_WORKFLOW_TYPE,
        MAIN_QUEUE,
        crate::ui::shell_word(&refresh_workflow_id(row_id)),
        crate::ui::shell_word(&refresh_argument(row_id, org_id).to_string())
    )
}

/// A channel a repair just wrote.
pub struct Repaired<'a> {
    pub row_id: &'a str,
    pub organization_id: &'a str,
    pub provider: &'a str,
    /// How it is named in messages: `threads "Acme" (row ...)`.
    pub label: &'a str,
}

/// What a repair did about the refresh workflow, as its `--json` shows it (`workflow`),
/// and whether it failed (the row was repaired, the workflow not started).
pub struct WorkflowOutcome {
    pub json: Value,
    pub failed: bool,
}

/// After a repair of a threads or instagram-standalone row: start its `refreshTokenWorkflow`
/// exactly as Postiz's `startRefreshWorkflow` does at connect time (id `refresh_<row>`,
/// queue `main`, one `json/plain` argument `{integrationId, organizationId}`, a running one
/// terminated), since nothing else restarts it. With `dry_run`, say that it would.
/// Unreachable, the fix is the command that starts it by hand. `None` for other providers.
pub fn restart_refresh_workflow(
    ui: &Ui,
    located: Option<&Located>,
    timeout: Duration,
    channel: &Repaired<'_>,
    dry_run: bool,
) -> Option<WorkflowOutcome> {
    if !super::REFRESH_WORKFLOW_PROVIDERS.contains(&channel.provider) {
        return None;
    }
    let id = refresh_workflow_id(channel.row_id);
    let argument = refresh_argument(channel.row_id, channel.organization_id);
    let by_hand = manual_start_command(located, channel.row_id, channel.organization_id);
    let mut json = json!({
        "workflow_id": id,
        "workflow_type": REFRESH_WORKFLOW_TYPE,
        "task_queue": MAIN_QUEUE,
        "argument": argument,
    });
    let Some(located) = located else {
        ui.info(format!(
            "{}: Temporal is left alone (--temporal-address none, or TEMPORAL_ADDRESS=none): \
             Postiz's refresh workflow {id} is not started, so Postiz will not refresh this \
             channel by itself; start it with: {by_hand}",
            channel.label
        ));
        json["outcome"] = json!("not_contacted");
        json["command"] = json!(by_hand);
        return Some(WorkflowOutcome {
            json,
            failed: false,
        });
    };
    json["temporal"] = json!(located.shown());
    if dry_run {
        ui.info(format!(
            "dry run: would start Postiz's refresh workflow for {}: {REFRESH_WORKFLOW_TYPE} \
             {id} on task queue {MAIN_QUEUE} at {}, argument {argument} (terminating a \
             running one, as Postiz does)",
            channel.label,
            located.shown()
        ));
        json["outcome"] = json!("would_start");
        return Some(WorkflowOutcome {
            json,
            failed: false,
        });
    }
    let started = Temporal::connect(located, timeout).and_then(|mut t| {
        let run = t.start_workflow(REFRESH_WORKFLOW_TYPE, &id, MAIN_QUEUE, &argument)?;
        let workers = t
            .describe_queue(MAIN_QUEUE, proto::TASK_QUEUE_TYPE_WORKFLOW)
            .map(|q| report::live_pollers(&q.pollers, chrono::Utc::now()))
            .unwrap_or(0);
        Ok((run, workers))
    });
    match started {
        Ok((run, workers)) => {
            ui.step(format!(
                "started Postiz's refresh workflow {id} ({REFRESH_WORKFLOW_TYPE}, task queue \
                 {MAIN_QUEUE}, run {run}): Postiz refreshes {} again before its token expires",
                channel.label
            ));
            if workers == 0 {
                ui.warn(format!(
                    "no worker polls task queue {MAIN_QUEUE} right now: the workflow waits \
                     until Postiz's orchestrator connects to Temporal (restart the postiz \
                     container; postiz-connect postiz status shows the workers)"
                ));
            }
            json["outcome"] = json!("started");
            json["run_id"] = json!(run);
            json["workers"] = json!(workers);
            Some(WorkflowOutcome {
                json,
                failed: false,
            })
        }
        Err(e) => {
            ui.warn(format!(
                "{}: repaired, but Postiz's refresh workflow {id} could not be started ({e}): \
                 Postiz will not refresh this channel by itself. Start it with: {by_hand} \
                 (or reach Temporal: {})",
                channel.label,
                e.fix().unwrap_or_else(|| reach_advice(located))
            ));
            json["outcome"] = json!("failed");
            json["error"] = json!(e.to_string());
            json["command"] = json!(by_hand);
            Some(WorkflowOutcome { json, failed: true })
        }
    }
}

/// The repair hook: after a row is written (or, with `dry_run`, would be), start the refresh
/// workflow of a threads / instagram-standalone channel, where the deployment's Temporal
/// is (`--temporal-address`, TEMPORAL_ADDRESS of the .env or the environment).
pub fn after_repair(
    ui: &Ui,
    target: &super::locate::Target<'_>,
    env_file: Option<&EnvFile>,
    channel: &Repaired<'_>,
    dry_run: bool,
) -> Option<WorkflowOutcome> {
    let located = target.temporal(env_file);
    restart_refresh_workflow(
        ui,
        located.as_ref(),
        target.connect_timeout,
        channel,
        dry_run,
    )
}

/// After `postiz refresh` of a row: warn when `post_<id>` workflows of the channel that
/// are past their publish time still run. Each read the row when it woke and, on a 401,
/// refreshes with the refresh token it read, which this refresh may just have spent. The
/// ids of those running (nothing when the database or Temporal cannot be read: this is
/// advice, not part of the repair).
pub fn warn_running_posts(
    ui: &Ui,
    target: &super::locate::Target<'_>,
    env_file: Option<&EnvFile>,
    database: &super::locate::Located,
    channel: &Repaired<'_>,
) -> Vec<String> {
    let Some(located) = target.temporal(env_file) else {
        return Vec::new();
    };
    let posts = super::db::Database::connect(database, target.connect_timeout)
        .and_then(|mut db| report::started_posts(&mut db, channel.row_id))
        .unwrap_or_default();
    let running = running_post_workflows(Some(&located), target.connect_timeout, &posts);
    if !running.is_empty() {
        ui.warn(format!(
            "{}: {} post workflow(s) of this channel are running past their publish time ({}): \
             each read the row before this refresh and, if the provider answers 401, refreshes \
             with the refresh token it read; where the provider rotates refresh tokens that \
             one is spent now, and the channel is marked for reconnection. Check the channel \
             with postiz-connect postiz status once they finish",
            channel.label,
            running.len(),
            running.join(", ")
        ));
    }
    running
}

/// The `post_<id>` workflows of a channel still running after their publish time: each
/// read the row before a refresh and, on a 401, refreshes with the refresh token it read.
/// Empty when Temporal is not reachable (a warning is not worth a failure here).
pub fn running_post_workflows(
    located: Option<&Located>,
    timeout: Duration,
    post_ids: &[String],
) -> Vec<String> {
    let Some(located) = located else {
        return Vec::new();
    };
    if post_ids.is_empty() {
        return Vec::new();
    }
    let Ok(mut t) = Temporal::connect(located, timeout) else {
        return Vec::new();
    };
    post_ids
        .iter()
        .map(|id| format!("post_{id}"))
        .filter(|wf| {
            t.describe_workflow(wf)
                .ok()
                .flatten()
                .is_some_and(|e| e.running())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn the_flag_wins_over_the_env_file_which_wins_over_the_environment_and_none_turns_it_off() {
        let file = EnvFile {
            path: "/srv/postiz/.env".into(),
            vars: HashMap::from([
                ("TEMPORAL_ADDRESS".to_string(), "temporal:7233".to_string()),
                ("TEMPORAL_TLS".to_string(), "TRUE".to_string()),
                ("EXCLUDE_QUEUE".to_string(), " reddit, x ,".to_string()),
            ]),
        };
        let env = |name: &str| match name {
            "TEMPORAL_ADDRESS" => Some("env-host:1234".to_string()),
            "TEMPORAL_NAMESPACE" => Some("postiz".to_string()),
            "TEMPORAL_API_KEY" => Some("key".to_string()),
            _ => None,
        };
        let l = locate(None, Some(&file), &env).unwrap();
        assert_eq!(l.address, "temporal:7233");
        assert_eq!(l.from, "TEMPORAL_ADDRESS in /srv/postiz/.env");
        assert_eq!(l.namespace, "postiz");
        // Postiz turns TLS on for the text "true" only.
        assert!(!l.tls);
        assert_eq!(l.api_key.as_deref(), Some("key"));
        assert_eq!(l.excluded_queues, ["reddit", "x"]);
        let l = locate(Some("127.0.0.1"), Some(&file), &env).unwrap();
        assert_eq!(l.address, "127.0.0.1:7233");
        assert_eq!(l.from, "--temporal-address");
        let l = locate(None, None, &env).unwrap();
        assert_eq!(l.address, "env-host:1234");
        let l = locate(None, None, &|_| None).unwrap();
        assert_eq!(l.address, DEFAULT_ADDRESS);
        assert!(l.from.contains("not set"), "{}", l.from);
        assert!(locate(Some("none"), Some(&file), &env).is_none());
        assert!(locate(None, None, &|_| Some("none".into())).is_none());
    }

    #[test]
    fn a_compose_host_is_told_to_use_the_published_port() {
        let l = locate(Some("temporal:7233"), None, &|_| None).unwrap();
        let advice = reach_advice(&l);
        assert!(
            advice.contains("only the compose network resolves"),
            "{advice}"
        );
        assert!(
            advice.contains("--temporal-address 127.0.0.1:7233"),
            "{advice}"
        );
        let l = locate(Some("10.0.0.5:7233"), None, &|_| None).unwrap();
        assert!(reach_advice(&l).starts_with("check that Temporal runs"));
    }

    #[test]
    fn the_argument_and_the_manual_command_are_postizs() {
        assert_eq!(
            refresh_argument("r1", "o1").to_string(),
            r#"{"integrationId":"r1","organizationId":"o1"}"#
        );
        let cmd = manual_start_command(None, "r1", "o1");
        assert_eq!(
            cmd,
            "docker exec temporal-admin-tools temporal workflow start --namespace default \
             --type refreshTokenWorkflow --task-queue main --workflow-id refresh_r1 \
             --id-conflict-policy TerminateExisting \
             --input '{\"integrationId\":\"r1\",\"organizationId\":\"o1\"}'"
        );
    }

    #[test]
    fn provider_queues_are_the_identifier_up_to_its_first_dash() {
        assert_eq!(provider_queue("instagram-standalone"), "instagram");
        assert_eq!(provider_queue("linkedin-page"), "linkedin");
        assert_eq!(provider_queue("x"), "x");
    }
}
