//! Where the client id and secret come from: flags, then a Postiz `.env` given with
//! `--env-file`, then the process environment (the catalog names the variables).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use oauth2::ClientSecret;

use super::Provider;
use crate::error::Error;

/// The client's credentials and where each came from (for messages; never the value).
#[derive(Debug, Clone)]
pub struct Credentials {
    pub client_id: String,
    pub client_id_source: String,
    pub client_secret: Option<ClientSecret>,
    pub client_secret_source: Option<String>,
}

/// Variables of a `.env` file, parsed by dotenvy (quotes, comments, `export`).
///
/// A `.env` holds secrets, and dotenvy's error text quotes what it could not parse: for
/// an unclosed quote that is the rest of the file. So an error here names the file, the
/// line and the key, never dotenvy's text or any value.
pub fn read_env_file(path: &Path) -> Result<HashMap<String, String>, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::Config {
        what: format!("cannot read --env-file {}: {e}", path.display()),
        fix: "give the path of the Postiz .env file".into(),
    })?;
    parse_env(&bytes).map_err(|bad| Error::Config {
        what: format!("{} is not a valid .env file: {bad}", path.display()),
        fix: "fix the line it names (a missing quote, or a line that is not NAME=value)".into(),
    })
}

/// Where and why a `.env` could not be parsed; never holds a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvParseError {
    /// 1-based line where the entry that failed starts.
    pub line: usize,
    /// The entry's name, when the line starts like `NAME=`.
    pub key: Option<String>,
    pub problem: &'static str,
}

impl std::fmt::Display for EnvParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(key) = &self.key {
            write!(f, " ({key})")?;
        }
        write!(f, ": {}", self.problem)
    }
}

/// The variables of `.env` text, or where it fails.
pub fn parse_env(bytes: &[u8]) -> Result<HashMap<String, String>, EnvParseError> {
    let text = std::str::from_utf8(bytes).map_err(|e| EnvParseError {
        line: line_at(bytes, e.valid_up_to()),
        key: None,
        problem: "not UTF-8 text",
    })?;
    // A UTF-8 byte order mark (some Windows editors write one) is not part of the first name.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = LineByLine {
        text: text.as_bytes(),
        pos: 0,
    };
    let mut vars = HashMap::new();
    let mut failed = None;
    for item in dotenvy::from_read_iter(&mut reader) {
        match item {
            Ok((key, value)) => {
                vars.insert(key, value);
            }
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
    }
    let Some(e) = failed else {
        return Ok(vars);
    };
    // dotenvy reads one logical line (several physical ones while a quote is open) at a
    // time, and `reader` hands it one physical line per read: when it fails, everything up
    // to `reader.pos` is read and the entry that failed ends there.
    let end_line = line_at(text.as_bytes(), reader.pos.saturating_sub(1));
    Err(match e {
        dotenvy::Error::LineParse(entry, at) => {
            // The physical lines the entry spans, without the newline dotenvy may keep.
            let entry = entry.strip_suffix('\n').unwrap_or(&entry);
            let start = end_line.saturating_sub(entry.matches('\n').count()).max(1);
            let first = text.lines().nth(start - 1).unwrap_or_default();
            let open_quote = at >= entry.len() && entry.contains(['"', '\'']);
            EnvParseError {
                line: start,
                key: key_of(first),
                problem: if open_quote {
                    "a quote opened here is never closed"
                } else {
                    "not NAME=value (or a bad escape or substitution)"
                },
            }
        }
        // Reading from memory does not fail; a variable substitution can, without a value.
        _ => EnvParseError {
            line: end_line.max(1),
            key: None,
            problem: "cannot be read",
        },
    })
}

