//! The sandbox as its clients see it: its fixed app and account, and where each endpoint
//! of a provider's catalog entry lives on it. Compiled in every build, without the
//! emulator too: `--sandbox-at` and `postiz repair --sandbox-at` talk to a sandbox that
//! another process runs.

use crate::model::{ClientCredentials, Endpoints};
use crate::providers::{ClientAuth, Provider};

pub const CLIENT_ID: &str = "sandbox-client";
pub const CLIENT_SECRET: &str = "sandbox-secret";
/// The account that "logs in" to the sandbox.
pub const ACCOUNT: &str = "sandbox-user";

/// The endpoints of a provider entry already rewritten by [`rewrite`].
pub fn endpoints_of(provider: &Provider) -> Endpoints {
    Endpoints {
        authorize_url: provider.authorize_url.clone().unwrap_or_default(),
        token_url: provider.token_url.clone().unwrap_or_default(),
        revoke_url: provider.revoke_url.clone(),
        userinfo_url: provider.identity.url.clone(),
        ..Endpoints::default()
    }
}

/// The sandbox's client, authenticating the way the provider's catalog entry says.
pub fn client_for(provider: &Provider) -> ClientCredentials {
    let public = provider.client_auth == ClientAuth::None;
    ClientCredentials {
        id: CLIENT_ID.into(),
        secret: (!public).then(|| oauth2::ClientSecret::new(CLIENT_SECRET.into())),
        auth: provider.client_auth,
    }
}

/// The provider's entry with each URL moved to the sandbox path for its role, its query
/// (and `{placeholders}`) kept, so the sandbox at `base` serves every call the provider
/// would.
pub fn rewrite(provider: &Provider, base: &str) -> Provider {
    let mut p = provider.clone();
    let base = base.trim_end_matches('/');
    let moved = |url: &str, path: &str| {
        let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
        // A `{parent}` in the original path becomes a parameter.
        let parent = url
            .split('?')
            .next()
            .unwrap_or_default()
            .contains("{parent}");
        let mut out = format!("{base}{path}");
        let mut params: Vec<String> = Vec::new();
        if !query.is_empty() {
            params.push(query.to_string());
        }
        if parent {
            params.push("parent={parent}".into());
        }
        if !params.is_empty() {
            out.push('?');
            out.push_str(&params.join("&"));
        }
        out
    };
    let set = |slot: &mut Option<String>, path: &str| {
        *slot = Some(moved(slot.as_deref().unwrap_or_default(), path));
    };
    set(&mut p.authorize_url, "/oauth/authorize");
    set(&mut p.token_url, "/oauth/token");
    // A provider without revocation has none in its emulation either.
    if p.revoke_url.is_some() {
        set(&mut p.revoke_url, "/oauth/revoke");
    }
    if !p.identity.in_token_response {
        set(&mut p.identity.url, "/identity");
    }
    if p.refresh.url.is_some() {
        set(&mut p.refresh.url, "/oauth/refresh");
    }
    if let Some(e) = &mut p.granted_scopes_endpoint {
        e.url = moved(&e.url, "/scopes");
    }
    if let Some(e) = &mut p.long_lived {
        e.url = moved(&e.url, "/oauth/long-lived");
    }
    if let Some(pages) = &mut p.pages {
        pages.url = moved(&pages.url, "/pages");
        if let Some(parent) = &mut pages.parent {
            parent.url = moved(&parent.url, "/pages/parents");
        }
        for (i, source) in pages.more.iter_mut().enumerate() {
            source.url = moved(&source.url, &format!("/pages/more/{i}"));
            if let Some(parent) = &mut source.parent {
                parent.url = moved(&parent.url, &format!("/pages/more/{i}/parents"));
            }
        }
    }
    if let Some(r) = &mut p.registration {
        r.url = moved(&r.url, "/register");
    }
    if let Some(o) = &mut p.oauth1 {
        o.request_token_url = moved(&o.request_token_url, "/oauth1/request_token");
        o.authorize_url = moved(&o.authorize_url, "/oauth1/authorize");
        o.access_token_url = moved(&o.access_token_url, "/oauth1/access_token");
        o.identity_url = moved(&o.identity_url, "/identity");
        if let Some(u) = &mut o.invalidate_url {
            *u = moved(u, "/oauth1/invalidate_token");
        }
    }
    p.base_url = Some(base.to_string());
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::Catalog;

    #[test]
    fn rewrite_moves_every_url_and_keeps_queries_and_placeholders() {
        let catalog = Catalog::embedded();
        let gmb = rewrite(catalog.get("gmb").unwrap(), "http://127.0.0.1:9");
        let mut urls = gmb
            .clone()
            .urls_mut()
            .into_iter()
            .map(|u| u.clone())
            .collect::<Vec<_>>();
        urls.sort();
        assert!(
            urls.iter().all(|u| u.starts_with("http://127.0.0.1:9/")),
            "{urls:?}"
        );
        let pages = gmb.pages.unwrap();
        assert_eq!(
            pages.url,
            "http://127.0.0.1:9/pages?readMask=name,title&parent={parent}"
        );
        assert_eq!(
            gmb.granted_scopes_endpoint.unwrap().url,
            "http://127.0.0.1:9/scopes?access_token={access_token}"
        );
        // A provider without revocation keeps none.
        let fb = rewrite(catalog.get("facebook").unwrap(), "http://127.0.0.1:9");
        assert!(fb.revoke_url.is_none());
        assert_eq!(fb.pages.unwrap().more.len(), 2);
        let x = rewrite(catalog.get("twitter").unwrap(), "http://127.0.0.1:9");
        assert_eq!(
            x.oauth1.unwrap().request_token_url,
            "http://127.0.0.1:9/oauth1/request_token"
        );
    }
}
