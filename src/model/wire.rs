//! What a provider's token request looks like on the wire (RFC 6749 form posts, or the
//! variants some providers need), as the catalog declares it and a channel keeps it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
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
    /// Stored with a channel: a newer binary's fields in it are ignored.
    #[serde(default, deserialize_with = "super::record::ignoring_unknown_option")]
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
