//! Where channels live. Secrets (access, refresh and id tokens, the client secret) go to
//! the OS keychain, one entry per channel, or, only when the user chose it explicitly, to a
//! 0600 file. Non-secret metadata goes to `channels/<name>.json`. Secrets are written before the
//! index, so a crash never leaves an index entry pointing at nothing new.

pub mod channel;
pub mod file;
pub mod keychain;
pub mod pending;

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::model::record;
pub use channel::{
    Backend, Channel, HandedToPostiz, HeldLogin, PageRef, RegisteredApp, Secrets, HELD_FOR,
};
use keychain::{Keychain, KeychainError};
use std::collections::BTreeMap;

const SETTINGS_FILE: &str = "settings.json";
const LOCK_FILE: &str = ".lock";

/// Store-wide settings, versioned like a channel file (see `crate::model::record`).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Settings {
    #[serde(default)]
    version: u32,
    #[serde(default)]
    major: u32,
    /// The user chose file storage once; remembered so they are not asked every time.
    #[serde(default)]
    insecure_storage: bool,
    /// The `--port` last given for each provider whose redirect URI must match exactly:
    /// the port registered with the app, so the next connect uses it again.
    #[serde(default)]
    ports: BTreeMap<String, u16>,
}

/// The `version` settings are written with. It stays 1 while changes are additive: the
/// binaries from before format versioning refuse a settings file of a higher version, so
/// only `major` may announce a change older binaries cannot read.
const SETTINGS_VERSION: u32 = 1;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: SETTINGS_VERSION,
            major: record::MAJOR,
            insecure_storage: false,
            ports: BTreeMap::new(),
        }
    }
}

/// The store rooted at the config dir (`POSTIZ_CONNECT_HOME` overrides it).
///
/// One file per channel (`channels/<name>.json`, and `secrets/<name>.json` for the file
/// backend), each replaced atomically: refreshing one channel never rewrites the others,
/// so many refresh in parallel, and a damaged file only affects its own channel.
pub struct Store {
    home: PathBuf,
    keychain: Keychain,
    journal: pending::Journal,
}

/// The default config dir: `$POSTIZ_CONNECT_HOME`, else the platform's config dir.
pub fn default_home() -> PathBuf {
    match std::env::var_os("POSTIZ_CONNECT_HOME") {
        Some(home) if !home.is_empty() => PathBuf::from(home),
        _ => dirs::config_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join("postiz-connect"),
    }
}

/// What `Store::list` found.
#[derive(Debug, Default)]
pub struct Listing {
    pub channels: Vec<Channel>,
    pub unreadable: Vec<Unreadable>,
    /// Tokens a provider issued that the store still refuses: pending records that
    /// could not be finished (the store is full or locked), by channel.
    pub waiting: Vec<Waiting>,
}

/// A pending record the store could not take yet.
#[derive(Debug)]
pub struct Waiting {
    pub channel: String,
    pub path: PathBuf,
}

impl Waiting {
    /// What to tell the user: where the tokens are, and how they get into the store.
    pub fn advice(&self) -> (String, String) {
        (
            format!(
                "{}: newer tokens are waiting in {} (the store refused them)",
                self.channel,
                self.path.display()
            ),
            format!(
                "they go into the store by themselves once it works again (free disk space, unlock the keychain); or run: postiz-connect restore {}",
                crate::text::shell_word(&self.path.display().to_string())
            ),
        )
    }
}

/// A channel whose metadata file cannot be read or parsed.
#[derive(Debug)]
pub struct Unreadable {
    /// The channel name, from the file name.
    pub channel: String,
    pub error: Error,
}

impl Listing {
    /// Every channel name, readable or not.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .channels
            .iter()
            .map(|c| c.name.clone())
            .chain(self.unreadable.iter().map(|u| u.channel.clone()))
            .collect();
        names.sort();
        names
    }
}

const CONNECT_AGAIN: &str = "connect that channel again";

/// The channel a metadata file belongs to (the inverse of `file_key`; a long name's
/// file only gives its readable beginning).
fn channel_of_file(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if stem.contains(HASHED) {
        return stem;
    }
    url::form_urlencoded::parse(stem.as_bytes())
        .next()
        .map(|(name, _)| name.into_owned())
        .unwrap_or(stem)
}

/// Longest file key: file names stay under the usual 255-byte limit with the suffixes
/// the store adds (`.json`, a temp file's, a pending record's time stamp).
const LONGEST_KEY: usize = 200;
/// Marks a shortened key; `~` never appears in a form-urlencoded name.
const HASHED: char = '~';

/// A file name for a channel: form-urlencoded, so distinct names never collide and `:`
/// (invalid on Windows) or `/` never reach the file system. A name too long for a file
/// name keeps its beginning and gets a hash of the whole name, so it stays distinct.
pub(crate) fn file_key(name: &str) -> String {
    let encoded: String = url::form_urlencoded::byte_serialize(name.as_bytes()).collect();
    if encoded.len() <= LONGEST_KEY {
        return encoded;
    }
    use sha2::Digest;
    let digest = sha2::Sha256::digest(name.as_bytes());
    let hash: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    // The encoding is ASCII, so any byte index is a character boundary.
    format!("{}{HASHED}{hash}", &encoded[..LONGEST_KEY - 1 - hash.len()])
}

