//! Where the deployment's PostgreSQL and Redis are: `--database-url` / `--redis-url`, else
//! `DATABASE_URL` / `REDIS_URL` from the Postiz `.env`, else from the environment. URLs are
//! shown with their password masked, and the advice for an unreachable one knows Postiz's
//! default docker-compose (`docker-compose.yaml` of gitroomhq/postiz-app: services
//! `postiz-postgres` and `postiz-redis` on the network `postiz-network`, neither published).

use std::path::Path;
use std::time::Duration;

use crate::error::Error;
use crate::providers::{credentials, EnvFile};

/// A deployment as the user named it (`--env-file`, `--database-url`, `--redis-url`), and
/// how long a connection to it may take (`--connect-timeout`).
pub struct Target<'a> {
    pub env_file: Option<&'a Path>,
    pub database_url: Option<&'a str>,
    pub redis_url: Option<&'a str>,
    /// `--temporal-address` (`none`: leave Temporal alone).
    pub temporal_address: Option<&'a str>,
    pub connect_timeout: Duration,
}

/// The longest `--connect-timeout` taken: longer waits are a typo, and the drivers'
/// timers and PostgreSQL's `statement_timeout` (an `int` of milliseconds) have limits.
pub const MAX_CONNECT_TIMEOUT: Duration = Duration::from_secs(3600);

/// `--connect-timeout` checked: more than zero, at most [`MAX_CONNECT_TIMEOUT`].
pub fn check_connect_timeout(timeout: Duration) -> Result<Duration, Error> {
    if timeout.is_zero() {
        return Err(Error::Usage(
            "--connect-timeout 0s leaves no time to connect: give a duration such as 3s".into(),
        ));
    }
    if timeout > MAX_CONNECT_TIMEOUT {
        return Err(Error::Usage(format!(
            "--connect-timeout {} is longer than the {} allowed: give a duration such as 3s",
            humantime::format_duration(timeout),
            humantime::format_duration(MAX_CONNECT_TIMEOUT)
        )));
    }
    Ok(timeout)
}

impl Target<'_> {
    /// Where the named deployment is, with its `.env` when one is given (the environment
    /// fills in what the flags and the `.env` leave out).
    pub fn locate(&self) -> Result<(Deployment, Option<EnvFile>), Error> {
        check_connect_timeout(self.connect_timeout)?;
        let env_file = EnvFile::read_if_given(self.env_file)?;
        let deployment = locate(
            self.database_url,
            self.redis_url,
            env_file.as_ref(),
            &|name| std::env::var(name).ok(),
        );
        Ok((deployment, env_file))
    }

    /// Where the deployment's Temporal is (`None` for `--temporal-address none`).
    pub fn temporal(&self, env_file: Option<&EnvFile>) -> Option<super::engine::Located> {
        super::engine::locate(self.temporal_address, env_file, &|name| {
            std::env::var(name).ok()
        })
    }
}

/// One located URL and where it came from (a flag, a file, the environment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub url: String,
    /// "--database-url", "DATABASE_URL in /srv/postiz/.env", "environment variable REDIS_URL".
    pub from: String,
}

impl Located {
    /// The URL as it may be shown: the password masked.
    pub fn shown(&self) -> String {
        display_url(&self.url)
    }
}

/// The deployment's two stores, as far as they were found.
#[derive(Debug, Clone, Default)]
pub struct Deployment {
    pub database: Option<Located>,
    pub redis: Option<Located>,
    /// The `.env` read, for advice (`doctor <provider> --env-file ...`).
    pub env_file: Option<std::path::PathBuf>,
}

/// Locate the deployment. Flags win over the `.env`, which wins over the environment.
pub fn locate(
    database_url: Option<&str>,
    redis_url: Option<&str>,
    env_file: Option<&EnvFile>,
    process_env: &dyn Fn(&str) -> Option<String>,
) -> Deployment {
    let find = |flag: Option<&str>, flag_name: &str, var: &str| -> Option<Located> {
        if let Some(url) = flag.filter(|u| !u.is_empty()) {
            return Some(Located {
                url: url.to_string(),
                from: flag_name.to_string(),
            });
        }
        credentials::lookup(&[var.to_string()], env_file, process_env)
            .map(|(url, from)| Located { url, from })
    };
    Deployment {
        database: find(database_url, "--database-url", "DATABASE_URL"),
        redis: find(redis_url, "--redis-url", "REDIS_URL"),
        env_file: env_file.map(|f| f.path.clone()),
    }
}

