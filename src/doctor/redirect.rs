//! Redirect URI forensics: why the URI an app sends differs from the registered one, named
//! in words, with a caret under the first difference.

use url::Url;

use super::{Finding, Severity};

const AREA: &str = "redirect URI";

/// Compare the URI the app sends with each registered one.
pub fn check(sent: &str, registered: &[String], rules: Option<&str>) -> Vec<Finding> {
    if registered.iter().any(|r| r == sent) {
        return vec![Finding::new(
            AREA,
            "redirect.match",
            Severity::Ok,
            format!("{sent} is registered exactly"),
        )];
    }
    let mut findings = Vec::new();
    for reg in registered {
        let causes = differences(sent, reg);
        let mut evidence = format!(
            "sent:       {}\nregistered: {}\n{}",
            visible(sent),
            visible(reg),
            caret(sent, reg)
        );
        if let Some(rules) = rules {
            evidence.push_str(&format!("\nprovider rule: {rules}"));
        }
        for (id, what) in causes {
            // The port alone on a loopback redirect is fine for an RFC 8252 server.
            let severity = match id {
                "loopback_port" => Severity::Warning,
                _ => Severity::Problem,
            };
            findings.push(
                Finding::new(AREA, format!("redirect.{id}"), severity, what)
                    .evidence(evidence.clone())
                    .fix(advice(id, sent, reg)),
            );
        }
    }
    findings
}

/// Which side to change, and to what. Where the cause shows which side is wrong (a double
/// slash, pasted invisible characters, a fragment, a broken URL), that side; otherwise
/// either, since only the user knows which URL the deployment really uses.
fn advice(id: &str, sent: &str, reg: &str) -> String {
    let path_has_double_slash =
        |u: &str| Url::parse(u.trim()).is_ok_and(|u| u.path().contains("//"));
    let has_fragment = |u: &str| u.contains('#');
    let parses = |u: &str| Url::parse(u.trim()).is_ok();
    match id {
        "double_slash" if path_has_double_slash(sent) => format!(
            "change the sent side: remove the trailing slash from FRONTEND_URL (Postiz appends /integrations/social/<id> to it), so it sends {}",
            single_slashes(sent)
        ),
        "double_slash" => format!(
            "change the registered side: it has a double slash; register {sent}"
        ),
        "whitespace" if has_invisible(sent) => format!(
            "change the sent side: the value it is built from (FRONTEND_URL, or --redirect-uri) holds spaces or invisible characters; retype it so it reads {}",
            sent.chars().filter(|c| !is_invisible(*c)).collect::<String>()
        ),
        "whitespace" => format!(
            "change the registered side: delete it in the provider's console and type {sent} in again (do not paste)"
        ),
        "fragment" if has_fragment(reg) && !has_fragment(sent) => {
            format!("change the registered side: register {sent}, without the #fragment")
        }
        "fragment" => "change the sent side: remove the #fragment from --redirect-uri (or FRONTEND_URL)".to_string(),
        "unparsable" if !parses(sent) => format!(
            "change the sent side: {sent} is not an absolute URL; check FRONTEND_URL (scheme and host, e.g. https://postiz.example.com) or --redirect-uri"
        ),
        "unparsable" => format!("change the registered side: register {sent}"),
        // Never advise `--redirect-uri` with a port-less loopback URI: it would listen on
        // port 80. The port is what to align, with --port.
        "loopback_port" => match Url::parse(reg.trim()).ok().and_then(|r| r.port()) {
            Some(port) => format!(
                "if the server matches exactly, send the registered port: postiz-connect --port {port}"
            ),
            None => format!(
                "nothing to change if the server follows RFC 8252 §7.3 (the registered URI has no port, as that section suggests); if it matches exactly, pick a fixed port, register http://{}:<port>{} and pass --port <port>",
                Url::parse(sent.trim()).ok().and_then(|s| s.host_str().map(str::to_string)).unwrap_or_else(|| "127.0.0.1".into()),
                Url::parse(reg.trim()).map(|r| r.path().to_string()).unwrap_or_default()
            ),
        },
        // Postiz appends /integrations/social/<id> to FRONTEND_URL: no FRONTEND_URL makes
        // it end with a slash (TikTok Business's is the provider's own), so only the
        // registered side can change for Postiz.
        "trailing_slash" => format!(
            "make the two identical: register exactly {sent} in the provider's console (Postiz cannot send another trailing slash: it appends /integrations/social/<id> to FRONTEND_URL); postiz-connect can send the registered one: --redirect-uri {reg}"
        ),
        _ => format!(
            "make the two identical: register exactly {sent} in the provider's console, or send the registered one (postiz-connect: --redirect-uri {reg}; Postiz: FRONTEND_URL)"
        ),
    }
}

