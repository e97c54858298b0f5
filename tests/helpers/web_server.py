"""The supervision web app as `make run` starts it (waitress), on a port of its own."""

import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, Optional

import requests

from tests.helpers.paths import BIN, ROOT

START_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def web_server(env: Dict[str, str], log: Path, port: Optional[int] = None) -> Iterator[str]:
    """The web app, until the block ends; yields its URL."""
    port = port or free_port()
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(BIN / "waitress-serve"), "--listen", f"127.0.0.1:{port}", "--call", "seen.web:create_app"],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    raise RuntimeError(f"the web app stopped while starting:\n{log.read_text()}")
                try:
                    if requests.get(f"{url}/login", timeout=1).status_code == 200:
                        break
                except requests.ConnectionError:
                    time.sleep(0.25)
            else:
                raise RuntimeError(f"the web app did not answer within {START_TIMEOUT_S} s:\n{log.read_text()}")
            yield url
        finally:
            process.terminate()
            process.wait(timeout=20)
