//! Tokens a provider returned that are not in the store yet: a write-ahead record.
//!
//! A provider that rotates refresh tokens spends the old one the moment it answers, so
//! its answer must outlive a `kill -9`, a full disk or a broken keychain. Before the
//! store is touched, the channel and its new secrets are written to one new file (0600,
//! created exclusively, fsynced with its directory) under `pending/` in the config dir,
//! or, when that cannot be written (a full disk), in a private directory on another file
//! system (`$XDG_RUNTIME_DIR`, else the temp dir). The record is removed once the store
//! holds the tokens. Whatever command next reads the channel finds a record left by an
//! interrupted write and finishes it; `postiz-connect restore FILE` does the same by hand.
//!
//! The one window no file can close is between the provider's answer arriving and the
//! record's `write` returning (microseconds); from then on a `kill -9` loses nothing,
//! and from the fsync on, neither does a power cut.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::channel::{Channel, Secrets};
use crate::error::Error;
use crate::model::record;

/// One record: what the store should hold for a channel. On disk it is versioned like a
/// channel file (`crate::model::record`), its channel a channel file.
#[derive(Clone, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct Record {
    pub channel: Channel,
    pub secrets: Secrets,
    /// The config dir it belongs to (records outside it may belong to another home).
    #[serde(default)]
    pub home: Option<PathBuf>,
    #[serde(default)]
    pub written_at: Option<DateTime<Utc>>,
}

impl record::Fields for Record {
    fn serialize_fields<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Record::serialize(self, serializer)
    }
    fn deserialize_fields<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Record::deserialize(deserializer)
    }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        record::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for Record {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        record::deserialize(deserializer)
    }
}

/// A record found on disk.
pub struct Found {
    pub path: PathBuf,
    /// `None`: a record whose writer died before it was complete (nothing durable in it).
    pub record: Option<Record>,
}

/// Where a store's records go: its home first, a fallback on another file system next.
#[derive(Debug, Clone)]
pub struct Journal {
    /// The home, canonical where it exists, so every process spells it the same.
    pub home: PathBuf,
    pub fallback: PathBuf,
    /// The shared directory the fallback lives under (the runtime or temp dir): every
    /// directory below it must be this user's alone, or its records are not trusted.
    pub fallback_base: PathBuf,
}

impl Journal {
    pub fn new(home: &Path) -> Journal {
        let (fallback_base, fallback) = fallback_dir();
        Journal {
            home: fs::canonicalize(home)
                .or_else(|_| std::path::absolute(home))
                .unwrap_or_else(|_| home.to_path_buf()),
            fallback,
            fallback_base,
        }
    }

    fn dirs(&self) -> [PathBuf; 2] {
        [self.home.join("pending"), self.fallback.clone()]
    }
}

/// A private directory on the runtime dir (tmpfs on most Linux systems) or the temp dir,
/// for when the home's file system refuses a record; and the shared dir it is under.
fn fallback_dir() -> (PathBuf, PathBuf) {
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute() && dir.is_dir());
    match base {
        Some(dir) => (dir.clone(), dir.join("postiz-connect").join("pending")),
        None => {
            let tmp = std::env::temp_dir();
            let dir = tmp
                .join(format!("postiz-connect-{}", user_id()))
                .join("pending");
            (tmp, dir)
        }
    }
}

/// Every directory from `dir` up to (not including) `base` is a real directory of this
/// user that no one else can write: otherwise another local user could plant records.
fn trusted_below(base: &Path, dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mut current = Some(dir);
        while let Some(level) = current.filter(|l| *l != base && l.starts_with(base)) {
            let Ok(meta) = fs::symlink_metadata(level) else {
                return false;
            };
            if !meta.is_dir() || meta.uid() != user_id() || meta.mode() & 0o022 != 0 {
                return false;
            }
            current = level.parent();
        }
        current == Some(base)
    }
    #[cfg(not(unix))]
    {
        let _ = (base, dir);
        true
    }
}

#[cfg(unix)]
fn user_id() -> u32 {
    rustix::process::geteuid().as_raw()
}

#[cfg(not(unix))]
fn user_id() -> u32 {
    0
}

/// The file name prefix of a channel's records.
fn prefix(key: &str) -> String {
    format!("{key}.")
}

