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
                REFUSED_FIX,
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
            Err(_) => Err(KeychainError::Failed(unavailable(
                &format!(
                    "the keychain did not answer a {action} within {} s (locked, waiting for a password prompt?)",
                    TIMEOUT.as_secs()
                ),
                LOCKED_FIX,
            ))),
        }
    }
}

fn flatten(e: KeychainError) -> Error {
    match e {
        KeychainError::NotFound => unavailable(
            "the keychain lost the test secret it had just stored",
            REFUSED_FIX,
        ),
        KeychainError::Failed(e) => e,
    }
}

/// The keychain error in words a user reads, told apart by its variant; the library's
/// own text is kept for `-v`. On Linux three states need three different fixes: no Secret
/// Service at all, one with no default collection (a gnome-keyring that D-Bus activation
/// started without a login keyring), and one whose default collection is locked.
fn describe(action: &str, e: &keyring::Error) -> Error {
    let (what, fix) = match e {
        // No store could be set up: no D-Bus session, no Secret Service on it.
        keyring::Error::NoDefaultStore => (NO_SERVICE.to_string(), NO_SERVICE_FIX),
        keyring::Error::NoStorageAccess(inner) if is_without_default(inner.as_ref()) => {
            (NO_DEFAULT.to_string(), NO_DEFAULT_FIX)
        }
        keyring::Error::NoStorageAccess(inner) if is_locked(inner.as_ref()) => {
            (LOCKED.to_string(), LOCKED_FIX)
        }
        keyring::Error::PlatformFailure(inner) if is_missing(inner.as_ref()) => {
            (NO_SERVICE.to_string(), NO_SERVICE_FIX)
        }
        _ => (format!("the keychain refused a {action}"), REFUSED_FIX),
    };
    unavailable(&what, fix).with_detail(format!("keychain {action}: {e}"))
}

#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
mod words {
    pub const NO_SERVICE: &str = "no keychain is running here (no Secret Service answers on D-Bus)";
    pub const NO_SERVICE_FIX: &str = "start one: `dbus-run-session -- bash` (a D-Bus session; not needed on a desktop), then in it `read -rs password; printf %s \"$password\" | gnome-keyring-daemon --replace --unlock --components=secrets` (docs/storage.md, \"Where tokens are stored\"); or add --insecure-storage to keep the tokens in a 0600 file instead";
    pub const NO_DEFAULT: &str = "the Secret Service here has no default collection to write to (a gnome-keyring started without a login keyring)";
    pub const NO_DEFAULT_FIX: &str = "create and unlock one: `read -rs password; printf %s \"$password\" | gnome-keyring-daemon --replace --unlock --components=secrets` (the password you type becomes the login keyring's); or add --insecure-storage to keep the tokens in a 0600 file instead";
    pub const LOCKED: &str =
        "the keychain is locked (its default collection exists, and no unlock prompt could be shown)";
    pub const LOCKED_FIX: &str = "unlock it with its password: `read -rs password; printf %s \"$password\" | gnome-keyring-daemon --replace --unlock --components=secrets` (gnome-keyring), or from the desktop's password manager; or add --insecure-storage to keep the tokens in a 0600 file instead";
}

#[cfg(not(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
)))]
mod words {
    pub const NO_SERVICE: &str = "no keychain is running here";
    pub const NO_SERVICE_FIX: &str =
        "add --insecure-storage to keep the tokens in a 0600 file instead";
    pub const NO_DEFAULT: &str = "the keychain has no default collection to write to";
    pub const NO_DEFAULT_FIX: &str = NO_SERVICE_FIX;
    pub const LOCKED: &str = "the keychain is locked";
    pub const LOCKED_FIX: &str =
        "unlock it, or add --insecure-storage to keep the tokens in a 0600 file instead";
}

use words::*;

const REFUSED_FIX: &str = "run with -v to see the keychain's own words; or add --insecure-storage to keep the tokens in a 0600 file instead";

type PlatformError = dyn std::error::Error + Send + Sync;

/// The store refused access because it is locked (or its unlock prompt was dismissed).
#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn is_locked(inner: &PlatformError) -> bool {
    use secret_service::Error as Ss;
    matches!(inner.downcast_ref::<Ss>(), Some(Ss::Locked | Ss::Prompt))
}

/// The default alias names no collection: Secret Service answers "/" for it, which the
/// crate reports as "no result".
#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn is_without_default(inner: &PlatformError) -> bool {
    use secret_service::Error as Ss;
    matches!(inner.downcast_ref::<Ss>(), Some(Ss::NoResult))
}

#[cfg(not(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
)))]
fn is_without_default(_inner: &PlatformError) -> bool {
    false
}

/// On macOS and Windows no access to the store means a locked keychain.
#[cfg(not(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
)))]
fn is_locked(_inner: &PlatformError) -> bool {
    true
}

/// The Secret Service is not there: no D-Bus session, or nothing owns its name on it.
#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn is_missing(inner: &PlatformError) -> bool {
    use secret_service::Error as Ss;
    matches!(
        inner.downcast_ref::<Ss>(),
        Some(Ss::Zbus(_) | Ss::ZbusFdo(_) | Ss::Unavailable)
    )
}

#[cfg(not(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
)))]
fn is_missing(_inner: &PlatformError) -> bool {
    false
}

/// What is missing (one sentence), and the fix for that state with the other way on.
fn unavailable(what: &str, fix: &str) -> Error {
    Error::Config {
        what: format!("{what}, so the tokens have nowhere safe to go"),
        fix: fix.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(e: keyring::Error) -> String {
        describe("write", &e).to_string()
    }

    /// Told apart by variant: the words of the library (which the old text matching
    /// looked for) play no part.
    #[test]
    fn keychain_errors_are_told_apart_by_their_type() {
        assert!(said(keyring::Error::NoDefaultStore).starts_with("no keychain is running here"));
        let platform = |text: &str| -> Box<PlatformError> {
            Box::new(std::io::Error::other(text.to_string()))
        };
        // A message that reads "locked" or "D-Bus" is not a locked or missing keychain.
        assert!(said(keyring::Error::PlatformFailure(platform(
            "dbus object locked"
        )))
        .starts_with("the keychain refused a write"));
        assert!(
            said(keyring::Error::BadStoreFormat("no default store".into()))
                .starts_with("the keychain refused a write")
        );
        #[cfg(all(
            unix,
            not(any(target_os = "macos", target_os = "ios", target_os = "android"))
        ))]
        {
            use secret_service::Error as Ss;
            let locked = keyring::Error::NoStorageAccess(Box::new(Ss::Locked));
            assert!(said(locked).starts_with("the keychain is locked"));
            // The default alias names no collection: not "locked", not "refused".
            let empty = keyring::Error::NoStorageAccess(Box::new(Ss::NoResult));
            assert!(said(empty).contains("has no default collection"));
            let fix = describe(
                "write",
                &keyring::Error::NoStorageAccess(Box::new(Ss::NoResult)),
            )
            .fix()
            .unwrap();
            assert!(
                fix.contains("gnome-keyring-daemon --replace --unlock"),
                "{fix}"
            );
            let gone = keyring::Error::PlatformFailure(Box::new(Ss::Unavailable));
            assert!(said(gone).starts_with("no keychain is running here"));
            let crypto = keyring::Error::PlatformFailure(Box::new(Ss::Crypto("bad padding")));
            assert!(said(crypto).starts_with("the keychain refused a write"));
        }
    }
}
