//! Where channels live. Secrets (access, refresh and id tokens, the client secret) go to
//! the OS keychain, one entry per channel, or, only when the user chose it explicitly, to a
//! 0600 file. Non-secret metadata goes to `channels.json`. Secrets are written before the
//! index, so a crash never leaves an index entry pointing at nothing new.

pub mod file;
pub mod keychain;

use std::collections::BTreeMap;
use std::fmt;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::oauth::flow::Endpoints;
use crate::providers::identity::Account;
use crate::providers::ClientAuth;
use keychain::{Keychain, KeychainError};

const INDEX_FILE: &str = "channels.json";
const SECRETS_FILE: &str = "secrets.json";
const LOCK_FILE: &str = ".lock";
const INDEX_VERSION: u32 = 1;

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
}

impl fmt::Debug for Secrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Secrets")
            .field("access_token", &"[redacted]")
            .field("has_refresh_token", &self.refresh_token.is_some())
            .field("has_id_token", &self.id_token.is_some())
            .field("has_client_secret", &self.client_secret.is_some())
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
    pub client_id: String,
    pub client_auth: ClientAuth,
    pub endpoints: Endpoints,
    pub redirect_uri: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Index {
    version: u32,
    /// The user chose file storage once; remembered so they are not asked every time.
    #[serde(default)]
    insecure_storage: bool,
    #[serde(default)]
    channels: BTreeMap<String, Channel>,
}

impl Default for Index {
    fn default() -> Self {
        Index {
            version: INDEX_VERSION,
            insecure_storage: false,
            channels: BTreeMap::new(),
        }
    }
}

