//! Token requests for providers that do not speak plain RFC 6749 on the wire: credentials
//! or the whole request in the query string (Dribbble, Meta's GET exchange), multipart
//! bodies (Instagram Login, VK ID), JSON bodies (Whop, TikTok Business), `client_key`
//! instead of `client_id` (TikTok), `auth_code` instead of `code`, and answers wrapped in a
//! `{code, message, data}` envelope. Standard providers go through `oauth2`; this is the
//! one small interface for the rest, driven by what the catalog declares.

use serde_json::Value;

use super::errors::{ProviderError, Stage};
use super::token::TokenResponse;
use crate::error::Error;
use crate::http::{HttpClient, RequestBody};
pub use crate::model::template::{fill, fill_known};
pub use crate::model::wire::{
    default_client_id_param, default_code_param, Envelope, Exchange, TokenFormat, Wire,
};
use crate::model::{ClientAuth, ClientCredentials};

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