/// Write `record` durably, in the home if possible, else in the fallback dir. Returns
/// where it went, or both errors.
pub fn write(journal: &Journal, key: &str, record: &Record) -> Result<PathBuf, Error> {
    let bytes = serde_json::to_vec_pretty(record).expect("a record serializes");
    let name = format!(
        "{}{}.json",
        prefix(key),
        Utc::now().timestamp_nanos_opt().unwrap_or_default()
    );
    let [first, second] = journal.dirs();
    // The home's own dir is made private if it was not; the shared fallback is refused
    // unless every level of it below the shared dir is this user's alone.
    let _ = super::file::ensure_dir(&journal.home).and_then(|()| super::file::ensure_dir(&first));
    let first_error = match write_new(&first, &name, &bytes) {
        Ok(path) => return Ok(path),
        Err(e) => e,
    };
    write_trusted(&journal.fallback_base, &second, &name, &bytes).map_err(|second_error| {
        Error::Store {
            what: format!(
                "cannot write {} ({first_error}) nor {} ({second_error})",
                first.join(&name).display(),
                second.join(&name).display()
            ),
            fix: "free disk space".into(),
        }
    })
}

/// Write `bytes` durably as a new record `name` in `subdir` of the home (0700), else in
/// `subdir` next to the fallback (on another file system), trusted only when every level
/// of it is this user's alone. For records that are not a local channel's (a Postiz
/// deployment's row): they never mix with `pending/`, which the store replays.
pub fn write_aside(
    journal: &Journal,
    subdir: &str,
    name: &str,
    bytes: &[u8],
) -> Result<PathBuf, Error> {
    let first = journal.home.join(subdir);
    let second = journal
        .fallback
        .parent()
        .map(|p| p.join(subdir))
        .unwrap_or_else(|| journal.fallback.join(subdir));
    let _ = super::file::ensure_dir(&journal.home);
    let first_error = match write_new(&first, name, bytes) {
        Ok(path) => return Ok(path),
        Err(e) => e,
    };
    write_trusted(&journal.fallback_base, &second, name, bytes).map_err(|second_error| {
        Error::Store {
            what: format!(
                "cannot write {} ({first_error}) nor {} ({second_error})",
                first.join(name).display(),
                second.join(name).display()
            ),
            fix: "free disk space".into(),
        }
    })
}

/// The directories a `subdir` of records may be in: the home's, and the one next to the
/// fallback when every level of it below the shared dir is this user's alone (else another
/// local user could plant records there).
pub fn aside_dirs(journal: &Journal, subdir: &str) -> Vec<PathBuf> {
    let mut dirs = vec![journal.home.join(subdir)];
    if let Some(parent) = journal.fallback.parent() {
        let shared = parent.join(subdir);
        if trusted_below(&journal.fallback_base, &shared) {
            dirs.push(shared);
        }
    }
    dirs
}

/// Write a record under the shared fallback: its directories are created 0700 and
/// checked to be this user's alone (every level below the shared dir) before a byte of
/// it is written; otherwise refused.
fn write_trusted(base: &Path, dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    private_dir(dir)?;
    if !trusted_below(base, dir) {
        return Err(std::io::Error::other(format!(
            "{} or a directory above it is not this user's alone",
            dir.display()
        )));
    }
    write_new(dir, name, bytes)
}

/// The most a record file may hold (they are a few kilobytes).
pub const MAX_RECORD_BYTES: u64 = 1 << 20;

/// Read a record file without trusting what is at `path`: never through a symlink
/// (`O_NOFOLLOW`), never waiting on a FIFO or a device (`O_NONBLOCK`), and only a regular
/// file of this user's of at most `max` bytes, checked on the opened file (`fstat`), so
/// nothing can be swapped in between the check and the read.
pub fn read_private(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    #[cfg(unix)]
    let file = {
        use rustix::fs::{FileType, Mode, OFlags};
        let fd = rustix::fs::open(
            path,
            OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY,
            Mode::empty(),
        )
        .map_err(|e| match e {
            rustix::io::Errno::LOOP => std::io::Error::other("it is a symbolic link"),
            e => std::io::Error::from(e),
        })?;
        let stat = rustix::fs::fstat(&fd)?;
        if FileType::from_raw_mode(stat.st_mode) != FileType::RegularFile {
            return Err(std::io::Error::other("it is not a regular file"));
        }
        if stat.st_uid != user_id() {
            return Err(std::io::Error::other("another user owns it"));
        }
        if u64::try_from(stat.st_size).unwrap_or(u64::MAX) > max {
            return Err(std::io::Error::other(format!(
                "it is larger than a record can be ({max} bytes)"
            )));
        }
        File::from(fd)
    };
    #[cfg(not(unix))]
    let file = File::open(path)?;
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(std::io::Error::other(format!(
            "it is larger than a record can be ({max} bytes)"
        )));
    }
    Ok(bytes)
}

