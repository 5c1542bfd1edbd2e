//! How `postiz status` and `postiz watch` show what the postiz service read: text for
//! people (`--json` prints the service's data as it is).

use std::time::Duration;

use chrono::Utc;
use console::Style;

use crate::postiz::health::Severity;
use crate::postiz::report::{ChannelReport, Report};
use crate::postiz::watch::Event;
use crate::ui::Styled;

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

/// What `postiz status` prints: each organization's channels with their issues and fixes,
/// the connects in progress, a summary.
pub(super) fn report(report: &Report, quiet: bool) -> Styled {
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
            .newline();
        if let Some(why) = &report.redis_unreachable {
            text.styled("  unreachable: ", &Style::new().red().bold())
                .text(why)
                .newline();
        }
        text.newline();
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
            if let Some(local) = &c.local {
                text.text("      ")
                    .styled(
                        &if local.handed_here {
                            format!(
                                "handed to Postiz from this tool's channel {}",
                                local.channel
                            )
                        } else {
                            format!(
                                "this tool also holds the account: channel {}",
                                local.channel
                            )
                        },
                        &dim,
                    )
                    .newline();
            }
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

/// One line (two for a failure, with its advice) of `postiz watch`.
pub(super) fn event(event: &Event, at: chrono::DateTime<Utc>) -> Styled {
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
        Event::RefreshWorkflowStarted {
            name,
            provider,
            workflow_id,
            task_queue,
            ..
        } => {
            text.styled("✓ refresh workflow started", &good)
                .text(&format!(
                ": {workflow_id} (refreshTokenWorkflow on {task_queue}) for {provider} \"{name}\""
            ));
        }
        Event::RefreshWorkflowMissing {
            name,
            provider,
            workflow_id,
            advice,
            ..
        } => {
            text.styled("✗ no refresh workflow", &bad)
                .text(&format!(" {workflow_id} for {provider} \"{name}\""))
                .newline()
                .text("          ")
                .text(advice);
        }
        Event::RefreshWorkflowUnknown {
            name,
            provider,
            workflow_id,
            advice,
            ..
        } => {
            text.styled("! refresh workflow not checked", &Style::new().yellow())
                .text(&format!(" {workflow_id} for {provider} \"{name}\""))
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
