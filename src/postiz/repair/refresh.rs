//! `postiz refresh ID...`: refresh a deployment row's tokens at its provider, guarded: the
//! row's lock, a record of the new tokens kept before the row is written, and no second
//! call with a refresh token that may be spent. What to do is `refresh_plan`'s decision;
//! this reads what it needs, then applies the plan (the provider call, the records, the
//! row write and its read-back, Temporal) and returns each row's outcome as data.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use oauth2::TokenResponse as _;

use super::refresh_plan::{
    self as plan, Decision, Inputs, Issued, NewTokens, OnFailure, PageCheck, Plan, Preview,
    RefreshArgs,
};
use super::writer::{RefreshWrite, SecretRow, Writer, Written};
use crate::error::{Error, ExitCode};
use crate::http::HttpClient;
use crate::oauth::flow;
use crate::postiz::engine::{self, Notice, RunningPosts, WorkflowOutcome};
use crate::secret::{ExposeOption, Secret};

use super::deployment::{
    busy, deployment_env, deployment_flag, locate_from, share_root, writer, Context, Located,
};
use super::records::{pending_record_of, probe_records, write_record, write_replaced_rows, Held};

/// One row's result: what to tell the user on the way (in order), then the outcome.
pub struct RowReport {
    /// The id as given.
    pub id: String,
    pub notices: Vec<Notice>,
    pub outcome: Result<Outcome, Error>,
}

/// A row that was refreshed, would be, or cannot be.
pub struct Outcome {
    pub provider: String,
    pub name: String,
    /// `linkedin "Name" (row ID)`, for messages.
    pub label: String,
    pub done: Done,
}

/// What became of a row that was read.
pub enum Done {
    /// Nothing can refresh the row: reconnect it in Postiz when it stops working.
    CannotRefresh {
        code: &'static str,
        reason: String,
    },
    /// `--dry-run`: the plan, and what would be done in Temporal.
    WouldRefresh {
        preview: Preview,
        workflow: Option<WorkflowOutcome>,
    },
    Refreshed(Box<Refreshed>),
}

/// A row written with new tokens and read back holding them.
pub struct Refreshed {
    pub token_expiration: DateTime<Utc>,
    pub rotated: bool,
    /// The crashed refresh's `inBetweenSteps` was cleared.
    pub cleared_between_steps: bool,
    /// The other rows of the same login that got the tokens too.
    pub shared_rows: u64,
    /// Where the tokens those rows held are kept, and the command that puts them back.
    pub replaced: Option<(PathBuf, String)>,
    /// No recovery record could be written (the row is the new tokens' only copy).
    pub record_failed: bool,
    pub workflow: Option<WorkflowOutcome>,
    pub running: RunningPosts,
}

impl RowReport {
    /// The row's exit code: its error's, or a network failure when the row was repaired but
    /// its refresh workflow could not be started.
    pub fn exit_code(&self) -> ExitCode {
        match &self.outcome {
            Err(e) => e.exit_code(),
            Ok(Outcome {
                done: Done::Refreshed(r),
                ..
            }) if r.workflow.as_ref().is_some_and(|w| w.failed) => ExitCode::Network,
            Ok(_) => ExitCode::Ok,
        }
    }
}

/// Refresh each row of `args.ids`, handing each row's report to `on_row` as it is done.
/// An error is one that stops them all (a `--sandbox-at` refused, no database to write).
pub fn refresh(
    ctx: &Context,
    args: &RefreshArgs<'_>,
    on_row: &mut dyn FnMut(RowReport),
) -> Result<(), Error> {
    if let Some(base) = args.sandbox_at {
        loopback_only(base)?;
    }
    let located = locate_from(args.deployment)?;
    let mut writer = writer(&located, args.deployment)?;
    let http = ctx.network.client();
    for id in args.ids {
        let mut notices = Vec::new();
        let outcome = refresh_one(ctx, args, &located, &mut writer, &http, id, &mut notices);
        on_row(RowReport {
            id: id.clone(),
            notices,
            outcome,
        });
    }
    Ok(())
}

/// Refresh one row under its advisory lock (session-level, on the writer's connection),
/// taken before the row is read and released after it is written: two runs of this tool on
/// one row would present the same refresh token, and a provider with reuse detection
/// (RFC 9700 section 4.14.2) revokes the whole grant on the second.
fn refresh_one(
    ctx: &Context,
    args: &RefreshArgs<'_>,
    located: &Located,
    writer: &mut Writer,
    http: &HttpClient,
    id: &str,
    notices: &mut Vec<Notice>,
) -> Result<Outcome, Error> {
    if !writer.try_lock_row(id)? {
        return Err(busy(id, "refreshed"));
    }
    let out = refresh_locked(ctx, args, located, writer, http, id, notices);
    writer.unlock_row(id);
    out
}

