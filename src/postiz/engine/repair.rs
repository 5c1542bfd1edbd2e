//! What a repair does in the engine: start the refresh workflow of the threads or
//! instagram-standalone row it wrote, as Postiz's connect does, and name the post workflows
//! that still hold the tokens it replaced.

use std::time::Duration;

use serde_json::{json, Value};

use super::place::{
    manual_start_command, reach_advice, refresh_argument, refresh_workflow_id, Located, MAIN_QUEUE,
    REFRESH_WORKFLOW_TYPE,
};
use super::temporal::Temporal;
use super::{proto, report};
use crate::postiz::locate::Target;
use crate::providers::EnvFile;

/// How the commands printed as fixes name the deployment (never a URL: it may hold a
/// password): " --env-file /srv/postiz/.env", " --database-url URL", and the
/// `--temporal-address` given.
pub fn repair_flag(target: &Target<'_>) -> String {
    let mut flag = match (target.env_file, target.database_url) {
        (Some(path), _) => format!(
            " --env-file {}",
            crate::text::shell_word(&path.display().to_string())
        ),
        (None, Some(_)) => " --database-url URL".into(),
        (None, None) => String::new(),
    };
    if let Some(address) = target.temporal_address {
        flag.push_str(&format!(
            " --temporal-address {}",
            crate::text::shell_word(address)
        ));
    }
    flag
}

/// A channel a repair just wrote.
pub struct Repaired<'a> {
    pub row_id: &'a str,
    pub organization_id: &'a str,
    pub provider: &'a str,
    /// How it is named in messages: `threads "Acme" (row ...)`.
    pub label: &'a str,
}

/// A line a repair has for the person running it, in the order it happened; the command
/// prints it (a repair service prints nothing itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Something done (a workflow started).
    Done(String),
    /// For information (what a dry run would do, what was left alone).
    Info(String),
    /// About the user's data or a repair left half-done: shown even with -q.
    Warn(String),
}

/// What a repair did about the refresh workflow, as its `--json` shows it (`workflow`),
/// whether it failed (the row was repaired, the workflow not started), and what to tell
/// the user about it.
pub struct WorkflowOutcome {
    pub json: Value,
    pub failed: bool,
    pub notices: Vec<Notice>,
}

/// After a repair of a threads or instagram-standalone row: start its `refreshTokenWorkflow`
/// exactly as Postiz's `startRefreshWorkflow` does at connect time (id `refresh_<row>`,
/// queue `main`, one `json/plain` argument `{integrationId, organizationId}`, a running one
/// terminated), since nothing else restarts it. With `dry_run`, say that it would.
/// Unreachable, the fix is the command that starts it by hand. `None` for other providers.
pub fn restart_refresh_workflow(
    located: Option<&Located>,
    timeout: Duration,
    channel: &Repaired<'_>,
    dry_run: bool,
) -> Option<WorkflowOutcome> {
    if !crate::postiz::REFRESH_WORKFLOW_PROVIDERS.contains(&channel.provider) {
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
        let notice = Notice::Info(format!(
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
            notices: vec![notice],
        });
    };
    json["temporal"] = json!(located.shown());
    if dry_run {
        let notice = Notice::Info(format!(
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
            notices: vec![notice],
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
            let mut notices = vec![Notice::Done(format!(
                "started Postiz's refresh workflow {id} ({REFRESH_WORKFLOW_TYPE}, task queue \
                 {MAIN_QUEUE}, run {run}): Postiz refreshes {} again before its token expires",
                channel.label
            ))];
            if workers == 0 {
                notices.push(Notice::Warn(format!(
                    "no worker polls task queue {MAIN_QUEUE} right now: the workflow waits \
                     until Postiz's orchestrator connects to Temporal (restart the postiz \
                     container; postiz-connect postiz status shows the workers)"
                )));
            }
            json["outcome"] = json!("started");
            json["run_id"] = json!(run);
            json["workers"] = json!(workers);
            Some(WorkflowOutcome {
                json,
                failed: false,
                notices,
            })
        }
        Err(e) => {
            let notice = Notice::Warn(format!(
                "{}: repaired, but Postiz's refresh workflow {id} could not be started ({e}): \
                 Postiz will not refresh this channel by itself. Start it with: {by_hand} \
                 (or reach Temporal: {})",
                channel.label,
                e.fix().unwrap_or_else(|| reach_advice(located))
            ));
            json["outcome"] = json!("failed");
            json["error"] = json!(e.to_string());
            json["command"] = json!(by_hand);
            Some(WorkflowOutcome {
                json,
                failed: true,
                notices: vec![notice],
            })
        }
    }
}

/// The repair hook: after a row is written (or, with `dry_run`, would be), start the refresh
/// workflow of a threads / instagram-standalone channel, where the deployment's Temporal
/// is (`--temporal-address`, TEMPORAL_ADDRESS of the .env or the environment).
pub fn after_repair(
    target: &Target<'_>,
    env_file: Option<&EnvFile>,
    channel: &Repaired<'_>,
    dry_run: bool,
) -> Option<WorkflowOutcome> {
    let located = target.temporal(env_file);
    restart_refresh_workflow(located.as_ref(), target.connect_timeout, channel, dry_run)
}

/// The `post_<id>` workflows of a channel found running after `postiz refresh` of its row,
/// and the warning about them.
#[derive(Debug, Default)]
pub struct RunningPosts {
    pub ids: Vec<String>,
    pub notice: Option<Notice>,
}

/// After `postiz refresh` of a row: the `post_<id>` workflows of the channel that are past
/// their publish time and still run, with a warning. Each read the row when it woke and, on
/// a 401, refreshes with the refresh token it read, which this refresh may just have spent.
/// Nothing when the database or Temporal cannot be read: this is advice, not part of the
/// repair.
pub fn running_posts_after_refresh(
    target: &Target<'_>,
    env_file: Option<&EnvFile>,
    database: &crate::postiz::locate::Located,
    channel: &Repaired<'_>,
) -> RunningPosts {
    let Some(located) = target.temporal(env_file) else {
        return RunningPosts::default();
    };
    let posts = crate::postiz::db::Database::connect(database, target.connect_timeout)
        .and_then(|mut db| report::started_posts(&mut db, channel.row_id))
        .unwrap_or_default();
    let ids = running_post_workflows(Some(&located), target.connect_timeout, &posts);
    let notice = (!ids.is_empty()).then(|| {
        Notice::Warn(format!(
            "{}: {} post workflow(s) of this channel are running past their publish time ({}): \
             each read the row before this refresh and, if the provider answers 401, refreshes \
             with the refresh token it read; where the provider rotates refresh tokens that \
             one is spent now, and the channel is marked for reconnection. Check the channel \
             with postiz-connect postiz status once they finish",
            channel.label,
            ids.len(),
            ids.join(", ")
        ))
    });
    RunningPosts { ids, notice }
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
