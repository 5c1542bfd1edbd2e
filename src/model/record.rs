//! The stored channel file (`channels/<name>.json`), and the parts of held logins and
//! pending records that repeat it, as its own serde types: the file format does not move
//! when the catalog's types do.
//!
//! # Versions
//!
//! Every file says which format wrote it: `version`, and `major`.
//!
//! - `version` counts format changes. A file without it is version 0: the files written
//!   before the field existed, which [`ChannelRecord::migrate`] brings to the current
//!   version on read (0 to 1 adds the two fields and changes nothing else).
//! - A change that only adds a field keeps `major`: the new field has a default meaning
//!   what older files meant, and a binary that does not know it ignores it. Unknown
//!   fields are ignored at every level of a file (nothing here denies them), so a file
//!   of a newer version loads in an older binary, which keeps what it knows (rewriting
//!   the file, it drops what it did not know; the default then applies).
//! - A change older binaries cannot read right (a field removed, renamed, or given
//!   another meaning) sets `major` to its `version`. A binary reads a file whose `major`
//!   is at most its own [`VERSION`]; a file with a higher `major` is refused as written
//!   by a newer postiz-connect (never called corrupt, never rewritten or deleted).
//!   There has been no such change: `major` is 0, which every binary reads.
//! - Version 2 added `handed_to_postiz` (absent: not handed). A channel that carries it is
//!   written with `major` 2 (see [`HANDED_MAJOR`]): a binary that does not know the mark
//!   would refresh the channel and spend the grant Postiz now holds, so it must refuse
//!   the file as newer instead of reading it without the mark.
//!
//! Values of enums (`client_auth`, `wire.format`, `refresh.style`, `store`) are the
//! catalog's names; an unknown one is a channel this binary cannot serve, an error.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::catalog::{ClientAuth, RefreshStyle};
use super::wire::TokenFormat;

/// The format version this binary writes.
pub const VERSION: u32 = 2;
/// The `major` this binary writes: the version of the last change older binaries cannot
/// read right. None so far.
pub const MAJOR: u32 = 0;

/// The `major` of a channel file that carries `handed_to_postiz`: binaries before version
/// 2 would ignore the mark and refresh the channel, so they must not read it.
pub const HANDED_MAJOR: u32 = 2;

/// A file whose `major` is newer than this binary can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooNew {
    pub major: u32,
}

impl fmt::Display for TooNew {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "written by a newer postiz-connect (format {}; this one reads formats up to {VERSION})",
            self.major
        )
    }
}

/// The `major` of a JSON document (a channel file, or a held login or pending record
/// with its `channel`) when it is newer than this binary reads.
pub fn too_new(document: &Value) -> Option<TooNew> {
    ["/major", "/channel/major"]
        .into_iter()
        .filter_map(|pointer| document.pointer(pointer).and_then(Value::as_u64))
        .find(|major| *major > u64::from(VERSION))
        .map(|major| TooNew {
            major: u32::try_from(major).unwrap_or(u32::MAX),
        })
}

/// Where a channel's secrets are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StoreRecord {
    Keychain,
    File,
}

/// The account behind a channel.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRecord {
    pub id: Option<String>,
    pub username: Option<String>,
    pub name: Option<String>,
    pub source: String,
}

/// The endpoints a channel talks to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndpointsRecord {
    pub authorize_url: String,
    pub token_url: String,
    #[serde(default)]
    pub revoke_url: Option<String>,
    #[serde(default)]
    pub userinfo_url: Option<String>,
    #[serde(default)]
    pub issuer: Option<String>,
    #[serde(default)]
    pub require_iss: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introspection_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jwks_uri: Option<String>,
}

/// The token request's shape on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireRecord {
    #[serde(default)]
    pub format: TokenFormat,
    #[serde(default = "super::wire::default_client_id_param")]
    pub client_id_param: String,
    #[serde(default = "super::wire::default_code_param")]
    pub code_param: String,
    #[serde(default)]
    pub envelope: Option<EnvelopeRecord>,
}

impl Default for WireRecord {
    fn default() -> Self {
        WireRecord {
            format: TokenFormat::default(),
            client_id_param: super::wire::default_client_id_param(),
            code_param: super::wire::default_code_param(),
            envelope: None,
        }
    }
}

/// JSON pointers into a `{code, message, data}` token answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnvelopeRecord {
    pub data: String,
    pub code: String,
    pub message: String,
}

/// How the channel's tokens are renewed, bound to this connection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefreshRecord {
    #[serde(default)]
    pub style: RefreshStyle,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub params: BTreeMap<String, String>,
    #[serde(default)]
    pub min_age: Option<u64>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The page, channel, blog or location a channel posts to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRecord {
    pub kind: String,
    pub id: String,
    pub name: String,
    pub own_token: bool,
    pub user: String,
    /// The login's account id (Postiz's `rootInternalId` of the page row); absent in
    /// files written before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The page's handle (Postiz's `profile` of the page row).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
}

/// The deployment row a channel was written into by `postiz adopt`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandedRecord {
    /// The deployment's database URL, its password masked.
    pub database: String,
    pub organization_id: String,
    #[serde(default)]
    pub organization: String,
    pub row_id: String,
    pub at: DateTime<Utc>,
}

/// One choice of a held two-step login. Holds a page's own token: no `Debug`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceRecord {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
}

/// A channel file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelRecord {
    /// Absent in files written before versions: 0.
    #[serde(default)]
    pub version: u32,
    #[serde(default)]
    pub major: u32,
    pub channel: String,
    pub provider: String,
    pub account: AccountRecord,
    pub scopes: Vec<String>,
    pub requested_scopes: Vec<String>,
    #[serde(default)]
    pub missing_scopes: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub refresh_expires_at: Option<DateTime<Utc>>,
    pub has_refresh_token: bool,
    pub store: StoreRecord,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub needs_reconnect: bool,
    #[serde(default)]
    pub sandbox: bool,
    pub client_id: String,
    pub client_auth: ClientAuth,
    pub endpoints: EndpointsRecord,
    pub redirect_uri: String,
    #[serde(default)]
    pub wire: WireRecord,
    #[serde(default)]
    pub refresh: RefreshRecord,
    #[serde(default)]
    pub callback_params: BTreeMap<String, String>,
    #[serde(default)]
    pub token_fields: BTreeMap<String, String>,
    #[serde(default)]
    pub token_issued_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub page: Option<PageRecord>,
    #[serde(default)]
    pub oauth1: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub connect_args: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handed_to_postiz: Option<HandedRecord>,
}

impl ChannelRecord {
    /// The record as this binary's version means it; `TooNew` when its `major` is newer
    /// than this binary reads.
    pub fn migrate(mut self) -> Result<ChannelRecord, TooNew> {
        if self.major > VERSION {
            return Err(TooNew { major: self.major });
        }
        // 0 -> 1: the version fields were added; 1 -> 2: `handed_to_postiz` was added
        // (absent: not handed). Every other field means the same.
        if self.version < VERSION {
            self.version = VERSION;
        }
        self.major = self.written_major();
        Ok(self)
    }

    /// Stamped with the version this binary writes.
    pub fn current(mut self) -> ChannelRecord {
        self.version = VERSION;
        self.major = self.written_major();
        self
    }

    /// The `major` this file is written with: [`HANDED_MAJOR`] when it carries the mark
    /// older binaries must not ignore, else [`MAJOR`].
    pub fn written_major(&self) -> u32 {
        if self.handed_to_postiz.is_some() {
            HANDED_MAJOR
        } else {
            MAJOR
        }
    }
}
