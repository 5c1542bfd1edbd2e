//! `postiz status` as a service: locate and open the deployment, stream its channels into
//! the caller's sink, read the engine (Temporal) after them, and decide the exit code. The
//! caller (the command) chooses the sink (text or JSON) and says everything in words.

use crate::error::{Error, ExitCode};
use crate::providers::{Catalog, EnvFile};
use crate::store::Channel;

use super::engine::{self, EngineReport};
use super::locate::{Deployment, Target};
use super::report::{self, Report, Sink};
use super::Opened;

/// What `postiz status` reads.
pub struct StatusOptions<'a> {
    pub target: Target<'a>,
    /// Only this organization (its name or id).
    pub org: Option<&'a str>,
    /// The channels this tool stores: a row of the same account can be repaired with them.
    pub local: &'a [Channel],
}

/// A deployment located and opened for `postiz status`: read its channels, then its engine.
pub struct Status<'a> {
    options: StatusOptions<'a>,
    deployment: Deployment,
    env_file: Option<EnvFile>,
    opened: Opened,
}

impl<'a> Status<'a> {
    /// Locate and open the deployment. A Redis that cannot be reached leaves the
    /// database's report standing (the exit code says the report is incomplete).
    pub fn open(options: StatusOptions<'a>) -> Result<Status<'a>, Error> {
        let (deployment, env_file) = options.target.locate()?;
        let opened = super::open_lenient(&deployment, options.target.connect_timeout)?;
        Ok(Status {
            options,
            deployment,
            env_file,
            opened,
        })
    }

    /// The database read, as shown (no password).
    pub fn database(&self) -> String {
        self.deployment
            .database
            .as_ref()
            .map(|d| d.shown())
            .unwrap_or_default()
    }

    /// The Redis read, as shown, if one is configured.
    pub fn redis(&self) -> Option<String> {
        self.deployment.redis.as_ref().map(|r| r.shown())
    }

    /// Every organization's channels, handed to `sink` as they are read; the summary.
    pub fn channels(&mut self, catalog: &Catalog, sink: &mut dyn Sink) -> Result<Report, Error> {
        report::stream(
            &mut self.opened,
            &self.deployment,
            catalog,
            self.options.org,
            self.options.local,
            sink,
        )
    }

    /// The engine, of the organization shown when `org` names one; read after the
    /// channels. `None` when no Temporal is configured.
    pub fn engine(&mut self) -> Result<Option<EngineReport>, Error> {
        let target = &self.options.target;
        let org_id = self
            .options
            .org
            .map(|f| report::resolve_organization(&mut self.opened.db, f).map(|o| o.id))
            .transpose()?;
        target
            .temporal(self.env_file.as_ref())
            .map(|located| {
                engine::read(
                    &located,
                    target.connect_timeout,
                    &mut self.opened.db,
                    org_id.as_deref(),
                    &engine::repair_flag(target),
                )
            })
            .transpose()
    }
}

/// The exit code of a status read: 1 for a problem found (a channel's or the engine's),
/// 5 when Redis or Temporal could not be read (the report is incomplete, whatever else it
/// found).
pub fn exit_code(report: &Report, engine: Option<&EngineReport>) -> ExitCode {
    let mut code = if report.has_problem() || engine.is_some_and(|e| e.problems() > 0) {
        ExitCode::Failure
    } else {
        ExitCode::Ok
    };
    if report.redis_unreachable.is_some() || engine.is_some_and(|e| e.incomplete()) {
        code = code.worst(ExitCode::Network);
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::postiz::report::Summary;

    fn report(problems: usize, redis_unreachable: bool) -> Report {
        Report {
            database: "postgresql://postiz:***@db/postiz".into(),
            redis: None,
            redis_unreachable: redis_unreachable.then(|| "connection refused".into()),
            organizations: vec![],
            connects: None,
            connects_note: None,
            summary: Summary {
                problems,
                ..Summary::default()
            },
        }
    }

    /// A problem fails the read (1); an unread Redis makes it incomplete (5), which a
    /// problem found elsewhere does not hide either way (the one exit-code order).
    #[test]
    fn the_exit_code_says_problem_then_incomplete() {
        assert_eq!(exit_code(&report(0, false), None), ExitCode::Ok);
        assert_eq!(exit_code(&report(2, false), None), ExitCode::Failure);
        assert_eq!(exit_code(&report(0, true), None), ExitCode::Network);
        assert_eq!(
            exit_code(&report(1, true), None),
            ExitCode::Failure.worst(ExitCode::Network)
        );
    }
}
