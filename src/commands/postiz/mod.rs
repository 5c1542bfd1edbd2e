//! `postiz-connect postiz status|watch`: read a Postiz deployment and show it (the text is
//! `render`'s; `refresh`, `adopt` and `restore` are in `repair`).

use std::time::{Duration, Instant};

use chrono::Utc;

use crate::cli::{DeploymentArgs, PostizCommand};
use crate::error::{Error, ExitCode};
use crate::interrupt;
use crate::postiz::locate::{self, Deployment};
use crate::postiz::report::{self};
use crate::postiz::watch::{Observation, Watcher};
use crate::postiz::{self, model::ChannelRow};

use super::Context;

mod render;
mod repair;

pub fn run(ctx: &Context, command: &PostizCommand) -> Result<ExitCode, Error> {
    match command {
        PostizCommand::Status { deployment, org } => status(ctx, deployment, org.as_deref()),
        PostizCommand::Watch {
            deployment,
            org,
            timeout,
            grace,
            interval,
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
                client_secret: client_secret.as_deref(),
                sandbox_at: sandbox_at.as_deref(),
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
        env_file: args.env_file.as_deref(),
        database_url: args.database_url.as_deref(),
        redis_url: args.redis_url.as_deref(),
        connect_timeout: args.connect_timeout,
    }
}

fn locate_from(args: &DeploymentArgs) -> Result<Deployment, Error> {
    Ok(target(args).locate()?.0)
}

fn status(ctx: &Context, args: &DeploymentArgs, org: Option<&str>) -> Result<ExitCode, Error> {
    let deployment = locate_from(args)?;
    let mut opened = postiz::open(&deployment, args.connect_timeout)?;
    let report = report::read(&mut opened, &deployment, &ctx.catalog, org)?;
    if ctx.ui.json {
        ctx.ui
            .json_data(&serde_json::to_value(&report).expect("report serializes"));
    } else {
        ctx.ui.data(render::report(&report, ctx.ui.quiet));
    }
    Ok(if report.has_problem() {
        ExitCode::Failure
    } else {
        ExitCode::Ok
    })
}

fn watch(
    ctx: &Context,
    args: &DeploymentArgs,
    org: Option<&str>,
    timeout: Option<Duration>,
    grace: Duration,
    interval: Duration,
) -> Result<ExitCode, Error> {
    let deployment = locate_from(args)?;
    let mut opened = postiz::open(&deployment, args.connect_timeout)?;
    let (organizations, _) = opened.db.channels()?;
    let org_id = org
        .map(|f| report::find_organization(&organizations, f).map(|o| o.id.clone()))
        .transpose()?;
    if opened.redis.is_none() {
        ctx.ui.warn(
            "Postiz runs without Redis here (no REDIS_URL in the .env, the flags or the \
             environment): it keeps connect state in its own memory, so no connect can be \
             traced, only channel rows. Set REDIS_URL for Postiz (and give it here) to see \
             connects; without it, \"Invalid state\" follows as soon as two processes serve \
             Postiz",
        );
    }
    let env_file = deployment
        .env_file
        .as_ref()
        .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
        .map(|p| p.display().to_string());
    let mut watcher = Watcher::new(grace, env_file);
    let observe = |opened: &mut postiz::Opened| -> Result<Observation, Error> {
        let connects = opened.redis.as_mut().map(|r| r.connects()).transpose()?;
        let (organizations, channels) = opened.db.channels()?;
        let keep = |id: Option<&str>| org_id.is_none() || org_id.as_deref() == id;
        Ok(Observation {
            at: Utc::now(),
            connects: connects.map(|list| {
                list.into_iter()
                    .filter(|c| keep(c.organization_id.as_deref()))
                    .collect()
            }),
            organizations,
            channels: channels
                .into_iter()
                .filter(|c: &ChannelRow| keep(Some(&c.organization_id)))
                .collect(),
        })
    };
    let first = observe(&mut opened)?;
    watcher.observe(&first, &ctx.catalog);
    ctx.ui.info(format!(
        "watching {} ({} channel(s){}); start a connect in Postiz (Add Channel). {}",
        deployment
            .database
            .as_ref()
            .map(|d| d.shown())
            .unwrap_or_default(),
        first.channels.len(),
        match &first.connects {
            Some(_) => format!(
                ", {} connect(s) already waiting, Redis {}",
                watcher.waiting_count(),
                deployment
                    .redis
                    .as_ref()
                    .map(|r| r.shown())
                    .unwrap_or_default()
            ),
            None => String::new(),
        },
        match timeout {
            Some(t) => format!(
                "Stops after {} or at Ctrl-C.",
                humantime::format_duration(t)
            ),
            None => "Ctrl-C ends.".into(),
        }
    ));
    let started = Instant::now();
    let mut failed = false;
    loop {
        let deadline = Instant::now() + interval;
        while Instant::now() < deadline {
            if interrupt::requested() || timeout.is_some_and(|t| started.elapsed() >= t) {
                ctx.ui.info(if failed {
                    "stopped; a connect failed (see above)"
                } else {
                    "stopped"
                });
                return Ok(if failed {
                    ExitCode::Failure
                } else {
                    ExitCode::Ok
                });
            }
            std::thread::sleep(Duration::from_millis(25).min(interval));
        }
        let obs = observe(&mut opened)?;
        for event in watcher.observe(&obs, &ctx.catalog) {
            failed |= event.is_failure();
            if ctx.ui.json {
                let mut value = serde_json::to_value(&event).expect("event serializes");
                value["at"] = serde_json::Value::String(obs.at.to_rfc3339());
                ctx.ui.json_line(&value);
            } else {
                ctx.ui.data(render::event(&event, obs.at));
            }
        }
    }
}
