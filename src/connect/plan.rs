//! Everything a connect decides, decided once before the browser opens: the sandbox
//! (the provider rewritten for it once), OAuth 1.0a or 2.0, credentials (flags, then a
//! Postiz `.env`, then the environment), instance, discovery and endpoints, client
//! authentication, a remembered app, the redirect URI and its port, scopes and storage.
//! The user's arguments are read, never rewritten.

use std::time::Duration;

use crate::error::Error;
use crate::model::{ClientCredentials, Endpoints};
use crate::oauth::listener::{self, RedirectPlan};
use crate::oauth::oauth1::Consumer;
use crate::providers::{Catalog, EnvFile, LoopbackPort, OAuth1, Provider};
use crate::sandbox::{self, Sandbox};
use crate::secret::ExposeOption;
use crate::store::{Backend, HeldLogin, Store};

use super::client::{self, requested_scopes};
pub use super::events::Port;
use super::events::{Event, Events};
use super::options::ConnectOptions;
use super::registration;
use super::services::{Services, Vars};

/// What `postiz-connect <provider>` is going to do.
pub enum ConnectPlan {
    /// `--page` right after a two-step login that could not ask: finish that login,
    /// with no second browser login.
    CompleteHeld(Box<HeldPlan>),
    /// A login through the browser.
    Login(Box<LoginPlan>),
}

/// A held login to complete with the target `--page` names.
pub struct HeldPlan {
    pub provider: Provider,
    pub held: HeldLogin,
    /// The `--page` value: the target's id or name.
    pub wanted: String,
    /// `--account` was given: the channel is named after it, with no host.
    pub named: bool,
    pub replace: bool,
    /// The backend chosen explicitly this time, remembered when stored.
    pub preference: Option<Backend>,
}

/// A login through the browser, every choice made.
pub struct LoginPlan {
    /// The catalog entry as used: moved to the sandbox, its instance applied, an explicit
    /// identity endpoint and discovered OpenID support taken in.
    pub provider: Provider,
    /// The emulation this process started (`--sandbox`); it stops when the plan is dropped.
    pub emulation: Option<Sandbox>,
    pub protocol: Protocol,
    /// The scopes requested (none for OAuth 1.0a).
    pub scopes: Vec<String>,
    pub redirect: Redirect,
    pub storage: Storage,
    /// `--account`: the account's name, given by the user.
    pub account: Option<String>,
    /// `--page`: the target (page, channel, blog) of a two-step provider, by id or name.
    pub target: Option<String>,
    /// `--replace`: replace a channel of the same name connected another way.
    pub replace: bool,
    /// The flags to connect the same way again (stored with the channel).
    pub reconnect_args: Vec<String>,
}

impl LoginPlan {
    /// Connected to the built-in sandbox (stored with the channel; one connected with
    /// `--sandbox-at` keeps that flag in its connect arguments).
    pub fn sandbox(&self) -> bool {
        self.emulation.is_some()
    }
}

/// The protocol, with what it needs.
pub enum Protocol {
    OAuth2 {
        endpoints: Endpoints,
        client: Client,
    },
    /// X's OAuth 1.0a, as Postiz connects it.
    OAuth1 { rules: OAuth1, consumer: Consumer },
}

/// The OAuth 2.0 client of a login.
pub enum Client {
    /// Configured, the sandbox's, or an app registered on this instance earlier.
    Ready(ClientCredentials),
    /// None configured: an app is registered on `instance` for the redirect URI the
    /// listener gets (Mastodon).
    Register { instance: String },
}

/// The redirect URI and how the browser gets there and back.
#[derive(Debug)]
pub struct Redirect {
    /// The URI listened on (loopback) or only pasted back (elsewhere).
    pub plan: RedirectPlan,
    pub port: Port,
    /// `--port` given where ports are compared: remembered once the listener is bound.
    pub remember_port: Option<u16>,
    /// Against a sandbox (built in, or `--sandbox-at`): any port works.
    pub sandboxed: bool,
    pub paste: bool,
    pub no_browser: bool,
    /// A sandbox approving by itself (`--auto-approve`: the emulation this process
    /// started, or one running at `--sandbox-at`): with no browser, the tool follows the
    /// authorization URL itself, as nobody has to click.
    pub follow_without_browser: bool,
    pub timeout: Duration,
}

