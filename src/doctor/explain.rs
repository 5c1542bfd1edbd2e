//! Explain the URL the browser ended on: a provider error, a successful callback that
//! Postiz then rejected ("Invalid state"), X's OAuth 1.0a denial, an authorize URL with
//! `client_id=undefined`.

use std::collections::HashMap;

use url::Url;

use super::{Finding, Severity};
use crate::error::provider::ProviderError;
use crate::providers::Catalog;

const AREA: &str = "the URL you gave";

pub fn explain(raw: &str, catalog: &Catalog) -> Vec<Finding> {
    let Ok(url) = Url::parse(raw.trim()) else {
        return vec![
            Finding::new(AREA, "url.invalid", Severity::Problem, "that is not a URL")
                .fix("paste the whole address from the browser's address bar"),
        ];
    };
    let mut params: HashMap<String, String> = url.query_pairs().into_owned().collect();
    if let Some(fragment) = url.fragment() {
        params.extend(url::form_urlencoded::parse(fragment.as_bytes()).into_owned());
    }
    let shown = crate::redact::url(raw.trim());
    let mut out = Vec::new();
    if params
        .get("client_id")
        .is_some_and(|v| v == "undefined" || v.is_empty())
    {
        out.push(
            Finding::new(AREA, "url.client_id_undefined", Severity::Problem, "the authorization URL has client_id=undefined")
                .evidence(shown.clone())
                .fix("the provider's client id variable is missing from Postiz's .env (postiz-connect doctor --env-file .env names it); set it and restart Postiz"),
        );
    }
    if let Some(code) = params.get("error") {
        let e =
            ProviderError::from_callback(code, params.get("error_description").map(String::as_str));
        let mut explained = e.explain();
        // Postiz's callback: the redirect URI to register is Postiz's, not one this tool
        // printed (there was no run of this tool).
        if let (Some((uri, id)), true) = (postiz_callback(&url), e.is_redirect_mismatch()) {
            // Only a provider Postiz wraps (Slack) gets the redirectmeto.com wrapper.
            let wrapped = crate::providers::Catalog::embedded()
                .iter()
                .any(|p| p.postiz_https_wrapper && p.postiz_id.as_deref().unwrap_or(&p.id) == id);
            let shows = match wrapped {
                true => "shows it, with the https://redirectmeto.com/ wrapper Postiz adds to an http FRONTEND_URL",
                false => "shows it",
            };
            explained.fix = format!(
                "register exactly {uri}, the redirect URI Postiz sends (FRONTEND_URL + /integrations/social/{id}), in the app's settings (`postiz-connect providers {id} --env-file .env` {shows}); to compare with what is registered: postiz-connect doctor --redirect-uri '{uri}' --registered '<what the console lists>'"
            );
        }
        out.push(
            Finding::new(
                AREA,
                format!("url.error.{code}"),
                if e.is_user_decision() {
                    Severity::Warning
                } else {
                    Severity::Problem
                },
                format!("the provider redirected back with an error: {e}"),
            )
            .evidence(format!("{shown}\n{}", explained.cause))
            .fix(explained.fix),
        );
    } else if params.contains_key("denied") {
        out.push(
            Finding::new(
                AREA,
                "url.x_denied",
                Severity::Warning,
                "X says the user cancelled the authorization (OAuth 1.0a denied=)",
            )
            .evidence(shown.clone())
            .fix("start again and click Authorize app"),
        );
    } else if let (Some(redirect), true) = (
        params.get("redirect_uri"),
        out.is_empty() && (params.contains_key("client_id") || params.contains_key("client_key")),
    ) {
        // Still on the provider's authorization page: it refused to send the user back.
        let host = url.host_str().unwrap_or_default();
        let provider = catalog.iter().find(|p| {
            p.authorize_url
                .as_deref()
                .and_then(|a| Url::parse(a).ok())
                .is_some_and(|a| a.host_str() == Some(host))
        });
        let page = match provider.and_then(|p| p.mismatch_page.as_deref().map(|m| (p, m))) {
            Some((p, shown)) => format!("{} shows {shown}", p.name),
            None => "the provider shows an error page".to_string(),
        };
        out.push(
            Finding::new(AREA, "url.stuck_at_authorize", Severity::Problem,
                format!("the browser stayed on {host}'s authorization page; if {page}, the redirect URI is not registered"))
                .evidence(format!("redirect_uri={redirect}\n{shown}"))
                .fix(format!("register exactly {redirect} in the app's settings (no trailing-slash, scheme or port difference); to compare with what is registered: postiz-connect doctor --redirect-uri '{redirect}' --registered '<what the console lists>'")),
        );
    } else if params.contains_key("code")
        || params.contains_key("auth_code")
        || params.contains_key("oauth_verifier")
    {
        let has_state = params.contains_key("state") || params.contains_key("oauth_token");
        out.push(
            Finding::new(
                AREA,
                "url.callback_ok",
                Severity::Ok,
                "this is a successful redirect back: the provider side worked",
            )
            .evidence(shown.clone()),
        );
        out.push(
            Finding::new(AREA, if has_state { "state.invalid_state" } else { "state.missing" }, Severity::Warning,
                if has_state { "if Postiz answered \"Invalid state\" here, its stored state was gone" } else { "the redirect carries no state: Postiz will answer \"Invalid state\"" })
                .evidence("Postiz keeps the state in Redis for 1 hour under login:<state> and deletes it on first use; it is not tied to a cookie")
                .fix("start again from \"Add Channel\" in one window and finish within the hour; do not refresh or bookmark the provider's page, do not retry a finished callback, and avoid private windows; with several backend replicas, give them one shared REDIS_URL (without it each uses its own memory)"),
        );
    } else if out.is_empty() {
        out.push(
            Finding::new(
                AREA,
                "url.unknown",
                Severity::Warning,
                "the URL carries neither code, error nor state",
            )
            .evidence(shown)
            .fix("paste the address the browser shows after the provider sends you back"),
        );
    }
    out
}