impl Store {
    pub fn new(home: PathBuf) -> Store {
        // Each home has its own keychain namespace, so separate homes never collide.
        let service = if std::env::var_os("POSTIZ_CONNECT_HOME").is_some() {
            format!("postiz-connect:{}", home.display())
        } else {
            "postiz-connect".to_string()
        };
        Store {
            journal: pending::Journal::new(&home),
            home,
            keychain: Keychain { service },
        }
    }

    /// Keep a two-step login until its page is chosen (see `HeldLogin`).
    pub fn hold_login(&self, held: &HeldLogin) -> Result<(), Error> {
        let json = serde_json::to_vec_pretty(held).expect("a held login serializes");
        file::write_atomic(&self.held_path(&held.channel.provider), &json)
    }

    /// The held login of `provider`, if one is waiting and not expired (an expired one is
    /// deleted: its tokens are the provider's to expire).
    pub fn held_login(&self, provider: &str) -> Option<HeldLogin> {
        let path = self.held_path(provider);
        let held: HeldLogin = read_json(&path, "").ok().flatten()?;
        if held.expires_at <= Utc::now() {
            let _ = std::fs::remove_file(&path);
            return None;
        }
        Some(held)
    }

    pub fn drop_held_login(&self, provider: &str) {
        let _ = std::fs::remove_file(self.held_path(provider));
    }

    fn held_path(&self, provider: &str) -> PathBuf {
        self.home
            .join("held")
            .join(format!("{}.json", file_key(provider)))
    }

