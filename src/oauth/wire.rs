//! Token requests for providers that do not speak plain RFC 6749 on the wire: credentials
//! or the whole request in the query string (Dribbble, Meta's GET exchange), multipart
//! bodies (Instagram Login, VK ID), JSON bodies (Whop, TikTok Business), `client_key`
//! instead of `client_id` (TikTok), `auth_code` instead of `code`, and answers wrapped in a
//! `{code, message, data}` envelope. Standard providers go through `oauth2`; this is the
//! one small interface for the rest, driven by what the catalog declares.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::errors::{ProviderError, Stage};
use super::flow::ClientCredentials;
use super::token::TokenResponse;
use crate::error::Error;
use crate::http::{HttpClient, RequestBody};
use crate::providers::ClientAuth;

/// How the token request is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TokenFormat {
    /// `application/x-www-form-urlencoded` POST body (RFC 6749).
    #[default]
    Form,
    /// `multipart/form-data` POST body.
    Multipart,
    /// A JSON object as the POST body.
    Json,
    /// POST with every parameter in the query string and an empty body.
    Query,
    /// GET with every parameter in the query string.
    Get,
}

impl TokenFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenFormat::Form => "form",
            TokenFormat::Multipart => "multipart",
            TokenFormat::Json => "json",
            TokenFormat::Query => "query",
            TokenFormat::Get => "get",
        }
    }
}

/// An answer wrapped as `{"code": 0, "message": "OK", "data": {...}}`, where a non-zero
/// code is an error even with HTTP 200 (TikTok Business).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    /// JSON pointer to the token fields.
    pub data: String,
    /// JSON pointer to the status code; anything but 0 is a failure.
    pub code: String,
    /// JSON pointer to the failure message.
    pub message: String,
}

/// What the token request of one connection looks like on the wire; stored with the
/// channel so refresh needs no catalog.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Wire {
    #[serde(default)]
    pub format: TokenFormat,
    #[serde(default = "default_client_id_param")]
    pub client_id_param: String,
    #[serde(default = "default_code_param")]
    pub code_param: String,
    #[serde(default)]
    pub envelope: Option<Envelope>,
}

impl Default for Wire {
    fn default() -> Self {
        Wire {
            format: TokenFormat::Form,
            client_id_param: default_client_id_param(),
            code_param: default_code_param(),
            envelope: None,
        }
    }
}

pub fn default_client_id_param() -> String {
    "client_id".into()
}

pub fn default_code_param() -> String {
    "code".into()
}

impl Wire {
    /// Plain RFC 6749: the `oauth2` crate handles it.
    pub fn is_standard(&self) -> bool {
        *self == Wire::default()
    }
}

/// A request with `{placeholder}` parameters, for the calls providers add around the
/// standard grant (Meta's long-lived exchanges and `*_refresh_token` grants).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Exchange {
    pub url: String,
    /// Values may use `{access_token}`, `{refresh_token}`, `{client_id}`,
    /// `{client_secret}` and any stored callback parameter such as `{device_id}`.
    #[serde(default)]
    pub params: BTreeMap<String, String>,
}

