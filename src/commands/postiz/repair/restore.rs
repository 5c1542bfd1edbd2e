//! `postiz restore`'s output: what was put back (or would be), as text on stderr and, with
//! `--json`, one object on stdout.

use serde_json::{json, Value};

use crate::postiz::repair::{shared_list, RestoreOutcome, Restored};
use crate::ui::Ui;

/// Prints what restore did (or would do).
pub fn render(ui: &Ui, outcome: &RestoreOutcome) {
    let file = outcome.file.display();
    let label = outcome.row.label();
    let until = outcome.expiration.format("%Y-%m-%d %H:%M UTC");
    match &outcome.restored {
        Restored::AlreadyInRow if outcome.dry_run => ui.info(format!(
            "dry run: {label} already holds the tokens of {file}; it would be removed"
        )),
        Restored::AlreadyInRow => ui.step(format!(
            "{label} already holds the tokens of {file}: removed it"
        )),
        Restored::Tokens {
            shared,
            written: None,
        } => ui.info(format!(
            "dry run: would write the token, refreshToken and tokenExpiration ({until}) of \
             {file} into {label}{} (nothing written)",
            shared_list(shared)
        )),
        Restored::Tokens {
            written: Some(written),
            ..
        } => {
            ui.step(format!(
                "restored the tokens of {file} into {label} (valid until {until}){}; removed \
                 the record",
                if written.shared > 0 {
                    format!(
                        ", and into {} other row(s) of the same login, as Postiz does",
                        written.shared
                    )
                } else {
                    String::new()
                }
            ));
            if let Some(path) = &written.replaced_tokens_file {
                ui.info(format!(
                    "their previous tokens are kept in {} (0600); put them back with \
                     postiz-connect postiz restore {}",
                    path.display(),
                    crate::ui::shell_word(&path.display().to_string())
                ));
            }
        }
        Restored::PutBack { rows, skipped, .. } if rows.is_empty() && skipped.is_empty() => ui
            .step(format!(
                "{label} already holds the tokens of {file}{}",
                if outcome.dry_run {
                    "; it would be removed"
                } else {
                    ": removed it"
                }
            )),
        Restored::PutBack {
            rows,
            skipped,
            written: None,
        } => ui.info(format!(
            "dry run: would put the tokens of {file} back into {} (nothing written){}",
            rows.iter()
                .map(|r| r.label())
                .collect::<Vec<_>>()
                .join(", "),
            if skipped.is_empty() {
                String::new()
            } else {
                format!("; left as they are (changed since): {}", skipped.join(", "))
            }
        )),
        Restored::PutBack {
            skipped,
            written: Some(written),
            ..
        } => ui.step(format!(
            "put the tokens of {file} back into {}; removed the record{}",
            written.join(", "),
            if skipped.is_empty() {
                String::new()
            } else {
                format!(" (left as they are, changed since: {})", skipped.join(", "))
            }
        )),
    }
    if ui.json {
        ui.json_data(&outcome_json(outcome));
    }
}

