//! The versions of the stored files (channel files, held logins, pending records): the
//! rules, and the `version`/`major` pair written before a stored type's own fields
//! ([`Fields`], [`serialize`], [`deserialize`]). A stored type's serde attributes are its
//! file format (`store::Channel` is the channel file's), so a field is added in one place;
//! the golden files under `tests/fixtures/store-golden` pin that format, catalog types
//! (`Endpoints`, `Wire`, `RefreshRule`) included, byte for byte.
//!
//! # Versions
//!
//! Every file says which format wrote it: `version`, and `major`.
//!
//! - `version` counts format changes. A file without it is version 0: the files written
//!   before the field existed, which [`deserialize`] brings to the current version on read
//!   (0 to 1 adds the two fields and changes nothing else).
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
//! Catalog types that deny unknown fields (a typo in a catalog is an error) are read from
//! a stored file with [`ignoring_unknown`], which drops the fields a newer binary added.

use std::fmt;

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

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

/// The `major` a channel file is written with: [`HANDED_MAJOR`] when it carries the mark
/// older binaries must not ignore, else [`MAJOR`].
pub fn channel_major(handed_to_postiz: bool) -> u32 {
    if handed_to_postiz {
        HANDED_MAJOR
    } else {
        MAJOR
    }
}

/// A type stored as `version`, `major`, then its own fields. Its own serde (derived with
/// `#[serde(remote = "Self")]`, so the derive writes these two functions instead of the
/// traits) gives the fields; its `Serialize` and `Deserialize` call [`serialize`] and
/// [`deserialize`], so it is versioned wherever it is stored, nested ones included.
pub trait Fields: Sized {
    /// The `major` it is written with.
    fn major(&self) -> u32 {
        MAJOR
    }
    fn serialize_fields<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
    fn deserialize_fields<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

/// Written: this binary's version, then the fields.
pub fn serialize<T: Fields, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    Written {
        version: VERSION,
        major: value.major(),
        fields: FieldsOf(value),
    }
    .serialize(serializer)
}

/// Read: refused when its `major` is newer than this binary reads; any older version is
/// read as this one (every change so far only added fields, with defaults).
pub fn deserialize<'de, T: Fields, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    let read = Read::<T>::deserialize(deserializer)?;
    if read.major > VERSION {
        return Err(D::Error::custom(TooNew { major: read.major }));
    }
    // Older versions need nothing: 0 -> 1 added `version` and `major`, 1 -> 2
    // `handed_to_postiz` (absent: not handed), which `major` then keeps from older binaries.
    Ok(read.fields.0)
}

#[derive(Serialize)]
#[serde(bound(serialize = "T: Fields"))]
struct Written<'a, T: Fields> {
    version: u32,
    major: u32,
    #[serde(flatten)]
    fields: FieldsOf<'a, T>,
}

struct FieldsOf<'a, T>(&'a T);

impl<T: Fields> Serialize for FieldsOf<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_fields(serializer)
    }
}

#[derive(Deserialize)]
#[serde(bound(deserialize = "T: Fields"))]
struct Read<T> {
    /// Absent in files written before versions: 0. (`version` itself is not needed to
    /// read a file, as the rules above go: the fields ignore it.)
    #[serde(default)]
    major: u32,
    #[serde(flatten)]
    fields: FieldsIn<T>,
}

struct FieldsIn<T>(T);

impl<'de, T: Fields> Deserialize<'de> for FieldsIn<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize_fields(deserializer).map(FieldsIn)
    }
}

/// A stored value of a type that denies unknown fields (a catalog type), without the
/// fields this binary does not know: those of its default's serialized form are kept.
pub fn ignoring_unknown<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: Default + Serialize + DeserializeOwned,
    D: Deserializer<'de>,
{
    let mut value = Value::deserialize(deserializer)?;
    if let (Value::Object(map), Ok(Value::Object(known))) =
        (&mut value, serde_json::to_value(T::default()))
    {
        map.retain(|key, _| known.contains_key(key));
    }
    serde_json::from_value(value).map_err(D::Error::custom)
}

