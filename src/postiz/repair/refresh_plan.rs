//! `postiz refresh`'s decisions for one row, pure: the row read (with the rows of the same
//! login), the record an earlier refresh left in the local store, the catalog, the time,
//! the deployment's settings and the command's options in; a [`Decision`] out (refuse,
//! skip, or a [`Plan`]: the provider request, the columns and rows the write changes, the
//! workflow to start). The plan then decides the rest as the answers come: what to do with
//! a failed request, which tokens to keep and with which expiry, whether a page row's page
//! is still there. `refresh.rs` does what it says (the provider call, the records, the row
//! write and its read-back, Temporal); a dry run shows the plan and does none of it.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::deployment::{deployment_flag, launches_in, share_root};
use super::writer::{self as repair, SecretRow};
use crate::error::Error;
use crate::model::ClientCredentials;
use crate::postiz::engine::Notice;
use crate::postiz::locate::Target;
use crate::postiz::refreshable::{self, RowFacts, Verdict};
use crate::postiz::{self};
use crate::providers::{credentials, Catalog, EnvFile, Pages, Provider, RefreshRule, RefreshStyle};
use crate::refresh::{classify, retry_delay, Class};
use crate::secret::{ExposeOption, Secret};

/// `postiz refresh`'s options.
pub struct RefreshArgs<'a> {
    pub ids: &'a [String],
    pub deployment: &'a Target<'a>,
    pub client_id: Option<&'a str>,
    pub client_secret: Option<&'a str>,
    pub sandbox_at: Option<&'a str>,
    pub dry_run: bool,
}

/// What the decision reads. Nothing here is fetched by it: the applier reads the rows and
/// the local store first.
pub(super) struct Inputs<'a> {
    pub(super) row: &'a SecretRow,
    /// The other rows of the same login (LinkedIn's `oneTimeToken` copy), read when
    /// [`share_root`] names a root.
    pub(super) shared: &'a [SecretRow],
    /// A record an earlier refresh of these very tokens left in `postiz-pending/`.
    pub(super) pending_record: Option<&'a Path>,
    pub(super) catalog: &'a Catalog,
    pub(super) now: DateTime<Utc>,
    pub(super) args: &'a RefreshArgs<'a>,
    /// The deployment's `.env`, and the environment read when there is none.
    pub(super) env_file: Option<&'a EnvFile>,
    pub(super) env: &'a dyn Fn(&str) -> Option<String>,
}

/// What to do with a row.
pub(super) enum Decision {
    /// Not refreshed, nothing called: the error says why, what to do, and the exit code.
    Refuse(Error),
    /// Nothing can refresh the row (not a failure): `code` is stable, for scripts.
    Skip {
        code: &'static str,
        reason: String,
    },
    Refresh(Box<Plan>),
}

/// The request the provider gets. Postiz refreshes Meta's long-lived tokens with
/// `integration.refreshToken`, which holds the access token itself (threads.provider.ts,
/// instagram.standalone.provider.ts); `''` and Slack's `'null'` are never sent.
pub(super) struct Request {
    pub(super) refresh_token: Option<Secret>,
    pub(super) access_token: Secret,
    /// What Postiz keeps beside the refresh token (VK's `device_id`).
    pub(super) params: BTreeMap<String, String>,
}

/// A refresh to make.
pub(super) struct Plan {
    /// `linkedin "Name" (row ID)`, for messages.
    pub(super) label: String,
    pub(super) row_id: String,
    /// Postiz's identifier (`providerIdentifier`).
    pub(super) provider_id: String,
    pub(super) internal_id: String,
    /// The catalog entry, moved to the sandbox or to the deployment's instance.
    pub(super) provider: Provider,
    pub(super) client: ClientCredentials,
    pub(super) rule: RefreshRule,
    pub(super) request: Request,
    /// A crashed refresh left `inBetweenSteps` set: the write clears it.
    pub(super) clear_between_steps: bool,
    /// A page row whose refresh crashed: after the refresh the login must still list its
    /// page, as Postiz's `reConnect` checks (youtube, gmb, tumblr, linkedin-page).
    pub(super) page_check: Option<Pages>,
    /// What a choice is called ("page", "channel", "blog", "location").
    pub(super) kind: String,
    /// The columns the write sets, as a dry run names them.
    pub(super) sets: Vec<&'static str>,
    /// The `rootInternalId` whose other rows get the tokens too (LinkedIn).
    pub(super) share_root: Option<String>,
    /// The rows the write changes: the row, then those of the same login.
    pub(super) rows: Vec<String>,
    /// Postiz's refresh workflow is (re)started after the write (threads,
    /// instagram-standalone).
    pub(super) starts_workflow: bool,
    /// Where the channel is reconnected in Postiz.
    pub(super) launches: String,
    /// How the user named the deployment, for the commands printed back.
    pub(super) flag: String,
}

/// What a dry run shows: the plan, nothing called, nothing written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub client_id: String,
    /// The kind of choice whose listing would be checked (a crashed page refresh).
    pub page_check: Option<String>,
    pub would_set: Vec<&'static str>,
    pub would_change: Vec<String>,
    /// The other rows of the same login, as messages name them.
    pub shared: Vec<String>,
}

/// What the provider answered, as far as the row is concerned.
pub(super) struct Issued {
    pub(super) access_token: Secret,
    pub(super) refresh_token: Option<Secret>,
    pub(super) expires_at: Option<DateTime<Utc>>,
}

