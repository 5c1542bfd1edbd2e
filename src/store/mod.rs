//! Where channels live. Secrets (access, refresh and id tokens, the client secret) go to
//! the OS keychain, one entry per channel, or, only when the user chose it explicitly, to a
//! 0600 file. Non-secret metadata goes to `channels/<name>.json`. Secrets are written before the
//! index, so a crash never leaves an index entry pointing at nothing new.

pub mod file;
pub mod keychain;

use std::fmt;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::oauth::flow::Endpoints;
use crate::oauth::wire::Wire;
use crate::providers::identity::Account;
use crate::providers::{ClientAuth, RefreshRule};
use keychain::{Keychain, KeychainError};
use std::collections::BTreeMap;

const SETTINGS_FILE: &str = "settings.json";
const LOCK_FILE: &str = ".lock";
const STORE_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Backend {
    Keychain,
    File,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Keychain => "keychain",
            Backend::File => "file",
        }
    }
}

/// The secrets of one channel. `Debug` never shows them.
#[derive(Clone, Serialize, Deserialize, Default, PartialEq, Eq)]
pub struct Secrets {
    pub access_token: String,
    #[serde(default)]
    pub refresh_token: Option<String>,
    #[serde(default)]
    pub id_token: Option<String>,
    #[serde(default)]
    pub client_secret: Option<String>,
    /// OAuth 1.0a: the access token's secret.
    #[serde(default)]
    pub token_secret: Option<String>,
}

impl fmt::Debug for Secrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Secrets")
            .field("access_token", &"[redacted]")
            .field("has_refresh_token", &self.refresh_token.is_some())
            .field("has_id_token", &self.id_token.is_some())
            .field("has_client_secret", &self.client_secret.is_some())
            .field("has_token_secret", &self.token_secret.is_some())
            .finish()
    }
}

/// What is known about a channel that is not secret.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Channel {
    pub channel: String,
    pub provider: String,
    pub account: Account,
    pub scopes: Vec<String>,
    pub requested_scopes: Vec<String>,
    #[serde(default)]
    pub missing_scopes: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub refresh_expires_at: Option<DateTime<Utc>>,
    pub has_refresh_token: bool,
    pub store: Backend,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub needs_reconnect: bool,
    /// Connected through the built-in sandbox, not the real provider.
    #[serde(default)]
    pub sandbox: bool,
    pub client_id: String,
    pub client_auth: ClientAuth,
    pub endpoints: Endpoints,
    pub redirect_uri: String,
    /// The token request's shape (form, JSON, multipart...), for refresh.
    #[serde(default)]
    pub wire: Wire,
    #[serde(default)]
    pub refresh: RefreshRule,
    /// Callback parameters the provider wants back on refresh (VK's `device_id`).
    #[serde(default)]
    pub callback_params: BTreeMap<String, String>,
    /// Token-response fields later identity calls need (`{token.open_id}`).
    #[serde(default)]
    pub token_fields: BTreeMap<String, String>,
    /// When the current access token was issued (Meta refuses to refresh young tokens).
    #[serde(default)]
    pub token_issued_at: Option<DateTime<Utc>>,
    /// The page, channel, blog or location this channel posts to (two-step providers).
    #[serde(default)]
    pub page: Option<PageRef>,
    /// OAuth 1.0a channel: the secrets hold a token and token secret, never expiring.
    #[serde(default)]
    pub oauth1: bool,
}

impl Channel {
    /// Whether refreshing can renew this channel's tokens at all.
    pub fn can_refresh(&self) -> bool {
        match self.refresh.style {
            crate::providers::RefreshStyle::RefreshToken => self.has_refresh_token,
            crate::providers::RefreshStyle::AccessToken => true,
            crate::providers::RefreshStyle::None => false,
        }
    }
}

/// A client this tool registered on an instance.
#[derive(Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct RegisteredApp {
    pub instance: String,
    pub client_id: String,
    pub client_secret: Option<String>,
    /// Registered redirect URIs must match exactly, so later logins reuse this one.
    pub redirect_uri: String,
    pub scopes: Vec<String>,
}

impl fmt::Debug for RegisteredApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegisteredApp")
            .field("instance", &self.instance)
            .field("client_id", &self.client_id)
            .field("redirect_uri", &self.redirect_uri)
            .finish()
    }
}

/// The page chosen under a user's login.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct PageRef {
    pub kind: String,
    pub id: String,
    pub name: String,
    /// The channel's token is the page's own (Meta), not the user's.
    pub own_token: bool,
    /// The user who picked it.
    pub user: String,
}

