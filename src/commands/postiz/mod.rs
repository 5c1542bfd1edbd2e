//! `postiz-connect postiz status|watch`: read a Postiz deployment and show it (the text is
//! `render`'s; `refresh`, `adopt` and `restore` are in `repair`).

use std::time::Duration;

use crate::cli::{DeploymentArgs, PostizCommand};
use crate::error::{Error, ExitCode};
use crate::postiz::follow::{self, Follow};
use crate::postiz::locate;
use crate::postiz::status::{Status, StatusOptions};
use crate::postiz::{self};
use crate::secret::ExposeOption;

use super::Context;

mod render;
mod render_engine;
mod render_refresh;
mod repair;

pub fn run(ctx: &Context, command: &PostizCommand) -> Result<ExitCode, Error> {
    match command {
        PostizCommand::Status {
            deployment,
            org,
            all,
        } => status(ctx, deployment, org.as_deref(), *all),
        PostizCommand::Watch {
            deployment,
            org,
            timeout,
            grace,
            interval,
            ..
        } => watch(ctx, deployment, org.as_deref(), *timeout, *grace, *interval),
        PostizCommand::Refresh {
            ids,
            deployment,
            client_id,
            client_secret,
            sandbox_at,
            dry_run,
        } => repair::refresh(
            ctx,
            &repair::RefreshArgs {
                ids,
                deployment: &target(deployment),
                client_id: client_id.as_deref(),
                client_secret: client_secret.expose_str(),
                sandbox_at: sandbox_at.url.as_deref(),
                dry_run: *dry_run,
            },
        ),
        PostizCommand::Adopt {
            channel,
            org,
            deployment,
            dry_run,
            replace_tokens,
        } => repair::adopt(
            ctx,
            &repair::AdoptArgs {
                channel,
                org,
                deployment: &target(deployment),
                dry_run: *dry_run,
                replace_tokens: *replace_tokens,
            },
        ),
        PostizCommand::Restore {
            file,
            deployment,
            dry_run,
        } => repair::restore(
            ctx,
            &repair::RestoreArgs {
                file,
                deployment: &target(deployment),
                dry_run: *dry_run,
            },
        ),
    }
}

/// The deployment the flags name, as the postiz service takes it.
fn target(args: &DeploymentArgs) -> locate::Target<'_> {
    locate::Target {
        env_file: args.env_file.path.as_deref(),
        database_url: args.database_url.as_deref(),
        redis_url: args.redis_url.as_deref(),
        temporal_address: args.temporal_address.as_deref(),
        connect_timeout: args.connect_timeout,
    }
}

fn status(
    ctx: &Context,
    args: &DeploymentArgs,
    org: Option<&str>,
    all: bool,
) -> Result<ExitCode, Error> {
    let local = ctx.store.list().map(|l| l.channels).unwrap_or_default();
    let mut status = Status::open(StatusOptions {
        target: target(args),
        org,
        local: &local,
    })?;
    let (database, redis) = (status.database(), status.redis());
    let out = ctx.ui.out.stdout_writer();
    let written = if ctx.ui.json {
        let mut sink = render::StatusJson::new(out, &database, redis.as_deref());
        status.channels(&ctx.catalog, &mut sink).and_then(|report| {
            // The channels are on stdout already: an engine read that fails still closes
            // the document (its error under "engine"), then fails the command as usual.
            let engine = status.engine();
            let value = match &engine {
                Ok(engine) => serde_json::to_value(engine).expect("engine report serializes"),
                Err(e) => serde_json::json!({ "error": crate::ui::error_json(e) }),
            };
            sink.finish(&report, &[("engine", value)])?;
            Ok((report, engine?))
        })
    } else {
        let mut sink = render::StatusText::new(out, ctx.ui.quiet, all, &database, redis.as_deref());
        status.channels(&ctx.catalog, &mut sink).and_then(|report| {
            let engine = status.engine()?;
            sink.finish(&report)?;
            ctx.ui
                .data(render_engine::section(engine.as_ref(), ctx.ui.quiet));
            Ok((report, engine))
        })
    };
    match written {
        Ok((report, engine)) => Ok(postiz::status::exit_code(&report, engine.as_ref())),
        // The reader went away (`| head`): nothing more to say.
        Err(Error::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::Ok),
        Err(e) => Err(e),
    }
}

fn watch(
    ctx: &Context,
    args: &DeploymentArgs,
    org: Option<&str>,
    timeout: Option<Duration>,
    grace: Duration,
    interval: Duration,
) -> Result<ExitCode, Error> {
    let watch = Follow {
        org,
        timeout,
        grace,
        interval,
    };
    let failed = follow::follow(&ctx.catalog, &target(args), &watch, &mut |progress| {
        render::progress(&ctx.ui, progress)
    })?;
    Ok(if failed {
        ExitCode::Failure
    } else {
        ExitCode::Ok
    })
}