/// Create `dir/name` exclusively (never through a symlink), 0600, write and fsync it
/// and its directory. A partial file is removed.
fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    private_dir(dir)?;
    let path = dir.join(name);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&path)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if let Err(e) = written {
        drop(file);
        let _ = fs::remove_file(&path);
        return Err(e);
    }
    // The directory entry must be durable too, or a power cut forgets the file.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(path)
}

/// Create `dir` (0700) if missing; refuse one that is a symlink, or that another user
/// owns or can write (the fallback lives in a shared temp dir).
fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let meta = fs::symlink_metadata(dir)?;
        if meta.file_type().is_symlink() || meta.uid() != user_id() || meta.mode() & 0o022 != 0 {
            return Err(std::io::Error::other(format!(
                "{} is not a private directory of this user (mode {:o})",
                dir.display(),
                meta.permissions().mode() & 0o777
            )));
        }
    }
    Ok(())
}

/// Every record of this home, in both places, grouped by file name prefix (the channel
/// key), oldest first within a channel.
pub fn find(journal: &Journal, key: Option<&str>) -> Vec<Found> {
    let mut found = Vec::new();
    let [home_dir, fallback] = journal.dirs();
    let fallback_trusted = trusted_below(&journal.fallback_base, &fallback);
    for (dir, shared) in [(home_dir, false), (fallback, true)] {
        if shared && !fallback_trusted {
            continue;
        }
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            // Exact keys: `x%3Ajohn` must not take the records of `x%3Ajohn.doe`.
            if !name.ends_with(".json") || key.is_some_and(|k| key_of(&path).as_deref() != Some(k))
            {
                continue;
            }
            // What cannot be read as a record file (a FIFO, a symlink, another user's
            // file, a huge one) is neither applied nor removed.
            let Ok(bytes) = read_private(&path, MAX_RECORD_BYTES) else {
                continue;
            };
            let value = serde_json::from_slice::<serde_json::Value>(&bytes).ok();
            // A newer binary's record is left for it: not applied, and not removed as
            // an incomplete one.
            if value.as_ref().and_then(record::too_new).is_some() {
                continue;
            }
            // Only bytes that are not whole JSON are an unfinished write. A whole record
            // this binary cannot read (say, a value a newer binary added) may be the only
            // copy of a rotated token: left for the binary that can, never removed.
            let record = match value {
                None => None,
                Some(v) => match serde_json::from_value::<Record>(v) {
                    Ok(record) => Some(record),
                    Err(_) => continue,
                },
            };
            // The shared fallback holds every home's records: only this home's count.
            if shared && record.as_ref().and_then(|r| r.home.as_deref()) != Some(&journal.home) {
                continue;
            }
            found.push(Found { path, record });
        }
    }
    found.sort_by_key(|f| sequence(&f.path));
    found
}

