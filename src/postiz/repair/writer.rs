//! The only writes this tool makes to a Postiz deployment, for `postiz refresh` and
//! `postiz adopt`: a connection of its own (application name [`APPLICATION_NAME`], so the
//! database's log tells it from the read-only one), each change in one transaction. The
//! reads of `status` and `watch` stay on the read-only [`crate::postiz::db::Database`].
//!
//! The rows are written as Postiz writes them: `createOrUpdateIntegration` of
//! `libraries/nestjs-libraries/src/database/prisma/integrations/integration.repository.ts`
//! (upsert on `organizationId_internalId`), which `RefreshIntegrationService.refresh`
//! (`libraries/nestjs-libraries/src/integrations/refresh.integration.service.ts`) also
//! calls with the refreshed tokens.

use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use postgres::{Client, NoTls};
use serde::Serialize;

use crate::error::Error;
use crate::postiz::db::{self, Tls};
use crate::postiz::locate::Located;
use crate::postiz::model::Organization;
use crate::secret::{ExposeOption, Secret};

/// How the repair connection names itself to PostgreSQL.
pub const APPLICATION_NAME: &str = "postiz-connect (repair)";

/// Postiz's `expiresIn` when a provider gives none (`createOrUpdateIntegration`'s default,
/// 999999999 s: about 31.7 years).
pub const NO_EXPIRY_SECONDS: i64 = 999_999_999;

/// `postingTimes` as the schema's default writes it (Postiz passes no timezone when it
/// refreshes, and the connect page's timezone is not known here).
pub const DEFAULT_POSTING_TIMES: &str = r#"[{"time":120}, {"time":400}, {"time":700}]"#;

/// Providers with `oneTimeToken = true`: `linkedin.provider.ts` sets it and
/// `linkedin.page.provider.ts` extends that class. After a refresh Postiz's
/// `createOrUpdateIntegration` copies the new tokens to every other row whose
/// `rootInternalId` is the refreshed row's (`rootInternalId`, else its `internalId`): the
/// LinkedIn profile and the pages connected with the same member's login share one token.
/// Its `updateMany` filters on `rootInternalId` alone, not on the organization.
pub const ONE_TIME_TOKEN_PROVIDERS: &[&str] = &["linkedin", "linkedin-page"];

/// The `expiresIn` Postiz records for a refreshed threads or instagram-standalone token
/// (58 days, `refreshToken` of `threads.provider.ts` and `instagram.standalone.provider.ts`),
/// whatever the provider said: its refresh workflow wakes at `tokenExpiration`, two days
/// before Meta's 60.
pub const META_REFRESHED_LIFETIME_DAYS: i64 = 58;

/// Providers whose tokens Postiz records as living 23 hours, whatever the provider said
/// (`expiresIn: dayjs().add(23, 'hours')` in `tiktok.provider.ts` and
/// `tiktok.business.provider.ts`, on connect and on refresh).
pub const TWENTY_THREE_HOUR_PROVIDERS: &[&str] = &["tiktok", "tiktok-business"];

/// The `tokenExpiration` Postiz records for a token of `provider` issued at `issued`, which
/// the provider said expires at `given`.
pub fn recorded_expiry(
    provider: &str,
    issued: DateTime<Utc>,
    given: Option<DateTime<Utc>>,
) -> DateTime<Utc> {
    if TWENTY_THREE_HOUR_PROVIDERS.contains(&provider) {
        return issued + chrono::Duration::hours(23);
    }
    let expiry = given.unwrap_or_else(|| issued + chrono::Duration::seconds(NO_EXPIRY_SECONDS));
    if crate::postiz::REFRESH_WORKFLOW_PROVIDERS.contains(&provider) {
        return expiry.min(issued + chrono::Duration::days(META_REFRESHED_LIFETIME_DAYS));
    }
    expiry
}

/// A channel row with its tokens: read only by the repair commands, never shown.
#[derive(Debug, Clone)]
pub struct SecretRow {
    pub id: String,
    pub organization_id: String,
    pub internal_id: String,
    pub root_internal_id: Option<String>,
    pub name: String,
    pub provider: String,
    pub disabled: bool,
    pub in_between_steps: bool,
    pub refresh_needed: bool,
    pub token_expiration: Option<DateTime<Utc>>,
    pub deleted: bool,
    pub token: Secret,
    pub refresh_token: Option<Secret>,
    pub additional_settings: Option<String>,
}

