use std::collections::HashMap;
use std::path::Path;

use serde_json::json;

use crate::doctor::envfile::postiz_redirect;
use crate::error::{Error, ExitCode};
use crate::providers::{self, LoopbackPort, Provider, RefreshStyle};
use crate::ui::Styled;

use super::Context;

/// The protocol(s), in words.
fn protocol(p: &Provider) -> String {
    match &p.oauth1 {
        Some(o) if o.postiz => format!(
            "OAuth 1.0a as Postiz ({}: --oauth1, or automatic with a Postiz .env that has them or when only they are set); otherwise OAuth 2.0 + PKCE ({}, this tool's own: Postiz does not read them; --oauth2 forces it)",
            [o.consumer_key_env.clone(), o.consumer_secret_env.clone()].concat().join("/"),
            [p.client_id_env.clone(), p.client_secret_env.clone()].concat().join("/"),
        ),
        Some(_) => "OAuth 2.0 (default), OAuth 1.0a with --oauth1".into(),
        None => "OAuth 2.0".into(),
    }
}

/// The environment variables Postiz itself reads for this provider's credentials.
fn postiz_env(p: &Provider) -> Option<Vec<String>> {
    p.postiz_id.as_ref()?;
    Some(match &p.oauth1 {
        Some(o) if o.postiz => [o.consumer_key_env.clone(), o.consumer_secret_env.clone()].concat(),
        _ => [p.client_id_env.clone(), p.client_secret_env.clone()].concat(),
    })
}

/// How tokens are renewed, in words.
fn refresh_style(p: &Provider) -> String {
    match p.refresh.style {
        RefreshStyle::RefreshToken => "refresh_token grant".into(),
        RefreshStyle::AccessToken => format!(
            "exchange of the access token ({}){}",
            p.refresh
                .params
                .get("grant_type")
                .cloned()
                .unwrap_or_default(),
            p.refresh
                .min_age
                .map(|s| format!(
                    ", once it is {} old",
                    crate::ui::duration_words(std::time::Duration::from_secs(s))
                ))
                .unwrap_or_default()
        ),
        RefreshStyle::None => format!(
            "none{}",
            p.refresh
                .note
                .as_ref()
                .map(|n| format!(": {n}"))
                .unwrap_or_default()
        ),
    }
}

fn provider_json(p: &Provider, postiz: Option<String>) -> serde_json::Value {
    json!({
        "protocol": protocol(p),
        "token_request": p.token_format.as_str(),
        "error_format": if p.token_envelope.is_some() { serde_json::json!("envelope") } else { serde_json::json!(p.error_format) },
        "refresh": p.refresh.style,
        "refresh_description": refresh_style(p),
        "long_lived_exchange": p.long_lived.as_ref().and_then(|e| e.params.get("grant_type")),
        "granted_scopes": p.granted_scopes,
        "two_step": p.pages.as_ref().map(|pg| pg.kind.clone()),
        "oauth1_env": p.oauth1.as_ref().map(|o| [o.consumer_key_env.clone(), o.consumer_secret_env.clone()].concat()),
        "registration": p.registration.is_some(),
        "postiz_id": p.postiz_id,
        "postiz_env": postiz_env(p),
        "postiz_redirect_uri": postiz,
        "base_url": p.base_url,
        "id": p.id,
        "name": p.name,
        "aliases": p.aliases,
        "authorize_url": p.authorize_url,
        "token_url": p.token_url,
        "revoke_url": p.revoke_url,
        "identity_url": p.identity.url,
        "scopes": p.scopes,
        "scope_separator": p.scope_separator,
        "pkce": p.pkce,
        "client_auth": p.client_auth,
        "client_id_env": p.client_id_env,
        "client_secret_env": p.client_secret_env,
        "loopback_redirect_uri": p.loopback_redirect(),
        "redirect_rules": p.redirect_rules,
        "loopback_port": p.loopback_port,
        "docs": p.docs,
    })
}

pub fn run(
    ctx: &Context,
    one: Option<&str>,
    frontend_url: Option<String>,
    env_file: Option<&Path>,
) -> Result<ExitCode, Error> {
    let providers: Vec<&Provider> = match one {
        Some(name) => vec![ctx.catalog.require(name)?],
        None => ctx.catalog.iter().collect(),
    };
    let vars: Option<HashMap<String, String>> = match (frontend_url, env_file) {
        (Some(url), _) => Some([("FRONTEND_URL".to_string(), url)].into()),
        (None, Some(path)) => Some(providers::read_env_file(path)?),
        (None, None) => None,
    };
    let postiz = |p: &Provider| vars.as_ref().and_then(|v| postiz_redirect(p, v));
    if ctx.ui.json {
        ctx.ui.json_data(&serde_json::Value::Array(
            providers
                .iter()
                .map(|p| provider_json(p, postiz(p)))
                .collect(),
        ));
        return Ok(ExitCode::Ok);
    }
    for p in providers {
        ctx.ui.data(provider_text(p, one.is_some(), postiz(p)));
    }
    Ok(ExitCode::Ok)
}