/// The write time in a record's file name (`<key>.<nanos>.json`).
pub fn sequence(path: &Path) -> i64 {
    path.file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.rsplit('.').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The channel key a record's file name starts with.
pub fn key_of(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let (key, _) = stem.rsplit_once('.')?;
    Some(key.to_string())
}

pub fn remove(path: &Path) {
    let _ = fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::sample;
    use crate::store::Backend;

    fn journal(home: &Path) -> Journal {
        Journal {
            home: home.to_path_buf(),
            fallback: home.join("elsewhere"),
            fallback_base: home.to_path_buf(),
        }
    }

    fn record(home: &Path, access: &str) -> Record {
        Record {
            channel: sample("custom:alice", Backend::File),
            secrets: Secrets {
                access_token: access.into(),
                ..Default::default()
            },
            home: Some(home.to_path_buf()),
            written_at: Some(Utc::now()),
        }
    }

    #[test]
    fn records_are_private_ordered_and_found_by_channel() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path();
        let j = journal(home);
        let first = write(&j, "custom%3Aalice", &record(home, "one")).unwrap();
        let second = write(&j, "custom%3Aalice", &record(home, "two")).unwrap();
        write(&j, "custom%3Abob", &record(home, "bob")).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&first).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        assert!(first.starts_with(home.join("pending")));
        let found = find(&j, Some("custom%3Aalice"));
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].path, second, "newest last");
        assert_eq!(
            found[1]
                .record
                .as_ref()
                .unwrap()
                .secrets
                .access_token
                .expose(),
            "two"
        );
        assert_eq!(key_of(&second).as_deref(), Some("custom%3Aalice"));
        assert_eq!(find(&j, None).len(), 3);
    }

    #[test]
    fn records_aside_are_private_and_never_taken_for_channel_records() {
        let dir = tempfile::tempdir().unwrap();
        let j = journal(dir.path());
        let path = write_aside(&j, "postiz-pending", "row.1.json", b"{}").unwrap();
        assert!(path.starts_with(dir.path().join("postiz-pending")));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        assert!(find(&j, None).is_empty());
        // A name already taken is never overwritten.
        let _ = write_aside(&j, "postiz-pending", "row.1.json", b"other");
        assert_eq!(fs::read(&path).unwrap(), b"{}");
    }

    #[test]
    fn a_partial_record_is_found_as_incomplete() {
        let dir = tempfile::tempdir().unwrap();
        let pending = dir.path().join("pending");
        fs::create_dir_all(&pending).unwrap();
        fs::write(pending.join("custom%3Aalice.17.json"), b"{\"channel\": {").unwrap();
        let found = find(&journal(dir.path()), Some("custom%3Aalice"));
        assert_eq!(found.len(), 1);
        assert!(found[0].record.is_none());
    }

    #[test]
    fn a_refusing_home_falls_back_elsewhere() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the pending dir should be: the home refuses the record.
        fs::write(dir.path().join("pending"), b"").unwrap();
        let j = journal(dir.path());
        let path = write(&j, "k", &record(dir.path(), "x")).unwrap();
        assert!(path.starts_with(&j.fallback), "{}", path.display());
        assert_eq!(find(&j, Some("k")).len(), 1);
        // Another home's records in a shared fallback are not this home's.
        let other = Journal {
            home: dir.path().join("other"),
            fallback: j.fallback.clone(),
            fallback_base: j.fallback_base.clone(),
        };
        assert!(find(&other, Some("k")).is_empty());
    }

    #[test]
    fn a_key_never_takes_the_records_of_a_longer_key() {
        let dir = tempfile::tempdir().unwrap();
        let j = journal(dir.path());
        write(&j, "reddit%3Ajohn", &record(dir.path(), "john")).unwrap();
        write(&j, "reddit%3Ajohn.doe", &record(dir.path(), "john.doe")).unwrap();
        let john = find(&j, Some("reddit%3Ajohn"));
        assert_eq!(john.len(), 1);
        assert_eq!(
            john[0]
                .record
                .as_ref()
                .unwrap()
                .secrets
                .access_token
                .expose(),
            "john"
        );
    }

    #[cfg(unix)]
    #[test]
    fn records_planted_in_a_shared_fallback_are_ignored() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let j = journal(dir.path());
        // Another user made the fallback dir, open to all, and dropped a record in it.
        fs::create_dir_all(&j.fallback).unwrap();
        fs::set_permissions(&j.fallback, fs::Permissions::from_mode(0o777)).unwrap();
        let planted = record(dir.path(), "ATTACKER");
        fs::write(
            j.fallback.join("k.1.json"),
            serde_json::to_vec(&planted).unwrap(),
        )
        .unwrap();
        assert!(
            find(&j, Some("k")).is_empty(),
            "a planted record was trusted"
        );
        // Nor is a record without a home in a private fallback.
        fs::set_permissions(&j.fallback, fs::Permissions::from_mode(0o700)).unwrap();
        let mut homeless = record(dir.path(), "x");
        homeless.home = None;
        fs::write(
            j.fallback.join("k.2.json"),
            serde_json::to_vec(&homeless).unwrap(),
        )
        .unwrap();
        let found = find(&j, Some("k"));
        assert_eq!(found.len(), 1, "only this home's record");
        assert_eq!(
            found[0]
                .record
                .as_ref()
                .unwrap()
                .secrets
                .access_token
                .expose(),
            "ATTACKER"
        );
    }

    #[test]
    fn a_shared_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let open = dir.path().join("open");
        fs::create_dir(&open).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&open, fs::Permissions::from_mode(0o777)).unwrap();
            assert!(write_new(&open, "x.json", b"{}").is_err());
        }
    }
}