/// A URL with its password replaced by `***` (user names stay: they help to debug). Text
/// that does not parse as a URL is not shown at all, since it may be a secret.
///
/// The user info is cut off as text, before the URL is parsed: a password with a raw `#`,
/// `?` or `/` in it (not percent-encoded) would otherwise end the authority early and show
/// up as a port, a path or a fragment. Query parameters that carry a secret are masked
/// too: libpq's `password` and `sslpassword`, the Redis crate's `pass` (`unix://` and
/// `redis+unix://` URLs), and anything named like a key, secret or token.
pub fn display_url(url: &str) -> String {
    let not_a_url = || "(a value that is not a URL)".to_string();
    let Some((scheme, rest)) = url.split_once("://") else {
        return not_a_url();
    };
    // The authority's user info ends at the last `@` (a raw `@` in a password included).
    let masked = match rest.rfind('@') {
        Some(at) => {
            let (userinfo, host) = (&rest[..at], &rest[at + 1..]);
            match userinfo.split_once(':') {
                Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
                None => format!("{scheme}://{userinfo}@{host}"),
            }
        }
        None => url.to_string(),
    };
    let Ok(mut parsed) = url::Url::parse(&masked) else {
        return not_a_url();
    };
    if parsed.query().is_some() {
        let pairs: Vec<(String, String)> = parsed
            .query_pairs()
            .map(|(k, v)| {
                let value = if secret_parameter(&k) {
                    "***".into()
                } else if k == "sslmode" && !SSLMODES.contains(&v.as_ref()) {
                    // Not a mode: whatever was typed there (a password pasted in the wrong
                    // place) is not echoed.
                    "***".into()
                } else {
                    v.into_owned()
                };
                (k.into_owned(), value)
            })
            .collect();
        parsed.query_pairs_mut().clear().extend_pairs(pairs);
    }
    // A fragment is nothing a database or Redis URL uses: not shown.
    parsed.set_fragment(None);
    parsed.to_string()
}

/// The `sslmode` values libpq and Prisma know.
const SSLMODES: &[&str] = &[
    "disable",
    "allow",
    "prefer",
    "require",
    "verify-ca",
    "verify-full",
    "no-verify",
];

/// Whether a URL query parameter holds a secret.
fn secret_parameter(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name == "pass"
        || ["password", "key", "secret", "token"]
            .iter()
            .any(|word| name.contains(word))
}

/// `host:port` of a URL, for messages (read past the user info the way [`display_url`]
/// is, so no part of a password becomes the host or port shown).
pub fn host_port(url: &str, default_port: u16) -> String {
    match url::Url::parse(&display_url(url)) {
        Ok(u) => format!(
            "{}:{}",
            u.host_str().unwrap_or("localhost"),
            u.port().unwrap_or(default_port)
        ),
        Err(_) => "(unparsable URL)".into(),
    }
}

/// Which store, for messages and the advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    Database,
    Redis,
}

impl Store {
    pub fn name(self) -> &'static str {
        match self {
            Store::Database => "the Postiz database (PostgreSQL)",
            Store::Redis => "Postiz's Redis",
        }
    }

    pub fn flag(self) -> &'static str {
        match self {
            Store::Database => "--database-url",
            Store::Redis => "--redis-url",
        }
    }

    fn var(self) -> &'static str {
        match self {
            Store::Database => "DATABASE_URL",
            Store::Redis => "REDIS_URL",
        }
    }
}

