//! The command line (clap derive), shared by the binary, completions and man pages.
//!
//! Every catalog provider is also a subcommand of its own (`postiz-connect twitter`),
//! taking the same arguments as `connect <provider>`.

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::error::exit_codes_help;
use crate::providers::{find, Catalog, ClientAuth, Provider, Summary};
use crate::secret::Secret;

/// The program's name, as `--version` and usage show it.
const NAME: &str = "postiz-connect";

#[derive(Debug, Parser)]
#[command(
    name = NAME,
    version,
    about = "Connect Postiz social channels over OAuth from your own machine",
    long_about = "Connect Postiz social channels over OAuth from your own machine.\n\n\
        Runs the whole handshake locally: a loopback redirect listener on 127.0.0.1, PKCE \
        (S256) and a one-time state, the code exchange, a check of the granted scopes, an \
        identity check, and tokens stored in the OS keychain. Every step is shown, and \
        every failure comes with its cause and the fix.",
    after_help = exit_codes_help(),
    propagate_version = true,
    subcommand_required = true,
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args, Default)]
pub struct GlobalArgs {
    /// Print machine-readable JSON on stdout (errors as JSON on stderr)
    #[arg(long, global = true)]
    pub json: bool,
    /// Print only results and errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Show each HTTP exchange, with tokens, codes and secrets masked
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

// Parsed once per process; boxing the big variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Connect a channel: `connect <provider>` (each provider is also its own subcommand)
    Connect {
        /// Provider id or alias (see `postiz-connect providers`)
        provider: String,
        #[command(flatten)]
        args: ConnectArgs,
    },
    /// Show the stored channels
    Status,
    /// Print a channel's access token, for scripts (refreshed first when expired)
    Token {
        /// Channel name, as `status` shows it (e.g. twitter:jack)
        channel: String,
        /// Print the stored token even if it has expired; never refresh
        #[arg(long)]
        no_refresh: bool,
    },
    /// Refresh stored tokens: once, or as a watcher that refreshes each channel before it expires
    #[command(
        override_usage = "postiz-connect refresh [OPTIONS] <CHANNELS>...\n       postiz-connect refresh [OPTIONS] --all\n       postiz-connect refresh [OPTIONS] --watch [CHANNELS]..."
    )]
    Refresh {
        /// Channels to refresh (see `status`)
        #[arg(required_unless_present_any = ["all", "watch"])]
        channels: Vec<String>,
        /// Every stored channel that is due
        #[arg(long, conflicts_with = "channels")]
        all: bool,
        /// Due when the access token expires within this window (Postiz refreshes 1 hour ahead), or at half its lifetime if sooner
        #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = humantime::parse_duration)]
        within: Duration,
        /// Refresh even if not due
        #[arg(long)]
        force: bool,
        /// Say what would be refreshed; change nothing
        #[arg(long)]
        dry_run: bool,
        /// How many token requests to have in flight at once
        #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=64))]
        jobs: u16,
        /// Keep running: refresh each channel when it becomes due, until Ctrl-C (a refresh that
        /// stays on, with the same flags and outcomes; `postiz watch` only observes connects)
        #[arg(long, conflicts_with_all = ["force", "dry_run"])]
        watch: bool,
    },
    /// Store the tokens of a recovery file (written when a refresh could not save them)
    Restore {
        /// The recovery file the refresh error named
        file: PathBuf,
        /// Say which channel the file would restore, and where; write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Revoke a channel's tokens at the provider and delete them here
    Logout {
        /// Channel name, as `status` shows it
        channel: String,
        /// Delete the local copy without revoking at the provider
        #[arg(long)]
        local_only: bool,
        /// Say what would be revoked and deleted; call no provider, delete nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// List the providers in the catalog
    Providers {
        /// Show one provider in full
        provider: Option<String>,
        /// Also show the redirect URI Postiz sends for this FRONTEND_URL
        #[arg(long, value_name = "URL", conflicts_with = "env_file")]
        frontend_url: Option<String>,
        #[command(flatten)]
        env_file: EnvFileArg,
    },
    /// Find the cause of a failing connection and print the fix
    Doctor(DoctorArgs),
    /// See inside a self-hosted Postiz: its channels' health and its connects; repair a channel
    Postiz {
        #[command(subcommand)]
        command: PostizCommand,
    },
    /// Run a local emulation of a provider's OAuth endpoints, until Ctrl-C
    Sandbox {
        /// The provider to emulate (its catalog entry drives the emulation)
        #[arg(default_value = "twitter")]
        provider: String,
        /// Deprecated spelling of the PROVIDER argument
        #[arg(
            long = "provider",
            value_name = "PROVIDER",
            hide = true,
            conflicts_with = "provider"
        )]
        provider_flag: Option<String>,
        /// Listen on this port of 127.0.0.1 (default: a random free port)
        #[arg(long)]
        port: Option<u16>,
        #[command(flatten)]
        emulation: EmulationArgs,
        /// Access-token lifetime
        #[arg(long, value_name = "DURATION", default_value = "2h", value_parser = humantime::parse_duration)]
        access_ttl: Duration,
    },
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// `postiz-connect postiz ...`: read a Postiz deployment's own state.
#[derive(Debug, Subcommand)]
pub enum PostizCommand {
    /// Every channel's health, grouped by organization, the connects in progress, and Postiz's engine (Temporal)
    #[command(after_help = POSTIZ_STATUS_HELP)]
    Status {
        #[command(flatten)]
        deployment: DeploymentArgs,
        /// Only this organization, by name or id
        #[arg(long, value_name = "NAME|ID")]
        org: Option<String>,
        /// List every channel (above 30, the healthy ones are otherwise counted per organization and provider)
        #[arg(long)]
        all: bool,
    },
    /// Trace connects as they happen (click "Add Channel" in Postiz meanwhile), until Ctrl-C
    #[command(after_help = POSTIZ_WATCH_HELP)]
    Watch {
        #[command(flatten)]
        deployment: DeploymentArgs,
        /// Only this organization, by name or id
        #[arg(long, value_name = "NAME|ID")]
        org: Option<String>,
        /// Stop after this long (default: until Ctrl-C)
        #[arg(long = "stop-after", value_name = "DURATION", value_parser = humantime::parse_duration)]
        timeout: Option<Duration>,
        /// Deprecated spelling of --stop-after
        #[arg(long = "timeout", value_name = "DURATION", hide = true, conflicts_with = "timeout", value_parser = humantime::parse_duration)]
        deprecated_timeout: Option<Duration>,
        /// A state consumed with no channel row written within this long is a failed token exchange
        #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = humantime::parse_duration)]
        grace: Duration,
        /// How often Redis and the channel rows are read
        #[arg(long, value_name = "DURATION", default_value = "250ms", value_parser = parse_interval)]
        interval: Duration,
    },
    /// Refresh channels of the deployment in place, with its own client credentials (writes their rows)
    #[command(after_help = POSTIZ_REFRESH_HELP)]
    Refresh {
        /// The channels' row ids (`postiz status` shows them as "row ...")
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[command(flatten)]
        deployment: DeploymentArgs,
        /// The deployment's client id (default: the provider's variable in --env-file, then the environment)
        #[arg(long, value_name = "ID", conflicts_with = "sandbox_at")]
        client_id: Option<String>,
        /// The deployment's client secret (default: as --client-id)
        #[arg(long, value_name = "SECRET", conflicts_with = "sandbox_at", value_parser = secret_arg)]
        client_secret: Option<Secret>,
        #[command(flatten)]
        sandbox_at: SandboxAtArg,
        /// Say what would change; call no provider, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Hand a channel connected by this tool to the deployment: write its row as Postiz's own connect does
    #[command(after_help = POSTIZ_ADOPT_HELP)]
    Adopt {
        /// The local channel (`postiz-connect status` lists them)
        channel: String,
        /// The organization to add it to, by name or id
        #[arg(long, value_name = "NAME|ID")]
        org: String,
        #[command(flatten)]
        deployment: DeploymentArgs,
        /// Print the row it would write (secrets masked); write nothing
        #[arg(long)]
        dry_run: bool,
        /// Replace an existing row's tokens that differ from the channel's (the replaced
        /// ones are kept in a 0600 file under postiz-replaced/)
        #[arg(long)]
        replace_tokens: bool,
    },
    /// Put the tokens of a record `postiz refresh` kept aside back into their row
    #[command(after_help = POSTIZ_RESTORE_HELP)]
    Restore {
        /// The record the refresh error named (in the config dir's postiz-pending/)
        file: PathBuf,
        #[command(flatten)]
        deployment: DeploymentArgs,
        /// Say what would change; write nothing
        #[arg(long)]
        dry_run: bool,
    },
}

const POSTIZ_RESTORE_HELP: &str = "\
Writes the record's token, refreshToken and tokenExpiration into its row, in one
transaction, only while the row still holds the tokens the record replaces (otherwise
Postiz has newer ones and nothing is written); then removes the record. A row already
holding the record's tokens only has the record removed. Never prints tokens.

Exit codes: 0 restored (or already there), 1 the row changed meanwhile, 2 not a record,
4 the row changed since the record or is gone, 5 database unreachable, 6 another database.";

const POSTIZ_REFRESH_HELP: &str = "\
Writes: each row in one transaction, only if it still holds the tokens read (if Postiz
changed it meanwhile, nothing is written). The new tokens go to a 0600 file first
(postiz-pending/ in the config dir), removed once the row holds them; if no such file can
be written, the provider is not called. `postiz restore FILE` puts a kept file's tokens
into the row. Never prints tokens.

