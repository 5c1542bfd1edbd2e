//! How `postiz status` and `postiz watch` show what the postiz service read: text for
//! people (`--json` prints the service's data as it is). `postiz status` is written as
//! its channels are read, text and JSON alike: the memory of a channel, not of the
//! deployment.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::time::Duration;

use chrono::Utc;
use console::Style;

use crate::commands::findings::{self, Layout};
use crate::model::Severity;
use crate::postiz::follow::Progress;
use crate::postiz::model::Organization;
use crate::postiz::report::{ChannelReport, Report, Sink};
use crate::postiz::watch::Event;
use crate::ui::{Styled, TerminalText, Ui};

/// What `postiz watch` reports as it goes: its events on stdout (one JSON line each with
/// `--json`), how it starts and ends on stderr.
pub(super) fn progress(ui: &Ui, progress: Progress<'_>) {
    match progress {
        Progress::NoRedis => ui.warn(
            "Postiz runs without Redis here (no REDIS_URL in the .env, the flags or the \
             environment): it keeps connect state in its own memory, so no connect can be \
             traced, only channel rows. Set REDIS_URL for Postiz (and give it here) to see \
             connects; without it, \"Invalid state\" follows as soon as two processes serve \
             Postiz",
        ),
        Progress::Started {
            database,
            channels,
            waiting,
            timeout,
        } => ui.info(format!(
            "watching {database} ({channels} channel(s){}); start a connect in Postiz (Add Channel). {}",
            match waiting {
                Some((count, redis)) => {
                    format!(", {count} connect(s) already waiting, Redis {redis}")
                }
                None => String::new(),
            },
            match timeout {
                Some(t) => format!(
                    "Stops after {} or at Ctrl-C.",
                    humantime::format_duration(t)
                ),
                None => "Ctrl-C ends.".into(),
            }
        )),
        Progress::Event(event, at) if ui.json => {
            let mut value = serde_json::to_value(event).expect("event serializes");
            value["at"] = serde_json::Value::String(at.to_rfc3339());
            ui.json_line(&value);
        }
        Progress::Event(event, at) => ui.data(self::event(event, at)),
        Progress::Unjudged { connects, grace } => ui.warn(format!(
            "stopped before judging {} connect(s) ({}): Postiz took the state, and the watch ended before a channel row was written or the grace period ({}) was over; watch longer (a larger --stop-after), or see postiz status",
            connects.len(),
            connects.join(", "),
            humantime::format_duration(grace)
        )),
        Progress::Stopped { failed } => ui.info(if failed {
            "stopped; a connect failed (see above)"
        } else {
            "stopped"
        }),
    }
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

/// Up to this many channels, `postiz status` lists every one, healthy ones included: a
/// team's own Postiz (a few dozen channels) fits in a screen or two and the list says what
/// is connected. Above, it lists the channels with a problem or a warning and counts the
/// healthy ones per organization and provider (`--all` lists them too).
pub(super) const LIST_ALL_UP_TO: usize = 30;

/// `postiz status` in text: the channels written as they are read, an organization at a
/// time; then the connects in progress and the summary ([`StatusText::finish`]).
pub(super) struct StatusText<'a, W: Write> {
    out: W,
    quiet: bool,
    database: &'a str,
    redis: Option<&'a str>,
    /// Every channel is listed: `--all`, or no more than [`LIST_ALL_UP_TO`]. `None` until
    /// that is known: what came meanwhile waits in `pending`.
    list_all: Option<bool>,
    pending: Vec<Pending>,
    pending_channels: usize,
    started: bool,
    organizations: usize,
    /// The organization being written: its text, its channel count, its healthy channels
    /// by provider (when they are counted, not listed).
    block: Styled,
    channels: usize,
    healthy: BTreeMap<String, usize>,
}

enum Pending {
    Organization(Organization),
    Channel(ChannelReport),
    End,
}

