//! How `postiz status` shows Postiz's engine (Temporal): its own section, after the
//! channels and connects.

use chrono::Utc;
use console::Style;

use crate::commands::findings::{self, Layout};
use crate::postiz::engine::EngineReport;
use crate::ui::Styled;

/// The engine section; `None` (Temporal left alone) says so in one line.
pub(super) fn section(engine: Option<&EngineReport>, quiet: bool) -> Styled {
    let bold = Style::new().bold();
    let dim = Style::new().dim();
    let now = Utc::now();
    let mut text = Styled::new();
    text.newline()
        .styled("Postiz's engine", &Style::new().bold().underlined())
        .styled(" (Temporal)", &dim)
        .newline();
    let Some(engine) = engine else {
        text.text("  not read (--temporal-address none)");
        return text;
    };
    text.styled("  Temporal: ", &dim)
        .text(&engine.temporal)
        .newline();
    let layout = Layout {
        indent: 2,
        mark: true,
        ..Layout::default()
    };
    if let Some(not_read) = engine.not_read() {
        findings::finding(&mut text, &not_read, layout);
        text.text(
            "  This report is incomplete: the workers, the refresh workflows and the posts \
             waiting in Temporal were not checked.",
        );
        return text;
    }
    if !quiet {
        for q in &engine.queues {
            let pollers = if q.pollers.is_empty() {
                "no poller".to_string()
            } else {
                q.pollers
                    .iter()
                    .map(|p| {
                        format!(
                            "{} (last poll {})",
                            p.identity,
                            p.last_poll
                                .map(|at| crate::ui::relative(at, now))
                                .unwrap_or_else(|| "unknown".into())
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            text.text("  ")
                .styled(&format!("queue {}", q.name), &bold)
                .text(&format!(
                    " ({}{}): {pollers}",
                    if q.providers.is_empty() {
                        "workflows".to_string()
                    } else {
                        format!("{} activities", q.providers.join(", "))
                    },
                    if q.excluded { ", in EXCLUDE_QUEUE" } else { "" }
                ));
            if let Some(backlog) = q.backlog {
                text.text(&format!("; backlog {backlog}"));
            }
            text.newline();
        }
        for r in &engine.refresh_workflows {
            text.text("  ")
                .styled(&r.workflow_id, &bold)
                .text(&format!(" ({} \"{}\"): ", r.provider, r.channel));
            match r.status.as_str() {
                "running" => {
                    text.text("running");
                    if let Some(at) = r.wakes_at {
                        text.text(&format!(", wakes {}", crate::ui::relative(at, now)));
                    }
                }
                "not_expected" => {
                    text.text("not expected (the channel needs reconnecting first)");
                }
                "missing" => {
                    text.styled("not running", &Style::new().red());
                }
                closed => {
                    text.styled(&format!("not running ({closed})"), &Style::new().red());
                }
            }
            text.newline();
        }
        match engine.missing_post_sweep_running {
            Some(true) => text
                .text("  missing-post-workflow sweep: running")
                .newline(),
            Some(false) => text
                .text("  missing-post-workflow sweep: ")
                .styled("not running", &Style::new().yellow())
                .newline(),
            None => &mut text,
        };
    }
    if !engine.overdue_posts.is_empty() {
        text.text("  ")
            .styled("posts due with no workflow:", &bold)
            .newline();
        for p in &engine.overdue_posts {
            text.text(&format!(
                "    post {}  {} \"{}\" (row {})  due {}  workflow {}{}",
                p.id,
                p.provider,
                p.channel,
                p.row_id,
                crate::ui::relative(p.due, now),
                p.workflow,
                if p.channel_flagged {
                    "  (channel flagged)"
                } else {
                    ""
                }
            ))
            .newline();
        }
    }
    if engine.issues.is_empty() {
        text.text("  ")
            .styled("✓", &Style::new().green())
            .text(" healthy: a worker polls main, every refresh workflow runs, no post is stuck");
        return text;
    }
    for issue in &engine.issues {
        findings::finding(&mut text, issue, layout);
    }
    text.text(&format!("  engine: {}", findings::counts(&engine.issues)));
    text
}