/// 1-based line number of byte `at`.
fn line_at(bytes: &[u8], at: usize) -> usize {
    bytes[..at.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// `NAME` of a line `[export ]NAME=...`, when it has that shape: a line without `=` may be
/// a pasted secret, so nothing else is ever taken from it.
fn key_of(line: &str) -> Option<String> {
    let line = line.trim_start();
    let line = line.strip_prefix("export ").unwrap_or(line).trim_start();
    let (key, _) = line.split_once('=')?;
    let key = key.trim_end();
    let valid = !key.is_empty()
        && key.len() <= 128
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
    valid.then(|| key.to_string())
}

/// Hands out at most one line per `read`, so the count of bytes handed out tells how far
/// dotenvy's `BufReader` (which reads only when its buffer is empty) got.
struct LineByLine<'a> {
    text: &'a [u8],
    pos: usize,
}

impl std::io::Read for LineByLine<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let rest = &self.text[self.pos..];
        let line = rest
            .iter()
            .position(|b| *b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        let n = line.min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.pos += n;
        Ok(n)
    }
}

/// A Postiz `.env` given with `--env-file`, read once per command.
#[derive(Debug, Clone)]
pub struct EnvFile {
    pub path: PathBuf,
    pub vars: HashMap<String, String>,
}

impl EnvFile {
    pub fn read(path: &Path) -> Result<EnvFile, Error> {
        Ok(EnvFile {
            path: path.to_path_buf(),
            vars: read_env_file(path)?,
        })
    }

    /// The `--env-file` given, read once; none when it was not given.
    pub fn read_if_given(path: Option<&Path>) -> Result<Option<EnvFile>, Error> {
        path.map(EnvFile::read).transpose()
    }
}

/// The first of `names` set to a non-empty value, in the `.env` file first, then in the
/// process environment; with where it was found (for messages; never the value).
pub fn lookup(
    names: &[String],
    env_file: Option<&EnvFile>,
    process_env: &dyn Fn(&str) -> Option<String>,
) -> Option<(String, String)> {
    if let Some(file) = env_file {
        for name in names {
            if let Some(v) = file.vars.get(name).filter(|v| !v.is_empty()) {
                return Some((v.clone(), format!("{name} in {}", file.path.display())));
            }
        }
    }
    names.iter().find_map(|name| {
        process_env(name)
            .filter(|v| !v.is_empty())
            .map(|v| (v, format!("environment variable {name}")))
    })
}

pub fn resolve(
    provider: &Provider,
    flag_id: Option<&str>,
    flag_secret: Option<&str>,
    env_file: Option<&EnvFile>,
    process_env: &dyn Fn(&str) -> Option<String>,
) -> Result<Credentials, Error> {
    let lookup = |names: &[String]| lookup(names, env_file, process_env);
    let (client_id, client_id_source) = match flag_id {
        Some(id) => (id.to_string(), "--client-id".to_string()),
        None => lookup(&provider.client_id_env).ok_or_else(|| Error::Config {
            what: format!("no client id for {}", provider.id),
            fix: if provider.client_id_env.is_empty() {
                "pass --client-id (from the app you registered with the provider)".into()
            } else if let Some(file) = env_file {
                // The .env was named: that is where the deployment's credentials live.
                format!(
                    "add {}=<the app's client id> to {} (the --env-file given), or pass --client-id",
                    provider.client_id_env[0],
                    file.path.display()
                )
            } else {
                format!(
                    "pass --client-id, set {}, or point --env-file at the Postiz .env that has it",
                    provider.client_id_env.join(" or ")
                )
            },
        })?,
    };
    check_value("client id", &client_id, &client_id_source)?;
    let secret = match flag_secret {
        Some(s) => Some((s.to_string(), "--client-secret".to_string())),
        None => lookup(&provider.client_secret_env),
    };
    if let Some((value, source)) = &secret {
        check_value("client secret", value, source)?;
    }
    let (client_secret, client_secret_source) = match secret {
        Some((v, s)) => (Some(ClientSecret::new(v)), Some(s)),
        None => (None, None),
    };
    Ok(Credentials {
        client_id,
        client_id_source,
        client_secret,
        client_secret_source,
    })
}

/// What is wrong with a credential value, if anything: the copy-paste mistakes that
/// become `invalid_client` later. Never includes the value.
pub fn value_problem(value: &str) -> Option<&'static str> {
    if value != value.trim() {
        Some("has spaces or a newline around it")
    } else if value.contains(['\n', '\r']) {
        Some("contains a line break")
    } else if value.len() >= 2
        && (value.starts_with('"') && value.ends_with('"')
            || value.starts_with('\'') && value.ends_with('\''))
    {
        Some("is wrapped in an extra pair of quotes")
    } else if value.chars().any(char::is_whitespace) {
        Some("contains whitespace")
    } else if value == "undefined" || value == "null" {
        Some("is the literal text 'undefined'/'null' (a variable that was never set upstream)")
    } else {
        None
    }
}

