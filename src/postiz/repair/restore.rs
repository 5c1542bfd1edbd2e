//! `postiz restore FILE`: put a record's tokens back into its row, only over the tokens the
//! record replaces.

use std::path::Path;

use serde_json::{json, Value};

use super::writer::{RefreshWrite, Writer, Written};
use crate::error::{Error, ExitCode};
use crate::postiz::locate::Target;
use crate::postiz::{self};

use super::deployment::{busy, launches, locate_from, share_root, writer, Context, Located};
use super::records::{fingerprint, read_record, Record};

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
    if !writer.try_lock_row(&record.row_id)? {
        return Err(busy(&record.row_id, "restored"));
    }
    let out = restore_locked(ctx, args, &record, &located, &mut writer);
    writer.unlock_row(&record.row_id);
    out
}

pub(super) fn restore_locked(
    ctx: &Context,
    args: &RestoreArgs<'_>,
    record: &Record,
    located: &Located,
    writer: &mut Writer,
) -> Result<ExitCode, Error> {
    let env_file = located.env_file.as_ref();
    let row = writer
        .secret_row(&record.row_id)?
        .ok_or_else(|| Error::Rejected {
            what: format!(
                "the row {} of {} is gone from the deployment",
                record.row_id,
                args.file.display()
            ),
            fix: format!(
                "nothing to restore into: delete {} and connect the channel again from {}",
                args.file.display(),
                launches(env_file)
            ),
        })?;
    let label = format!("{} \"{}\" (row {})", row.provider, row.name, row.id);
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
    let mut value = json!({"id": row.id, "provider": row.provider, "name": row.name,
                           "file": args.file.display().to_string()});
    let done = |value: &mut Value, outcome: &str| {
        value["outcome"] = json!(outcome);
        if ctx.ui.json {
            ctx.ui.json_data(value);
        }
        Ok(ExitCode::Ok)
    };
    if row.token == record.token
        && row.refresh_token.as_deref().unwrap_or_default() == record.refresh_token
    {
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
    let Some((token_sha, refresh_sha)) = &record.replaces else {
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
    };
    let holds_replaced = fingerprint(&row.token) == *token_sha
        && fingerprint(row.refresh_token.as_deref().unwrap_or_default()) == *refresh_sha;
    if !holds_replaced {
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
    if args.dry_run {
        ctx.ui.info(format!(
            "dry run: would write the token, refreshToken and tokenExpiration ({}) of {} into \
             {label} (nothing written)",
            record.expiration.format("%Y-%m-%d %H:%M UTC"),
            args.file.display()
        ));
        return done(&mut value, "would_restore");
    }
    let written = writer.write_refresh(&RefreshWrite {
        id: &row.id,
        read_token: &row.token,
        read_refresh_token: row.refresh_token.as_deref(),
        token: &record.token,
        refresh_token: &record.refresh_token,
        token_expiration: record.expiration,
        clear_between_steps,
        share_with_root: share_root(&row),
    })?;
    match written {
        Written::Updated { shared } => {
            crate::store::pending::remove(args.file);
            ctx.ui.step(format!(
                "restored the tokens of {} into {label} (valid until {}){}; removed the record",
                args.file.display(),
                record.expiration.format("%Y-%m-%d %H:%M UTC"),
                if shared > 0 {
                    format!(", and into {shared} other row(s) of the same login, as Postiz does")
                } else {
                    String::new()
                }
            ));
            value["shared_rows"] = json!(shared);
            done(&mut value, "restored")
        }
        Written::ChangedMeanwhile => Err(Error::Store {
            what: format!(
                "{label} changed in Postiz while the record was being restored: nothing written; \
                 {} is kept",
                args.file.display()
            ),
            fix: "run postiz-connect postiz status, then try again if the channel fails".into(),
        }),
    }
}
