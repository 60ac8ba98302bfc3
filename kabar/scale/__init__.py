"""Scale: the ingest cascade on a Dask cluster, partitioned by input (``--engine dask``).

Imported on demand (``kabar ingest --engine dask``), so that the single-process commands do
not load Dask.
"""

from ._dask import ClusterError, ingest_on_dask
from ._partitions import Documents, LineRange, Partition, WarcRange, WholeFile, partition_inputs

__all__ = [
    "ClusterError",
    "Documents",
    "LineRange",
    "Partition",
    "WarcRange",
    "WholeFile",
    "ingest_on_dask",
    "partition_inputs",
]
