//! Every rule of restore's decision, without a database.

use chrono::{TimeZone, Utc};

use super::*;
use crate::error::ExitCode;

const FILE: &str = "/config/postiz-pending/row-1.json";
const LAUNCHES: &str = "https://postiz.example.com/launches";

fn entry(id: &str, provider: &str, token: &str, replaces: Option<&str>) -> RecordRow {
    RecordRow {
        row_id: id.into(),
        provider: Some(provider.into()),
        token: token.into(),
        refresh_token: format!("R{token}").into(),
        expiration: Utc.with_ymd_and_hms(2026, 5, 1, 0, 0, 0).unwrap(),
        replaces: replaces.map(|t| (fingerprint(t), fingerprint(&format!("R{t}")))),
    }
}

/// A row holding `token` (and `R<token>` as its refresh token).
fn row(id: &str, provider: &str, token: &str) -> SecretRow {
    SecretRow {
        id: id.into(),
        organization_id: "org-acme".into(),
        internal_id: format!("internal-{id}"),
        root_internal_id: Some("member-1".into()),
        name: format!("row {id}"),
        provider: provider.into(),
        disabled: false,
        in_between_steps: false,
        refresh_needed: false,
        token_expiration: None,
        deleted: false,
        token: token.into(),
        refresh_token: Some(format!("R{token}").into()),
        additional_settings: None,
    }
}

/// A record of new tokens `NEW` for `row-1`, replacing `OLD`.
fn record(provider: &str) -> Record {
    Record {
        database: None,
        main: entry("row-1", provider, "NEW", Some("OLD")),
        also: None,
    }
}

fn write_plan(
    record: &Record,
    row: &SecretRow,
    shared: Vec<SecretRow>,
) -> Result<RestorePlan, Error> {
    write(record, row, shared, false, Path::new(FILE), LAUNCHES)
}

fn refused(plan: Result<RestorePlan, Error>, says: &str) {
    let Err(e) = plan else {
        panic!("not refused: expected {says}");
    };
    assert_eq!(e.exit_code(), ExitCode::Rejected, "{e}");
    assert!(e.to_string().contains(says), "{e}");
}

#[test]
fn a_gone_row_is_refused_and_says_where_to_reconnect() {
    let r = record("discord");
    let gone = present(None, &r.main, Path::new(FILE), LAUNCHES)
        .err()
        .unwrap();
    assert_eq!(gone.exit_code(), ExitCode::Rejected);
    assert!(
        gone.to_string().contains("gone from the deployment"),
        "{gone}"
    );
    assert!(gone.fix().unwrap().contains(LAUNCHES));
}

#[test]
fn new_tokens_go_only_over_the_tokens_they_replace() {
    let r = record("discord");
    let plan = write_plan(&r, &row("row-1", "discord", "OLD"), Vec::new()).unwrap();
    assert!(
        matches!(&plan, RestorePlan::Write { clear_between_steps: false, share_with_root: None, shared } if shared.is_empty())
    );
    // The row already holds them: only the record goes.
    let plan = write_plan(&r, &row("row-1", "discord", "NEW"), Vec::new()).unwrap();
    assert!(matches!(plan, RestorePlan::AlreadyInRow));
    // Newer tokens (Postiz refreshed since): refused.
    refused(
        write_plan(&r, &row("row-1", "discord", "NEWER"), Vec::new()),
        "no longer holds the tokens",
    );
    // An older record that does not say what it replaces: refused.
    let older = Record {
        main: entry("row-1", "discord", "NEW", None),
        ..record("discord")
    };
    refused(
        write_plan(&older, &row("row-1", "discord", "OLD"), Vec::new()),
        "does not say which tokens it replaces",
    );
}

#[test]
fn a_deleted_row_or_another_providers_row_is_refused() {
    let r = record("discord");
    let mut deleted = row("row-1", "discord", "OLD");
    deleted.deleted = true;
    refused(
        write_plan(&r, &deleted, Vec::new()),
        "was deleted in Postiz",
    );
    refused(
        write_plan(&r, &row("row-1", "x", "OLD"), Vec::new()),
        "another provider's channel took its place",
    );
}

