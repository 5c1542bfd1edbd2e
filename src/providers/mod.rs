//! The provider catalog: what differs between providers, as data.
//!
//! The embedded `catalog.toml` is merged with `<config dir>/providers.toml` (same format),
//! so a user adds or overrides a provider without touching code. Code branches on the
//! declared behaviour of a provider, never on its name.

pub mod credentials;
mod discovery;
pub mod granted;
pub mod identity;
pub mod pages;
mod summary;

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::Error;
pub use crate::model::catalog::{
    ClientAuth, ErrorFormat, GrantedScopes, Identity, LoopbackPort, OAuth1, PageToken, Pages,
    PagesParent, PagesSource, PkceEncoding, PkceRule, Provider, RefreshRule, RefreshStyle,
    Registration, ScopesEndpoint, BASE,
};

pub use credentials::{
    lookup as lookup_setting, read_env_file, resolve as resolve_credentials, Credentials, EnvFile,
};
pub use discovery::{discover, ServerMetadata};
pub use summary::{find, Instances, Loader, OAuth1Keys, Summary};

const EMBEDDED_CATALOG: &str = include_str!("catalog.toml");

impl Provider {
    /// Replace `{base}` in every endpoint with the instance URL.
    pub fn apply_base(&mut self, base: &str) -> Result<(), Error> {
        let parsed = url::Url::parse(base).map_err(|e| {
            Error::Usage(format!(
                "instance URL '{base}' is not a URL ({e}); example: https://mastodon.social"
            ))
        })?;
        if !matches!(parsed.scheme(), "https" | "http") {
            return Err(Error::Usage(format!(
                "instance URL '{base}' must be http(s)"
            )));
        }
        let base = base.trim_end_matches('/');
        for url in self.urls_mut() {
            *url = url.replace(BASE, base);
        }
        self.base_url = Some(base.to_string());
        Ok(())
    }
}

/// GET a provider API answering JSON (page lists, granted scopes), with a Bearer token
/// unless the URL carries it; an error answer is reported with the provider's words.
pub(crate) fn get_json(
    http: &crate::http::HttpClient,
    url: &str,
    bearer: Option<&str>,
    headers: &[(&str, &str)],
) -> Result<serde_json::Value, Error> {
    use crate::error::provider::{ProviderError, Stage};
    let response = http.get(url, bearer, headers)?;
    let status = response.status().as_u16();
    let body: Option<serde_json::Value> = serde_json::from_slice(response.body()).ok();
    body.filter(|_| (200..300).contains(&status))
        .ok_or_else(|| {
            Error::Token(ProviderError::from_response(
                Stage::Lookup,
                status,
                response.body(),
            ))
        })
}

/// The longest provider id or alias.
const MAX_NAME: usize = 64;

const NAME_RULE: &str = "an id or alias is lowercase letters a-z, digits 0-9, '-' and '_', \
     starting with a letter or a digit, at most 64 characters";

/// The command line's subcommand names: a catalog id or alias named like one would take
/// its place. Kept here so loading a catalog needs no command line; a test in `cli` checks
/// it is exactly what the parser defines.
pub const COMMAND_NAMES: &[&str] = &[
    "connect",
    "status",
    "token",
    "refresh",
    "restore",
    "logout",
    "providers",
    "doctor",
    "postiz",
    "sandbox",
    "completions",
    "help",
];

/// The [`COMMAND_NAMES`], as [`check_name`] takes them.
fn command_names() -> Vec<String> {
    COMMAND_NAMES.iter().map(|s| s.to_string()).collect()
}

/// A user catalog's id (or, with `of`, an alias of provider `of`) is a plain lowercase
/// name and not one of the `reserved` command names; else an error naming it, the file,
/// and a name to use instead.
fn check_name(
    name: &str,
    of: Option<&str>,
    reserved: &[String],
    origin: &str,
) -> Result<(), Error> {
    let plain = name.len() <= MAX_NAME
        && name.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    let taken = reserved.iter().any(|r| r == name);
    if plain && !taken {
        return Ok(());
    }
    // Debug formatting quotes the name and escapes anything unprintable in it.
    let shown = format!("{name:?}");
    let what = match of {
        None => format!("provider id {shown}"),
        Some(id) => format!("alias {shown} of provider {id:?}"),
    };
    let why = if taken {
        format!("is the name of the built-in command `{name}`, which it would replace")
    } else if name.starts_with('-') {
        "starts with '-', so the command line would read it as a flag".to_string()
    } else {
        "is not a plain lowercase name".to_string()
    };
    let instead = suggest_name(name, reserved);
    let fix = match of {
        None => format!("rename the table [{shown}] to [{instead}] in {origin}; {NAME_RULE}"),
        Some(_) => format!("replace the alias {shown} with \"{instead}\" in {origin}; {NAME_RULE}"),
    };
    Err(Error::Config {
        what: format!("{origin}: {what} {why}"),
        fix,
    })
}