/// [`ignoring_unknown`] of an optional value.
pub fn ignoring_unknown_option<'de, T, D>(deserializer: D) -> Result<Option<T>, D::Error>
where
    T: Default + Serialize + DeserializeOwned,
    D: Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(bound(deserialize = "T: Default + Serialize + DeserializeOwned"))]
    struct Known<T>(#[serde(deserialize_with = "ignoring_unknown")] T);
    Ok(Option::<Known<T>>::deserialize(deserializer)?.map(|known| known.0))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::model::{Envelope, RefreshRule, Wire};

    /// A stored type as `store` declares them: its fields' serde derived with
    /// `remote = "Self"`, versioned through this module.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(remote = "Self")]
    struct Note {
        text: String,
        #[serde(default)]
        pinned: bool,
    }

    impl Fields for Note {
        fn major(&self) -> u32 {
            channel_major(self.pinned)
        }
        fn serialize_fields<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            Note::serialize(self, serializer)
        }
        fn deserialize_fields<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            Note::deserialize(deserializer)
        }
    }

    impl Serialize for Note {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            super::serialize(self, serializer)
        }
    }

    impl<'de> Deserialize<'de> for Note {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            super::deserialize(deserializer)
        }
    }

    #[test]
    fn the_version_fields_come_first_then_the_types_own() {
        let note = Note {
            text: "hi".into(),
            pinned: false,
        };
        assert_eq!(
            serde_json::to_string(&note).unwrap(),
            r#"{"version":2,"major":0,"text":"hi","pinned":false}"#
        );
        let pinned = Note {
            text: "hi".into(),
            pinned: true,
        };
        let written = serde_json::to_value(&pinned).unwrap();
        assert_eq!(written["major"], json!(HANDED_MAJOR));
        // Nested, it is versioned too.
        let nested = serde_json::to_value(vec![note]).unwrap();
        assert_eq!(nested[0]["version"], json!(VERSION));
    }

    #[test]
    fn older_and_newer_versions_load_and_a_newer_major_is_refused() {
        let old: Note = serde_json::from_value(json!({"text": "hi"})).unwrap();
        assert_eq!(old.text, "hi");
        let newer: Note = serde_json::from_value(
            json!({"version": 9, "major": VERSION, "text": "hi", "later": [1]}),
        )
        .unwrap();
        assert_eq!(newer.text, "hi");
        let err = serde_json::from_value::<Note>(json!({"version": 9, "major": 9, "text": "hi"}))
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("written by a newer postiz-connect (format 9"),
            "{err}"
        );
    }

    #[test]
    fn catalog_types_that_deny_unknown_fields_are_read_without_them() {
        let stored = json!({"style": "access_token", "url": null, "params": {"a": "b"},
            "min_age": 60, "note": null, "added_later": {"x": 1}});
        assert!(serde_json::from_value::<RefreshRule>(stored.clone()).is_err());
        #[derive(Deserialize)]
        struct Stored {
            #[serde(deserialize_with = "ignoring_unknown")]
            refresh: RefreshRule,
        }
        let read: Stored = serde_json::from_value(json!({ "refresh": stored })).unwrap();
        assert_eq!(read.refresh.min_age, Some(60));
        assert_eq!(read.refresh.params["a"], "b");
        // An envelope in a stored wire (`ignoring_unknown_option`), and none.
        let wire: Wire = serde_json::from_value(json!({"envelope":
            {"data": "/data", "code": "/code", "message": "/message", "added_later": 1}}))
        .unwrap();
        assert_eq!(wire.envelope.unwrap().data, "/data");
        let wire: Wire = serde_json::from_value(json!({"envelope": null})).unwrap();
        assert_eq!(wire.envelope, None::<Envelope>);
        // A wrong value is still an error.
        assert!(serde_json::from_value::<Stored>(json!({"refresh": {"style": "jwt"}})).is_err());
    }
}
