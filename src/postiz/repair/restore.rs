//! `postiz restore FILE`: put a record's tokens back into its row, only over the tokens the
//! record replaces. [`plan`] decides (no database); this reads what it needs, applies the
//! plan and returns what it did for the command to render.

mod plan;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::writer::{PutBack, RefreshWrite, SecretRow, Writer, Written};
use crate::error::Error;
use crate::postiz::locate::Target;
use crate::postiz::{self};
use crate::secret::ExposeOption;

use super::deployment::{busy, launches, locate_from, share_root, writer, Context, Located};
use super::records::{read_record, write_replaced_rows, Held, Record, RecordRow};
use plan::RestorePlan;

pub struct RestoreArgs<'a> {
    pub file: &'a Path,
    pub deployment: &'a Target<'a>,
    pub dry_run: bool,
}

/// What `postiz restore` did (or, with `--dry-run`, would do), for the command to render.
pub struct RestoreOutcome {
    pub file: PathBuf,
    /// The record's row, as read before the write.
    pub row: SecretRow,
    /// The `tokenExpiration` the record holds for it.
    pub expiration: DateTime<Utc>,
    pub dry_run: bool,
    pub restored: Restored,
}

/// What happened to the rows.
pub enum Restored {
    /// The row already holds the record's tokens: the record is removed (or would be).
    AlreadyInRow,
    /// A record of new tokens: written into the row, and copied to `shared`, the other
    /// rows of the same login, as Postiz does. `written`: `None` for a dry run.
    Tokens {
        shared: Vec<SecretRow>,
        written: Option<TokensWritten>,
    },
    /// A record of replaced tokens: `rows` get their own back, `skipped` (ids, with why)
    /// are left as they are. Both empty: every row already held its tokens. `written`:
    /// the ids of the rows written, `None` for a dry run.
    PutBack {
        rows: Vec<SecretRow>,
        skipped: Vec<String>,
        written: Option<Vec<String>>,
    },
}

/// What the write of a record of new tokens did.
pub struct TokensWritten {
    /// Rows of the same login that got the tokens too.
    pub shared: u64,
    /// The record of the tokens those rows held.
    pub replaced_tokens_file: Option<PathBuf>,
}

/// `postiz restore FILE`: put a record's tokens into its row, only over the tokens the
/// record replaces (else the row holds newer ones, and nothing is written).
pub fn restore(ctx: &Context, args: &RestoreArgs<'_>) -> Result<RestoreOutcome, Error> {
    let record = read_record(args.file)?;
    let located = locate_from(args.deployment)?;
    // The same database however its URL is spelled: host, port, database name, schema.
    if let (Some(theirs), Some(here)) = (&record.database, &located.deployment.database) {
        if !postiz::db::same_database(theirs, &here.url) {
            return Err(Error::Config {
                what: format!(
                    "{} holds tokens for a row of the database {theirs}, not of {}",
                    args.file.display(),
                    here.shown()
                ),
                fix: "pass the .env (or --database-url) of the deployment it was written for"
                    .into(),
            });
        }
    }
    let mut writer = writer(&located, args.deployment)?;
    if !writer.try_lock_row(&record.main.row_id)? {
        return Err(busy(&record.main.row_id, "restored"));
    }
    let out = restore_locked(ctx, args, &record, &located, &mut writer);
    writer.unlock_row(&record.main.row_id);
    out
}

/// Under the row's lock: the rows read, the plan decided, then applied (unless a dry run).
fn restore_locked(
    ctx: &Context,
    args: &RestoreArgs<'_>,
    record: &Record,
    located: &Located,
    writer: &mut Writer,
) -> Result<RestoreOutcome, Error> {
    let launches = launches(located.env_file.as_ref());
    let row = writer.secret_row(&record.main.row_id)?;
    let row = plan::present(row, &record.main, args.file, &launches)?;
    let plan = match &record.also {
        Some(also) => {
            let mut found = Vec::with_capacity(also.len());
            for entry in also {
                found.push(writer.secret_row(&entry.row_id)?);
            }
            plan::put_back(record, also, row.clone(), found, args.file)?
        }
        None => {
            let shared = match share_root(&row) {
                Some(root) => writer.rows_sharing(root, &row.id)?,
                None => Vec::new(),
            };
            let two_step = postiz::is_two_step(ctx.catalog, &row.provider);
            plan::write(record, &row, shared, two_step, args.file, &launches)?
        }
    };
    let restored = if args.dry_run {
        planned(plan)
    } else {
        apply(ctx, args, record, located, writer, &row, plan)?
    };
    Ok(RestoreOutcome {
        file: args.file.to_path_buf(),
        row,
        expiration: record.main.expiration,
        dry_run: args.dry_run,
        restored,
    })
}