Exit codes: 0 refreshed (or nothing to do), 1 the row changed meanwhile, the write
failed or no record could be written, another postiz refresh of the row is running, an
earlier refresh's record waits for `postiz restore`, or the provider may have spent the
refresh token without answering, 4 the provider refused the grant (reconnect from Postiz), 5 network or database
unreachable, or a threads / instagram-standalone row refreshed whose refresh workflow could
not be started in Temporal (the command that starts it is printed), 6 credentials or
database misconfigured (or the role may not write).";

const POSTIZ_ADOPT_HELP: &str = "\
Writes one row as Postiz's createOrUpdateIntegration does (upsert on organization and
internal id: an existing row is updated in place and keeps its id). Refuses a token from
another app than the deployment's, and an existing row holding other tokens than the
channel's unless --replace-tokens (its tokens are then kept in a 0600 file under
postiz-replaced/, which `postiz restore FILE` puts back). Never prints tokens; --dry-run
masks them.

Exit codes: 0 adopted, 1 the row changed meanwhile or the replaced tokens could not be
kept, 2 no such organization, 4 refused by a guard, 5 database unreachable, or a threads /
instagram-standalone row written whose refresh workflow could not be started in Temporal,
6 configuration (no client id in the .env, not a Postiz database).";

const POSTIZ_STATUS_HELP: &str = "\
Reads only: read-only transactions on the database; SCAN, TTL and GET of non-secret keys
on Redis. Never shows tokens, refresh tokens, API keys or Redis values.

Temporal (the engine: workers, refresh workflows, posts due with no workflow) is only
described, never started, signalled or terminated.

Exit codes: 0 every channel and the engine healthy (warnings allowed), 1 a channel or the
engine has a problem, 5 the database, Redis or Temporal cannot be reached (the report is
incomplete), 6 a URL, login or database that is not Postiz's.";

const POSTIZ_WATCH_HELP: &str = "\
Prints each connect as Postiz makes it: state created, state consumed, channel row written,
page chosen; and the verdicts: a state consumed with no row within --grace (the token
exchange failed), a state that expired unconsumed (the provider never sent the browser back);
for threads and instagram-standalone rows, the refresh workflow Postiz starts (or its absence
after --grace).

Exit codes: 0 no connect failed, 1 a connect failed, 5 the database or Redis cannot be
reached, 6 a URL, login or database that is not Postiz's.";

fn parse_interval(text: &str) -> Result<Duration, String> {
    let d = humantime::parse_duration(text).map_err(|e| e.to_string())?;
    if d < Duration::from_millis(50) || d > Duration::from_secs(60) {
        return Err("give an interval between 50ms and 60s".into());
    }
    Ok(d)
}

/// Where a Postiz deployment's PostgreSQL and Redis are.
#[derive(Debug, Clone, Args, Default)]
pub struct DeploymentArgs {
    #[command(flatten)]
    pub env_file: EnvFileArg,
    /// Postiz's PostgreSQL (default: DATABASE_URL from --env-file, then from the environment)
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
    /// Postiz's Redis (default: REDIS_URL from --env-file, then from the environment)
    #[arg(long, value_name = "URL")]
    pub redis_url: Option<String>,
    /// Postiz's Temporal, HOST:PORT, or `none` (default: TEMPORAL_ADDRESS from --env-file, then from the environment, then localhost:7233 as Postiz)
    #[arg(long, value_name = "HOST:PORT")]
    pub temporal_address: Option<String>,
    /// Give up reaching the database, Redis or Temporal after this long
    #[arg(long, value_name = "DURATION", default_value = "3s", value_parser = humantime::parse_duration)]
    pub connect_timeout: Duration,
}

