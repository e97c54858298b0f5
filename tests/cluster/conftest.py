"""One cluster for every test here (tests/helpers/cluster.py), notes in a
throw-away PostgreSQL database: what `make run-cluster` runs, on test ports."""

from typing import Iterator

import pytest

from seen.db import migrate
from tests.helpers import cluster as cluster_helper


@pytest.fixture(scope="session")
def cluster(tmp_path_factory, postgres_database) -> Iterator[cluster_helper.Cluster]:
    url = postgres_database.render_as_string(hide_password=False)
    migrate(url)
    with cluster_helper.running(tmp_path_factory.mktemp("cluster"), url) as running:
        yield running