/// The tokens the row gets, in Postiz's form.
pub(super) struct NewTokens {
    pub(super) token: Secret,
    /// As `refreshToken` holds it (VK: `<token>&&&&<device id>`).
    pub(super) refresh_token: Secret,
    pub(super) expiration: DateTime<Utc>,
    /// The provider issued a refresh token other than the one sent.
    pub(super) rotated: bool,
}

/// What to do after a failed request.
pub(super) enum OnFailure {
    /// Send it again after this wait: it never reached the provider, or was declined.
    Retry(Duration),
    /// The provider says the grant is dead: unless the row changed meanwhile (see
    /// [`Plan::dead_grant`]).
    DeadGrant(Error),
    Fail(Error),
}

/// The outcome of the check that the login still lists a page row's page.
pub(super) enum PageCheck {
    Listed,
    /// Nothing written. `drop_record`: the refresh token was not rotated, so the row's is
    /// still live and the record has nothing worth keeping.
    Refuse {
        error: Error,
        drop_record: bool,
    },
}

/// The decision for one row.
pub(super) fn decide(input: &Inputs<'_>, notices: &mut Vec<Notice>) -> Decision {
    match plan(input, notices) {
        Ok(decision) => decision,
        Err(e) => Decision::Refuse(e),
    }
}

fn plan(input: &Inputs<'_>, notices: &mut Vec<Notice>) -> Result<Decision, Error> {
    let row = input.row;
    let label = row.label();
    let launches = launches_in(input.env_file, input.env);
    if row.deleted {
        return Err(Error::Rejected {
            what: format!("{label} was deleted in Postiz"),
            fix: format!("connect it again from {launches}"),
        });
    }
    // The one decision `postiz status` shares: what can be refreshed, and how.
    let facts = RowFacts {
        provider: &row.provider,
        internal_id: &row.internal_id,
        root_internal_id: row.root_internal_id.as_deref(),
        in_between_steps: row.in_between_steps,
        token_expiration: row.token_expiration,
        has_refresh_token: row.has_refresh_token(),
    };
    let (clear_between_steps, page_check) =
        match refreshable::verdict(&facts, input.catalog, input.now) {
            Verdict::Unknown => {
                return Err(Error::Config {
                    what: format!(
                        "{label}: this tool does not know how to refresh Postiz's {} provider",
                        row.provider
                    ),
                    fix: format!("reconnect it from {launches} when it stops working"),
                })
            }
            Verdict::Unfinished { kind } => {
                return Err(Error::Rejected {
                    what: format!("{label}: its {kind} choice never finished in Postiz"),
                    fix: format!("finish it (or connect again) from {launches}"),
                })
            }
            Verdict::Cannot { code, reason } => {
                return Ok(Decision::Skip {
                    code,
                    reason: format!("{reason}; reconnect it from {launches} when it stops working"),
                })
            }
            Verdict::Refresh {
                clear_between_steps,
                page_check,
            } => (clear_between_steps, page_check),
        };
    // What Postiz keeps in refreshToken, taken apart (VK: `<token>&&&&<device id>`).
    let stored = refreshable::split_refresh(&row.provider, row.refresh_token.expose_str());
    if row.provider == "vk" && !stored.params.contains_key("device_id") {
        return Err(Error::Rejected {
            what: format!(
                "{label}: its refreshToken holds no device id (Postiz keeps \
                 <refresh token>&&&&<device id> for VK, and VK ID refreshes only with both)"
            ),
            fix: format!("reconnect it from {launches}"),
        });
    }
    let (provider, client) = client_of(input, &label, notices)?;
    let flag = deployment_flag(input.args.deployment);
    // An earlier refresh's record for these very tokens: that refresh spent the row's
    // refresh token, so presenting it again would be refused, or at a provider with reuse
    // detection revoke the grant, the record's live token with it.
    if let Some(path) = input.pending_record {
        return Err(record_waits(&label, path, &flag));
    }
    let scopes = provider.scopes.join(&provider.scope_separator);
    let redirect = input
        .env_file
        .and_then(|f| postiz::postiz_redirect(&provider, &f.vars))
        .unwrap_or_default();
    let rule = provider.refresh.bind(&scopes, &redirect);
    let refresh_token = stored.token;
    let access_token = match rule.style {
        RefreshStyle::AccessToken => refresh_token.clone().unwrap_or_else(|| row.token.clone()),
        _ => row.token.clone(),
    };
    let kind = provider
        .pages
        .as_ref()
        .map(|p| p.kind.clone())
        .unwrap_or_else(|| "page".into());
    Ok(Decision::Refresh(Box::new(Plan {
        label,
        row_id: row.id.clone(),
        provider_id: row.provider.clone(),
        internal_id: row.internal_id.clone(),
        page_check: provider.pages.clone().filter(|_| page_check),
        kind,
        client,
        rule,
        request: Request {
            refresh_token,
            access_token,
            params: stored.params,
        },
        clear_between_steps,
        sets: columns(row, clear_between_steps),
        share_root: share_root(row).map(str::to_string),
        rows: std::iter::once(row)
            .chain(input.shared)
            .map(|r| r.id.clone())
            .collect(),
        starts_workflow: postiz::REFRESH_WORKFLOW_PROVIDERS.contains(&row.provider.as_str()),
        launches,
        flag,
        provider,
    })))
}

