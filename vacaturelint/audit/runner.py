"""Running the partitions on Dask (dask.distributed).

By default a local cluster on this machine: one worker process per core, one thread
each, on 127.0.0.1 (Dask's HTTP server on a free loopback port: ``dashboard_address=None``
does not switch it off, dask/distributed#8136, and would warn when 8787 is taken). With an address (``--scheduler`` or
``DASK_SCHEDULER_ADDRESS``) an existing cluster is used.

The driver reads one partition at a time and keeps at most a few per worker in
flight, so its memory does not grow with the feed either. Each task carries its
partition's records in the task itself (not scattered to one worker), so when a
worker dies the scheduler can run the task again on another worker; the driver
writes each partition's result once, when its task finishes.

Workers lint through :func:`vacaturelint.audit.frame.audit_frame`; the model is
loaded once per worker process (:mod:`.api`). A model error on a worker (say it
lacks the model) fails the task with that error, and the audit stops with it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections.abc import Callable, Iterator

from vacaturelint.audit.feeds import Partition
from vacaturelint.audit.frame import AuditSettings, audit_frame
from vacaturelint.errors import ModelError, VacaturelintError

WORKER_TIMEOUT = 60  # seconds to wait for a first worker on an existing cluster
IN_FLIGHT_PER_WORKER = 2


class ClusterError(VacaturelintError):
    """The cluster cannot be reached, has no workers, or lost a task for good."""


def lint_partition(frame, settings: AuditSettings):
    """The task: one partition's ads frame -> (ads, findings). Runs on a worker."""
    try:
        return audit_frame(frame, settings)
    except ModelError as exc:
        raise ModelError(f"op worker {_worker_name()}: {exc}") from None


def _worker_name() -> str:
    try:
        from dask.distributed import get_worker

        worker = get_worker()
        return f"{worker.name} ({worker.address})"
    except ValueError:
        return "(buiten Dask)"


@contextlib.contextmanager
def connect(address: str | None, workers: int | None):
    """A Client on an existing cluster (``address``) or on a new local one."""
    from dask.distributed import Client, LocalCluster

    if address:
        try:
            client = Client(address)  # waits distributed.comm.timeouts.connect (Dask's config, 30 s)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"kan geen verbinding maken met Dask-scheduler {address} ({_first(exc)})") from None
        try:
            client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except (TimeoutError, OSError):
            client.close()
            raise ClusterError(f"Dask-scheduler {address} heeft na {WORKER_TIMEOUT} s nog geen workers") from None
        try:
            yield client
        finally:
            client.close()
        return
    try:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
    except Exception as exc:  # noqa: BLE001 - ports, process limits, ...: one line, not a traceback
        raise ClusterError(f"kan geen lokaal Dask-cluster starten ({type(exc).__name__}: {_first(exc)})") from None
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def worker_count(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def run(client, parts: Iterator[Partition], settings: AuditSettings,
        on_result: Callable[[Partition, object, object], None], on_skip: Callable[[Partition], None]) -> None:
    """Lint all partitions that come with records; skipped ones go to ``on_skip``."""
    import pandas as pd
    from dask.distributed import as_completed

    limit = max(2, IN_FLIGHT_PER_WORKER * worker_count(client))
    token = uuid.uuid4().hex[:8]
    pending = as_completed()
    in_flight: dict[str, Partition] = {}

    def take_one() -> None:
        future = next(pending)
        part = in_flight.pop(future.key)
        try:
            ads, findings = future.result()
        except VacaturelintError:
            raise
        except Exception as exc:  # noqa: BLE001 - KilledWorker, a bug on a worker, ...
            raise ClusterError(f"partitie {part.key} mislukt: {type(exc).__name__}: {_first(exc)}; opnieuw starten "
                               "met dezelfde -o hervat waar de audit gebleven was") from None
        future.release()
        on_result(part, ads, findings)

    try:
        for part in parts:
            if part.records is None:
                on_skip(part)
                continue
            frame = pd.DataFrame.from_records(part.records)
            future = client.submit(lint_partition, frame, settings, key=f"vacaturelint-audit-{token}-{part.key}",
                                   pure=False)
            part.records = None  # the task holds them now
            in_flight[future.key] = part
            pending.add(future)
            while len(in_flight) >= limit:
                take_one()
        while in_flight:
            take_one()
    finally:
        if in_flight:
            client.cancel(list(pending.futures))


def _first(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__
