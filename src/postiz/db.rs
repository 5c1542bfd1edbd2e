//! The Postiz database, read-only: every read runs in a `BEGIN READ ONLY` transaction with a
//! statement timeout, and selects named columns only (never `token`, `refreshToken`,
//! `customInstanceDetails` or `apiKey`).
//!
//! The URL is Prisma's (`DATABASE_URL`): `postgresql://user:password@host:port/db?...`.
//! `sslmode` is read as libpq and Prisma read it: `disable`; `prefer` (the default) and
//! `require` encrypt when asked without checking the certificate, as Prisma does unless
//! `sslaccept=strict`; `verify-ca`/`verify-full` (or `sslaccept=strict`) check it against the
//! system's roots and `sslrootcert`. Prisma's `schema` selects the schema; its pool
//! parameters are ignored. TLS is rustls (the stack the rest of the tool uses).

use std::sync::Arc;
use std::time::Duration;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use postgres::{Client, Config, NoTls};

use super::locate::{host_port, reach_advice, Located, Store};
use super::model::{ChannelRow, FailedPost, Organization, RefreshNotice, StatusChannel, StatusRow};
use crate::error::Error;

/// How the connection is encrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tls {
    Off,
    /// Encrypted when the server offers it (`prefer`) or always (`require`), certificate
    /// not checked.
    Unverified {
        required: bool,
    },
    /// Encrypted, the certificate checked (system roots, plus `sslrootcert`).
    Verified {
        root_cert: Option<String>,
    },
}

/// A database URL taken apart.
#[derive(Debug, Clone)]
pub struct Target {
    pub config: Config,
    pub tls: Tls,
    /// Prisma's `?schema=`: where the tables are (default `public`).
    pub schema: Option<String>,
    /// host:port, for messages.
    pub place: String,
}

/// Parse a Prisma database URL.
pub fn parse_url(url: &str, timeout: Duration) -> Result<Target, Error> {
    let bad = |why: String| Error::Config {
        what: format!(
            "the database URL {} is not a PostgreSQL URL: {why}",
            super::locate::display_url(url)
        ),
        fix: "give --database-url (or DATABASE_URL) as Postiz has it: \
              postgresql://USER:PASSWORD@HOST:5432/DATABASE"
            .into(),
    };
    let parsed = url::Url::parse(url).map_err(|e| bad(e.to_string()))?;
    if !matches!(parsed.scheme(), "postgresql" | "postgres") {
        return Err(bad(format!("the scheme is {}:", parsed.scheme())));
    }
    let mut config = Config::new();
    config
        .connect_timeout(timeout)
        .application_name("postiz-connect (read-only)");
    #[cfg(target_os = "linux")]
    config.tcp_user_timeout(timeout.max(Duration::from_secs(5)) * 2);
    if !parsed.username().is_empty() {
        config.user(&percent_decode(parsed.username()));
    }
    if let Some(password) = parsed.password() {
        config.password(percent_decode(password));
    }
    let mut place_host = parsed.host_str().unwrap_or("localhost").to_string();
    if let Some(host) = parsed.host_str() {
        config.host(host.trim_matches(['[', ']']));
    }
    let port = parsed.port().unwrap_or(5432);
    config.port(port);
    let db = percent_decode(parsed.path().trim_start_matches('/'));
    if !db.is_empty() {
        config.dbname(&db);
    }
    let mut sslmode = None;
    let mut strict = false;
    let mut root_cert = None;
    let mut schema = None;
    for (key, value) in parsed.query_pairs() {
        match key.as_ref() {
            "sslmode" => sslmode = Some(value.into_owned()),
            "sslaccept" => strict = value == "strict",
            "sslrootcert" => root_cert = Some(value.into_owned()),
            "schema" if !value.is_empty() => schema = Some(value.into_owned()),
            "host" if value.starts_with('/') => {
                config.host_path(value.as_ref());
                place_host = value.into_owned();
            }
            "user" | "username" => {
                config.user(value.as_ref());
            }
            "password" => {
                config.password(value.as_ref());
            }
            "dbname" | "database" => {
                config.dbname(value.as_ref());
            }
            // Prisma's pool settings and libpq options this read does not need.
            _ => {}
        }
    }
    if parsed.host_str().is_none() && place_host == "localhost" {
        config.host("localhost");
    }
    let tls = match sslmode.as_deref() {
        Some("disable") => Tls::Off,
        Some("verify-ca" | "verify-full") => Tls::Verified { root_cert },
        _ if strict || root_cert.is_some() => Tls::Verified { root_cert },
        None | Some("prefer" | "allow") => Tls::Unverified { required: false },
        Some("require" | "no-verify") => Tls::Unverified { required: true },
        Some(other) => {
            return Err(bad(format!(
                "sslmode={other} is not one of disable, prefer, require, verify-ca, verify-full"
            )))
        }
    };
    config.ssl_mode(match tls {
        Tls::Off => postgres::config::SslMode::Disable,
        Tls::Unverified { required: false } => postgres::config::SslMode::Prefer,
        _ => postgres::config::SslMode::Require,
    });
    Ok(Target {
        config,
        tls,
        schema,
        place: format!("{place_host}:{port}"),
    })
}

