//! A connection to Temporal's frontend (gRPC over HTTP/2, tonic), made as Postiz's
//! `@temporalio/client` makes it (`libraries/nestjs-libraries/src/temporal/temporal.module.ts`):
//! `TEMPORAL_ADDRESS` (host:port), TLS when `TEMPORAL_TLS=true`, `TEMPORAL_API_KEY` as a
//! bearer token, the namespace on every call.
//!
//! The rest of the tool is synchronous: each connection owns a small current-thread tokio
//! runtime, made only when a command needs Temporal, and every call is bounded by the
//! `--connect-timeout` it was opened with.

use std::future::Future;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tonic::transport::{Channel, ClientTlsConfig, Endpoint};

use super::place::{reach_advice, Located};
use super::proto;
use crate::error::Error;

const SERVICE: &str = "/temporal.api.workflowservice.v1.WorkflowService/";

/// An open connection to a Temporal namespace.
pub struct Temporal {
    /// Always `Some` until dropped.
    runtime: Option<tokio::runtime::Runtime>,
    channel: Channel,
    located: Located,
    timeout: Duration,
}

/// What a call failed with, worded for people.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The gRPC status (e.g. "Unavailable"), or "connect" for a connection that never opened.
    pub code: String,
    pub message: String,
}

/// One poller of a task queue.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Poller {
    pub identity: String,
    pub last_poll: Option<DateTime<Utc>>,
}

/// A task queue as `DescribeTaskQueue` shows it.
#[derive(Debug, Clone)]
pub struct QueueState {
    pub pollers: Vec<Poller>,
    /// `approximate_backlog_count`, when the server reports statistics.
    pub backlog: Option<i64>,
}

/// A workflow execution (the latest run of its id).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Execution {
    pub workflow_id: String,
    pub run_id: String,
    pub workflow_type: String,
    pub task_queue: String,
    /// "running", "completed", "failed", "canceled", "terminated", "continued_as_new",
    /// "timed_out", "paused".
    pub status: &'static str,
    pub started: Option<DateTime<Utc>>,
    pub closed: Option<DateTime<Utc>>,
}

impl Execution {
    pub fn running(&self) -> bool {
        self.status == "running"
    }
}

fn status_name(status: i32) -> &'static str {
    match status {
        1 => "running",
        2 => "completed",
        3 => "failed",
        4 => "canceled",
        5 => "terminated",
        6 => "continued_as_new",
        7 => "timed_out",
        8 => "paused",
        _ => "unknown",
    }
}

fn time(ts: Option<proto::Timestamp>) -> Option<DateTime<Utc>> {
    let ts = ts?;
    DateTime::from_timestamp(ts.seconds, ts.nanos.max(0) as u32)
}

fn execution(info: proto::WorkflowExecutionInfo) -> Execution {
    let (workflow_id, run_id) = info
        .execution
        .map(|e| (e.workflow_id, e.run_id))
        .unwrap_or_default();
    Execution {
        workflow_id,
        run_id,
        workflow_type: info.r#type.map(|t| t.name).unwrap_or_default(),
        task_queue: info.task_queue,
        status: status_name(info.status),
        started: time(info.start_time),
        closed: time(info.close_time),
    }
}