/// A secret given on the command line, kept out of the arguments' `Debug`.
fn secret_arg(value: &str) -> Result<Secret, std::convert::Infallible> {
    Ok(Secret::from(value))
}

/// Which client and which endpoints: shared by connecting and `doctor`.
#[derive(Debug, Clone, Args, Default)]
pub struct ClientArgs {
    /// OAuth client id (default: the provider's environment variable, see `providers`)
    #[arg(long, value_name = "ID", conflicts_with = "sandbox_at")]
    pub client_id: Option<String>,
    /// OAuth client secret; omit for a public client (prefer the environment variable)
    #[arg(long, value_name = "SECRET", conflicts_with = "sandbox_at", value_parser = secret_arg)]
    pub client_secret: Option<Secret>,
    /// How the client authenticates at the token endpoint
    #[arg(long, value_enum, value_name = "METHOD")]
    pub client_auth: Option<ClientAuth>,
    #[command(flatten)]
    pub env_file: EnvFileArg,
    /// The provider's instance, for providers that run on many hosts (Mastodon)
    #[arg(long, value_name = "URL", help_heading = "Endpoints")]
    pub instance: Option<String>,
    /// OpenID Connect / RFC 8414 issuer: endpoints come from its metadata
    #[arg(
        long,
        value_name = "URL",
        help_heading = "Endpoints",
        conflicts_with = "sandbox_at"
    )]
    pub issuer: Option<String>,
    /// Authorization endpoint (overrides the catalog)
    #[arg(
        long,
        value_name = "URL",
        help_heading = "Endpoints",
        conflicts_with = "sandbox_at"
    )]
    pub auth_url: Option<String>,
    /// Token endpoint (overrides the catalog)
    #[arg(
        long,
        value_name = "URL",
        help_heading = "Endpoints",
        conflicts_with = "sandbox_at"
    )]
    pub token_url: Option<String>,
    /// Endpoint that names the account (OIDC userinfo or the provider's "me")
    #[arg(long, value_name = "URL", help_heading = "Endpoints")]
    pub userinfo_url: Option<String>,
    /// RFC 7009 revocation endpoint, used by `logout`
    #[arg(long, value_name = "URL", help_heading = "Endpoints")]
    pub revoke_url: Option<String>,
    #[command(flatten)]
    pub sandbox_at: SandboxAtArg,
}

// `--env-file`: one flag, one meaning, wherever a command reads a Postiz .env.
#[derive(Debug, Clone, Args, Default)]
pub struct EnvFileArg {
    /// A Postiz .env file: what the command needs is read from it (client credentials,
    /// FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment
    #[arg(long = "env-file", id = "env_file", value_name = "PATH")]
    pub path: Option<PathBuf>,
}

// `--sandbox-at`: talk to a sandbox started with `postiz-connect sandbox`.
#[derive(Debug, Clone, Args, Default)]
pub struct SandboxAtArg {
    /// Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client
    #[arg(
        long = "sandbox-at",
        id = "sandbox_at",
        value_name = "URL",
        help_heading = "Sandbox"
    )]
    pub url: Option<String>,
}

// What an emulated provider does: `sandbox`, and `connect --sandbox`.
#[derive(Debug, Clone, Args, Default)]
pub struct EmulationArgs {
    /// Approve at once instead of showing the consent page (connect: with --sandbox; with
    /// --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no
    /// browser opens)
    #[arg(long, help_heading = "Sandbox")]
    pub auto_approve: bool,
    /// Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop
    #[arg(long = "fault", value_name = "FAULT", help_heading = "Sandbox")]
    pub faults: Vec<crate::sandbox::Fault>,
}

#[derive(Debug, Clone, Args, Default)]
pub struct ConnectArgs {
    #[command(flatten)]
    pub client: ClientArgs,
    /// Scopes to request instead of the provider's defaults (space or comma separated)
    #[arg(long, value_name = "SCOPES")]
    pub scopes: Option<String>,
    /// Two-step providers: the page, channel, blog or location to connect, by id or name
    /// (default: ask; without a terminal, list them and exit 6)
    #[arg(long, value_name = "ID|NAME")]
    pub page: Option<String>,
    /// Name the account yourself: for servers that cannot say whose account it is (no
    /// identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,
    /// Replace a stored channel of the same name connected another way (the other
    /// protocol, another app); without it the new one gets a name of its own
    #[arg(long)]
    pub replace: bool,
    /// X: connect with OAuth 1.0a as Postiz does (X_API_KEY / X_API_SECRET); automatic
    /// with a Postiz --env-file that has them, or when only those are set
    #[arg(long)]
    pub oauth1: bool,
    /// X: connect with OAuth 2.0 + PKCE (X_CLIENT_ID / X_CLIENT_SECRET, this tool's own;
    /// Postiz does not read them) even when the OAuth 1.0a keys are set
    #[arg(long, conflicts_with = "oauth1")]
    pub oauth2: bool,

    /// Listen on this port of 127.0.0.1 (default: a random free port)
    #[arg(long, value_name = "PORT", help_heading = "Redirect")]
    pub port: Option<u16>,
    /// Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)
    #[arg(long, value_name = "URI", help_heading = "Redirect")]
    pub redirect_uri: Option<String>,
    /// Do not open a browser; print the URL to open
    #[arg(long, help_heading = "Redirect")]
    pub no_browser: bool,
    /// Paste the URL the browser ended on (or the code) when the callback cannot reach this machine
    #[arg(long, help_heading = "Redirect")]
    pub paste: bool,
    /// Give up waiting for the browser after this long
    #[arg(long = "browser-timeout", value_name = "DURATION", default_value = "5m", value_parser = humantime::parse_duration, overrides_with = "timeout", help_heading = "Redirect")]
    pub timeout: Duration,
    /// Deprecated spelling of --browser-timeout
    #[arg(long = "timeout", value_name = "DURATION", hide = true, conflicts_with = "timeout", value_parser = humantime::parse_duration)]
    pub deprecated_timeout: Option<Duration>,

    /// Keep tokens in a 0600 file instead of the OS keychain (remembered)
    #[arg(long, conflicts_with = "keychain", help_heading = "Storage")]
    pub insecure_storage: bool,
    /// Store in the OS keychain, undoing a remembered --insecure-storage
    #[arg(long, help_heading = "Storage")]
    pub keychain: bool,