/// `--sandbox-at` sends the row's real refresh token to that URL: only the emulator on
/// this machine's loopback may get it (RFC 8252 section 8.3: loopback addresses are
/// this host's), refused before the database or anything else is reached.
pub(super) fn loopback_only(base: &str) -> Result<(), Error> {
    let url = url::Url::parse(base)
        .map_err(|e| Error::Usage(format!("--sandbox-at {base}: not a URL ({e})")))?;
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    };
    if loopback && matches!(url.scheme(), "http" | "https") {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "--sandbox-at must be the built-in sandbox on this machine (http://127.0.0.1:PORT, \
         as postiz-connect sandbox prints it), not {}: the row's real refresh token is sent \
         there; nothing was read or sent",
        crate::text::one_line(base, 120)
    )))
}

/// Read what the decision needs, decide, and apply the plan (or, with `--dry-run`, show it).
fn refresh_locked(
    ctx: &Context,
    args: &RefreshArgs<'_>,
    located: &Located,
    writer: &mut Writer,
    http: &HttpClient,
    id: &str,
    notices: &mut Vec<Notice>,
) -> Result<Outcome, Error> {
    let row = writer.secret_row(id)?.ok_or_else(|| {
        Error::Usage(format!(
            "no channel row has the id {id} (postiz-connect postiz status shows each row's id)"
        ))
    })?;
    // The rows of the same login Postiz's `oneTimeToken` copy writes too (LinkedIn), in
    // every organization, soft-deleted ones included.
    let shared = match share_root(&row).filter(|_| !row.deleted) {
        Some(root) => writer.rows_sharing(root, &row.id)?,
        None => Vec::new(),
    };
    let pending = pending_record_of(ctx, located, &row);
    let env_file = located.env_file.as_ref();
    let inputs = Inputs {
        row: &row,
        shared: &shared,
        pending_record: pending.as_deref(),
        catalog: ctx.catalog,
        now: Utc::now(),
        args,
        env_file,
        env: &deployment_env(env_file),
    };
    let outcome = |done| Outcome {
        provider: row.provider.clone(),
        name: row.name.clone(),
        label: row.label(),
        done,
    };
    let plan = match plan::decide(&inputs, notices) {
        Decision::Refuse(e) => return Err(e),
        Decision::Skip { code, reason } => {
            return Ok(outcome(Done::CannotRefresh { code, reason }))
        }
        Decision::Refresh(plan) => plan,
    };
    if args.dry_run {
        return Ok(outcome(Done::WouldRefresh {
            preview: plan.preview(&shared),
            workflow: start_workflow(args, located, &row, &plan, true),
        }));
    }
    let applied = Applier {
        ctx,
        args,
        located,
        row: &row,
        shared: &shared,
        plan: &plan,
    };
    let refreshed = applied.apply(writer, http, notices)?;
    Ok(outcome(Done::Refreshed(Box::new(refreshed))))
}

/// Postiz's refresh workflow (threads, instagram-standalone) started (or, dry, would be).
fn start_workflow(
    args: &RefreshArgs<'_>,
    located: &Located,
    row: &SecretRow,
    plan: &Plan,
    dry_run: bool,
) -> Option<WorkflowOutcome> {
    if !plan.starts_workflow {
        return None;
    }
    let env_file = located.env_file.as_ref();
    engine::after_repair(
        args.deployment,
        env_file,
        &repaired(row, &plan.label),
        dry_run,
    )
}

/// What applying one row's plan works with.
struct Applier<'a> {
    ctx: &'a Context<'a>,
    args: &'a RefreshArgs<'a>,
    located: &'a Located,
    row: &'a SecretRow,
    shared: &'a [SecretRow],
    plan: &'a Plan,
}