impl SecretRow {
    /// Postiz writes `''` when a provider gave no refresh token, and Slack's `'null'`.
    pub fn has_refresh_token(&self) -> bool {
        crate::postiz::refreshable::usable_refresh_token(self.refresh_token.expose_str()).is_some()
    }

    /// "linkedin \"Name\" (row ID)", for messages: on one line, whatever the row holds.
    pub fn label(&self) -> String {
        use crate::text::one_line;
        format!(
            "{} \"{}\" (row {})",
            one_line(&self.provider, 60),
            one_line(&self.name, crate::text::REMOTE_TEXT_LIMIT),
            one_line(&self.id, 100)
        )
    }
}

/// One row's tokens put back exactly as a record holds them, only over the tokens the
/// record says it replaces (`postiz restore` of a record of replaced tokens).
pub struct PutBack<'a> {
    pub id: &'a str,
    pub read_token: &'a str,
    pub read_refresh_token: Option<&'a str>,
    pub token: &'a str,
    pub refresh_token: &'a str,
    pub token_expiration: DateTime<Utc>,
}

/// The refreshed tokens of one row, and the guard: the tokens read before the refresh.
pub struct RefreshWrite<'a> {
    pub id: &'a str,
    pub read_token: &'a str,
    pub read_refresh_token: Option<&'a str>,
    pub token: &'a str,
    pub refresh_token: &'a str,
    pub token_expiration: DateTime<Utc>,
    /// A crashed refresh set `inBetweenSteps` on a single-step provider: clear it.
    pub clear_between_steps: bool,
    /// `oneTimeToken` providers: the `rootInternalId` whose other rows get the tokens too
    /// (those rows are not guarded: Postiz's own copy is not either).
    pub share_with_root: Option<&'a str>,
}

/// What the refresh write did.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    /// The row was updated (and this many rows sharing its login with it).
    Updated { shared: u64 },
    /// The row's tokens were not the ones read: Postiz (or someone) changed it meanwhile.
    ChangedMeanwhile,
}

/// The row `postiz adopt` writes, as `createOrUpdateIntegration` would.
#[derive(Debug, Clone, Serialize)]
pub struct AdoptRow {
    pub organization_id: String,
    pub internal_id: String,
    pub root_internal_id: String,
    pub name: String,
    pub provider: String,
    pub kind: String,
    pub profile: Option<String>,
    pub picture: Option<String>,
    #[serde(skip)]
    pub token: Secret,
    #[serde(skip)]
    pub refresh_token: Secret,
    pub token_expiration: DateTime<Utc>,
    pub posting_times: String,
    /// Written on insert always (`[]` by default); on update only when the provider has
    /// settings (X's "Verified"), as Postiz does.
    pub additional_settings: String,
    pub provider_has_settings: bool,
}

/// A row already holding `(organizationId, internalId)`: adopt updates it in place.
#[derive(Debug, Clone, Serialize)]
pub struct Existing {
    pub id: String,
    pub name: String,
    pub provider: String,
    pub deleted: bool,
    #[serde(skip)]
    pub token: Secret,
    #[serde(skip)]
    pub refresh_token: Option<Secret>,
    #[serde(skip)]
    pub token_expiration: Option<DateTime<Utc>>,
    #[serde(skip)]
    pub additional_settings: Option<String>,
    #[serde(skip)]
    pub root_internal_id: Option<String>,
}

/// What adopt's upsert did.
#[derive(Debug, PartialEq, Eq)]
pub enum Adopted {
    /// The row `id` was inserted or updated (and this many rows of the same login got
    /// its tokens, for `oneTimeToken` providers).
    Written {
        id: String,
        inserted: bool,
        shared: u64,
    },
    /// The row's tokens were not the ones read (or a row appeared where none was): nothing
    /// written.
    ChangedMeanwhile,
}

/// The columns of a [`SecretRow`], in [`secret_row_of`]'s order.
const SECRET_ROW_SELECT: &str = "SELECT id, \"organizationId\", \"internalId\", \
     \"rootInternalId\", name, \"providerIdentifier\", disabled, \"inBetweenSteps\", \
     \"refreshNeeded\", \"tokenExpiration\", \"deletedAt\" IS NOT NULL, token, \
     \"refreshToken\", \"additionalSettings\" FROM \"Integration\"";