/// A callback of Postiz's frontend (`<FRONTEND_URL>/integrations/social/<provider>`): the
/// redirect URI it is (without the query), and the provider's id in Postiz.
fn postiz_callback(url: &Url) -> Option<(String, String)> {
    let mut segments = url.path_segments()?.filter(|s| !s.is_empty());
    let id = loop {
        match segments.next()? {
            "integrations" => match (segments.next()?, segments.next()?, segments.next()) {
                ("social", id, None) => break id.to_string(),
                _ => return None,
            },
            _ => continue,
        }
    };
    let mut uri = url.clone();
    uri.set_query(None);
    uri.set_fragment(None);
    Some((uri.to_string(), id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(url: &str) -> Vec<String> {
        explain(url, &Catalog::embedded())
            .into_iter()
            .map(|f| f.id)
            .collect()
    }

    #[test]
    fn each_kind_of_url() {
        assert_eq!(ids("https://p.example.com/integrations/social/youtube?error=redirect_uri_mismatch&error_description=Bad+redirect"), ["url.error.redirect_uri_mismatch"]);
        assert_eq!(
            ids("http://127.0.0.1:5/callback?error=access_denied&state=x"),
            ["url.error.access_denied"]
        );
        assert_eq!(
            ids("https://p.example.com/integrations/social/x?denied=abc"),
            ["url.x_denied"]
        );
        assert_eq!(
            ids("https://www.facebook.com/v20.0/dialog/oauth?client_id=1&redirect_uri=http%3A%2F%2Flocalhost%3A4200%2Fintegrations%2Fsocial%2Ffacebook&state=abc&scope=pages_show_list"),
            ["url.stuck_at_authorize"]
        );
        assert_eq!(
            ids("https://p.example.com/integrations/social/linkedin?code=c&state=s"),
            ["url.callback_ok", "state.invalid_state"]
        );
        assert_eq!(ids("https://www.linkedin.com/oauth/v2/authorization?client_id=undefined&redirect_uri=x"), ["url.client_id_undefined"]);
        assert_eq!(ids("not a url"), ["url.invalid"]);
    }

    #[test]
    fn the_page_a_stuck_browser_shows_comes_from_the_catalog() {
        let catalog = Catalog::embedded();
        let title = |url: &str| explain(url, &catalog)[0].title.clone();
        let fb = title("https://www.facebook.com/v20.0/dialog/oauth?client_id=1&redirect_uri=http%3A%2F%2F127.0.0.1%3A5%2Fcallback");
        assert!(fb.contains("Facebook Page shows \"URL Blocked\""), "{fb}");
        let google = title("https://accounts.google.com/o/oauth2/v2/auth?client_id=1&redirect_uri=http%3A%2F%2F127.0.0.1%3A5%2Fcallback");
        assert!(
            google.contains("Error 400: redirect_uri_mismatch"),
            "{google}"
        );
        let other = title("https://auth.example.com/authorize?client_id=1&redirect_uri=http%3A%2F%2F127.0.0.1%3A5%2Fcallback");
        assert!(
            other.contains("the provider shows an error page"),
            "{other}"
        );
    }

    #[test]
    fn a_postiz_callback_names_the_redirect_uri_postiz_sends() {
        let f = explain(
            "https://postiz.example.com/integrations/social/youtube?error=redirect_uri_mismatch&error_description=Bad+redirect",
            &Catalog::embedded(),
        );
        let fix = f[0].fix.clone().unwrap();
        assert!(
            fix.contains(
                "register exactly https://postiz.example.com/integrations/social/youtube,"
            ),
            "{fix}"
        );
        assert!(!fix.contains("this tool printed"), "{fix}");
        // A loopback callback of this tool keeps the tool's advice.
        let f = explain(
            "http://127.0.0.1:5/callback?error=redirect_uri_mismatch",
            &Catalog::embedded(),
        );
        assert!(f[0].fix.clone().unwrap().contains("this tool printed"));
    }

    #[test]
    fn secrets_in_the_url_are_masked() {
        let f = explain(
            "https://p.example.com/cb?code=SECRETCODE&state=s",
            &Catalog::embedded(),
        );
        assert!(!format!("{f:?}").contains("SECRETCODE"));
    }
}