#[test]
fn a_crashed_refresh_of_a_single_step_provider_clears_in_between_steps() {
    let r = record("discord");
    let mut crashed = row("row-1", "discord", "OLD");
    crashed.in_between_steps = true;
    let single = write(&r, &crashed, Vec::new(), false, Path::new(FILE), LAUNCHES);
    assert!(matches!(
        single.unwrap(),
        RestorePlan::Write {
            clear_between_steps: true,
            ..
        }
    ));
    let two_step = write(&r, &crashed, Vec::new(), true, Path::new(FILE), LAUNCHES);
    assert!(matches!(
        two_step.unwrap(),
        RestorePlan::Write {
            clear_between_steps: false,
            ..
        }
    ));
}

#[test]
fn linkedin_new_tokens_go_to_every_row_of_the_same_login() {
    let r = record("linkedin");
    let mut deleted = row("gone-row", "linkedin-page", "OLD");
    deleted.deleted = true;
    let shared = vec![row("beta-row", "linkedin-page", "OLD"), deleted];
    let plan = write_plan(&r, &row("row-1", "linkedin", "OLD"), shared.clone()).unwrap();
    let RestorePlan::Write {
        share_with_root,
        shared: listed,
        ..
    } = plan
    else {
        panic!("not a write");
    };
    assert_eq!(share_with_root.as_deref(), Some("member-1"));
    let ids: Vec<&str> = listed.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["beta-row", "gone-row"]);
    // Another provider's rows are never copied to.
    let r = record("discord");
    let plan = write_plan(&r, &row("row-1", "discord", "OLD"), shared).unwrap();
    assert!(
        matches!(plan, RestorePlan::Write { share_with_root: None, shared, .. } if shared.is_empty())
    );
}

/// A record of replaced tokens: `row-1` and the `also` rows had `OLD-*`, replaced by `NEW`.
fn replaced_record(also: Vec<RecordRow>) -> Record {
    Record {
        database: None,
        main: entry("row-1", "linkedin", "OLD-1", Some("NEW")),
        also: Some(also),
    }
}

fn put_back_plan(
    record: &Record,
    row: SecretRow,
    found: Vec<Option<SecretRow>>,
) -> Result<RestorePlan, Error> {
    let also = record.also.clone().unwrap();
    put_back(record, &also, row, found, Path::new(FILE))
}

#[test]
fn replaced_tokens_go_back_into_each_row_still_holding_their_replacement() {
    let record = replaced_record(vec![
        entry("beta-row", "linkedin-page", "OLD-2", Some("NEW")),
        entry("changed-row", "linkedin-page", "OLD-3", Some("NEW")),
        entry("now-x-row", "linkedin-page", "OLD-4", Some("NEW")),
        entry("back-row", "linkedin-page", "OLD-5", Some("NEW")),
        entry("gone-row", "linkedin-page", "OLD-6", Some("NEW")),
    ]);
    let found = vec![
        Some(row("beta-row", "linkedin-page", "NEW")),
        Some(row("changed-row", "linkedin-page", "NEWER")),
        Some(row("now-x-row", "x", "NEW")),
        Some(row("back-row", "linkedin-page", "OLD-5")),
        None,
    ];
    let plan = put_back_plan(&record, row("row-1", "linkedin", "NEW"), found).unwrap();
    let RestorePlan::PutBack { rows, skipped } = plan else {
        panic!("not a put-back");
    };
    let written: Vec<(&str, &str)> = rows
        .iter()
        .map(|(r, e)| (r.id.as_str(), e.token.expose_str()))
        .collect();
    assert_eq!(written, [("row-1", "OLD-1"), ("beta-row", "OLD-2")]);
    assert_eq!(
        skipped,
        [
            "changed-row",
            "now-x-row (now x, not linkedin-page)",
            "gone-row (gone)"
        ]
    );
}

#[test]
fn a_put_back_with_nothing_left_to_write_is_refused_or_only_removes_the_record() {
    let record = replaced_record(vec![entry(
        "beta-row",
        "linkedin-page",
        "OLD-2",
        Some("NEW"),
    )]);
    // Every row changed since: refused, naming them.
    let changed = put_back_plan(
        &record,
        row("row-1", "linkedin", "NEWER"),
        vec![Some(row("beta-row", "linkedin-page", "NEWER"))],
    );
    refused(changed, "row-1, beta-row");
    // Every row already holds its own tokens: nothing to write, nothing skipped.
    let back = put_back_plan(
        &record,
        row("row-1", "linkedin", "OLD-1"),
        vec![Some(row("beta-row", "linkedin-page", "OLD-2"))],
    )
    .unwrap();
    assert!(
        matches!(back, RestorePlan::PutBack { rows, skipped } if rows.is_empty() && skipped.is_empty())
    );
}