/// Where the tokens go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Storage {
    pub backend: Backend,
    /// The backend chosen explicitly this time, remembered when the channel is stored.
    pub preference: Option<Backend>,
}

/// The backend the user chose explicitly this time: `--insecure-storage` (a 0600 file)
/// or `--keychain`; None leaves the remembered choice.
pub fn storage_preference(insecure_storage: bool, keychain: bool) -> Option<Backend> {
    match (insecure_storage, keychain) {
        (true, _) => Some(Backend::File),
        (_, true) => Some(Backend::Keychain),
        _ => None,
    }
}

impl Storage {
    /// The backend for a new channel (the explicit choice, else the remembered one),
    /// checked before the user spends a login on it; plain files are warned about.
    pub fn resolve(
        events: &dyn Events,
        store: &Store,
        insecure_storage: bool,
        keychain: bool,
    ) -> Result<Storage, Error> {
        let preference = storage_preference(insecure_storage, keychain);
        let backend = match preference {
            Some(backend) => backend,
            None => store.remembered_backend()?,
        };
        store.preflight(backend)?;
        if backend == Backend::File {
            events.event(Event::PlainTextStorage {
                dir: &store.home().join("secrets"),
                flag: insecure_storage,
            });
        }
        Ok(Storage {
            backend,
            preference,
        })
    }
}

impl ConnectPlan {
    /// Decide the whole connect of `provider_id`; `vars` is the process environment.
    pub fn resolve(
        svc: &Services,
        catalog: &Catalog,
        provider_id: &str,
        args: &ConnectOptions,
        vars: Vars,
    ) -> Result<ConnectPlan, Error> {
        let events = svc.events;
        let mut provider = catalog.require(provider_id)?.clone();
        refuse_inapplicable(catalog, &provider, args)?;
        let env_file = EnvFile::read_if_given(args.client.env_file.as_deref())?;
        let env_file = env_file.as_ref();
        if let Some(held) = held_login(svc.store, &provider, args) {
            return Ok(ConnectPlan::CompleteHeld(Box::new(held)));
        }
        // The sandbox: started here (`--sandbox`) or already running (`--sandbox-at`);
        // the provider moves there once.
        let emulation = start_emulation(events, &provider, args)?;
        let sandbox_base = emulation
            .as_ref()
            .map(|sb| sb.base_url().to_string())
            .or(args.client.sandbox_at.clone());
        if let Some(base) = &sandbox_base {
            provider = sandbox::rewrite(&provider, base);
        }
        let sandboxed = sandbox_base.is_some();
        let (source, port) = choose_port(svc.store, &provider, args, sandboxed);
        let mut chosen = RedirectChoice {
            uri: args.redirect_uri.clone(),
            port,
            source,
        };
        // What the user typed (a remembered port included), before the loopback path or
        // a remembered app changes the redirect URI.
        let mut reconnect_args = ConnectOptions {
            port,
            ..args.clone()
        }
        .reconnect_args();
        // A sandbox approving by itself (this one, or one running with --auto-approve):
        // nobody has to click, so with no browser the tool may follow the URL itself.
        let follow_without_browser = sandboxed && args.auto_approve;
        let oauth1 = provider.oauth1.is_some() && {
            let (oauth1, why) = wants_oauth1(&provider, args, env_file, vars);
            events.event(Event::ProtocolChosen { why: &why });
            oauth1
        };
        let (protocol, scopes) = if oauth1 {
            if !args.oauth1 {
                reconnect_args.push("--oauth1".into());
            }
            let protocol = oauth1_protocol(events, &provider, args, env_file, vars, sandboxed)?;
            (protocol, vec![])
        } else {
            oauth2_protocol(
                svc,
                &mut provider,
                args,
                env_file,
                vars,
                sandboxed,
                &mut chosen,
            )?
        };

        // The store must work before the user spends a login on it.
        let storage = Storage::resolve(events, svc.store, args.insecure_storage, args.keychain)?;
        let redirect = Redirect {
            plan: listener::plan_redirect(chosen.port, chosen.uri.as_deref(), args.paste)?,
            port: chosen.source,
            remember_port: match chosen.source {
                Port::Given(port) if remembers_port(&provider, sandboxed) => Some(port),
                _ => None,
            },
            sandboxed,
            paste: args.paste,
            no_browser: args.no_browser,
            follow_without_browser,
            timeout: args.timeout,
        };
        Ok(ConnectPlan::Login(Box::new(LoginPlan {
            provider,
            emulation,
            protocol,
            scopes,
            redirect,
            storage,
            account: args.account.clone(),
            target: args.page.clone(),
            replace: args.replace,
            reconnect_args,
        })))
    }
}