fn is_invisible(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{00A0}')
}

fn has_invisible(s: &str) -> bool {
    s.chars().any(is_invisible)
}

/// The URL with runs of slashes in its path made single.
fn single_slashes(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut collapsed = String::with_capacity(path.len());
    for c in path.chars() {
        if !(c == '/' && collapsed.ends_with('/')) {
            collapsed.push(c);
        }
    }
    format!("{scheme}://{authority}{collapsed}")
}

/// Each way the two differ: `(stable id, description)`.
pub fn differences(sent: &str, registered: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if has_invisible(sent) || has_invisible(registered) {
        out.push((
            "whitespace",
            "one of them contains spaces, a newline or invisible characters (copy-paste)"
                .to_string(),
        ));
    }
    let (Ok(s), Ok(r)) = (Url::parse(sent.trim()), Url::parse(registered.trim())) else {
        out.push((
            "unparsable",
            "one of them is not a valid absolute URL".to_string(),
        ));
        return out;
    };
    if s.scheme() != r.scheme() {
        out.push((
            "scheme",
            format!("the scheme differs: {} vs {}", s.scheme(), r.scheme()),
        ));
    }
    let (sh, rh) = (
        s.host_str().unwrap_or_default(),
        r.host_str().unwrap_or_default(),
    );
    if sh != rh {
        let what = if crate::http::is_loopback(&s) && crate::http::is_loopback(&r) {
            ("loopback_host", format!("the host differs: {sh} vs {rh} (to the provider, localhost, 127.0.0.1 and [::1] are different strings)"))
        } else if sh.strip_prefix("www.") == Some(rh) || rh.strip_prefix("www.") == Some(sh) {
            ("www", format!("the host differs by www.: {sh} vs {rh}"))
        } else if sh.eq_ignore_ascii_case(rh) {
            (
                "host_case",
                format!("the host differs in case: {sh} vs {rh}"),
            )
        } else {
            ("host", format!("the host differs: {sh} vs {rh}"))
        };
        out.push(what);
    }
    let explicit_port = |raw: &str| {
        raw.split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', '?', '#']).next())
            .is_some_and(|auth| {
                auth.rsplit_once(':')
                    .is_some_and(|(_, p)| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
                    && !auth.ends_with(']')
            })
    };
    let implicit_ports = s.port().is_none() && r.port().is_none();
    if s.scheme() != r.scheme() && implicit_ports {
        // The default port follows the scheme: already reported.
    } else if s.port_or_known_default() != r.port_or_known_default()
        && s.scheme() == "http"
        && crate::http::is_loopback(&s)
        && sh == rh
    {
        out.push((
            "loopback_port",
            format!(
                "only the loopback port differs: {} vs {} (a server following RFC 8252 §7.3 accepts any port on a loopback redirect; one that matches exactly does not)",
                s.port_or_known_default()
                    .map_or("none".into(), |p| p.to_string()),
                if explicit_port(registered) {
                    r.port_or_known_default()
                        .map_or("none".into(), |p| p.to_string())
                } else {
                    "none".to_string()
                }
            ),
        ));
    } else if s.port_or_known_default() != r.port_or_known_default() {
        out.push((
            "port",
            format!(
                "the port differs: {} vs {}",
                s.port_or_known_default()
                    .map_or("none".into(), |p| p.to_string()),
                r.port_or_known_default()
                    .map_or("none".into(), |p| p.to_string())
            ),
        ));
    } else if explicit_port(sent) != explicit_port(registered) {
        out.push(("default_port", "one spells out the default port (:80/:443) and the other does not; providers compare strings".to_string()));
    }
    let (sp, rp) = (s.path(), r.path());
    if sp != rp {
        let what = if sp.trim_end_matches('/') == rp.trim_end_matches('/') {
            (
                "trailing_slash",
                format!("the path differs by a trailing slash: {sp} vs {rp}"),
            )
        } else if sp.contains("//") || rp.contains("//") {
            (
                "double_slash",
                format!("a path has a double slash (FRONTEND_URL ending in /?): {sp} vs {rp}"),
            )
        } else if sp.eq_ignore_ascii_case(rp) {
            (
                "path_case",
                format!("the path differs in case: {sp} vs {rp}"),
            )
        } else if decode(sp) == decode(rp) {
            (
                "encoding",
                format!("the path differs in percent-encoding: {sp} vs {rp}"),
            )
        } else {
            ("path", format!("the path differs: {sp} vs {rp}"))
        };
        out.push(what);
    }
    if s.query() != r.query() {
        out.push((
            "query",
            format!(
                "the query differs: {} vs {}",
                s.query().unwrap_or("none"),
                r.query().unwrap_or("none")
            ),
        ));
    }
    if s.fragment().is_some() || r.fragment().is_some() {
        out.push((
            "fragment",
            "a #fragment is present; redirect URIs must not have one (RFC 6749 §3.1.2)".to_string(),
        ));
    }
    if out.is_empty() {
        out.push(("other", "they differ in a way URL parsing hides (encoding or normalisation); compare them byte by byte".to_string()));
    }
    out
}

/// A URL path with its `%XX` escapes decoded (`+` stays a plus, as in a path).
fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Invisible characters made visible.
fn visible(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            ' ' => "␠".to_string(),
            '\n' => "␤".to_string(),
            '\t' => "␉".to_string(),
            '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{00A0}' => format!("<U+{:04X}>", c as u32),
            c => c.to_string(),
        })
        .collect()
}