/// Replace `{name}` placeholders; a placeholder with no value is an error naming it.
pub fn fill(template: &str, values: &BTreeMap<&str, &str>) -> Result<String, String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        let name = &rest[start + 1..start + len];
        match values.get(name) {
            Some(value) => out.push_str(value),
            None => return Err(name.to_string()),
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Replace the `{name}` placeholders `values` knows; leave the others as written.
pub fn fill_known(template: &str, values: &BTreeMap<&str, &str>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let name = &rest[start + 1..start + len];
        out.push_str(&rest[..start]);
        match values.get(name) {
            Some(value) => out.push_str(value),
            None => out.push_str(&rest[start..start + len + 1]),
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Send one token-endpoint request the way `wire` says, with the client's authentication,
/// and read the answer (envelope, odd body shapes, errors) into a token response.
pub fn send(
    wire: &Wire,
    url: &str,
    mut params: Vec<(String, String)>,
    client: &ClientCredentials,
    stage: Stage,
    http: &HttpClient,
) -> Result<TokenResponse, Error> {
    let mut basic = None;
    match (client.auth, &client.secret) {
        (ClientAuth::Basic, Some(secret)) => basic = Some((client.id.clone(), secret.secret())),
        (ClientAuth::Post, Some(secret)) => {
            params.push((wire.client_id_param.clone(), client.id.clone()));
            params.push(("client_secret".into(), secret.secret().clone()));
        }
        _ => params.push((wire.client_id_param.clone(), client.id.clone())),
    }
    let (method, url, body) = match wire.format {
        TokenFormat::Form => ("POST", url.to_string(), RequestBody::Form(params)),
        TokenFormat::Multipart => ("POST", url.to_string(), RequestBody::Multipart(params)),
        TokenFormat::Json => ("POST", url.to_string(), RequestBody::Json(params)),
        TokenFormat::Query => ("POST", with_query(url, &params)?, RequestBody::Empty),
        TokenFormat::Get => ("GET", with_query(url, &params)?, RequestBody::Empty),
    };
    let basic = basic.map(|(id, secret)| (id, secret.clone()));
    let response = http.send(
        method,
        &url,
        body,
        basic.as_ref().map(|(i, s)| (i.as_str(), s.as_str())),
    )?;
    parse_token_answer(wire, stage, response.status().as_u16(), response.body())
}

/// Read a token endpoint's answer: unwrap the envelope, report failures with the
/// provider's own words.
pub fn parse_token_answer(
    wire: &Wire,
    stage: Stage,
    status: u16,
    body: &[u8],
) -> Result<TokenResponse, Error> {
    if !(200..300).contains(&status) {
        return Err(Error::Token(ProviderError::from_response(
            stage, status, body,
        )));
    }
    let value: Value = serde_json::from_slice(body)
        .map_err(|_| Error::Token(ProviderError::from_response(stage, status, body)))?;
    let data = match &wire.envelope {
        Some(envelope) => {
            let code = value.pointer(&envelope.code);
            let ok = match code {
                Some(Value::Number(n)) => n.as_i64() == Some(0),
                Some(Value::String(s)) => s == "0",
                _ => false,
            };
            if !ok {
                let message = value
                    .pointer(&envelope.message)
                    .and_then(Value::as_str)
                    .map(str::to_string);
                return Err(Error::Token(ProviderError {
                    stage,
                    code: Some(match code {
                        Some(c) => format!("code {c}"),
                        None => "no status code in the answer".into(),
                    }),
                    description: message,
                    status: Some(status),
                    excerpt: None,
                }));
            }
            value
                .pointer(&envelope.data)
                .cloned()
                .unwrap_or(Value::Null)
        }
        None => value,
    };
    // Slack's {"ok": false} and friends come with HTTP 200.
    if data.get("access_token").is_none() {
        return Err(Error::Token(ProviderError::from_response(
            stage, status, body,
        )));
    }
    serde_json::from_value(data)
        .map_err(|_| Error::Token(ProviderError::from_response(stage, status, body)))
}

fn with_query(url: &str, params: &[(String, String)]) -> Result<String, Error> {
    let mut parsed = url::Url::parse(url).map_err(|e| Error::Config {
        what: format!("the token URL '{url}' is invalid: {e}"),
        fix: "check the provider's endpoints".into(),
    })?;
    parsed.query_pairs_mut().extend_pairs(params);
    Ok(parsed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_missing_ones_named() {
        let values = BTreeMap::from([("access_token", "AT"), ("client_secret", "S")]);
        assert_eq!(fill("{access_token}", &values).unwrap(), "AT");
        assert_eq!(fill("x={client_secret}&y", &values).unwrap(), "x=S&y");
        assert_eq!(fill("plain", &values).unwrap(), "plain");
        assert_eq!(fill("{device_id}", &values).unwrap_err(), "device_id");
        assert_eq!(
            fill_known("{access_token}:{device_id}", &values),
            "AT:{device_id}"
        );
    }

    #[test]
    fn envelope_success_and_failure() {
        let wire = Wire {
            envelope: Some(Envelope {
                data: "/data".into(),
                code: "/code".into(),
                message: "/message".into(),
            }),
            ..Wire::default()
        };
        let ok = br#"{"code":0,"message":"OK","data":{"access_token":"AT","expires_in":86400,"scope":"a,b"}}"#;
        let t = parse_token_answer(&wire, Stage::Token, 200, ok).unwrap();
        assert_eq!(t.expires_in, Some(86400));
        assert_eq!(t.granted_scopes().unwrap(), vec!["a", "b"]);
        let bad = br#"{"code":40001,"message":"Invalid auth_code","data":{}}"#;
        let err = parse_token_answer(&wire, Stage::Token, 200, bad).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("40001") && text.contains("Invalid auth_code"),
            "{text}"
        );
    }

    #[test]
    fn http_200_without_a_token_is_an_error() {
        let err = parse_token_answer(
            &Wire::default(),
            Stage::Token,
            200,
            br#"{"ok":false,"error":"bad_redirect_uri"}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("bad_redirect_uri"), "{err}");
        let err = parse_token_answer(
            &Wire::default(),
            Stage::Token,
            502,
            b"<html>bad gateway</html>",
        )
        .unwrap_err();
        assert!(err.to_string().contains("502"), "{err}");
    }
}
