//! The little Markdown that `docs/` and README.md use, read for two jobs: rendering a
//! page's sections into a man page (roff), and finding every link and heading, so that no
//! page names a target that does not exist. Headings, paragraphs, `-` lists, fenced code,
//! pipe tables, inline code, bold and links: nothing else is written there.

use roff::{bold, roman, Inline, Roff};

/// Each `<!-- ... -->` line starting a generated block (`<!-- generated ...` or
/// `<!-- options of ...`) up to the matching `<!-- end of generated ... -->` line.
pub const GENERATED_END: &str = "<!-- end of generated";

/// The lines of `text` outside fenced code blocks, with their line index.
fn outside_code(text: &str) -> Vec<(usize, &str)> {
    let mut fence = false;
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fence = !fence;
            continue;
        }
        if !fence {
            lines.push((i, line));
        }
    }
    lines
}

/// `(level, text)` of a heading line (`## Text` is level 2).
pub fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|c| *c == '#').count();
    match (level, line.get(level..)) {
        (1..=6, Some(rest)) if rest.starts_with(' ') => Some((level, rest.trim())),
        _ => None,
    }
}

/// The anchor GitHub gives a heading: lowercased, every character that is not a letter,
/// digit, space, `-` or `_` dropped, spaces turned into `-`.
pub fn slug(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// Every heading's anchor, a repeated one numbered as GitHub numbers it (`options`,
/// `options-1`).
pub fn anchors(text: &str) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut anchors = Vec::new();
    for (_, line) in outside_code(text) {
        if let Some((_, h)) = heading(line) {
            let base = slug(h);
            let n = seen.iter().filter(|s| **s == base).count();
            seen.push(base.clone());
            anchors.push(match n {
                0 => base,
                n => format!("{base}-{n}"),
            });
        }
    }
    anchors
}

/// The headings' texts, without their `#`s.
pub fn headings(text: &str) -> Vec<String> {
    outside_code(text)
        .into_iter()
        .filter_map(|(_, l)| heading(l).map(|(_, h)| h.to_string()))
        .collect()
}

/// A line with its inline code spans removed (a link inside one is an example, not a link).
fn without_code_spans(line: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for c in line.chars() {
        if c == '`' {
            in_code = !in_code;
        } else if !in_code {
            out.push(c);
        }
    }
    out
}

/// The target of every inline link (`[text](target)`) outside code.
pub fn links(text: &str) -> Vec<String> {
    let mut targets = Vec::new();
    for (_, line) in outside_code(text) {
        let line = without_code_spans(line);
        let mut rest = line.as_str();
        while let Some(i) = rest.find("](") {
            let after = &rest[i + 2..];
            match after.find(')') {
                Some(end) => {
                    targets.push(after[..end].to_string());
                    rest = &after[end..];
                }
                None => break,
            }
        }
    }
    targets
}