/// A caret under the first differing character, aligned with the `sent:` line.
fn caret(sent: &str, registered: &str) -> String {
    let a: Vec<char> = visible(sent).chars().collect();
    let b: Vec<char> = visible(registered).chars().collect();
    let at = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    format!(
        "{}^ first difference at character {}",
        " ".repeat("registered: ".len() + at),
        at + 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(sent: &str, reg: &str) -> Vec<&'static str> {
        differences(sent, reg)
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    }

    #[test]
    fn a_loopback_port_is_a_warning_and_never_advised_into_port_80() {
        let findings = check(
            "http://127.0.0.1:53117/callback",
            &["http://127.0.0.1/callback".to_string()],
            None,
        );
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!(f.id, "redirect.loopback_port");
        assert!(matches!(f.severity, Severity::Warning));
        let fix = f.fix.as_deref().unwrap();
        assert!(!fix.contains("--redirect-uri"), "{fix}");
        assert!(fix.contains("RFC 8252") && fix.contains("--port"), "{fix}");
        let pinned = check(
            "http://127.0.0.1:53117/callback",
            &["http://127.0.0.1:8765/callback".to_string()],
            None,
        );
        assert!(pinned[0].fix.as_deref().unwrap().contains("--port 8765"));
    }

    #[test]
    fn each_named_cause() {
        assert_eq!(ids("http://x.test/cb", "https://x.test/cb"), ["scheme"]);
        assert_eq!(
            ids("http://localhost:8080/cb", "http://127.0.0.1:8080/cb"),
            ["loopback_host"]
        );
        assert_eq!(ids("https://www.x.test/cb", "https://x.test/cb"), ["www"]);
        assert_eq!(
            ids("http://127.0.0.1:8080/cb", "http://127.0.0.1:8081/cb"),
            ["loopback_port"]
        );
        assert_eq!(
            ids("http://x.test:8080/cb", "http://x.test:8081/cb"),
            ["port"]
        );
        assert_eq!(
            ids("https://x.test:443/cb", "https://x.test/cb"),
            ["default_port"]
        );
        assert_eq!(
            ids("https://x.test/cb/", "https://x.test/cb"),
            ["trailing_slash"]
        );
        assert_eq!(
            ids(
                "https://x.test//integrations/social/x",
                "https://x.test/integrations/social/x"
            ),
            ["double_slash"]
        );
        assert_eq!(ids("https://x.test/CB", "https://x.test/cb"), ["path_case"]);
        assert_eq!(
            ids("https://x.test/a%20b", "https://x.test/a b"),
            ["whitespace"]
        );
        assert_eq!(
            ids("https://x.test/a%2Fb", "https://x.test/a%2fb"),
            ["path_case"]
        );
        assert_eq!(ids("https://x.test/%41", "https://x.test/A"), ["encoding"]);
        assert_eq!(
            ids("https://x.test/caf%C3%A9", "https://x.test/café"),
            ["other"]
        );
        assert_eq!(ids("https://x.test/cb?a=1", "https://x.test/cb"), ["query"]);
        assert_eq!(
            ids("https://x.test/cb#x", "https://x.test/cb#x"),
            ["fragment"]
        );
        assert_eq!(
            ids("https://x.test/cb\u{200B}", "https://x.test/cb"),
            ["whitespace", "path"]
        );
    }

    #[test]
    fn exact_match_is_ok_and_caret_points_at_the_difference() {
        let ok = check(
            "http://127.0.0.1:1/cb",
            &["http://127.0.0.1:1/cb".into()],
            None,
        );
        assert_eq!(ok[0].severity, Severity::Ok);
        let bad = check(
            "http://127.0.0.1:1/cb/",
            &["http://127.0.0.1:1/cb".into()],
            Some("exact match"),
        );
        let evidence = bad[0].evidence.clone().unwrap();
        assert!(
            evidence.contains("^ first difference at character 22"),
            "{evidence}"
        );
        assert!(evidence.contains("provider rule: exact match"));
        assert_eq!(bad[0].id, "redirect.trailing_slash");
    }

    #[test]
    fn the_fix_names_the_side_to_change_when_the_cause_shows_it() {
        let fix = |sent: &str, reg: &str| check(sent, &[reg.into()], None)[0].fix.clone().unwrap();
        let postiz = "https://x.test/integrations/social/linkedin";
        let doubled = "https://x.test//integrations/social/linkedin";
        let f = fix(doubled, postiz);
        assert!(
            f.contains("change the sent side") && f.contains("FRONTEND_URL"),
            "{f}"
        );
        assert!(f.ends_with(&format!("sends {postiz}")), "{f}");
        let f = fix(postiz, doubled);
        assert!(f.starts_with("change the registered side"), "{f}");
        let f = fix(postiz, &format!("{postiz}\u{200B}"));
        assert!(f.starts_with("change the registered side"), "{f}");
        let f = fix(&format!(" {postiz}"), postiz);
        assert!(
            f.contains("change the sent side") && f.ends_with(&format!("reads {postiz}")),
            "{f}"
        );
        let f = fix(postiz, &format!("{postiz}#_"));
        assert!(f.contains("without the #fragment"), "{f}");
        // Nothing shows which side is right: both ways are given.
        let f = fix("https://www.x.test/cb", "https://x.test/cb");
        assert!(f.starts_with("make the two identical"), "{f}");
    }

    #[test]
    fn slashes_collapse_in_the_path_only() {
        assert_eq!(
            single_slashes("https://x.test//a///b/"),
            "https://x.test/a/b/"
        );
        assert_eq!(single_slashes("https://x.test"), "https://x.test");
        assert_eq!(single_slashes("not a url"), "not a url");
    }
}
