//! `postiz-connect postiz status|watch`: read a Postiz deployment and show it (the text is
//! `render`'s; `refresh`, `adopt` and `restore` are in `repair`).

use std::time::Duration;

use crate::cli::{DeploymentArgs, PostizCommand};
use crate::error::{Error, ExitCode};
use crate::postiz::engine;
use crate::postiz::follow::{self, Follow};
use crate::postiz::locate;
use crate::postiz::report::{self};
use crate::postiz::{self};
use crate::secret::ExposeOption;

use super::Context;

mod render;
mod render_engine;
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
    let target = target(args);
    let (deployment, env_file) = target.locate()?;
    // A Redis that cannot be reached leaves the database's report standing (exit 5).
    let mut opened = postiz::open_lenient(&deployment, args.connect_timeout)?;
    // The channels this tool stores: a row of the same account can be repaired with them.
    let local = ctx.store.list().map(|l| l.channels).unwrap_or_default();
    let database = deployment
        .database
        .as_ref()
        .map(|d| d.shown())
        .unwrap_or_default();
    let redis = deployment.redis.as_ref().map(|r| r.shown());
    // The engine, of the organization shown when --org names one; read after the channels.
    let engine = |opened: &mut postiz::Opened| -> Result<Option<engine::EngineReport>, Error> {
        let org_id = org
            .map(|f| report::resolve_organization(&mut opened.db, f).map(|o| o.id))
            .transpose()?;
        target
            .temporal(env_file.as_ref())
            .map(|located| {
                engine::read(
                    &located,
                    args.connect_timeout,
                    &mut opened.db,
                    org_id.as_deref(),
                    &engine::repair_flag(&target),
                )
            })
            .transpose()
    };
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = if ctx.ui.json {
        let mut sink = render::StatusJson::new(out, &database, redis.as_deref());
        report::stream(
            &mut opened,
            &deployment,
            &ctx.catalog,
            org,
            &local,
            &mut sink,
        )
        .and_then(|report| {
            // The channels are on stdout already: an engine read that fails still closes
            // the document (its error under "engine"), then fails the command as usual.
            let engine = match engine(&mut opened) {
                Ok(engine) => engine,
                Err(e) => {
                    let value = serde_json::json!({ "error": crate::ui::error_json(&e) });
                    sink.finish(&report, &[("engine", value)])?;
                    return Err(e);
                }
            };
            let value = serde_json::to_value(&engine).expect("engine report serializes");
            sink.finish(&report, &[("engine", value)])?;
            Ok((report, engine))
        })
    } else {
        let mut sink = render::StatusText::new(out, ctx.ui.quiet, all, &database, redis.as_deref());
        report::stream(
            &mut opened,
            &deployment,
            &ctx.catalog,
            org,
            &local,
            &mut sink,
        )
        .and_then(|report| {
            let engine = engine(&mut opened)?;
            sink.finish(&report)?;
            ctx.ui
                .data(render_engine::section(engine.as_ref(), ctx.ui.quiet));
            Ok((report, engine))
        })
    };
    match written {
        Ok((report, engine)) => {
            let mut code =
                if report.has_problem() || engine.as_ref().is_some_and(|e| e.problems() > 0) {
                    ExitCode::Failure
                } else {
                    ExitCode::Ok
                };
            // Redis or Temporal not read: the report is incomplete, whatever else it found.
            if report.redis_unreachable.is_some() || engine.as_ref().is_some_and(|e| e.incomplete())
            {
                code = code.worst(ExitCode::Network);
            }
            Ok(code)
        }
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
    let failed = follow::follow(
        &ctx.ui,
        &ctx.catalog,
        &target(args),
        &watch,
        &mut |event, at| {
            if ctx.ui.json {
                let mut value = serde_json::to_value(event).expect("event serializes");
                value["at"] = serde_json::Value::String(at.to_rfc3339());
                ctx.ui.json_line(&value);
            } else {
                ctx.ui.data(render::event(event, at));
            }
        },
    )?;
    Ok(if failed {
        ExitCode::Failure
    } else {
        ExitCode::Ok
    })
}
