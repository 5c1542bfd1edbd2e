//! Who the token belongs to: the catalog's identity endpoint, OIDC userinfo, or the
//! `id_token` claims.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Identity;
use crate::error::provider::{ProviderError, Stage};
use crate::error::Error;
use crate::http::HttpClient;
use crate::oauth::token::TokenResponse;
use crate::secret::ExposeOption;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Account {
    pub id: Option<String>,
    pub username: Option<String>,
    pub name: Option<String>,
    /// Where the identity came from: "identity endpoint", "userinfo", "id_token".
    pub source: String,
}

impl Account {
    /// The account part of a channel name: username, else id, else name.
    pub fn handle(&self) -> Option<String> {
        self.username
            .clone()
            .or_else(|| self.id.clone())
            .or_else(|| self.name.clone())
            .map(|h| channel_handle(&h))
    }
}

/// An account or page id as the part of a channel name after `provider:`. Whitespace,
/// control characters and `%` are percent-escaped, not folded: "Jane Doe" and "Jane_Doe"
/// are two accounts and stay two channels, and the name stays one shell word.
pub fn channel_handle(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c.is_whitespace() || c.is_control() || c == '%' {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Look up the account: `identity.url` with the catalog's pointers, falling back to the
/// standard OIDC claims, then to the id_token (validated first: `iss`, `aud`, `exp`, and
/// its signature when the server publishes its keys). An account with no handle means
/// the provider did not say whose account this is.
pub fn fetch(
    identity: &Identity,
    endpoints: &crate::model::Endpoints,
    token: &TokenResponse,
    client_id: &str,
    http: &HttpClient,
) -> Result<Account, Error> {
    let token_json = Value::Object(token.extra.expose().clone());
    if identity.in_token_response {
        let account = as_stored(
            identity,
            from_json(identity, &token_json, "token response"),
            &token_json,
        );
        if account.handle().is_some() {
            return Ok(account);
        }
    }
    let url = identity
        .url
        .as_deref()
        .or(endpoints.userinfo_url.as_deref());
    if let Some(url) = url.filter(|_| !identity.in_token_response) {
        let response = call(
            identity,
            url,
            token.access_token.secret(),
            client_id,
            &token_fields(identity, token),
            http,
        )?;
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            return Err(Error::Token(ProviderError::from_response(
                Stage::Identity,
                status,
                response.body(),
            )));
        }
        let value: Value = serde_json::from_slice(response.body()).map_err(|_| {
            Error::Token(ProviderError::from_response(
                Stage::Identity,
                status,
                response.body(),
            ))
        })?;
        let account = as_stored(
            identity,
            from_json(identity, &value, "identity endpoint"),
            &token_json,
        );
        if account.handle().is_some() {
            return Ok(account);
        }
    }
    if let Some(jwt) = token.id_token.expose_str() {
        let keys = match &endpoints.jwks_uri {
            Some(url) => Some(crate::oauth::id_token::fetch_keys(url, http)?),
            None => None,
        };
        let expect = crate::oauth::id_token::Expect {
            issuer: endpoints.issuer.as_deref(),
            client_id,
        };
        let claims = crate::oauth::id_token::validated_claims(jwt, &expect, keys.as_ref())?;
        return Ok(from_json(&Identity::default(), &claims, "id_token"));
    }
    Ok(Account::default())
}

/// The account with its id as Postiz stores it in the Integration row's `internalId`: from
/// the token response when the entry says so, without the characters Postiz removes.
pub fn as_stored(identity: &Identity, mut account: Account, token: &Value) -> Account {
    if let Some(id) = identity
        .token_id
        .as_deref()
        .and_then(|p| token.pointer(p))
        .and_then(text)
    {
        account.id = Some(id);
    }
    if let (Some(remove), Some(id)) = (&identity.id_remove, &mut account.id) {
        id.retain(|c| !remove.contains(c));
    }
    account
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The token-response fields the identity URL names as `{token.FIELD}` (TikTok
/// Business's `open_id`): kept with the channel for later identity calls.
pub fn token_fields(identity: &Identity, token: &TokenResponse) -> BTreeMap<String, String> {
    let Some(url) = identity.url.as_deref() else {
        return BTreeMap::new();
    };
    token
        .extra
        .expose()
        .iter()
        .filter(|(k, _)| url.contains(&format!("{{token.{k}}}")))
        .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_string())))
        .collect()
}