    /// Connect against a local emulation of the provider: no account or credentials needed
    #[arg(long, help_heading = "Sandbox", conflicts_with_all = ["client_id", "client_secret", "issuer", "auth_url", "token_url", "sandbox_at"])]
    pub sandbox: bool,
    // With --sandbox: `build_command_for` adds the requirement.
    #[command(flatten)]
    pub emulation: EmulationArgs,
}

impl ConnectArgs {
    /// The connect these flags ask for, as the connect service takes it.
    pub fn options(&self) -> crate::connect::ConnectOptions {
        crate::connect::ConnectOptions {
            client: self.client.options(),
            scopes: self.scopes.clone(),
            page: self.page.clone(),
            account: self.account.clone(),
            replace: self.replace,
            oauth1: self.oauth1,
            oauth2: self.oauth2,
            port: self.port,
            redirect_uri: self.redirect_uri.clone(),
            no_browser: self.no_browser,
            paste: self.paste,
            timeout: self.timeout,
            insecure_storage: self.insecure_storage,
            keychain: self.keychain,
            sandbox: self.sandbox,
            auto_approve: self.emulation.auto_approve,
            faults: self.emulation.faults.clone(),
        }
    }
}

impl ClientArgs {
    /// The client and endpoints these flags name, as the connect service takes them.
    pub fn options(&self) -> crate::connect::ClientOptions {
        crate::connect::ClientOptions {
            client_id: self.client_id.clone(),
            client_secret: self.client_secret.clone(),
            client_auth: self.client_auth,
            env_file: self.env_file.path.clone(),
            instance: self.instance.clone(),
            issuer: self.issuer.clone(),
            auth_url: self.auth_url.clone(),
            token_url: self.token_url.clone(),
            userinfo_url: self.userinfo_url.clone(),
            revoke_url: self.revoke_url.clone(),
            sandbox_at: self.sandbox_at.url.clone(),
        }
    }
}

#[derive(Debug, Clone, Args, Default)]
pub struct DoctorArgs {
    /// Focus on these providers (checks their endpoints, credentials and redirect URIs)
    pub providers: Vec<String>,
    /// The redirect URI the app sends, to compare with --registered
    #[arg(long, value_name = "URI")]
    pub redirect_uri: Option<String>,
    /// A redirect URI registered in the provider's console (repeatable)
    #[arg(long, value_name = "URI")]
    pub registered: Vec<String>,
    /// The URL the browser ended on, to explain
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Skip every network check
    #[arg(long)]
    pub offline: bool,
    /// Time limit of each network probe (they run at once)
    #[arg(long = "probe-timeout", value_name = "DURATION", default_value = "5s", value_parser = humantime::parse_duration)]
    pub timeout: Duration,
    /// Deprecated spelling of --probe-timeout
    #[arg(long = "timeout", value_name = "DURATION", hide = true, conflicts_with = "timeout", value_parser = humantime::parse_duration)]
    pub deprecated_timeout: Option<Duration>,
    /// The client to probe the token endpoint with, the endpoints, and a Postiz .env to lint
    #[command(flatten)]
    pub client: ClientArgs,
}

/// What the user asked for, after parsing.
#[derive(Debug)]
pub struct Invocation {
    pub global: GlobalArgs,
    pub command: Command,
    /// One line per old spelling used (`--timeout` where `--browser-timeout` is meant):
    /// shown on stderr, never in the output.
    pub deprecations: Vec<String>,
}

/// The old spellings still accepted, each as a hidden flag of its own: its value moves to
/// the new one here, with a note naming the new spelling.
fn settle_deprecated(command: &mut Command) -> Vec<String> {
    let mut notes = Vec::new();
    let mut note = |old: &str, new: &str| {
        notes.push(format!(
            "note: {old} is deprecated and will be removed; use {new}"
        ))
    };
    match command {
        Command::Connect { args, .. } => {
            if let Some(t) = args.deprecated_timeout.take() {
                args.timeout = t;
                note("--timeout", "--browser-timeout");
            }
        }
        Command::Doctor(args) => {
            if let Some(t) = args.deprecated_timeout.take() {
                args.timeout = t;
                note("--timeout", "--probe-timeout");
            }
        }
        Command::Postiz {
            command:
                PostizCommand::Watch {
                    timeout,
                    deprecated_timeout,
                    ..
                },
        } => {
            if let Some(t) = deprecated_timeout.take() {
                *timeout = Some(t);
                note("postiz watch --timeout", "postiz watch --stop-after");
            }
        }
        Command::Sandbox {
            provider,
            provider_flag,
            ..
        } => {
            if let Some(p) = provider_flag.take() {
                *provider = p;
                note("sandbox --provider NAME", "sandbox NAME");
            }
        }
        _ => {}
    }
    notes
}

/// The words a provider id or alias may not take: each built-in subcommand's name and
/// aliases, and clap's own `help`. Taken from the command itself, so a new subcommand is
/// reserved without a list to keep up.
pub fn reserved_names() -> Vec<String> {
    let mut cmd = Cli::command();
    // Building adds the generated `help` subcommand.
    cmd.build();
    cmd.get_subcommands()
        .flat_map(|c| std::iter::once(c.get_name()).chain(c.get_all_aliases()))
        .map(str::to_string)
        .collect()
}

/// A value parser that accepts what `inner` accepts and offers `values` to shell
/// completion (and to nothing else: no "[possible values]" list in help, no validation
/// beyond `inner`'s, so an unknown provider still gets the catalog's own error).
#[derive(Clone)]
struct Suggest<P> {
    inner: P,
    values: Vec<String>,
}

impl<P: clap::builder::TypedValueParser> clap::builder::TypedValueParser for Suggest<P> {
    type Value = P::Value;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        self.inner.parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.values
                .iter()
                .map(|v| clap::builder::PossibleValue::new(v.clone())),
        ))
    }
}

/// Every provider id and alias, for completion.
fn provider_names(summaries: &[Summary]) -> Vec<String> {
    summaries
        .iter()
        .flat_map(Summary::names)
        .map(str::to_string)
        .collect()
}

/// `arg` completes `values`, parsed as before by `inner`.
fn suggesting<P>(arg: clap::Arg, inner: P, values: Vec<String>) -> clap::Arg
where
    P: clap::builder::TypedValueParser + Clone + Send + Sync + 'static,
{
    arg.value_parser(Suggest { inner, values })
        .hide_possible_values(true)
}

/// `--fault` completes the fault names (`slow:` with an example delay).
fn fault_arg(arg: clap::Arg) -> clap::Arg {
    let names = crate::sandbox::FAULT_NAMES
        .split(", ")
        .map(|n| n.replace("<ms>", "500"))
        .collect();
    suggesting(arg, |s: &str| s.parse::<crate::sandbox::Fault>(), names)
}