/// `text` without its generated blocks (they come from the code, which a man page shows
/// in its own sections: OPTIONS, EXIT STATUS).
pub fn without_generated(text: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        if !skipping && (line.starts_with("<!-- generated") || line.starts_with("<!-- options of"))
        {
            skipping = true;
            continue;
        }
        if skipping {
            if line.starts_with(GENERATED_END) {
                skipping = false;
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The section of `text` under the heading `title` (that heading's line excluded), up to
/// the next heading of the same or a higher level; `None` when there is no such heading.
/// The empty title is the text before the first `##` heading (the page's introduction).
pub fn section(text: &str, title: &str) -> Option<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let code: std::collections::HashSet<usize> = {
        let outside: std::collections::HashSet<usize> =
            outside_code(text).into_iter().map(|(i, _)| i).collect();
        (0..lines.len()).filter(|i| !outside.contains(i)).collect()
    };
    let is_heading = |i: usize| {
        if code.contains(&i) {
            None
        } else {
            heading(lines[i])
        }
    };
    let (start, level) = if title.is_empty() {
        let first = (0..lines.len()).find(|&i| is_heading(i).is_some_and(|(l, _)| l == 1))?;
        (first, 1)
    } else {
        (0..lines.len()).find_map(|i| match is_heading(i) {
            Some((l, h)) if h == title => Some((i, l)),
            _ => None,
        })?
    };
    let end = (start + 1..lines.len())
        .find(|&i| is_heading(i).is_some_and(|(l, _)| l <= level || (title.is_empty() && l == 2)))
        .unwrap_or(lines.len());
    Some((level, lines[start + 1..end].join("\n")))
}

/// Inline Markdown as roff: code and bold in bold, a link as its text, `\|` and `&lt;`
/// unescaped.
fn inlines(text: &str) -> Vec<Inline> {
    let text = text
        .replace("\\|", "|")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text.as_str();
    while let Some(c) = rest.chars().next() {
        // `(inline, bytes it took)` when an inline element starts here.
        let element: Option<(Vec<Inline>, usize)> = if c == '`' {
            rest[1..]
                .find('`')
                .map(|end| (vec![bold(&rest[1..1 + end])], end + 2))
        } else if let Some(inner) = rest.strip_prefix("**") {
            inner
                .find("**")
                .map(|end| (vec![bold(inner[..end].replace('`', ""))], end + 4))
        } else if c == '[' {
            // A bracket that is not a link's (`[::1]`) stays text.
            rest.find(']')
                .filter(|&close| rest[close..].starts_with("]("))
                .and_then(|close| {
                    rest[close..]
                        .find(')')
                        .map(|end| (inlines(&rest[1..close]), close + end + 1))
                })
        } else {
            None
        };
        match element {
            Some((inline, taken)) => {
                if !plain.is_empty() {
                    out.push(roman(std::mem::take(&mut plain)));
                }
                out.extend(inline);
                rest = &rest[taken..];
            }
            None => {
                plain.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if !plain.is_empty() {
        out.push(roman(plain));
    }
    out
}

/// A table row's cells.
fn cells(row: &str) -> Vec<String> {
    let row = row.trim().trim_start_matches('|').trim_end_matches('|');
    let mut cells = vec![String::new()];
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cells.last_mut().unwrap().push_str("\\|");
                chars.next();
            }
            '|' => cells.push(String::new()),
            c => cells.last_mut().unwrap().push(c),
        }
    }
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// A section of Markdown as roff: headings as `.SS` (the section's own title is the
/// caller's `.SH`), paragraphs, lists as indented paragraphs, code as no-fill blocks, a
/// table as one tagged paragraph per row.
pub fn to_roff(markdown: &str) -> String {
    let mut out = Blocks::default();
    // The fence's indentation, which its lines share (a code block in a list item).
    let mut code: Option<(usize, Vec<String>)> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if let Some((indent, block)) = code.as_mut() {
            if trimmed.starts_with("```") {
                let block = std::mem::take(block);
                out.start();
                out.roff.control("PP", []);
                out.roff.control("RS", ["4"]);
                out.roff.control("nf", []);
                for l in block {
                    out.roff.text([roman(l)]);
                }
                out.roff.control("fi", []);
                out.roff.control("RE", []);
                code = None;
            } else {
                let cut = line.len() - line.trim_start().len();
                block.push(line[cut.min(*indent)..].to_string());
            }
            continue;
        }
        if trimmed.starts_with("```") {
            out.flush();
            code = Some((line.len() - trimmed.len(), Vec::new()));
        } else if let Some((_, title)) = heading(line) {
            out.flush();
            // Said only if something follows it (an "Options" heading whose table is
            // generated is empty here).
            out.heading = Some(title.replace('`', ""));
        } else if trimmed.is_empty() {
            out.flush();
        } else if trimmed.starts_with('|') {
            if !out.paragraph.is_empty() || out.item.is_some() {
                out.flush();
            }
            if !trimmed.starts_with("|---") {
                out.table.push(cells(trimmed));
            }
        } else if let Some(text) = line.strip_prefix("- ") {
            out.flush();
            out.item = Some(text.to_string());
        } else if let (Some(text), true) = (out.item.as_mut(), line.starts_with("  ")) {
            text.push(' ');
            text.push_str(trimmed);
        } else {
            if out.item.is_some() {
                out.flush();
            }
            out.paragraph.push(trimmed.to_string());
        }
    }
    out.flush();
    // As clap_mangen writes them: `\*(Aq`, defined at the top of each page.
    out.roff.to_roff().replace('\'', "\\*(Aq")
}

/// The blocks being read, and the roff written so far.
#[derive(Default)]
struct Blocks {
    roff: Roff,
    heading: Option<String>,
    paragraph: Vec<String>,
    item: Option<String>,
    table: Vec<Vec<String>>,
}

impl Blocks {
    /// Before a block's text: the heading it comes under, if not said yet.
    fn start(&mut self) {
        if let Some(title) = self.heading.take() {
            self.roff
                .control("SS", [title.replace('-', "\\-").as_str()]);
        }
    }

    /// Write the paragraph, list item or table read so far.
    fn flush(&mut self) {
        if !self.paragraph.is_empty() {
            self.start();
            self.roff.control("PP", []);
            self.roff.text(inlines(&self.paragraph.join(" ")));
            self.paragraph.clear();
        }
        if let Some(text) = self.item.take() {
            self.start();
            self.roff.control("IP", ["\\(bu", "2"]);
            self.roff.text(inlines(&text));
        }
        if !self.table.is_empty() {
            self.start();
            let header = self.table.remove(0);
            for row in std::mem::take(&mut self.table) {
                self.roff.control("TP", []);
                self.roff.text(inlines(&row[0]));
                let body: Vec<String> = row
                    .iter()
                    .enumerate()
                    .skip(1)
                    .filter(|(_, cell)| !cell.is_empty())
                    // Each cell under its column's name, but the last, which says
                    // what the row means in words.
                    .map(|(i, cell)| match i + 1 == header.len() {
                        true => cell.clone(),
                        false => format!("{}: {cell}", header.get(i).cloned().unwrap_or_default()),
                    })
                    .collect();
                for (n, line) in body.iter().enumerate() {
                    if n > 0 {
                        self.roff.control("br", []);
                    }
                    self.roff.text(inlines(line));
                }
            }
        }
    }
}

#[test]
fn anchors_are_githubs() {
    let page = "# A\n\n## `postiz refresh ID...`\n\n```sh\n# not a heading\n```\n\n## Options\n\n### Options\n\n## `postiz adopt CHANNEL --org NAME|ID`\n";
    assert_eq!(
        anchors(page),
        [
            "a",
            "postiz-refresh-id",
            "options",
            "options-1",
            "postiz-adopt-channel---org-nameid"
        ]
    );
}

#[test]
fn links_skip_code() {
    let page = "See [the page](a.md#b) and `[not](c.md)`.\n\n```toml\n[x](y)\n```\n| [t](u.md) |\n";
    assert_eq!(links(page), ["a.md#b", "u.md"]);
}

#[test]
fn sections_end_at_the_next_heading_of_their_level() {
    let page = "# T\n\nintro\n\n## A\n\na\n\n### A1\n\na1\n\n## B\n\nb\n";
    assert_eq!(section(page, "").unwrap().1.trim(), "intro");
    assert_eq!(section(page, "A").unwrap().1.trim(), "a\n\n### A1\n\na1");
    assert_eq!(section(page, "B").unwrap().1.trim(), "b");
    assert!(section(page, "C").is_none());
}

#[test]
fn roff_of_each_block() {
    let md = "## Empty\n\n## Full\n\nSome `code` and **bold** [link](x.md).\n\n- item one\n  continued\n- two\n\n```sh\n.leading dot\n  indented\n```\n\n| flag | meaning |\n|---|---|\n| `--a` | is \\| this |\n";
    let roff = to_roff(md);
    assert!(
        roff.contains(".PP\nSome \\fBcode\\fR and \\fBbold\\fR link.\n"),
        "{roff}"
    );
    assert!(roff.contains(".IP \\(bu 2\nitem one continued\n"), "{roff}");
    assert!(
        roff.contains(".nf\n\\&.leading dot\n  indented\n.fi\n"),
        "{roff}"
    );
    assert!(!roff.contains("Empty"), "{roff}");
    assert!(roff.starts_with(".SS Full\n"), "{roff}");
    assert!(roff.contains(".TP\n\\fB\\-\\-a\\fR\nis | this\n"), "{roff}");
}
