//! `postiz adopt CHANNEL --org ORG`: a local channel written into a deployment as the row
//! Postiz itself would write. [`plan`] decides (no database); this reads what it needs,
//! applies the plan and returns what it did for the command to render.

mod plan;

use std::path::{Path, PathBuf};

use chrono::Utc;

use super::writer::{self as repair, Adopted, Writer};
use crate::error::{Error, ExitCode};
use crate::postiz::engine;
use crate::postiz::locate::Target;
use crate::secret::ExposeOption;

use super::deployment::{deployment_flag, locate_from, setting, writer, Context, Located};
use super::records::write_replaced_rows;

pub use plan::{AdoptPlan, TokenGuard};

pub struct AdoptArgs<'a> {
    pub channel: &'a str,
    pub org: &'a str,
    pub deployment: &'a Target<'a>,
    pub dry_run: bool,
    /// Replace an existing row's tokens that differ from the channel's.
    pub replace_tokens: bool,
}

/// What `postiz adopt` did (or, with `--dry-run`, would do), for the command to render.
pub struct AdoptOutcome {
    pub plan: AdoptPlan,
    /// What the write did; `None` for a dry run.
    pub done: Option<AdoptDone>,
    /// Postiz's refresh workflow of the row (threads, instagram-standalone).
    pub workflow: Option<engine::WorkflowOutcome>,
}

/// What the write did.
pub struct AdoptDone {
    pub row_id: String,
    pub inserted: bool,
    /// Rows of the same login that got the tokens too, as Postiz copies them.
    pub shared: u64,
    /// The 0600 record of the tokens the write replaced.
    pub replaced_tokens_file: Option<PathBuf>,
    /// Every note to show: the plan's, then the write's.
    pub notes: Vec<String>,
}

impl AdoptOutcome {
    /// The row is written, but its refresh workflow could not be started (Temporal
    /// unreachable): a retry-later failure.
    pub fn exit_code(&self) -> ExitCode {
        if self.workflow.as_ref().is_some_and(|w| w.failed) {
            ExitCode::Network
        } else {
            ExitCode::Ok
        }
    }
}

/// Reads what the decision needs (the channel, its secrets, the deployment's app, the
/// organization, the row at `(organizationId, internalId)`, the rows of the same login),
/// decides, and applies the plan unless it is a dry run.
pub fn adopt(ctx: &Context, args: &AdoptArgs<'_>) -> Result<AdoptOutcome, Error> {
    let channel = ctx.store.get(args.channel)?;
    let provider = ctx.catalog.require(&channel.provider)?;
    plan::postiz_identifier(provider)?;
    let located = locate_from(args.deployment)?;
    let secrets = ctx.store.secrets(&channel)?;
    let app = setting(plan::app_setting_names(provider), located.env_file.as_ref());
    let draft = plan::draft(&channel, &secrets, provider, app, Utc::now())?;
    let mut writer = writer(&located, args.deployment)?;
    let organizations = writer.organizations()?;
    let org = plan::live_organization(&organizations, args.org)?.clone();
    let existing = writer.existing(&org.id, draft.internal_id())?;
    let siblings = match draft.sharing_root(existing.as_ref()) {
        Some(root) => writer.rows_sharing(&root, existing.as_ref().map_or("", |e| &e.id))?,
        None => Vec::new(),
    };
    let options = plan::Options {
        dry_run: args.dry_run,
        replace_tokens: args.replace_tokens,
    };
    let plan = plan::plan(draft, &channel.name, org, existing, siblings, options)?;
    if plan.dry_run {
        let workflow = start_workflow(args.deployment, &located, &plan, &plan.planned_row_id());
        return Ok(AdoptOutcome {
            plan,
            done: None,
            workflow,
        });
    }
    let done = apply(ctx, args, &located, &mut writer, &plan)?;
    let workflow = start_workflow(args.deployment, &located, &plan, &done.row_id);
    Ok(AdoptOutcome {
        plan,
        done: Some(done),
        workflow,
    })
}

/// Executes a plan: refused by the token guard, or the replaced tokens made durable
/// first, the upsert guarded by the tokens read, the row read back, the local channel
/// marked as handed to Postiz.
fn apply(
    ctx: &Context,
    args: &AdoptArgs<'_>,
    located: &Located,
    writer: &mut Writer,
    plan: &AdoptPlan,
) -> Result<AdoptDone, Error> {
    if let Some(refusal) = plan.refusal() {
        return Err(refusal);
    }
    let kept = keep_replaced(ctx, located, plan)?;
    let adopted = writer.upsert(
        &plan.row,
        &repair::new_id(),
        plan.existing
            .as_ref()
            .map(|e| (e.token.expose_str(), e.refresh_token.expose_str())),
        plan.share_with_root.as_deref(),
    )?;
    let Adopted::Written {
        id: row_id,
        inserted,
        shared,
    } = adopted
    else {
        if let Some(path) = &kept {
            crate::store::pending::remove(path);
        }
        return Err(Error::Store {
            what: format!(
                "the row for {} in {} changed in Postiz while it was being adopted (its \
                 tokens are not the ones read, or a row appeared): nothing written",
                plan.channel, plan.organization.name
            ),
            fix: "run postiz-connect postiz status, then adopt again if it is still needed".into(),
        });
    };
    read_back(writer, plan, &row_id, kept.as_deref())?;
    let notes = written_notes(ctx, args, located, plan, &row_id, shared, kept.as_deref());
    Ok(AdoptDone {
        row_id,
        inserted,
        shared,
        replaced_tokens_file: kept,
        notes,
    })
}

