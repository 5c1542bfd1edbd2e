//! The model: plain data the rest of the crate shares, with no dependency on any other
//! module of the crate (only on std and external crates).
//!
//! - [`catalog`]: the schema of a provider catalog entry (endpoints, scopes, PKCE rule,
//!   client authentication, refresh rule, pages, identity, OAuth 1.0a, registration).
//! - [`wire`]: how a token request is encoded, and its answer wrapped.
//! - [`endpoints`]: the endpoints of one connection and the client it connects as.
//! - [`record`]: the versions of stored files (channels, held logins, pending records)
//!   and their rules, written before a stored type's own fields (see there).
//! - [`template`]: `{placeholder}` filling, as catalog parameters are written.
//! - [`diagnosis`]: one finding of `doctor` or `postiz status` (what, how bad, the
//!   evidence, the fix), with its severity.
//!
//! `providers` (loading catalogs), `oauth` (the flow) and `store` (channels) all build on
//! these types; behaviour that needs a service (HTTP, the file system) lives there, not
//! here.

pub mod catalog;
pub mod diagnosis;
pub mod endpoints;
pub mod record;
pub mod template;
pub mod wire;

pub use catalog::{
    ClientAuth, ErrorFormat, GrantedScopes, Identity, LoopbackPort, OAuth1, PageToken, Pages,
    PagesParent, PagesSource, PkceEncoding, PkceRule, Provider, RefreshRule, RefreshStyle,
    Registration, ScopesEndpoint, BASE,
};
pub use diagnosis::{Finding, Severity};
pub use endpoints::{ClientCredentials, Endpoints};
pub use wire::{Envelope, Exchange, TokenFormat, Wire};