/// One provider for people: its id (bold, escaped like its name), then its details when
/// it is the one asked about, else a line of summary; `postiz`: the redirect URI Postiz
/// sends for it.
fn provider_text(p: &Provider, detailed: bool, postiz: Option<String>) -> Styled {
    let aliases = if p.aliases.is_empty() {
        String::new()
    } else {
        format!(" (alias {})", p.aliases.join(", "))
    };
    let mut lines: Vec<String> = Vec::new();
    match (detailed, &postiz) {
        (true, _) => lines.extend(detail_lines(p, postiz.as_deref())),
        (false, Some(uri)) => lines.push(format!("  Postiz sends:  {uri}")),
        (false, None) => {}
    }
    lines.extend(env_lines(p));
    if !detailed {
        lines.push(format!(
            "  {}, refresh: {}{}",
            protocol(p),
            refresh_style(p),
            p.pages
                .as_ref()
                .map(|pg| format!(", two-step ({})", pg.kind))
                .unwrap_or_default()
        ));
    }
    let mut text = Styled::new();
    text.bold(&p.id).text(&format!("{aliases}: {}", p.name));
    for line in &lines {
        text.newline().text(line);
    }
    text
}

/// The endpoints, protocol, refresh and redirect of the provider asked about.
fn detail_lines(p: &Provider, postiz: Option<&str>) -> Vec<String> {
    let mut lines = Vec::new();
    let or_flag =
        |v: &Option<String>, flag: &str| v.clone().unwrap_or_else(|| format!("(give {flag})"));
    lines.push(format!(
        "  authorize:     {}",
        or_flag(&p.authorize_url, "--auth-url or --issuer")
    ));
    lines.push(format!(
        "  token:         {}",
        or_flag(&p.token_url, "--token-url or --issuer")
    ));
    lines.push(format!(
        "  revoke:        {}",
        p.revoke_url.clone().unwrap_or_else(|| "none".into())
    ));
    lines.push(format!(
        "  identity:      {}",
        p.identity
            .url
            .clone()
            .unwrap_or_else(|| "OIDC userinfo or id_token".into())
    ));
    lines.push(format!(
        "  scopes:        {}",
        p.scopes.join(&p.scope_separator)
    ));
    lines.push(format!("  protocol:      {}", protocol(p)));
    lines.push(format!("  pkce:          {:?}", p.pkce).to_lowercase());
    lines.push(format!(
        "  client auth:   {} ({} request)",
        p.client_auth.as_str(),
        p.token_format.as_str()
    ));
    if let Some(e) = &p.long_lived {
        lines.push(format!(
            "  long-lived:    {} at {}",
            e.params.get("grant_type").cloned().unwrap_or_default(),
            e.url
        ));
    }
    lines.push(format!("  refresh:       {}", refresh_style(p)));
    if let Some(pages) = &p.pages {
        lines.push(format!(
            "  two-step:      pick a {} after the login (--page ID|NAME)",
            pages.kind
        ));
    }
    if p.registration.is_some() {
        lines.push("  registration:  without a client id, an app is registered on the instance and remembered".into());
    }
    lines.push(format!(
        "  redirect URI:  {} ({})",
        p.loopback_redirect(),
        match p.loopback_port {
            Some(LoopbackPort::Any) => "any port works for a desktop app, RFC 8252 §7.3",
            Some(LoopbackPort::Exact) =>
                "the port is compared too: register one and pass it with --port, which is remembered",
            None => "register it; fix the port with --port, which is remembered",
        }
    ));
    if let Some(uri) = postiz {
        lines.push(format!("  Postiz sends:  {uri}"));
    }
    if let Some(rules) = &p.redirect_rules {
        lines.push(format!("  redirect rule: {rules}"));
    }
    if let Some(docs) = &p.docs {
        lines.push(format!("  docs:          {docs}"));
    }
    lines
}

/// The environment variables the credentials are read from.
fn env_lines(p: &Provider) -> Vec<String> {
    let mut lines = Vec::new();
    let postiz_oauth1 = p.oauth1.as_ref().is_some_and(|o| o.postiz);
    if !p.client_id_env.is_empty() {
        lines.push(format!(
            "  env:           {} {}{}",
            p.client_id_env.join(","),
            p.client_secret_env.join(","),
            if postiz_oauth1 {
                " (OAuth 2.0, this tool's own: Postiz does not read them)"
            } else {
                ""
            }
        ));
    }
    if let Some(o) = &p.oauth1 {
        lines.push(format!(
            "  env (OAuth 1.0a): {} {}{}",
            o.consumer_key_env.join(","),
            o.consumer_secret_env.join(","),
            if postiz_oauth1 {
                " (what Postiz reads)"
            } else {
                ""
            }
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::Catalog;
    use crate::ui::Ui;
    use console::strip_ansi_codes;

    /// The list: one summary per provider, the redirect Postiz sends first when a
    /// FRONTEND_URL is known; one provider: its details.
    #[test]
    fn providers_render_a_summary_or_the_details() {
        let catalog = Catalog::embedded();
        let linkedin = catalog.get("linkedin").unwrap();
        let (ui, captured) = Ui::capture();
        ui.data(provider_text(
            linkedin,
            false,
            Some("https://postiz.example/integrations/social/linkedin".into()),
        ));
        let out = strip_ansi_codes(&captured.stdout()).into_owned();
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("linkedin"), "{out}");
        assert_eq!(
            lines[1],
            "  Postiz sends:  https://postiz.example/integrations/social/linkedin"
        );
        assert!(lines.last().unwrap().contains(", refresh: "), "{out}");
        assert!(!out.contains("  authorize:"), "{out}");

        let (ui, captured) = Ui::capture();
        ui.data(provider_text(linkedin, true, None));
        let out = strip_ansi_codes(&captured.stdout()).into_owned();
        assert!(out.contains("\n  authorize:     https://"), "{out}");
        assert!(out.contains("\n  redirect URI:  "), "{out}");
        assert!(!out.contains(", refresh: "), "{out}");
    }
}
