//! Where the granted scopes come from: a field of the token response, or a separate call
//! (Meta's `/me/permissions`, Google's `tokeninfo`).

use serde_json::Value;

use super::ScopesEndpoint;
use crate::error::Error;
use crate::http::HttpClient;
use crate::oauth::scopes;
use crate::oauth::token::TokenResponse;

/// The scopes in a token-response field (`scope`, Instagram's `permissions`).
pub fn from_token(field: &str, token: &TokenResponse) -> Option<Vec<String>> {
    if field == "scope" {
        return token.granted_scopes();
    }
    let value = token.extra.expose().get(field)?;
    // Instagram's shape is UNVERIFIED: a string, an array, or wrapped in `data[0]`.
    let value = value
        .pointer("/data/0")
        .and_then(|v| v.get(field))
        .unwrap_or(value);
    scopes::parse_value(value)
}

/// Ask the provider which scopes the token carries.
pub fn from_endpoint(
    endpoint: &ScopesEndpoint,
    access_token: &str,
    http: &HttpClient,
) -> Result<Vec<String>, Error> {
    let in_url = endpoint.url.contains("{access_token}");
    let url = endpoint.url.replace("{access_token}", access_token);
    let body = super::get_json(http, &url, (!in_url).then_some(access_token), &[])?;
    Ok(parse(endpoint, &body))
}

fn parse(endpoint: &ScopesEndpoint, body: &Value) -> Vec<String> {
    let Some(found) = body.pointer(&endpoint.items) else {
        return Vec::new();
    };
    let Value::Array(items) = found else {
        return scopes::parse_value(found).unwrap_or_default();
    };
    items
        .iter()
        .filter(|item| match (&endpoint.status, &endpoint.granted) {
            (Some(status), Some(granted)) => {
                item.pointer(status).and_then(Value::as_str) == Some(granted.as_str())
            }
            _ => true,
        })
        .filter_map(|item| match &endpoint.scope {
            Some(p) => item.pointer(p).and_then(Value::as_str).map(str::to_string),
            None => item.as_str().map(str::to_string),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn meta_permissions_keep_only_granted() {
        let e = ScopesEndpoint {
            url: "x".into(),
            items: "/data".into(),
            scope: Some("/permission".into()),
            status: Some("/status".into()),
            granted: Some("granted".into()),
        };
        let body = json!({"data": [
            {"permission": "pages_show_list", "status": "granted"},
            {"permission": "read_insights", "status": "declined"}
        ]});
        assert_eq!(parse(&e, &body), vec!["pages_show_list"]);
    }

    #[test]
    fn google_tokeninfo_string() {
        let e = ScopesEndpoint {
            url: "x".into(),
            items: "/scope".into(),
            scope: None,
            status: None,
            granted: None,
        };
        let body = json!({"scope": "https://www.googleapis.com/auth/youtube openid"});
        assert_eq!(parse(&e, &body).len(), 2);
    }

    #[test]
    fn instagram_permissions_field() {
        let t: TokenResponse = serde_json::from_value(json!({
            "access_token": "a", "permissions": "instagram_business_basic,instagram_business_content_publish"
        }))
        .unwrap();
        assert_eq!(from_token("permissions", &t).unwrap().len(), 2);
        let t: TokenResponse = serde_json::from_value(json!({
            "access_token": "a", "permissions": ["x", "y", "z"]
        }))
        .unwrap();
        assert_eq!(from_token("permissions", &t).unwrap().len(), 3);
    }
}