/// The store rooted at the config dir (`POSTIZ_CONNECT_HOME` overrides it).
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

    pub fn home(&self) -> &Path {
        &self.home
    }

    pub fn keychain_service(&self) -> &str {
        &self.keychain.service
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
        Ok(if self.read_index()?.insecure_storage {
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

    pub fn list(&self) -> Result<Vec<Channel>, Error> {
        Ok(self.read_index()?.channels.into_values().collect())
    }

    pub fn get(&self, name: &str) -> Result<Channel, Error> {
        let index = self.read_index()?;
        index.channels.get(name).cloned().ok_or_else(|| {
            let known: Vec<&str> = index.channels.keys().map(String::as_str).collect();
            Error::Usage(if known.is_empty() {
                format!("no channel named '{name}': nothing is connected yet (postiz-connect <provider>)")
            } else {
                format!("no channel named '{name}'; stored channels: {}", known.join(", "))
            })
        })
    }

    /// Store a channel: secrets first, then the index.
    /// `preference`: the backend the user chose explicitly this time, remembered for next time.
    pub fn save(
        &self,
        channel: &Channel,
        secrets: &Secrets,
        preference: Option<Backend>,
    ) -> Result<(), Error> {
        let _lock = self.lock()?;
        match channel.store {
            Backend::Keychain => {
                let json = serde_json::to_string(secrets).expect("secrets serialize");
                self.keychain.set(&channel.channel, &json)?;
            }
            Backend::File => {
                let mut all = self.read_secret_file()?;
                all.insert(channel.channel.clone(), secrets.clone());
                self.write_secret_file(&all)?;
            }
        }
        let mut index = self.read_index()?;
        // Re-connecting into another backend: do not leave the old copy behind.
        if let Some(old) = index.channels.get(&channel.channel) {
            if old.store != channel.store {
                self.delete_secrets(old)?;
            }
        }
        if let Some(choice) = preference {
            index.insecure_storage = choice == Backend::File;
        }
        index
            .channels
            .insert(channel.channel.clone(), channel.clone());
        self.write_index(&index)
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
            Backend::File => self
                .read_secret_file()?
                .remove(&channel.channel)
                .ok_or_else(missing),
        }
    }

    /// Replace a channel's metadata (not its secrets), if it is still stored.
    pub fn update_meta(&self, channel: &Channel) -> Result<(), Error> {
        let _lock = self.lock()?;
        let mut index = self.read_index()?;
        if let Some(slot) = index.channels.get_mut(&channel.channel) {
            *slot = channel.clone();
            self.write_index(&index)?;
        }
        Ok(())
    }

    /// An exclusive lock on one channel across processes, held while it is refreshed,
    /// so two refreshers never spend the same rotating token.
    pub fn lock_channel(&self, name: &str) -> Result<File, Error> {
        let dir = self.home.join("locks");
        file::ensure_dir(&dir)?;
        let safe: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        lock_file(&dir.join(format!("{safe}.lock")))
    }

    /// Last resort when the store refuses tokens the provider already rotated: a 0600
    /// file holding the channel and its secrets, for `postiz-connect restore`.
    pub fn write_recovery(&self, channel: &Channel, secrets: &Secrets) -> Result<PathBuf, Error> {
        let safe: String = channel
            .channel
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let path = self.home.join("recovery").join(format!(
            "{safe}-{}.json",
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
        let bytes = std::fs::read(path).map_err(|e| Error::Store {
            what: format!("cannot read {}: {e}", path.display()),
            fix: "give the path printed when the refresh failed".into(),
        })?;
        let record: Recovery = serde_json::from_slice(&bytes).map_err(|e| Error::Store {
            what: format!(
                "{} is not a postiz-connect recovery file: {e}",
                path.display()
            ),
            fix: "give the path printed when the refresh failed".into(),
        })?;
        self.save(&record.channel, &record.secrets, None)?;
        Ok(record.channel)
    }

    /// Remove a channel: its secrets, then its index entry.
    pub fn remove(&self, channel: &Channel) -> Result<(), Error> {
        let _lock = self.lock()?;
        self.delete_secrets(channel)?;
        let mut index = self.read_index()?;
        index.channels.remove(&channel.channel);
        self.write_index(&index)
    }

    fn delete_secrets(&self, channel: &Channel) -> Result<(), Error> {
        match channel.store {
            Backend::Keychain => self.keychain.delete(&channel.channel),
            Backend::File => {
                let mut all = self.read_secret_file()?;
                if all.remove(&channel.channel).is_some() {
                    self.write_secret_file(&all)?;
                }
                Ok(())
            }
        }
    }

    /// An exclusive lock across processes for read-modify-write of the store.
    fn lock(&self) -> Result<File, Error> {
        file::ensure_dir(&self.home)?;
        lock_file(&self.home.join(LOCK_FILE))
    }

    fn read_index(&self) -> Result<Index, Error> {
        let path = self.home.join(INDEX_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Index::default()),
            Err(e) => {
                return Err(Error::Store {
                    what: format!("cannot read {}: {e}", path.display()),
                    fix: "check the file's permissions".into(),
                })
            }
        };
        let index: Index = serde_json::from_str(&text).map_err(|e| Error::Store {
            what: format!("{} is corrupt: {e}", path.display()),
            fix: format!(
                "move it aside (mv {0} {0}.bak) and connect the channels again; the tokens are still in the keychain",
                path.display()
            ),
        })?;
        if index.version > INDEX_VERSION {
            return Err(Error::Store {
                what: format!(
                    "{} was written by a newer postiz-connect (format {})",
                    path.display(),
                    index.version
                ),
                fix: "upgrade postiz-connect".into(),
            });
        }
        Ok(index)
    }

    fn write_index(&self, index: &Index) -> Result<(), Error> {
        let json = serde_json::to_vec_pretty(index).expect("index serializes");
        file::write_atomic(&self.home.join(INDEX_FILE), &json)
    }

    fn read_secret_file(&self) -> Result<BTreeMap<String, Secrets>, Error> {
        let path = self.home.join(SECRETS_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| Error::Store {
                what: format!("{} is corrupt: {e}", path.display()),
                fix: format!(
                    "move it aside (mv {0} {0}.bak) and connect the channels again",
                    path.display()
                ),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
            Err(e) => Err(Error::Store {
                what: format!("cannot read {}: {e}", path.display()),
                fix: "check the file's permissions".into(),
            }),
        }
    }

    fn write_secret_file(&self, all: &BTreeMap<String, Secrets>) -> Result<(), Error> {
        let json = serde_json::to_vec_pretty(all).expect("secrets serialize");
        file::write_atomic(&self.home.join(SECRETS_FILE), &json)
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
        assert_eq!(store.list().unwrap().len(), 1);
        let index = std::fs::read_to_string(dir.path().join(INDEX_FILE)).unwrap();
        assert!(
            !index.contains("\"AT\"") && !index.contains("RT\""),
            "{index}"
        );
        store.remove(&ch).unwrap();
        assert!(store.get("custom:alice").is_err());
        assert!(store.secrets(&ch).is_err());
    }

    #[test]
    fn corrupt_index_is_a_clear_error_and_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(INDEX_FILE), "{not json").unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let err = store.list().unwrap_err();
        assert!(err.to_string().contains("corrupt"));
        assert!(err.fix().unwrap().contains("mv "));
        let ch = sample("custom:alice", Backend::File);
        assert!(store.save(&ch, &Secrets::default(), None).is_err());
        assert_eq!(
            std::fs::read_to_string(dir.path().join(INDEX_FILE)).unwrap(),
            "{not json"
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