impl<'a, W: Write> StatusText<'a, W> {
    pub(super) fn new(
        out: W,
        quiet: bool,
        all: bool,
        database: &'a str,
        redis: Option<&'a str>,
    ) -> StatusText<'a, W> {
        StatusText {
            out,
            quiet,
            database,
            redis,
            list_all: all.then_some(true),
            pending: Vec::new(),
            pending_channels: 0,
            started: false,
            organizations: 0,
            block: Styled::new(),
            channels: 0,
            healthy: BTreeMap::new(),
        }
    }

    fn write(&mut self, text: &Styled) -> io::Result<()> {
        if !self.started {
            self.started = true;
            if !self.quiet {
                let dim = Style::new().dim();
                let mut head = Styled::new();
                head.styled("Postiz database: ", &dim)
                    .text(self.database)
                    .newline();
                head.styled("Postiz Redis:    ", &dim)
                    .text(self.redis.unwrap_or("(none: REDIS_URL not set)"))
                    .newline()
                    .newline();
                self.out.write_all(head.terminal_text().as_bytes())?;
            }
        }
        self.out.write_all(text.terminal_text().as_bytes())
    }

    /// Whether every channel is listed is now known: what waited is written.
    fn decide(&mut self, list_all: bool) -> io::Result<()> {
        self.list_all = Some(list_all);
        for item in std::mem::take(&mut self.pending) {
            match item {
                Pending::Organization(org) => self.begin(&org),
                Pending::Channel(c) => self.add(c),
                Pending::End => self.end()?,
            }
        }
        Ok(())
    }

    fn begin(&mut self, org: &Organization) {
        self.organizations += 1;
        self.channels = 0;
        self.healthy.clear();
        self.block = Styled::new();
        self.block
            .styled(&org.name, &Style::new().bold().underlined())
            .text(" ")
            .styled(
                &format!("({}{})", org.id, if org.deleted { ", deleted" } else { "" }),
                &Style::new().dim(),
            )
            .newline();
    }

    fn add(&mut self, c: ChannelReport) {
        self.channels += 1;
        if c.issues.is_empty() {
            if self.quiet {
                return;
            }
            if self.list_all == Some(false) {
                *self.healthy.entry(c.provider).or_default() += 1;
                return;
            }
        }
        channel(&mut self.block, &c);
    }

    fn end(&mut self) -> io::Result<()> {
        let mut block = std::mem::take(&mut self.block);
        if self.channels == 0 {
            block.text("  no channels").newline();
        }
        if !self.healthy.is_empty() {
            let count: usize = self.healthy.values().sum();
            let by_provider: Vec<String> = self
                .healthy
                .iter()
                .map(|(provider, n)| format!("{provider} {n}"))
                .collect();
            block
                .text("  ")
                .styled("✓", &Style::new().green())
                .text(&format!(
                    " {count} healthy, not listed: {}",
                    by_provider.join(", ")
                ))
                .newline();
        }
        block.newline();
        self.write(&block)
    }

    /// The connects in progress and the summary, after the channels.
    pub(super) fn finish(mut self, report: &Report) -> io::Result<()> {
        if self.list_all.is_none() {
            self.decide(true)?;
        }
        let mut text = Styled::new();
        if self.organizations == 0 {
            text.text("No organizations.").newline().newline();
        }
        connects(&mut text, report);
        if self.list_all == Some(false) && !self.quiet {
            text.newline().styled(
                &format!(
                    "More than {LIST_ALL_UP_TO} channels: the healthy ones are counted, not \
                     listed (--all lists them, --json has them all)."
                ),
                &Style::new().dim(),
            );
        }
        let s = &report.summary;
        text.newline().text(&format!(
            "{} channel(s): {} healthy, {} with warnings, {} with problems; {} connect(s) waiting, {} consumed in the last hour",
            s.channels, s.healthy, s.warnings, s.problems, s.connects_waiting, s.connects_consumed
        )).newline();
        self.write(&text)?;
        self.out.flush()
    }
}

impl<W: Write> Sink for StatusText<'_, W> {
    fn organization(&mut self, org: &Organization) -> io::Result<()> {
        match self.list_all {
            Some(_) => self.begin(org),
            None => self.pending.push(Pending::Organization(org.clone())),
        }
        Ok(())
    }

    fn channel(&mut self, c: ChannelReport) -> io::Result<()> {
        if self.list_all.is_some() {
            self.add(c);
            return Ok(());
        }
        self.pending.push(Pending::Channel(c));
        self.pending_channels += 1;
        if self.pending_channels > LIST_ALL_UP_TO {
            self.decide(false)?;
        }
        Ok(())
    }

    fn end_organization(&mut self) -> io::Result<()> {
        match self.list_all {
            Some(_) => self.end(),
            None => {
                self.pending.push(Pending::End);
                Ok(())
            }
        }
    }
}

/// One channel: provider, name, handle, ids, expiry, then each issue with its fix.
fn channel(text: &mut Styled, c: &ChannelReport) {
    let bold = Style::new().bold();
    let (mark, with) = findings::mark(c.worst().unwrap_or(Severity::Ok));
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
            &Style::new().dim(),
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
                &Style::new().dim(),
            )
            .newline();
    }
    if c.issues.is_empty() {
        text.text("      healthy").newline();
    }
    let layout = Layout {
        indent: 6,
        ..Layout::default()
    };
    for issue in &c.issues {
        findings::finding(text, issue, layout);
    }
}

/// The connects in progress, from Redis.
fn connects(text: &mut Styled, report: &Report) {
    let bold = Style::new().bold();
    let dim = Style::new().dim();
    text.styled("Connects in progress", &Style::new().bold().underlined())
        .styled(" (Postiz's Redis)", &dim)
        .newline();
    if let Some(why) = &report.redis_unreachable {
        text.styled("  unreachable: ", &Style::new().red().bold())
            .text(why)
            .newline();
    }
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
}

/// `postiz status --json`, written as the channels are read: the report's shape
/// (`organizations[].channels[]`, then `connects`, `summary`...), pretty-printed.
pub(super) struct StatusJson<'a, W: Write> {
    out: W,
    database: &'a str,
    redis: Option<&'a str>,
    started: bool,
    organizations: usize,
    channels: usize,
}

