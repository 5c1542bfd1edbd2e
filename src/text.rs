//! Plain text helpers every layer may use: making outside text safe for a terminal,
//! keeping it on one line, quoting a shell word, and saying a duration in words. No I/O,
//! no styling (that is `ui`), no dependency on the rest of the crate.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::time::Duration;

use chrono::{DateTime, Utc};

/// Whether a character would act on a terminal instead of being shown: C0 controls but
/// `\n` and `\t` (ESC starts CSI/OSC sequences, `\r` overwrites a line), DEL, the C1
/// controls (U+009B is a one-character CSI, ECMA-48 §5.3), and the Unicode bidi and
/// format controls that reorder what is displayed (Trojan Source, CVE-2021-42574;
/// Unicode UAX #9: LRM, RLM, ALM, the embeddings, overrides and isolates).
pub(crate) fn is_terminal_control(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{61c}' | '\u{200e}' | '\u{200f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// `text` with every terminal control escaped visibly: `\x1b` for ASCII ones,
/// `\u{202e}` for the others. Borrowed when there is nothing to escape.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_terminal_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c as u32 {
            _ if !is_terminal_control(c) => out.push(c),
            n @ 0..=0x7f => {
                let _ = write!(out, "\\x{n:02x}");
            }
            n => {
                let _ = write!(out, "\\u{{{n:x}}}");
            }
        }
    }
    Cow::Owned(out)
}

/// The most of a piece of outside text (a provider's error, a database value, a Redis
/// key) shown inside one of the tool's lines.
pub const REMOTE_TEXT_LIMIT: usize = 300;

/// Remote text that goes inside one of the tool's lines (an error description, an account
/// name): on one line, so it cannot fake lines of the tool's own, and at most `max`
/// characters. Control characters are escaped later, by every output function.
pub fn one_line(text: &str, max: usize) -> String {
    // Only the line feed needs replacing here: every other control character (\r
    // included) is escaped visibly by the output functions.
    let flat = text.trim().replace('\n', " ");
    match flat.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

/// `word` as one shell word in a command the user is told to run (channel names come
/// from the provider: `$(...)` in one must not run).
pub fn shell_word(word: &str) -> Cow<'_, str> {
    shlex::try_quote(word).unwrap_or(Cow::Borrowed("''"))
}

/// A span of time for people, in one unit: "59 days", "2 hours", "1 hour", "90 minutes",
/// "30 seconds" (never "1month 29days 13h 26m 24s"). The one formatter of every duration
/// the tool shows: the largest unit that fits twice (a sixtieth of it short counts, so a
/// token issued a second ago still "expires in 2 hours"), or exactly once.
pub fn duration_words(span: Duration) -> String {
    let secs = span.as_secs() + u64::from(span.subsec_millis() >= 500);
    let unit = [(86400, "day"), (3600, "hour"), (60, "minute")]
        .into_iter()
        .find(|(unit, _)| {
            secs >= 2 * unit - unit / 60 || (secs >= *unit && secs.is_multiple_of(*unit))
        });
    let (n, unit) = match unit {
        Some((size, name)) => ((secs + size / 2) / size, name),
        None => (secs, "second"),
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// A moment for people, to the second: "2026-11-23 15:03:40 UTC".
pub fn moment(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// "expires in 2 hours (…)", "expired 3 minutes ago (…)", with the moment to the second.
pub fn expiry(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    if (at - now).num_seconds() > 0 {
        format!("expires {}", relative(at, now))
    } else {
        format!("expired {}", relative(at, now))
    }
}

/// "in 2 hours (…)", "3 minutes ago (…)", with the moment to the second.
pub fn relative(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (at - now).num_seconds();
    let span = if secs.abs() < 60 {
        "under a minute".to_string()
    } else {
        duration_words(Duration::from_secs(secs.unsigned_abs()))
    };
    if secs > 0 {
        format!("in {span} ({})", moment(at))
    } else {
        format!("{span} ago ({})", moment(at))
    }
}
