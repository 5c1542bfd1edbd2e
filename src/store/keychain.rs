//! The OS keychain through `keyring` (Secret Service on Linux, Keychain on macOS,
//! Credential Manager on Windows). Every call runs under a timeout: on a desktop a locked
//! keychain may wait for a password prompt nobody answers.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use crate::error::Error;

pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct Keychain {
    pub service: String,
}

#[derive(Debug)]
pub enum KeychainError {
    NotFound,
    Failed(Error),
}

impl Keychain {
    pub fn set(&self, user: &str, secret: &str) -> Result<(), Error> {
        let secret = secret.to_string();
        self.call(user, "write", move |e| e.set_password(&secret))
            .map_err(flatten)
    }

    pub fn get(&self, user: &str) -> Result<String, KeychainError> {
        self.call(user, "read", |e| e.get_password())
    }

    /// Deleting what is not there is fine.
    pub fn delete(&self, user: &str) -> Result<(), Error> {
        match self.call(user, "delete", |e| e.delete_credential()) {
            Ok(()) | Err(KeychainError::NotFound) => Ok(()),
            Err(KeychainError::Failed(e)) => Err(e),
        }
    }

    /// Write, read back and delete a probe entry: proves the keychain works before a
    /// login is spent on it.
    pub fn probe(&self) -> Result<(), Error> {
        let user = format!("probe-{}", std::process::id());
        self.set(&user, "probe")?;
        let back = self.get(&user).map_err(flatten)?;
        self.delete(&user)?;
        if back != "probe" {
            return Err(unavailable(
                "the keychain returned something else than was written",
            ));
        }
        Ok(())
    }

    fn call<T: Send + 'static>(
        &self,
        user: &str,
        action: &'static str,
        op: impl FnOnce(&keyring::Entry) -> keyring::Result<T> + Send + 'static,
    ) -> Result<T, KeychainError> {
        let (tx, rx) = mpsc::channel();
        let service = self.service.clone();
        let user = user.to_string();
        thread::spawn(move || {
            let result = keyring::Entry::new(&service, &user).and_then(|e| op(&e));
            let _ = tx.send(result);
        });
        match rx.recv_timeout(TIMEOUT) {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(keyring::Error::NoEntry)) => Err(KeychainError::NotFound),
            Ok(Err(e)) => Err(KeychainError::Failed(describe(action, &e))),
            Err(_) => Err(KeychainError::Failed(unavailable(&format!(
                "the keychain did not answer a {action} within {} s (locked, waiting for a password prompt?)",
                TIMEOUT.as_secs()
            )))),
        }
    }
}

fn flatten(e: KeychainError) -> Error {
    match e {
        KeychainError::NotFound => {
            unavailable("the keychain lost the test secret it had just stored")
        }
        KeychainError::Failed(e) => e,
    }
}

/// The keychain error in words a user reads; the library's own text is kept for `-v`.
fn describe(action: &str, e: &keyring::Error) -> Error {
    let text = e.to_string();
    let lower = text.to_ascii_lowercase();
    let what = if lower.contains("locked") {
        "the keychain is locked".to_string()
    } else if lower.contains("d-bus")
        || lower.contains("dbus")
        || lower.contains("org.freedesktop.secrets")
        || lower.contains("no default store")
    {
        "no keychain is running here".to_string()
    } else {
        format!("the keychain refused a {action}")
    };
    unavailable(&what).with_detail(format!("keychain {action}: {text}"))
}

/// One sentence: what is missing, and the two ways on.
fn unavailable(what: &str) -> Error {
    Error::Config {
        what: format!(
            "{what}, so the tokens have nowhere safe to go: start a keyring (on Linux a Secret Service such as gnome-keyring or KeePassXC, in a D-Bus session), or add --insecure-storage to keep them in a 0600 file instead"
        ),
        fix: String::new(),
    }
}
