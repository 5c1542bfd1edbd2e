//! `postiz-connect postiz status|watch`: read a Postiz deployment and show it (`refresh` and
//! `adopt` are in `repair`).

use std::time::{Duration, Instant};

use chrono::Utc;
use console::Style;

use crate::cli::{DeploymentArgs, PostizCommand};
use crate::error::{Error, ExitCode};
use crate::interrupt;
use crate::postiz::health::Severity;
use crate::postiz::locate::{self, Deployment};
use crate::postiz::report::{self, ChannelReport, Report};
use crate::postiz::watch::{Event, Observation, Watcher};
use crate::postiz::{self, model::ChannelRow};
use crate::providers::EnvFile;
use crate::ui::Styled;

use super::Context;

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
                deployment,
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
                deployment,
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
                deployment,
                dry_run: *dry_run,
            },
        ),
    }
}

fn locate_from(args: &DeploymentArgs) -> Result<Deployment, Error> {
    let env_file = EnvFile::read_if_given(args.env_file.as_deref())?;
    Ok(locate::locate(
        args.database_url.as_deref(),
        args.redis_url.as_deref(),
        env_file.as_ref(),
        &|name| std::env::var(name).ok(),
    ))
}

fn status(ctx: &Context, args: &DeploymentArgs, org: Option<&str>) -> Result<ExitCode, Error> {
    let deployment = locate_from(args)?;
    let mut opened = postiz::open(&deployment, args.connect_timeout)?;
    let report = report::read(&mut opened, &deployment, &ctx.catalog, org)?;
    if ctx.ui.json {
        ctx.ui
            .json_data(&serde_json::to_value(&report).expect("report serializes"));
    } else {
        ctx.ui.data(render(&report, ctx.ui.quiet));
    }
    Ok(if report.has_problem() {
        ExitCode::Failure
    } else {
        ExitCode::Ok
    })
}

/// Token expiry for people; Postiz records about 31.7 years when the provider gave none.
fn expiry_words(c: &ChannelReport) -> String {
    let now = Utc::now();
    match c.token_expiration {
        None => "no expiry recorded".into(),
        Some(at) if at - now > chrono::Duration::days(3650) => {
            "token without expiry (Postiz records ~31.7 years)".into()
        }
        Some(at) => format!("token {}", crate::ui::expiry(at, now)),
    }
}

fn render(report: &Report, quiet: bool) -> Styled {
    let bold = Style::new().bold();
    let dim = Style::new().dim();
    let mut text = Styled::new();
    if !quiet {
        text.styled("Postiz database: ", &dim)
            .text(&report.database)
            .newline();
        text.styled("Postiz Redis:    ", &dim)
            .text(
                report
                    .redis
                    .as_deref()
                    .unwrap_or("(none: REDIS_URL not set)"),
            )
            .newline()
            .newline();
    }
    if report.organizations.is_empty() {
        text.text("No organizations.").newline().newline();
    }
    for org in &report.organizations {
        text.styled(&org.name, &Style::new().bold().underlined())
            .text(" ")
            .styled(
                &format!("({}{})", org.id, if org.deleted { ", deleted" } else { "" }),
                &dim,
            )
            .newline();
        if org.channels.is_empty() {
            text.text("  no channels").newline();
        }
        for c in &org.channels {
            if quiet && c.issues.is_empty() {
                continue;
            }
            let (mark, with) = match c.worst() {
                None => ("✓", Style::new().green()),
                Some(Severity::Warning) => ("!", Style::new().yellow().bold()),
                Some(Severity::Problem) => ("✗", Style::new().red().bold()),
            };
            text.text("  ")
                .styled(mark, &with)
                .text(" ")
                .styled(&c.provider, &bold)
                .text("  ")
                .text(&c.name);
            if let Some(handle) = c.handle.as_deref().filter(|h| !h.is_empty()) {
                text.text(&format!(" (@{})", handle.trim_start_matches('@')));
            }
            text.newline();
            text.text("      ")
                .styled(
                    &format!(
                        "internal id {}  row {}  {}",
                        c.internal_id,
                        c.id,
                        expiry_words(c)
                    ),
                    &dim,
                )
                .newline();
            if c.issues.is_empty() {
                text.text("      healthy").newline();
            }
            for issue in &c.issues {
                text.text("      ")
                    .styled(&issue.title, &with_severity(issue.severity))
                    .newline();
                if let Some(detail) = &issue.detail {
                    text.text("        ").text(detail).newline();
                }
                text.text("        ")
                    .styled("fix:", &bold)
                    .text(" ")
                    .text(&issue.fix)
                    .newline();
            }
        }
        text.newline();
    }

    text.styled("Connects in progress", &Style::new().bold().underlined())
        .styled(" (Postiz's Redis)", &dim)
        .newline();
    if let Some(note) = &report.connects_note {
        text.text("  ").text(note).newline();
    }
    for c in report.connects.iter().flatten() {
        let org = c
            .organization
            .clone()
            .or_else(|| c.organization_id.clone())
            .unwrap_or_else(|| "(organization key gone)".into());
        let age = c
            .age_seconds
            .map(|s| format!("started {} ago", span(s)))
            .unwrap_or_else(|| "no expiry set".into());
        text.text("  ")
            .styled(
                if c.status == "waiting" {
                    "waiting "
                } else {
                    "consumed"
                },
                &bold,
            )
            .text(&format!("  {}  {org}  {age}", c.state_prefix));
        if let Some(left) = c.expires_in_seconds {
            text.text(&format!(", expires in {}", span(left)));
        }
        if let Some(internal) = &c.reconnect {
            text.text(&format!(
                ", reconnecting {}",
                c.reconnect_channel
                    .as_ref()
                    .map(|n| format!("\"{n}\" (internal id {internal})"))
                    .unwrap_or_else(|| format!("internal id {internal}"))
            ));
        }
        text.newline();
        if c.status == "waiting" {
            text.text("            ")
                .styled(
                    "waiting for the provider to send the browser back to Postiz",
                    &dim,
                )
                .newline();
        } else {
            text.text("            ")
                .styled(
                    "the callback reached Postiz (state used up; a retry of that page says \"Invalid state\")",
                    &dim,
                )
                .newline();
        }
    }
    let s = &report.summary;
    text.newline().text(&format!(
        "{} channel(s): {} healthy, {} with warnings, {} with problems; {} connect(s) waiting, {} consumed in the last hour",
        s.channels, s.healthy, s.warnings, s.problems, s.connects_waiting, s.connects_consumed
    ));
    text
}