    /// A client registered on an instance (Mastodon), remembered per instance.
    pub fn registered_app(&self, instance: &str) -> Option<RegisteredApp> {
        let text = std::fs::read_to_string(self.app_path(instance)).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Remember a registered client (0600: it holds the client secret).
    pub fn save_registered_app(&self, app: &RegisteredApp) -> Result<(), Error> {
        let json = serde_json::to_vec_pretty(app).expect("an app serializes");
        file::write_atomic(&self.app_path(&app.instance), &json)
    }

    fn app_path(&self, instance: &str) -> PathBuf {
        self.home
            .join("apps")
            .join(format!("{}.json", file_key(instance)))
    }

    /// Where crash-safe records go (`pending/`, or the fallback).
    pub fn journal(&self) -> &pending::Journal {
        &self.journal
    }

    pub fn home(&self) -> &Path {
        &self.home
    }

    /// Where the file backend keeps a channel's secrets.
    pub fn secrets_path(&self, name: &str) -> PathBuf {
        self.home
            .join("secrets")
            .join(format!("{}.json", file_key(name)))
    }

    fn channel_path(&self, name: &str) -> PathBuf {
        self.home
            .join("channels")
            .join(format!("{}.json", file_key(name)))
    }

    /// The backend a new channel goes to when the user did not say: the file store once
    /// they chose it (remembered in settings), else the keychain.
    pub fn remembered_backend(&self) -> Result<Backend, Error> {
        Ok(if self.read_settings()?.insecure_storage {
            Backend::File
        } else {
            Backend::Keychain
        })
    }

    /// Prove the backend can hold secrets before the user logs in.
    pub fn preflight(&self, backend: Backend) -> Result<(), Error> {
        match backend {
            Backend::Keychain => self.keychain.probe(),
            Backend::File => file::ensure_dir(&self.home),
        }
    }

    /// Every stored channel. One unreadable file does not hide the others: it is
    /// listed apart, for the caller to report.
    /// The stored channels' metadata, read only: no interrupted write finished, no
    /// keychain asked, unreadable files skipped (for shell completion, which must be
    /// quick and change nothing).
    pub fn peek(&self) -> Vec<Channel> {
        let Ok(entries) = std::fs::read_dir(self.home.join("channels")) else {
            return Vec::new();
        };
        let mut channels: Vec<Channel> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|x| x == "json"))
            .filter_map(|path| read_json::<Channel>(&path, CONNECT_AGAIN).ok().flatten())
            .collect();
        channels.sort_by(|a, b| a.name.cmp(&b.name));
        channels
    }

    pub fn list(&self) -> Result<Listing, Error> {
        self.finish_interrupted(None);
        let dir = self.home.join("channels");
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Listing::default()),
            Err(e) => return Err(read_error(&dir, &e)),
        };
        let mut listing = Listing::default();
        for entry in entries {
            let path = entry.map_err(|e| read_error(&dir, &e))?.path();
            if path.extension().is_none_or(|x| x != "json") {
                continue;
            }
            match read_json::<Channel>(&path, CONNECT_AGAIN) {
                Ok(Some(channel)) => listing.channels.push(channel),
                Ok(None) => {} // Removed since the directory was read (a logout).
                Err(error) => listing.unreadable.push(Unreadable {
                    channel: channel_of_file(&path),
                    error,
                }),
            }
        }
        listing.channels.sort_by(|a, b| a.name.cmp(&b.name));
        listing.unreadable.sort_by(|a, b| a.channel.cmp(&b.channel));
        listing.waiting = pending::find(&self.journal, None)
            .into_iter()
            .filter_map(|found| {
                Some(Waiting {
                    channel: found.record?.channel.name,
                    path: found.path,
                })
            })
            .collect();
        Ok(listing)
    }

    pub fn get(&self, name: &str) -> Result<Channel, Error> {
        self.finish_interrupted(Some(name));
        if let Some(channel) = read_json::<Channel>(&self.channel_path(name), CONNECT_AGAIN)? {
            return Ok(channel);
        }
        let known: Vec<String> = self.list()?.names();
        Err(Error::Usage(if known.is_empty() {
            format!(
                "no channel named '{name}': nothing is connected yet (postiz-connect <provider>)"
            )
        } else {
            format!(
                "no channel named '{name}'; stored channels: {}",
                known.join(", ")
            )
        }))
    }

    /// Store a channel: secrets first, then its metadata. Callers that may race another
    /// writer of the same channel hold `lock_channel` around this.
    /// `preference`: the backend the user chose explicitly this time, remembered for next time.
    pub fn save(
        &self,
        channel: &Channel,
        secrets: &Secrets,
        preference: Option<Backend>,
    ) -> Result<(), Error> {
        file::ensure_dir(&self.home)?;
        let previous = read_json::<Channel>(&self.channel_path(&channel.name), CONNECT_AGAIN)?;
        match channel.store {
            Backend::Keychain => {
                let json = serde_json::to_string(secrets).expect("secrets serialize");
                self.keychain.set(&channel.name, &json)?;
            }
            Backend::File => {
                let json = serde_json::to_vec_pretty(secrets).expect("secrets serialize");
                file::write_atomic(&self.secrets_path(&channel.name), &json)?;
            }
        }
        self.update_meta(channel)?;
        // Re-connecting into another backend: do not leave the old copy behind.
        if let Some(old) = previous.filter(|old| old.store != channel.store) {
            self.delete_secrets(&old)?;
        }
        if let Some(choice) = preference {
            self.update_settings(|s| s.insecure_storage = choice == Backend::File)?;
        }
        Ok(())
    }

    /// Whether the user chose the file store (`--insecure-storage`, remembered).
    pub fn file_store_chosen(&self) -> bool {
        self.read_settings().is_ok_and(|s| s.insecure_storage)
    }

    /// The port remembered for `provider` (the last `--port` given for it).
    pub fn remembered_port(&self, provider: &str) -> Option<u16> {
        self.read_settings().ok()?.ports.get(provider).copied()
    }

    /// Remember `port` for `provider`, for the next connect.
    pub fn remember_port(&self, provider: &str, port: u16) -> Result<(), Error> {
        self.update_settings(|s| {
            s.ports.insert(provider.to_string(), port);
        })
    }

    /// Read-modify-write of the settings, under the store's lock, written atomically.
    fn update_settings(&self, change: impl FnOnce(&mut Settings)) -> Result<(), Error> {
        let _lock = self.lock()?;
        let mut settings = self.read_settings()?;
        change(&mut settings);
        settings.version = record::VERSION;
        settings.major = record::MAJOR;
        file::write_atomic(
            &self.home.join(SETTINGS_FILE),
            &serde_json::to_vec_pretty(&settings).expect("settings serialize"),
        )
    }

    pub fn secrets(&self, channel: &Channel) -> Result<Secrets, Error> {
        let missing = || Error::Store {
            what: format!(
                "the secrets of {} are missing from {}",
                channel.name,
                channel.store.place()
            ),
            fix: format!("connect it again: {}", channel.reconnect_command()),
        };
        match channel.store {
            Backend::Keychain => match self.keychain.get(&channel.name) {
                Ok(json) => serde_json::from_str(&json).map_err(|_| Error::Store {
                    what: format!(
                        "the keychain entry of {} is not in the expected format",
                        channel.name
                    ),
                    fix: format!("connect it again: {}", channel.reconnect_command()),
                }),
                Err(KeychainError::NotFound) => Err(missing()),
                Err(KeychainError::Failed(e)) => Err(e),
            },
            Backend::File => {
                read_json(&self.secrets_path(&channel.name), CONNECT_AGAIN)?.ok_or_else(missing)
            }
        }
    }

    /// Write a channel's metadata (not its secrets).
    pub fn update_meta(&self, channel: &Channel) -> Result<(), Error> {
        let json = serde_json::to_vec_pretty(channel).expect("channel serializes");
        file::write_atomic(&self.channel_path(&channel.name), &json)
    }

    /// Mark a channel as handed to Postiz (`postiz adopt` wrote it into a row), under its
    /// lock: a refresh running now finishes first, and none starts after.
    pub fn hand_to_postiz(&self, name: &str, handed: HandedToPostiz) -> Result<(), Error> {
        let _lock = self.lock_channel(name)?;
        self.finish_interrupted_locked(name)?;
        let mut channel = self.get(name)?;
        channel.handed_to_postiz = Some(handed);
        self.update_meta(&channel)
    }

    /// An exclusive lock on one channel across processes, held while it is refreshed,
    /// so two refreshers never spend the same rotating token.
    pub fn lock_channel(&self, name: &str) -> Result<File, Error> {
        file::ensure_dir(&self.home)?;
        let dir = self.home.join("locks");
        file::ensure_dir(&dir)?;
        lock_file(&dir.join(format!("{}.lock", file_key(name))), true)
            .map(|lock| lock.expect("a blocking lock is always taken"))
    }

    /// The channel's lock if no one holds it (`None` when someone does).
    fn try_lock_key(&self, key: &str) -> Result<Option<File>, Error> {
        let dir = self.home.join("locks");
        file::ensure_dir(&dir)?;
        lock_file(&dir.join(format!("{key}.lock")), false)
    }

    /// A new login whose name is taken by a channel connected another way (the other
    /// protocol, another app, another server) must not replace it silently: it gets a
    /// name of its own, `name+oauth1`, `name+<client id>` or `name+<server>`. Returns the
    /// channel it was kept apart from. Reconnecting the same way keeps the name (that is
    /// a reconnect).
    pub fn keep_apart(&self, channel: &mut Channel) -> Option<String> {
        let original = channel.name.clone();
        self.another_way(&original, channel)?;
        let old = self.stored_meta(&original)?;
        let way = if old.oauth1 != channel.oauth1 && channel.oauth1 {
            "oauth1".to_string()
        } else if old.client_id != channel.client_id {
            // The whole client id (it is what the user set), within a file name's reach.
            channel.client_id.chars().take(40).collect()
        } else {
            crate::http::origin_of(&channel.endpoints.token_url)
                .trim_start_matches("https://")
                .trim_start_matches("http://")
                .to_string()
        };
        let mut name = format!("{original}+{way}");
        let mut n = 2;
        while self.another_way(&name, channel).is_some() {
            name = format!("{original}+{way}-{n}");
            n += 1;
        }
        channel.name = name;
        Some(original)
    }

    /// How the stored channel of `channel`'s name was connected otherwise than this
    /// login, in words; None when none is stored or it was the same way (a reconnect).
    pub fn connected_another_way(&self, channel: &Channel) -> Option<String> {
        self.another_way(&channel.name, channel)
    }

    fn stored_meta(&self, name: &str) -> Option<Channel> {
        read_json::<Channel>(&self.channel_path(name), CONNECT_AGAIN)
            .ok()
            .flatten()
    }

    fn another_way(&self, name: &str, channel: &Channel) -> Option<String> {
        let old = self.stored_meta(name)?;
        let protocol = |c: &Channel| match c.oauth1 {
            true => "OAuth 1.0a",
            false => "OAuth 2.0",
        };
        if old.oauth1 != channel.oauth1 {
            return Some(format!(
                "it was connected over {}, this login over {}",
                protocol(&old),
                protocol(channel)
            ));
        }
        if old.client_id != channel.client_id {
            return Some(format!(
                "it was connected with client id {}, this login with {}",
                old.client_id, channel.client_id
            ));
        }
        // A sandbox's endpoints move with every run: the same sandbox app.
        let same_server = (old.is_sandboxed() && channel.is_sandboxed())
            || old.endpoints.token_url == channel.endpoints.token_url;
        (!same_server).then(|| {
            format!(
                "it was connected to {}, this login to {}",
                crate::http::origin_of(&old.endpoints.token_url),
                crate::http::origin_of(&channel.endpoints.token_url)
            )
        })
    }

    /// Store tokens a provider has just issued, so that nothing can lose them: a pending
    /// record first (durable, see `pending`), then the store, then the record goes. The
    /// caller holds `lock_channel`. `event` says what happened ("was refreshed"), for the
    /// error when the store refuses them: it names the file that keeps them.
    pub fn commit(
        &self,
        channel: &Channel,
        secrets: &Secrets,
        preference: Option<Backend>,
        event: &str,
    ) -> Result<(), Error> {
        self.commit_inner(channel, secrets, preference, event, false)
    }

    /// `commit` for a new login: takes the channel's lock itself; a lock that cannot be
    /// taken still leaves the tokens in a record.
    pub fn commit_locking(
        &self,
        channel: &Channel,
        secrets: &Secrets,
        preference: Option<Backend>,
        event: &str,
    ) -> Result<(), Error> {
        self.commit_inner(channel, secrets, preference, event, true)
    }

    fn commit_inner(
        &self,
        channel: &Channel,
        secrets: &Secrets,
        preference: Option<Backend>,
        event: &str,
        take_lock: bool,
    ) -> Result<(), Error> {
        let key = file_key(&channel.name);
        let record = pending::Record {
            channel: channel.clone(),
            secrets: secrets.clone(),
            home: Some(self.journal.home.clone()),
            written_at: Some(Utc::now()),
        };
        // The lock first (when the caller does not hold it): a record written before it
        // could be replayed and rotated by a refresher holding the lock, then overwritten
        // here with the spent token. The record is written either way, so a lock that
        // cannot be taken still leaves the tokens recoverable.
        let lock = match take_lock {
            true => self.lock_channel(&channel.name).map(Some),
            false => Ok(None),
        };
        let kept = pending::write(&self.journal, &key, &record);
        // Records up to this one are superseded once it is stored.
        let written = kept
            .as_ref()
            .map(|path| pending::sequence(path))
            .unwrap_or(i64::MAX);
        let stored = lock.and_then(|_lock| {
            self.save(channel, secrets, preference)?;
            for found in pending::find(&self.journal, Some(&key)) {
                if pending::sequence(&found.path) <= written {
                    pending::remove(&found.path);
                }
            }
            self.remove_stale_temp_files(&key);
            Ok(())
        });
        let Err(store_error) = stored else {
            return Ok(());
        };
        Err(match kept {
            Ok(path) => Error::Store {
                what: format!(
                    "{} {event}, but the new tokens could not be stored: {store_error}",
                    channel.name
                ),
                fix: format!(
                    "they are kept in {0} (0600) and go into the store by themselves the next time postiz-connect reads this channel, once the store works again ({1}); or run: postiz-connect restore '{0}'",
                    path.display(),
                    store_error.fix().unwrap_or_else(|| "see the error above".into()),
                ),
            },
            Err(journal_error) => Error::Store {
                what: format!(
                    "{} {event}, but neither the store ({store_error}) nor a recovery file ({journal_error}) could keep the new tokens",
                    channel.name
                ),
                fix: format!(
                    "connect it again once disk space is freed: {}",
                    channel.reconnect_command()
                ),
            },
        })
    }

    /// Finish writes that a killed or failed process left as pending records: for each
    /// channel (all, or `only`) whose lock is free, put its newest complete record into
    /// the store and remove its records. A channel being written by another process is
    /// left to it. Failures leave the records for next time (`pending()` lists them).
    fn finish_interrupted(&self, only: Option<&str>) {
        let key = only.map(file_key);
        let found = pending::find(&self.journal, key.as_deref());
        if found.is_empty() {
            return;
        }
        let mut keys: Vec<String> = found
            .iter()
            .filter_map(|f| pending::key_of(&f.path))
            .collect();
        keys.dedup();
        for key in keys {
            let Ok(Some(_lock)) = self.try_lock_key(&key) else {
                continue;
            };
            let _ = self.replay(&key);
        }
    }

    /// `finish_interrupted` for one channel whose lock the caller already holds.
    pub fn finish_interrupted_locked(&self, name: &str) -> Result<(), Error> {
        self.replay(&file_key(name))
    }

    /// Under the channel's lock: apply the newest complete record, then remove them all
    /// (an incomplete one is a write its process never finished: nothing durable).
    fn replay(&self, key: &str) -> Result<(), Error> {
        let found = pending::find(&self.journal, Some(key));
        // A record whose channel is not the one its file is named for is not applied.
        let newest = found
            .iter()
            .rev()
            .filter_map(|f| f.record.as_ref())
            .find(|r| file_key(&r.channel.name) == key);
        if let Some(newest) = newest {
            self.save(&newest.channel, &newest.secrets, None)?;
        }
        for f in &found {
            pending::remove(&f.path);
        }
        self.remove_stale_temp_files(key);
        Ok(())
    }

    /// Records that could not be put back yet (the store still refuses them).
    pub fn pending(&self) -> Vec<PathBuf> {
        pending::find(&self.journal, None)
            .into_iter()
            .map(|f| f.path)
            .collect()
    }

    /// Temp files of a channel's atomic writes whose process died before the rename.
    /// Called under the channel's lock, when no write of it can be in progress.
    fn remove_stale_temp_files(&self, key: &str) {
        for dir in ["channels", "secrets"] {
            let Ok(entries) = std::fs::read_dir(self.home.join(dir)) else {
                continue;
            };
            let prefix = file::temp_prefix(&format!("{key}.json"));
            for entry in entries.flatten() {
                if entry.file_name().to_string_lossy().starts_with(&prefix) {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }

    /// Put a recovery file's channel back into the store (then the file can go).
    pub fn restore(&self, path: &Path) -> Result<Channel, Error> {
        let record = read_recovery_file(path)?;
        let _lock = self.lock_channel(&record.channel.name)?;
        self.save(&record.channel, &record.secrets, None)?;
        // A pending record, once stored, must not be replayed over later refreshes.
        if pending::find(&self.journal, None)
            .iter()
            .any(|found| found.path == path)
        {
            pending::remove(path);
        }
        Ok(record.channel)
    }

    /// The channel a recovery file would restore, read and checked, nothing written
    /// (`restore --dry-run`).
    pub fn read_recovery(&self, path: &Path) -> Result<Channel, Error> {
        Ok(read_recovery_file(path)?.channel)
    }

    /// Remove a channel: its pending records (or the next read would bring it back), its
    /// secrets, then its metadata.
    pub fn remove(&self, channel: &Channel) -> Result<(), Error> {
        for found in pending::find(&self.journal, Some(&file_key(&channel.name))) {
            pending::remove(&found.path);
        }
        self.delete_secrets(channel)?;
        remove_if_present(&self.channel_path(&channel.name))
    }

    fn delete_secrets(&self, channel: &Channel) -> Result<(), Error> {
        match channel.store {
            Backend::Keychain => self.keychain.delete(&channel.name),
            Backend::File => remove_if_present(&self.secrets_path(&channel.name)),
        }
    }

    /// An exclusive lock across processes for read-modify-write of the settings.
    fn lock(&self) -> Result<File, Error> {
        file::ensure_dir(&self.home)?;
        lock_file(&self.home.join(LOCK_FILE), true).map(|lock| lock.expect("blocking"))
    }

    fn read_settings(&self) -> Result<Settings, Error> {
        let path = self.home.join(SETTINGS_FILE);
        // A newer format's settings are refused by `read_json`.
        Ok(read_json(&path, "the storage choice is asked again")?.unwrap_or_default())
    }
}

fn read_error(path: &Path, e: &std::io::Error) -> Error {
    Error::Store {
        what: format!("cannot read {}: {e}", path.display()),
        fix: "check the permissions of the config dir".into(),
    }
}

/// A recovery file's record (`restore`), or what is wrong with the file.
fn read_recovery_file(path: &Path) -> Result<pending::Record, Error> {
    read_json(
        path,
        "look for a newer recovery file, or reconnect the channel",
    )?
    .ok_or_else(|| Error::Store {
        what: format!("{} does not exist", path.display()),
        fix: "give the path printed when the refresh failed".into(),
    })
}

/// Ok(None) when the file does not exist; a corrupt file is an error naming it, and so
/// is one of a format newer than this binary reads (`crate::model::record`), which is
/// not called corrupt. `then`: what to do once the corrupt file is moved aside.
fn read_json<T: serde::de::DeserializeOwned>(path: &Path, then: &str) -> Result<Option<T>, Error> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(read_error(path, &e)),
    };
    let newer = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|value| record::too_new(&value));
    if let Some(newer) = newer {
        return Err(Error::Store {
            what: format!("{} was {newer}", path.display()),
            fix: "upgrade postiz-connect; the file is left as it is".into(),
        });
    }
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| match e.classify() {
            // Whole JSON this binary cannot read (a value another version of postiz-connect
            // wrote, say a new client authentication): not damage, and not to be moved aside.
            serde_json::error::Category::Data => Error::Store {
                what: format!(
                    "{} holds something this postiz-connect cannot read ({e}): written by \
                 another version, or edited by hand",
                    path.display()
                ),
                fix: "use the postiz-connect that wrote it (upgrade this one); the file is left \
                  as it is"
                    .into(),
            },
            _ => Error::Store {
                what: format!("{} is corrupt: {e}", path.display()),
                fix: format!(
                    "move it aside (mv '{0}' '{0}.bak'); then {then}",
                    path.display()
                ),
            },
        })
}