/// A connect's faults ask for `--sandbox` (the flag is shared with `sandbox`, where it
/// stands alone); `--auto-approve` also goes with `--sandbox-at`, which the connect
/// checks itself.
fn with_sandbox(connect: clap::Command) -> clap::Command {
    connect.mut_arg("faults", |a| fault_arg(a).requires("sandbox"))
}

/// The full command: the derive surface plus one subcommand per catalog provider.
pub fn build_command(catalog: &Catalog) -> clap::Command {
    build_command_for(Cli::command(), Some(&catalog.summaries()), Providers::All)
}

/// The command line as shell completion sees it: a provider's subcommand without the
/// flags that do not apply to it (hidden for parsing, but the completion generators of
/// clap_complete offer hidden flags too). The channel arguments of `token`, `refresh` and
/// `logout` complete the stored channels' names, read when completing (the dynamic
/// completion of `COMPLETE=<shell> postiz-connect`; the static scripts cannot).
pub fn completion_command(catalog: &Catalog) -> clap::Command {
    let channels = |a: clap::Arg| a.add(clap_complete::ArgValueCandidates::new(stored_channels));
    build_command(catalog)
        .mut_subcommand("token", |c| c.mut_arg("channel", channels))
        .mut_subcommand("logout", |c| c.mut_arg("channel", channels))
        .mut_subcommand("refresh", |c| c.mut_arg("channels", channels))
        .mut_subcommands(|sub| {
            if !sub.get_arguments().any(|a| a.is_hide_set()) {
                return sub;
            }
            let args: Vec<clap::Arg> = sub
                .get_arguments()
                .filter(|a| !a.is_hide_set())
                .cloned()
                .collect();
            let aliases: Vec<String> = sub.get_visible_aliases().map(str::to_string).collect();
            clap::Command::new(sub.get_name().to_string())
                .about(sub.get_about().cloned().unwrap_or_default())
                .visible_aliases(aliases)
                .args(args)
        })
}

/// The stored channels, each with its account and whether it is a sandbox's, as
/// completion candidates.
fn stored_channels() -> Vec<clap_complete::CompletionCandidate> {
    crate::store::Store::new(crate::store::default_home())
        .peek()
        .into_iter()
        .map(|c| {
            let help = format!(
                "{}{}",
                c.account.name.as_deref().unwrap_or(&c.provider),
                if c.is_sandboxed() { " (sandbox)" } else { "" }
            );
            clap_complete::CompletionCandidate::new(c.name)
                .help(Some(crate::ui::terminal_safe(&help).into_owned().into()))
        })
        .collect()
}

/// Which provider subcommands a command line gets: each carries every connect flag, and
/// building two dozen of them is most of the start-up time of a command that needs none.
#[derive(Clone, Copy)]
enum Providers<'a> {
    /// None: a built-in command is named (or none, without asking for help).
    None,
    /// The named provider's only.
    Only(&'a Summary),
    /// Each as a line of the top-level help's listing (name, about, aliases), no flags.
    Listed,
    /// Each in full: for `help`, an unknown word, completions and man pages.
    All,
}

/// The command line, with the catalog's names where a provider is named (when `catalog`
/// is given: a built-in command other than `connect` parses and shows its help without
/// them) and `providers`' subcommands.
fn build_command_for(
    base: clap::Command,
    catalog: Option<&[Summary]>,
    providers: Providers,
) -> clap::Command {
    let names = catalog.map(provider_names);
    let text = clap::builder::StringValueParser::new();
    // The catalog's names complete wherever a provider is named (and `connect` checks
    // its provider against them). Each `mut_arg` moves its argument last, which is the
    // order completions list them in: the names first, then the faults.
    let suggested = |c: clap::Command, arg: &str| match &names {
        Some(names) => c.mut_arg(arg, |a| suggesting(a, text, names.clone())),
        None => c,
    };
    let mut cmd = base
        .mut_subcommand("connect", |c| {
            let c = match &names {
                Some(names) => c.mut_arg("provider", |a| {
                    a.value_parser(clap::builder::PossibleValuesParser::new(names.clone()))
                }),
                None => c,
            };
            with_sandbox(c)
        })
        .mut_subcommand("doctor", |c| suggested(c, "providers"))
        .mut_subcommand("providers", |c| suggested(c, "provider"))
        .mut_subcommand("sandbox", |c| {
            suggested(c, "provider").mut_arg("faults", fault_arg)
        });
    let Some(summaries) = catalog else {
        return cmd;
    };
    let wanted: &[Summary] = match providers {
        Providers::None => &[],
        Providers::Only(one) => std::slice::from_ref(one),
        Providers::Listed | Providers::All => summaries,
    };
    for provider in wanted {
        // A user-defined provider may not shadow a built-in command.
        if cmd.find_subcommand(&*provider.id).is_some() {
            continue;
        }
        let about = format!(
            "Connect a channel: {}",
            crate::ui::terminal_safe(&provider.name)
        );
        let aliases: Vec<String> = provider.aliases.iter().map(|a| a.to_string()).collect();
        let sub = match providers {
            Providers::Listed => clap::Command::new(provider.id.to_string())
                .about(about)
                .visible_aliases(aliases),
            // The about comes after the flags: a flattened struct's doc comment would
            // replace it.
            _ => only_what_applies(
                with_sandbox(ConnectArgs::augment_args(clap::Command::new(
                    provider.id.to_string(),
                )))
                .about(about)
                .visible_aliases(aliases)
                .after_help(exit_codes_help()),
                provider,
            ),
        };
        cmd = cmd.subcommand(sub);
    }
    cmd
}

/// The provider runs on many hosts (its endpoints are written with `{base}`): `--instance`.
pub fn has_instances(provider: &Provider) -> bool {
    provider.needs_base()
}

/// A page, channel, blog or location is chosen after the login: `--page`.
pub fn is_two_step(provider: &Provider) -> bool {
    provider.pages.is_some()
}

/// The catalog has an OAuth 1.0a flow for it: `--oauth1`.
pub fn has_oauth1(provider: &Provider) -> bool {
    provider.oauth1.is_some()
}

