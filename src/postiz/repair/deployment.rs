//! What the repair services share: the caller's [`Context`], the deployment named by
//! `--env-file`/`--database-url` and its settings, the write connection and its row lock.

use super::writer::{self as repair, SecretRow, Writer};
use crate::error::Error;
use crate::postiz::locate::Deployment;
use crate::postiz::locate::Target;
use crate::providers::{credentials, Catalog, EnvFile};
use crate::store::Store;
use crate::ui::Ui;

/// What the repair services use of the caller's: where to print, the catalog, the local
/// store, the run's network settings.
pub struct Context<'a> {
    pub ui: &'a Ui,
    pub catalog: &'a Catalog,
    pub store: &'a Store,
    pub network: crate::http::Network,
}

impl Context<'_> {
    /// Prints what the engine hook has to say, for a service that still prints (adopt).
    pub(super) fn show(&self, notices: &[crate::postiz::engine::Notice]) {
        use crate::postiz::engine::Notice;
        for notice in notices {
            match notice {
                Notice::Done(text) => self.ui.step(text),
                Notice::Info(text) => self.ui.info(text),
                Notice::Warn(text) => self.ui.warn(text),
            }
        }
    }
}

pub(super) struct Located {
    pub(super) deployment: Deployment,
    pub(super) env_file: Option<EnvFile>,
}

pub(super) fn locate_from(args: &Target<'_>) -> Result<Located, Error> {
    let (deployment, env_file) = args.locate()?;
    Ok(Located {
        deployment,
        env_file,
    })
}

pub(super) fn writer(located: &Located, args: &Target<'_>) -> Result<Writer, Error> {
    let Some(database) = &located.deployment.database else {
        return Err(Error::Config {
            what: "no Postiz database to write to: no --database-url, no DATABASE_URL in the \
                   .env or the environment"
                .into(),
            fix: "pass --env-file with Postiz's .env, or --database-url".into(),
        });
    };
    Writer::connect(database, args.connect_timeout)
}

/// The deployment's environment: its `.env` when one is given (then the shell's own
/// variables are not the deployment's, and are not read), else this process's.
pub(super) fn deployment_env(env_file: Option<&EnvFile>) -> impl Fn(&str) -> Option<String> {
    let from_process = env_file.is_none();
    move |name| {
        if from_process {
            std::env::var(name).ok()
        } else {
            None
        }
    }
}

/// A setting of the deployment: its `.env` when given, else the environment.
pub(super) fn setting(names: &[String], env_file: Option<&EnvFile>) -> Option<(String, String)> {
    credentials::lookup(names, env_file, &deployment_env(env_file))
}

/// Where a channel is reconnected in Postiz: `FRONTEND_URL/launches`, as Postiz's own
/// refresh notification says (`integration.service.ts`, `informAboutRefreshError`).
pub(super) fn launches(env_file: Option<&EnvFile>) -> String {
    launches_in(env_file, &deployment_env(env_file))
}

/// [`launches`], with the environment read when there is no `.env` given.
pub(super) fn launches_in(
    env_file: Option<&EnvFile>,
    env: &dyn Fn(&str) -> Option<String>,
) -> String {
    match credentials::lookup(&["FRONTEND_URL".to_string()], env_file, env) {
        Some((url, _)) => format!("{}/launches", url.trim_end_matches('/')),
        None => "Postiz's Launches page (FRONTEND_URL/launches)".into(),
    }
}

/// Another run of this tool holds the row's lock.
pub(super) fn busy(id: &str, what: &str) -> Error {
    Error::Store {
        what: format!(
            "row {id}: another postiz refresh (or restore) of this row is running: not {what}, \
             nothing called, nothing written"
        ),
        fix: "let it finish, then check with postiz-connect postiz status".into(),
    }
}

/// How the user named the deployment, for a command printed back (never the URL itself:
/// it may hold a password).
pub(super) fn deployment_flag(args: &Target<'_>) -> String {
    match &args.env_file {
        Some(path) => format!(
            " --env-file {}",
            crate::text::shell_word(&path.display().to_string())
        ),
        None if args.database_url.is_some() => " --database-url URL".into(),
        None => String::new(),
    }
}

/// The `rootInternalId` whose other rows get a `oneTimeToken` provider's refreshed tokens:
/// the row's own, else its `internalId` (as `createOrUpdateIntegration` looks it up).
pub(super) fn share_root(row: &SecretRow) -> Option<&str> {
    repair::ONE_TIME_TOKEN_PROVIDERS
        .contains(&row.provider.as_str())
        .then(|| {
            row.root_internal_id
                .as_deref()
                .filter(|r| !r.is_empty())
                .unwrap_or(&row.internal_id)
        })
}

/// "; the same in the N other row(s) of the same login, as Postiz does: ID (provider
/// \"name\"), ..." for a dry run; empty when there are none.
pub(super) fn shared_list(shared: &[SecretRow]) -> String {
    if shared.is_empty() {
        return String::new();
    }
    format!(
        "; the same in the {} other row(s) of the same login, as Postiz does: {}",
        shared.len(),
        shared
            .iter()
            .map(|r| format!("{}{}", r.label(), if r.deleted { " (deleted)" } else { "" }))
            .collect::<Vec<_>>()
            .join(", ")
    )
}