/// A dry run: the plan, nothing written.
fn planned(plan: RestorePlan) -> Restored {
    match plan {
        RestorePlan::AlreadyInRow => Restored::AlreadyInRow,
        RestorePlan::Write { shared, .. } => Restored::Tokens {
            shared,
            written: None,
        },
        RestorePlan::PutBack { rows, skipped } => Restored::PutBack {
            rows: rows.into_iter().map(|(r, _)| r).collect(),
            skipped,
            written: None,
        },
    }
}

/// Executes a plan: the record removed once the rows hold its tokens.
fn apply(
    ctx: &Context,
    args: &RestoreArgs<'_>,
    record: &Record,
    located: &Located,
    writer: &mut Writer,
    row: &SecretRow,
    plan: RestorePlan,
) -> Result<Restored, Error> {
    match plan {
        RestorePlan::AlreadyInRow => {
            crate::store::pending::remove(args.file);
            Ok(Restored::AlreadyInRow)
        }
        RestorePlan::Write {
            clear_between_steps,
            share_with_root,
            shared,
        } => {
            let write = RefreshWrite {
                id: &row.id,
                read_token: row.token.expose_str(),
                read_refresh_token: row.refresh_token.expose_str(),
                token: record.main.token.expose_str(),
                refresh_token: record.main.refresh_token.expose_str(),
                token_expiration: record.main.expiration,
                clear_between_steps,
                share_with_root: share_with_root.as_deref(),
            };
            let written = write_tokens(ctx, args, located, writer, row, &shared, &write)?;
            Ok(Restored::Tokens {
                shared,
                written: Some(written),
            })
        }
        RestorePlan::PutBack { rows, skipped } => {
            let written = put_back(args, writer, row, &rows)?;
            Ok(Restored::PutBack {
                rows: rows.into_iter().map(|(r, _)| r).collect(),
                skipped,
                written: Some(written),
            })
        }
    }
}

/// A record of new tokens: the tokens of the rows of the same login the write copies them
/// to are kept in a record of their own first; then the guarded write.
fn write_tokens(
    ctx: &Context,
    args: &RestoreArgs<'_>,
    located: &Located,
    writer: &mut Writer,
    row: &SecretRow,
    shared: &[SecretRow],
    write: &RefreshWrite<'_>,
) -> Result<TokensWritten, Error> {
    let label = row.label();
    let kept = if shared.is_empty() {
        None
    } else {
        let rows: Vec<Held<'_>> = std::iter::once(row).chain(shared).map(Held::from).collect();
        Some(
            write_replaced_rows(
                ctx,
                located,
                "postiz-connect postiz restore",
                &rows,
                write.token,
                write.refresh_token,
            )
            .map_err(|e| Error::Store {
                what: format!(
                    "{label}: the tokens of the rows of the same login could not be kept aside \
                     ({e}): nothing written"
                ),
                fix: "make the config dir writable, then run it again".into(),
            })?,
        )
    };
    match writer.write_refresh(write)? {
        Written::Updated { shared } => {
            crate::store::pending::remove(args.file);
            Ok(TokensWritten {
                shared,
                replaced_tokens_file: kept,
            })
        }
        Written::ChangedMeanwhile => {
            if let Some(path) = &kept {
                crate::store::pending::remove(path);
            }
            Err(changed_meanwhile(&label, args.file))
        }
    }
}

/// A record of replaced tokens: the rows written in one transaction, each only while it
/// holds the tokens read; the ids of those written.
fn put_back(
    args: &RestoreArgs<'_>,
    writer: &mut Writer,
    row: &SecretRow,
    rows: &[(SecretRow, RecordRow)],
) -> Result<Vec<String>, Error> {
    if rows.is_empty() {
        crate::store::pending::remove(args.file);
        return Ok(Vec::new());
    }
    let put: Vec<PutBack<'_>> = rows
        .iter()
        .map(|(r, e)| PutBack {
            id: &r.id,
            read_token: r.token.expose_str(),
            read_refresh_token: r.refresh_token.expose_str(),
            token: e.token.expose_str(),
            refresh_token: e.refresh_token.expose_str(),
            token_expiration: e.expiration,
        })
        .collect();
    let written = writer.put_back(&put)?;
    if written.is_empty() {
        return Err(changed_meanwhile(&row.label(), args.file));
    }
    crate::store::pending::remove(args.file);
    Ok(written)
}

fn changed_meanwhile(label: &str, file: &Path) -> Error {
    Error::Store {
        what: format!(
            "{label} changed in Postiz while the record was being restored: nothing written; \
             {} is kept",
            file.display()
        ),
        fix: "run postiz-connect postiz status, then try again if the channel fails".into(),
    }
}