fn check_value(what: &str, value: &str, source: &str) -> Result<(), Error> {
    match value_problem(value) {
        Some(problem) => Err(Error::Config {
            what: format!("the {what} from {source} {problem}"),
            fix: format!("re-copy the {what} from the provider's console into {source}, with nothing around it"),
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::Catalog;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn flags_win_then_env_file_then_environment() {
        let catalog = Catalog::embedded();
        let x = catalog.get("twitter").unwrap();
        let env = |name: &str| (name == "X_CLIENT_ID").then(|| "from-env".to_string());
        let c = resolve(x, None, None, None, &env).unwrap();
        assert_eq!(c.client_id, "from-env");
        assert!(c.client_secret.is_none());
        let file = EnvFile {
            path: ".env".into(),
            vars: [
                ("X_CLIENT_ID".to_string(), "from-file".to_string()),
                ("X_CLIENT_SECRET".into(), "s".into()),
            ]
            .into(),
        };
        let c = resolve(x, None, None, Some(&file), &env).unwrap();
        assert_eq!(c.client_id, "from-file");
        assert!(c.client_secret_source.unwrap().contains(".env"));
        let c = resolve(x, Some("flag"), None, Some(&file), &env).unwrap();
        assert_eq!(c.client_id, "flag");
    }

    #[test]
    fn missing_id_names_the_variables() {
        let catalog = Catalog::embedded();
        let err = resolve(catalog.get("twitter").unwrap(), None, None, None, &no_env).unwrap_err();
        assert!(err.fix().unwrap().contains("X_CLIENT_ID"));
    }

    #[test]
    fn copy_paste_mistakes_are_caught_without_echoing_the_secret() {
        let catalog = Catalog::embedded();
        let x = catalog.get("twitter").unwrap();
        for bad in ["\"quoted-secret\"", "secret-with-space ", "two words"] {
            let err = resolve(x, Some("id"), Some(bad), None, &no_env).unwrap_err();
            let text = format!("{err} {}", err.fix().unwrap());
            assert!(!text.contains(bad.trim()), "{text}");
        }
        let err = resolve(x, Some("id"), Some("undefined"), None, &no_env).unwrap_err();
        assert!(err.to_string().contains("never set"), "{err}");
    }

    #[test]
    fn env_file_parsing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".env");
        std::fs::write(
            &path,
            "# Postiz\nX_CLIENT_ID=\"abc\"\nexport FRONTEND_URL=http://localhost:4200\n",
        )
        .unwrap();
        let vars = read_env_file(&path).unwrap();
        assert_eq!(vars["X_CLIENT_ID"], "abc");
        assert_eq!(vars["FRONTEND_URL"], "http://localhost:4200");
        std::fs::write(&path, "X_CLIENT_ID=\"unterminated\n").unwrap();
        assert!(read_env_file(&path).is_err());
    }

    #[test]
    fn env_parse_errors_name_the_file_line_and_key_never_a_value() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("postiz.env");
        // dotenvy's own error text quoted everything after the open quote.
        std::fs::write(
            &path,
            "# Postiz\nX_CLIENT_ID=\"half-open\nX_CLIENT_SECRET=s3cr3t-after\nJWT_SECRET=jwt-after\n",
        )
        .unwrap();
        let err = read_env_file(&path).unwrap_err();
        let text = format!("{err} {:?} {:?}", err.cause(), err.fix());
        for value in ["half-open", "s3cr3t-after", "jwt-after"] {
            assert!(!text.contains(value), "{text}");
        }
        assert!(text.contains(&path.display().to_string()), "{text}");
        assert!(text.contains("line 2 (X_CLIENT_ID)"), "{text}");
        assert!(text.contains("never closed"), "{text}");
    }

    #[test]
    fn env_parse_error_lines_are_counted_like_an_editor() {
        let at = |text: &str| parse_env(text.as_bytes()).unwrap_err();
        let e = at("A=1\r\nB=2\r\nthis-is-a-pasted-secret\r\nC=3\r\n");
        assert_eq!((e.line, e.key.as_deref()), (3, None), "{e}");
        // A line without `=` may be a pasted secret: its text is never taken as a name.
        assert!(!e.to_string().contains("pasted"), "{e}");
        let e = at("A='multi\nline'\nB=\"bad \\q escape\"\nC=3\n");
        assert_eq!((e.line, e.key.as_deref()), (3, Some("B")), "{e}");
        let e = at("\u{feff}export  TOKEN = 'open\n\n\nZ=9");
        assert_eq!((e.line, e.key.as_deref()), (1, Some("TOKEN")), "{e}");
        let e = parse_env(b"A=1\nB=\xff\n").unwrap_err();
        assert_eq!((e.line, e.problem), (2, "not UTF-8 text"));
        // A byte order mark is not part of the first name.
        let vars = parse_env("\u{feff}A=1\nB=\"two\nlines\"\n".as_bytes()).unwrap();
        assert_eq!(
            (vars["A"].as_str(), vars["B"].as_str()),
            ("1", "two\nlines")
        );
    }

    mod properties {
        use super::super::parse_env;
        use proptest::prelude::*;

        /// A line of a `.env`, well-formed or not: secret values are `zq` and digits, so
        /// any trace of one in an error is easy to see (names are upper case).
        fn line() -> impl Strategy<Value = String> {
            let key = "(export )?[A-Z_][A-Z0-9_.]{0,8}";
            let value = "zq[0-9]{4,12}";
            prop_oneof![
                (key, value).prop_map(|(k, v)| format!("{k}={v}")),
                (key, value, "[\"']").prop_map(|(k, v, q)| format!("{k}={q}{v}{q}")),
                (key, value, "[\"']").prop_map(|(k, v, q)| format!("{k}={q}{v}")),
                (key, value, "[\\\\$ #=\"'{}]{0,3}")
                    .prop_map(|(k, v, junk)| format!("{k}={v}{junk}{v}")),
                value.prop_map(|v| v.to_string()),
                "#[ -~]{0,20}".prop_map(|c| c.to_string()),
                Just(String::new()),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn errors_never_carry_a_value(
                lines in prop::collection::vec(line(), 0..12),
                crlf in any::<bool>(),
            ) {
                let text = lines.join(if crlf { "\r\n" } else { "\n" });
                if let Err(e) = parse_env(text.as_bytes()) {
                    let shown = e.to_string();
                    prop_assert!(!shown.contains("zq"), "{shown} from {text:?}");
                    prop_assert!(e.line >= 1 && e.line <= lines.len().max(1), "{shown} from {text:?}");
                }
            }

            #[test]
            fn an_open_quote_is_placed_on_its_line_and_key(
                before in prop::collection::vec(("[A-Z][A-Z0-9_]{0,6}", "zq[0-9]{1,6}"), 0..8),
                after in prop::collection::vec("zq[0-9]{1,6}|[A-Z]{1,4}=zq[0-9]{1,6}|#.{0,5}", 0..8),
                key in "[A-Z][A-Z0-9_]{0,6}",
                quote in "[\"']",
            ) {
                let mut lines: Vec<String> =
                    before.iter().map(|(k, v)| format!("{k}={v}")).collect();
                lines.push(format!("{key}={quote}zq1"));
                lines.extend(after.iter().map(|l| l.replace(['"', '\''], "")));
                let e = parse_env(lines.join("\n").as_bytes()).unwrap_err();
                prop_assert_eq!(e.line, before.len() + 1);
                prop_assert_eq!(e.key.as_deref(), Some(key.as_str()));
            }

            #[test]
            fn any_bytes_parse_or_fail_without_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
                if let Err(e) = parse_env(&bytes) {
                    let lines = bytes.iter().filter(|b| **b == b'\n').count() + 1;
                    prop_assert!(e.line >= 1 && e.line <= lines, "{e}");
                }
            }
        }
    }
}
