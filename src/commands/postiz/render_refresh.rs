//! How `postiz refresh` shows what the service did: each row's lines on stderr as it is
//! done (text and `--json` alike; an error as text only without `--json`), and with
//! `--json` one array of the rows' objects on stdout.

use serde_json::{json, Value};

use crate::postiz::engine::{Notice, WorkflowOutcome};
use crate::postiz::repair::{Done, Outcome, Preview, Refreshed, RowReport};
use crate::ui::Ui;

/// A repair's notices, in order: done, for information, or a warning (shown with -q too).
pub(super) fn notices<'a>(ui: &Ui, notices: impl IntoIterator<Item = &'a Notice>) {
    for notice in notices {
        match notice {
            Notice::Done(text) => ui.step(text),
            Notice::Info(text) => ui.info(text),
            Notice::Warn(text) => ui.warn(text),
        }
    }
}

fn workflow_notices(ui: &Ui, workflow: &Option<WorkflowOutcome>) {
    notices(ui, workflow.iter().flat_map(|w| &w.notices));
}

/// One row's lines, on stderr.
pub(super) fn row(ui: &Ui, report: &RowReport) {
    notices(ui, &report.notices);
    let outcome = match &report.outcome {
        Ok(outcome) => outcome,
        Err(e) => {
            // With --json the error is in the row's object.
            if !ui.json {
                ui.error(e);
            }
            return;
        }
    };
    let label = &outcome.label;
    match &outcome.done {
        Done::CannotRefresh { reason, .. } => ui.info(format!("{label}: {reason}")),
        Done::WouldRefresh { preview, workflow } => {
            ui.info(dry_run_line(label, preview));
            workflow_notices(ui, workflow);
        }
        Done::Refreshed(refreshed) => {
            ui.step(refreshed_line(label, refreshed));
            if let Some((path, command)) = &refreshed.replaced {
                ui.info(format!(
                    "the tokens those rows held are kept in {} (0600); put them back with \
                     {command}",
                    path.display()
                ));
            }
            workflow_notices(ui, &refreshed.workflow);
            notices(ui, &refreshed.running.notice);
        }
    }
}

/// What a dry run says it would do: exactly the plan's client, columns and rows.
pub(super) fn dry_run_line(label: &str, preview: &Preview) -> String {
    format!(
        "dry run: would refresh {label} with client {}{} and set {}{} (nothing called, \
         nothing written)",
        preview.client_id,
        match &preview.page_check {
            Some(kind) => format!(
                ", check that the login still lists its {kind} (a crashed refresh left \
                 inBetweenSteps set)"
            ),
            None => String::new(),
        },
        preview.would_set.join(", "),
        shared_list(&preview.shared)
    )
}

/// "; the same in the N other row(s) of the same login, as Postiz does: LABEL, ..." for a
/// dry run; empty when there are none.
fn shared_list(labels: &[String]) -> String {
    if labels.is_empty() {
        return String::new();
    }
    format!(
        "; the same in the {} other row(s) of the same login, as Postiz does: {}",
        labels.len(),
        labels.join(", ")
    )
}

fn refreshed_line(label: &str, r: &Refreshed) -> String {
    format!(
        "refreshed {label}: token valid until {}{}{}{}",
        r.token_expiration.format("%Y-%m-%d %H:%M UTC"),
        if r.rotated {
            "; refresh token rotated and saved"
        } else {
            ""
        },
        if r.cleared_between_steps {
            "; the crashed refresh's inBetweenSteps cleared"
        } else {
            ""
        },
        if r.shared_rows > 0 {
            format!(
                "; {} other row(s) of the same login updated too, as Postiz does",
                r.shared_rows
            )
        } else {
            String::new()
        }
    )
}

/// One row's object in the `--json` array.
pub(super) fn row_json(report: &RowReport) -> Value {
    let outcome = match &report.outcome {
        Ok(outcome) => outcome,
        // The same object as an error on stderr (`ui::error_json`).
        Err(e) => {
            return json!({"id": report.id, "outcome": "failed", "error": crate::ui::error_json(e)})
        }
    };
    let Outcome {
        provider,
        name,
        done,
        ..
    } = outcome;
    let mut value = json!({"id": report.id, "provider": provider, "name": name});
    match done {
        Done::CannotRefresh { code, reason } => {
            value["outcome"] = json!("cannot_refresh");
            value["code"] = json!(code);
            value["reason"] = json!(reason);
        }
        Done::WouldRefresh { preview, workflow } => {
            value["outcome"] = json!("would_refresh");
            value["would_set"] = json!(preview.would_set);
            value["would_change"] = json!(preview.would_change);
            if let Some(workflow) = workflow {
                value["workflow"] = workflow.json.clone();
            }
        }
        Done::Refreshed(r) => {
            value["outcome"] = json!("refreshed");
            value["token_expiration"] = json!(r.token_expiration.to_rfc3339());
            value["rotated"] = json!(r.rotated);
            value["shared_rows"] = json!(r.shared_rows);
            if let Some((path, _)) = &r.replaced {
                value["replaced_tokens_file"] = json!(path.display().to_string());
            }
            if r.record_failed {
                value["record_failed"] = json!(true);
            }
            if let Some(workflow) = &r.workflow {
                value["workflow"] = workflow.json.clone();
            }
            if !r.running.ids.is_empty() {
                value["running_post_workflows"] = json!(r.running.ids);
            }
        }
    }
    value
}
