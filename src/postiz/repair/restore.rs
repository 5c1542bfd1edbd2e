//! `postiz restore FILE`: put a record's tokens back into its row, only over the tokens the
//! record replaces.

use std::path::Path;

use serde_json::{json, Value};

use super::writer::{PutBack, RefreshWrite, SecretRow, Writer, Written};
use crate::error::{Error, ExitCode};
use crate::postiz::locate::Target;
use crate::postiz::{self};
use crate::secret::ExposeOption;

use super::deployment::{
    busy, launches, locate_from, share_root, shared_list, writer, Context, Located,
};
use super::records::{fingerprint, read_record, write_replaced_rows, Held, Record, RecordRow};

pub struct RestoreArgs<'a> {
    pub file: &'a Path,
    pub deployment: &'a Target<'a>,
    pub dry_run: bool,
}

/// `postiz restore FILE`: put a record's tokens into its row, only over the tokens the
/// record replaces (else the row holds newer ones, and nothing is written).
pub fn restore(ctx: &Context, args: &RestoreArgs<'_>) -> Result<ExitCode, Error> {
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

/// A record's row that now belongs to another provider (Postiz's upsert on
/// `(organizationId, internalId)` rewrites `providerIdentifier` when two providers' ids
/// collide): its tokens would be another provider's channel's.
pub(super) fn other_provider(row: &SecretRow, recorded: &RecordRow) -> Option<String> {
    recorded
        .provider
        .as_deref()
        .filter(|p| *p != row.provider)
        .map(str::to_string)
}

pub(super) fn restore_locked(
    ctx: &Context,
    args: &RestoreArgs<'_>,
    record: &Record,
    located: &Located,
    writer: &mut Writer,
) -> Result<ExitCode, Error> {
    let env_file = located.env_file.as_ref();
    let main = &record.main;
    let row = writer
        .secret_row(&main.row_id)?
        .ok_or_else(|| Error::Rejected {
            what: format!(
                "the row {} of {} is gone from the deployment",
                main.row_id,
                args.file.display()
            ),
            fix: format!(
                "nothing to restore into: delete {} and connect the channel again from {}",
                args.file.display(),
                launches(env_file)
            ),
        })?;
    let label = row.label();
    // A record of replaced tokens puts every row it names back as it was, soft-deleted
    // rows included (Postiz's copy wrote those too).
    if let Some(also) = &record.also {
        return put_back(ctx, args, record, also, row, writer);
    }
    if row.deleted {
        return Err(Error::Rejected {
            what: format!("{label} was deleted in Postiz"),
            fix: format!(
                "nothing to restore into: delete {} and connect the channel again from {}",
                args.file.display(),
                launches(env_file)
            ),
        });
    }
    if let Some(theirs) = other_provider(&row, main) {
        return Err(Error::Rejected {
            what: format!(
                "{} holds {theirs} tokens, but the row {} is now {label}: another provider's \
                 channel took its place; nothing written",
                args.file.display(),
                row.id
            ),
            fix: format!(
                "leave the row as it is; reconnect the {theirs} channel from {}",
                launches(env_file)
            ),
        });
    }
    let mut value = json!({"id": row.id, "provider": row.provider, "name": row.name,
                           "file": args.file.display().to_string()});
    let done = |value: &mut Value, outcome: &str| {
        value["outcome"] = json!(outcome);
        if ctx.ui.json {
            ctx.ui.json_data(value);
        }
        Ok(ExitCode::Ok)
    };
    let holds = |row: &SecretRow, r: &RecordRow| {
        row.token == r.token
            && row.refresh_token.expose_str().unwrap_or_default() == r.refresh_token.expose_str()
    };
    let replaced_by = |row: &SecretRow, r: &RecordRow| {
        r.replaces.as_ref().is_some_and(|(token_sha, refresh_sha)| {
            fingerprint(row.token.expose()) == *token_sha
                && fingerprint(row.refresh_token.expose_str().unwrap_or_default()) == *refresh_sha
        })
    };
    if holds(&row, main) && record.also.as_ref().is_none_or(|a| a.is_empty()) {
        if args.dry_run {
            ctx.ui.info(format!(
                "dry run: {label} already holds the tokens of {}; it would be removed",
                args.file.display()
            ));
            return done(&mut value, "would_remove_record");
        }
        crate::store::pending::remove(args.file);
        ctx.ui.step(format!(
            "{label} already holds the tokens of {}: removed it",
            args.file.display()
        ));
        return done(&mut value, "already_in_row");
    }
    if main.replaces.is_none() {
        return Err(Error::Rejected {
            what: format!(
                "{} does not say which tokens it replaces (an older record), so there is no \
                 telling whether {label} holds newer ones: nothing written",
                args.file.display()
            ),
            fix: format!(
                "run postiz-connect postiz status; if the channel fails, reconnect it from {}",
                launches(env_file)
            ),
        });
    }
    if !holds(&row, main) && !replaced_by(&row, main) {
        return Err(Error::Rejected {
            what: format!(
                "{label} no longer holds the tokens {} was made from: Postiz (or another \
                 refresh) changed it since, so its tokens are newer; nothing written",
                args.file.display()
            ),
            fix: format!(
                "run postiz-connect postiz status: if the channel is healthy, delete {}; if \
                 not, reconnect it from {}",
                args.file.display(),
                launches(env_file)
            ),
        });
    }
    let two_step = postiz::is_two_step(ctx.catalog, &row.provider);
    let clear_between_steps = row.in_between_steps && !two_step;
    // The rows of the same login the write copies the tokens to, as Postiz does: their
    // tokens are kept in a record of their own first.
    let root = share_root(&row).map(str::to_string);
    let shared = match &root {
        Some(root) => writer.rows_sharing(root, &row.id)?,
        None => Vec::new(),
    };
    if args.dry_run {
        ctx.ui.info(format!(
            "dry run: would write the token, refreshToken and tokenExpiration ({}) of {} into \
             {label}{} (nothing written)",
            main.expiration.format("%Y-%m-%d %H:%M UTC"),
            args.file.display(),
            shared_list(&shared)
        ));
        value["would_change"] = json!(std::iter::once(&row)
            .chain(&shared)
            .map(|r| r.id.clone())
            .collect::<Vec<_>>());
        return done(&mut value, "would_restore");
    }
    let kept = if shared.is_empty() {
        None
    } else {
        let rows: Vec<Held<'_>> = std::iter::once(&row)
            .chain(&shared)
            .map(Held::from)
            .collect();
        Some(
            write_replaced_rows(
                ctx,
                located,
                "postiz-connect postiz restore",
                &rows,
                main.token.expose(),
                main.refresh_token.expose(),
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
    let written = writer.write_refresh(&RefreshWrite {
        id: &row.id,
        read_token: row.token.expose(),
        read_refresh_token: row.refresh_token.expose_str(),
        token: main.token.expose(),
        refresh_token: main.refresh_token.expose(),
        token_expiration: main.expiration,
        clear_between_steps,
        share_with_root: root.as_deref(),
    })?;
    match written {
        Written::Updated { shared } => {
            crate::store::pending::remove(args.file);
            ctx.ui.step(format!(
                "restored the tokens of {} into {label} (valid until {}){}; removed the record",
                args.file.display(),
                main.expiration.format("%Y-%m-%d %H:%M UTC"),
                if shared > 0 {
                    format!(", and into {shared} other row(s) of the same login, as Postiz does")
                } else {
                    String::new()
                }
            ));
            if let Some(path) = &kept {
                ctx.ui.info(format!(
                    "their previous tokens are kept in {} (0600); put them back with \
                     postiz-connect postiz restore {}",
                    path.display(),
                    crate::ui::shell_word(&path.display().to_string())
                ));
                value["replaced_tokens_file"] = json!(path.display().to_string());
            }
            value["shared_rows"] = json!(shared);
            done(&mut value, "restored")
        }
        Written::ChangedMeanwhile => {
            if let Some(path) = &kept {
                crate::store::pending::remove(path);
            }
            Err(Error::Store {
                what: format!(
                    "{label} changed in Postiz while the record was being restored: nothing \
                     written; {} is kept",
                    args.file.display()
                ),
                fix: "run postiz-connect postiz status, then try again if the channel fails".into(),
            })
        }
    }
}

/// A record of replaced tokens: every row it names gets its own tokens back, each only
/// while it still holds the tokens that replaced them.
fn put_back(
    ctx: &Context,
    args: &RestoreArgs<'_>,
    record: &Record,
    also: &[RecordRow],
    row: SecretRow,
    writer: &mut Writer,
) -> Result<ExitCode, Error> {
    let label = row.label();
    let mut value = json!({"id": row.id, "provider": row.provider, "name": row.name,
                           "file": args.file.display().to_string()});
    let mut rows = vec![(row, &record.main)];
    for entry in also {
        if let Some(other) = writer.secret_row(&entry.row_id)? {
            rows.push((other, entry));
        }
    }
    let holds = |r: &SecretRow, e: &RecordRow| {
        r.token == e.token
            && r.refresh_token.expose_str().unwrap_or_default() == e.refresh_token.expose_str()
    };
    let fits = |r: &SecretRow, e: &RecordRow| {
        other_provider(r, e).is_none()
            && e.replaces.as_ref().is_some_and(|(t, rt)| {
                fingerprint(r.token.expose()) == *t
                    && fingerprint(r.refresh_token.expose_str().unwrap_or_default()) == *rt
            })
    };
    let writable: Vec<&(SecretRow, &RecordRow)> = rows
        .iter()
        .filter(|(r, e)| fits(r, e) && !holds(r, e))
        .collect();
    let skipped: Vec<String> = rows
        .iter()
        .filter(|(r, e)| !fits(r, e) && !holds(r, e))
        .map(|(r, e)| match other_provider(r, e) {
            Some(theirs) => format!("{} (now {}, not {theirs})", r.id, r.provider),
            None => r.id.clone(),
        })
        .chain(
            also.iter()
                .filter(|e| !rows.iter().any(|(r, _)| r.id == e.row_id))
                .map(|e| format!("{} (gone)", e.row_id)),
        )
        .collect();
    value["rows"] = json!(writable
        .iter()
        .map(|(r, _)| r.id.clone())
        .collect::<Vec<_>>());
    value["skipped"] = json!(skipped);
    if writable.is_empty() && skipped.is_empty() {
        if !args.dry_run {
            crate::store::pending::remove(args.file);
        }
        ctx.ui.step(format!(
            "{label} already holds the tokens of {}{}",
            args.file.display(),
            if args.dry_run {
                "; it would be removed"
            } else {
                ": removed it"
            }
        ));
        value["outcome"] = json!(if args.dry_run {
            "would_remove_record"
        } else {
            "already_in_row"
        });
        if ctx.ui.json {
            ctx.ui.json_data(&value);
        }
        return Ok(ExitCode::Ok);
    }
    if writable.is_empty() {
        return Err(Error::Rejected {
            what: format!(
                "no row of {} still holds the tokens that replaced its own: Postiz (or a \
                 refresh) changed them since, or the row is another provider's channel now \
                 ({}); nothing written",
                args.file.display(),
                skipped.join(", ")
            ),
            fix: format!(
                "run postiz-connect postiz status: if the channels are healthy, delete {}",
                args.file.display()
            ),
        });
    }
    if args.dry_run {
        ctx.ui.info(format!(
            "dry run: would put the tokens of {} back into {} (nothing written){}",
            args.file.display(),
            writable
                .iter()
                .map(|(r, _)| r.label())
                .collect::<Vec<_>>()
                .join(", "),
            if skipped.is_empty() {
                String::new()
            } else {
                format!("; left as they are (changed since): {}", skipped.join(", "))
            }
        ));
        value["outcome"] = json!("would_restore");
        if ctx.ui.json {
            ctx.ui.json_data(&value);
        }
        return Ok(ExitCode::Ok);
    }
    let put: Vec<PutBack<'_>> = writable
        .iter()
        .map(|(r, e)| PutBack {
            id: &r.id,
            read_token: r.token.expose(),
            read_refresh_token: r.refresh_token.expose_str(),
            token: e.token.expose(),
            refresh_token: e.refresh_token.expose(),
            token_expiration: e.expiration,
        })
        .collect();
    let written = writer.put_back(&put)?;
    if written.is_empty() {
        return Err(Error::Store {
            what: format!(
                "{label} changed in Postiz while the record was being restored: nothing \
                 written; {} is kept",
                args.file.display()
            ),
            fix: "run postiz-connect postiz status, then try again if the channel fails".into(),
        });
    }
    crate::store::pending::remove(args.file);
    ctx.ui.step(format!(
        "put the tokens of {} back into {}; removed the record{}",
        args.file.display(),
        written.join(", "),
        if skipped.is_empty() {
            String::new()
        } else {
            format!(" (left as they are, changed since: {})", skipped.join(", "))
        }
    ));
    value["shared_rows"] = json!(written.len().saturating_sub(1));
    value["outcome"] = json!("restored");
    if ctx.ui.json {
        ctx.ui.json_data(&value);
    }
    Ok(ExitCode::Ok)
}
