"""The pipeline as one cascade: read -> extract -> code -> store -> cluster.

Each input flows through the stages one document at a time, so memory stays flat however
large the corpus. A failure at any stage is recorded with its location and reason and
the batch goes on; articles are written in transactions of ``store.batch_size``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .errors import InputError
from .events import Coder
from .extract import Extractor
from .models import Article, Failure, RawDoc
from .read import Reader
from .settings import Settings
from .store import Added, Outcome, Store
from .stories import StoryBuilder

Progress = Callable[["IngestReport"], None]


@dataclass
class IngestReport:
    """What a run did: the summary every ingest ends with."""

    read: int = 0
    stored: int = 0
    new_versions: int = 0
    duplicates: int = 0
    events: int = 0
    new_stories: int = 0
    joined_stories: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def count(self, outcome: Outcome) -> None:
        if outcome is Outcome.STORED:
            self.stored += 1
        elif outcome is Outcome.NEW_VERSION:
            self.new_versions += 1
        else:
            self.duplicates += 1

    def as_dict(self) -> dict:
        return {
            "read": self.read,
            "stored": self.stored,
            "new_versions": self.new_versions,
            "duplicates": self.duplicates,
            "events": self.events,
            "new_stories": self.new_stories,
            "joined_stories": self.joined_stories,
            "failed": self.failed,
            "failures": [
                {"location": f.location, "reason": f.reason, "stage": f.stage}
                for f in self.failures
            ],
        }


def extract_all(
    docs: Iterable[RawDoc | Failure], extractor: Extractor
) -> Iterator[Article | Failure]:
    """The extract stage over a stream: each RawDoc becomes an Article or a Failure."""
    for doc in docs:
        if isinstance(doc, Failure):
            yield doc
            continue
        try:
            yield extractor.extract(doc)
        except InputError as exc:
            yield Failure(exc.location, exc.reason, exc.stage)
        except Exception as exc:  # noqa: BLE001 - one odd page must not stop the batch
            yield Failure(
                doc.location, f"extraction failed: {type(exc).__name__}: {exc}", "extract"
            )


def code_all(items: Iterable[Article | Failure], coder: Coder) -> Iterator[Article | Failure]:
    """The code stage over a stream: attach each article's events."""
    for item in items:
        if isinstance(item, Article):
            item.events = coder.code(item)
        yield item


def ingest(
    inputs: Iterable[str],
    store: Store,
    settings: Settings,
    *,
    extractor: Extractor | None = None,
    coder: Coder | None = None,
    code: bool = True,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, extract, code (unless ``code`` is False), store every input and, when
    ``stories.enabled``, put each stored batch into stories."""
    report = IngestReport()
    stories = StoryBuilder(store, settings) if settings.stories.enabled else None
    reader = Reader(settings)
    stream = extract_all(reader.read(inputs), extractor or Extractor(settings))
    if code:
        stream = code_all(stream, coder or Coder(settings))
    batch: list[Article] = []
    try:
        for item in stream:
            report.read += 1
            if isinstance(item, Failure):
                report.failures.append(item)
            else:
                batch.append(item)
                if len(batch) >= settings.store.batch_size:
                    store_batch(store, batch, report, stories)
            if progress:
                progress(report)
        store_batch(store, batch, report, stories)
    finally:
        reader.close()
    if report.stored or report.new_versions:
        store.refresh_statistics()
    return report


def store_batch(
    store: Store, batch: list[Article], report: IngestReport, stories: StoryBuilder | None
) -> list[Added]:
    """The store stage for one batch (emptied): add it, count the outcomes in ``report``,
    put the new articles in stories; what became of each article, in order."""
    added = store.add_many(batch)
    new_ids = []
    for article, one in zip(batch, added, strict=True):
        report.count(one.outcome)
        if one.outcome is not Outcome.DUPLICATE:
            report.events += len(article.events)
            new_ids.append(one.article_id)
    batch.clear()
    if stories is not None and new_ids:
        grouped = stories.add(new_ids)
        report.new_stories += grouped.new_stories
        report.joined_stories += grouped.joined
    return added
