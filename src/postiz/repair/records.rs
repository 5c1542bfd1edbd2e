//! The records the repair services keep in the config dir, 0600 and written before the row:
//! `postiz-pending/` (the tokens a `postiz refresh` got, with those they replace, until the
//! row is read back holding them) and `postiz-replaced/` (the tokens a write replaced:
//! `postiz adopt --replace-tokens`, and the rows of the same LinkedIn login that refresh,
//! restore and adopt copy the tokens to), both read back by `postiz restore FILE`. They are
//! read only as regular files of this user's (`store::pending::read_private`).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::writer::SecretRow;
use crate::error::Error;
use crate::postiz::{self};
use crate::secret::{ExposeOption, Secret};

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

/// What a record says of a row: which one it is.
fn row_json(held: &Held<'_>) -> Value {
    json!({"id": held.id, "organizationId": held.organization_id, "internalId": held.internal_id,
           "providerIdentifier": held.provider, "name": held.name})
}

/// A row's tokens as they are before a write: what a record keeps of a row.
pub(super) struct Held<'a> {
    pub(super) id: &'a str,
    pub(super) organization_id: &'a str,
    pub(super) internal_id: &'a str,
    pub(super) provider: &'a str,
    pub(super) name: &'a str,
    pub(super) token: &'a str,
    pub(super) refresh_token: Option<&'a str>,
    pub(super) token_expiration: Option<DateTime<Utc>>,
}

impl<'a> From<&'a SecretRow> for Held<'a> {
    fn from(row: &'a SecretRow) -> Held<'a> {
        Held {
            id: &row.id,
            organization_id: &row.organization_id,
            internal_id: &row.internal_id,
            provider: &row.provider,
            name: &row.name,
            token: row.token.expose(),
            refresh_token: row.refresh_token.expose_str(),
            token_expiration: row.token_expiration,
        }
    }
}

/// The tokens a row held, as a record keeps them.
fn previous(held: &Held<'_>) -> Value {
    json!({
        "row": row_json(held),
        "token": held.token,
        "refreshToken": held.refresh_token.unwrap_or_default(),
        "tokenExpiration": held.token_expiration.unwrap_or_else(Utc::now).to_rfc3339(),
    })
}

/// The new tokens of a deployment's row, in a new 0600 file naming the row and the tokens
/// they replace (as fingerprints: `postiz restore` writes them back only over those). It
/// also keeps the replaced tokens themselves (`previous`, with those of the rows of the
/// same login the write will copy the new ones to) until the row is written and read back.
pub(super) fn write_record(
    ctx: &Context,
    located: &Located,
    row: &SecretRow,
    token: &str,
    refresh_token: &str,
    expiration: DateTime<Utc>,
    shared: &[SecretRow],
) -> Result<PathBuf, Error> {
    let record = json!({
        "what": "tokens a provider issued for a Postiz channel row, written before the row; \
                 put them back with: postiz-connect postiz restore FILE",
        "database": located.deployment.database.as_ref().map(|d| d.shown()),
        "row": row_json(&Held::from(row)),
        "replaces": {
            "token_sha256": fingerprint(row.token.expose()),
            "refreshToken_sha256": fingerprint(row.refresh_token.expose_str().unwrap_or_default()),
        },
        "token": token,
        "refreshToken": refresh_token,
        "tokenExpiration": expiration.to_rfc3339(),
        "previous": std::iter::once(row).chain(shared).map(|r| previous(&Held::from(r))).collect::<Vec<_>>(),
        "written_at": Utc::now().to_rfc3339(),
    });
    keep_record(ctx, RECORDS, &row.id, &record)
}

