//! How an emulator behaves: the catalog entry it plays and the faults it injects.

use super::faults::Fault;
use crate::providers::Provider;

/// How the emulator behaves.
#[derive(Debug, Clone)]
pub struct Config {
    pub provider: Provider,
    pub auto_approve: bool,
    pub faults: Vec<Fault>,
    /// Access-token lifetime in seconds.
    pub access_ttl: u64,
}

impl Config {
    /// Whether `fault` is injected.
    #[cfg_attr(not(feature = "sandbox"), allow(dead_code))]
    pub(crate) fn has(&self, fault: &Fault) -> bool {
        self.faults.contains(fault)
    }
}