/// The refusal when an earlier refresh's new tokens wait in `path`.
fn record_waits(label: &str, path: &Path, flag: &str) -> Error {
    Error::Store {
        what: format!(
            "{label}: not refreshed, the provider was not called: an earlier refresh's \
             tokens wait in {} (its database write failed), and the row still holds the \
             refresh token that refresh spent; presenting it again could make the provider \
             revoke the grant",
            path.display()
        ),
        fix: format!(
            "put them into the row first: postiz-connect postiz restore {}{flag}",
            crate::text::shell_word(&path.display().to_string()),
        ),
    }
}

/// The columns a refresh sets, as a dry run names them: the tokens and their expiry, and
/// the marks of a failed (`refreshNeeded`) or crashed (`inBetweenSteps`) refresh.
fn columns(row: &SecretRow, clear_between_steps: bool) -> Vec<&'static str> {
    let mut sets = vec!["token", "refreshToken", "tokenExpiration"];
    if row.refresh_needed {
        sets.push("refreshNeeded=false");
    }
    if clear_between_steps {
        sets.push("inBetweenSteps=false");
    }
    sets
}

/// The provider entry and the client: the sandbox's, or the deployment's own (flags, its
/// .env, the environment), on the deployment's instance for providers that need one.
fn client_of(
    input: &Inputs<'_>,
    label: &str,
    notices: &mut Vec<Notice>,
) -> Result<(Provider, ClientCredentials), Error> {
    let mut provider = postiz::catalog_entry(input.catalog, &input.row.provider)
        .cloned()
        .expect("the verdict found the provider");
    let client = match input.args.sandbox_at {
        Some(base) => {
            provider = crate::sandbox::rewrite(&provider, base);
            crate::sandbox::client_for(&provider)
        }
        None => {
            let creds = credentials::resolve(
                &provider,
                input.args.client_id,
                input.args.client_secret,
                input.env_file,
                input.env,
            )?;
            notices.push(Notice::Info(format!(
                "client id from {}",
                creds.client_id_source
            )));
            ClientCredentials {
                id: creds.client_id,
                secret: creds.client_secret,
                auth: provider.client_auth,
            }
        }
    };
    if provider.needs_base() {
        let base = credentials::lookup(&provider.base_url_env, input.env_file, input.env)
            .map(|(v, _)| v)
            .or_else(|| provider.base_url.clone())
            .ok_or_else(|| Error::Config {
                what: format!("{label}: the instance URL is not known"),
                fix: format!("set {} in the .env", provider.base_url_env.join(" or ")),
            })?;
        provider.apply_base(&base)?;
    }
    Ok((provider, client))
}

impl Plan {
    /// What a dry run shows of this plan.
    pub(super) fn preview(&self, shared: &[SecretRow]) -> Preview {
        Preview {
            client_id: self.client.id.clone(),
            page_check: self.page_check.as_ref().map(|_| self.kind.clone()),
            would_set: self.sets.clone(),
            would_change: self.rows.clone(),
            shared: shared
                .iter()
                .map(|r| format!("{}{}", r.label(), if r.deleted { " (deleted)" } else { "" }))
                .collect(),
        }
    }

    /// The tokens the row gets from the provider's answer, as Postiz stores them: Meta's
    /// refreshed token as both (`refreshToken: access_token`), the refresh token sent when
    /// none came back, VK's device id kept beside it, and the expiry Postiz records
    /// ([`repair::recorded_expiry`]: 58 days for Meta, 23 hours for TikTok).
    pub(super) fn new_tokens(&self, issued: Issued, now: DateTime<Utc>) -> NewTokens {
        let sent = self.request.refresh_token.expose_str();
        let kept = match self.rule.style {
            RefreshStyle::AccessToken => issued.access_token.clone(),
            _ => issued
                .refresh_token
                .or_else(|| self.request.refresh_token.clone())
                .unwrap_or_default(),
        };
        NewTokens {
            rotated: sent != Some(kept.expose_str()),
            refresh_token: Secret::from(refreshable::join_refresh(
                &self.provider_id,
                kept.expose_str(),
                &self.request.params,
            )),
            expiration: repair::recorded_expiry(&self.provider_id, now, issued.expires_at),
            token: issued.access_token,
        }
    }

    /// After the `attempt`th request failed with `err`. Only a request that never reached
    /// the provider, or an answer that says it was not processed, is sent again with the
    /// same refresh token.
    pub(super) fn on_failure(&self, err: Error, attempt: u32) -> OnFailure {
        let label = &self.label;
        match class_of(&err, self.rule.style) {
            Class::Transient if attempt < 3 && unsent_or_declined(&err) => {
                OnFailure::Retry(retry_delay(&err, Duration::from_millis(500), attempt))
            }
            Class::Transient if !unsent_or_declined(&err) => OnFailure::Fail(Error::Store {
                what: format!(
                    "{label}: no usable answer to the refresh ({err}), so the refresh token may be \
                     spent: the provider may have received the request and rotated it \
                     without the new one arriving here; the row was left as it is and \
                     the request was not sent again (the same refresh token twice can \
                     make a provider revoke the grant)"
                ),
                fix: format!(
                    "check the channel with postiz-connect postiz status, then run \
                     postiz-connect postiz refresh {}{} once: if it answers invalid_grant \
                     the refresh token was spent, and the channel must be reconnected \
                     from {}",
                    crate::text::shell_word(&self.row_id),
                    self.flag,
                    self.launches
                ),
            }),
            Class::DeadGrant => OnFailure::DeadGrant(err),
            Class::Misconfigured => OnFailure::Fail(Error::Config {
                what: format!(
                    "{label}: the provider refused the client {} ({err})",
                    self.client.id
                ),
                fix: "check the provider's client id and secret in Postiz's .env: they \
                      must be those of the app that connected the channel"
                    .into(),
            }),
            _ => OnFailure::Fail(err),
        }
    }