impl Temporal {
    /// Connect within `timeout`, or say why not: an error naming the address, where it was
    /// found, and how to reach Postiz's Temporal from here.
    pub fn connect(located: &Located, timeout: Duration) -> Result<Temporal, Error> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(Error::Io)?;
        let scheme = if located.tls { "https" } else { "http" };
        let unreachable = |cause: String| unreachable(located, timeout, cause);
        let mut endpoint = Endpoint::from_shared(format!("{scheme}://{}", located.address))
            .map_err(|e| bad_address(located, &e.to_string()))?
            .connect_timeout(timeout)
            .timeout(timeout)
            .user_agent(concat!("postiz-connect/", env!("CARGO_PKG_VERSION")))
            .map_err(|e| bad_address(located, &e.to_string()))?;
        if located.tls {
            let host = located
                .address
                .rsplit_once(':')
                .map(|(h, _)| h)
                .unwrap_or(&located.address)
                .trim_matches(['[', ']'])
                .to_string();
            endpoint = endpoint
                .tls_config(ClientTlsConfig::new().with_native_roots().domain_name(host))
                .map_err(|e| bad_address(located, &e.to_string()))?;
        }
        let connected =
            runtime.block_on(async { tokio::time::timeout(timeout, endpoint.connect()).await });
        let channel = match connected {
            Ok(Ok(channel)) => channel,
            failed => {
                // A name lookup still running (a resolver that hangs) is left behind, not
                // waited for.
                runtime.shutdown_background();
                return Err(match failed {
                    Ok(Err(e)) => unreachable(transport_cause(&e)),
                    _ => unreachable(format!("no answer within {}", words(timeout))),
                });
            }
        };
        let mut temporal = Temporal {
            runtime: Some(runtime),
            channel,
            located: located.clone(),
            timeout,
        };
        // A first call proves it is Temporal, and that the namespace and the key are right.
        temporal.describe_queue("main", proto::TASK_QUEUE_TYPE_WORKFLOW)?;
        Ok(temporal)
    }

    pub fn located(&self) -> &Located {
        &self.located
    }

    /// One unary call, bounded by the timeout.
    fn call<Req, Resp>(&mut self, method: &'static str, request: Req) -> Result<Resp, Failure>
    where
        Req: prost::Message + Send + Sync + 'static,
        Resp: prost::Message + Default + Send + Sync + 'static,
    {
        let mut request = tonic::Request::new(request);
        if let Ok(ns) = self.located.namespace.parse() {
            request.metadata_mut().insert("temporal-namespace", ns);
        }
        if let Some(key) = &self.located.api_key {
            if let Ok(value) = format!("Bearer {key}").parse() {
                request.metadata_mut().insert("authorization", value);
            }
        }
        let path = http::uri::PathAndQuery::try_from(format!("{SERVICE}{method}"))
            .expect("a valid gRPC path");
        let channel = self.channel.clone();
        let timeout = self.timeout;
        let call = async move {
            let mut grpc = tonic::client::Grpc::new(channel);
            grpc.ready().await.map_err(|e| Failure {
                code: "connect".into(),
                message: transport_cause(&e),
            })?;
            grpc.unary(
                request,
                path,
                tonic_prost::ProstCodec::<Req, Resp>::default(),
            )
            .await
            .map(|r| r.into_inner())
            .map_err(|s| Failure {
                code: format!("{:?}", s.code()),
                message: crate::text::one_line(s.message(), 300),
            })
        };
        self.block_on(timeout, call)
    }

    fn block_on<T>(
        &self,
        timeout: Duration,
        future: impl Future<Output = Result<T, Failure>>,
    ) -> Result<T, Failure> {
        self.runtime
            .as_ref()
            .expect("the runtime lives as long as the connection")
            .block_on(async { tokio::time::timeout(timeout, future).await })
            .unwrap_or_else(|_| {
                Err(Failure {
                    code: "DeadlineExceeded".into(),
                    message: format!("no answer within {}", words(timeout)),
                })
            })
    }

    /// The pollers of a task queue (`task_queue_type`: workflow or activity tasks), and its
    /// backlog when the server reports it.
    pub fn describe_queue(
        &mut self,
        name: &str,
        task_queue_type: i32,
    ) -> Result<QueueState, Error> {
        let response: proto::DescribeTaskQueueResponse = self
            .call(
                "DescribeTaskQueue",
                proto::DescribeTaskQueueRequest {
                    namespace: self.located.namespace.clone(),
                    task_queue: Some(proto::TaskQueue {
                        name: name.into(),
                        kind: proto::TASK_QUEUE_KIND_NORMAL,
                    }),
                    task_queue_type,
                    report_stats: true,
                },
            )
            .map_err(|f| self.failed("read the task queue", name, f))?;
        Ok(QueueState {
            pollers: response
                .pollers
                .into_iter()
                .map(|p| Poller {
                    identity: crate::text::one_line(&p.identity, 120),
                    last_poll: time(p.last_access_time),
                })
                .collect(),
            backlog: response.stats.map(|s| s.approximate_backlog_count),
        })
    }

    /// The latest run of a workflow id; `None` when the id never ran (or its history was
    /// deleted after the namespace's retention).
    pub fn describe_workflow(&mut self, workflow_id: &str) -> Result<Option<Execution>, Error> {
        let result: Result<proto::DescribeWorkflowExecutionResponse, Failure> = self.call(
            "DescribeWorkflowExecution",
            proto::DescribeWorkflowExecutionRequest {
                namespace: self.located.namespace.clone(),
                execution: Some(proto::WorkflowExecution {
                    workflow_id: workflow_id.into(),
                    run_id: String::new(),
                }),
            },
        );
        match result {
            Ok(r) => Ok(r.workflow_execution_info.map(execution)),
            Err(f) if f.code == "NotFound" && !f.message.contains("amespace") => Ok(None),
            Err(f) => Err(self.failed("read the workflow", workflow_id, f)),
        }
    }

    /// Workflows matching a visibility query, at most `limit`.
    pub fn list_workflows(&mut self, query: &str, limit: usize) -> Result<Vec<Execution>, Error> {
        let mut out = Vec::new();
        let mut token = Vec::new();
        loop {
            let page: proto::ListWorkflowExecutionsResponse = self
                .call(
                    "ListWorkflowExecutions",
                    proto::ListWorkflowExecutionsRequest {
                        namespace: self.located.namespace.clone(),
                        page_size: 500,
                        next_page_token: token,
                        query: query.into(),
                    },
                )
                .map_err(|f| self.failed("list workflows", query, f))?;
            out.extend(page.executions.into_iter().map(execution));
            if page.next_page_token.is_empty() || out.len() >= limit {
                out.truncate(limit);
                return Ok(out);
            }
            token = page.next_page_token;
        }
    }

    /// When a running workflow's pending timer fires: its latest `TimerStarted` event, when
    /// no `TimerFired` or `TimerCanceled` came after it (the history read newest first).
    pub fn pending_timer(&mut self, workflow_id: &str) -> Result<Option<DateTime<Utc>>, Error> {
        let response: proto::GetWorkflowExecutionHistoryReverseResponse = self
            .call(
                "GetWorkflowExecutionHistoryReverse",
                proto::GetWorkflowExecutionHistoryReverseRequest {
                    namespace: self.located.namespace.clone(),
                    execution: Some(proto::WorkflowExecution {
                        workflow_id: workflow_id.into(),
                        run_id: String::new(),
                    }),
                    maximum_page_size: 50,
                    next_page_token: Vec::new(),
                },
            )
            .map_err(|f| self.failed("read the history of", workflow_id, f))?;
        for event in response.history.map(|h| h.events).unwrap_or_default() {
            match event.event_type {
                proto::EVENT_TYPE_TIMER_STARTED => {
                    let (Some(at), Some(after)) = (
                        time(event.event_time),
                        event
                            .timer_started_event_attributes
                            .and_then(|a| a.start_to_fire_timeout),
                    ) else {
                        return Ok(None);
                    };
                    return Ok(fires_at(at, after.seconds, after.nanos));
                }
                proto::EVENT_TYPE_TIMER_FIRED | proto::EVENT_TYPE_TIMER_CANCELED => {
                    return Ok(None)
                }
                _ => {}
            }
        }
        Ok(None)
    }

    /// Start a workflow with one `json/plain` argument, as `@temporalio/client`'s
    /// `workflow.start` sends it (the default payload converter: `JSON.stringify`), with
    /// the conflict policy TERMINATE_EXISTING. The new run's id.
    pub fn start_workflow(
        &mut self,
        workflow_type: &str,
        workflow_id: &str,
        task_queue: &str,
        argument: &serde_json::Value,
    ) -> Result<String, Error> {
        let payload = proto::Payload {
            metadata: [("encoding".to_string(), b"json/plain".to_vec())].into(),
            data: serde_json::to_vec(argument).expect("JSON serializes"),
        };
        let response: proto::StartWorkflowExecutionResponse = self
            .call(
                "StartWorkflowExecution",
                proto::StartWorkflowExecutionRequest {
                    namespace: self.located.namespace.clone(),
                    workflow_id: workflow_id.into(),
                    workflow_type: Some(proto::WorkflowType {
                        name: workflow_type.into(),
                    }),
                    task_queue: Some(proto::TaskQueue {
                        name: task_queue.into(),
                        kind: proto::TASK_QUEUE_KIND_NORMAL,
                    }),
                    input: Some(proto::Payloads {
                        payloads: vec![payload],
                    }),
                    identity: format!(
                        "postiz-connect {} (pid {})",
                        env!("CARGO_PKG_VERSION"),
                        std::process::id()
                    ),
                    request_id: request_id(),
                    workflow_id_conflict_policy:
                        proto::WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING,
                },
            )
            .map_err(|f| self.failed("start", workflow_id, f))?;
        Ok(response.run_id)
    }

    /// A failed call as an error naming the operation, with the fix for its cause.
    fn failed(&self, doing: &str, what: &str, failure: Failure) -> Error {
        call_failed(&self.located, doing, what, &failure)
    }
}

