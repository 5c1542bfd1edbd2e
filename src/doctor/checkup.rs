//! `doctor` as one service call: every check its options ask for (the configuration
//! given, the machine and its stored channels, then the network, all probes at once),
//! folded into the findings the command renders.

use std::collections::BTreeSet;
use std::time::Duration;

use crate::connect::{self, ClientOptions, Events};
use crate::error::Error;
use crate::http::{origin_of, HttpClient, Network};
use crate::model::{ClientCredentials, Endpoints, Wire};
use crate::oauth::oauth1::Consumer;
use crate::providers::{Catalog, EnvFile, OAuth1, Provider};
use crate::store::{Channel, Store};

use super::{
    channels, deployment, envfile, explain, local, network, probe, redirect, Finding, Severity,
};

/// What `doctor` checks.
#[derive(Debug, Clone, Default)]
pub struct DoctorOptions {
    /// The providers to focus on (their endpoints, credentials and redirect URIs).
    pub providers: Vec<String>,
    /// The redirect URI the app sends, compared with `registered`.
    pub redirect_uri: Option<String>,
    /// The redirect URIs registered in the provider's console.
    pub registered: Vec<String>,
    /// A URL the browser ended on, to explain.
    pub url: Option<String>,
    /// No network check.
    pub offline: bool,
    /// The limit of each network probe.
    pub timeout: Duration,
    /// The client and endpoints to probe, and the Postiz `.env` to lint.
    pub client: ClientOptions,
    /// Evidence that only `-v` shows (the keychain's own words).
    pub verbose: bool,
}

/// What `doctor` works with besides its options.
pub struct Doctor<'a> {
    pub catalog: &'a Catalog,
    pub store: &'a Store,
    /// The run's network settings (the probes get their own limit).
    pub network: Network,
    /// Who hears how the probed credentials were found.
    pub events: &'a dyn Events,
}

/// Every check the options ask for; the findings, folded (a failure the network check
/// reported is not reported again by the checks it stopped).
pub fn run(doctor: &Doctor, options: &DoctorOptions) -> Result<Vec<Finding>, Error> {
    let focus: Vec<Provider> = options
        .providers
        .iter()
        .map(|p| doctor.catalog.require(p).cloned())
        .collect::<Result<_, _>>()?;
    let env_file = EnvFile::read_if_given(options.client.env_file.as_deref())?;
    let mut findings = configuration(doctor.catalog, options, &focus, env_file.as_ref());
    // `--url` alone asks about that URL: the machine and channel report would bury the
    // answer, and fail on a keychain the URL has nothing to do with.
    if options.url.is_some() && focus.is_empty() && env_file.is_none() {
        return Ok(super::fold_unreachable(findings));
    }
    findings.extend(local::loopback());
    findings.extend(local::environment());
    findings.extend(local::keychain(doctor.store, options.verbose));
    let ids: Vec<&str> = focus.iter().map(|p| p.id.as_str()).collect();
    let listing = doctor.store.list()?;
    let stored: Vec<Channel> = listing
        .channels
        .into_iter()
        .filter(|c| ids.is_empty() || ids.contains(&c.provider.as_str()))
        .collect();
    findings.extend(channels::check(&stored));
    findings.extend(channels::unreadable(&listing.unreadable));
    findings.extend(channels::waiting(&listing.waiting));
    if !options.offline {
        let network = doctor.network.with_timeout(options.timeout);
        let probes = Probes::plan(doctor, options, &focus, env_file.as_ref(), &network);
        findings.extend(probes.findings.iter().cloned());
        findings.extend(probes.run(doctor, &stored, env_file.as_ref(), network, options.timeout));
    }
    Ok(super::fold_unreachable(findings))
}

/// What the options themselves say: the `.env` linted, the redirect URIs compared, the
/// URL explained.
fn configuration(
    catalog: &Catalog,
    options: &DoctorOptions,
    focus: &[Provider],
    env_file: Option<&EnvFile>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(vars) = env_file.map(|f| &f.vars) {
        let focus_refs: Vec<&Provider> = focus.iter().collect();
        findings.extend(envfile::lint(vars, catalog, &focus_refs));
        if !options.registered.is_empty() && options.redirect_uri.is_none() {
            for p in focus {
                if let Some(sent) = envfile::postiz_redirect(p, vars) {
                    findings.extend(redirect::check(
                        &sent,
                        &options.registered,
                        p.redirect_rules.as_deref(),
                    ));
                }
            }
        }
    }
    if let Some(sent) = &options.redirect_uri {
        if options.registered.is_empty() {
            findings.push(
                Finding::new("redirect URI", "redirect.unchecked", Severity::Warning, format!("nothing to compare {sent} with"))
                    .fix("add --registered <URI> for each redirect URI registered in the provider's console"),
            );
        } else {
            let rules = focus.first().and_then(|p| p.redirect_rules.as_deref());
            findings.extend(redirect::check(sent, &options.registered, rules));
        }
    }
    if let Some(url) = &options.url {
        findings.extend(explain::explain(url, catalog));
    }
    findings
}

/// The network probes of a run, planned before any runs: the origins to reach, the
/// credentials to try at each focused provider's token endpoint (OAuth 2.0) or request
/// token endpoint (OAuth 1.0a), and what could not be planned.
struct Probes {
    origins: BTreeSet<String>,
    credentials: Vec<(String, Endpoints, ClientCredentials, Wire)>,
    oauth1: Vec<(String, OAuth1, Consumer, String)>,
    findings: Vec<Finding>,
}

