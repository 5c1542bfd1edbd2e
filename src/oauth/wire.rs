//! The one way a token request goes out and its answer comes back, for every provider:
//! plain RFC 6749 (form body, `client_id`, HTTP Basic or body credentials) and what the
//! catalog declares beside it: credentials or the whole request in the query string
//! (Dribbble, Meta's GET exchange), multipart bodies (Instagram Login, VK ID), JSON bodies
//! (Whop, TikTok Business), `client_key` instead of `client_id` (TikTok), `auth_code`
//! instead of `code`, and answers wrapped in a `{code, message, data}` envelope.
//!
//! A failure comes back as a value: `Error::Token` carries the provider's words and the
//! response itself (status, content type, `Retry-After`, the capped body), so nothing needs
//! to remember "the last response".

use serde_json::Value;

use super::token::TokenResponse;
use crate::error::provider::{Evidence, ProviderError, Stage};
use crate::error::Error;
use crate::http::{HttpClient, HttpResponse, RequestBody};
use crate::model::{ClientAuth, ClientCredentials, TokenFormat, Wire};

/// One request to a token endpoint, or to an endpoint that answers like one.
pub struct TokenRequest<'a> {
    pub stage: Stage,
    pub url: &'a str,
    /// The grant's parameters (`grant_type`, `code`...), without client credentials.
    pub params: Vec<(String, String)>,
    /// The client, authenticated as `client.auth` says (HTTP Basic, or id and secret in
    /// the parameters); `None` when the parameters already carry what the provider wants
    /// (Meta's templated GET exchanges).
    pub client: Option<&'a ClientCredentials>,
    /// How the request is encoded; `None`: as the wire says.
    pub format: Option<TokenFormat>,
}

impl<'a> TokenRequest<'a> {
    /// A grant sent with the client's credentials, encoded as the wire says.
    pub fn grant(
        stage: Stage,
        url: &'a str,
        params: Vec<(String, String)>,
        client: &'a ClientCredentials,
    ) -> TokenRequest<'a> {
        TokenRequest {
            stage,
            url,
            params,
            client: Some(client),
            format: None,
        }
    }
}

/// The token path of every provider: send `request` the way `wire` says, and read the
/// answer (envelope, odd body shapes, errors) into a token response. A failure is a
/// value: `Error::Token` with the response as evidence, or `Error::Network`.
pub fn request_token(
    wire: &Wire,
    request: TokenRequest<'_>,
    http: &HttpClient,
) -> Result<TokenResponse, Error> {
    let stage = request.stage;
    let response = send(wire, request, http)?;
    parse_token_answer(wire, stage, &response)
}

/// Send `request` the way `wire` says, with the client's authentication; the response
/// whatever its status. Revocation and introspection (RFC 7009 §2.1, RFC 7662 §2.1)
/// authenticate the client the same way, so they use this too.
pub fn send(
    wire: &Wire,
    request: TokenRequest<'_>,
    http: &HttpClient,
) -> Result<HttpResponse, Error> {
    let TokenRequest {
        stage,
        url,
        mut params,
        client,
        format,
    } = request;
    let mut parsed = url::Url::parse(url).map_err(|e| Error::Config {
        what: format!("the URL of {} '{url}' is invalid: {e}", stage.endpoint()),
        fix: "check the provider's endpoints (postiz-connect providers, or the flags)".into(),
    })?;
    let mut basic = None;
    if let Some(client) = client {
        match (client.auth, &client.secret) {
            (ClientAuth::Basic, Some(secret)) => {
                basic = Some((client.id.as_str(), secret.secret().as_str()))
            }
            (ClientAuth::Post, Some(secret)) => {
                params.push((wire.client_id_param.clone(), client.id.clone()));
                params.push(("client_secret".into(), secret.secret().clone()));
            }
            // A public client (or one with no secret) names itself only.
            _ => params.push((wire.client_id_param.clone(), client.id.clone())),
        }
    }
    let (method, body) = match format.unwrap_or(wire.format) {
        TokenFormat::Form => ("POST", RequestBody::Form(params)),
        TokenFormat::Multipart => ("POST", RequestBody::Multipart(params)),
        TokenFormat::Json => ("POST", RequestBody::Json(params)),
        TokenFormat::Query => {
            parsed.query_pairs_mut().extend_pairs(&params);
            ("POST", RequestBody::Empty)
        }
        TokenFormat::Get => {
            parsed.query_pairs_mut().extend_pairs(&params);
            ("GET", RequestBody::Empty)
        }
    };
    Ok(http.send(method, parsed.as_str(), body, basic)?)
}

