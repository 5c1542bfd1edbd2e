//! Everything the terminal sees: styled progress on stderr, data on stdout, errors with
//! their cause and fix. Honours `NO_COLOR`, non-TTY output, `-q` and `--json`.

use std::io::{IsTerminal, Write};
use std::time::Duration;

use console::style;
use indicatif::{ProgressBar, ProgressStyle};

use chrono::{DateTime, Utc};

use crate::error::Error;

#[derive(Debug, Clone, Copy, Default)]
pub struct Ui {
    pub json: bool,
    pub quiet: bool,
    pub verbose: u8,
}

impl Ui {
    pub fn new(json: bool, quiet: bool, verbose: u8) -> Ui {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            console::set_colors_enabled(false);
            console::set_colors_enabled_stderr(false);
        }
        Ui {
            json,
            quiet,
            verbose,
        }
    }

    /// Progress and notes go to stderr, unless quiet.
    fn note(&self, line: String) {
        if !self.quiet {
            eprintln!("{line}");
        }
    }

    /// A person is there to answer: stdin and stderr are terminals.
    pub fn can_prompt(&self) -> bool {
        std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
    }

    /// A numbered choice on stderr, answered on stdin; asks again until valid. Ctrl-C
    /// (caught by the tool's handler) or end of input cancels it.
    pub fn select(&self, question: &str, items: &[String]) -> Result<usize, Error> {
        let term = console::Term::stderr();
        term.write_line(&format!("{} {question}", style("?").cyan().bold()))?;
        for (i, item) in items.iter().enumerate() {
            term.write_line(&format!("  {:>2}) {item}", i + 1))?;
        }
        // Lines are read on their own thread, so Ctrl-C is noticed while waiting.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || loop {
            let mut line = String::new();
            let read = std::io::stdin().read_line(&mut line);
            let done = !matches!(read, Ok(n) if n > 0);
            if tx.send((!done).then_some(line)).is_err() || done {
                return;
            }
        });
        loop {
            term.write_str(&format!("Number (1-{}): ", items.len()))?;
            let line = loop {
                if crate::interrupt::requested() {
                    return Err(Error::Cancelled);
                }
                match rx.recv_timeout(Duration::from_millis(200)) {
                    Ok(Some(line)) => break line,
                    Ok(None) | Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                        return Err(Error::Cancelled)
                    }
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                }
            };
            match line.trim().parse::<usize>() {
                Ok(n) if (1..=items.len()).contains(&n) => return Ok(n - 1),
                _ => term.write_line(&format!("'{}' is not one of the numbers", line.trim()))?,
            }
        }
    }

    pub fn step(&self, msg: impl AsRef<str>) {
        self.note(format!("{} {}", style("✓").green(), msg.as_ref()));
    }

    pub fn info(&self, msg: impl AsRef<str>) {
        self.note(format!("{} {}", style("•").cyan(), msg.as_ref()));
    }

    /// Warnings show even with -q: they are about the user's data.
    pub fn warn(&self, msg: impl AsRef<str>) {
        eprintln!("{} {}", style("!").yellow().bold(), msg.as_ref());
    }

    /// Always shown: the user must act on it (a URL to open, a prompt).
    pub fn action(&self, msg: impl AsRef<str>) {
        eprintln!("{}", msg.as_ref());
    }

    /// Debug detail, only with -v.
    pub fn debug(&self, msg: impl AsRef<str>) {
        if self.verbose > 0 {
            eprintln!("{} {}", style("debug:").dim(), msg.as_ref());
        }
    }

    /// Data for scripts: stdout.
    pub fn data(&self, text: impl AsRef<str>) {
        let mut out = std::io::stdout().lock();
        // A closed pipe (`| head`) is not an error worth a panic.
        let _ = writeln!(out, "{}", text.as_ref());
    }

    pub fn json_data(&self, value: &serde_json::Value) {
        self.data(serde_json::to_string_pretty(value).expect("JSON serializes"));
    }

    /// A spinner on stderr, only on a TTY and when not quiet.
    pub fn spinner(&self, msg: impl Into<String>) -> Option<ProgressBar> {
        if self.quiet || self.json || !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {elapsed}").expect("valid template"),
        );
        bar.set_message(msg.into());
        bar.enable_steady_tick(Duration::from_millis(100));
        Some(bar)
    }

    pub fn error(&self, err: &Error) {
        if self.json {
            eprintln!("{}", serde_json::json!({ "error": error_json(err) }));
            return;
        }
        eprintln!("{} {}", style("error:").red().bold(), err);
        if let Some(cause) = err.cause() {
            eprintln!("  {} {}", style("cause:").bold(), cause);
        }
        if let Some(fix) = err.fix() {
            eprintln!("  {} {}", style("fix:").bold(), fix);
        }
    }
}

/// An error as `--json` output shows it.
pub fn error_json(err: &Error) -> serde_json::Value {
    serde_json::json!({
        "kind": err.kind(),
        "message": err.to_string(),
        "provider_error": err.provider_code(),
        "cause": err.cause(),
        "fix": err.fix(),
        "exit_code": err.exit_code() as i32,
    })
}

pub fn bold(s: &str) -> String {
    style(s).bold().to_string()
}

/// A moment for people, to the second: "2026-11-23 15:03:40 UTC".
pub fn moment(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// "expires in 1h 59m (…)", "expired 3m ago (…)", to the minute.
pub fn expiry(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (at - now).num_seconds();
    let span = if secs.abs() < 60 {
        "under a minute".to_string()
    } else {
        let minutes = (secs.unsigned_abs() + 30) / 60;
        humantime::format_duration(Duration::from_secs(minutes * 60)).to_string()
    };
    if secs > 0 {
        format!("expires in {span} ({})", moment(at))
    } else {
        format!("expired {span} ago ({})", moment(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn expiry_reads_to_the_minute_with_the_moment() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 13, 0, 0).unwrap();
        let at = |secs: i64| now + chrono::Duration::seconds(secs);
        assert_eq!(
            expiry(at(7199), now),
            "expires in 2h (2026-11-23 14:59:59 UTC)"
        );
        assert_eq!(
            expiry(at(3 * 60 + 10), now),
            "expires in 3m (2026-11-23 13:03:10 UTC)"
        );
        assert_eq!(
            expiry(at(20), now),
            "expires in under a minute (2026-11-23 13:00:20 UTC)"
        );
        assert_eq!(
            expiry(at(-90), now),
            "expired 2m ago (2026-11-23 12:58:30 UTC)"
        );
    }
}