/// The redirect as decided so far: the URI given (or made), the port to listen on and
/// where it came from.
struct RedirectChoice {
    uri: Option<String>,
    port: Option<u16>,
    source: Port,
}

/// `--page` right after a two-step login that could not ask (of the same sandbox-ness):
/// that login, to complete with no second browser login.
fn held_login(store: &Store, provider: &Provider, args: &ConnectOptions) -> Option<HeldPlan> {
    let wanted = args.page.as_deref()?;
    let held = store
        .held_login(&provider.id)
        .filter(|held| held.channel.sandbox == args.sandbox)?;
    Some(HeldPlan {
        provider: provider.clone(),
        held,
        wanted: wanted.to_string(),
        named: args.account.is_some(),
        replace: args.replace,
        preference: storage_preference(args.insecure_storage, args.keychain),
    })
}

/// `--sandbox`: a local emulation of the provider, started for this connect.
fn start_emulation(
    events: &dyn Events,
    provider: &Provider,
    args: &ConnectOptions,
) -> Result<Option<Sandbox>, Error> {
    if !args.sandbox {
        return Ok(None);
    }
    let config = sandbox::Config {
        provider: provider.clone(),
        auto_approve: args.auto_approve,
        faults: args.faults.clone(),
        access_ttl: 7200,
    };
    let sb = Sandbox::start(config, 0)?;
    events.event(Event::SandboxStarted {
        provider: &provider.name,
        base_url: sb.base_url(),
    });
    Ok(Some(sb))
}

/// OAuth 1.0a: the consumer (the sandbox's, or the configured key and secret).
fn oauth1_protocol(
    events: &dyn Events,
    provider: &Provider,
    args: &ConnectOptions,
    env_file: Option<&EnvFile>,
    vars: Vars,
    sandboxed: bool,
) -> Result<Protocol, Error> {
    let rules = provider.oauth1.clone().expect("checked by the caller");
    let consumer = match sandboxed {
        true => Consumer {
            key: sandbox::CLIENT_ID.into(),
            secret: sandbox::CLIENT_SECRET.into(),
        },
        false => client::consumer(provider, &rules, &args.client, env_file, vars)?,
    };
    events.event(Event::OAuth1NoScopes);
    Ok(Protocol::OAuth1 { rules, consumer })
}

