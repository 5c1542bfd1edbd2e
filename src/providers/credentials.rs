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
pub fn read_env_file(path: &Path) -> Result<HashMap<String, String>, Error> {
    let iter = dotenvy::from_path_iter(path).map_err(|e| Error::Config {
        what: format!("cannot read --env-file {}: {e}", path.display()),
        fix: "give the path of the Postiz .env file".into(),
    })?;
    let mut vars = HashMap::new();
    for item in iter {
        let (key, value) = item.map_err(|e| Error::Config {
            what: format!("{} is not a valid .env file: {e}", path.display()),
            fix: "fix the line it names (a missing quote, or a line that is not NAME=value)".into(),
        })?;
        vars.insert(key, value);
    }
    Ok(vars)
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
}