/// One identity call, shaped the way the provider wants it: Bearer header by default,
/// or the token as a parameter (VK) or in its own header (TikTok Business), GET or POST,
/// with the client id header and `{client_id}` / `{token.FIELD}` placeholders filled.
pub fn call(
    identity: &Identity,
    url: &str,
    access_token: &str,
    client_id: &str,
    token_fields: &BTreeMap<String, String>,
    http: &HttpClient,
) -> Result<oauth2::HttpResponse, crate::http::NetworkError> {
    let mut values: BTreeMap<String, String> = token_fields
        .iter()
        .map(|(k, v)| (format!("token.{k}"), v.clone()))
        .collect();
    values.insert("client_id".into(), client_id.into());
    let values_ref = values
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    // A placeholder without a value stays as written: the provider's answer says why.
    let url = crate::model::template::fill(url, &values_ref).unwrap_or_else(|_| url.to_string());
    // Catalog URLs may hold characters a request line cannot (TikTok's `fields=["..."]`).
    let url = url::Url::parse(&url).map(|u| u.to_string()).unwrap_or(url);
    let mut params: Vec<(String, String)> = identity
        .params
        .iter()
        .map(|(k, t)| {
            let v = crate::model::template::fill(t, &values_ref).unwrap_or_else(|_| t.clone());
            (k.clone(), v)
        })
        .collect();
    if let Some(name) = &identity.token_param {
        params.push((name.clone(), access_token.to_string()));
    }
    let mut headers: Vec<(&str, &str)> = Vec::new();
    if let Some(h) = identity.client_id_header.as_deref() {
        headers.push((h, client_id));
    }
    let bearer = match (&identity.token_param, &identity.token_header) {
        (Some(_), _) => None,
        (None, Some(h)) => {
            headers.push((h.as_str(), access_token));
            None
        }
        (None, None) => Some(access_token),
    };
    if identity.method.as_deref() == Some("post") {
        return http.send_with_headers(
            "POST",
            &url,
            crate::http::RequestBody::Form(params),
            bearer,
            &headers,
        );
    }
    let url = if params.is_empty() {
        url
    } else {
        match url::Url::parse(&url) {
            Ok(mut u) => {
                u.query_pairs_mut().extend_pairs(&params);
                u.to_string()
            }
            Err(_) => url,
        }
    };
    http.get(&url, bearer, &headers)
}

