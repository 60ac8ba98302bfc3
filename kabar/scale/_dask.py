"""``kabar ingest --engine dask``: read -> extract -> code on a Dask cluster, store on the client.

The client plans partitions (see ``_partitions``), keeps at most
``scale.in_flight_per_worker`` of them per worker on the cluster, and takes the results
back in submission order, so the store is written in the same order as by the
single-process run: the same input gives the same articles, versions and duplicates.
Memory stays flat on both sides: the client holds the results of one partition at a time
(waiting ones stay on the workers) and a worker holds one partition's documents.

Story grouping runs on the client after each stored batch, as in the single-process run,
while the workers go on with the partitions in flight: which articles end up together
does not depend on the order they arrive in, so the stories are those of the
single-process run. (Grouping everything once after the writes was measured too: the
client then groups alone while the workers idle; IndoSum took 25 s on 2 workers, against
21 s this way.)
"""

from __future__ import annotations

import hashlib
import logging
import threading
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from distributed import Client, Future, LocalCluster

from ..errors import KabarError
from ..events import Coder
from ..extract import Extractor
from ..models import Article, Failure
from ..pipeline import IngestReport, Progress, code_all, extract_all, store_batch
from ..read import Reader
from ..settings import Settings
from ..store import Store
from ..stories import StoryBuilder
from ._partitions import Partition, partition_inputs, read_partition


def ingest_on_dask(
    inputs: Iterable[str],
    store: Store,
    settings: Settings,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    code: bool = True,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest on the cluster at ``scheduler``, or on a LocalCluster of ``workers`` processes
    (default ``scale.workers``; 0 means one per CPU core) started for this run.

    Raises :class:`ClusterError` when the scheduler cannot be reached or the local
    cluster cannot start.
    """
    size = workers if workers is not None else settings.scale.workers
    with _client(scheduler, size, settings.scale.connect_timeout_s) as client:
        return _ingest(client, inputs, store, settings, code, progress)


class ClusterError(KabarError):
    """The Dask scheduler cannot be reached, or the local cluster cannot start."""


@contextmanager
def _client(scheduler: str | None, workers: int, timeout_s: float) -> Iterator[Client]:
    if scheduler:
        try:
            client = Client(scheduler, timeout=timeout_s)
        except (OSError, ValueError) as exc:
            raise ClusterError(
                f"cannot connect to the Dask scheduler at {scheduler}: {exc}"
            ) from exc
        with client:
            yield client
        return
    with warnings.catch_warnings():
        # its health-check HTTP server moves off a busy port 8787 and says so: not news
        warnings.filterwarnings("ignore", "Port 8787 is already in use", UserWarning)
        try:
            cluster = LocalCluster(
                n_workers=workers or None,
                threads_per_worker=1,  # the stages are pure Python: one thread per process
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        except (OSError, RuntimeError) as exc:
            raise ClusterError(f"cannot start a local Dask cluster: {exc}") from exc
    with cluster, Client(cluster) as client:
        yield client


def _ingest(
    client: Client,
    inputs: Iterable[str],
    store: Store,
    settings: Settings,
    code: bool,
    progress: Progress | None,
) -> IngestReport:
    writer = _Writer(store, settings, progress)
    reader = Reader(settings)  # on the client: URLs, stdin and feeds
    key = _settings_key(settings)
    in_flight = settings.scale.in_flight_per_worker * max(1, len(client.nthreads()))
    waiting: deque[tuple[Partition, Future]] = deque()
    try:
        for partition in partition_inputs(inputs, reader, settings.scale.partition_records):
            future = client.submit(process_partition, partition, settings, code, key, pure=False)
            waiting.append((partition, future))
            if len(waiting) >= in_flight:
                writer.write(_result(*waiting.popleft()))
        while waiting:
            writer.write(_result(*waiting.popleft()))
        writer.finish()
    finally:
        reader.close()
        client.cancel([future for _, future in waiting])
    return writer.report


def _result(partition: Partition, future: Future) -> list[Article | Failure]:
    """A partition's items; a task that failed as a whole (a worker died) is one Failure."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - one lost partition must not stop the batch
        reason = f"processing on the cluster failed: {type(exc).__name__}: {exc}"
        return [Failure(partition.location, reason, "dask")]
    finally:
        future.release()


def _settings_key(settings: Settings) -> str:
    """Names the settings the stages are built from, so a worker builds them once per run
    configuration (and never serves one run's lexicons to another)."""
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:16]


# -- on a worker -------------------------------------------------------------------------------


@dataclass
class _Stages:
    reader: Reader
    extractor: Extractor
    coder: Coder


_WORKER_STAGES = threading.local()  # per worker thread: the settings key and its _Stages


def process_partition(
    partition: Partition, settings: Settings, code: bool, key: str
) -> list[Article | Failure]:
    """Read, extract and (when ``code``) code one partition: the task a worker runs."""
    stages = _stages(settings, key)
    stream = extract_all(read_partition(partition, stages.reader), stages.extractor)
    if code:
        stream = code_all(stream, stages.coder)
    return list(stream)


def _stages(settings: Settings, key: str) -> _Stages:
    """This thread's stages, built when the settings change: lexicons and gazetteers load
    once per worker and run, not once per partition, and only one run's are kept."""
    if getattr(_WORKER_STAGES, "key", None) != key:
        _WORKER_STAGES.stages = _Stages(Reader(settings), Extractor(settings), Coder(settings))
        _WORKER_STAGES.key = key
    return _WORKER_STAGES.stages


# -- on the client -----------------------------------------------------------------------------


class _Writer:
    """Stores results in batches of ``store.batch_size`` and groups each stored batch into
    stories, as the single-process run does, while the workers go on with the partitions
    in flight (rather than grouping the whole corpus at the end, with the workers idle)."""

    def __init__(self, store: Store, settings: Settings, progress: Progress | None) -> None:
        self.store = store
        self.settings = settings
        self.progress = progress
        self.report = IngestReport()
        self.batch: list[Article] = []
        self.stories = StoryBuilder(store, settings) if settings.stories.enabled else None

    def write(self, items: list[Article | Failure]) -> None:
        for item in items:
            self.report.read += 1
            if isinstance(item, Failure):
                self.report.failures.append(item)
            else:
                self.batch.append(item)
                if len(self.batch) >= self.settings.store.batch_size:
                    self.flush()
            if self.progress:
                self.progress(self.report)

    def flush(self) -> None:
        # the single-process run's own step, so both engines store and count alike
        store_batch(self.store, self.batch, self.report, self.stories)

    def finish(self) -> None:
        """The last batch, then fresh planner statistics (as ``ingest`` does)."""
        self.flush()
        if self.report.stored or self.report.new_versions:
            self.store.refresh_statistics()