    /// The provider refused the refresh token read. `changed_meanwhile`: the row no longer
    /// holds the tokens read, so Postiz (or another process) refreshed it and spent that
    /// token, and the grant is alive in the row.
    pub(super) fn dead_grant(&self, err: &Error, changed_meanwhile: bool) -> Error {
        let label = &self.label;
        if changed_meanwhile {
            return Error::Store {
                what: format!(
                    "{label} was refreshed meanwhile by another process (Postiz \
                     itself, most likely): the provider refused the refresh token \
                     read, which that refresh spent, and the row now holds newer \
                     tokens; nothing written"
                ),
                fix: "check it with postiz-connect postiz status; nothing to do \
                      if the channel is healthy"
                    .into(),
            };
        }
        Error::Rejected {
            what: format!(
                "{label}: the provider refused the refresh ({err}); the grant is \
                 dead (revoked, expired, or its refresh token already spent)"
            ),
            fix: format!(
                "reconnect the channel from Postiz: {} (the row was left as it is)",
                self.launches
            ),
        }
    }

    /// After the login's pages were listed with the new token (`Ok(found)`) or could not
    /// be (`Err`): go on, or stop with nothing written.
    pub(super) fn page_listed(
        &self,
        listed: Result<bool, Error>,
        rotated: bool,
        record: Option<&Path>,
    ) -> PageCheck {
        let (label, kind) = (&self.label, &self.kind);
        match listed {
            Ok(true) => PageCheck::Listed,
            Err(e) => PageCheck::Refuse {
                error: Error::Store {
                    what: format!(
                        "{label}: refreshed, but its {kind}s could not be listed to check the \
                         {kind} is still there ({e}): nothing written; {}",
                        kept(record)
                    ),
                    fix: format!(
                        "try again later; if it keeps failing, reconnect it from {}",
                        self.launches
                    ),
                },
                drop_record: false,
            },
            Ok(false) => PageCheck::Refuse {
                error: Error::Rejected {
                    what: format!(
                        "{label}: the login no longer lists its {kind} {} (access to it was \
                         lost: the crashed refresh Postiz recorded with inBetweenSteps); \
                         nothing written{}",
                        self.internal_id,
                        if rotated {
                            format!("; {}", kept(record))
                        } else {
                            String::new()
                        }
                    ),
                    fix: format!(
                        "reconnect it from {} with an account that manages the {kind}",
                        self.launches
                    ),
                },
                // The row's refresh token is still the live one: nothing to keep.
                drop_record: !rotated,
            },
        }
    }

    /// The write went through but the row read back does not hold the new tokens.
    pub(super) fn unverified(&self, record: Option<&Path>) -> Error {
        Error::Store {
            what: format!(
                "{}: the database took the write, but the row read back does not \
                 hold the new tokens (a trigger, or Postiz writing it at once): {}",
                self.label,
                kept(record)
            ),
            fix: self.restore_hint(record),
        }
    }

    /// The row's tokens were not the ones read when the write came: nothing written.
    pub(super) fn changed_meanwhile(&self, record: Option<&Path>) -> Error {
        Error::Store {
            what: format!(
                "{} changed in Postiz while it was being refreshed (its tokens are not \
                 the ones read): nothing was written; {}",
                self.label,
                kept(record)
            ),
            fix: format!(
                "run postiz-connect postiz status; if the channel fails, reconnect it from \
                 {} (if the provider rotates refresh tokens, only one of the two refreshes \
                 holds a live one)",
                self.launches
            ),
        }
    }

    /// The database refused the write of new tokens the provider issued.
    pub(super) fn write_failed(&self, e: &Error, record: Option<&Path>) -> Error {
        Error::Store {
            what: format!(
                "{}: the provider issued new tokens but the database write failed \
                 ({e}); {}",
                self.label,
                kept(record)
            ),
            fix: format!(
                "the old refresh token may be spent: do not run postiz refresh on this row \
                 again before restoring (it would present the spent token); {}",
                self.restore_hint(record)
            ),
        }
    }

    fn restore_hint(&self, record: Option<&Path>) -> String {
        match record {
            Some(p) => format!(
                "once the database works, put them into the row with: postiz-connect postiz \
                 restore {}{}",
                crate::text::shell_word(&p.display().to_string()),
                self.flag
            ),
            None => format!(
                "if the channel stops working, reconnect it from {}",
                self.launches
            ),
        }
    }
}

/// Where the new tokens are, for the messages of a refresh that stopped after the call.
fn kept(record: Option<&Path>) -> String {
    match record {
        Some(p) => format!("the new tokens are kept in {} (0600)", p.display()),
        None => "the new tokens could not be kept anywhere (no recovery record could be \
                 written either)"
            .into(),
    }
}