fn secret_row_of(r: postgres::Row) -> SecretRow {
    SecretRow {
        id: r.get(0),
        organization_id: r.get(1),
        internal_id: r.get(2),
        root_internal_id: r.get(3),
        name: r.get(4),
        provider: r.get(5),
        disabled: r.get(6),
        in_between_steps: r.get(7),
        refresh_needed: r.get(8),
        token_expiration: r.get::<_, Option<NaiveDateTime>>(9).map(db::utc),
        deleted: r.get(10),
        token: Secret::new(r.get(11)),
        refresh_token: r.get::<_, Option<String>>(12).map(Secret::new),
        additional_settings: r.get(13),
    }
}

/// The key of the session-level advisory lock `postiz refresh` and `postiz restore` hold on
/// a row from its read to its write: the first 8 bytes of SHA-256 over a namespace and the
/// row id, so it collides with no other application's small integer keys in practice.
pub fn row_lock_key(id: &str) -> i64 {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("postiz-connect:Integration:{id}").as_bytes());
    i64::from_be_bytes(digest[..8].try_into().expect("8 bytes"))
}

/// A connection for the repair commands.
pub struct Writer {
    client: Client,
    schema: Option<String>,
    statement_timeout: Duration,
    located: Located,
}

impl Writer {
    pub fn connect(located: &Located, timeout: Duration) -> Result<Writer, Error> {
        let mut target = db::parse_url(&located.url, timeout)?;
        target.config.application_name(APPLICATION_NAME);
        let client = match &target.tls {
            Tls::Off => target.config.connect(NoTls),
            tls => target.config.connect(db::tls_connector(tls)?),
        }
        .map_err(|e| db::describe(&e, located, &target.place))?;
        Ok(Writer {
            client,
            schema: target.schema,
            statement_timeout: timeout.max(Duration::from_secs(5)),
            located: located.clone(),
        })
    }

