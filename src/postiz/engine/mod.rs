//! Postiz's engine: the Temporal namespace its orchestrator works in (Postiz v2.12 and
//! later). Where it is ([`locate`]), what `postiz status` reads of it ([`read`]: the workers
//! polling its task queues, each threads / instagram-standalone channel's
//! `refresh_<id>` workflow, the posts due with no `post_<id>` workflow), and the one thing a
//! repair starts in it ([`restart_refresh_workflow`]). Reads never start, signal or
//! terminate anything.
//!
//! Facts from gitroomhq/postiz-app at [`super::POSTIZ_COMMIT`]:
//! - connection: `libraries/nestjs-libraries/src/temporal/temporal.module.ts`
//!   (`TEMPORAL_ADDRESS` or `localhost:7233`, `TEMPORAL_TLS === 'true'`, `TEMPORAL_API_KEY`,
//!   `TEMPORAL_NAMESPACE` or `default`); its workers: `main` (workflows and activities) and
//!   one activity queue per provider, the identifier up to its first `-`, minus
//!   `EXCLUDE_QUEUE`;
//! - `refreshTokenWorkflow`: `apps/orchestrator/src/workflows/refresh.token.workflow.ts`,
//!   started by `startRefreshWorkflow` in
//!   `libraries/nestjs-libraries/src/integrations/refresh.integration.service.ts`;
//! - posts: `postWorkflowV109`, id `post_<postId>`, started by `startWorkflow` in
//!   `libraries/nestjs-libraries/src/database/prisma/posts/posts.service.ts`; the sweep
//!   `missing-post-workflow` (`missing.post.workflow.ts`, started at boot with `RUN_CRON`
//!   by `infinite.workflow.register.ts`) restarts, hourly, posts due in the last two days
//!   (`searchForMissingThreeHoursPosts` in `posts.repository.ts`).
mod place;
pub mod proto;
mod repair;
mod report;
mod temporal;
mod watch;

pub use place::{
    locate, manual_start_command, provider_queue, reach_advice, refresh_argument,
    refresh_workflow_id, Located, DEFAULT_ADDRESS, MAIN_QUEUE, NO_TEMPORAL, REFRESH_WORKFLOW_TYPE,
};
pub use repair::{
    after_repair, repair_flag, restart_refresh_workflow, running_post_workflows,
    running_posts_after_refresh, Notice, Repaired, RunningPosts, WorkflowOutcome,
};
pub use report::{read, read_workers, EngineReport, OverduePost, QueueReport, RefreshReport, AREA};
pub use temporal::{Execution, Poller, Temporal};
pub use watch::RefreshWatch;