/// OAuth 2.0: the endpoints and the client (configured, the sandbox's, an app registered
/// on the instance earlier, or one to register), and the scopes. A remembered app or a
/// provider's loopback path changes the redirect `chosen`.
fn oauth2_protocol(
    svc: &Services,
    provider: &mut Provider,
    args: &ConnectOptions,
    env_file: Option<&EnvFile>,
    vars: Vars,
    sandboxed: bool,
    chosen: &mut RedirectChoice,
) -> Result<(Protocol, Vec<String>), Error> {
    let events = svc.events;
    let (endpoints, configured) = match sandboxed {
        true => (
            sandbox::endpoints_of(provider),
            Some(sandbox::client_for(provider)),
        ),
        false => client::resolve(
            events,
            provider,
            &args.client,
            args.scopes.as_deref(),
            env_file,
            vars,
            &svc.http,
            true,
        )?,
    };
    // No client configured: reuse the app registered on this instance before (its
    // redirect URI included, which must match exactly), or register one after
    // binding.
    let instance = provider.base_url.clone().unwrap_or_default();
    let remembered = match (&configured, &provider.registration) {
        (None, Some(_)) => registration::remembered(
            svc.store,
            &instance,
            chosen.port,
            args.redirect_uri.as_deref(),
        ),
        _ => None,
    };
    if let (Some(path), None) = (&provider.loopback_path, &args.redirect_uri) {
        chosen.uri = Some(format!(
            "http://127.0.0.1:{}{path}",
            chosen.port.unwrap_or(0)
        ));
        chosen.port = None;
    }
    let client = match (configured, remembered) {
        (Some(client), _) => Client::Ready(client),
        (None, Some(app)) => {
            events.event(Event::RegisteredAppReused {
                instance: &instance,
                client_id: &app.client_id,
                redirect_uri: &app.redirect_uri,
            });
            chosen.uri = Some(app.redirect_uri.clone());
            chosen.source = Port::Uri;
            Client::Ready(ClientCredentials {
                id: app.client_id,
                secret: app
                    .client_secret
                    .expose_str()
                    .map(|s| oauth2::ClientSecret::new(s.into())),
                auth: provider.client_auth,
            })
        }
        (None, None) => {
            // A new app is registered for whatever redirect URI the listener gets.
            chosen.source = Port::Registration;
            Client::Register { instance }
        }
    };
    if let Client::Ready(client) = &client {
        events.event(Event::ClientAuth(client.auth.as_str()));
    }
    let scopes = requested_scopes(provider, args.scopes.as_deref());
    Ok((Protocol::OAuth2 { endpoints, client }, scopes))
}

/// Flags that apply to some providers only (and are hidden from the others' `--help`,
/// see `cli`): given to another provider they are refused with the providers they do
/// apply to, never ignored.
fn refuse_inapplicable(
    catalog: &Catalog,
    provider: &Provider,
    args: &ConnectOptions,
) -> Result<(), Error> {
    // Only a sandbox approves by itself (clap cannot say "requires one of two").
    if args.auto_approve && !args.sandbox && args.client.sandbox_at.is_none() {
        return Err(Error::Usage(
            "--auto-approve goes with --sandbox or --sandbox-at (a real provider always asks the user)".into(),
        ));
    }
    let applies_to = |fact: fn(&Provider) -> bool| {
        let ids: Vec<&str> = catalog
            .iter()
            .filter(|p| fact(p))
            .map(|p| p.id.as_str())
            .collect();
        if ids.is_empty() {
            "no provider in the catalog".to_string()
        } else {
            ids.join(", ")
        }
    };
    let refused = [
        (
            args.oauth1,
            has_oauth1 as fn(&Provider) -> bool,
            "--oauth1",
            "has no OAuth 1.0a flow",
        ),
        (
            args.oauth2,
            has_oauth1,
            "--oauth2",
            "has no OAuth 1.0a flow to choose OAuth 2.0 over",
        ),
        (
            args.page.is_some(),
            is_two_step,
            "--page",
            "connects the account itself, with no page, channel or blog to choose",
        ),
        (
            args.client.instance.is_some(),
            Provider::needs_base,
            "--instance",
            "runs on one host, with no instances to choose",
        ),
    ]
    .into_iter()
    .find(|(given, fact, _, _)| *given && !fact(provider));
    match refused {
        Some((_, fact, flag, why)) => Err(Error::Usage(format!(
            "{} {why}; {flag} applies to: {}",
            provider.id,
            applies_to(fact)
        ))),
        None => Ok(()),
    }
}

fn has_oauth1(provider: &Provider) -> bool {
    provider.oauth1.is_some()
}

fn is_two_step(provider: &Provider) -> bool {
    provider.pages.is_some()
}

