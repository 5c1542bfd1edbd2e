//! The few messages of Temporal's gRPC API (`temporal.api.workflowservice.v1.WorkflowService`)
//! this tool sends and reads, as prost structs. Field numbers and types are those of
//! temporalio/api (`temporal/api/workflowservice/v1/request_response.proto`,
//! `common/v1/message.proto`, `taskqueue/v1/message.proto`, `workflow/v1/message.proto`,
//! `history/v1/message.proto`, `enums/v1/*.proto`), as vendored by the `temporalio-protos`
//! crate 0.10.2. Only the fields used are declared: protobuf decoders skip the others, and
//! a message sent with fewer fields is the same message with those fields unset.
//!
//! Written by hand rather than generated because generating needs the whole API (about 300
//! files, a protobuf compiler at build time, and several MB of code) for five calls.

/// `google.protobuf.Timestamp`.
#[derive(Clone, Copy, PartialEq, prost::Message)]
pub struct Timestamp {
    #[prost(int64, tag = "1")]
    pub seconds: i64,
    #[prost(int32, tag = "2")]
    pub nanos: i32,
}

/// `google.protobuf.Duration`.
#[derive(Clone, Copy, PartialEq, prost::Message)]
pub struct Duration {
    #[prost(int64, tag = "1")]
    pub seconds: i64,
    #[prost(int32, tag = "2")]
    pub nanos: i32,
}

/// `temporal.api.common.v1.WorkflowExecution`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct WorkflowExecution {
    #[prost(string, tag = "1")]
    pub workflow_id: String,
    #[prost(string, tag = "2")]
    pub run_id: String,
}

/// `temporal.api.common.v1.WorkflowType`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct WorkflowType {
    #[prost(string, tag = "1")]
    pub name: String,
}

/// `temporal.api.common.v1.Payload`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Payload {
    #[prost(map = "string, bytes", tag = "1")]
    pub metadata: std::collections::HashMap<String, Vec<u8>>,
    #[prost(bytes = "vec", tag = "2")]
    pub data: Vec<u8>,
}

/// `temporal.api.common.v1.Payloads`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Payloads {
    #[prost(message, repeated, tag = "1")]
    pub payloads: Vec<Payload>,
}

/// `temporal.api.taskqueue.v1.TaskQueue`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct TaskQueue {
    #[prost(string, tag = "1")]
    pub name: String,
    /// `TaskQueueKind`: 1 = NORMAL.
    #[prost(int32, tag = "2")]
    pub kind: i32,
}

pub const TASK_QUEUE_KIND_NORMAL: i32 = 1;
/// `TaskQueueType`.
pub const TASK_QUEUE_TYPE_WORKFLOW: i32 = 1;
pub const TASK_QUEUE_TYPE_ACTIVITY: i32 = 2;
/// `WorkflowIdConflictPolicy`.
pub const WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING: i32 = 3;
/// `WorkflowExecutionStatus`: 1 = RUNNING, then COMPLETED, FAILED, CANCELED, TERMINATED,
/// CONTINUED_AS_NEW, TIMED_OUT, PAUSED.
pub const WORKFLOW_EXECUTION_STATUS_RUNNING: i32 = 1;
/// `EventType`.
pub const EVENT_TYPE_TIMER_STARTED: i32 = 17;
pub const EVENT_TYPE_TIMER_FIRED: i32 = 18;
pub const EVENT_TYPE_TIMER_CANCELED: i32 = 19;

/// `DescribeTaskQueueRequest`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct DescribeTaskQueueRequest {
    #[prost(string, tag = "1")]
    pub namespace: String,
    #[prost(message, optional, tag = "2")]
    pub task_queue: Option<TaskQueue>,
    #[prost(int32, tag = "3")]
    pub task_queue_type: i32,
    #[prost(bool, tag = "8")]
    pub report_stats: bool,
}

/// `temporal.api.taskqueue.v1.PollerInfo`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct PollerInfo {
    #[prost(message, optional, tag = "1")]
    pub last_access_time: Option<Timestamp>,
    #[prost(string, tag = "2")]
    pub identity: String,
}

/// `temporal.api.taskqueue.v1.TaskQueueStats`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct TaskQueueStats {
    #[prost(int64, tag = "1")]
    pub approximate_backlog_count: i64,
    #[prost(message, optional, tag = "2")]
    pub approximate_backlog_age: Option<Duration>,
}

/// `DescribeTaskQueueResponse`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct DescribeTaskQueueResponse {
    #[prost(message, repeated, tag = "1")]
    pub pollers: Vec<PollerInfo>,
    #[prost(message, optional, tag = "5")]
    pub stats: Option<TaskQueueStats>,
}

/// `DescribeWorkflowExecutionRequest`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct DescribeWorkflowExecutionRequest {
    #[prost(string, tag = "1")]
    pub namespace: String,
    #[prost(message, optional, tag = "2")]
    pub execution: Option<WorkflowExecution>,
}

/// `temporal.api.workflow.v1.WorkflowExecutionInfo`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct WorkflowExecutionInfo {
    #[prost(message, optional, tag = "1")]
    pub execution: Option<WorkflowExecution>,
    #[prost(message, optional, tag = "2")]
    pub r#type: Option<WorkflowType>,
    #[prost(message, optional, tag = "3")]
    pub start_time: Option<Timestamp>,
    #[prost(message, optional, tag = "4")]
    pub close_time: Option<Timestamp>,
    #[prost(int32, tag = "5")]
    pub status: i32,
    #[prost(string, tag = "13")]
    pub task_queue: String,
}

