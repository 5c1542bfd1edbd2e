//! `postiz-connect doctor`: run the checks, render the findings.

use std::collections::BTreeSet;

use console::Style;
use serde_json::json;

use crate::cli::DoctorArgs;
use crate::connect;
use crate::doctor::{
    self, channels, deployment, envfile, explain, local, network, probe, redirect, Finding,
    Severity,
};
use crate::error::{Error, ExitCode};
use crate::http::origin_of;
use crate::providers::{EnvFile, Provider};
use crate::ui::Styled;

use super::findings::Layout;
use super::Context;

pub fn run(ctx: &Context, args: &DoctorArgs) -> Result<ExitCode, Error> {
    let focus: Vec<Provider> = args
        .providers
        .iter()
        .map(|p| ctx.catalog.require(p).cloned())
        .collect::<Result<_, _>>()?;
    let env_file = EnvFile::read_if_given(args.client.env_file.path.as_deref())?;
    let vars = env_file.as_ref().map(|f| &f.vars);
    let mut findings: Vec<Finding> = Vec::new();

    if let Some(vars) = vars {
        let focus_refs: Vec<&Provider> = focus.iter().collect();
        findings.extend(envfile::lint(vars, &ctx.catalog, &focus_refs));
        if !args.registered.is_empty() && args.redirect_uri.is_none() {
            for p in &focus {
                if let Some(sent) = envfile::postiz_redirect(p, vars) {
                    findings.extend(redirect::check(
                        &sent,
                        &args.registered,
                        p.redirect_rules.as_deref(),
                    ));
                }
            }
        }
    }
    if let Some(sent) = &args.redirect_uri {
        if args.registered.is_empty() {
            findings.push(
                Finding::new("redirect URI", "redirect.unchecked", Severity::Warning, format!("nothing to compare {sent} with"))
                    .fix("add --registered <URI> for each redirect URI registered in the provider's console"),
            );
        } else {
            let rules = focus.first().and_then(|p| p.redirect_rules.as_deref());
            findings.extend(redirect::check(sent, &args.registered, rules));
        }
    }
    if let Some(url) = &args.url {
        findings.extend(explain::explain(url, &ctx.catalog));
        // `--url` alone asks about that URL: the machine and channel report would bury
        // the answer, and fail on a keychain the URL has nothing to do with.
        if focus.is_empty() && env_file.is_none() {
            let findings = doctor::fold_unreachable(findings);
            render(ctx, &findings);
            return Ok(match doctor::has_problem(&findings) {
                true => ExitCode::Failure,
                false => ExitCode::Ok,
            });
        }
    }

    findings.extend(local::loopback());
    findings.extend(local::environment());
    findings.extend(local::keychain(&ctx.store, ctx.ui.verbose > 0));
    let ids: Vec<&str> = focus.iter().map(|p| p.id.as_str()).collect();
    let listing = ctx.store.list()?;
    let stored: Vec<_> = listing
        .channels
        .into_iter()
        .filter(|c| ids.is_empty() || ids.contains(&c.provider.as_str()))
        .collect();
    findings.extend(channels::check(&stored));
    findings.extend(channels::unreadable(&listing.unreadable));
    findings.extend(channels::waiting(&listing.waiting));

    // The run's network settings, with the probes' own limit.
    let network = ctx.network.with_timeout(args.timeout);
    if !args.offline {
        let http = network.client();
        let mut origins = BTreeSet::new();
        let mut probes = Vec::new();
        let mut oauth1_probes = Vec::new();
        for p in &focus {
            let mut provider = p.clone();
            // Resolves the provider's instance or sandbox URLs too, in place.
            let resolved = connect::client::for_probe(
                &ctx.ui,
                &mut provider,
                &args.client,
                env_file.as_ref(),
                &connect::process_env,
                &http,
            );
            // X as Postiz runs it: the API key and secret, probed with a request token
            // for the callback Postiz would send.
            let mut consumer_error = None;
            let consumer = provider.oauth1.clone().and_then(|rules| {
                let consumer = connect::client::consumer(
                    &provider,
                    &rules,
                    &args.client,
                    env_file.as_ref(),
                    &connect::process_env,
                );
                // A Postiz .env with X's API key means OAuth 1.0a: what is wrong with
                // those keys is the finding, not the OAuth 2.0 variables Postiz never reads.
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
                let callback = args
                    .redirect_uri
                    .clone()
                    .or_else(|| vars.and_then(|v| envfile::postiz_redirect(&provider, v)))
                    .unwrap_or_else(|| "http://127.0.0.1/callback".into());
                origins.insert(origin_of(&rules.request_token_url));
                oauth1_probes.push((provider.id.clone(), rules, consumer, callback));
            }
            match resolved {
                Ok((endpoints, client)) => {
                    for url in [
                        Some(&endpoints.authorize_url),
                        Some(&endpoints.token_url),
                        provider
                            .identity
                            .url
                            .as_ref()
                            .or(endpoints.userinfo_url.as_ref()),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        origins.insert(origin_of(url));
                    }
                    probes.push((provider.id.clone(), endpoints, client, provider.wire()));
                }
                // Only the OAuth 1.0a credentials are set, as in a Postiz deployment.
                Err(_) if oauth1_ready => {}
                Err(e) => {
                    let e = consumer_error.unwrap_or(e);
                    findings.push(
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
        let origins: Vec<String> = origins.into_iter().filter(|o| o != "null").collect();
        // Everything at once: the network part takes about one timeout, never the sum.
        let (net, creds, live, postiz) = std::thread::scope(|scope| {
            // The probes write no transcript: `-v` shows their traced steps instead.
            let quiet = crate::http::Network {
                verbose: false,
                ..network
            };
            let net = scope.spawn(move || network::probe(&origins, quiet));
            // The Postiz deployment behind the .env, when its stores are reachable, and
            // its engine (Temporal).
            let postiz = env_file.as_ref().map(|file| {
                scope.spawn(move || {
                    let mut found = deployment::check(file, &ctx.catalog, args.timeout);
                    found.extend(crate::doctor::engine::check(file, args.timeout));
                    found
                })
            });
            let live =
                scope.spawn(move || channels::live(&stored, &ctx.store, &ctx.catalog, quiet));
            let oauth1: Vec<_> = oauth1_probes
                .iter()
                .map(|(id, rules, consumer, callback)| {
                    scope.spawn(move || {
                        let http = network.client();
                        probe::oauth1_consumer(id, rules, consumer, callback, &http)
                    })
                })
                .collect();
            let creds: Vec<_> = probes
                .iter()
                .map(|(id, endpoints, client, wire)| {
                    scope.spawn(move || {
                        // Its own client: failures are judged from its own last response.
                        let http = network.client();
                        probe::credentials(id, endpoints, client, wire, &http)
                    })
                })
                .collect();
            (
                net.join().expect("network probe"),
                creds
                    .into_iter()
                    .chain(oauth1)
                    .flat_map(|h| h.join().expect("credential probe"))
                    .collect::<Vec<_>>(),
                live.join().expect("identity probes"),
                postiz
                    .map(|h| h.join().expect("deployment check"))
                    .unwrap_or_default(),
            )
        });
        findings.extend(net);
        findings.extend(creds);
        findings.extend(live);
        findings.extend(postiz);
    }

    let findings = doctor::fold_unreachable(findings);
    render(ctx, &findings);
    Ok(if doctor::has_problem(&findings) {
        ExitCode::Failure
    } else {
        ExitCode::Ok
    })
}

fn render(ctx: &Context, findings: &[Finding]) {
    if ctx.ui.json {
        ctx.ui.json_data(&json!(findings));
        return;
    }
    let layout = Layout {
        mark: true,
        id: true,
        verbose: ctx.ui.verbose > 0,
        ..Layout::default()
    };
    let mut text = Styled::new();
    for (area, list) in doctor::grouped(findings) {
        text.styled(area, &Style::new().bold().underlined())
            .newline();
        for f in list {
            if ctx.ui.quiet && matches!(f.severity, Severity::Ok | Severity::Info) {
                continue;
            }
            super::findings::finding(&mut text, f, layout);
        }
        text.newline();
    }
    text.text(&super::findings::counts(findings));
    ctx.ui.data(text);
}