/// A provider's own subcommand shows only the flags that apply to it, worded from its
/// catalog entry. The others stay hidden but parse, so that `connect` can refuse them
/// with the providers they apply to (a clap "unexpected argument" would not say).
fn only_what_applies(sub: clap::Command, provider: &Summary) -> clap::Command {
    let safe = |text: &str| crate::ui::terminal_safe(text).into_owned();
    let sub = match &provider.page_kind {
        Some(kind) => sub.mut_arg("page", |a| {
            a.help(format!(
                "The {} to connect, by id or name (default: ask; without a terminal, list them and exit 6)",
                safe(kind)
            ))
        }),
        None => sub.mut_arg("page", |a| a.hide(true)),
    };
    let sub = match &provider.oauth1 {
        Some(keys) => sub.mut_arg("oauth1", |a| {
            a.help(format!(
                "Connect with OAuth 1.0a as Postiz does ({}); automatic when only those are set",
                safe(&[keys.key_env.join(" or "), keys.secret_env.join(" or ")].join(" / "))
            ))
        }),
        // `--oauth2` only chooses against OAuth 1.0a: it goes with it.
        None => sub
            .mut_arg("oauth1", |a| a.hide(true))
            .mut_arg("oauth2", |a| a.hide(true)),
    };
    match &provider.instances {
        Some(instances) => {
            let default = match (&instances.env, &instances.default) {
                (env, Some(url)) if !env.is_empty() => format!("{}, else {url}", env.join(" or ")),
                (env, None) if !env.is_empty() => env.join(" or "),
                (_, Some(url)) => url.to_string(),
                (_, None) => "none".into(),
            };
            sub.mut_arg("instance", |a| {
                a.help(format!(
                    "The instance to connect to (default: {})",
                    safe(&default)
                ))
            })
        }
        None => sub.mut_arg("instance", |a| a.hide(true)),
    }
}

/// Why the command line gave no invocation.
#[derive(Debug)]
pub enum Failure<E> {
    /// A usage error, or the help or version to print: clap's, to show and exit with.
    Usage(clap::Error),
    /// The catalog, needed to parse these arguments, could not be read.
    Catalog(E),
}

/// `--json` among the arguments (before a `--`): then the command line's own failures
/// (an unknown flag, a missing argument) are JSON too, as every other outcome is.
pub fn wants_json(args: &[OsString]) -> bool {
    args.iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .any(|a| a == "--json")
}

/// A usage error of clap's as the tool's own ([`Error::Usage`]): clap's first line is
/// the message, its tips and usage line the detail.
pub fn usage_error(err: &clap::Error) -> crate::error::Error {
    use clap::error::ErrorKind;
    if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return crate::error::Error::Usage("a subcommand is required".into())
            .with_detail("see postiz-connect --help");
    }
    let text = err.to_string();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("bad command line");
    let message = first.strip_prefix("error: ").unwrap_or(first).to_string();
    let rest: Vec<&str> = lines.collect();
    crate::error::Error::Usage(message).with_detail(rest.join("; "))
}

/// Parse arguments against the catalog.
pub fn parse<I, T>(catalog: &Catalog, args: I) -> Result<Invocation, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    parse_lazy(args, || {
        Ok::<_, std::convert::Infallible>(catalog.summaries())
    })
    .map_err(|failure| match failure {
        Failure::Usage(err) => err,
        Failure::Catalog(never) => match never {},
    })
}

/// Parse arguments, asking `catalog` for the providers' summaries only when the arguments
/// name or list a provider: `--version`, and a built-in command other than `connect` (its
/// help included), parse without them.
pub fn parse_lazy<I, T, E>(
    args: I,
    catalog: impl FnOnce() -> Result<Vec<Summary>, E>,
) -> Result<Invocation, Failure<E>>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // The first word that is not a flag names the subcommand (global flags take no
    // value). A built-in command gets no provider subcommand, a provider its own; the
    // top-level help lists every provider, `help` and unknown words get every one in
    // full. With no word and no help asked (the version, or a usage error such as no
    // arguments at all), none: as before start-up was made lazy.
    let first = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy())
        .find(|a| !a.starts_with('-'));
    let asks_help = args.iter().skip(1).any(|a| a == "-h" || a == "--help");
    // With no command and no help asked, the arguments are `--version` or a usage error:
    // the version is the top level's alone, without the subcommands (built for the rest).
    if first.is_none() && !asks_help {
        let mut top =
            GlobalArgs::augment_args(clap::Command::new(NAME).version(env!("CARGO_PKG_VERSION")));
        if let Err(err) = top.try_get_matches_from_mut(&args) {
            if err.kind() == clap::error::ErrorKind::DisplayVersion {
                return Err(Failure::Usage(err));
            }
        }
    }
    let base = Cli::command();
    let builtins: Vec<String> = base
        .get_subcommands()
        .flat_map(|c| std::iter::once(c.get_name()).chain(c.get_all_aliases()))
        .map(str::to_string)
        .collect();
    let builtin = |word: &str| builtins.iter().any(|b| b == word);
    // `connect` checks its provider against the catalog's names.
    let needs_catalog = match first.as_deref() {
        None => asks_help,
        Some(word) => word == "connect" || !builtin(word),
    };
    let summaries = match needs_catalog {
        true => Some(catalog().map_err(Failure::Catalog)?),
        false => None,
    };
    let providers = match (first.as_deref(), summaries.as_deref()) {
        (_, None) => Providers::None,
        (None, Some(_)) => Providers::Listed,
        (Some(word), Some(_)) if builtin(word) => Providers::None,
        (Some(word), Some(all)) => match find(all, word) {
            Some(provider) => Providers::Only(provider),
            // `help`, or an unknown word: clap's listing or suggestion names them all.
            None => Providers::All,
        },
    };
    let mut cmd = build_command_for(base, summaries.as_deref(), providers);
    let matches = cmd.try_get_matches_from_mut(args).map_err(Failure::Usage)?;
    from_matches(
        summaries.as_deref().unwrap_or_default(),
        &builtins,
        &matches,
    )
    .map_err(|e| Failure::Usage(e.format(&mut cmd)))
}