/// The tokens the write replaces, in a 0600 record made durable before the row is touched.
fn keep_replaced(
    ctx: &Context,
    located: &Located,
    plan: &AdoptPlan,
) -> Result<Option<PathBuf>, Error> {
    let held = plan.records_to_keep();
    if held.is_empty() {
        return Ok(None);
    }
    let what = "postiz-connect postiz adopt";
    let (token, refresh_token) = (
        plan.row.token.expose_str(),
        plan.row.refresh_token.expose_str(),
    );
    write_replaced_rows(ctx, located, what, &held, token, refresh_token)
        .map(Some)
        .map_err(|err| Error::Store {
            what: format!(
                "the tokens of the row {} could not be kept aside ({err}): nothing written",
                held[0].id
            ),
            fix: "make the config dir writable (free disk space, check its permissions), then \
                  run it again"
                .into(),
        })
}

/// Read back: the row must hold what was written (a trigger or a concurrent write could
/// have changed it); the replaced tokens' record stays either way.
fn read_back(
    writer: &mut Writer,
    plan: &AdoptPlan,
    row_id: &str,
    kept: Option<&Path>,
) -> Result<(), Error> {
    let verified = writer
        .secret_row(row_id)?
        .is_some_and(|now| now.token == plan.row.token && now.provider == plan.identifier);
    if verified {
        return Ok(());
    }
    Err(Error::Store {
        what: format!(
            "the row {row_id} for {} in {} was written, but read back it does not hold the \
             adopted tokens (a trigger, or Postiz writing it at once){}",
            plan.channel,
            plan.organization.name,
            kept.map(|p| format!("; its previous tokens are kept in {}", p.display()))
                .unwrap_or_default()
        ),
        fix: "run postiz-connect postiz status, then adopt again if it is still needed".into(),
    })
}

/// The row is written and verified: Postiz holds the grant from now on, so the local
/// channel is marked as handed to Postiz (never refreshed here again). The notes to show:
/// the plan's, then the write's.
fn written_notes(
    ctx: &Context,
    args: &AdoptArgs<'_>,
    located: &Located,
    plan: &AdoptPlan,
    row_id: &str,
    shared: u64,
    kept: Option<&Path>,
) -> Vec<String> {
    let mut notes = plan.notes.clone();
    let handed = crate::store::HandedToPostiz {
        database: (located.deployment.database.as_ref()).map_or_else(String::new, |d| d.shown()),
        organization_id: plan.organization.id.clone(),
        organization: plan.organization.name.clone(),
        row_id: row_id.to_string(),
        at: Utc::now(),
    };
    if let Err(e) = ctx.store.hand_to_postiz(&plan.channel, handed) {
        notes.push(format!(
            "{} could not be marked as handed to Postiz ({e}): do not refresh it here",
            plan.channel
        ));
    }
    if let Some(path) = kept {
        notes.push(format!(
            "the previous tokens of the rows written are kept in {} (0600); put them back with \
             postiz-connect postiz restore {}{}",
            path.display(),
            crate::text::shell_word(&path.display().to_string()),
            deployment_flag(args.deployment)
        ));
    }
    if shared > 0 {
        notes.push(format!(
            "{shared} other row(s) of the same login got the tokens too, as Postiz does"
        ));
    }
    notes.push(format!(
        "this tool and Postiz now hold the same tokens: refresh the channel only from the \
         deployment from now on (postiz-connect postiz refresh {}), since a provider that \
         rotates refresh tokens leaves the other copy with a spent one; remove the local copy \
         with postiz-connect logout --local-only {}",
        crate::text::shell_word(row_id),
        crate::text::shell_word(&plan.channel)
    ));
    notes
}

/// Postiz starts a threads / instagram-standalone channel's refresh workflow at connect;
/// an adopted channel gets it here (a dry run says it would), or nothing would refresh it.
fn start_workflow(
    deployment: &Target<'_>,
    located: &Located,
    plan: &AdoptPlan,
    row_id: &str,
) -> Option<engine::WorkflowOutcome> {
    if !plan.starts_workflow {
        return None;
    }
    let label = format!("{} \"{}\" (row {row_id})", plan.identifier, plan.row.name);
    engine::after_repair(
        deployment,
        located.env_file.as_ref(),
        &engine::Repaired {
            row_id,
            organization_id: &plan.organization.id,
            provider: &plan.identifier,
            label: &label,
        },
        plan.dry_run,
    )
}