/// Whether two database URLs name the same database: host, port, database name and
/// schema, however the URL is spelled (`postgres://` or `postgresql://`, a password or
/// not, query parameters in another order). Unparsable URLs compare as text.
pub fn same_database(a: &str, b: &str) -> bool {
    let key = |url: &str| {
        parse_url(url, Duration::from_secs(1)).ok().map(|t| {
            let hosts: Vec<String> = t
                .config
                .get_hosts()
                .iter()
                .map(|h| match h {
                    postgres::config::Host::Tcp(name) => name.to_ascii_lowercase(),
                    #[cfg(unix)]
                    postgres::config::Host::Unix(path) => path.display().to_string(),
                })
                .collect();
            let dbname = t
                .config
                .get_dbname()
                .or(t.config.get_user())
                .map(str::to_string);
            (
                hosts,
                t.config.get_ports().to_vec(),
                dbname,
                t.schema.unwrap_or_else(|| "public".into()),
            )
        })
    };
    match (key(a), key(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// A URL part percent-decoded (`+` stays a plus, as in a URL's user info and path).
pub(super) fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// An open, read-only connection to the Postiz database.
pub struct Database {
    client: Client,
    schema: Option<String>,
    statement_timeout: Duration,
    located: Located,
    connect_timeout: Duration,
}

impl Database {
    /// Connect within `timeout` (each address tried gets it), or say which database could
    /// not be reached and how to reach it.
    pub fn connect(located: &Located, timeout: Duration) -> Result<Database, Error> {
        let target = parse_url(&located.url, timeout)?;
        let client = match &target.tls {
            Tls::Off => target.config.connect(NoTls),
            tls => target.config.connect(tls_connector(tls)?),
        }
        .map_err(|e| describe(&e, located, &target.place))?;
        let mut db = Database {
            client,
            schema: target.schema,
            statement_timeout: timeout.max(Duration::from_secs(5)),
            located: located.clone(),
            connect_timeout: timeout,
        };
        // Not Postiz's database (or not its schema): say so now, not as a failed query.
        db.read(|tx| {
            let row = tx.query_one("SELECT to_regclass('\"Integration\"') IS NOT NULL", &[])?;
            Ok(row.get::<_, bool>(0))
        })
        .and_then(|found| {
            if found {
                Ok(db)
            } else {
                Err(Error::Config {
                    what: format!(
                        "{} has no \"Integration\" table: it is not a Postiz database{}",
                        located.shown(),
                        db_schema_note(&db.schema)
                    ),
                    fix: "give the DATABASE_URL the Postiz container has (docker compose \
                          exec postiz env | grep DATABASE_URL); Postiz creates its tables at \
                          start (prisma db push)"
                        .into(),
                })
            }
        })
    }

    /// Another connection to the same database, as this one was opened (to read two things
    /// at once).
    pub fn another(&self) -> Result<Database, Error> {
        Database::connect(&self.located, self.connect_timeout)
    }

    /// Run `f` in a read-only transaction with a statement timeout; rolled back after.
    fn read<T>(
        &mut self,
        f: impl FnOnce(&mut postgres::Transaction<'_>) -> Result<T, postgres::Error>,
    ) -> Result<T, Error> {
        let located = self.located.clone();
        let place = host_port(&located.url, 5432);
        let run = |client: &mut Client| -> Result<T, postgres::Error> {
            let mut tx = client.build_transaction().read_only(true).start()?;
            // No JIT: these reads are short, and JIT would compile for a second the
            // plans whose costs look large (a read of every channel).
            tx.batch_execute(&format!(
                "SET LOCAL statement_timeout = {}; SET LOCAL jit = off",
                self.statement_timeout.as_millis()
            ))?;
            if let Some(schema) = &self.schema {
                tx.execute(
                    "SELECT set_config('search_path', $1, true)",
                    &[&quote_ident(schema)],
                )?;
            }
            let out = f(&mut tx)?;
            tx.rollback()?;
            Ok(out)
        };
        run(&mut self.client).map_err(|e| describe(&e, &located, &place))
    }

    /// The organization whose id is `id`, if there is one.
    pub fn organization(&mut self, id: &str) -> Result<Option<Organization>, Error> {
        self.read(|tx| {
            Ok(tx
                .query_opt(
                    "SELECT id, name, \"deletedAt\" IS NOT NULL FROM \"Organization\" WHERE id = $1",
                    &[&id],
                )?
                .map(|r| organization(&r, 0)))
        })
    }

    /// Every organization, by name.
    pub fn organizations(&mut self) -> Result<Vec<Organization>, Error> {
        self.read(organizations)
    }

    /// The organizations whose ids are listed (those that exist).
    pub fn organizations_by_id(&mut self, ids: &[String]) -> Result<Vec<Organization>, Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        self.read(|tx| {
            Ok(tx
                .query(
                    "SELECT id, name, \"deletedAt\" IS NOT NULL FROM \"Organization\" \
                     WHERE id = ANY($1)",
                    &[&ids],
                )?
                .iter()
                .map(|r| organization(r, 0))
                .collect())
        })
    }

    /// The live channels whose internalId is also another live channel's, with their
    /// organization's name: among them, those whose account (provider and internalId) is
    /// a channel of several organizations. Postiz has no index on `internalId` alone: the
    /// candidates are found in its `(organizationId, internalId)` index, walked whole but
    /// without reading a row; then only the candidates' rows are read. With `org`, only
    /// the candidates sharing an internalId with that organization's channels.
    pub fn shared_accounts(&mut self, org: Option<&str>) -> Result<Vec<SharedAccount>, Error> {
        let candidates = match org {
            None => {
                "SELECT \"organizationId\", \"internalId\" FROM \"Integration\" \
                 WHERE \"internalId\" IN ( \
                   SELECT \"internalId\" FROM \"Integration\" GROUP BY 1 HAVING count(*) > 1)"
            }
            Some(_) => {
                "SELECT \"organizationId\", \"internalId\" FROM \"Integration\" \
                 WHERE \"internalId\" IN ( \
                   SELECT \"internalId\" FROM \"Integration\" \
                   WHERE \"organizationId\" = $1 AND \"deletedAt\" IS NULL)"
            }
        };
        let sql = format!(
            "SELECT i.\"providerIdentifier\", i.\"internalId\", i.\"organizationId\", o.name \
             FROM \"Integration\" i LEFT JOIN \"Organization\" o ON o.id = i.\"organizationId\" \
             WHERE i.\"deletedAt\" IS NULL \
             AND (i.\"organizationId\", i.\"internalId\") IN ({candidates})"
        );
        self.read(|tx| {
            let rows = match org {
                None => tx.query(sql.as_str(), &[])?,
                Some(org) => tx.query(sql.as_str(), &[&org])?,
            };
            Ok(rows
                .iter()
                .map(|r| SharedAccount {
                    provider: r.get(0),
                    internal_id: r.get(1),
                    organization_id: r.get(2),
                    organization: r.get(3),
                })
                .collect())
        })
    }

    /// `postiz status`'s read, streamed to `each` as the rows arrive: each organization (by
    /// name, then those a channel names that have no row) with each of its live channels
    /// (by provider, name, id), and for a channel that shows them, its organization's
    /// latest "Could not refresh" notification for its provider and its posts that failed
    /// with "Refresh channel needed" (the latest few, and how many). An organization
    /// without live channels comes once, with none. `each` returns false to stop. With
    /// `org` (an id), only that organization's rows are read.
    pub fn status_rows(
        &mut self,
        org: Option<&str>,
        each: &mut dyn FnMut(StatusRow) -> bool,
    ) -> Result<(), Error> {
        // Read only for the rows that show them (refreshNeeded, inBetweenSteps: a few,
        // through their indexes), then joined by hash: a healthy row costs no lookup.
        let only = if org.is_some() {
            "AND f.\"organizationId\" = $1"
        } else {
            ""
        };
        let evidence = format!(
            "LEFT JOIN ( \
               SELECT DISTINCT ON (f.id) f.id, n.content, n.\"createdAt\" \
               FROM \"Integration\" f JOIN \"Notifications\" n \
                 ON n.\"organizationId\" = f.\"organizationId\" AND n.\"deletedAt\" IS NULL \
                 AND starts_with(n.content, 'Could not refresh your ' || f.\"providerIdentifier\" || ' channel') \
               WHERE (f.\"refreshNeeded\" OR f.\"inBetweenSteps\") AND f.\"deletedAt\" IS NULL {only} \
               ORDER BY f.id, n.\"createdAt\" DESC) n ON n.id = i.id \
             LEFT JOIN ( \
               SELECT f.id, count(p.id) AS total, \
                 (array_agg(p.id ORDER BY p.\"publishDate\" DESC))[1:5] AS ids, \
                 (array_agg(p.\"publishDate\" ORDER BY p.\"publishDate\" DESC))[1:5] AS dates \
               FROM \"Integration\" f JOIN \"Post\" p ON p.\"integrationId\" = f.id \
                 AND p.state = 'ERROR' AND p.error = 'Refresh channel needed' \
                 AND p.\"deletedAt\" IS NULL \
               WHERE f.\"refreshNeeded\" AND f.\"deletedAt\" IS NULL {only} \
               GROUP BY f.id) f ON f.id = i.id"
        );
        let columns = format!(
            "o.id, o.name, o.\"deletedAt\" IS NOT NULL, {CHANNEL_COLUMNS}, \
             n.content, n.\"createdAt\", f.total, f.ids, f.dates"
        );
        let sql = match org {
            None => format!(
                "SELECT {columns} \
                 FROM \"Organization\" o FULL JOIN ( \
                   SELECT {CHANNEL_COLUMNS} FROM \"Integration\" i WHERE i.\"deletedAt\" IS NULL) i \
                   ON i.\"organizationId\" = o.id \
                 {evidence} \
                 ORDER BY o.id IS NULL, o.name, coalesce(o.id, i.\"organizationId\"), \
                 i.\"providerIdentifier\", i.name, i.id"
            ),
            Some(_) => format!(
                "SELECT {columns} \
                 FROM \"Organization\" o LEFT JOIN \"Integration\" i \
                   ON i.\"organizationId\" = o.id AND i.\"deletedAt\" IS NULL \
                 {evidence} \
                 WHERE o.id = $1 \
                 ORDER BY i.\"providerIdentifier\", i.name, i.id"
            ),
        };
        self.read(|tx| {
            let params: Vec<&(dyn postgres::types::ToSql + Sync)> = match &org {
                Some(org) => vec![org],
                None => Vec::new(),
            };
            // A portal read a batch at a time: each batch is a statement of its own for the
            // statement timeout, so a slow reader (a pager) cannot make the read time out.
            let portal = tx.bind(sql.as_str(), &params)?;
            loop {
                let batch = tx.query_portal(&portal, STATUS_BATCH)?;
                let last = batch.len() < STATUS_BATCH as usize;
                for r in &batch {
                    if !each(status_row(r)) {
                        return Ok(());
                    }
                }
                if last {
                    return Ok(());
                }
            }
        })
    }

    /// The names of the live channels the `(organizationId, internalId)` pairs name.
    pub fn channel_names(
        &mut self,
        keys: &[(String, String)],
    ) -> Result<HashMap<(String, String), String>, Error> {
        if keys.is_empty() {
            return Ok(HashMap::new());
        }
        let (orgs, internals): (Vec<&str>, Vec<&str>) =
            keys.iter().map(|(o, i)| (o.as_str(), i.as_str())).unzip();
        self.read(|tx| {
            Ok(tx
                .query(
                    "SELECT i.\"organizationId\", i.\"internalId\", i.name \
                     FROM unnest($1::text[], $2::text[]) AS k(org, internal) \
                     JOIN \"Integration\" i ON i.\"organizationId\" = k.org \
                     AND i.\"internalId\" = k.internal AND i.\"deletedAt\" IS NULL",
                    &[&orgs, &internals],
                )?
                .iter()
                .map(|r| ((r.get(0), r.get(1)), r.get(2)))
                .collect())
        })
    }

    /// `postiz watch`'s read: with `since` none, the live channels; with a time, every
    /// channel written since then, live or soft-deleted (Prisma sets `updatedAt` on every
    /// write, this tool's writes too, and Postiz indexes it). With `org` (an id), that
    /// organization's only.
    pub fn channel_changes(
        &mut self,
        org: Option<&str>,
        since: Option<DateTime<Utc>>,
    ) -> Result<Changes, Error> {
        let mut sql = format!("SELECT {CHANNEL_COLUMNS} FROM \"Integration\" i WHERE ");
        let mut params: Vec<Box<dyn postgres::types::ToSql + Sync>> = Vec::new();
        match since {
            None => sql.push_str("i.\"deletedAt\" IS NULL"),
            Some(at) => {
                params.push(Box::new(at.naive_utc()));
                sql.push_str("i.\"updatedAt\" >= $1");
            }
        }
        if let Some(org) = org {
            params.push(Box::new(org.to_string()));
            sql.push_str(&format!(" AND i.\"organizationId\" = ${}", params.len()));
        }
        sql.push_str(" ORDER BY i.\"updatedAt\", i.id");
        self.read(|tx| {
            // Read before the rows (each statement of this transaction takes its own
            // snapshot): the start of the oldest transaction open now, or now. A write the
            // rows' read does not see commits later, so its transaction is open now or
            // starts later: its `updatedAt` is no earlier than this.
            let horizon: NaiveDateTime = tx
                .query_one(
                    "SELECT least(clock_timestamp(), ( \
                       SELECT min(xact_start) FROM pg_stat_activity \
                       WHERE datname = current_database() \
                       AND backend_type = 'client backend')) AT TIME ZONE 'UTC'",
                    &[],
                )?
                .get(0);
            let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                params.iter().map(|p| p.as_ref()).collect();
            let rows = tx
                .query(sql.as_str(), &refs)?
                .iter()
                .map(|r| channel_row(r, 0))
                .collect();
            Ok(Changes {
                rows,
                horizon: utc(horizon),
            })
        })
    }
}

/// Rows of `postiz status` read at a time.
const STATUS_BATCH: i32 = 2000;

/// What one read of `postiz watch` gives.
#[derive(Debug, Clone)]
pub struct Changes {
    pub rows: Vec<ChannelRow>,
    /// The start of the oldest transaction open when the read began (or then), by the
    /// database's clock.
    pub horizon: DateTime<Utc>,
}

impl Changes {
    /// Where the next read starts: the horizon, less [`CLOCK_MARGIN`]. Rows seen already
    /// come again until then; the watcher tells them by their content.
    pub fn next_since(&self) -> DateTime<Utc> {
        self.horizon - CLOCK_MARGIN
    }
}

/// How far the clock that stamps `updatedAt` (Prisma's, in Postiz's backend) may lag the
/// database's.
pub const CLOCK_MARGIN: chrono::Duration = chrono::Duration::seconds(5);

/// A live channel whose account is also a live channel of another organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedAccount {
    pub provider: String,
    pub internal_id: String,
    pub organization_id: String,
    /// `None` when the organization row is missing.
    pub organization: Option<String>,
}

fn db_schema_note(schema: &Option<String>) -> String {
    match schema {
        Some(s) => format!(" (looked in the schema {s})"),
        None => String::new(),
    }
}

/// `"name"` with inner quotes doubled, for `search_path`.
pub(super) fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

pub(super) fn organizations(
    tx: &mut postgres::Transaction<'_>,
) -> Result<Vec<Organization>, postgres::Error> {
    Ok(tx
        .query(
            "SELECT id, name, \"deletedAt\" IS NOT NULL FROM \"Organization\" ORDER BY name, id",
            &[],
        )?
        .iter()
        .map(|r| organization(r, 0))
        .collect())
}

fn organization(r: &postgres::Row, at: usize) -> Organization {
    Organization {
        id: r.get(at),
        name: r.get(at + 1),
        deleted: r.get(at + 2),
    }
}

/// The columns of a channel row (`i` is `"Integration"`), named one by one so that no
/// secret is ever read; [`channel_row`] decodes them.
const CHANNEL_COLUMNS: &str = "i.id, i.\"internalId\", i.\"rootInternalId\", \
     i.\"organizationId\", i.name, i.\"providerIdentifier\", i.type, i.profile, i.disabled, \
     i.\"inBetweenSteps\", i.\"refreshNeeded\", i.\"tokenExpiration\", i.\"createdAt\", \
     i.\"updatedAt\", i.\"deletedAt\", i.\"postingTimes\"";
const CHANNEL_COLUMN_COUNT: usize = 16;

/// The channel whose [`CHANNEL_COLUMNS`] start at column `at`.
fn channel_row(r: &postgres::Row, at: usize) -> ChannelRow {
    ChannelRow {
        id: r.get(at),
        internal_id: r.get(at + 1),
        root_internal_id: r.get(at + 2),
        organization_id: r.get(at + 3),
        name: r.get(at + 4),
        provider: r.get(at + 5),
        kind: r.get(at + 6),
        profile: r.get(at + 7),
        disabled: r.get(at + 8),
        in_between_steps: r.get(at + 9),
        refresh_needed: r.get(at + 10),
        token_expiration: r.get::<_, Option<NaiveDateTime>>(at + 11).map(utc),
        created_at: utc(r.get(at + 12)),
        updated_at: r.get::<_, Option<NaiveDateTime>>(at + 13).map(utc),
        deleted_at: r.get::<_, Option<NaiveDateTime>>(at + 14).map(utc),
        posting_times_valid: serde_json::from_str::<serde::de::IgnoredAny>(
            r.get::<_, &str>(at + 15),
        )
        .is_ok(),
    }
}

/// One row of [`Database::status_rows`]: the organization's columns (none when the row is
/// missing: the channel's `organizationId` names it), the channel's (none when the
/// organization has no live channel), then the channel's evidence.
fn status_row(r: &postgres::Row) -> StatusRow {
    let at = 3;
    let channel_id: Option<&str> = r.get(at);
    let organization = match r.get::<_, Option<String>>(0) {
        Some(_) => organization(r, 0),
        None => Organization {
            id: r.get(at + 3),
            name: "(organization row missing)".into(),
            deleted: true,
        },
    };
    let channel = channel_id.is_some().then(|| {
        let row = channel_row(r, at);
        let extra = at + CHANNEL_COLUMN_COUNT;
        let notice = r
            .get::<_, Option<&str>>(extra)
            .zip(r.get::<_, Option<NaiveDateTime>>(extra + 1))
            .and_then(|(content, at)| RefreshNotice::parse(&row.organization_id, content, utc(at)))
            .filter(|n| n.provider == row.provider);
        let ids: Vec<String> = r
            .get::<_, Option<Vec<String>>>(extra + 3)
            .unwrap_or_default();
        let dates: Vec<NaiveDateTime> = r
            .get::<_, Option<Vec<NaiveDateTime>>>(extra + 4)
            .unwrap_or_default();
        let failed_posts = ids
            .into_iter()
            .zip(dates)
            .map(|(id, date)| FailedPost {
                id,
                integration_id: row.id.clone(),
                publish_date: utc(date),
            })
            .collect();
        StatusChannel {
            failed_post_count: usize::try_from(r.get::<_, Option<i64>>(extra + 2).unwrap_or(0))
                .unwrap_or(0),
            row,
            notice,
            failed_posts,
        }
    });
    StatusRow {
        organization,
        channel,
    }
}

/// Prisma stores `DateTime` as `timestamp(3)` holding UTC.
pub(super) fn utc(naive: NaiveDateTime) -> DateTime<Utc> {
    naive.and_utc()
}

/// The rustls connector for this mode.
pub(super) fn tls_connector(tls: &Tls) -> Result<tokio_postgres_rustls::MakeRustlsConnect, Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Config {
            what: format!("TLS set-up failed: {e}"),
            fix: "report this as a bug".into(),
        })?;
    let config = match tls {
        Tls::Verified { root_cert } => {
            let mut roots = rustls::RootCertStore::empty();
            for cert in rustls_native_certs::load_native_certs().certs {
                let _ = roots.add(cert);
            }
            if let Some(path) = root_cert {
                use rustls::pki_types::{pem::PemObject, CertificateDer};
                let certs: Vec<_> = CertificateDer::pem_file_iter(path)
                    .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                    .map_err(|e| Error::Config {
                        what: format!("sslrootcert={path} could not be read: {e}"),
                        fix: "point sslrootcert at the PEM file of the CA that signed the \
                              database's certificate"
                            .into(),
                    })?;
                for cert in certs {
                    let _ = roots.add(cert);
                }
            }
            builder.with_root_certificates(roots).with_no_client_auth()
        }
        _ => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(Unverified(provider)))
            .with_no_client_auth(),
    };
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// `sslmode=require` as libpq and Prisma read it: encrypted, the certificate not checked
/// (the handshake's signatures still are).
#[derive(Debug)]
struct Unverified(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// A PostgreSQL failure as the user needs it: which database, why, what to do.
pub(super) fn describe(err: &postgres::Error, located: &Located, place: &str) -> Error {
    let shown = located.shown();
    let host = place.rsplit_once(':').map(|(h, _)| h).unwrap_or(place);
    if let Some(db) = err.as_db_error() {
        let code = db.code().code();
        let message = db.message();
        let (what, fix) = match code {
            // invalid_password, invalid_authorization_specification
            "28P01" | "28000" => (
                format!("the Postiz database at {place} refused the login: {message}"),
                format!(
                    "use the user and password Postiz has in its DATABASE_URL (from {}); \
                     the default docker-compose uses postiz-user / postiz-password",
                    located.from
                ),
            ),
            // invalid_catalog_name
            "3D000" => (
                format!("the Postiz database at {place}: {message}"),
                "name the database Postiz uses (the default docker-compose: postiz-db-local)"
                    .into(),
            ),
            // undefined_table, undefined_column: not Postiz's schema (or a much older one).
            "42P01" | "42703" => (
                format!("{shown} does not have Postiz's tables as expected: {message}"),
                "point --database-url at Postiz's own database; if Postiz is older than \
                 v1.16, upgrade it"
                    .into(),
            ),
            // insufficient_privilege on a read: a role that may not read Postiz's tables.
            "42501" => (
                format!("the Postiz database at {place} refused the read: {message}"),
                format!(
                    "use a role that may read Postiz's tables (Postiz's own DATABASE_URL, from {})",
                    located.from
                ),
            ),
            // query_canceled: the statement timeout.
            "57014" => {
                return Error::Unreachable {
                    what: format!("the Postiz database at {place} did not answer in time"),
                    cause: message.to_string(),
                    fix: "retry when the database is less busy".into(),
                }
            }
            _ => (
                format!("the Postiz database at {place} refused the read: {message}"),
                format!("check {} ({})", located.from, shown),
            ),
        };
        return Error::Config { what, fix };
    }
    let detail = chain(err);
    let lower = detail.to_ascii_lowercase();
    let cause = if lower.contains("lookup address") || lower.contains("name or service") {
        format!("the host name {host} does not resolve from this machine")
    } else if lower.contains("refused") {
        format!("nothing listens on {place} (or a firewall refuses the connection)")
    } else if lower.contains("timed out") || lower.contains("timeout") {
        format!("{place} did not answer in time")
    } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("ssl") {
        "the TLS handshake failed: the certificate is not trusted, or the server does not \
         speak TLS (sslmode in the URL)"
            .to_string()
    } else {
        detail.clone()
    };
    let mut fix = reach_advice(Store::Database, host);
    if lower.contains("certificate") {
        fix = "trust the database's CA with sslrootcert=/path/ca.pem in the URL, or use \
               sslmode=require (encrypted, certificate not checked, as Prisma does by default)"
            .into();
    }
    Error::Unreachable {
        what: format!(
            "could not reach {} at {place} ({shown}, from {}): {detail}",
            Store::Database.name(),
            located.from
        ),
        cause,
        fix,
    }
}

/// A failure of a write (or of the check that a write would pass): a role without UPDATE
/// (insufficient_privilege, 42501) or a read-only server or transaction default
/// (read_only_sql_transaction, 25006) refused it; anything else as [`describe`] says.
pub(super) fn describe_write(err: &postgres::Error, located: &Located, place: &str) -> Error {
    if let Some(db) = err.as_db_error() {
        if matches!(db.code().code(), "42501" | "25006") {
            return Error::Config {
                what: format!(
                    "the Postiz database at {place} refused the write: the role needs UPDATE on \
                     \"Integration\" ({})",
                    db.message()
                ),
                fix: format!(
                    "use a role that may write Postiz's rows (Postiz's own DATABASE_URL, from {}) \
                     on the primary server, not a read replica",
                    located.from
                ),
            };
        }
    }
    describe(err, located, place)
}

/// An error and its sources, joined: tokio-postgres puts the useful part in a source.
pub(super) fn chain(err: &dyn std::error::Error) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = err.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(url: &str) -> Target {
        parse_url(url, Duration::from_secs(3)).unwrap()
    }

    #[test]
    fn the_same_database_however_its_url_is_spelled() {
        let a = "postgresql://postiz:***@Localhost:5432/postiz?schema=public";
        assert!(same_database(a, "postgres://postiz:pw@localhost/postiz"));
        assert!(same_database(
            a,
            "postgres://other@localhost:5432/postiz?sslmode=disable"
        ));
        assert!(!same_database(a, "postgres://postiz@localhost:5433/postiz"));
        assert!(!same_database(a, "postgres://postiz@localhost/other"));
        assert!(!same_database(a, "postgres://postiz@db/postiz"));
        assert!(!same_database(
            a,
            "postgres://postiz@localhost/postiz?schema=tenant"
        ));
    }

    #[test]
    fn prisma_urls_are_read_like_libpq_and_prisma() {
        let t = target("postgresql://postiz-user:p%40ss@postiz-postgres:5433/postiz-db-local");
        assert_eq!(t.config.get_user(), Some("postiz-user"));
        assert_eq!(t.config.get_password(), Some(&b"p@ss"[..]));
        assert_eq!(t.config.get_dbname(), Some("postiz-db-local"));
        assert_eq!(t.config.get_ports(), &[5433]);
        assert_eq!(t.tls, Tls::Unverified { required: false });
        assert_eq!(t.place, "postiz-postgres:5433");
        assert_eq!(
            t.config.get_connect_timeout(),
            Some(&Duration::from_secs(3))
        );

        // `+`, `&` and `=` in a URL part are themselves, not form syntax.
        let odd = target("postgresql://u:a+b%26c=d%3D@db/x");
        assert_eq!(odd.config.get_password(), Some(&b"a+b&c=d="[..]));
        let t = target("postgres://u@db/x?sslmode=require&schema=postiz&connection_limit=5");
        assert_eq!(t.tls, Tls::Unverified { required: true });
        assert_eq!(t.schema.as_deref(), Some("postiz"));
        assert_eq!(
            target("postgres://u@db/x?sslmode=require&sslaccept=strict").tls,
            Tls::Verified { root_cert: None }
        );
        assert_eq!(
            target("postgres://u@db/x?sslmode=verify-full&sslrootcert=/ca.pem").tls,
            Tls::Verified {
                root_cert: Some("/ca.pem".into())
            }
        );
        assert_eq!(target("postgres://u@db/x?sslmode=disable").tls, Tls::Off);
    }

    #[test]
    fn other_urls_are_configuration_errors_without_the_password() {
        for url in [
            "redis://:hunter2@db:6379",
            "postgresql://u:hunter2@db/x?sslmode=sometimes",
        ] {
            let err = parse_url(url, Duration::from_secs(1)).unwrap_err();
            assert_eq!(err.exit_code(), crate::ExitCode::Config, "{err}");
            assert!(!err.to_string().contains("hunter2"), "{err}");
        }
    }
}