/// Whether a failed refresh may be sent again with the same refresh token: the request
/// never left (DNS, connection refused, TLS handshake), or the provider answered that it
/// did not process it (429, 503). A timeout or another error answer may come after the
/// provider spent the token.
pub(super) fn unsent_or_declined(err: &Error) -> bool {
    use crate::http::NetworkKind;
    match err {
        Error::Detailed { error, .. } => unsent_or_declined(error),
        Error::Network(e) => matches!(
            e.kind,
            NetworkKind::Dns | NetworkKind::Refused | NetworkKind::Tls
        ),
        Error::Token(e) => matches!(e.status, Some(429) | Some(503)),
        _ => false,
    }
}

/// How a refresh failure is handled. Meta's `*_refresh_token` calls answer a dead token
/// with a Graph error (`OAuthException`, code 190: "Error validating access token" or
/// "Invalid OAuth access token"), not `invalid_grant`.
pub(super) fn class_of(err: &Error, style: RefreshStyle) -> Class {
    match classify(err) {
        Class::Other if style == RefreshStyle::AccessToken => match err {
            Error::Token(e)
                if e.description.as_deref().is_some_and(|d| {
                    d.starts_with("Error validating access token")
                        || d.starts_with("Invalid OAuth access token")
                }) =>
            {
                Class::DeadGrant
            }
            _ => Class::Other,
        },
        class => class,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::path::PathBuf;

    use chrono::TimeZone;

    use super::*;
    use crate::error::provider::{ProviderError, Stage};
    use crate::http::{NetworkError, NetworkKind};

    const SANDBOX: &str = "http://127.0.0.1:9";

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap()
    }

    fn row(provider: &str, refresh_token: Option<&str>) -> SecretRow {
        SecretRow {
            id: "row-1".into(),
            organization_id: "org-1".into(),
            internal_id: "1001".into(),
            root_internal_id: Some("1001".into()),
            name: "Acme".into(),
            provider: provider.into(),
            disabled: false,
            in_between_steps: false,
            refresh_needed: false,
            token_expiration: Some(now() + chrono::Duration::days(1)),
            deleted: false,
            token: "access-old".into(),
            refresh_token: refresh_token.map(Secret::from),
            additional_settings: None,
        }
    }

    fn env_file(vars: &[(&str, &str)]) -> EnvFile {
        EnvFile {
            path: PathBuf::from("/srv/postiz/.env"),
            vars: vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<HashMap<_, _>>(),
        }
    }

    /// What the decision gets besides the row; the sandbox's client unless `sandbox_at` is
    /// changed.
    struct World {
        catalog: Catalog,
        env_file: EnvFile,
        target_path: PathBuf,
        shared: Vec<SecretRow>,
        pending: Option<PathBuf>,
        sandbox_at: Option<&'static str>,
        client_id: Option<&'static str>,
        dry_run: bool,
    }

    impl World {
        fn new() -> World {
            World {
                catalog: Catalog::embedded(),
                env_file: env_file(&[("FRONTEND_URL", "https://postiz.example.com")]),
                target_path: PathBuf::from("/srv/postiz/.env"),
                shared: Vec::new(),
                pending: None,
                sandbox_at: Some(SANDBOX),
                client_id: None,
                dry_run: false,
            }
        }

        fn decide(&self, row: &SecretRow) -> (Decision, Vec<Notice>) {
            let target = Target {
                env_file: Some(&self.target_path),
                database_url: None,
                redis_url: None,
                temporal_address: None,
                connect_timeout: Duration::from_secs(3),
            };
            let ids = [row.id.clone()];
            let args = RefreshArgs {
                ids: &ids,
                deployment: &target,
                client_id: self.client_id,
                client_secret: None,
                sandbox_at: self.sandbox_at,
                dry_run: self.dry_run,
            };
            // With a .env given, the shell's variables are not the deployment's.
            let env = |_: &str| -> Option<String> { None };
            let input = Inputs {
                row,
                shared: &self.shared,
                pending_record: self.pending.as_deref(),
                catalog: &self.catalog,
                now: now(),
                args: &args,
                env_file: Some(&self.env_file),
                env: &env,
            };
            let mut notices = Vec::new();
            let decision = decide(&input, &mut notices);
            (decision, notices)
        }

        fn plan(&self, row: &SecretRow) -> Plan {
            match self.decide(row).0 {
                Decision::Refresh(plan) => *plan,
                Decision::Refuse(e) => panic!("refused: {e}"),
                Decision::Skip { code, .. } => panic!("skipped: {code}"),
            }
        }

        fn refused(&self, row: &SecretRow) -> Error {
            match self.decide(row).0 {
                Decision::Refuse(e) => e,
                Decision::Refresh(plan) => panic!("planned a refresh of {}", plan.label),
                Decision::Skip { code, .. } => panic!("skipped: {code}"),
            }
        }

        fn skipped(&self, row: &SecretRow) -> (&'static str, String) {
            match self.decide(row).0 {
                Decision::Skip { code, reason } => (code, reason),
                Decision::Refuse(e) => panic!("refused: {e}"),
                Decision::Refresh(plan) => panic!("planned a refresh of {}", plan.label),
            }
        }
    }

    fn issued(access: &str, refresh: Option<&str>, lives: chrono::Duration) -> Issued {
        Issued {
            access_token: access.into(),
            refresh_token: refresh.map(Secret::from),
            expires_at: Some(now() + lives),
        }
    }

    fn provider_error(code: Option<&str>, description: Option<&str>, status: u16) -> Error {
        Error::Token(ProviderError {
            stage: Stage::Refresh,
            code: code.map(str::to_string),
            description: description.map(str::to_string),
            status: Some(status),
            excerpt: None,
            response: None,
        })
    }

    fn network(kind: NetworkKind) -> Error {
        Error::Network(NetworkError {
            kind,
            origin: "https://provider.example.com".into(),
            detail: String::new(),
        })
    }

    #[test]
    fn a_plain_row_plans_its_refresh_token_and_the_three_columns() {
        let plan = World::new().plan(&row("discord", Some("rt-old")));
        assert_eq!(plan.request.refresh_token.expose_str(), Some("rt-old"));
        assert_eq!(plan.request.access_token.expose_str(), "access-old");
        assert_eq!(plan.sets, ["token", "refreshToken", "tokenExpiration"]);
        assert_eq!(plan.rows, ["row-1"]);
        assert_eq!(plan.client.id, crate::sandbox::CLIENT_ID);
        assert!(plan.share_root.is_none() && plan.page_check.is_none());
        assert!(!plan.starts_workflow);
        // A row marked for reconnection has the mark cleared by the write.
        let needed = SecretRow {
            refresh_needed: true,
            ..row("discord", Some("rt-old"))
        };
        assert!(World::new()
            .plan(&needed)
            .sets
            .contains(&"refreshNeeded=false"));
    }

    #[test]
    fn refusals_say_why_with_the_exit_code_of_their_kind() {
        let world = World::new();
        let deleted = SecretRow {
            deleted: true,
            ..row("discord", Some("rt"))
        };
        let e = world.refused(&deleted);
        assert!(matches!(e, Error::Rejected { .. }), "{e}");
        assert_eq!(e.exit_code(), ExitCode::Rejected);
        assert!(e.to_string().contains("was deleted in Postiz"), "{e}");
        // Reconnected where the deployment's FRONTEND_URL says.
        assert_eq!(
            e.fix().as_deref(),
            Some("connect it again from https://postiz.example.com/launches")
        );
        let unknown = world.refused(&row("myspace", Some("rt")));
        assert!(matches!(unknown, Error::Config { .. }), "{unknown}");
        // The login row of a two-step provider whose page choice never finished.
        let unfinished = SecretRow {
            in_between_steps: true,
            ..row("youtube", Some("rt"))
        };
        let e = world.refused(&unfinished);
        assert!(
            e.to_string().contains("its channel choice never finished"),
            "{e}"
        );
    }

    use crate::error::ExitCode;

    #[test]
    fn slack_empty_and_null_refresh_tokens_are_skipped_never_sent() {
        let world = World::new();
        let (code, reason) = world.skipped(&row("slack", Some("null")));
        assert_eq!(code, "not_refreshable");
        assert!(reason.ends_with(
            "reconnect it from https://postiz.example.com/launches when it stops working"
        ));
        for stored in [Some(""), Some("null"), None] {
            assert_eq!(
                world.skipped(&row("discord", stored)).0,
                "no_refresh_token",
                "{stored:?}"
            );
        }
        // Meta's exchange sends the long-lived token: with 'null' stored, the row's token,
        // never the literal.
        let plan = world.plan(&row("threads", Some("null")));
        assert_eq!(plan.request.refresh_token, None);
        assert_eq!(plan.request.access_token.expose_str(), "access-old");
    }

    #[test]
    fn vk_needs_its_device_id_and_keeps_the_token_device_form() {
        let world = World::new();
        let e = world.refused(&row("vk", Some("rt-only")));
        assert!(e.to_string().contains("holds no device id"), "{e}");
        assert_eq!(e.exit_code(), ExitCode::Rejected);
        let plan = world.plan(&row("vk", Some("rt-1&&&&dev-9")));
        assert_eq!(plan.request.refresh_token.expose_str(), Some("rt-1"));
        assert_eq!(plan.request.params["device_id"], "dev-9");
        let rotated = plan.new_tokens(
            issued("at-2", Some("rt-2"), chrono::Duration::hours(1)),
            now(),
        );
        assert_eq!(rotated.refresh_token.expose_str(), "rt-2&&&&dev-9");
        assert!(rotated.rotated);
        // No new refresh token: the one sent stays, in the same form.
        let kept = plan.new_tokens(issued("at-2", None, chrono::Duration::hours(1)), now());
        assert_eq!(kept.refresh_token.expose_str(), "rt-1&&&&dev-9");
        assert!(!kept.rotated);
    }

    #[test]
    fn meta_tokens_are_exchanged_kept_as_both_and_recorded_for_58_days() {
        for provider in ["threads", "instagram-standalone"] {
            let plan = World::new().plan(&row(provider, Some("long-lived")));
            // Postiz's refreshToken holds the long-lived token: that is what is exchanged.
            assert_eq!(plan.request.access_token.expose_str(), "long-lived");
            assert!(plan.starts_workflow, "{provider}");
            let tokens = plan.new_tokens(
                issued("long-lived-2", None, chrono::Duration::days(60)),
                now(),
            );
            assert_eq!(tokens.token.expose_str(), "long-lived-2");
            assert_eq!(tokens.refresh_token.expose_str(), "long-lived-2");
            assert!(tokens.rotated);
            assert_eq!(tokens.expiration, now() + chrono::Duration::days(58));
        }
        // Two days past the recorded expiry, Meta's token is dead: nothing to send.
        let dead = SecretRow {
            token_expiration: Some(now() - chrono::Duration::days(3)),
            ..row("threads", Some("long-lived"))
        };
        assert_eq!(World::new().skipped(&dead).0, "meta_token_dead");
    }

    #[test]
    fn tiktok_is_recorded_for_23_hours_whatever_the_provider_says() {
        for provider in ["tiktok", "tiktok-business"] {
            let plan = World::new().plan(&row(provider, Some("rt")));
            let tokens = plan.new_tokens(
                issued("at", Some("rt-2"), chrono::Duration::hours(24)),
                now(),
            );
            assert_eq!(tokens.expiration, now() + chrono::Duration::hours(23));
        }
        let plan = World::new().plan(&row("discord", Some("rt")));
        let tokens = plan.new_tokens(issued("at", None, chrono::Duration::hours(24)), now());
        assert_eq!(tokens.expiration, now() + chrono::Duration::hours(24));
    }

    #[test]
    fn a_crashed_page_refresh_clears_in_between_steps_after_checking_the_page() {
        let page = SecretRow {
            in_between_steps: true,
            internal_id: "UC-channel".into(),
            root_internal_id: Some("1001".into()),
            ..row("youtube", Some("rt"))
        };
        let plan = World::new().plan(&page);
        assert!(plan.clear_between_steps);
        assert!(plan.page_check.is_some());
        assert!(plan.sets.contains(&"inBetweenSteps=false"));
        let record = Path::new("/cfg/postiz-pending/row-1.1.json");
        assert!(matches!(
            plan.page_listed(Ok(true), false, Some(record)),
            PageCheck::Listed
        ));
        // The channel is gone: nothing written; with the refresh token not rotated the
        // row's is still live and the record goes, rotated it stays and is named.
        match plan.page_listed(Ok(false), false, Some(record)) {
            PageCheck::Refuse { error, drop_record } => {
                assert!(drop_record);
                assert!(matches!(error, Error::Rejected { .. }));
                assert!(error
                    .to_string()
                    .contains("no longer lists its channel UC-channel"));
                assert!(!error.to_string().contains("row-1.1.json"));
            }
            PageCheck::Listed => panic!("listed"),
        }
        match plan.page_listed(Ok(false), true, Some(record)) {
            PageCheck::Refuse { error, drop_record } => {
                assert!(!drop_record);
                assert!(error.to_string().contains("row-1.1.json (0600)"), "{error}");
            }
            PageCheck::Listed => panic!("listed"),
        }
        match plan.page_listed(Err(network(NetworkKind::Timeout)), true, Some(record)) {
            PageCheck::Refuse { error, drop_record } => {
                assert!(!drop_record);
                assert!(matches!(error, Error::Store { .. }), "{error}");
            }
            PageCheck::Listed => panic!("listed"),
        }
        // A row that is no page row has no check, and nothing to clear.
        let plain = World::new().plan(&row("youtube", Some("rt")));
        assert!(plain.page_check.is_none() && !plain.clear_between_steps);
    }

    #[test]
    fn linkedin_rows_of_the_same_login_change_with_the_row() {
        let mut world = World::new();
        let sibling = |id: &str, deleted: bool| SecretRow {
            id: id.into(),
            internal_id: format!("page-{id}"),
            deleted,
            ..row("linkedin-page", Some("rt"))
        };
        world.shared = vec![sibling("row-2", false), sibling("row-3", true)];
        let plan = world.plan(&row("linkedin", Some("rt")));
        assert_eq!(plan.share_root.as_deref(), Some("1001"));
        assert_eq!(plan.rows, ["row-1", "row-2", "row-3"]);
        // A page row shares its login's root, not its own id.
        let page = SecretRow {
            internal_id: "page-9".into(),
            ..row("linkedin-page", Some("rt"))
        };
        assert_eq!(world.plan(&page).share_root.as_deref(), Some("1001"));
        // Other providers write their row only.
        assert_eq!(
            World::new().plan(&row("discord", Some("rt"))).share_root,
            None
        );
    }

    #[test]
    fn a_waiting_record_of_these_tokens_refuses_before_any_call() {
        let mut world = World::new();
        world.pending = Some(PathBuf::from("/cfg/postiz-pending/row-1.7.json"));
        let e = world.refused(&row("discord", Some("rt")));
        assert!(matches!(e, Error::Store { .. }), "{e}");
        assert!(e.to_string().contains("the provider was not called"), "{e}");
        assert_eq!(
            e.fix().as_deref(),
            Some(
                "put them into the row first: postiz-connect postiz restore \
                 /cfg/postiz-pending/row-1.7.json --env-file /srv/postiz/.env"
            )
        );
    }

    #[test]
    fn the_deployments_client_comes_from_its_env_and_is_named() {
        let mut world = World::new();
        world.sandbox_at = None;
        world.env_file = env_file(&[
            ("DISCORD_CLIENT_ID", "app-1"),
            ("DISCORD_CLIENT_SECRET", "s3cret"),
        ]);
        let (decision, notices) = world.decide(&row("discord", Some("rt")));
        let Decision::Refresh(plan) = decision else {
            panic!("no plan")
        };
        assert_eq!(plan.client.id, "app-1");
        assert!(
            matches!(&notices[..], [Notice::Info(text)] if text.starts_with("client id from ")),
            "{notices:?}"
        );
        // Without one: a configuration error, nothing sent.
        world.env_file = env_file(&[]);
        let e = world.refused(&row("discord", Some("rt")));
        assert_eq!(e.exit_code(), ExitCode::Config, "{e}");
    }

    #[test]
    fn a_dry_run_shows_exactly_the_plan_it_would_apply() {
        let mut world = World::new();
        world.shared = vec![SecretRow {
            id: "row-2".into(),
            name: "Acme Page".into(),
            deleted: true,
            ..row("linkedin-page", Some("rt"))
        }];
        let needed = SecretRow {
            refresh_needed: true,
            ..row("linkedin", Some("rt"))
        };
        let applied = world.plan(&needed);
        world.dry_run = true;
        let dry = world.plan(&needed);
        // The option changes nothing in the decision...
        assert_eq!(dry.sets, applied.sets);
        assert_eq!(dry.rows, applied.rows);
        assert_eq!(dry.share_root, applied.share_root);
        assert_eq!(dry.request.refresh_token, applied.request.refresh_token);
        // ...and the preview is the plan.
        let preview = dry.preview(&world.shared);
        assert_eq!(
            preview,
            Preview {
                client_id: crate::sandbox::CLIENT_ID.into(),
                page_check: None,
                would_set: vec![
                    "token",
                    "refreshToken",
                    "tokenExpiration",
                    "refreshNeeded=false"
                ],
                would_change: vec!["row-1".into(), "row-2".into()],
                shared: vec!["linkedin-page \"Acme Page\" (row row-2) (deleted)".into()],
            }
        );
        assert_eq!(preview.would_set, dry.sets);
        assert_eq!(preview.would_change, dry.rows);
    }

    #[test]
    fn a_failed_request_is_sent_again_only_when_it_was_never_processed() {
        let plan = World::new().plan(&row("discord", Some("rt")));
        // Never left, or declined: again, up to three attempts.
        for err in [
            || network(NetworkKind::Refused),
            || network(NetworkKind::Dns),
            || provider_error(None, None, 503),
            || provider_error(None, None, 429),
        ] {
            assert!(matches!(plan.on_failure(err(), 1), OnFailure::Retry(_)));
            assert!(matches!(plan.on_failure(err(), 3), OnFailure::Fail(_)));
        }
        // May have been processed: the refresh token may be spent, never sent again.
        for err in [
            network(NetworkKind::Timeout),
            provider_error(None, None, 500),
        ] {
            match plan.on_failure(err, 1) {
                OnFailure::Fail(e @ Error::Store { .. }) => {
                    assert!(e.to_string().contains("may be"), "{e}");
                    assert!(e.fix().unwrap().contains(
                        "postiz-connect postiz refresh row-1 --env-file /srv/postiz/.env once"
                    ));
                }
                _ => panic!("not refused as maybe spent"),
            }
        }
        let dead = provider_error(Some("invalid_grant"), None, 400);
        let OnFailure::DeadGrant(err) = plan.on_failure(dead, 1) else {
            panic!("invalid_grant is a dead grant")
        };
        assert_eq!(plan.dead_grant(&err, false).exit_code(), ExitCode::Rejected);
        let meanwhile = plan.dead_grant(&err, true);
        assert!(matches!(meanwhile, Error::Store { .. }));
        assert!(meanwhile.to_string().contains("refreshed meanwhile"));
        let client = provider_error(Some("invalid_client"), None, 401);
        match plan.on_failure(client, 1) {
            OnFailure::Fail(e @ Error::Config { .. }) => {
                assert!(e.to_string().contains("refused the client sandbox-client"))
            }
            _ => panic!("invalid_client is the client's configuration"),
        }
    }

    #[test]
    fn metas_graph_error_for_a_dead_token_is_a_dead_grant() {
        let graph = || {
            provider_error(
                Some("OAuthException"),
                Some("Error validating access token: Session has expired"),
                400,
            )
        };
        let threads = World::new().plan(&row("threads", Some("long-lived")));
        assert!(matches!(
            threads.on_failure(graph(), 1),
            OnFailure::DeadGrant(_)
        ));
        // Elsewhere the same words are not a refresh-token verdict.
        let discord = World::new().plan(&row("discord", Some("rt")));
        assert!(matches!(discord.on_failure(graph(), 1), OnFailure::Fail(_)));
    }

    #[test]
    fn the_write_and_read_back_failures_keep_or_name_the_record() {
        let plan = World::new().plan(&row("discord", Some("rt")));
        let record = Path::new("/cfg/postiz-pending/row-1.1.json");
        let failed = plan.write_failed(&network(NetworkKind::Refused), Some(record));
        assert!(failed.fix().unwrap().contains(
            "postiz-connect postiz restore /cfg/postiz-pending/row-1.1.json --env-file \
             /srv/postiz/.env"
        ));
        let lost = plan.write_failed(&network(NetworkKind::Refused), None);
        assert!(lost.to_string().contains("could not be kept anywhere"));
        assert!(lost.fix().unwrap().contains("reconnect it from"));
        assert!(plan
            .changed_meanwhile(Some(record))
            .to_string()
            .contains("nothing was written"));
        assert!(plan
            .unverified(Some(record))
            .to_string()
            .contains("read back does not hold the new tokens"));
    }
}
