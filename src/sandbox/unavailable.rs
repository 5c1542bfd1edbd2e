//! A build without the cargo feature `sandbox`: the same [`Sandbox`] type, which cannot be
//! started (it has no values), so every caller compiles unchanged and says why.

use std::convert::Infallible;

use super::config::Config;
use crate::error::Error;
use crate::model::{ClientCredentials, Endpoints};
use crate::providers::Provider;

/// A running sandbox, which a build without the emulator never has.
pub struct Sandbox {
    never: Infallible,
}

impl Sandbox {
    /// Always an error: this build has no emulator.
    pub fn start(config: Config, _port: u16) -> Result<Sandbox, Error> {
        Err(Error::Config {
            what: format!(
                "this postiz-connect was built without the sandbox (cargo feature `sandbox`), so it cannot emulate {}",
                config.provider.name
            ),
            fix: "use a build with the default features, or connect with --sandbox-at to a sandbox that such a build runs (`postiz-connect sandbox`)".into(),
        })
    }

    pub fn base_url(&self) -> &str {
        match self.never {}
    }

    pub fn provider(&self) -> Provider {
        match self.never {}
    }

    pub fn endpoints(&self) -> Endpoints {
        match self.never {}
    }

    pub fn client(&self) -> ClientCredentials {
        match self.never {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::Catalog;

    #[test]
    fn starting_says_the_build_has_no_sandbox() {
        let config = Config {
            provider: Catalog::embedded().get("twitter").unwrap().clone(),
            auto_approve: true,
            faults: vec![],
            access_ttl: 60,
        };
        let Err(Error::Config { what, fix }) = Sandbox::start(config, 0) else {
            panic!("a build without the emulator started one");
        };
        assert!(what.contains("cargo feature `sandbox`"), "{what}");
        assert!(fix.contains("--sandbox-at"), "{fix}");
    }
}
