//! How findings look on a terminal, wherever a command lists them (`doctor`'s report,
//! `postiz status`'s channels and engine): an optional mark and the title, then the
//! evidence and the fix two columns under the title. Each field is escaped by [`Styled`]
//! before the tool's styling goes around it: findings quote servers, files and databases.

use console::Style;

use crate::model::diagnosis::{self, Finding, Severity};
use crate::ui::Styled;

/// Where a list of findings sits in its section.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Layout {
    /// Spaces before the first line.
    pub indent: usize,
    /// A mark (✗ ! • ✓) before the title; a channel's issues go without it, under the
    /// channel's own marked line.
    pub mark: bool,
    /// The stable id, dim, after the title (doctor's report, whose ids the docs name).
    pub id: bool,
    /// A passed check shows its evidence too (`-v`).
    pub verbose: bool,
}

/// A severity's mark, and the style of the mark.
pub(crate) fn mark(severity: Severity) -> (&'static str, Style) {
    match severity {
        Severity::Problem => ("✗", Style::new().red().bold()),
        Severity::Warning => ("!", Style::new().yellow().bold()),
        Severity::Info => ("•", Style::new().cyan()),
        Severity::Ok => ("✓", Style::new().green()),
    }
}

/// The style of a title: problems red, warnings yellow, the rest plain.
fn title_style(severity: Severity) -> Style {
    match severity {
        Severity::Problem => Style::new().red(),
        Severity::Warning => Style::new().yellow(),
        Severity::Info | Severity::Ok => Style::new(),
    }
}

/// One finding: its title line, then its evidence (a line each) and its fix, unless it
/// passed (a passed check's evidence only with `verbose`, its fix never).
pub(crate) fn finding(text: &mut Styled, f: &Finding, layout: Layout) {
    let indent = " ".repeat(layout.indent);
    text.text(&indent);
    let mut under = layout.indent + 2;
    if layout.mark {
        let (mark, with) = mark(f.severity);
        text.styled(mark, &with).text(" ");
        under += 2;
    }
    text.styled(&f.title, &title_style(f.severity));
    if layout.id {
        text.text(" ")
            .styled(&format!("[{}]", f.id), &Style::new().dim());
    }
    text.newline();
    let under = " ".repeat(under);
    let passed = f.severity == Severity::Ok;
    if !passed || layout.verbose {
        for line in f.evidence.iter().flat_map(|e| e.lines()) {
            text.text(&under).text(line).newline();
        }
    }
    if let Some(fix) = f.fix.as_ref().filter(|_| !passed) {
        text.text(&under)
            .styled("fix:", &Style::new().bold())
            .text(" ")
            .text(fix)
            .newline();
    }
}

/// "2 problem(s), 1 warning(s)".
pub(crate) fn counts(findings: &[Finding]) -> String {
    let (problems, warnings) = diagnosis::tally(findings);
    format!("{problems} problem(s), {warnings} warning(s)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::TerminalText;

    fn shown(f: &Finding, layout: Layout) -> String {
        let mut text = Styled::new();
        finding(&mut text, f, layout);
        console::strip_ansi_codes(&text.terminal_text()).into_owned()
    }

    #[test]
    fn evidence_and_fix_sit_two_columns_under_the_title() {
        let f = Finding::new("a", "a.bad", Severity::Problem, "broken")
            .evidence("line one\nline two")
            .fix("mend it");
        let doctor = Layout {
            mark: true,
            id: true,
            ..Layout::default()
        };
        assert_eq!(
            shown(&f, doctor),
            "✗ broken [a.bad]\n    line one\n    line two\n    fix: mend it\n"
        );
        let engine = Layout {
            indent: 2,
            mark: true,
            ..Layout::default()
        };
        assert_eq!(
            shown(&f, engine),
            "  ✗ broken\n      line one\n      line two\n      fix: mend it\n"
        );
        let channel = Layout {
            indent: 6,
            ..Layout::default()
        };
        assert_eq!(
            shown(&f, channel),
            "      broken\n        line one\n        line two\n        fix: mend it\n"
        );
    }

    #[test]
    fn a_passed_check_shows_its_evidence_with_verbose_and_never_a_fix() {
        let f = Finding::new("a", "a.ok", Severity::Ok, "fine")
            .evidence("took 3 ms")
            .fix("nothing");
        let layout = Layout {
            mark: true,
            ..Layout::default()
        };
        assert_eq!(shown(&f, layout), "✓ fine\n");
        let verbose = Layout {
            verbose: true,
            ..layout
        };
        assert_eq!(shown(&f, verbose), "✓ fine\n    took 3 ms\n");
    }

    #[test]
    fn text_from_outside_cannot_act_on_the_terminal() {
        let f = Finding::new("a", "a.bad", Severity::Warning, "title\u{1b}[2J")
            .evidence("said \u{1b}]0;owned\u{7}");
        let text = shown(&f, Layout::default());
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
    }

    #[test]
    fn counts_problems_and_warnings() {
        let found = [
            Finding::new("a", "1", Severity::Problem, "x"),
            Finding::new("a", "2", Severity::Warning, "x"),
            Finding::new("a", "3", Severity::Warning, "x"),
            Finding::new("a", "4", Severity::Ok, "x"),
        ];
        assert_eq!(counts(&found), "1 problem(s), 2 warning(s)");
    }
}