/// Read a token endpoint's answer: unwrap the envelope, report failures with the
/// provider's own words and the response as evidence.
pub fn parse_token_answer(
    wire: &Wire,
    stage: Stage,
    response: &HttpResponse,
) -> Result<TokenResponse, Error> {
    let status = response.status().as_u16();
    let failed = || Error::Token(ProviderError::from_http(stage, response));
    if !(200..300).contains(&status) {
        return Err(failed());
    }
    let value = success_body(response.body()).ok_or_else(failed)?;
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
                    response: Some(Box::new(Evidence::of(response))),
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
        return Err(failed());
    }
    serde_json::from_value(data).map_err(|_| failed())
}

/// A successful answer as JSON, whatever it is labelled (some providers send JSON as
/// `text/plain`); a form-encoded answer carrying an `access_token` (older Facebook and
/// GitHub style) is read as the object of its fields.
fn success_body(body: &[u8]) -> Option<Value> {
    if let Ok(value) = serde_json::from_slice::<Value>(body) {
        return Some(value);
    }
    let text = std::str::from_utf8(body).ok()?;
    let fields: serde_json::Map<String, Value> =
        url::form_urlencoded::parse(text.trim().as_bytes())
            .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
            .collect();
    fields
        .contains_key("access_token")
        .then_some(Value::Object(fields))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Envelope;

    fn answer(status: u16, body: &[u8]) -> HttpResponse {
        http::Response::builder()
            .status(status)
            .header("content-type", "application/json")
            .header("retry-after", "7")
            .body(body.to_vec())
            .unwrap()
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
        let t = parse_token_answer(&wire, Stage::Token, &answer(200, ok)).unwrap();
        assert_eq!(t.expires_in, Some(86400));
        assert_eq!(t.granted_scopes().unwrap(), vec!["a", "b"]);
        let bad = br#"{"code":40001,"message":"Invalid auth_code","data":{}}"#;
        let err = parse_token_answer(&wire, Stage::Token, &answer(200, bad)).unwrap_err();
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
            &answer(200, br#"{"ok":false,"error":"bad_redirect_uri"}"#),
        )
        .unwrap_err();
        assert!(err.to_string().contains("bad_redirect_uri"), "{err}");
        let err = parse_token_answer(
            &Wire::default(),
            Stage::Token,
            &answer(502, b"<html>bad gateway</html>"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("502"), "{err}");
    }

    #[test]
    fn a_failure_carries_the_response_as_evidence() {
        let err = parse_token_answer(
            &Wire::default(),
            Stage::Refresh,
            &answer(429, br#"{"error":"slow_down","access_token":"LEAKED"}"#),
        )
        .unwrap_err();
        let Error::Token(provider) = &err else {
            panic!("{err:?}")
        };
        let evidence = provider.response.as_ref().unwrap();
        assert_eq!(evidence.status, 429);
        assert_eq!(evidence.content_type.as_deref(), Some("application/json"));
        assert_eq!(
            provider.retry_after(),
            Some(std::time::Duration::from_secs(7))
        );
        assert!(evidence.raw_body().starts_with(b"{\"error\""));
        // Debug (a log line) never shows the body unredacted.
        let logged = format!("{err:?}");
        assert!(!logged.contains("LEAKED"), "{logged}");
    }

    #[test]
    fn success_bodies_of_any_label_and_form_encoded_answers_are_read() {
        let text_plain = http::Response::builder()
            .status(200)
            .header("content-type", "text/plain")
            .body(br#"{"access_token":"a"}"#.to_vec())
            .unwrap();
        let t = parse_token_answer(&Wire::default(), Stage::Token, &text_plain).unwrap();
        assert_eq!(t.access_token.secret(), "a");
        let form = http::Response::builder()
            .status(200)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(b"access_token=a&expires_in=5".to_vec())
            .unwrap();
        let t = parse_token_answer(&Wire::default(), Stage::Token, &form).unwrap();
        assert_eq!(
            (t.access_token.secret().as_str(), t.expires_in),
            ("a", Some(5))
        );
    }
}