impl<'a, W: Write> StatusJson<'a, W> {
    pub(super) fn new(out: W, database: &'a str, redis: Option<&'a str>) -> StatusJson<'a, W> {
        StatusJson {
            out,
            database,
            redis,
            started: false,
            organizations: 0,
            channels: 0,
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            write!(
                self.out,
                "{{\n  \"database\": {},\n  \"redis\": {},\n  \"organizations\": [",
                serde_json::to_string(self.database)?,
                serde_json::to_string(&self.redis)?
            )?;
        }
        Ok(())
    }

    /// `value`, pretty, its lines indented by `pad` spaces.
    fn pretty(&mut self, value: &impl serde::Serialize, pad: usize) -> io::Result<()> {
        let mut indented = Indented {
            out: &mut self.out,
            pad,
        };
        serde_json::to_writer_pretty(&mut indented, value)?;
        Ok(())
    }

    /// The rest of the report after the organizations, and `more` (sections other services
    /// read: the engine), then the end of the document.
    pub(super) fn finish(
        mut self,
        report: &Report,
        more: &[(&str, serde_json::Value)],
    ) -> io::Result<()> {
        self.start()?;
        self.out.write_all(if self.organizations > 0 {
            b"\n  ]"
        } else {
            b"]"
        })?;
        let serde_json::Value::Object(mut rest) = serde_json::to_value(report)? else {
            unreachable!("a report serializes to an object")
        };
        for written in ["database", "redis", "organizations"] {
            rest.remove(written);
        }
        for (key, value) in more {
            rest.insert(key.to_string(), value.clone());
        }
        for (key, value) in rest {
            write!(self.out, ",\n  {}: ", serde_json::to_string(&key)?)?;
            self.pretty(&value, 2)?;
        }
        self.out.write_all(b"\n}\n")?;
        self.out.flush()
    }
}

impl<W: Write> Sink for StatusJson<'_, W> {
    fn organization(&mut self, org: &Organization) -> io::Result<()> {
        self.start()?;
        if self.organizations > 0 {
            self.out.write_all(b",")?;
        }
        self.organizations += 1;
        self.channels = 0;
        write!(
            self.out,
            "\n    {{\n      \"id\": {},\n      \"name\": {},\n      \"deleted\": {},\n      \"channels\": [",
            serde_json::to_string(&org.id)?,
            serde_json::to_string(&org.name)?,
            org.deleted
        )
    }

    fn channel(&mut self, c: ChannelReport) -> io::Result<()> {
        self.out.write_all(if self.channels > 0 {
            b",\n        "
        } else {
            b"\n        "
        })?;
        self.channels += 1;
        self.pretty(&c, 8)
    }

    fn end_organization(&mut self) -> io::Result<()> {
        self.out.write_all(if self.channels > 0 {
            b"\n      ]\n    }"
        } else {
            b"]\n    }"
        })
    }
}

/// A writer that indents every line after the first by `pad` spaces (JSON strings hold no
/// raw newline, so only the layout's own lines are indented).
struct Indented<'w, W: Write> {
    out: &'w mut W,
    pad: usize,
}

impl<W: Write> Write for Indented<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        const SPACES: [u8; 16] = [b' '; 16];
        for (i, line) in buf.split(|b| *b == b'\n').enumerate() {
            if i > 0 {
                self.out.write_all(b"\n")?;
                self.out.write_all(&SPACES[..self.pad.min(SPACES.len())])?;
            }
            self.out.write_all(line)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use console::strip_ansi_codes;

    /// `postiz watch` as it goes, captured: how it starts and ends on stderr, its events
    /// on stdout (one JSON line each with `--json`, the observation's time under "at").
    #[test]
    fn watch_progress_reads_on_stderr_and_its_events_on_stdout() {
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 13, 0, 0).unwrap();
        let event = Event::StateConsumed {
            state: "abcdef".into(),
            organization: Some("Acme".into()),
            after_seconds: 12,
        };
        let story = |ui: &Ui| {
            progress(
                ui,
                Progress::Started {
                    database: "postgresql://postiz:***@db/postiz",
                    channels: 3,
                    waiting: Some((1, "redis://db:6379")),
                    timeout: Some(Duration::from_secs(60)),
                },
            );
            progress(ui, Progress::Event(&event, at));
            progress(ui, Progress::Stopped { failed: false });
        };
        let (ui, captured) = Ui::capture();
        story(&ui);
        let err = strip_ansi_codes(&captured.stderr()).into_owned();
        assert_eq!(
            err,
            "• watching postgresql://postiz:***@db/postiz (3 channel(s), 1 connect(s) already waiting, Redis redis://db:6379); start a connect in Postiz (Add Channel). Stops after 1m or at Ctrl-C.\n• stopped\n"
        );
        let out = captured.stdout();
        assert_eq!(out.lines().count(), 1, "{out}");

        let (ui, captured) = Ui::capture();
        story(&Ui { json: true, ..ui });
        let line: serde_json::Value = serde_json::from_str(captured.stdout().trim()).unwrap();
        assert_eq!(line["at"], "2026-11-23T13:00:00+00:00");
        assert_eq!(line["state"], "abcdef");
    }
}
