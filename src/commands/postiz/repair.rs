//! `postiz-connect postiz refresh|adopt|restore`: the repair commands, the only ones that
//! write to a Postiz deployment. The work is the postiz service's
//! ([`crate::postiz::repair`]); this hands it the command's context (and shows what
//! `postiz refresh` returns, with `render_refresh`).

use crate::error::{Error, ExitCode};
use crate::postiz::locate::Target;
use crate::postiz::repair;

pub use crate::postiz::repair::{AdoptArgs, RefreshArgs, RestoreArgs};

use crate::commands::Context;

use super::render_refresh;

/// What the service uses of the command's context.
fn service(ctx: &Context) -> repair::Context<'_> {
    repair::Context {
        ui: &ctx.ui,
        catalog: &ctx.catalog,
        store: &ctx.store,
        network: ctx.network,
    }
}

/// Before a repair opens its write connection: a URL without `sslmode` is warned about
/// (the tokens may cross the network in clear). A deployment that cannot be located is
/// the service's to report.
fn warn_about_clear_text(ctx: &Context, deployment: &Target<'_>) {
    let located = deployment.locate().ok().and_then(|(d, _)| d.database);
    if let Some(warning) = located.and_then(|d| crate::postiz::db::clear_text_warning(&d.url)) {
        ctx.ui.warn(warning);
    }
}

/// `postiz refresh ID...`: refresh each row's tokens at its provider, guarded.
pub fn refresh(ctx: &Context, args: &RefreshArgs<'_>) -> Result<ExitCode, Error> {
    warn_about_clear_text(ctx, args.deployment);
    let mut rows = Vec::new();
    let mut worst = ExitCode::Ok;
    repair::refresh(&service(ctx), args, &mut |report| {
        render_refresh::row(&ctx.ui, &report);
        worst = worst.worst(report.exit_code());
        rows.push(render_refresh::row_json(&report));
    })?;
    if ctx.ui.json {
        ctx.ui.json_data(&serde_json::Value::Array(rows));
    }
    Ok(worst)
}

/// `postiz restore FILE`: put a kept record's tokens back into its row.
pub fn restore(ctx: &Context, args: &RestoreArgs<'_>) -> Result<ExitCode, Error> {
    warn_about_clear_text(ctx, args.deployment);
    repair::restore(&service(ctx), args)
}

/// `postiz adopt CHANNEL --org ORG`: write a local channel into the deployment.
pub fn adopt(ctx: &Context, args: &AdoptArgs<'_>) -> Result<ExitCode, Error> {
    warn_about_clear_text(ctx, args.deployment);
    repair::adopt(&service(ctx), args)
}