impl Applier<'_> {
    /// The provider call, then the records and the row write, read back; then Temporal.
    fn apply(
        &self,
        writer: &mut Writer,
        http: &HttpClient,
        notices: &mut Vec<Notice>,
    ) -> Result<Refreshed, Error> {
        let (row, plan) = (self.row, self.plan);
        // A database that refuses the write (a role without UPDATE, a read replica) is
        // found before the provider spends the refresh token.
        writer.check_writable(&row.id)?;
        // A rotated refresh token must be durable before anything else happens: if no
        // record can be written, the provider is not called at all.
        probe_records(self.ctx, &plan.label)?;
        let issued = self.call_provider(writer, http)?;
        let tokens = plan.new_tokens(issued, Utc::now());
        let record = self.keep_record(&tokens, notices);
        self.check_page(http, &tokens, record.as_deref())?;
        let replaced = self.keep_replaced(&tokens, record.as_deref(), notices);
        let shared_rows = self.write(
            writer,
            &tokens,
            record.as_deref(),
            replaced.as_deref(),
            notices,
        )?;
        // The row is written and verified: what follows a refresh goes here.
        let workflow = start_workflow(self.args, self.located, row, plan, false);
        let running = match &self.located.deployment.database {
            Some(database) => engine::running_posts_after_refresh(
                self.args.deployment,
                self.located.env_file.as_ref(),
                database,
                &repaired(row, &plan.label),
            ),
            None => RunningPosts::default(),
        };
        Ok(Refreshed {
            token_expiration: tokens.expiration,
            rotated: tokens.rotated,
            cleared_between_steps: plan.clear_between_steps,
            shared_rows,
            replaced: replaced.map(|p| {
                let command = format!(
                    "postiz-connect postiz restore {}{}",
                    crate::text::shell_word(&p.display().to_string()),
                    deployment_flag(self.args.deployment)
                );
                (p, command)
            }),
            record_failed: record.is_none(),
            workflow,
            running,
        })
    }

    /// The request, sent again only when the plan says so.
    fn call_provider(&self, writer: &mut Writer, http: &HttpClient) -> Result<Issued, Error> {
        let plan = self.plan;
        let endpoints = crate::sandbox::endpoints_of(&plan.provider);
        let wire = plan.provider.wire();
        let renewal = flow::Renewal {
            refresh_token: plan.request.refresh_token.expose_str(),
            access_token: plan.request.access_token.expose_str(),
            endpoints: &endpoints,
            client: &plan.client,
            wire: &wire,
            rule: &plan.rule,
            callback_params: &plan.request.params,
        };
        let mut attempt = 0;
        loop {
            attempt += 1;
            let err = match flow::refresh(&renewal, http) {
                Ok(token) => {
                    return Ok(Issued {
                        access_token: token.access_token().secret().clone().into(),
                        refresh_token: token
                            .refresh_token
                            .as_ref()
                            .map(|t| Secret::from(t.secret().clone())),
                        expires_at: token.expires_at(Utc::now()),
                    })
                }
                Err(err) => err,
            };
            match plan.on_failure(err, attempt) {
                OnFailure::Retry(wait) => std::thread::sleep(wait),
                OnFailure::Fail(e) => return Err(e),
                OnFailure::DeadGrant(err) => {
                    // Postiz (or another process) may have refreshed the row meanwhile and
                    // spent the refresh token read: then the grant is alive in the row.
                    let changed =
                        writer
                            .secret_row(&self.row.id)
                            .ok()
                            .flatten()
                            .is_some_and(|now| {
                                now.token != self.row.token
                                    || now.refresh_token != self.row.refresh_token
                            });
                    return Err(plan.dead_grant(&err, changed));
                }
            }
        }
    }

    /// The provider may have spent the old refresh token: the new tokens go to a private
    /// record before the row is touched, with the replaced ones, until the row is written
    /// and read back. `None` when no record could be written.
    fn keep_record(&self, tokens: &NewTokens, notices: &mut Vec<Notice>) -> Option<PathBuf> {
        let written = write_record(
            self.ctx,
            self.located,
            self.row,
            tokens.token.expose_str(),
            tokens.refresh_token.expose_str(),
            tokens.expiration,
            self.shared,
        );
        match written {
            Ok(path) => Some(path),
            Err(e) => {
                // Checked writable a moment ago, yet failing now: the row is the only
                // durable place left for the new tokens, so it is written all the same.
                notices.push(Notice::Warn(format!(
                    "{}: the provider has issued new tokens but no recovery record could be \
                     written ({e}); writing them to the row now, their only copy",
                    self.plan.label
                )));
                None
            }
        }
    }

    /// A page row whose refresh crashed: Postiz's refresh asks the login for the page again
    /// (`reConnect` of youtube/gmb/tumblr/linkedin-page) and fails when it is gone.
    fn check_page(
        &self,
        http: &HttpClient,
        tokens: &NewTokens,
        record: Option<&Path>,
    ) -> Result<(), Error> {
        let Some(pages) = &self.plan.page_check else {
            return Ok(());
        };
        let listed =
            crate::providers::pages::list(pages, tokens.token.expose_str(), http).map(|choices| {
                crate::providers::pages::find(&choices, &self.plan.internal_id).is_some()
            });
        match self.plan.page_listed(listed, tokens.rotated, record) {
            PageCheck::Listed => Ok(()),
            PageCheck::Refuse { error, drop_record } => {
                if let (true, Some(p)) = (drop_record, record) {
                    crate::store::pending::remove(p);
                }
                Err(error)
            }
        }
    }

    /// The rows of the same login get the new tokens too: what they held is kept, for
    /// postiz restore.
    fn keep_replaced(
        &self,
        tokens: &NewTokens,
        record: Option<&Path>,
        notices: &mut Vec<Notice>,
    ) -> Option<PathBuf> {
        if self.shared.is_empty() {
            return None;
        }
        let rows: Vec<Held<'_>> = std::iter::once(self.row)
            .chain(self.shared)
            .map(Held::from)
            .collect();
        let kept = write_replaced_rows(
            self.ctx,
            self.located,
            "postiz-connect postiz refresh",
            &rows,
            tokens.token.expose_str(),
            tokens.refresh_token.expose_str(),
        );
        match kept {
            Ok(path) => Some(path),
            Err(e) => {
                notices.push(Notice::Warn(format!(
                    "{}: the tokens of the rows of the same login could not be kept aside \
                     ({e}); the recovery record {} holds them until the write is checked",
                    self.plan.label,
                    record
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| "(none)".into())
                )));
                None
            }
        }
    }

    /// The row written only while it holds the tokens read, then read back: the record
    /// goes only once the row is seen holding the new tokens. The rows of the same login
    /// written with it.
    fn write(
        &self,
        writer: &mut Writer,
        tokens: &NewTokens,
        record: Option<&Path>,
        replaced: Option<&Path>,
        notices: &mut Vec<Notice>,
    ) -> Result<u64, Error> {
        let (row, plan) = (self.row, self.plan);
        let written = writer.write_refresh(&RefreshWrite {
            id: &row.id,
            read_token: row.token.expose_str(),
            read_refresh_token: row.refresh_token.expose_str(),
            token: tokens.token.expose_str(),
            refresh_token: tokens.refresh_token.expose_str(),
            token_expiration: tokens.expiration,
            clear_between_steps: plan.clear_between_steps,
            share_with_root: plan.share_root.as_deref(),
        });
        let shared = match written {
            Ok(Written::Updated { shared }) => shared,
            Ok(Written::ChangedMeanwhile) => {
                if let Some(p) = replaced {
                    crate::store::pending::remove(p);
                }
                return Err(plan.changed_meanwhile(record));
            }
            Err(e) => {
                if let Some(p) = replaced {
                    crate::store::pending::remove(p);
                }
                return Err(plan.write_failed(&e, record));
            }
        };
        let verified = writer
            .secret_row(&row.id)
            .ok()
            .flatten()
            .is_some_and(|now| {
                now.token == tokens.token
                    && now.refresh_token.as_ref() == Some(&tokens.refresh_token)
            });
        if !verified {
            return Err(plan.unverified(record));
        }
        match record {
            Some(p) => crate::store::pending::remove(p),
            None => notices.push(Notice::Warn(format!(
                "{}: the row holds the new tokens, so nothing is lost; but fix the config \
                 dir before the next refresh (no recovery record could be written)",
                plan.label
            ))),
        }
        Ok(shared)
    }
}

/// A written row, as the engine hook names it.
fn repaired<'a>(row: &'a SecretRow, label: &'a str) -> engine::Repaired<'a> {
    engine::Repaired {
        row_id: &row.id,
        organization_id: &row.organization_id,
        provider: &row.provider,
        label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sandbox_at_takes_only_this_machines_loopback() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://127.9.9.9",
            "http://[::1]:9000/base",
            "http://localhost:3000",
        ] {
            assert!(loopback_only(ok).is_ok(), "{ok}");
        }
        for refused in [
            "https://provider.example.com",
            "http://10.0.0.1:8080",
            "http://localhost.example.com",
            "http://127.0.0.1.nip.io",
            "file:///tmp/x",
            "not a url",
        ] {
            assert!(
                matches!(loopback_only(refused), Err(Error::Usage(_))),
                "{refused}"
            );
        }
    }
}