/// A plain, unreserved name close to `name`, to offer in the error.
fn suggest_name(name: &str, reserved: &[String]) -> String {
    let mut out = String::new();
    for c in name.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out: String = out
        .trim_matches(['-', '_'])
        .chars()
        .take(MAX_NAME - "-provider".len())
        .collect();
    out = out.trim_end_matches(['-', '_']).to_string();
    if out.is_empty() {
        return "my-provider".into();
    }
    if reserved.contains(&out) {
        out.push_str("-provider");
    }
    out
}

/// All providers, embedded and user-defined.
#[derive(Debug, Clone)]
pub struct Catalog {
    providers: BTreeMap<String, Provider>,
}

impl Catalog {
    /// The embedded catalog only.
    pub fn embedded() -> Catalog {
        Catalog::parse(EMBEDDED_CATALOG, "the embedded catalog")
            .expect("the embedded catalog is valid (tested)")
    }

    /// The embedded catalog plus `providers.toml` in the config dir, if it exists.
    pub fn load(config_dir: &Path) -> Result<Catalog, Error> {
        Loader::new(config_dir).catalog()
    }

    pub fn parse(text: &str, origin: &str) -> Result<Catalog, Error> {
        let raw: BTreeMap<String, Provider> = toml::from_str(text).map_err(|e| Error::Config {
            what: format!("{origin} is not a valid provider catalog: {e}"),
            fix: "see docs/providers.md, \"Adding a provider\", for the format".into(),
        })?;
        let providers = raw
            .into_iter()
            .map(|(id, mut p)| {
                p.id = id.clone();
                (id, p)
            })
            .collect();
        Ok(Catalog { providers })
    }

    /// Look up by id or alias.
    pub fn get(&self, name: &str) -> Option<&Provider> {
        self.providers.get(name).or_else(|| {
            self.providers
                .values()
                .find(|p| p.aliases.iter().any(|a| a == name))
        })
    }

    pub fn iter(&self) -> impl Iterator<Item = &Provider> {
        self.providers.values()
    }

    /// Look up by id or alias, or a usage error listing what exists (and the nearest).
    pub fn require(&self, name: &str) -> Result<&Provider, Error> {
        self.get(name).ok_or_else(|| {
            let known: Vec<&str> = self.providers.keys().map(String::as_str).collect();
            // A typo names its nearest ids and aliases (two edits at most), as clap does
            // for a subcommand.
            let names = self.providers.values().flat_map(|p| {
                std::iter::once(p.id.as_str()).chain(p.aliases.iter().map(String::as_str))
            });
            let scored: Vec<(usize, &str)> = names.map(|n| (edit_distance(name, n), n)).collect();
            let nearest = scored.iter().map(|(d, _)| *d).min().unwrap_or(usize::MAX);
            let near: Vec<&str> = scored
                .iter()
                .filter(|(d, _)| *d <= 2 && *d == nearest)
                .map(|(_, n)| *n)
                .collect();
            let hint = match near.as_slice() {
                [] => String::new(),
                near => format!(
                    " (did you mean {}?)",
                    near.iter()
                        .map(|n| format!("'{n}'"))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            };
            Error::Usage(format!(
                "unknown provider '{name}'{hint}; known providers: {}",
                known.join(", ")
            ))
        })
    }
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_names_the_nearest_provider() {
        let catalog = Catalog::embedded();
        let err = catalog.require("twiter").unwrap_err().to_string();
        assert!(err.contains("did you mean 'twitter'?"), "{err}");
        let err = catalog.require("zzzzzz").unwrap_err().to_string();
        assert!(!err.contains("did you mean"), "{err}");
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn embedded_catalog_parses_and_has_twitter_with_alias() {
        let catalog = Catalog::embedded();
        let x = catalog.get("x").expect("alias x");
        assert_eq!(x.id, "twitter");
        assert_eq!(x.pkce, PkceRule::Required);
        assert_eq!(x.client_auth, ClientAuth::Basic);
        assert!(x.scopes.contains(&"offline.access".to_string()));
        assert_eq!(x.identity.username.as_deref(), Some("/data/username"));
        for p in catalog.iter() {
            for scope in &p.scopes {
                assert!(
                    p.scope_purpose(scope).is_some(),
                    "{}: scope {scope} has no purpose",
                    p.id
                );
            }
        }
    }

    #[test]
    fn user_catalog_overrides_and_adds() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("providers.toml"),
            r#"
[acme]
name = "Acme"
authorize_url = "https://acme.test/auth"
token_url = "https://acme.test/token"
scopes = ["post"]
scope_separator = ","
client_auth = "post"
"#,
        )
        .unwrap();
        let catalog = Catalog::load(dir.path()).unwrap();
        let acme = catalog.get("acme").unwrap();
        assert_eq!(acme.scope_separator, ",");
        assert_eq!(acme.client_auth, ClientAuth::Post);
        assert!(catalog.get("twitter").is_some());
    }