impl Drop for Temporal {
    fn drop(&mut self) {
        // Whatever a timed-out call left running is not waited for.
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

/// Temporal could not be reached.
fn unreachable(located: &Located, waited: Duration, cause: String) -> Error {
    Error::Unreachable {
        what: format!(
            "Postiz's Temporal at {} could not be reached (waited at most {})",
            located.shown(),
            crate::text::duration_words(waited)
        ),
        cause,
        fix: reach_advice(located),
    }
}

/// An address that is not `host:port`.
fn bad_address(located: &Located, why: &str) -> Error {
    Error::Config {
        what: format!(
            "the Temporal address {} ({}) is not host:port: {why}",
            located.address, located.from
        ),
        fix: "give it as Postiz takes TEMPORAL_ADDRESS: HOST:PORT without a scheme, e.g. \
              --temporal-address 127.0.0.1:7233"
            .into(),
    }
}

/// A call Temporal answered with an error (or never answered).
fn call_failed(located: &Located, doing: &str, what: &str, f: &Failure) -> Error {
    match f.code.as_str() {
        "connect" | "Unavailable" | "DeadlineExceeded" | "Cancelled" => Error::Unreachable {
            what: format!(
                "Postiz's Temporal at {} did not answer (to {doing} {what})",
                located.shown()
            ),
            cause: f.message.clone(),
            fix: reach_advice(located),
        },
        "Unauthenticated" | "PermissionDenied" => Error::Config {
            what: format!(
                "Temporal at {} refused to {doing} {what}: {} ({})",
                located.shown(),
                f.message,
                f.code
            ),
            fix: "give the API key Postiz uses (TEMPORAL_API_KEY in its .env or the \
                  environment), and TEMPORAL_TLS=true for Temporal Cloud"
                .into(),
        },
        "NotFound" => Error::Config {
            what: format!(
                "Temporal at {} has no namespace {}: {}",
                located.address, located.namespace, f.message
            ),
            fix: "set TEMPORAL_NAMESPACE as Postiz has it (default: default)".into(),
        },
        _ => Error::Store {
            what: format!(
                "Temporal at {} could not {doing} {what}: {} ({})",
                located.shown(),
                f.message,
                f.code
            ),
            fix: format!(
                "check Temporal's own state: temporal operator cluster health --address {}",
                located.address
            ),
        },
    }
}

/// A version-4 UUID, as Temporal's SDKs make request ids (the server deduplicates retries
/// of one request by it).
fn request_id() -> String {
    let mut b: [u8; 16] = rand::random();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

fn words(d: Duration) -> String {
    crate::text::duration_words(d)
}

/// The innermost cause of a transport error (tonic wraps hyper wraps io), on one line.
fn transport_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut cause: &dyn std::error::Error = err;
    while let Some(next) = cause.source() {
        cause = next;
    }
    crate::text::one_line(&cause.to_string(), 300)
}

/// When a timer started at `at` for `seconds` and `nanos` fires. A server's absurd timer
/// (beyond chrono's range) reads as no wake-up time rather than a crash.
fn fires_at(at: DateTime<Utc>, seconds: i64, nanos: i32) -> Option<DateTime<Utc>> {
    chrono::Duration::try_seconds(seconds)
        .and_then(|d| d.checked_add(&chrono::Duration::nanoseconds(nanos.into())))
        .and_then(|d| at.checked_add_signed(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_version_4_uuids() {
        let id = request_id();
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"), "{id}");
        assert_ne!(id, request_id());
    }

    #[test]
    fn statuses_are_named() {
        assert_eq!(status_name(1), "running");
        assert_eq!(status_name(5), "terminated");
        assert_eq!(status_name(42), "unknown");
    }

    #[test]
    fn an_absurd_timer_is_no_wake_up_time_not_a_crash() {
        let at = Utc::now();
        assert_eq!(
            fires_at(at, 60, 0),
            Some(at + chrono::Duration::seconds(60))
        );
        assert_eq!(fires_at(at, 9_300_000_000_000_000, 0), None);
        assert_eq!(fires_at(at, i64::MAX / 1000 - 1, 0), None);
    }
}
