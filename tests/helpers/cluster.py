"""Seen's cluster as `make run-cluster` starts it (Procfile.cluster), on test
ports: HAProxy (deploy/haproxy.cfg) in front of two Rasa servers
(bot/endpoints.cluster.yml: Redis tracker and lock stores) and two action
servers saving notes to PostgreSQL, with a Redis of its own that the tests
can restart. Any server can be killed with SIGKILL and started again."""

import os
import signal
import subprocess
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import psutil
import requests

from tests.helpers import bot
from tests.helpers.paths import ARTIFACTS, ROOT
from tests.helpers.redis_server import RedisServer, free_port

BALANCER_PORT = int(os.environ.get("SEEN_TEST_CLUSTER_PORT", "5705"))
RASA_PORTS = {"rasa1": BALANCER_PORT + 1, "rasa2": BALANCER_PORT + 2}
ACTIONS_PORT = BALANCER_PORT + 50
ACTION_PORTS = {"actions1": ACTIONS_PORT + 1, "actions2": ACTIONS_PORT + 2}
WEB_PORTS = {"web": BALANCER_PORT + 75, "web1": BALANCER_PORT + 76, "web2": BALANCER_PORT + 77}  # not started
HAPROXY = "/usr/sbin/haproxy"


@dataclass
class Cluster:
    redis: RedisServer
    database_url: str
    env: Dict[str, str]
    processes: Dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{BALANCER_PORT}"

    def start(self, name: str) -> None:
        log = ARTIFACTS / f"cluster-{name}.log"
        if name in RASA_PORTS:
            args = [str(bot.RASA), "run", "--interface", "127.0.0.1", "--port", str(RASA_PORTS[name]),
                    "--credentials", "credentials.yml", "--endpoints", "endpoints.cluster.yml",
                    "--model", "models", "--logging-config-file", "logging.yml"]
            extra = {"SANIC_REQUEST_MAX_SIZE": "65536"}
        elif name in ACTION_PORTS:
            args = [str(bot.RASA), "run", "actions", "--port", str(ACTION_PORTS[name])]
            extra = {"DATABASE_URL": self.database_url}
        else:
            args, extra = [HAPROXY, "-db", "-f", str(ROOT / "deploy" / "haproxy.cfg")], {}
        self.processes[name] = bot.start(args, log, **self.env, **extra)

    def kill(self, name: str) -> None:
        """As a crash: SIGKILL, no chance to finish anything."""
        process = self.processes[name]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def alive(self) -> List[str]:
        return [name for name, process in self.processes.items() if process.poll() is None]

    def wait_until_answering(self, name: str) -> None:
        bot.wait_until_answering(self.processes[name], RASA_PORTS[name], ARTIFACTS / f"cluster-{name}.log")

    def wait_until_balanced(self, timeout: float = 30) -> None:
        """Until HAProxy's health checks have found every Rasa and action server that is alive."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(_answers_health(port, "/") for name, port in RASA_PORTS.items() if name in self.alive()) and \
                    all(_answers_health(port, "/health") for name, port in ACTION_PORTS.items()
                        if name in self.alive()):
                time.sleep(4.5)  # two health checks, 2 s apart, to mark them up
                return
            time.sleep(0.5)
        raise RuntimeError("the cluster's servers did not come up")

    def connections(self) -> Dict[str, Set[Tuple[str, int]]]:
        """Each live Rasa server's established connections (from HAProxy)."""
        return {name: {c.raddr for c in psutil.Process(self.processes[name].pid).net_connections("tcp")
                       if c.laddr.port == port and c.status == psutil.CONN_ESTABLISHED}
                for name, port in RASA_PORTS.items() if name in self.alive()}

    def holding_socket(self, before: Dict[str, Set[Tuple[str, int]]]) -> str:
        """The Rasa server holding a websocket opened since `before`: the one with
        a new connection that stays (HAProxy's health checks come and go)."""
        for _ in range(20):
            new = {name: now - before.get(name, set()) for name, now in self.connections().items()}
            holding = [name for name, added in new.items() if added]
            if len(holding) == 1:
                return holding[0]
            time.sleep(0.2)
        raise RuntimeError("cannot tell which Rasa server holds the websocket")

    def rss_mb(self) -> Dict[str, float]:
        return {name: psutil.Process(p.pid).memory_info().rss / 2**20 for name, p in self.processes.items()
                if p.poll() is None}


def _answers_health(port: int, path: str) -> bool:
    try:
        return requests.get(f"http://127.0.0.1:{port}{path}", timeout=2).status_code == 200
    except requests.RequestException:
        return False


def send(sender: str, text: str, timeout: float = 60) -> List[dict]:
    """One message through HAProxy over REST; the bot's messages for that turn."""
    response = requests.post(f"http://127.0.0.1:{BALANCER_PORT}/webhooks/rest/webhook",
                             json={"sender": sender, "message": text}, timeout=timeout)
    response.raise_for_status()
    return response.json()


@contextmanager
def running(folder: Path, database_url: str) -> Iterator[Cluster]:
    ARTIFACTS.mkdir(exist_ok=True)
    ports = [BALANCER_PORT, ACTIONS_PORT, *RASA_PORTS.values(), *ACTION_PORTS.values(), WEB_PORTS["web"]]
    bot.ensure_free(*ports)
    redis = RedisServer(free_port(), folder)
    redis.start()
    env = {"SEEN_BIND": "127.0.0.1", "SEEN_RASA_PORT": str(BALANCER_PORT), "SEEN_ACTIONS_PORT": str(ACTIONS_PORT),
           "SEEN_REDIS_HOST": "127.0.0.1", "SEEN_REDIS_PORT": str(redis.port),
           "SEEN_SESSION_KEY": uuid.uuid4().hex, "SEEN_WIDGET_ORIGINS": bot.WIDGET_ORIGIN,
           **{f"SEEN_{name.upper()}_PORT": str(port) for name, port in {**RASA_PORTS, **ACTION_PORTS}.items()},
           **{f"SEEN_{name.upper()}_PORT": str(port) for name, port in WEB_PORTS.items()}}
    cluster = Cluster(redis, database_url, env)
    try:
        for name in ("balancer", *ACTION_PORTS, *RASA_PORTS):
            cluster.start(name)
        for name in RASA_PORTS:
            cluster.wait_until_answering(name)
        cluster.wait_until_balanced()
        yield cluster
    finally:
        for name in list(cluster.processes):
            bot.stop(cluster.processes[name])
        if redis.process.poll() is None:
            redis.kill()