/// `DescribeWorkflowExecutionResponse`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct DescribeWorkflowExecutionResponse {
    #[prost(message, optional, tag = "2")]
    pub workflow_execution_info: Option<WorkflowExecutionInfo>,
}

/// `ListWorkflowExecutionsRequest`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct ListWorkflowExecutionsRequest {
    #[prost(string, tag = "1")]
    pub namespace: String,
    #[prost(int32, tag = "2")]
    pub page_size: i32,
    #[prost(bytes = "vec", tag = "3")]
    pub next_page_token: Vec<u8>,
    #[prost(string, tag = "4")]
    pub query: String,
}

/// `ListWorkflowExecutionsResponse`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct ListWorkflowExecutionsResponse {
    #[prost(message, repeated, tag = "1")]
    pub executions: Vec<WorkflowExecutionInfo>,
    #[prost(bytes = "vec", tag = "2")]
    pub next_page_token: Vec<u8>,
}

/// `GetWorkflowExecutionHistoryReverseRequest`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct GetWorkflowExecutionHistoryReverseRequest {
    #[prost(string, tag = "1")]
    pub namespace: String,
    #[prost(message, optional, tag = "2")]
    pub execution: Option<WorkflowExecution>,
    #[prost(int32, tag = "3")]
    pub maximum_page_size: i32,
    #[prost(bytes = "vec", tag = "4")]
    pub next_page_token: Vec<u8>,
}

/// `temporal.api.history.v1.TimerStartedEventAttributes`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct TimerStartedEventAttributes {
    #[prost(string, tag = "1")]
    pub timer_id: String,
    #[prost(message, optional, tag = "2")]
    pub start_to_fire_timeout: Option<Duration>,
}

/// `temporal.api.history.v1.HistoryEvent`: of its `attributes` oneof, only
/// `timer_started_event_attributes` (field 20) is read.
#[derive(Clone, PartialEq, prost::Message)]
pub struct HistoryEvent {
    #[prost(int64, tag = "1")]
    pub event_id: i64,
    #[prost(message, optional, tag = "2")]
    pub event_time: Option<Timestamp>,
    #[prost(int32, tag = "3")]
    pub event_type: i32,
    #[prost(message, optional, tag = "20")]
    pub timer_started_event_attributes: Option<TimerStartedEventAttributes>,
}

/// `temporal.api.history.v1.History`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct History {
    #[prost(message, repeated, tag = "1")]
    pub events: Vec<HistoryEvent>,
}

/// `GetWorkflowExecutionHistoryReverseResponse`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct GetWorkflowExecutionHistoryReverseResponse {
    #[prost(message, optional, tag = "1")]
    pub history: Option<History>,
}

/// `StartWorkflowExecutionRequest`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct StartWorkflowExecutionRequest {
    #[prost(string, tag = "1")]
    pub namespace: String,
    #[prost(string, tag = "2")]
    pub workflow_id: String,
    #[prost(message, optional, tag = "3")]
    pub workflow_type: Option<WorkflowType>,
    #[prost(message, optional, tag = "4")]
    pub task_queue: Option<TaskQueue>,
    #[prost(message, optional, tag = "5")]
    pub input: Option<Payloads>,
    #[prost(string, tag = "9")]
    pub identity: String,
    #[prost(string, tag = "10")]
    pub request_id: String,
    #[prost(int32, tag = "22")]
    pub workflow_id_conflict_policy: i32,
}

/// `StartWorkflowExecutionResponse`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct StartWorkflowExecutionResponse {
    #[prost(string, tag = "1")]
    pub run_id: String,
    #[prost(bool, tag = "3")]
    pub started: bool,
}

/// `GetSystemInfoRequest` (empty) and the part of its response read.
#[derive(Clone, PartialEq, prost::Message)]
pub struct GetSystemInfoRequest {}

#[derive(Clone, PartialEq, prost::Message)]
pub struct GetSystemInfoResponse {
    #[prost(string, tag = "1")]
    pub server_version: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use prost::Message;

    #[test]
    fn the_start_request_encodes_postizs_fields_at_their_numbers() {
        let request = StartWorkflowExecutionRequest {
            namespace: "default".into(),
            workflow_id: "refresh_r1".into(),
            workflow_type: Some(WorkflowType {
                name: "refreshTokenWorkflow".into(),
            }),
            task_queue: None,
            input: None,
            identity: String::new(),
            request_id: String::new(),
            workflow_id_conflict_policy: WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING,
        };
        let bytes = request.encode_to_vec();
        // Field 22, varint: key (22 << 3 | 0) = 176 = 0xb0 0x01, then 3.
        assert!(bytes.ends_with(&[0xb0, 0x01, 3]), "{bytes:x?}");
        // Field 1, length-delimited: 0x0a, 7, "default".
        assert!(bytes.starts_with(&[0x0a, 7, b'd']), "{bytes:x?}");
    }

    #[test]
    fn unknown_fields_of_a_response_are_skipped() {
        // A PollerInfo with identity (2) and rate_per_second (3, a double we do not declare).
        let mut bytes = vec![0x12, 2, b'w', b'1', 0x19];
        bytes.extend_from_slice(&1.5f64.to_le_bytes());
        let poller = PollerInfo::decode(bytes.as_slice()).unwrap();
        assert_eq!(poller.identity, "w1");
    }
}