/// `--port`, else the port remembered for a provider that compares ports, else random;
/// with the port to listen on.
fn choose_port(
    store: &Store,
    provider: &Provider,
    args: &ConnectOptions,
    sandboxed: bool,
) -> (Port, Option<u16>) {
    match (args.port, &args.redirect_uri) {
        (_, Some(_)) => (Port::Uri, args.port),
        (Some(0), None) => (Port::Random, args.port),
        (Some(port), None) => (Port::Given(port), args.port),
        (None, None) if !remembers_port(provider, sandboxed) => (Port::Random, None),
        (None, None) => match store.remembered_port(&provider.id) {
            Some(port) => (Port::Remembered(port), Some(port)),
            None => (Port::Random, None),
        },
    }
}

/// Whether a port is remembered for this provider: not when any port works (the sandbox,
/// `loopback_port = "any"`), nor where an app is registered on the fly, which remembers
/// its whole redirect URI instead.
fn remembers_port(provider: &Provider, sandboxed: bool) -> bool {
    !sandboxed
        && provider.loopback_port != Some(LoopbackPort::Any)
        && provider.registration.is_none()
}

/// OAuth 1.0a or 2.0 for a provider that has both (X), and why, in one line: asked for;
/// a Postiz `.env` with the consumer key, for a provider Postiz connects only with OAuth
/// 1.0a (whatever OAuth 2.0 ids it holds too: Postiz never reads them); else OAuth 2.0
/// unless only the consumer key and secret are set.
fn wants_oauth1(
    provider: &Provider,
    args: &ConnectOptions,
    env_file: Option<&EnvFile>,
    vars: Vars,
) -> (bool, String) {
    let Some(oauth1) = &provider.oauth1 else {
        return (false, String::new());
    };
    let (one, two) = ("OAuth 1.0a", "OAuth 2.0 + PKCE");
    let key = oauth1.consumer_key_env.join("/");
    if args.oauth1 {
        return (true, format!("{one}: asked for with --oauth1"));
    }
    if args.oauth2 {
        return (false, format!("{two}: asked for with --oauth2"));
    }
    if args.client.client_id.is_some() {
        return (
            false,
            format!("{two}: --client-id was given (--oauth1 for {one}, as Postiz)"),
        );
    }
    if args.sandbox || args.client.sandbox_at.is_some() {
        return (
            false,
            format!("{two}, the sandbox's default (--oauth1 for {one}, as Postiz)"),
        );
    }
    let in_file = |names: &[String]| {
        env_file.and_then(|f| {
            names
                .iter()
                .find(|n| f.vars.get(*n).is_some_and(|v| !v.is_empty()))
                .map(|n| (n.clone(), f.path.display().to_string()))
        })
    };
    if let (true, Some((name, path))) = (oauth1.postiz, in_file(&oauth1.consumer_key_env)) {
        let ignored = in_file(&provider.client_id_env)
            .map(|(id, _)| format!("; {id} there is not read by Postiz"))
            .unwrap_or_default();
        return (
            true,
            format!("{one}: {name} comes from the Postiz .env {path}, and Postiz connects {} only with {one}{ignored} (--oauth2 for {two})", provider.name),
        );
    }
    let set = |names: &[String]| client::setting(names, env_file, vars);
    match (set(&provider.client_id_env), set(&oauth1.consumer_key_env)) {
        (Some((_, source)), _) => (
            false,
            format!("{two}: client id from {source} (--oauth1 for {one} with {key}, as Postiz)"),
        ),
        (None, Some((_, source))) => (
            true,
            format!("{one}: only {key} is set ({source}), the keys Postiz uses"),
        ),
        (None, None) => (
            false,
            format!("{two} (no {key} set for {one}, which Postiz uses)"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    /// A store of its own, quiet output, and a plan resolved for `provider` from `args`
    /// with `vars` as the environment.
    fn resolve(
        home: &std::path::Path,
        provider: &str,
        args: &ConnectOptions,
        vars: Vars,
    ) -> Result<LoginPlan, Error> {
        let store = Store::new(home.to_path_buf());
        let svc = Services::new(
            &super::super::Silent,
            &store,
            &crate::http::Network::new(false),
        );
        match ConnectPlan::resolve(&svc, &Catalog::embedded(), provider, args, vars)? {
            ConnectPlan::Login(plan) => Ok(*plan),
            ConnectPlan::CompleteHeld(_) => panic!("no login is held"),
        }
    }

    /// Plain-file storage: no keychain is needed to plan.
    fn file_storage() -> ConnectOptions {
        ConnectOptions {
            insecure_storage: true,
            ..ConnectOptions::default()
        }
    }

    fn client_id(plan: &LoginPlan) -> &str {
        match &plan.protocol {
            Protocol::OAuth2 {
                client: Client::Ready(client),
                ..
            } => &client.id,
            _ => panic!("an OAuth 2.0 client is ready"),
        }
    }

    #[test]
    fn credentials_come_from_flags_then_the_env_file_then_the_environment() {
        let home = tempfile::tempdir().unwrap();
        let env_path = home.path().join("postiz.env");
        std::fs::write(&env_path, "LINKEDIN_CLIENT_ID=from-file\n").unwrap();
        let environment = |name: &str| (name == "LINKEDIN_CLIENT_ID").then(|| "from-env".into());
        let mut args = file_storage();
        args.client.client_id = Some("from-flag".into());
        args.client.env_file = Some(env_path.clone());
        let plan = resolve(home.path(), "linkedin", &args, &environment).unwrap();
        assert_eq!(client_id(&plan), "from-flag");
        args.client.client_id = None;
        let plan = resolve(home.path(), "linkedin", &args, &environment).unwrap();
        assert_eq!(client_id(&plan), "from-file");
        args.client.env_file = None;
        let plan = resolve(home.path(), "linkedin", &args, &environment).unwrap();
        assert_eq!(client_id(&plan), "from-env");
        let err = resolve(home.path(), "linkedin", &args, &no_env)
            .err()
            .unwrap();
        assert!(err.to_string().contains("no client id"), "{err}");
    }

    #[test]
    fn the_sandbox_moves_the_provider_and_brings_its_own_client() {
        let home = tempfile::tempdir().unwrap();
        let args = ConnectOptions {
            sandbox: true,
            ..file_storage()
        };
        let plan = resolve(home.path(), "linkedin", &args, &no_env).unwrap();
        let base = plan.emulation.as_ref().unwrap().base_url().to_string();
        assert!(plan.sandbox() && plan.redirect.sandboxed);
        assert_eq!(client_id(&plan), sandbox::CLIENT_ID);
        let Protocol::OAuth2 { endpoints, .. } = &plan.protocol else {
            panic!("OAuth 2.0")
        };
        for url in [&endpoints.authorize_url, &endpoints.token_url] {
            assert!(url.starts_with(&base), "{url} is not on {base}");
        }
        // Moved once: the plan's provider is the catalog's entry rewritten for the base.
        let catalog = Catalog::embedded();
        let moved = sandbox::rewrite(catalog.get("linkedin").unwrap(), &base);
        assert_eq!(plan.provider.authorize_url, moved.authorize_url);
        assert_eq!(plan.provider.token_url, moved.token_url);
        // A sandbox already running: the same, at its URL, with nothing started here.
        let args = ConnectOptions {
            client: crate::connect::ClientOptions {
                sandbox_at: Some("http://127.0.0.1:9".into()),
                ..Default::default()
            },
            ..file_storage()
        };
        let plan = resolve(home.path(), "linkedin", &args, &no_env).unwrap();
        assert!(plan.emulation.is_none() && !plan.sandbox() && plan.redirect.sandboxed);
        assert!(plan
            .provider
            .token_url
            .as_deref()
            .unwrap()
            .starts_with("http://127.0.0.1:9/"));
        assert_eq!(client_id(&plan), sandbox::CLIENT_ID);
    }

    #[test]
    fn storage_is_the_explicit_choice_else_the_remembered_one() {
        assert_eq!(storage_preference(true, false), Some(Backend::File));
        assert_eq!(storage_preference(false, true), Some(Backend::Keychain));
        assert_eq!(storage_preference(false, false), None);
        let home = tempfile::tempdir().unwrap();
        let vars = |name: &str| (name == "LINKEDIN_CLIENT_ID").then(|| "cid".into());
        let plan = resolve(home.path(), "linkedin", &file_storage(), &vars).unwrap();
        assert_eq!(
            plan.storage,
            Storage {
                backend: Backend::File,
                preference: Some(Backend::File)
            }
        );
        // Remembered from an earlier --insecure-storage: the file, with nothing to remember.
        std::fs::write(
            home.path().join("settings.json"),
            r#"{"version": 1, "insecure_storage": true}"#,
        )
        .unwrap();
        let plan = resolve(home.path(), "linkedin", &ConnectOptions::default(), &vars).unwrap();
        assert_eq!(
            plan.storage,
            Storage {
                backend: Backend::File,
                preference: None
            }
        );
    }

    #[test]
    fn a_remembered_port_is_listened_on_and_kept_in_the_reconnect_command() {
        let home = tempfile::tempdir().unwrap();
        Store::new(home.path().to_path_buf())
            .remember_port("linkedin", 8123)
            .unwrap();
        let vars = |name: &str| (name == "LINKEDIN_CLIENT_ID").then(|| "cid".into());
        let args = file_storage();
        let plan = resolve(home.path(), "linkedin", &args, &vars).unwrap();
        assert_eq!(plan.redirect.port, Port::Remembered(8123));
        assert_eq!(plan.redirect.remember_port, None);
        match &plan.redirect.plan {
            RedirectPlan::Loopback(url) => assert_eq!(url.port(), Some(8123)),
            other => panic!("{other:?}"),
        }
        assert!(plan
            .reconnect_args
            .windows(2)
            .any(|w| w == ["--port", "8123"]));
        // The user's arguments are read, never rewritten.
        assert_eq!(args.port, None);
        // A --port given is remembered once bound.
        let args = ConnectOptions {
            port: Some(8124),
            ..file_storage()
        };
        let plan = resolve(home.path(), "linkedin", &args, &vars).unwrap();
        assert_eq!(
            (plan.redirect.port, plan.redirect.remember_port),
            (Port::Given(8124), Some(8124))
        );
    }

    #[test]
    fn x_follows_postiz_with_a_postiz_env_file() {
        let catalog = Catalog::embedded();
        let x = catalog.get("twitter").unwrap();
        let file = |text: &[(&str, &str)]| EnvFile {
            path: ".env".into(),
            vars: text
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        };
        let keys_only = file(&[("X_API_KEY", "key"), ("X_API_SECRET", "secret")]);
        let mut args = ConnectOptions::default();
        assert!(wants_oauth1(x, &args, Some(&keys_only), &no_env).0);
        // A Postiz .env with both: Postiz connects X only with OAuth 1.0a, so does the tool,
        // and says why.
        let both = file(&[("X_API_KEY", "key"), ("X_CLIENT_ID", "cid")]);
        let (oauth1, why) = wants_oauth1(x, &args, Some(&both), &no_env);
        assert!(oauth1, "{why}");
        assert!(
            why.contains("X_API_KEY") && why.contains("Postiz") && why.contains("--oauth2"),
            "{why}"
        );
        assert!(
            why.contains("X_CLIENT_ID there is not read by Postiz"),
            "{why}"
        );
        // OAuth 2.0 + PKCE stays available explicitly.
        args.oauth2 = true;
        let (oauth1, why) = wants_oauth1(x, &args, Some(&both), &no_env);
        assert!(!oauth1 && why.contains("--oauth2"), "{why}");
        args.oauth2 = false;
        args.client.client_id = Some("cid".into());
        assert!(!wants_oauth1(x, &args, Some(&both), &no_env).0);
        args.client.client_id = None;
        // Without a .env: an OAuth 2.0 client id wins (names only; values from the file).
        let only_id = file(&[("X_CLIENT_ID", "cid")]);
        let (oauth1, why) = wants_oauth1(x, &args, Some(&only_id), &no_env);
        assert!(!oauth1 && why.contains("OAuth 2.0"), "{why}");
        args.oauth1 = true;
        assert!(wants_oauth1(x, &args, Some(&only_id), &no_env).0);
        assert!(
            !wants_oauth1(
                catalog.get("linkedin").unwrap(),
                &ConnectOptions::default(),
                Some(&keys_only),
                &no_env
            )
            .0
        );
    }
}