/// The account named by an identity answer: the catalog's pointers, then the standard
/// claims.
pub fn from_json(identity: &Identity, value: &Value, source: &str) -> Account {
    let pick = |pointer: &Option<String>, fallbacks: &[&str]| {
        pointer
            .as_deref()
            .and_then(|p| value.pointer(p))
            .and_then(text)
            .or_else(|| fallbacks.iter().find_map(|k| value.get(*k).and_then(text)))
    };
    Account {
        id: pick(&identity.id, &["sub", "id", "user_id"]),
        username: pick(
            &identity.username,
            &["preferred_username", "username", "login", "email"],
        ),
        name: pick(&identity.name, &["name", "display_name"]),
        source: source.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn catalog_pointers_then_standard_claims() {
        let x = Identity {
            url: None,
            id: Some("/data/id".into()),
            username: Some("/data/username".into()),
            name: Some("/data/name".into()),
            ..Default::default()
        };
        let a = from_json(
            &x,
            &json!({"data": {"id": "42", "username": "jack", "name": "Jack"}}),
            "t",
        );
        assert_eq!(a.handle().as_deref(), Some("jack"));
        let a = from_json(
            &x,
            &json!({"sub": "u1", "preferred_username": "alice"}),
            "t",
        );
        assert_eq!(a.id.as_deref(), Some("u1"));
        assert_eq!(a.handle().as_deref(), Some("alice"));
        let a = from_json(&Identity::default(), &json!({"sub": 7}), "t");
        assert_eq!(a.handle().as_deref(), Some("7"));
    }

    /// The id Postiz stores as the Integration row's `internalId`, for each provider, from
    /// the shapes its APIs answer (gitroomhq/postiz-app,
    /// libraries/nestjs-libraries/src/integrations/social/*.provider.ts: `authenticate()`
    /// returns `id`, `fetchPageInformation()` the page's). (provider, token response,
    /// identity answer or the chosen page's list item, parent, stored id)
    #[allow(clippy::type_complexity)]
    const POSTIZ_IDS: &[(&str, &str, &str, Option<&str>, &str)] = &[
        // x.provider.ts: String(id) of client.v2.me().
        (
            "twitter",
            "{}",
            r#"{"data":{"id":"2244994945","username":"XDevelopers","name":"Developers"}}"#,
            None,
            "2244994945",
        ),
        // linkedin.provider.ts: `sub` of /v2/userinfo.
        (
            "linkedin",
            "{}",
            r#"{"sub":"782bbtaQ","name":"John Doe","picture":"https://p"}"#,
            None,
            "782bbtaQ",
        ),
        // linkedin.page.provider.ts: the organization's id (organizationalTarget's last part).
        (
            "linkedin-page",
            "{}",
            r#"{"role":"ADMINISTRATOR","organizationalTarget":"urn:li:organization:2414183","organizationalTarget~":{"id":2414183,"localizedName":"Acme","vanityName":"acme"}}"#,
            None,
            "2414183",
        ),
        // reddit.provider.ts: `id` of /api/v1/me.
        (
            "reddit",
            "{}",
            r#"{"id":"1w72","name":"spez","icon_img":"https://i"}"#,
            None,
            "1w72",
        ),
        // pinterest.provider.ts: `id` of /v5/user_account.
        (
            "pinterest",
            "{}",
            r#"{"id":"549755885175","username":"pinterest","profile_image":"https://i"}"#,
            None,
            "549755885175",
        ),
        // discord.provider.ts: guild.id of the token response.
        (
            "discord",
            r#"{"access_token":"a","guild":{"id":"290926798626357999","name":"Server"}}"#,
            "{}",
            None,
            "290926798626357999",
        ),
        // kick.provider.ts: String(user.user_id) of /public/v1/users.
        (
            "kick",
            "{}",
            r#"{"data":[{"user_id":123456,"name":"kicker","email":"k@x"}],"message":"OK"}"#,
            None,
            "123456",
        ),
        // twitch.provider.ts: String(user.id) of helix/users.
        (
            "twitch",
            "{}",
            r#"{"data":[{"id":"141981764","login":"twitchdev","display_name":"TwitchDev"}]}"#,
            None,
            "141981764",
        ),
        // mastodon.provider.ts: `id` of verify_credentials.
        (
            "mastodon",
            "{}",
            r#"{"id":"109348186451337012","username":"alice","acct":"alice","display_name":"Alice"}"#,
            None,
            "109348186451337012",
        ),
        // slack.provider.ts: team.id of the token response.
        (
            "slack",
            r#"{"ok":true,"access_token":"xoxb","bot_user_id":"U0KRQLJ9H","team":{"id":"T9TK3CUKW","name":"Softball"}}"#,
            "{}",
            None,
            "T9TK3CUKW",
        ),
        // facebook.provider.ts: the page's id.
        (
            "facebook",
            "{}",
            r#"{"id":"101330001","name":"Acme","username":"acme","access_token":"PT"}"#,
            None,
            "101330001",
        ),
        // instagram.provider.ts: the Instagram business account's id.
        (
            "instagram",
            "{}",
            r#"{"id":"101330001","name":"Acme","access_token":"PT","instagram_business_account":{"id":"17841400008460056","username":"acme"}}"#,
            None,
            "17841400008460056",
        ),
        // instagram.standalone.provider.ts: `user_id` of graph.instagram.com/me.
        (
            "instagram-standalone",
            "{}",
            r#"{"user_id":"17841405822304914","username":"jayposiris","name":"Jay","id":"7590"}"#,
            None,
            "17841405822304914",
        ),
        // threads.provider.ts: `id` of graph.threads.net/v1.0/me.
        (
            "threads",
            "{}",
            r#"{"id":"1234567","username":"threadsapitestuser"}"#,
            None,
            "1234567",
        ),
        // youtube.provider.ts: the channel's id.
        (
            "youtube",
            "{}",
            r#"{"id":"UC_x5XG1OV2P6uZZ5FSM9Ttw","snippet":{"title":"Google for Developers"}}"#,
            None,
            "UC_x5XG1OV2P6uZZ5FSM9Ttw",
        ),
        // gmb.provider.ts: accounts/{account}/locations/{location}, for v4 local posts.
        (
            "gmb",
            "{}",
            r#"{"name":"locations/1111","title":"Acme Shop"}"#,
            Some("accounts/2222"),
            "accounts/2222/locations/1111",
        ),
        // tiktok.provider.ts: open_id.replace(/-/g, '').
        (
            "tiktok",
            r#"{"access_token":"a","open_id":"723f24d7-e717-40f8-a2b6-cb8464cd23b4"}"#,
            r#"{"data":{"user":{"open_id":"723f24d7-e717-40f8-a2b6-cb8464cd23b4","display_name":"Tik","username":"tiktoker"}},"error":{"code":"ok"}}"#,
            None,
            "723f24d7e71740f8a2b6cb8464cd23b4",
        ),
        // tiktok.business.provider.ts: the token response's open_id, as it is.
        (
            "tiktok-business",
            r#"{"access_token":"a","open_id":"723f24d7-e717-40f8-a2b6-cb8464cd23b4","scope":"user.info.basic"}"#,
            r#"{"code":0,"message":"OK","data":{"username":"biz","display_name":"Biz"}}"#,
            None,
            "723f24d7-e717-40f8-a2b6-cb8464cd23b4",
        ),
        // dribbble.provider.ts: `id` of /v2/user (a number).
        (
            "dribbble",
            "{}",
            r#"{"id":1,"name":"Dan Cederholm","login":"simplebits"}"#,
            None,
            "1",
        ),
        // vk.provider.ts: user.user_id of oauth2/user_info.
        (
            "vk",
            r#"{"access_token":"a","user_id":1234567890}"#,
            r#"{"user":{"user_id":"1234567890","first_name":"Ivan","last_name":"Ivanov"}}"#,
            None,
            "1234567890",
        ),
        // tumblr.provider.ts: the blog's name.
        (
            "tumblr",
            "{}",
            r#"{"name":"staff","title":"Tumblr Staff","url":"https://staff.tumblr.com/"}"#,
            None,
            "staff",
        ),
        // whop.provider.ts: `sub` of oauth/userinfo.
        (
            "whop",
            "{}",
            r#"{"sub":"user_v9KUoZvTGm9Ob","name":"W","preferred_username":"w"}"#,
            None,
            "user_v9KUoZvTGm9Ob",
        ),
    ];

    #[test]
    fn the_stored_account_id_is_postizs_internal_id() {
        let catalog = crate::providers::Catalog::embedded();
        for (id, token, answer, parent, expected) in POSTIZ_IDS {
            let p = catalog.get(id).unwrap_or_else(|| panic!("{id}"));
            let token: Value = serde_json::from_str(token).unwrap();
            let answer: Value = serde_json::from_str(answer).unwrap();
            let stored = match &p.pages {
                // Two-step: the chosen page's id is the channel's.
                Some(pages) => {
                    crate::providers::pages::choice(pages, &answer, *parent)
                        .unwrap_or_else(|| panic!("{id}: not a choice"))
                        .id
                }
                None => {
                    let value = if p.identity.in_token_response {
                        &token
                    } else {
                        &answer
                    };
                    as_stored(&p.identity, from_json(&p.identity, value, "t"), &token)
                        .id
                        .unwrap_or_else(|| panic!("{id}: no id"))
                }
            };
            assert_eq!(&stored, expected, "{id}");
        }
        // Every provider Postiz has is in the table.
        for p in catalog.iter().filter(|p| p.postiz_id.is_some()) {
            assert!(
                POSTIZ_IDS.iter().any(|(id, ..)| *id == p.id),
                "{} has no row",
                p.id
            );
        }
    }

    #[test]
    fn handle_has_no_whitespace() {
        let a = Account {
            name: Some("Jane Doe".into()),
            ..Default::default()
        };
        assert_eq!(a.handle().as_deref(), Some("Jane%20Doe"));
        let b = Account {
            name: Some("Jane_Doe".into()),
            ..Default::default()
        };
        assert_ne!(a.handle(), b.handle(), "two accounts, two channels");
        let c = Account {
            name: Some("Jane%20Doe\u{1b}[2J".into()),
            ..Default::default()
        };
        assert_eq!(c.handle().as_deref(), Some("Jane%2520Doe%1B[2J"));
    }
}
