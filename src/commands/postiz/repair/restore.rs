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