fn remove_if_present(path: &Path) -> Result<(), Error> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::Store {
            what: format!("cannot delete {}: {e}", path.display()),
            fix: "check the permissions of the config dir".into(),
        }),
    }
}

/// Open (creating) and lock `path`; with `wait` false, `None` when another holds it.
fn lock_file(path: &Path, wait: bool) -> Result<Option<File>, Error> {
    let fail = |e: std::io::Error| Error::Store {
        what: format!("cannot lock {}: {e}", path.display()),
        fix: "check the permissions of the config dir".into(),
    };
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        // 0600 whatever the umask, and never through a symlink planted at the lock's path.
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o600)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    let lock = options.open(path).map_err(fail)?;
    if wait {
        lock.lock().map_err(fail)?;
        return Ok(Some(lock));
    }
    match lock.try_lock() {
        Ok(()) => Ok(Some(lock)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(fail(e)),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{ClientAuth, Endpoints, RefreshRule, Wire};
    use crate::providers::identity::Account;
    use std::collections::BTreeMap;

    pub(crate) fn sample(name: &str, store: Backend) -> Channel {
        Channel {
            name: name.into(),
            provider: "custom".into(),
            account: Account {
                id: Some("1".into()),
                username: Some("alice".into()),
                name: None,
                source: "userinfo".into(),
            },
            scopes: vec!["openid".into()],
            requested_scopes: vec!["openid".into()],
            missing_scopes: vec![],
            expires_at: None,
            refresh_expires_at: None,
            has_refresh_token: true,
            store,
            created_at: Utc::now(),
            updated_at: Utc::now(),
            needs_reconnect: false,
            sandbox: false,
            client_id: "cid".into(),
            client_auth: ClientAuth::None,
            endpoints: Endpoints {
                authorize_url: "http://127.0.0.1:1/auth".into(),
                token_url: "http://127.0.0.1:1/token".into(),
                revoke_url: None,
                userinfo_url: None,
                ..Endpoints::default()
            },
            redirect_uri: "http://127.0.0.1:2/callback".into(),
            wire: Wire::default(),
            refresh: RefreshRule::default(),
            callback_params: BTreeMap::new(),
            token_fields: BTreeMap::new(),
            token_issued_at: None,
            page: None,
            oauth1: false,
            connect_args: Vec::new(),
            handed_to_postiz: None,
        }
    }

    #[test]
    fn file_backend_round_trip_and_remove() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let ch = sample("custom:alice", Backend::File);
        let secrets = Secrets {
            access_token: "AT".into(),
            refresh_token: Some("RT".into()),
            ..Default::default()
        };
        store.save(&ch, &secrets, Some(Backend::File)).unwrap();
        assert_eq!(store.remembered_backend().unwrap(), Backend::File);
        assert_eq!(store.secrets(&ch).unwrap(), secrets);
        assert_eq!(store.list().unwrap().channels.len(), 1);
        let meta =
            std::fs::read_to_string(dir.path().join("channels/custom%3Aalice.json")).unwrap();
        assert!(!meta.contains("\"AT\"") && !meta.contains("RT\""), "{meta}");
        store.remove(&ch).unwrap();
        assert!(store.get("custom:alice").is_err());
        assert!(store.secrets(&ch).is_err());
    }

    #[test]
    fn ports_are_remembered_per_provider_beside_the_storage_choice() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        assert_eq!(store.remembered_port("twitter"), None);
        store.remember_port("twitter", 8765).unwrap();
        store.remember_port("linkedin", 9000).unwrap();
        store.remember_port("twitter", 8766).unwrap();
        assert_eq!(store.remembered_port("twitter"), Some(8766));
        assert_eq!(store.remembered_port("linkedin"), Some(9000));
        assert!(!store.file_store_chosen());
        // Saving the storage choice keeps the ports, and the other way round.
        let ch = sample("custom:alice", Backend::File);
        store
            .save(&ch, &Secrets::default(), Some(Backend::File))
            .unwrap();
        assert!(store.file_store_chosen());
        assert_eq!(store.remembered_port("twitter"), Some(8766));
        // A settings file of an older version (no ports) still reads.
        std::fs::write(
            dir.path().join(SETTINGS_FILE),
            format!(
                "{{\"version\": {}, \"insecure_storage\": true}}",
                record::VERSION
            ),
        )
        .unwrap();
        assert_eq!(store.remembered_port("twitter"), None);
        assert!(store.file_store_chosen());
    }

    #[test]
    fn corrupt_channel_file_is_a_clear_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("channels")).unwrap();
        let path = dir.path().join("channels/custom%3Aalice.json");
        std::fs::write(&path, "{not json").unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let bob = sample("custom:bob b", Backend::File);
        store
            .save(&bob, &Secrets::default(), Some(Backend::File))
            .unwrap();
        let listing = store.list().unwrap();
        assert_eq!(
            listing.channels.len(),
            1,
            "the readable channel is still listed"
        );
        assert_eq!(listing.names(), ["custom:alice", "custom:bob b"]);
        let unreadable = &listing.unreadable[0];
        assert_eq!(unreadable.channel, "custom:alice");
        let err = &unreadable.error;
        assert!(
            err.to_string().contains("corrupt") && err.to_string().contains("custom%3Aalice"),
            "{err}"
        );
        assert!(err.fix().unwrap().contains("mv "));
        let err = store.get("custom:alice").unwrap_err();
        assert!(err.to_string().contains("corrupt"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{not json");
    }

    #[test]
    fn a_login_connected_another_way_is_kept_apart() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let stored = sample("twitter:jack", Backend::File);
        store.save(&stored, &secrets("AT", "RT"), None).unwrap();
        // The same way again: a reconnect, same name.
        let mut again = stored.clone();
        assert_eq!(store.keep_apart(&mut again), None);
        assert_eq!(again.name, "twitter:jack");
        // OAuth 1.0a, then another app: names of their own, the stored one untouched.
        let mut oauth1 = stored.clone();
        oauth1.oauth1 = true;
        assert_eq!(
            store.keep_apart(&mut oauth1).as_deref(),
            Some("twitter:jack")
        );
        assert_eq!(oauth1.name, "twitter:jack+oauth1");
        store.save(&oauth1, &secrets("T", "S"), None).unwrap();
        let mut other_app = stored.clone();
        other_app.client_id = "second-app".into();
        store.keep_apart(&mut other_app);
        assert_eq!(other_app.name, "twitter:jack+second-app");
        assert_eq!(store.list().unwrap().channels.len(), 2);
    }

    #[test]
    fn names_map_to_distinct_files() {
        assert_ne!(file_key("a:b"), file_key("a_b"));
        assert_ne!(file_key("a b"), file_key("a_b"));
        assert_eq!(channel_of_file(Path::new("x/a+b.json")), "a b");
        assert_ne!(file_key("a b"), file_key("a+b"));
        assert!(!file_key("x:y/../z").contains(['/', ':']));
    }

    fn secrets(access: &str, refresh: &str) -> Secrets {
        Secrets {
            access_token: access.into(),
            refresh_token: Some(refresh.into()),
            ..Default::default()
        }
    }

    /// A channel stored with AT1/RT1, and a pending record of AT2/RT2 for it.
    fn stored_with_a_pending_record() -> (tempfile::TempDir, Store, Channel) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let ch = sample("custom:alice", Backend::File);
        store.save(&ch, &secrets("AT1", "RT1"), None).unwrap();
        let record = pending::Record {
            channel: ch.clone(),
            secrets: secrets("AT2", "RT2"),
            home: Some(dir.path().to_path_buf()),
            written_at: None,
        };
        pending::write(&store.journal, &file_key(&ch.name), &record).unwrap();
        (dir, store, ch)
    }

    #[test]
    fn a_refused_commit_is_kept_and_finished_by_the_next_read() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let ch = sample("custom:alice", Backend::File);
        store.save(&ch, &secrets("AT1", "RT1"), None).unwrap();
        // The store breaks: `secrets` becomes a file, so no secret can be written.
        std::fs::rename(dir.path().join("secrets"), dir.path().join("moved")).unwrap();
        std::fs::write(dir.path().join("secrets"), b"").unwrap();
        let _lock = store.lock_channel(&ch.name).unwrap();
        let err = store
            .commit(&ch, &secrets("AT2", "RT2"), None, "was refreshed")
            .unwrap_err();
        drop(_lock);
        let fix = err.fix().unwrap();
        assert!(err.to_string().contains("was refreshed"), "{err}");
        assert!(!err.to_string().contains("RT2") && !fix.contains("RT2"));
        let kept = store.pending();
        assert_eq!(kept.len(), 1);
        assert!(fix.contains(&kept[0].display().to_string()), "{fix}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&kept[0]).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // While the store is still broken, reading keeps the record.
        assert!(store.list().is_ok());
        assert_eq!(store.pending().len(), 1);
        // Fixed: the next read puts the new tokens in and removes the record.
        std::fs::remove_file(dir.path().join("secrets")).unwrap();
        std::fs::rename(dir.path().join("moved"), dir.path().join("secrets")).unwrap();
        let back = store.get("custom:alice").unwrap();
        assert_eq!(store.secrets(&back).unwrap(), secrets("AT2", "RT2"));
        assert!(store.pending().is_empty());
    }

    #[test]
    fn a_record_left_by_a_killed_process_is_finished_unless_its_channel_is_locked() {
        // What a refresher killed after its record, before the store, leaves behind: the
        // record and an orphaned temp file of the secrets it was writing.
        let (dir, store, ch) = stored_with_a_pending_record();
        let orphan = dir.path().join("secrets/.custom%3Aalice.json.tmpAbC123");
        std::fs::write(&orphan, b"{\"access_token\":").unwrap();
        // Another process holds the lock (it is writing this channel): left to it.
        let held = store.lock_channel(&ch.name).unwrap();
        let c = store.get("custom:alice").unwrap();
        assert_eq!(store.secrets(&c).unwrap(), secrets("AT1", "RT1"));
        drop(held);
        let c = store.get("custom:alice").unwrap();
        assert_eq!(store.secrets(&c).unwrap(), secrets("AT2", "RT2"));
        assert!(store.pending().is_empty() && !orphan.exists());
    }

    #[test]
    fn restore_takes_a_record_or_an_old_recovery_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let ch = sample("custom:alice", Backend::File);
        // The shape older versions wrote under recovery/.
        let old = serde_json::json!({"channel": ch, "secrets": secrets("AT2", "RT2")});
        let path = dir.path().join("old-recovery.json");
        std::fs::write(&path, serde_json::to_vec(&old).unwrap()).unwrap();
        store.restore(&path).unwrap();
        assert_eq!(
            store.secrets(&store.get("custom:alice").unwrap()).unwrap(),
            secrets("AT2", "RT2")
        );
    }

    #[test]
    fn logout_removes_pending_records_too() {
        let (_dir, store, ch) = stored_with_a_pending_record();
        store.remove(&ch).unwrap();
        assert!(
            store.list().unwrap().channels.is_empty(),
            "not brought back"
        );
    }

    #[test]
    fn long_names_fit_a_file_name_and_stay_distinct() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let long_a = format!("custom:{}a", "é".repeat(200));
        let long_b = format!("custom:{}b", "é".repeat(200));
        assert!(file_key(&long_a).len() <= LONGEST_KEY);
        assert_ne!(file_key(&long_a), file_key(&long_b));
        for name in [&long_a, &long_b] {
            let ch = sample(name, Backend::File);
            store.save(&ch, &secrets(name, "RT"), None).unwrap();
            let _lock = store.lock_channel(name).unwrap();
            store
                .commit(&ch, &secrets(name, "RT2"), None, "was refreshed")
                .unwrap();
        }
        let listing = store.list().unwrap();
        assert_eq!(listing.channels.len(), 2, "{:?}", listing.unreadable);
        let a = store.get(&long_a).unwrap();
        assert_eq!(*store.secrets(&a).unwrap().access_token.expose(), long_a);
    }

    #[test]
    fn secrets_debug_is_redacted() {
        let s = Secrets {
            access_token: "TOPSECRET".into(),
            ..Default::default()
        };
        assert!(!format!("{s:?}").contains("TOPSECRET"));
    }

    #[test]
    fn which_channels_can_refresh() {
        let mut c = sample("x", Backend::File);
        assert!(c.can_refresh());
        c.has_refresh_token = false;
        assert!(
            !c.can_refresh(),
            "refresh_token style needs a refresh token"
        );
        c.refresh.style = crate::providers::RefreshStyle::AccessToken;
        assert!(c.can_refresh(), "Meta renews the access token itself");
        c.refresh.style = crate::providers::RefreshStyle::None;
        c.has_refresh_token = true;
        assert!(!c.can_refresh());
    }

    #[test]
    fn unknown_channel_lists_known_ones() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        store
            .save(
                &sample("custom:alice", Backend::File),
                &Secrets::default(),
                Some(Backend::File),
            )
            .unwrap();
        let err = store.get("custom:bob").unwrap_err();
        assert!(err.to_string().contains("custom:alice"));
    }
}