impl Probes {
    fn plan(
        doctor: &Doctor,
        options: &DoctorOptions,
        focus: &[Provider],
        env_file: Option<&EnvFile>,
        network: &Network,
    ) -> Probes {
        let http = network.client();
        let mut probes = Probes {
            origins: BTreeSet::new(),
            credentials: Vec::new(),
            oauth1: Vec::new(),
            findings: Vec::new(),
        };
        for p in focus {
            probes.plan_provider(doctor.events, options, p, env_file, &http);
        }
        probes
    }

    fn plan_provider(
        &mut self,
        events: &dyn Events,
        options: &DoctorOptions,
        p: &Provider,
        env_file: Option<&EnvFile>,
        http: &HttpClient,
    ) {
        let client = &options.client;
        let vars = env_file.map(|f| &f.vars);
        let mut provider = p.clone();
        // Resolves the provider's instance or sandbox URLs too, in place.
        let resolved = connect::client::for_probe(
            events,
            &mut provider,
            client,
            env_file,
            &connect::process_env,
            http,
        );
        // X as Postiz runs it: the API key and secret, probed with a request token for
        // the callback Postiz would send.
        let mut consumer_error = None;
        let consumer = provider.oauth1.clone().and_then(|rules| {
            let consumer = connect::client::consumer(
                &provider,
                &rules,
                client,
                env_file,
                &connect::process_env,
            );
            // A Postiz .env with X's API key means OAuth 1.0a: what is wrong with those
            // keys is the finding, not the OAuth 2.0 variables Postiz never reads.
            let postiz_keys = rules.postiz
                && vars.is_some_and(|v| {
                    rules
                        .consumer_key_env
                        .iter()
                        .any(|n| v.get(n).is_some_and(|v| !v.is_empty()))
                });
            match consumer {
                Ok(c) => Some((rules, c)),
                Err(e) => {
                    consumer_error = postiz_keys.then_some(e);
                    None
                }
            }
        });
        let oauth1_ready = consumer.is_some();
        if let Some((rules, consumer)) = consumer {
            let callback = options
                .redirect_uri
                .clone()
                .or_else(|| vars.and_then(|v| envfile::postiz_redirect(&provider, v)))
                .unwrap_or_else(|| "http://127.0.0.1/callback".into());
            self.origins.insert(origin_of(&rules.request_token_url));
            self.oauth1
                .push((provider.id.clone(), rules, consumer, callback));
        }
        match resolved {
            Ok((endpoints, client)) => {
                let identity = provider
                    .identity
                    .url
                    .as_ref()
                    .or(endpoints.userinfo_url.as_ref());
                for url in [
                    Some(&endpoints.authorize_url),
                    Some(&endpoints.token_url),
                    identity,
                ]
                .into_iter()
                .flatten()
                {
                    self.origins.insert(origin_of(url));
                }
                self.credentials
                    .push((provider.id.clone(), endpoints, client, provider.wire()));
            }
            // Only the OAuth 1.0a credentials are set, as in a Postiz deployment.
            Err(_) if oauth1_ready => {}
            Err(e) => {
                let e = consumer_error.unwrap_or(e);
                self.findings.push(
                    Finding::new(
                        "client credentials",
                        "credentials.unresolved",
                        Severity::Problem,
                        format!("{}: {e}", p.id),
                    )
                    .fix(e.fix().unwrap_or_default()),
                )
            }
        }
    }

    /// Every probe at once: the network part takes about one timeout, never the sum.
    fn run(
        &self,
        doctor: &Doctor,
        stored: &[Channel],
        env_file: Option<&EnvFile>,
        network: Network,
        timeout: Duration,
    ) -> Vec<Finding> {
        let origins: Vec<String> = self
            .origins
            .iter()
            .filter(|o| *o != "null")
            .cloned()
            .collect();
        let (store, catalog) = (doctor.store, doctor.catalog);
        std::thread::scope(|scope| {
            // The probes write no transcript: `-v` shows their traced steps instead.
            let quiet = Network {
                verbose: false,
                ..network
            };
            let net = scope.spawn(move || network::probe(&origins, quiet));
            // The Postiz deployment behind the .env, when its stores are reachable, and
            // its engine (Temporal).
            let postiz = env_file.map(|file| {
                scope.spawn(move || {
                    let mut found = deployment::check(file, catalog, timeout);
                    found.extend(super::engine::check(file, timeout));
                    found
                })
            });
            let live = scope.spawn(move || channels::live(stored, store, catalog, quiet));
            let oauth1: Vec<_> = self
                .oauth1
                .iter()
                .map(|(id, rules, consumer, callback)| {
                    scope.spawn(move || {
                        let http = network.client();
                        probe::oauth1_consumer(id, rules, consumer, callback, &http)
                    })
                })
                .collect();
            let creds: Vec<_> = self
                .credentials
                .iter()
                .map(|(id, endpoints, client, wire)| {
                    scope.spawn(move || {
                        // Its own client: failures are judged from its own last response.
                        let http = network.client();
                        probe::credentials(id, endpoints, client, wire, &http)
                    })
                })
                .collect();
            let mut found = net.join().expect("network probe");
            found.extend(
                creds
                    .into_iter()
                    .chain(oauth1)
                    .flat_map(|h| h.join().expect("credential probe")),
            );
            found.extend(live.join().expect("identity probes"));
            found.extend(
                postiz
                    .map(|h| h.join().expect("deployment check"))
                    .unwrap_or_default(),
            );
            found
        })
    }
}