    #[test]
    fn malformed_user_catalog_is_a_config_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("providers.toml"), "[acme]\nname = 3\n").unwrap();
        let err = Catalog::load(dir.path()).unwrap_err();
        assert!(err.to_string().contains("providers.toml"), "{err}");
        assert_eq!(err.exit_code(), crate::error::ExitCode::Config);
    }

    /// `Catalog::load` of a providers.toml with this text.
    fn load_user(text: &str) -> Result<Catalog, Error> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("providers.toml"), text).unwrap();
        Catalog::load(dir.path())
    }

    const ENTRY: &str = "name = \"N\"\nauthorize_url = \"https://a.test/auth\"\ntoken_url = \"https://a.test/token\"\nscopes = [\"s\"]\n";

    #[test]
    fn user_ids_named_like_a_command_or_a_flag_are_refused() {
        for (table, shown, instead) in [
            ("[status]", "\"status\"", "status-provider"),
            ("[help]", "\"help\"", "help-provider"),
            ("[token]", "\"token\"", "token-provider"),
            ("[\"--help\"]", "\"--help\"", "help-provider"),
            ("[\"-x\"]", "\"-x\"", "x"),
            ("[completions]", "\"completions\"", "completions-provider"),
        ] {
            let err = load_user(&format!("{table}\n{ENTRY}")).unwrap_err();
            let text = format!("{err}\n{}", err.fix().unwrap_or_default());
            assert_eq!(err.exit_code(), crate::error::ExitCode::Config, "{text}");
            assert!(text.contains(&format!("provider id {shown}")), "{text}");
            assert!(text.contains("providers.toml"), "names the file: {text}");
            assert!(
                text.contains(&format!("[{instead}]")),
                "offers {instead}: {text}"
            );
        }
        let err = load_user(&format!("[\"--help\"]\n{ENTRY}")).unwrap_err();
        assert!(err.to_string().contains("flag"), "{err}");
        let err = load_user(&format!("[status]\n{ENTRY}")).unwrap_err();
        assert!(
            err.to_string().contains("built-in command `status`"),
            "{err}"
        );
    }

    #[test]
    fn user_ids_must_be_plain_lowercase_names() {
        for (table, instead) in [
            ("[Acme]", "acme"),
            ("[\"my site\"]", "my-site"),
            ("[\"a:b\"]", "a-b"),
            ("[\"x\\u001b[2J\"]", "x-2j"),
            ("[\"\"]", "my-provider"),
            ("[\"_x\"]", "x"),
        ] {
            let err = load_user(&format!("{table}\n{ENTRY}")).unwrap_err();
            let fix = err.fix().unwrap_or_default();
            assert!(
                err.to_string().contains("not a plain lowercase name"),
                "{table}: {err}"
            );
            assert!(fix.contains(&format!("[{instead}]")), "{table}: {fix}");
            assert!(fix.contains("lowercase letters a-z, digits 0-9"), "{fix}");
            assert!(!format!("{err}{fix}").contains('\u{1b}'), "escaped: {err}");
        }
        let long = "a".repeat(65);
        assert!(load_user(&format!("[{long}]\n{ENTRY}")).is_err());
        for ok in ["acme", "acme-2", "9gag", "a_b", "twitter"] {
            let catalog = load_user(&format!("[{ok}]\n{ENTRY}")).unwrap();
            assert!(catalog.get(ok).is_some(), "{ok}");
        }
    }

    #[test]
    fn user_aliases_follow_the_same_rules() {
        let err = load_user(&format!("[acme]\naliases = [\"doctor\"]\n{ENTRY}")).unwrap_err();
        assert!(
            err.to_string()
                .contains("alias \"doctor\" of provider \"acme\""),
            "{err}"
        );
        assert!(err.fix().unwrap().contains("\"doctor-provider\""));
        let err = load_user(&format!("[acme]\naliases = [\"-V\"]\n{ENTRY}")).unwrap_err();
        assert!(err.to_string().contains("flag"), "{err}");
        assert!(load_user(&format!("[acme]\naliases = [\"ac\"]\n{ENTRY}")).is_ok());
    }

    #[test]
    fn a_user_name_taken_by_another_provider_is_refused() {
        // An alias `twitter` would run acme for `postiz-connect twitter`; an id `x` would
        // collide with twitter's alias.
        let err = load_user(&format!("[acme]\naliases = [\"twitter\"]\n{ENTRY}")).unwrap_err();
        assert!(
            err.to_string().contains(
                "alias \"twitter\" of provider \"acme\" is already a name of provider \"twitter\""
            ),
            "{err}"
        );
        assert!(err.fix().unwrap().contains("providers.toml"));
        assert!(err.fix().unwrap().contains("\"acme-twitter\""));
        let err = load_user(&format!("[x]\n{ENTRY}")).unwrap_err();
        assert!(err.to_string().contains("provider id \"x\""), "{err}");
        assert!(err.fix().unwrap().contains("\"x-provider\""));
        // Replacing a built-in provider under its own id and alias is the documented way.
        let catalog = load_user(&format!("[twitter]\naliases = [\"x\"]\n{ENTRY}")).unwrap();
        assert_eq!(catalog.get("x").unwrap().name, "N");
        crate::cli::build_command(&catalog).debug_assert();
        let err = load_user(&format!("[acme]\naliases = [\"acme\"]\n{ENTRY}")).unwrap_err();
        assert!(err.to_string().contains("twice"), "{err}");
        let err = load_user(&format!("[acme]\naliases = [\"a\", \"a\"]\n{ENTRY}")).unwrap_err();
        assert!(err.to_string().contains("twice"), "{err}");
    }

    #[test]
    fn embedded_ids_and_aliases_follow_the_rules() {
        let reserved = crate::cli::reserved_names();
        for p in Catalog::embedded().iter() {
            check_name(&p.id, None, &reserved, "embedded").unwrap();
            for alias in &p.aliases {
                check_name(alias, Some(&p.id), &reserved, "embedded").unwrap();
            }
        }
    }

    #[test]
    fn instance_placeholder_is_replaced_everywhere() {
        let mut m = Catalog::embedded().get("mastodon").unwrap().clone();
        assert!(m.needs_base());
        m.apply_base("https://fosstodon.org/").unwrap();
        assert!(!m.needs_base());
        assert_eq!(
            m.authorize_url.as_deref(),
            Some("https://fosstodon.org/oauth/authorize")
        );
        assert_eq!(
            m.identity.url.as_deref(),
            Some("https://fosstodon.org/api/v1/accounts/verify_credentials")
        );
        let mut m = Catalog::embedded().get("mastodon").unwrap().clone();
        assert!(m.apply_base("fosstodon.org").is_err());
        assert!(!Catalog::embedded().get("twitter").unwrap().needs_base());
    }

    #[test]
    fn refresh_rule_binds_the_connections_scopes_and_redirect_uri() {
        let vk = Catalog::embedded().get("vk").unwrap().refresh.clone();
        let bound = vk.bind("a b", "http://127.0.0.1:5/callback");
        assert_eq!(bound.params["scope"], "a b");
        // What only refresh time knows stays a placeholder.
        assert_eq!(bound.params["state"], "{state}");
        assert_eq!(bound.params["device_id"], "{device_id}");
        let pinterest = Catalog::embedded()
            .get("pinterest")
            .unwrap()
            .refresh
            .clone();
        let bound = pinterest.bind("x,y", "http://127.0.0.1:5/callback");
        assert_eq!(bound.params["redirect_uri"], "http://127.0.0.1:5/callback");
    }

    #[test]
    fn unknown_provider_lists_known_ones() {
        let err = Catalog::embedded().require("myspace").unwrap_err();
        assert!(err.to_string().contains("twitter"));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// A table name: fine, reserved, colliding, flag-like, quoted, or garbage.
        fn table() -> impl Strategy<Value = String> {
            prop_oneof![
                4 => prop::sample::select(vec![
                    "acme", "twitter", "x", "status", "help", "connect", "\"--help\"", "\"-x\"",
                    "\"a b\"", "\"\"", "Acme", "\"acme\\u001b\"", "acme.identity",
                ])
                .prop_map(String::from),
                2 => "[a-z][a-z0-9_-]{0,8}",
                1 => any::<String>().prop_map(|s| toml::Value::String(s).to_string()),
                1 => any::<String>(),
            ]
        }

        /// A `key = value` line: catalog fields (other than those of `ENTRY`) with values
        /// of every type, or garbage.
        fn line() -> impl Strategy<Value = String> {
            let key = prop_oneof![
                8 => prop::sample::select(vec![
                    "aliases", "revoke_url", "scope_separator", "pkce", "client_auth",
                    "token_format", "granted_scopes", "error_format", "base_url", "identity",
                    "refresh", "openid", "callback_params", "code_param",
                ])
                .prop_map(String::from),
                1 => "[a-z_]{1,12}",
            ];
            let value = prop_oneof![
                12 => prop::sample::select(vec![
                    "\"N\"", "\"https://a.test/x\"", "\"{base}/oauth\"", "[\"s\"]", "[]",
                    "[\"status\"]", "[\"x\"]", "[\"twitter\"]", "[\"-V\"]", "[\"a\", \"a\"]",
                    "[\"acme\"]", "[\"ac\", \"acme-2\"]", "true", "3", "\"required\"",
                    "\"post\"", "\"json\"", "{ url = \"u\", id = \"/id\" }",
                    "{ style = \"none\" }", "\"\\u001b[2J\"", "'''multi\nline'''",
                ])
                .prop_map(String::from),
                2 => prop::collection::vec(any::<String>(), 0..3)
                    .prop_map(|v| toml::Value::from(v).to_string()),
                2 => any::<String>().prop_map(|s| toml::Value::String(s).to_string()),
                1 => any::<i64>().prop_map(|n| n.to_string()),
                1 => any::<String>(),
            ];
            prop_oneof![
                30 => (key, value).prop_map(|(k, v)| format!("{k} = {v}")),
                1 => any::<String>(),
            ]
        }

        /// An id or alias: plain, reserved, colliding, flag-like, or anything.
        fn name() -> impl Strategy<Value = String> {
            prop_oneof![
                3 => prop::sample::select(vec![
                    "acme", "acme-2", "twitter", "x", "status", "help", "refresh", "--help",
                    "-V", "a b", "", "Acme", "a:b", "9gag", "_a",
                ])
                .prop_map(String::from),
                3 => "[a-z0-9][a-z0-9_-]{0,6}",
                1 => any::<String>(),
            ]
        }

        /// Valid entries whose ids and aliases are the variable part.
        fn named_entries() -> impl Strategy<Value = String> {
            prop::collection::vec((name(), prop::collection::vec(name(), 0..3)), 1..4).prop_map(
                |entries| {
                    entries
                        .into_iter()
                        .map(|(id, aliases)| {
                            format!(
                                "[{}]\n{ENTRY}aliases = {}\n",
                                toml::Value::String(id),
                                toml::Value::from(aliases)
                            )
                        })
                        .collect()
                },
            )
        }

        /// Tables, most with the fields a provider needs, then random lines; or valid
        /// entries with random names.
        fn toml_ish() -> impl Strategy<Value = String> {
            prop_oneof![loose_tables(), named_entries()]
        }

        fn loose_tables() -> impl Strategy<Value = String> {
            prop::collection::vec(
                (
                    table(),
                    prop::bool::weighted(0.8),
                    prop::collection::vec(line(), 0..4),
                ),
                0..4,
            )
            .prop_map(|tables| {
                tables
                    .into_iter()
                    .map(|(name, complete, lines)| {
                        let base = if complete { ENTRY } else { "" };
                        format!("[{name}]\n{base}{}\n", lines.join("\n"))
                    })
                    .collect()
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]

            #[test]
            fn any_text_is_a_catalog_or_an_error_naming_the_file(text in any::<String>()) {
                if let Err(e) = Catalog::parse(&text, "providers.toml") {
                    prop_assert!(e.to_string().contains("providers.toml"), "{}", e);
                }
            }

            #[test]
            fn toml_ish_catalogs_load_into_a_consistent_command_line_or_fail_with_a_fix(
                text in toml_ish()
            ) {
                match load_user(&text) {
                    // Whatever loads gives each command one meaning (clap asserts it).
                    Ok(catalog) => crate::cli::build_command(&catalog).debug_assert(),
                    Err(e) => {
                        prop_assert!(e.to_string().contains("providers.toml"), "{}", e);
                        prop_assert!(e.fix().is_some(), "{}", e);
                    }
                }
            }

            #[test]
            fn the_name_offered_instead_is_always_accepted(name in any::<String>()) {
                let reserved = crate::cli::reserved_names();
                let offered = suggest_name(&name, &reserved);
                prop_assert!(
                    check_name(&offered, None, &reserved, "f").is_ok(),
                    "{:?} -> {:?}", name, offered
                );
            }
        }
    }
}
