//! `postiz adopt`'s output: the plan (a dry run) or what was written, as text or JSON.
//! Token columns are shown masked, never as they are.

use serde_json::{json, Value};

use crate::postiz::repair::writer::{mask, SecretRow};
use crate::postiz::repair::{AdoptOutcome, AdoptPlan, TokenGuard};
use crate::secret::ExposeOption;
use crate::ui::Ui;

/// Prints what adopt did (or would do): the refresh workflow's lines come after the
/// written row's, and before the data (a dry run's text, the JSON).
pub fn render(ui: &Ui, outcome: &AdoptOutcome) {
    let workflow = outcome.workflow.iter().flat_map(|w| &w.notices);
    if ui.json {
        crate::commands::postiz::render_refresh::notices(ui, workflow);
        ui.json_data(&outcome_json(outcome));
        return;
    }
    let plan = &outcome.plan;
    let Some(done) = &outcome.done else {
        crate::commands::postiz::render_refresh::notices(ui, workflow);
        ui.data(dry_run_text(plan));
        return;
    };
    ui.step(format!(
        "{} {}{} {} \"{}\" in {} ({}) as row {}",
        if done.inserted { "added" } else { "updated" },
        if plan.sandbox {
            "the sandbox channel "
        } else {
            ""
        },
        plan.channel,
        plan.identifier,
        plan.row.name,
        plan.organization.name,
        plan.organization.id,
        done.row_id
    ));
    for note in &done.notes {
        ui.info(note.as_str());
    }
    crate::commands::postiz::render_refresh::notices(ui, workflow);
}

/// The row as written, its tokens masked.
fn shown_row(plan: &AdoptPlan) -> Value {
    let mut shown = serde_json::to_value(&plan.row).expect("row serializes");
    shown["token"] = json!(mask(plan.row.token.expose_str()));
    shown["refresh_token"] = json!(mask(plan.row.refresh_token.expose_str()));
    shown
}

/// The existing row's tokens the write replaces, masked, with their expiration and the
/// channel's.
fn replaced_json(plan: &AdoptPlan) -> Value {
    let (Some(e), Some(_)) = (&plan.existing, plan.replaced) else {
        return Value::Null;
    };
    json!({
        "token": mask(e.token.expose_str()),
        "refresh_token": mask(e.refresh_token.expose_str().unwrap_or_default()),
        "token_expiration": e.token_expiration.map(|t| t.to_rfc3339()),
        "channel_token_expiration": plan.row.token_expiration.to_rfc3339(),
    })
}

fn sibling_json(r: &SecretRow) -> Value {
    json!({"id": r.id, "provider": r.provider, "name": r.name,
           "organization_id": r.organization_id, "deleted": r.deleted})
}

/// `--json`: the plan, and what was written (or would be).
pub(super) fn outcome_json(outcome: &AdoptOutcome) -> Value {
    let plan = &outcome.plan;
    let mut out = json!({
        "channel": plan.channel,
        "organization": {"id": plan.organization.id, "name": plan.organization.name},
        "sandbox": plan.sandbox,
        "dry_run": plan.dry_run,
        "row": shown_row(plan),
        "existing": plan.existing,
        "replaces_other_tokens": replaced_json(plan),
        "also_changes": plan.siblings.iter().map(sibling_json).collect::<Vec<_>>(),
        "notes": plan.notes,
    });
    if let Some(workflow) = &outcome.workflow {
        out["workflow"] = workflow.json.clone();
    }
    match &outcome.done {
        None => {
            out["outcome"] = json!(if plan.existing.is_some() {
                "would_update"
            } else {
                "would_insert"
            });
        }
        Some(done) => {
            if let Some(path) = &done.replaced_tokens_file {
                out["replaced_tokens_file"] = json!(path.display().to_string());
            }
            out["shared_rows"] = json!(done.shared);
            out["outcome"] = json!(if done.inserted { "inserted" } else { "updated" });
            out["row_id"] = json!(done.row_id);
            out["notes"] = json!(done.notes);
        }
    }
    out
}