/// The tokens rows held before a write replaced them with `(token, refresh_token)`, in a
/// new 0600 record under `postiz-replaced/` that `postiz restore FILE` puts back, each row
/// only while it still holds the tokens that replaced them. The first row is the one the
/// command named; the others (`also`) are the rows of the same login Postiz's copy wrote.
pub(super) fn write_replaced_rows(
    ctx: &Context,
    located: &Located,
    what: &str,
    rows: &[Held<'_>],
    token: &str,
    refresh_token: &str,
) -> Result<PathBuf, Error> {
    let replaces = json!({
        "token_sha256": fingerprint(token),
        "refreshToken_sha256": fingerprint(refresh_token),
    });
    let entry = |held: &Held<'_>| {
        let mut value = previous(held);
        value["replaces"] = replaces.clone();
        value
    };
    let (first, rest) = rows.split_first().expect("a record keeps at least one row");
    let mut record = entry(first);
    record["what"] = json!(format!(
        "tokens {what} replaced in Postiz channel rows; put them back with: postiz-connect \
         postiz restore FILE"
    ));
    record["database"] = json!(located.deployment.database.as_ref().map(|d| d.shown()));
    record["also"] = Value::Array(rest.iter().map(entry).collect());
    record["written_at"] = json!(Utc::now().to_rfc3339());
    keep_record(ctx, REPLACED, first.id, &record)
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

/// One row of a record, as read back.
pub(super) struct RecordRow {
    pub(super) row_id: String,
    /// The provider the row had (absent in records of older versions).
    pub(super) provider: Option<String>,
    pub(super) token: Secret,
    pub(super) refresh_token: Secret,
    pub(super) expiration: DateTime<Utc>,
    pub(super) replaces: Option<(String, String)>,
}

/// A record `postiz refresh` or `postiz adopt` wrote, as read back.
pub(super) struct Record {
    pub(super) database: Option<String>,
    pub(super) main: RecordRow,
    /// Records of replaced tokens: the other rows, each put back exactly (and then no
    /// copy to the rows of the same login). `None`: a record of new tokens, written as
    /// Postiz writes them (copied to the rows of the same login).
    pub(super) also: Option<Vec<RecordRow>>,
}

fn record_row(value: &Value) -> Option<RecordRow> {
    let text = |pointer: &str| value.pointer(pointer).and_then(Value::as_str);
    let expiration = DateTime::parse_from_rfc3339(text("/tokenExpiration")?)
        .ok()?
        .with_timezone(&Utc);
    Some(RecordRow {
        row_id: text("/row/id")?.to_string(),
        provider: text("/row/providerIdentifier").map(str::to_string),
        token: text("/token")?.into(),
        refresh_token: text("/refreshToken")?.into(),
        expiration,
        replaces: text("/replaces/token_sha256")
            .zip(text("/replaces/refreshToken_sha256"))
            .map(|(a, b)| (a.to_string(), b.to_string())),
    })
}

pub(super) fn read_record(file: &Path) -> Result<Record, Error> {
    let bytes = crate::store::pending::read_private(file, crate::store::pending::MAX_RECORD_BYTES)
        .map_err(|e| {
            Error::Usage(format!(
                "cannot read {} as a record ({e}): a record is a regular file of this user's, \
                 not a link",
                file.display()
            ))
        })?;
    let not_one = || {
        Error::Usage(format!(
            "{} is not a record of postiz-connect postiz refresh (those are in the config \
             dir's postiz-pending/; a local channel's recovery file goes to postiz-connect \
             restore)",
            file.display()
        ))
    };
    let value: Value = serde_json::from_slice(&bytes).map_err(|_| not_one())?;
    let main = record_row(&value).ok_or_else(not_one)?;
    let also = match value.get("also") {
        None => None,
        Some(list) => Some(
            list.as_array()
                .ok_or_else(not_one)?
                .iter()
                .map(|v| record_row(v).ok_or_else(not_one))
                .collect::<Result<Vec<_>, Error>>()?,
        ),
    };
    Ok(Record {
        database: value
            .get("database")
            .and_then(Value::as_str)
            .map(str::to_string),
        main,
        also,
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
    let dirs = crate::store::pending::aside_dirs(ctx.store.journal(), RECORDS);
    let here = located.deployment.database.as_ref().map(|d| d.url.clone());
    let token_sha = fingerprint(row.token.expose());
    let refresh_sha = fingerprint(row.refresh_token.expose_str().unwrap_or_default());
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
                record.main.row_id == row.id
                    && record
                        .main
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