fn with_severity(severity: Severity) -> Style {
    match severity {
        Severity::Problem => Style::new().red(),
        Severity::Warning => Style::new().yellow(),
    }
}

/// "2m", "1h 5m", "40s".
fn span(secs: i64) -> String {
    let secs = secs.max(0) as u64;
    let rounded = if secs >= 120 { secs / 60 * 60 } else { secs };
    humantime::format_duration(Duration::from_secs(rounded)).to_string()
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
                ctx.ui.data(event_line(&event, obs.at));
            }
        }
    }
}

fn event_line(event: &Event, at: chrono::DateTime<Utc>) -> Styled {
    let mut text = Styled::new();
    text.styled(&at.format("%H:%M:%S").to_string(), &Style::new().dim())
        .text("  ");
    let good = Style::new().green();
    let bad = Style::new().red().bold();
    let org = |o: &Option<String>| o.as_ref().map(|o| format!(" in {o}")).unwrap_or_default();
    match event {
        Event::StateCreated {
            state,
            organization,
            reconnect,
            reconnect_channel,
            expires_in_seconds,
        } => {
            text.styled("• state created", &Style::new().cyan())
                .text(&format!(" {state}{}", org(organization)));
            if let Some(internal) = reconnect {
                text.text(&format!(
                    ", reconnecting {}",
                    reconnect_channel
                        .as_ref()
                        .map(|n| format!("\"{n}\" (internal id {internal})"))
                        .unwrap_or_else(|| format!("internal id {internal}"))
                ));
            }
            if let Some(left) = expires_in_seconds {
                text.text(&format!("; valid for {}", span(*left)));
            }
        }
        Event::StateConsumed {
            state,
            organization,
            after_seconds,
        } => {
            text.styled("• state consumed", &Style::new().cyan())
                .text(&format!(
                    " {state}{} after {}: the callback reached Postiz, exchanging the code",
                    org(organization),
                    span(*after_seconds)
                ));
        }
        Event::ChannelWritten {
            new,
            name,
            provider,
            organization,
            internal_id,
            waiting_for_page,
            state,
            ..
        } => {
            text.styled(
                if *new {
                    "✓ channel row created"
                } else {
                    "✓ channel row updated"
                },
                &good,
            )
            .text(&format!(
                ": {provider} \"{name}\" (internal id {internal_id}) in {organization}"
            ));
            if let Some(state) = state {
                text.text(&format!(", finishing {state}"));
            }
            if *waiting_for_page {
                text.text("; waiting for the page choice in Postiz");
            }
        }
        Event::PageChosen {
            name,
            provider,
            internal_id,
            ..
        } => {
            text.styled("✓ page chosen", &good).text(&format!(
                ": {provider} \"{name}\" (internal id {internal_id})"
            ));
        }
        Event::ChannelRemoved { name, provider, .. } => {
            text.styled("• channel removed", &Style::new().cyan())
                .text(&format!(": {provider} \"{name}\""));
        }
        Event::ExchangeFailed {
            state,
            organization,
            waited_seconds,
            advice,
        } => {
            text.styled("✗ token exchange failed", &bad)
                .text(&format!(
                    " for {state}{}: no channel row {} after the state was consumed",
                    org(organization),
                    span(*waited_seconds)
                ))
                .newline()
                .text("          ")
                .text(advice);
        }
        Event::Expired {
            state,
            organization,
            advice,
        } => {
            text.styled("✗ state expired unused", &bad)
                .text(&format!(" {state}{}", org(organization)))
                .newline()
                .text("          ")
                .text(advice);
        }
        Event::Vanished {
            state,
            organization,
            advice,
            ..
        } => {
            text.styled("✗ state vanished", &bad)
                .text(&format!(" {state}{}", org(organization)))
                .newline()
                .text("          ")
                .text(advice);
        }
    }
    text
}
