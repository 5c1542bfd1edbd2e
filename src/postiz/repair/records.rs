//! The records the repair services keep in the config dir, 0600 and written before the row:
//! `postiz-pending/` (the tokens a `postiz refresh` got, until the row holds them) and
//! `postiz-replaced/` (the tokens `postiz adopt --replace-tokens` replaced), both read back
//! by `postiz restore FILE`.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::writer::{self as repair, AdoptRow, SecretRow};
use crate::error::Error;
use crate::postiz::{self};

use super::deployment::{Context, Located};

/// Where the new tokens wait, in the config dir, until the row holds them.
pub(super) const RECORDS: &str = "postiz-pending";

/// Where adopt keeps the tokens it replaced in an existing row (apart from
/// `postiz-pending/`, which `postiz refresh` checks before calling a provider).
pub(super) const REPLACED: &str = "postiz-replaced";

/// Stop before the provider is called when no record could be written: a refresh may
/// spend the row's refresh token, and its successor must be durable before the row is
/// written.
pub(super) fn probe_records(ctx: &Context, label: &str) -> Result<(), Error> {
    let name = format!(
        ".probe.{}.{}",
        std::process::id(),
        Utc::now().timestamp_nanos_opt().unwrap_or_default()
    );
    match crate::store::pending::write_aside(ctx.store.journal(), RECORDS, &name, b"{}") {
        Ok(path) => {
            crate::store::pending::remove(&path);
            Ok(())
        }
        Err(e) => Err(Error::Store {
            what: format!(
                "{label}: not refreshed, the provider was not called: the new tokens could not \
                 be kept aside first ({e})"
            ),
            fix: "make the config dir writable (free disk space, check its permissions), then \
                  run it again"
                .into(),
        }),
    }
}