/// Store-wide settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Settings {
    version: u32,
    /// The user chose file storage once; remembered so they are not asked every time.
    #[serde(default)]
    insecure_storage: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: STORE_VERSION,
            insecure_storage: false,
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
            .map(|c| c.channel.clone())
            .chain(self.unreadable.iter().map(|u| u.channel.clone()))
            .collect();
        names.sort();
        names
    }
}

const CONNECT_AGAIN: &str = "connect that channel again";

/// The channel a metadata file belongs to (the inverse of `file_key`).
fn channel_of_file(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    url::form_urlencoded::parse(stem.as_bytes())
        .next()
        .map(|(name, _)| name.into_owned())
        .unwrap_or(stem)
}

/// A file name for a channel: percent-encoded, so distinct names never collide and
/// `:` (invalid on Windows) never reaches the file system.
fn file_key(name: &str) -> String {
    url::form_urlencoded::byte_serialize(name.as_bytes()).collect()
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
            home,
            keychain: Keychain { service },
        }
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
        let name: String = url::form_urlencoded::byte_serialize(instance.as_bytes()).collect();
        self.home.join("apps").join(format!("{name}.json"))
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

    /// The backend a new channel goes to: file only when asked now or remembered.
    pub fn choose_backend(
        &self,
        insecure_flag: bool,
        keychain_flag: bool,
    ) -> Result<Backend, Error> {
        if insecure_flag {
            return Ok(Backend::File);
        }
        if keychain_flag {
            return Ok(Backend::Keychain);
        }
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

    /// Every stored channel, by name.
    /// Every stored channel. One unreadable file does not hide the others: it is
    /// listed apart, for the caller to report.
    pub fn list(&self) -> Result<Listing, Error> {
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
        listing.channels.sort_by(|a, b| a.channel.cmp(&b.channel));
        listing.unreadable.sort_by(|a, b| a.channel.cmp(&b.channel));
        Ok(listing)
    }

    pub fn get(&self, name: &str) -> Result<Channel, Error> {
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
        let previous = read_json::<Channel>(&self.channel_path(&channel.channel), CONNECT_AGAIN)?;
        match channel.store {
            Backend::Keychain => {
                let json = serde_json::to_string(secrets).expect("secrets serialize");
                self.keychain.set(&channel.channel, &json)?;
            }
            Backend::File => {
                let json = serde_json::to_vec_pretty(secrets).expect("secrets serialize");
                file::write_atomic(&self.secrets_path(&channel.channel), &json)?;
            }
        }
        self.update_meta(channel)?;
        // Re-connecting into another backend: do not leave the old copy behind.
        if let Some(old) = previous.filter(|old| old.store != channel.store) {
            self.delete_secrets(&old)?;
        }
        if let Some(choice) = preference {
            let _lock = self.lock()?;
            let mut settings = self.read_settings()?;
            settings.insecure_storage = choice == Backend::File;
            file::write_atomic(
                &self.home.join(SETTINGS_FILE),
                &serde_json::to_vec_pretty(&settings).expect("settings serialize"),
            )?;
        }
        Ok(())
    }

    pub fn secrets(&self, channel: &Channel) -> Result<Secrets, Error> {
        let missing = || Error::Store {
            what: format!(
                "the secrets of {} are missing from the {}",
                channel.channel,
                channel.store.as_str()
            ),
            fix: format!("connect it again: postiz-connect {}", channel.provider),
        };
        match channel.store {
            Backend::Keychain => match self.keychain.get(&channel.channel) {
                Ok(json) => serde_json::from_str(&json).map_err(|_| Error::Store {
                    what: format!(
                        "the keychain entry of {} is not in the expected format",
                        channel.channel
                    ),
                    fix: format!("connect it again: postiz-connect {}", channel.provider),
                }),
                Err(KeychainError::NotFound) => Err(missing()),
                Err(KeychainError::Failed(e)) => Err(e),
            },
            Backend::File => {
                read_json(&self.secrets_path(&channel.channel), CONNECT_AGAIN)?.ok_or_else(missing)
            }
        }
    }

    /// Write a channel's metadata (not its secrets).
    pub fn update_meta(&self, channel: &Channel) -> Result<(), Error> {
        let json = serde_json::to_vec_pretty(channel).expect("channel serializes");
        file::write_atomic(&self.channel_path(&channel.channel), &json)
    }

    /// An exclusive lock on one channel across processes, held while it is refreshed,
    /// so two refreshers never spend the same rotating token.
    pub fn lock_channel(&self, name: &str) -> Result<File, Error> {
        let dir = self.home.join("locks");
        file::ensure_dir(&dir)?;
        lock_file(&dir.join(format!("{}.lock", file_key(name))))
    }

    /// Last resort when the store refuses tokens the provider already rotated: a 0600
    /// file holding the channel and its secrets, for `postiz-connect restore`.
    pub fn write_recovery(&self, channel: &Channel, secrets: &Secrets) -> Result<PathBuf, Error> {
        let path = self.home.join("recovery").join(format!(
            "{}-{}.json",
            file_key(&channel.channel),
            Utc::now().format("%Y%m%dT%H%M%S%.3fZ")
        ));
        let record = Recovery {
            channel: channel.clone(),
            secrets: secrets.clone(),
        };
        file::write_atomic(
            &path,
            &serde_json::to_vec_pretty(&record).expect("serializes"),
        )?;
        Ok(path)
    }

    /// Put a recovery file's channel back into the store (then the file can go).
    pub fn restore(&self, path: &Path) -> Result<Channel, Error> {
        let record: Recovery = read_json(
            path,
            "look for a newer recovery file, or reconnect the channel",
        )?
        .ok_or_else(|| Error::Store {
            what: format!("{} does not exist", path.display()),
            fix: "give the path printed when the refresh failed".into(),
        })?;
        let _lock = self.lock_channel(&record.channel.channel)?;
        self.save(&record.channel, &record.secrets, None)?;
        Ok(record.channel)
    }

    /// Remove a channel: its secrets, then its metadata.
    pub fn remove(&self, channel: &Channel) -> Result<(), Error> {
        self.delete_secrets(channel)?;
        remove_if_present(&self.channel_path(&channel.channel))
    }

    fn delete_secrets(&self, channel: &Channel) -> Result<(), Error> {
        match channel.store {
            Backend::Keychain => self.keychain.delete(&channel.channel),
            Backend::File => remove_if_present(&self.secrets_path(&channel.channel)),
        }
    }

    /// An exclusive lock across processes for read-modify-write of the settings.
    fn lock(&self) -> Result<File, Error> {
        file::ensure_dir(&self.home)?;
        lock_file(&self.home.join(LOCK_FILE))
    }

    fn read_settings(&self) -> Result<Settings, Error> {
        let path = self.home.join(SETTINGS_FILE);
        let settings: Settings =
            read_json(&path, "the storage choice is asked again")?.unwrap_or_default();
        if settings.version > STORE_VERSION {
            return Err(Error::Store {
                what: format!(
                    "{} was written by a newer postiz-connect (format {})",
                    path.display(),
                    settings.version
                ),
                fix: "upgrade postiz-connect".into(),
            });
        }
        Ok(settings)
    }
}

