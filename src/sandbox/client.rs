//! The sandbox as its clients see it: its fixed app and account, and where each endpoint
//! of a provider's catalog entry lives on it. Compiled in every build, without the
//! emulator too: `--sandbox-at` and `postiz repair --sandbox-at` talk to a sandbox that
//! another process runs.

use crate::model::{ClientCredentials, Endpoints};
use crate::providers::{ClientAuth, Provider};

pub const CLIENT_ID: &str = "sandbox-client";
pub const CLIENT_SECRET: &str = "sandbox-secret";
/// The handle of the account that "logs in" to the sandbox: a valid handle on every
/// provider (X, Reddit, Instagram and Mastodon allow no `-`).
pub const ACCOUNT: &str = "sandbox_user";
/// Its display name.
pub const ACCOUNT_NAME: &str = "Sandbox User";

/// The sandbox account's id at `provider`, in that provider's own shape, and distinct for
/// every provider: Postiz keeps one row per organization and internal id, so sandbox
/// channels of two providers must never share one.
pub fn account_id(provider: &str) -> String {
    let known = match provider {
        // Snowflake-sized numeric ids.
        "twitter" => "1859372046183759872",
        "discord" => "1187364512098765432",
        "mastodon" => "109345678901234567",
        // OpenID Connect `sub` values: opaque, mixed-case.
        "linkedin" => "Xq3bT9kLmZ",
        "linkedin-page" => "Rk7wP2sNcQ",
        "whop" => "user_Sb7TqLm2Xc",
        // Reddit's base-36 account id (`t2_` is the kind prefix, not part of `id`).
        "reddit" => "1x2y3z4w",
        "pinterest" => "1145189340175683205",
        "kick" => "48213907",
        "twitch" => "987650213",
        "slack" => "T05SANDBOX",
        // Meta's app-scoped ids.
        "facebook" => "10161234567890123",
        "instagram" => "17841412345678901",
        "instagram-standalone" => "27012345678901234",
        "threads" => "25012345678901234",
        // Google's numeric user ids.
        "youtube" => "108234567890123456789",
        "gmb" => "113456789012345678901",
        // TikTok's open_id, with the `-` Postiz removes from it.
        "tiktok" => "-000d3c8e-7f21-4b6a-9e0c-5a1f2b3c4d5e",
        "tiktok-business" => "7f3a9c2e-4b1d-4e8a-b6c5-d2e1f0a9b8c7",
        "dribbble" => "9876021",
        "vk" => "870123456",
        // A Tumblr blog is known by its name.
        "tumblr" => ACCOUNT,
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    // Any other provider (custom entries): a number of its own from its id (FNV-1a).
    let hash = provider.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (1_000_000_000 + hash % 9_000_000_000).to_string()
}

/// The id of the sandbox's `n`th page (channel, blog, organization) at `provider`: in
/// that provider's shape, and distinct between providers, for the same reason as
/// [`account_id`] (a Facebook page and an Instagram account in one organization are two
/// rows).
pub fn page_id(provider: &str, n: u32) -> String {
    let stem = match provider {
        // A YouTube channel id: `UC` and 22 more characters.
        "youtube" => return format!("UCs4ndb0xCh4nnel{n:08}"),
        // A Tumblr blog is known by its name.
        "tumblr" if n == 1 => return "sandbox-blog".into(),
        "tumblr" => return format!("sandbox-blog-{n}"),
        // Meta's page and Instagram business account ids, LinkedIn's organization ids.
        "facebook" => "1029384756102".to_string(),
        "instagram" => "178414029876543".to_string(),
        "linkedin-page" => "876543".to_string(),
        other => account_id(other),
    };
    format!("{stem}{n:02}")
}

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