/// A dry run, as text: the row that would be written, what it replaces, the rows of the
/// same login it changes, the notes.
pub(super) fn dry_run_text(plan: &AdoptPlan) -> String {
    let mut text = format!(
        "dry run: would {} in {} ({}), nothing written:\n",
        match &plan.existing {
            Some(e) => format!("update the row {} (\"{}\") in place", e.id, e.name),
            None => "insert a new row".into(),
        },
        plan.organization.name,
        plan.organization.id
    );
    for (key, value) in shown_row(plan).as_object().into_iter().flatten() {
        text.push_str(&format!("  {key}: {}\n", value_text(value)));
    }
    if let Some(guard) = plan.replaced {
        let r = replaced_json(plan);
        text.push_str(&format!(
            "  the row's tokens differ from the channel's: token {}, refresh_token {}, \
             token_expiration {} (the channel's: {}); {}\n",
            value_text(&r["token"]),
            value_text(&r["refresh_token"]),
            value_text(&r["token_expiration"]),
            value_text(&r["channel_token_expiration"]),
            match guard {
                TokenGuard::DeletedRow =>
                    "the row is deleted in Postiz: they would be replaced and kept in a 0600 file",
                TokenGuard::Replace =>
                    "--replace-tokens: they would be replaced and kept in a 0600 file",
                TokenGuard::Refuse => "adopt would refuse to replace them without --replace-tokens",
            }
        ));
    }
    if !plan.siblings.is_empty() {
        text.push_str(&format!(
            "  the tokens would be written{}; the tokens those rows hold would be kept in a \
             0600 file\n",
            crate::postiz::repair::shared_list(&plan.siblings).trim_start_matches(';')
        ));
    }
    for note in &plan.notes {
        text.push_str(&format!("note: {note}\n"));
    }
    text.trim_end().to_string()
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "(null)".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::postiz::model::Organization;
    use crate::postiz::repair::writer::{AdoptRow, Existing};

    fn sibling(id: &str, org: &str, deleted: bool) -> SecretRow {
        SecretRow {
            id: id.into(),
            organization_id: org.into(),
            internal_id: "page-1".into(),
            root_internal_id: Some("member-1".into()),
            name: format!("Page {id}"),
            provider: "linkedin-page".into(),
            disabled: false,
            in_between_steps: false,
            refresh_needed: false,
            token_expiration: None,
            deleted,
            token: "AT-sibling-secret".into(),
            refresh_token: Some("RT-sibling-secret".into()),
            additional_settings: None,
        }
    }

    /// A LinkedIn plan over a live row holding other tokens, without --replace-tokens.
    fn plan() -> AdoptPlan {
        let at = Utc.with_ymd_and_hms(2026, 5, 1, 0, 0, 0).unwrap();
        AdoptPlan {
            channel: "linkedin:alice".into(),
            organization: Organization {
                id: "org-acme".into(),
                name: "Acme".into(),
                deleted: false,
            },
            identifier: "linkedin".into(),
            sandbox: false,
            dry_run: true,
            row: AdoptRow {
                organization_id: "org-acme".into(),
                internal_id: "member-1".into(),
                root_internal_id: "member-1".into(),
                name: "Alice".into(),
                provider: "linkedin".into(),
                kind: "social".into(),
                profile: Some("alice".into()),
                picture: None,
                token: "AT-channel-secret".into(),
                refresh_token: "RT-channel-secret".into(),
                token_expiration: at,
                posting_times: "[]".into(),
                additional_settings: "[]".into(),
                provider_has_settings: false,
            },
            existing: Some(Existing {
                id: "row-1".into(),
                name: "Alice".into(),
                provider: "linkedin".into(),
                deleted: false,
                token: "AT-row-secret".into(),
                refresh_token: Some("RT-row-secret".into()),
                token_expiration: Some(at),
                additional_settings: None,
                root_internal_id: Some("member-1".into()),
            }),
            replaced: Some(TokenGuard::Refuse),
            share_with_root: Some("member-1".into()),
            siblings: vec![
                sibling("beta-row", "org-beta", false),
                sibling("gone-row", "org-acme", true),
            ],
            starts_workflow: false,
            notes: vec!["a note".into()],
        }
    }

    fn written(plan: AdoptPlan) -> AdoptOutcome {
        AdoptOutcome {
            plan: AdoptPlan {
                dry_run: false,
                replaced: Some(TokenGuard::Replace),
                ..plan
            },
            done: Some(crate::postiz::repair::AdoptDone {
                row_id: "row-1".into(),
                inserted: false,
                shared: 2,
                replaced_tokens_file: Some("/config/postiz-replaced/row-1.json".into()),
                notes: vec!["a note".into(), "the last note".into()],
            }),
            workflow: None,
        }
    }

    #[test]
    fn a_written_row_is_said_then_each_note_in_order() {
        let (ui, captured) = Ui::capture();
        render(&ui, &written(plan()));
        assert_eq!(
            captured.stdout(),
            "",
            "text mode prints data only for a dry run"
        );
        let lines: Vec<String> = captured
            .stderr()
            .lines()
            .map(|l| console::strip_ansi_codes(l).into_owned())
            .collect();
        assert_eq!(
            lines,
            [
                "✓ updated linkedin:alice linkedin \"Alice\" in Acme (org-acme) as row row-1",
                "• a note",
                "• the last note"
            ]
        );

        let (mut ui, captured) = Ui::capture();
        ui.json = true;
        render(&ui, &written(plan()));
        let json: Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["outcome"], "updated");
        assert_eq!(json["row_id"], "row-1");
        assert_eq!(json["shared_rows"], 2);
        assert_eq!(json["dry_run"], false);
        assert_eq!(
            json["replaced_tokens_file"],
            "/config/postiz-replaced/row-1.json"
        );
        assert_eq!(json["notes"], json!(["a note", "the last note"]));
        assert_eq!(captured.stderr(), "");
    }

    #[test]
    fn a_dry_run_shows_the_plan_with_its_tokens_masked() {
        let plan = plan();
        let text = dry_run_text(&plan);
        for shown in [
            "dry run: would update the row row-1 (\"Alice\") in place in Acme (org-acme)",
            "  token: *** (17 characters)",
            "  internal_id: member-1",
            "adopt would refuse to replace them without --replace-tokens",
            "the same in the 2 other row(s) of the same login",
            "linkedin-page \"Page beta-row\" (row beta-row)",
            "(row gone-row) (deleted)",
            "note: a note",
        ] {
            assert!(text.contains(shown), "{shown:?} not in:\n{text}");
        }
        let outcome = AdoptOutcome {
            plan,
            done: None,
            workflow: None,
        };
        let json = outcome_json(&outcome);
        assert_eq!(json["outcome"], "would_update");
        assert_eq!(json["dry_run"], true);
        assert_eq!(json["also_changes"][1]["id"], "gone-row");
        assert_eq!(json["also_changes"][1]["deleted"], true);
        assert_eq!(
            json["replaces_other_tokens"]["token"],
            "*** (13 characters)"
        );
        assert!(json.get("workflow").is_none());
        let everything = format!("{text}\n{json}");
        for secret in ["AT-channel-secret", "RT-row-secret", "AT-sibling-secret"] {
            assert!(!everything.contains(secret), "{secret} shown");
        }
    }
}