/// How to reach a store Postiz's docker-compose keeps on its own network. `host` is the
/// host the URL named: a compose service name (`postiz-postgres`) gets the compose advice
/// first.
pub fn reach_advice(store: Store, host: &str) -> String {
    let (service, port, url) = match store {
        Store::Database => (
            "postiz-postgres",
            5432,
            "postgresql://postiz-user:postiz-password@127.0.0.1:5432/postiz-db-local",
        ),
        Store::Redis => ("postiz-redis", 6379, "redis://127.0.0.1:6379"),
    };
    let compose = format!(
        "Postiz's docker-compose does not publish it: add a compose override that publishes \
         {service} on 127.0.0.1 (services: {service}: ports: [\"127.0.0.1:{port}:{port}\"]), \
         `docker compose up -d`, then pass {flag} {url}; or run this tool on the compose \
         network (docker run --rm --network <project>_postiz-network ...)",
        flag = store.flag()
    );
    let compose_host = !host.contains('.') && host != "localhost" && !host.contains(':');
    if compose_host {
        format!(
            "{host} is a name only the compose network resolves. {compose}; see docs/postiz.md \
             \"Inspecting a self-hosted Postiz\""
        )
    } else {
        format!(
            "check that {} is running and listens on {host}, and that {} (or {}) is right. \
             {compose}",
            store.name(),
            store.flag(),
            store.var()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn flags_win_over_the_env_file_which_wins_over_the_environment() {
        let file = EnvFile {
            path: "/srv/postiz/.env".into(),
            vars: HashMap::from([
                (
                    "DATABASE_URL".to_string(),
                    "postgresql://file/db".to_string(),
                ),
                ("REDIS_URL".to_string(), String::new()),
            ]),
        };
        let env = |name: &str| match name {
            "DATABASE_URL" => Some("postgresql://env/db".to_string()),
            "REDIS_URL" => Some("redis://env:6379".to_string()),
            _ => None,
        };
        let d = locate(None, None, Some(&file), &env);
        assert_eq!(d.database.as_ref().unwrap().url, "postgresql://file/db");
        assert_eq!(d.database.unwrap().from, "DATABASE_URL in /srv/postiz/.env");
        // Empty in the file: the environment's.
        assert_eq!(d.redis.unwrap().from, "environment variable REDIS_URL");
        let d = locate(Some("postgresql://flag/db"), None, Some(&file), &env);
        assert_eq!(d.database.unwrap().from, "--database-url");
        let d = locate(None, None, None, &|_| None);
        assert!(d.database.is_none() && d.redis.is_none());
    }

    #[test]
    fn passwords_are_masked() {
        assert_eq!(
            display_url("postgresql://postiz-user:postiz-password@db:5432/postiz?sslmode=require&password=x"),
            "postgresql://postiz-user:***@db:5432/postiz?sslmode=require&password=***"
        );
        assert_eq!(
            display_url("redis://:s3cret@cache:6379/0"),
            "redis://:***@cache:6379/0"
        );
        assert_eq!(
            display_url("not a url with hunter2"),
            "(a value that is not a URL)"
        );
    }

    #[test]
    fn passwords_are_masked_in_every_spelling() {
        for (url, shown) in [
            // The Redis crate's Unix-socket URLs carry the password as `pass=`.
            (
                "unix:///run/redis.sock?db=1&pass=hunter2",
                "unix:///run/redis.sock?db=1&pass=***",
            ),
            (
                "redis+unix:///run/redis.sock?pass=hunter2&user=postiz",
                "redis+unix:///run/redis.sock?pass=***&user=postiz",
            ),
            // libpq's client-key password.
            (
                "postgresql://u@db/x?sslmode=verify-full&sslpassword=hunter2",
                "postgresql://u@db/x?sslmode=verify-full&sslpassword=***",
            ),
            // Raw `#`, `?`, `/` and `@` in a password: none of it shows as port, path
            // or fragment.
            (
                "postgresql://u:12#hunter2@db:5432/x",
                "postgresql://u:***@db:5432/x",
            ),
            ("postgresql://u:hun?ter2@db/x", "postgresql://u:***@db/x"),
            ("postgresql://u:hun/ter2@db/x", "postgresql://u:***@db/x"),
            ("redis://:hu@nter2@cache:6379", "redis://:***@cache:6379"),
            (
                "redis://default:a/b?c#d@cache:6379/0",
                "redis://default:***@cache:6379/0",
            ),
            // User info in an app URL (MAIN_URL).
            (
                "https://admin:hunter2@postiz.example.com/",
                "https://admin:***@postiz.example.com/",
            ),
        ] {
            assert_eq!(display_url(url), shown, "{url}");
        }
        for url in ["hunter2", "postgresql://u:hunter2", "redis://:hunter2@"] {
            assert!(
                !display_url(url).contains("hunter2"),
                "{url}: {}",
                display_url(url)
            );
        }
    }

    #[test]
    fn connect_timeouts_are_bounded_with_a_clear_error() {
        assert!(check_connect_timeout(Duration::from_secs(3)).is_ok());
        for bad in [Duration::ZERO, Duration::from_secs(3601), Duration::MAX] {
            let err = check_connect_timeout(bad).unwrap_err();
            assert_eq!(err.exit_code(), crate::ExitCode::Usage, "{err}");
            assert!(err.to_string().contains("--connect-timeout"), "{err}");
        }
    }

    #[test]
    fn compose_service_names_get_the_compose_advice() {
        let advice = reach_advice(Store::Database, "postiz-postgres");
        assert!(
            advice.contains("only the compose network resolves"),
            "{advice}"
        );
        assert!(advice.contains("127.0.0.1:5432:5432"), "{advice}");
        let advice = reach_advice(Store::Redis, "cache.example.com");
        assert!(advice.starts_with("check that Postiz's Redis"), "{advice}");
        assert!(
            advice.contains("--redis-url redis://127.0.0.1:6379"),
            "{advice}"
        );
    }
}
