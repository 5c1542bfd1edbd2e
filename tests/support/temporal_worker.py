"""Plays Postiz's orchestrator for the engine tests (tests/it/postiz/engine.rs): a Temporal
worker on task queue `main` with workflows of Postiz's names, and activity workers on the
provider queues given. Temporal's Python SDK (`temporalio`).

  python temporal_worker.py ADDRESS NAMESPACE [PROVIDER_QUEUE...]

Prints READY once polling; runs until killed.

The workflows only wait, as Postiz's do between their steps: `refreshTokenWorkflow` sleeps
(Postiz's sleeps until the token's expiry, apps/orchestrator/src/workflows/
refresh.token.workflow.ts), `postWorkflowV109` and `missingPostWorkflow` too.
"""

import asyncio
import sys
from datetime import timedelta

from temporalio import activity, workflow
from temporalio.client import Client
from temporalio.worker import Worker


@workflow.defn(name="refreshTokenWorkflow")
class RefreshTokenWorkflow:
    @workflow.run
    async def run(self, argument: dict) -> bool:
        await workflow.sleep(timedelta(days=30))
        return False


@workflow.defn(name="postWorkflowV109")
class PostWorkflow:
    @workflow.run
    async def run(self, argument: dict) -> None:
        await workflow.sleep(timedelta(days=1))


@workflow.defn(name="missingPostWorkflow")
class MissingPostWorkflow:
    @workflow.run
    async def run(self) -> None:
        while True:
            await workflow.sleep(timedelta(hours=1))


@activity.defn(name="noop")
async def noop() -> None:
    return None


async def main() -> None:
    address, namespace, *queues = sys.argv[1:]
    client = await Client.connect(address, namespace=namespace)
    workers = [
        Worker(
            client,
            task_queue="main",
            workflows=[RefreshTokenWorkflow, PostWorkflow, MissingPostWorkflow],
            activities=[noop],
        )
    ]
    workers += [Worker(client, task_queue=q, activities=[noop]) for q in queues]
    print("READY", flush=True)
    await asyncio.gather(*(w.run() for w in workers))


if __name__ == "__main__":
    asyncio.run(main())