/// `--json`: the row, the record, and the outcome.
pub(super) fn outcome_json(outcome: &RestoreOutcome) -> Value {
    let row = &outcome.row;
    let mut value = json!({"id": row.id, "provider": row.provider, "name": row.name,
                           "file": outcome.file.display().to_string()});
    let (dry_run, done) = match &outcome.restored {
        Restored::AlreadyInRow => ("would_remove_record", "already_in_row"),
        Restored::Tokens { shared, written } => {
            if let Some(written) = written {
                if let Some(path) = &written.replaced_tokens_file {
                    value["replaced_tokens_file"] = json!(path.display().to_string());
                }
                value["shared_rows"] = json!(written.shared);
            } else {
                value["would_change"] = json!(std::iter::once(row)
                    .chain(shared)
                    .map(|r| r.id.clone())
                    .collect::<Vec<_>>());
            }
            ("would_restore", "restored")
        }
        Restored::PutBack {
            rows,
            skipped,
            written,
        } => {
            value["rows"] = json!(rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
            value["skipped"] = json!(skipped);
            if rows.is_empty() && skipped.is_empty() {
                ("would_remove_record", "already_in_row")
            } else {
                if let Some(written) = written {
                    value["shared_rows"] = json!(written.len().saturating_sub(1));
                }
                ("would_restore", "restored")
            }
        }
    };
    value["outcome"] = json!(if outcome.dry_run { dry_run } else { done });
    value
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::postiz::repair::writer::SecretRow;
    use crate::postiz::repair::TokensWritten;

    fn row(id: &str) -> SecretRow {
        SecretRow {
            id: id.into(),
            organization_id: "org-acme".into(),
            internal_id: "member-1".into(),
            root_internal_id: None,
            name: "Alice".into(),
            provider: "linkedin".into(),
            disabled: false,
            in_between_steps: false,
            refresh_needed: false,
            token_expiration: None,
            deleted: false,
            token: "AT-secret".into(),
            refresh_token: None,
            additional_settings: None,
        }
    }

    fn outcome(dry_run: bool, restored: Restored) -> RestoreOutcome {
        RestoreOutcome {
            file: "/config/postiz-replaced/row-1.json".into(),
            row: row("row-1"),
            expiration: Utc.with_ymd_and_hms(2026, 5, 1, 0, 0, 0).unwrap(),
            dry_run,
            restored,
        }
    }

    fn lines(text: &str) -> Vec<String> {
        text.lines()
            .map(|l| console::strip_ansi_codes(l).into_owned())
            .collect()
    }

    #[test]
    fn a_restore_is_said_on_stderr_and_with_json_shown_on_stdout_too() {
        let done = || {
            outcome(
                false,
                Restored::Tokens {
                    shared: vec![row("beta-row")],
                    written: Some(TokensWritten {
                        shared: 1,
                        replaced_tokens_file: Some("/config/kept.json".into()),
                    }),
                },
            )
        };
        let said = [
            "✓ restored the tokens of /config/postiz-replaced/row-1.json into linkedin \"Alice\" \
             (row row-1) (valid until 2026-05-01 00:00 UTC), and into 1 other row(s) of the same \
             login, as Postiz does; removed the record",
            "• their previous tokens are kept in /config/kept.json (0600); put them back with \
             postiz-connect postiz restore /config/kept.json",
        ];
        let (ui, captured) = Ui::capture();
        render(&ui, &done());
        assert_eq!(lines(&captured.stderr()), said);
        assert_eq!(captured.stdout(), "");

        let (mut ui, captured) = Ui::capture();
        ui.json = true;
        render(&ui, &done());
        assert_eq!(lines(&captured.stderr()), said);
        let json: Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["outcome"], "restored");

        let (ui, captured) = Ui::capture();
        let put_back = Restored::PutBack {
            rows: vec![row("row-1")],
            skipped: vec!["gone-row (gone)".into()],
            written: None,
        };
        render(&ui, &outcome(true, put_back));
        assert_eq!(
            lines(&captured.stderr()),
            [
                "• dry run: would put the tokens of /config/postiz-replaced/row-1.json back into \
              linkedin \"Alice\" (row row-1) (nothing written); left as they are (changed \
              since): gone-row (gone)"
            ]
        );
    }

    #[test]
    fn each_outcome_has_its_json() {
        let dry = outcome(
            true,
            Restored::Tokens {
                shared: vec![row("beta-row")],
                written: None,
            },
        );
        let json = outcome_json(&dry);
        assert_eq!(json["outcome"], "would_restore");
        assert_eq!(
            json["would_change"],
            serde_json::json!(["row-1", "beta-row"])
        );
        let done = outcome(
            false,
            Restored::Tokens {
                shared: vec![row("beta-row")],
                written: Some(TokensWritten {
                    shared: 1,
                    replaced_tokens_file: Some("/config/postiz-replaced/x.json".into()),
                }),
            },
        );
        let json = outcome_json(&done);
        assert_eq!(json["outcome"], "restored");
        assert_eq!(json["shared_rows"], 1);
        assert_eq!(
            json["replaced_tokens_file"],
            "/config/postiz-replaced/x.json"
        );
        assert!(json.get("would_change").is_none());
        for (dry_run, expected) in [(true, "would_remove_record"), (false, "already_in_row")] {
            let already = outcome_json(&outcome(dry_run, Restored::AlreadyInRow));
            assert_eq!(already["outcome"], expected);
            let put_back = Restored::PutBack {
                rows: Vec::new(),
                skipped: Vec::new(),
                written: (!dry_run).then(Vec::new),
            };
            let already = outcome_json(&outcome(dry_run, put_back));
            assert_eq!(already["outcome"], expected);
            assert_eq!(already["rows"], serde_json::json!([]));
        }
        let put_back = Restored::PutBack {
            rows: vec![row("row-1"), row("beta-row")],
            skipped: vec!["gone-row (gone)".into()],
            written: Some(vec!["row-1".into(), "beta-row".into()]),
        };
        let json = outcome_json(&outcome(false, put_back));
        assert_eq!(json["outcome"], "restored");
        assert_eq!(json["shared_rows"], 1);
        assert_eq!(json["skipped"], serde_json::json!(["gone-row (gone)"]));
    }
}