/// A fingerprint of a secret, so a record can name the tokens it replaces without
/// holding them.
pub(super) fn fingerprint(secret: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The new tokens of a deployment's row, in a new 0600 file naming the row and the tokens
/// they replace (as fingerprints: `postiz restore` writes them back only over those).
pub(super) fn write_record(
    ctx: &Context,
    located: &Located,
    row: &SecretRow,
    token: &str,
    refresh_token: &str,
    expiration: DateTime<Utc>,
) -> Result<PathBuf, Error> {
    let record = json!({
        "what": "tokens a provider issued for a Postiz channel row, written before the row; \
                 put them back with: postiz-connect postiz restore FILE",
        "database": located.deployment.database.as_ref().map(|d| d.shown()),
        "row": {"id": row.id, "organizationId": row.organization_id, "internalId": row.internal_id,
                "providerIdentifier": row.provider, "name": row.name},
        "replaces": {
            "token_sha256": fingerprint(&row.token),
            "refreshToken_sha256": fingerprint(row.refresh_token.as_deref().unwrap_or_default()),
        },
        "token": token,
        "refreshToken": refresh_token,
        "tokenExpiration": expiration.to_rfc3339(),
        "written_at": Utc::now().to_rfc3339(),
    });
    keep_record(ctx, RECORDS, &row.id, &record)
}

/// Writes `record` about row `row_id` to a new 0600 file under `dir` of the config
/// directory (created exclusively, fsynced), named after the row and the time.
pub(super) fn keep_record(
    ctx: &Context,
    dir: &str,
    row_id: &str,
    record: &Value,
) -> Result<PathBuf, Error> {
    let name = format!(
        "{}.{}.json",
        crate::store::file_key(row_id),
        Utc::now().timestamp_nanos_opt().unwrap_or_default()
    );
    let bytes = serde_json::to_vec_pretty(record).expect("a record serializes");
    crate::store::pending::write_aside(ctx.store.journal(), dir, &name, &bytes)
}

/// A record `postiz refresh` wrote, as read back.
pub(super) struct Record {
    pub(super) database: Option<String>,
    pub(super) row_id: String,
    pub(super) token: String,
    pub(super) refresh_token: String,
    pub(super) expiration: DateTime<Utc>,
    pub(super) replaces: Option<(String, String)>,
}

pub(super) fn read_record(file: &Path) -> Result<Record, Error> {
    let bytes = std::fs::read(file)
        .map_err(|e| Error::Usage(format!("cannot read {}: {e}", file.display())))?;
    let not_one = || {
        Error::Usage(format!(
            "{} is not a record of postiz-connect postiz refresh (those are in the config \
             dir's postiz-pending/; a local channel's recovery file goes to postiz-connect \
             restore)",
            file.display()
        ))
    };
    let value: Value = serde_json::from_slice(&bytes).map_err(|_| not_one())?;
    let text = |pointer: &str| value.pointer(pointer).and_then(Value::as_str);
    let (Some(row_id), Some(token), Some(refresh_token), Some(expiration)) = (
        text("/row/id"),
        text("/token"),
        text("/refreshToken"),
        text("/tokenExpiration"),
    ) else {
        return Err(not_one());
    };
    let expiration = DateTime::parse_from_rfc3339(expiration)
        .map_err(|_| not_one())?
        .with_timezone(&Utc);
    Ok(Record {
        database: text("/database").map(str::to_string),
        row_id: row_id.to_string(),
        token: token.to_string(),
        refresh_token: refresh_token.to_string(),
        expiration,
        replaces: text("/replaces/token_sha256")
            .zip(text("/replaces/refreshToken_sha256"))
            .map(|(a, b)| (a.to_string(), b.to_string())),
    })
}

/// A record an earlier `postiz refresh` of this row kept in `postiz-pending/` whose
/// `replaces` fingerprints are the row's current tokens: that refresh spent the row's
/// refresh token, and the record holds its live successor.
pub(super) fn pending_record_of(
    ctx: &Context,
    located: &Located,
    row: &SecretRow,
) -> Option<PathBuf> {
    let journal = ctx.store.journal();
    let mut dirs = vec![journal.home.join(RECORDS)];
    if let Some(parent) = journal.fallback.parent() {
        dirs.push(parent.join(RECORDS));
    }
    let here = located.deployment.database.as_ref().map(|d| d.url.clone());
    let token_sha = fingerprint(&row.token);
    let refresh_sha = fingerprint(row.refresh_token.as_deref().unwrap_or_default());
    let prefix = format!("{}.", crate::store::file_key(&row.id));
    let mut found: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|dir| std::fs::read_dir(dir).ok())
        .flatten()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".json"))
        })
        .filter(|path| {
            read_record(path).is_ok_and(|record| {
                record.row_id == row.id
                    && record
                        .replaces
                        .as_ref()
                        .is_some_and(|(t, r)| *t == token_sha && *r == refresh_sha)
                    && match (&record.database, &here) {
                        (Some(theirs), Some(here)) => postiz::db::same_database(theirs, here),
                        _ => true,
                    }
            })
        })
        .collect();
    found.sort();
    found.pop()
}

/// The tokens an existing row held before adopt replaced them, in a 0600 record
/// `postiz restore FILE` can put back (its `replaces`: the adopted tokens).
pub(super) fn write_replaced(
    ctx: &Context,
    located: &Located,
    existing: &repair::Existing,
    org: &str,
    internal_id: &str,
    row: &AdoptRow,
) -> Result<PathBuf, Error> {
    let record = json!({
        "what": "tokens postiz-connect postiz adopt --replace-tokens replaced in a Postiz channel \
                 row; put them back with: postiz-connect postiz restore FILE",
        "database": located.deployment.database.as_ref().map(|d| d.shown()),
        "row": {"id": existing.id, "organizationId": org, "internalId": internal_id,
                "providerIdentifier": existing.provider, "name": existing.name},
        "replaces": {
            "token_sha256": fingerprint(&row.token),
            "refreshToken_sha256": fingerprint(&row.refresh_token),
        },
        "token": existing.token,
        "refreshToken": existing.refresh_token.clone().unwrap_or_default(),
        "tokenExpiration": existing
            .token_expiration
            .unwrap_or_else(Utc::now)
            .to_rfc3339(),
        "written_at": Utc::now().to_rfc3339(),
    });
    keep_record(ctx, REPLACED, &existing.id, &record)
}