fn from_matches(
    summaries: &[Summary],
    builtins: &[String],
    matches: &ArgMatches,
) -> Result<Invocation, clap::Error> {
    let global = GlobalArgs::from_arg_matches(matches)?;
    if let Some((name, sub)) = matches.subcommand() {
        let builtin = builtins.iter().any(|b| b == name);
        if let Some(provider) = find(summaries, name).filter(|_| !builtin) {
            let mut command = Command::Connect {
                provider: provider.id.to_string(),
                args: ConnectArgs::from_arg_matches(sub)?,
            };
            return Ok(Invocation {
                global,
                deprecations: settle_deprecated(&mut command),
                command,
            });
        }
    }
    let mut command = Cli::from_arg_matches(matches)?.command;
    Ok(Invocation {
        global,
        deprecations: settle_deprecated(&mut command),
        command,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(args: &[&str]) -> Invocation {
        parse(&Catalog::embedded(), args.iter().copied()).unwrap()
    }

    #[test]
    fn the_command_line_is_consistent() {
        build_command(&Catalog::embedded()).debug_assert();
    }

    /// Whatever it builds, the parse renders what the whole command line does: the help
    /// of every command and provider, the listing, the version, and usage errors.
    #[test]
    fn a_partly_built_command_line_says_what_the_whole_one_says() {
        let catalog = Catalog::embedded();
        let mut whole = build_command(&catalog);
        whole.build();
        let mut cases: Vec<Vec<String>> = Vec::new();
        for sub in whole.get_subcommands() {
            for name in std::iter::once(sub.get_name()).chain(sub.get_all_aliases()) {
                for flag in ["-h", "--help"] {
                    cases.push(vec![name.into(), flag.into()]);
                }
                cases.push(vec!["help".into(), name.into()]);
            }
            for nested in sub.get_subcommands() {
                cases.push(vec![
                    sub.get_name().into(),
                    nested.get_name().into(),
                    "--help".into(),
                ]);
            }
        }
        for args in [
            &["-h"][..],
            &["--help"],
            &["-q", "--help"],
            &["--version"],
            &["-V"],
            &["-q", "-v", "--version"],
            &["--json", "-V", "--bogus"],
            &["--bogus", "-V"],
            &["--", "-V"],
            &["help"],
            &["twitter", "--version"],
            &["nosuch"],
            &["twiter"],
            &["connect"],
            &["connect", "nosuch"],
            &["connect", "x", "--bogus"],
            &["status", "--bogus"],
            &["refresh"],
            &["token"],
            &["completions", "nosh"],
            &["twitter", "--bogus"],
            &["x", "--port", "p"],
            &["facebook", "--timeout", "soon"],
            &["postiz", "status", "--bogus"],
            &["doctor", "--timeout", "soon"],
            &["sandbox", "--fault", "nosuch"],
        ] {
            cases.push(args.iter().map(|a| a.to_string()).collect());
        }
        for args in cases {
            let argv: Vec<&str> = std::iter::once("postiz-connect")
                .chain(args.iter().map(String::as_str))
                .collect();
            // As it was parsed before it was built lazily: every provider, unbuilt.
            let expected = build_command(&catalog)
                .try_get_matches_from(&argv)
                .unwrap_err();
            let got = parse(&catalog, &argv).unwrap_err();
            assert_eq!(got.kind(), expected.kind(), "{args:?}");
            assert_eq!(got.to_string(), expected.to_string(), "{args:?}");
        }
    }

    /// `--version`, and a built-in command that names no provider (its help included),
    /// never ask for the catalog; what names or lists a provider does.
    #[test]
    fn only_what_names_or_lists_a_provider_reads_the_catalog() {
        let unread = || -> Result<Vec<Summary>, ()> { panic!("the catalog was read") };
        for args in [
            &["--version"][..],
            &["-V"],
            &["-q"],
            &[],
            &["status"],
            &["status", "--help"],
            &["-v", "doctor", "-h"],
            &["postiz", "status", "--help"],
            &["refresh", "--all"],
            &["sandbox", "--provider", "x"],
            &["providers", "nosuch"],
        ] {
            let argv = std::iter::once("postiz-connect").chain(args.iter().copied());
            let _ = parse_lazy(argv, unread);
        }
        for args in [
            &["--help"][..],
            &["-h"],
            &["help"],
            &["connect", "x"],
            &["twitter", "--help"],
            &["x"],
            &["nosuch"],
        ] {
            let argv = std::iter::once("postiz-connect").chain(args.iter().copied());
            let failure = parse_lazy(argv, || Err("unreadable")).unwrap_err();
            assert!(
                matches!(failure, Failure::Catalog("unreadable")),
                "{args:?}: {failure:?}"
            );
        }
    }

    #[test]
    fn provider_subcommand_and_alias_mean_connect() {
        for args in [
            &["postiz-connect", "twitter", "--port", "8080"][..],
            &["postiz-connect", "x", "--port", "8080"],
            &["postiz-connect", "connect", "x", "--port", "8080"],
        ] {
            match parse_ok(args).command {
                Command::Connect { provider, args } => {
                    assert!(provider == "twitter" || provider == "x");
                    assert_eq!(args.port, Some(8080));
                    assert_eq!(args.timeout, Duration::from_secs(300));
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn global_flags_anywhere() {
        let inv = parse_ok(&["postiz-connect", "status", "--json"]);
        assert!(inv.global.json);
        let inv = parse_ok(&["postiz-connect", "-v", "twitter", "--no-browser"]);
        assert_eq!(inv.global.verbose, 1);
    }

    #[test]
    fn unknown_provider_is_a_usage_error() {
        let err = parse(&Catalog::embedded(), ["postiz-connect", "myspace"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let err = parse(
            &Catalog::embedded(),
            ["postiz-connect", "connect", "myspace"],
        )
        .unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn refresh_needs_channels_all_or_watch() {
        assert!(parse(&Catalog::embedded(), ["postiz-connect", "refresh"]).is_err());
        for args in [
            &["postiz-connect", "refresh", "--all"][..],
            &["postiz-connect", "refresh", "--watch"],
            &["postiz-connect", "refresh", "x:a", "--force"],
        ] {
            assert!(
                matches!(parse_ok(args).command, Command::Refresh { .. }),
                "{args:?}"
            );
        }
        assert!(parse(
            &Catalog::embedded(),
            ["postiz-connect", "refresh", "--all", "--jobs", "0"]
        )
        .is_err());
    }

    #[test]
    fn every_builtin_command_is_reserved_and_no_builtin_provider_uses_one() {
        let reserved = reserved_names();
        for p in Catalog::embedded().iter() {
            for name in std::iter::once(&p.id).chain(&p.aliases) {
                assert!(!reserved.contains(name), "{name}");
            }
        }
        // The catalog checks user ids against its own copy of these names (so that loading
        // it needs no command line): it must be exactly what the parser defines.
        let mut copy: Vec<String> = crate::providers::COMMAND_NAMES
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut reserved = reserved;
        copy.sort();
        reserved.sort();
        assert_eq!(copy, reserved, "update providers::COMMAND_NAMES");
    }

    #[test]
    fn postiz_status_and_watch() {
        match parse_ok(&[
            "postiz-connect",
            "postiz",
            "status",
            "--env-file",
            "/srv/.env",
            "--org",
            "Acme",
            "--json",
            "--all",
        ])
        .command
        {
            Command::Postiz {
                command:
                    PostizCommand::Status {
                        deployment,
                        org,
                        all,
                    },
            } => {
                assert_eq!(
                    deployment.env_file.path.unwrap(),
                    PathBuf::from("/srv/.env")
                );
                assert_eq!(deployment.connect_timeout, Duration::from_secs(3));
                assert_eq!(org.as_deref(), Some("Acme"));
                assert!(all);
            }
            other => panic!("{other:?}"),
        }
        match parse_ok(&["postiz-connect", "postiz", "watch", "--stop-after", "30s"]).command {
            Command::Postiz {
                command:
                    PostizCommand::Watch {
                        timeout,
                        grace,
                        interval,
                        ..
                    },
            } => {
                assert_eq!(timeout, Some(Duration::from_secs(30)));
                assert_eq!(grace, Duration::from_secs(10));
                assert_eq!(interval, Duration::from_millis(250));
            }
            other => panic!("{other:?}"),
        }
        assert!(parse(
            &Catalog::embedded(),
            ["postiz-connect", "postiz", "watch", "--interval", "1ms"]
        )
        .is_err());
    }

    #[test]
    fn postiz_refresh_and_adopt() {
        let catalog = Catalog::embedded();
        assert!(parse(&catalog, ["postiz-connect", "postiz", "refresh"]).is_err());
        assert!(parse(
            &catalog,
            [
                "postiz-connect",
                "postiz",
                "refresh",
                "c1",
                "--sandbox-at",
                "http://127.0.0.1:9",
                "--client-id",
                "x"
            ]
        )
        .is_err());
        match parse_ok(&[
            "postiz-connect",
            "postiz",
            "refresh",
            "c1",
            "c2",
            "--dry-run",
        ])
        .command
        {
            Command::Postiz {
                command: PostizCommand::Refresh { ids, dry_run, .. },
            } => {
                assert_eq!(ids, ["c1", "c2"]);
                assert!(dry_run);
            }
            other => panic!("{other:?}"),
        }
        assert!(parse(&catalog, ["postiz-connect", "postiz", "adopt", "x:jane"]).is_err());
        match parse_ok(&[
            "postiz-connect",
            "postiz",
            "adopt",
            "x:jane",
            "--org",
            "Acme",
        ])
        .command
        {
            Command::Postiz {
                command:
                    PostizCommand::Adopt {
                        channel,
                        org,
                        dry_run,
                        ..
                    },
            } => {
                assert_eq!(
                    (channel.as_str(), org.as_str(), dry_run),
                    ("x:jane", "Acme", false)
                );
            }
            other => panic!("{other:?}"),
        }
    }

    /// Each old spelling parses as the new one, with one note naming the new one; the
    /// new spelling gets no note; old and new together are a usage error.
    #[test]
    fn old_spellings_still_work_with_a_note() {
        let catalog = Catalog::embedded();
        let inv = parse_ok(&["postiz-connect", "twitter", "--timeout", "7s"]);
        match inv.command {
            Command::Connect { args, .. } => assert_eq!(args.timeout, Duration::from_secs(7)),
            other => panic!("{other:?}"),
        }
        assert_eq!(inv.deprecations.len(), 1);
        assert!(inv.deprecations[0].contains("--browser-timeout"));
        let inv = parse_ok(&["postiz-connect", "doctor", "--timeout", "2s"]);
        match inv.command {
            Command::Doctor(args) => assert_eq!(args.timeout, Duration::from_secs(2)),
            other => panic!("{other:?}"),
        }
        assert!(inv.deprecations[0].contains("--probe-timeout"));
        let inv = parse_ok(&["postiz-connect", "postiz", "watch", "--timeout", "3s"]);
        match inv.command {
            Command::Postiz {
                command: PostizCommand::Watch { timeout, .. },
            } => assert_eq!(timeout, Some(Duration::from_secs(3))),
            other => panic!("{other:?}"),
        }
        assert!(inv.deprecations[0].contains("--stop-after"));
        let inv = parse_ok(&["postiz-connect", "sandbox", "--provider", "linkedin"]);
        match inv.command {
            Command::Sandbox { provider, .. } => assert_eq!(provider, "linkedin"),
            other => panic!("{other:?}"),
        }
        assert_eq!(inv.deprecations.len(), 1);
        for args in [
            &["postiz-connect", "twitter", "--browser-timeout", "7s"][..],
            &["postiz-connect", "doctor", "--probe-timeout", "2s"],
            &["postiz-connect", "postiz", "watch", "--stop-after", "3s"],
            &["postiz-connect", "sandbox", "linkedin"],
            &["postiz-connect", "sandbox"],
        ] {
            assert!(parse_ok(args).deprecations.is_empty(), "{args:?}");
        }
        for args in [
            &[
                "postiz-connect",
                "twitter",
                "--timeout",
                "1s",
                "--browser-timeout",
                "2s",
            ][..],
            &[
                "postiz-connect",
                "doctor",
                "--timeout",
                "1s",
                "--probe-timeout",
                "2s",
            ],
            &["postiz-connect", "sandbox", "x", "--provider", "linkedin"],
        ] {
            assert!(parse(&catalog, args).is_err(), "{args:?}");
        }
    }

    /// One declaration per shared flag: `--env-file`, `--sandbox-at`, `--fault` and
    /// `--auto-approve` say the same wherever they appear.
    #[test]
    fn shared_flags_have_one_help_text() {
        let mut whole = build_command(&Catalog::embedded());
        whole.build();
        fn walk(cmd: &clap::Command, seen: &mut std::collections::BTreeMap<String, Vec<String>>) {
            for arg in cmd.get_arguments() {
                if let (Some(long), Some(help)) = (arg.get_long(), arg.get_help()) {
                    seen.entry(long.to_string())
                        .or_default()
                        .push(help.to_string());
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, seen);
            }
        }
        let mut seen = Default::default();
        walk(&whole, &mut seen);
        for flag in ["env-file", "sandbox-at", "fault", "auto-approve"] {
            let mut helps = seen[flag].clone();
            assert!(helps.len() > 1, "{flag} is shared");
            helps.dedup();
            assert_eq!(helps.len(), 1, "{flag}: {helps:?}");
        }
        // Each timeout flag names what it limits.
        assert!(
            !seen.contains_key("timeout")
                || seen["timeout"].iter().all(|h| h.starts_with("Deprecated"))
        );
    }

    #[test]
    fn bad_timeout_is_a_usage_error() {
        let err = parse(
            &Catalog::embedded(),
            ["postiz-connect", "twitter", "--timeout", "soon"],
        )
        .unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }
}
