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

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::error::{Error, ExitCode};
    use crate::postiz::engine::RunningPosts;

    fn report(done: Done) -> RowReport {
        RowReport {
            id: "row-1".into(),
            notices: Vec::new(),
            outcome: Ok(Outcome {
                provider: "linkedin".into(),
                name: "Acme".into(),
                label: "linkedin \"Acme\" (row row-1)".into(),
                done,
            }),
        }
    }

    fn refreshed() -> Refreshed {
        Refreshed {
            token_expiration: chrono::Utc.with_ymd_and_hms(2027, 1, 30, 12, 0, 0).unwrap(),
            rotated: true,
            cleared_between_steps: false,
            shared_rows: 2,
            replaced: None,
            record_failed: false,
            workflow: None,
            running: RunningPosts::default(),
        }
    }

    #[test]
    fn the_dry_run_line_is_the_plans_client_columns_and_rows() {
        let preview = Preview {
            client_id: "app-1".into(),
            page_check: Some("channel".into()),
            would_set: vec!["token", "refreshToken", "inBetweenSteps=false"],
            would_change: vec!["row-1".into(), "row-2".into()],
            shared: vec!["linkedin-page \"Acme Page\" (row row-2) (deleted)".into()],
        };
        assert_eq!(
            dry_run_line("linkedin \"Acme\" (row row-1)", &preview),
            "dry run: would refresh linkedin \"Acme\" (row row-1) with client app-1, check \
             that the login still lists its channel (a crashed refresh left inBetweenSteps \
             set) and set token, refreshToken, inBetweenSteps=false; the same in the 1 other \
             row(s) of the same login, as Postiz does: linkedin-page \"Acme Page\" (row \
             row-2) (deleted) (nothing called, nothing written)"
        );
        let json = row_json(&report(Done::WouldRefresh {
            preview,
            workflow: None,
        }));
        assert_eq!(json["outcome"], "would_refresh");
        assert_eq!(
            json["would_set"],
            json!(["token", "refreshToken", "inBetweenSteps=false"])
        );
        assert_eq!(json["would_change"], json!(["row-1", "row-2"]));
        assert!(json.get("workflow").is_none());
    }

    #[test]
    fn each_outcome_keeps_its_json_keys() {
        let cannot = row_json(&report(Done::CannotRefresh {
            code: "no_refresh_token",
            reason: "the row has no refresh token".into(),
        }));
        assert_eq!(
            cannot,
            json!({"id": "row-1", "provider": "linkedin", "name": "Acme",
                   "outcome": "cannot_refresh", "code": "no_refresh_token",
                   "reason": "the row has no refresh token"})
        );
        let plain = row_json(&report(Done::Refreshed(Box::new(refreshed()))));
        assert_eq!(
            plain,
            json!({"id": "row-1", "provider": "linkedin", "name": "Acme",
                   "outcome": "refreshed", "token_expiration": "2027-01-30T12:00:00+00:00",
                   "rotated": true, "shared_rows": 2})
        );
        let full = row_json(&report(Done::Refreshed(Box::new(Refreshed {
            replaced: Some(("/cfg/postiz-replaced/r.json".into(), "restore".into())),
            record_failed: true,
            workflow: Some(WorkflowOutcome {
                json: json!({"outcome": "failed"}),
                failed: true,
                notices: Vec::new(),
            }),
            running: RunningPosts {
                ids: vec!["post_p1".into()],
                notice: None,
            },
            ..refreshed()
        }))));
        assert_eq!(full["replaced_tokens_file"], "/cfg/postiz-replaced/r.json");
        assert_eq!(full["record_failed"], true);
        assert_eq!(full["workflow"]["outcome"], "failed");
        assert_eq!(full["running_post_workflows"], json!(["post_p1"]));
        let error = || Error::Usage("no channel row has the id row-9".into());
        let failed = RowReport {
            id: "row-9".into(),
            notices: Vec::new(),
            outcome: Err(error()),
        };
        let json = row_json(&failed);
        assert_eq!(json["id"], "row-9");
        assert_eq!(json["outcome"], "failed");
        assert_eq!(json["error"], crate::ui::error_json(&error()));
        assert_eq!(json.as_object().unwrap().len(), 3);
    }

    #[test]
    fn a_row_whose_workflow_did_not_start_exits_as_a_network_failure() {
        let started = |failed| {
            report(Done::Refreshed(Box::new(Refreshed {
                workflow: Some(WorkflowOutcome {
                    json: json!({}),
                    failed,
                    notices: Vec::new(),
                }),
                ..refreshed()
            })))
        };
        assert_eq!(started(false).exit_code(), ExitCode::Ok);
        assert_eq!(started(true).exit_code(), ExitCode::Network);
        let refused = RowReport {
            id: "row-1".into(),
            notices: Vec::new(),
            outcome: Err(Error::Rejected {
                what: "dead".into(),
                fix: String::new(),
            }),
        };
        assert_eq!(refused.exit_code(), ExitCode::Rejected);
    }

    #[test]
    fn a_rows_lines_come_in_the_order_they_happened() {
        let (ui, captured) = Ui::capture();
        let mut report = report(Done::Refreshed(Box::new(Refreshed {
            replaced: Some((
                "/cfg/postiz-replaced/r.json".into(),
                "postiz-connect postiz restore /cfg/postiz-replaced/r.json".into(),
            )),
            workflow: Some(WorkflowOutcome {
                json: json!({}),
                failed: false,
                notices: vec![Notice::Done("started the workflow".into())],
            }),
            running: RunningPosts {
                ids: vec!["post_p1".into()],
                notice: Some(Notice::Warn("post_p1 still runs".into())),
            },
            ..refreshed()
        })));
        report.notices = vec![
            Notice::Info("client id from the .env".into()),
            Notice::Warn("no recovery record".into()),
        ];
        row(&ui, &report);
        let lines: Vec<String> = console::strip_ansi_codes(&captured.stderr())
            .lines()
            .map(|l| l.split_once(' ').unwrap().1.to_string())
            .collect();
        assert_eq!(
            lines,
            [
                "client id from the .env",
                "no recovery record",
                "refreshed linkedin \"Acme\" (row row-1): token valid until 2027-01-30 12:00 \
                 UTC; refresh token rotated and saved; 2 other row(s) of the same login \
                 updated too, as Postiz does",
                "the tokens those rows held are kept in /cfg/postiz-replaced/r.json (0600); \
                 put them back with postiz-connect postiz restore /cfg/postiz-replaced/r.json",
                "started the workflow",
                "post_p1 still runs",
            ]
        );
        assert_eq!(captured.stdout(), "");
        // With --json a failed row's error is in its object, not on stderr.
        let (mut ui, captured) = Ui::capture();
        ui.json = true;
        let failed = RowReport {
            id: "row-9".into(),
            notices: Vec::new(),
            outcome: Err(Error::Usage("no channel row has the id row-9".into())),
        };
        row(&ui, &failed);
        assert_eq!(captured.stderr(), "");
        ui.json = false;
        row(&ui, &failed);
        assert!(captured
            .stderr()
            .contains("no channel row has the id row-9"));
    }
}