    /// Run `f` in one transaction (read-only when asked), committed when `f` succeeds.
    fn transaction<T>(
        &mut self,
        read_only: bool,
        f: impl FnOnce(&mut postgres::Transaction<'_>) -> Result<T, postgres::Error>,
    ) -> Result<T, Error> {
        let located = self.located.clone();
        let place = crate::postiz::locate::host_port(&located.url, 5432);
        let timeout = self.statement_timeout.as_millis();
        let schema = self.schema.clone();
        let run = |client: &mut Client| -> Result<T, postgres::Error> {
            let mut tx = client.build_transaction().read_only(read_only).start()?;
            tx.batch_execute(&format!("SET LOCAL statement_timeout = {timeout}"))?;
            if let Some(schema) = &schema {
                tx.execute(
                    "SELECT set_config('search_path', $1, true)",
                    &[&db::quote_ident(schema)],
                )?;
            }
            let out = f(&mut tx)?;
            if read_only {
                tx.rollback()?;
            } else {
                tx.commit()?;
            }
            Ok(out)
        };
        run(&mut self.client).map_err(|e| {
            if read_only {
                db::describe(&e, &located, &place)
            } else {
                db::describe_write(&e, &located, &place)
            }
        })
    }

    /// Take the session-level advisory lock of row `id` (`pg_try_advisory_lock`), without
    /// waiting: false when another session holds it. Held until [`Writer::unlock_row`] or
    /// the connection ends.
    pub fn try_lock_row(&mut self, id: &str) -> Result<bool, Error> {
        let key = row_lock_key(id);
        let place = crate::postiz::locate::host_port(&self.located.url, 5432);
        self.client
            .query_one("SELECT pg_try_advisory_lock($1)", &[&key])
            .map(|r| r.get(0))
            .map_err(|e| db::describe(&e, &self.located, &place))
    }

    /// Release the lock [`Writer::try_lock_row`] took (a failure is left to the end of the
    /// session, which releases it too).
    pub fn unlock_row(&mut self, id: &str) {
        let key = row_lock_key(id);
        let _ = self
            .client
            .query_one("SELECT pg_advisory_unlock($1)", &[&key]);
    }

    /// Whether this connection may write row `id`, found before a provider is called: a
    /// read-write transaction locks the row (`FOR UPDATE` needs the UPDATE privilege, and
    /// a read-only server or role refuses it), then rolls back.
    pub fn check_writable(&mut self, id: &str) -> Result<(), Error> {
        let located = self.located.clone();
        let place = crate::postiz::locate::host_port(&located.url, 5432);
        let timeout = self.statement_timeout.as_millis();
        let schema = self.schema.clone();
        let run = |client: &mut Client| -> Result<(), postgres::Error> {
            let mut tx = client.build_transaction().read_only(false).start()?;
            tx.batch_execute(&format!("SET LOCAL statement_timeout = {timeout}"))?;
            if let Some(schema) = &schema {
                tx.execute(
                    "SELECT set_config('search_path', $1, true)",
                    &[&db::quote_ident(schema)],
                )?;
            }
            tx.query_opt(
                "SELECT 1 FROM \"Integration\" WHERE id = $1 FOR UPDATE",
                &[&id],
            )?;
            tx.rollback()
        };
        run(&mut self.client).map_err(|e| db::describe_write(&e, &located, &place))
    }

    pub fn organizations(&mut self) -> Result<Vec<Organization>, Error> {
        self.transaction(true, db::organizations)
    }

    /// One row with its tokens (soft-deleted rows too, flagged).
    pub fn secret_row(&mut self, id: &str) -> Result<Option<SecretRow>, Error> {
        self.transaction(true, |tx| {
            Ok(tx
                .query_opt(&format!("{SECRET_ROW_SELECT} WHERE id = $1"), &[&id])?
                .map(secret_row_of))
        })
    }

    /// Every other row whose `rootInternalId` is `root`, in any organization, soft-deleted
    /// ones too: the rows Postiz's `oneTimeToken` copy (`updateMany`) writes.
    pub fn rows_sharing(&mut self, root: &str, except: &str) -> Result<Vec<SecretRow>, Error> {
        self.transaction(true, |tx| {
            Ok(tx
                .query(
                    &format!(
                        "{SECRET_ROW_SELECT} WHERE \"rootInternalId\" = $1 AND id <> $2 ORDER BY id"
                    ),
                    &[&root, &except],
                )?
                .into_iter()
                .map(secret_row_of)
                .collect())
        })
    }

    /// Put rows' tokens back, in one transaction, each only while it still holds the
    /// tokens read (soft-deleted rows too: Postiz's copy wrote them as well). Returns the
    /// ids of the rows written.
    pub fn put_back(&mut self, rows: &[PutBack<'_>]) -> Result<Vec<String>, Error> {
        self.transaction(false, |tx| {
            let mut written = Vec::new();
            for w in rows {
                let n = tx.execute(
                    "UPDATE \"Integration\" SET token = $4, \"refreshToken\" = $5, \
                     \"tokenExpiration\" = $6, \"updatedAt\" = (now() AT TIME ZONE 'UTC') \
                     WHERE id = $1 AND token = $2 AND \"refreshToken\" IS NOT DISTINCT FROM $3",
                    &[
                        &w.id,
                        &w.read_token,
                        &w.read_refresh_token,
                        &w.token,
                        &w.refresh_token,
                        &w.token_expiration.naive_utc(),
                    ],
                )?;
                if n == 1 {
                    written.push(w.id.to_string());
                }
            }
            Ok(written)
        })
    }

    /// Write refreshed tokens in one transaction, only if the row still holds the tokens
    /// that were read (`WHERE id = $1 AND token = $2 AND "refreshToken" = $3`).
    pub fn write_refresh(&mut self, w: &RefreshWrite<'_>) -> Result<Written, Error> {
        let expiration = w.token_expiration.naive_utc();
        self.transaction(false, |tx| {
            let updated = tx.execute(
                "UPDATE \"Integration\" SET token = $4, \"refreshToken\" = $5, \
                 \"tokenExpiration\" = $6, \"refreshNeeded\" = false, \
                 \"inBetweenSteps\" = CASE WHEN $7 THEN false ELSE \"inBetweenSteps\" END, \
                 \"updatedAt\" = (now() AT TIME ZONE 'UTC') \
                 WHERE id = $1 AND token = $2 AND \"refreshToken\" IS NOT DISTINCT FROM $3 \
                 AND \"deletedAt\" IS NULL",
                &[
                    &w.id,
                    &w.read_token,
                    &w.read_refresh_token,
                    &w.token,
                    &w.refresh_token,
                    &expiration,
                    &w.clear_between_steps,
                ],
            )?;
            if updated != 1 {
                return Ok(Written::ChangedMeanwhile);
            }
            let shared = match w.share_with_root {
                Some(root) => tx.execute(
                    "UPDATE \"Integration\" SET token = $3, \"refreshToken\" = $4, \
                     \"tokenExpiration\" = $5, \"refreshNeeded\" = false, \
                     \"updatedAt\" = (now() AT TIME ZONE 'UTC') \
                     WHERE \"rootInternalId\" = $1 AND id <> $2",
                    &[&root, &w.id, &w.token, &w.refresh_token, &expiration],
                )?,
                None => 0,
            };
            Ok(Written::Updated { shared })
        })
    }

    /// The row holding `(organizationId, internalId)`, soft-deleted or not.
    pub fn existing(
        &mut self,
        organization_id: &str,
        internal_id: &str,
    ) -> Result<Option<Existing>, Error> {
        self.transaction(true, |tx| {
            Ok(tx
                .query_opt(
                    "SELECT id, name, \"providerIdentifier\", \"deletedAt\" IS NOT NULL, \
                     token, \"refreshToken\", \"tokenExpiration\", \"additionalSettings\", \
                     \"rootInternalId\" \
                     FROM \"Integration\" WHERE \"organizationId\" = $1 AND \"internalId\" = $2",
                    &[&organization_id, &internal_id],
                )?
                .map(|r| Existing {
                    id: r.get(0),
                    name: r.get(1),
                    provider: r.get(2),
                    deleted: r.get(3),
                    token: Secret::new(r.get(4)),
                    refresh_token: r.get::<_, Option<String>>(5).map(Secret::new),
                    token_expiration: r.get::<_, Option<NaiveDateTime>>(6).map(db::utc),
                    additional_settings: r.get(7),
                    root_internal_id: r.get(8),
                }))
        })
    }

    /// Postiz's upsert, in one transaction: a new row with `new_id`, or the row holding
    /// `(organizationId, internalId)` updated in place (its id, name and posting times
    /// kept) only while it still holds the tokens `read` (`None`: no row was read, so a
    /// row that appeared meanwhile is left alone). For `oneTimeToken` providers the tokens
    /// are then copied to the other rows of `share_with_root`, as Postiz's
    /// `createOrUpdateIntegration` does after its upsert.
    pub fn upsert(
        &mut self,
        row: &AdoptRow,
        new_id: &str,
        read: Option<(&str, Option<&str>)>,
        share_with_root: Option<&str>,
    ) -> Result<Adopted, Error> {
        let expiration = row.token_expiration.naive_utc();
        let read_token = read.map(|(t, _)| t);
        let read_refresh = read.and_then(|(_, r)| r);
        self.transaction(false, |tx| {
            let r = tx.query_opt(
                "INSERT INTO \"Integration\" (id, \"internalId\", \"rootInternalId\", \
                 \"organizationId\", name, picture, \"providerIdentifier\", type, token, \
                 \"refreshToken\", \"tokenExpiration\", profile, \"refreshNeeded\", \
                 \"inBetweenSteps\", \"postingTimes\", \"additionalSettings\", \"createdAt\", \
                 \"updatedAt\") \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, false, false, $13, \
                 $14, (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')) \
                 ON CONFLICT (\"organizationId\", \"internalId\") DO UPDATE SET \
                 \"additionalSettings\" = CASE WHEN $15 THEN EXCLUDED.\"additionalSettings\" \
                 ELSE \"Integration\".\"additionalSettings\" END, \
                 type = EXCLUDED.type, \"inBetweenSteps\" = false, \
                 picture = COALESCE(EXCLUDED.picture, \"Integration\".picture), \
                 profile = COALESCE(EXCLUDED.profile, \"Integration\".profile), \
                 \"providerIdentifier\" = EXCLUDED.\"providerIdentifier\", \
                 token = EXCLUDED.token, \"refreshToken\" = EXCLUDED.\"refreshToken\", \
                 \"tokenExpiration\" = EXCLUDED.\"tokenExpiration\", \"deletedAt\" = NULL, \
                 \"refreshNeeded\" = false, \"updatedAt\" = (now() AT TIME ZONE 'UTC') \
                 WHERE $16::text IS NOT NULL AND \"Integration\".token = $16 \
                 AND \"Integration\".\"refreshToken\" IS NOT DISTINCT FROM $17::text \
                 RETURNING id, (xmax = 0)",
                &[
                    &new_id,
                    &row.internal_id,
                    &row.root_internal_id,
                    &row.organization_id,
                    &row.name,
                    &row.picture,
                    &row.provider,
                    &row.kind,
                    row.token.expose(),
                    row.refresh_token.expose(),
                    &expiration,
                    &row.profile,
                    &row.posting_times,
                    &row.additional_settings,
                    &row.provider_has_settings,
                    &read_token,
                    &read_refresh,
                ],
            )?;
            let Some(r) = r else {
                return Ok(Adopted::ChangedMeanwhile);
            };
            let id: String = r.get(0);
            let shared = match share_with_root {
                Some(root) => tx.execute(
                    "UPDATE \"Integration\" SET token = $3, \"refreshToken\" = $4, \
                     \"tokenExpiration\" = $5, \"refreshNeeded\" = false, \
                     \"updatedAt\" = (now() AT TIME ZONE 'UTC') \
                     WHERE \"rootInternalId\" = $1 AND id <> $2",
                    &[
                        &root,
                        &id,
                        row.token.expose(),
                        row.refresh_token.expose(),
                        &expiration,
                    ],
                )?,
                None => 0,
            };
            Ok(Adopted::Written {
                id,
                inserted: r.get(1),
                shared,
            })
        })
    }
}

/// A new row id in the shape of Prisma's `cuid()`: `c`, the time in milliseconds, a
/// counter and randomness, base 36 (Prisma makes ids in the client, so a raw insert must).
pub fn new_id() -> String {
    use rand::Rng;
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    fn base36(mut n: u64, width: usize) -> String {
        let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut out = Vec::new();
        while n > 0 {
            out.push(digits[(n % 36) as usize]);
            n /= 36;
        }
        while out.len() < width {
            out.push(b'0');
        }
        out.reverse();
        let s = String::from_utf8(out).expect("ascii");
        s[s.len() - width..].to_string()
    }
    let millis = Utc::now().timestamp_millis().max(0) as u64;
    let count = COUNTER.fetch_add(1, Ordering::Relaxed) as u64;
    let mut rng = rand::thread_rng();
    format!(
        "c{}{}{}{}",
        base36(millis, 8),
        base36(count % 36u64.pow(4), 4),
        base36(rng.gen::<u64>() % 36u64.pow(8), 8),
        base36(rng.gen::<u64>() % 36u64.pow(4), 4),
    )
}

/// A secret as a dry run shows it: only that it is there, and its length.
pub fn mask(secret: &str) -> String {
    if secret.is_empty() {
        "(empty)".into()
    } else {
        format!("*** ({} characters)", secret.chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_look_like_cuids_and_differ() {
        let a = new_id();
        let b = new_id();
        assert_ne!(a, b);
        assert_eq!(a.len(), 25, "{a}");
        assert!(a.starts_with('c'));
        assert!(a
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase()));
    }

    #[test]
    fn expiry_is_recorded_as_postiz_records_it() {
        use chrono::TimeZone;
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
        let a_day = now + chrono::Duration::hours(24);
        let in_a_day = Some(a_day);
        // TikTok: 23 hours, whatever the provider said.
        for tiktok in ["tiktok", "tiktok-business"] {
            assert_eq!(
                recorded_expiry(tiktok, now, in_a_day),
                now + chrono::Duration::hours(23)
            );
        }
        // Meta's long-lived tokens: at most 58 days.
        let in_60_days = Some(now + chrono::Duration::days(60));
        assert_eq!(
            recorded_expiry("threads", now, in_60_days),
            now + chrono::Duration::days(58)
        );
        // Others: what the provider said, else Postiz's 999999999 seconds.
        assert_eq!(recorded_expiry("discord", now, in_a_day), a_day);
        assert_eq!(
            recorded_expiry("discord", now, None),
            now + chrono::Duration::seconds(NO_EXPIRY_SECONDS)
        );
    }

    #[test]
    fn masks_never_show_a_usable_secret() {
        assert_eq!(mask(""), "(empty)");
        assert_eq!(mask("abcdefghijklmnopqrstuvwxyz"), "*** (26 characters)");
    }
}