fn read_error(path: &Path, e: &std::io::Error) -> Error {
    Error::Store {
        what: format!("cannot read {}: {e}", path.display()),
        fix: "check the permissions of the config dir".into(),
    }
}

/// Ok(None) when the file does not exist; a corrupt file is an error naming it.
/// `then`: what to do once the corrupt file is moved aside.
fn read_json<T: serde::de::DeserializeOwned>(path: &Path, then: &str) -> Result<Option<T>, Error> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(read_error(path, &e)),
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| Error::Store {
            what: format!("{} is corrupt: {e}", path.display()),
            fix: format!(
                "move it aside (mv '{0}' '{0}.bak'); then {then}",
                path.display()
            ),
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

#[derive(Serialize, Deserialize)]
struct Recovery {
    channel: Channel,
    secrets: Secrets,
}

fn lock_file(path: &Path) -> Result<File, Error> {
    let fail = |e: std::io::Error| Error::Store {
        what: format!("cannot lock {}: {e}", path.display()),
        fix: "check the permissions of the config dir".into(),
    };
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(fail)?;
    lock.lock().map_err(fail)?;
    Ok(lock)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn sample(name: &str, store: Backend) -> Channel {
        Channel {
            channel: name.into(),
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
                issuer: None,
                require_iss: false,
            },
            redirect_uri: "http://127.0.0.1:2/callback".into(),
            wire: Wire::default(),
            refresh: RefreshRule::default(),
            callback_params: BTreeMap::new(),
            token_fields: BTreeMap::new(),
            token_issued_at: None,
            page: None,
            oauth1: false,
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
        assert_eq!(store.choose_backend(false, false).unwrap(), Backend::File);
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
    fn names_map_to_distinct_files() {
        assert_ne!(file_key("a:b"), file_key("a_b"));
        assert_ne!(file_key("a b"), file_key("a+b"));
        assert!(!file_key("x:y/../z").contains(['/', ':']));
    }

    #[test]
    fn recovery_file_restores_the_channel() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let ch = sample("custom:alice", Backend::File);
        let secrets = Secrets {
            access_token: "AT2".into(),
            refresh_token: Some("RT2".into()),
            ..Default::default()
        };
        let path = store.write_recovery(&ch, &secrets).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        assert!(store.get("custom:alice").is_err());
        store.restore(&path).unwrap();
        assert_eq!(
            store.secrets(&store.get("custom:alice").unwrap()).unwrap(),
            secrets
        );
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
