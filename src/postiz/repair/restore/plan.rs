//! restore's decision, with nothing read or written here: the record and the rows it names
//! (as read) in; which rows get which tokens, or the refusal (with its exit code), out.
//! `restore.rs` reads what this needs and applies what it decides.

use std::path::Path;

use crate::error::Error;
use crate::postiz::repair::deployment::share_root;
use crate::postiz::repair::records::{fingerprint, Record, RecordRow};
use crate::postiz::repair::writer::SecretRow;
use crate::secret::ExposeOption;

/// What restore writes.
pub(super) enum RestorePlan {
    /// The row already holds the record's tokens: only the record goes.
    AlreadyInRow,
    /// A record of new tokens, written into the row as Postiz writes them: over the tokens
    /// it replaces only, and copied to the rows of the same login (`shared`, whose tokens
    /// are kept in a record first).
    Write {
        /// A crashed refresh set `inBetweenSteps` on a single-step provider: cleared.
        clear_between_steps: bool,
        share_with_root: Option<String>,
        shared: Vec<SecretRow>,
    },
    /// A record of replaced tokens: each row in `rows` gets its own back (each only while
    /// it holds the tokens that replaced them); `skipped` changed since, or are gone.
    /// Both empty: every row already holds its tokens.
    PutBack {
        rows: Vec<(SecretRow, RecordRow)>,
        skipped: Vec<String>,
    },
}

/// The record's row, which must still be in the deployment.
pub(super) fn present(
    row: Option<SecretRow>,
    main: &RecordRow,
    file: &Path,
    launches: &str,
) -> Result<SecretRow, Error> {
    row.ok_or_else(|| Error::Rejected {
        what: format!(
            "the row {} of {} is gone from the deployment",
            main.row_id,
            file.display()
        ),
        fix: format!(
            "nothing to restore into: delete {} and connect the channel again from {launches}",
            file.display(),
        ),
    })
}

/// A record's row that now belongs to another provider (Postiz's upsert on
/// `(organizationId, internalId)` rewrites `providerIdentifier` when two providers' ids
/// collide): its tokens would be another provider's channel's.
fn other_provider(row: &SecretRow, recorded: &RecordRow) -> Option<String> {
    recorded
        .provider
        .as_deref()
        .filter(|p| *p != row.provider)
        .map(str::to_string)
}

/// The row holds the record's tokens.
fn holds(row: &SecretRow, recorded: &RecordRow) -> bool {
    row.token == recorded.token
        && row.refresh_token.expose_str().unwrap_or_default() == recorded.refresh_token.expose_str()
}

/// The row holds the tokens the record says it replaces.
fn replaced_by(row: &SecretRow, recorded: &RecordRow) -> bool {
    recorded
        .replaces
        .as_ref()
        .is_some_and(|(token_sha, refresh_sha)| {
            fingerprint(row.token.expose_str()) == *token_sha
                && fingerprint(row.refresh_token.expose_str().unwrap_or_default()) == *refresh_sha
        })
}

/// A record of new tokens (no `also`): written over the tokens it replaces only, never
/// into a deleted row or another provider's; `shared` are the other rows of the same login
/// (read for `oneTimeToken` providers), `two_step` whether the row's provider has a page
/// step, `launches` where the channel is reconnected.
pub(super) fn write(
    record: &Record,
    row: &SecretRow,
    shared: Vec<SecretRow>,
    two_step: bool,
    file: &Path,
    launches: &str,
) -> Result<RestorePlan, Error> {
    let main = &record.main;
    let label = row.label();
    let file = file.display();
    if row.deleted {
        return Err(Error::Rejected {
            what: format!("{label} was deleted in Postiz"),
            fix: format!(
                "nothing to restore into: delete {file} and connect the channel again from \
                 {launches}"
            ),
        });
    }
    if let Some(theirs) = other_provider(row, main) {
        return Err(Error::Rejected {
            what: format!(
                "{file} holds {theirs} tokens, but the row {} is now {label}: another \
                 provider's channel took its place; nothing written",
                row.id
            ),
            fix: format!("leave the row as it is; reconnect the {theirs} channel from {launches}"),
        });
    }
    if holds(row, main) {
        return Ok(RestorePlan::AlreadyInRow);
    }
    if main.replaces.is_none() {
        return Err(Error::Rejected {
            what: format!(
                "{file} does not say which tokens it replaces (an older record), so there is \
                 no telling whether {label} holds newer ones: nothing written"
            ),
            fix: format!(
                "run postiz-connect postiz status; if the channel fails, reconnect it from \
                 {launches}"
            ),
        });
    }
    if !replaced_by(row, main) {
        return Err(Error::Rejected {
            what: format!(
                "{label} no longer holds the tokens {file} was made from: Postiz (or another \
                 refresh) changed it since, so its tokens are newer; nothing written"
            ),
            fix: format!(
                "run postiz-connect postiz status: if the channel is healthy, delete {file}; \
                 if not, reconnect it from {launches}"
            ),
        });
    }
    let share_with_root = share_root(row).map(str::to_string);
    Ok(RestorePlan::Write {
        clear_between_steps: row.in_between_steps && !two_step,
        shared: if share_with_root.is_some() {
            shared
        } else {
            Vec::new()
        },
        share_with_root,
    })
}

/// A record of replaced tokens: every row it names gets its own tokens back, soft-deleted
/// rows included (Postiz's copy wrote those too), each only while it still holds the
/// tokens that replaced them and is still the same provider's. `found` are the rows of
/// `also`, in its order, as read (`None`: gone).
pub(super) fn put_back(
    record: &Record,
    also: &[RecordRow],
    row: SecretRow,
    found: Vec<Option<SecretRow>>,
    file: &Path,
) -> Result<RestorePlan, Error> {
    let mut rows = vec![(row, record.main.clone())];
    rows.extend(
        found
            .into_iter()
            .zip(also)
            .filter_map(|(row, entry)| Some((row?, entry.clone()))),
    );
    let fits = |r: &SecretRow, e: &RecordRow| other_provider(r, e).is_none() && replaced_by(r, e);
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
    let writable: Vec<(SecretRow, RecordRow)> = rows
        .into_iter()
        .filter(|(r, e)| fits(r, e) && !holds(r, e))
        .collect();
    if writable.is_empty() && !skipped.is_empty() {
        return Err(Error::Rejected {
            what: format!(
                "no row of {} still holds the tokens that replaced its own: Postiz (or a \
                 refresh) changed them since, or the row is another provider's channel now \
                 ({}); nothing written",
                file.display(),
                skipped.join(", ")
            ),
            fix: format!(
                "run postiz-connect postiz status: if the channels are healthy, delete {}",
                file.display()
            ),
        });
    }
    Ok(RestorePlan::PutBack {
        rows: writable,
        skipped,
    })
}

#[cfg(test)]
mod tests;
