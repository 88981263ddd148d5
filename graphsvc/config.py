"""Settings, read once from the environment, with safe defaults."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
FSYNC_POLICIES = ("always", "everysec", "no")
# PeerTube instances whose videos play inside posts (graphsvc.embeds); COOPOL_PEERTUBE_HOSTS replaces them.
PEERTUBE_HOSTS = ("framatube.org", "peertube.fr", "tilvids.com", "video.blender.org")


def host_list(raw: str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    """Host names from a comma-separated setting (the default when unset)."""
    if raw is None:
        return default
    return tuple(sorted({host.strip().lower() for host in raw.split(",") if host.strip()}))


@dataclass(frozen=True)
class Settings:
    instance_path: Path
    graph_url: str
    graph_name: str = "coopol"
    fsync: str = "always"
    neo4j_user: str | None = None
    neo4j_password: str | None = field(default=None, repr=False)
    neo4j_database: str | None = None
    limiter_storage: str | None = None
    trust_proxy: int = 0
    https: bool = False
    peertube_hosts: tuple[str, ...] = PEERTUBE_HOSTS
    smtp_url: str | None = field(default=None, repr=False)  # the e-mail digest (graphsvc.digest); unset: instance/outbox
    mail_from: str = "Coopol <noreply@localhost>"
    base_url: str = "http://127.0.0.1:5000"  # links in e-mails

    @classmethod
    def from_env(cls, environ=None) -> "Settings":
        env = os.environ if environ is None else environ
        instance = Path(env.get("COOPOL_INSTANCE", REPO_ROOT / "instance")).resolve()
        fsync = env.get("COOPOL_FSYNC", "always")
        if fsync not in FSYNC_POLICIES:
            raise ValueError(f"COOPOL_FSYNC must be one of {', '.join(FSYNC_POLICIES)}")
        return cls(
            instance_path=instance,
            graph_url=env.get("COOPOL_GRAPH_URL") or f"embedded://{instance / 'graph'}",
            graph_name=env.get("COOPOL_GRAPH_NAME", "coopol"),
            fsync=fsync,
            neo4j_user=env.get("COOPOL_NEO4J_USER"),
            neo4j_password=env.get("COOPOL_NEO4J_PASSWORD"),
            neo4j_database=env.get("COOPOL_NEO4J_DATABASE"),
            limiter_storage=env.get("COOPOL_LIMITER_STORAGE"),
            trust_proxy=int(env.get("COOPOL_TRUST_PROXY", "0")),
            https=env.get("COOPOL_HTTPS", "0").lower() in ("1", "true", "yes", "on"),
            peertube_hosts=host_list(env.get("COOPOL_PEERTUBE_HOSTS"), PEERTUBE_HOSTS),
            smtp_url=env.get("COOPOL_SMTP_URL") or None,
            mail_from=env.get("COOPOL_MAIL_FROM", "Coopol <noreply@localhost>"),
            base_url=env.get("COOPOL_BASE_URL", "http://127.0.0.1:5000"),
        )


def instance_secret(instance_path: Path, name: str, environ=None) -> str:
    """A secret from the environment (`COOPOL_<NAME>`), else generated once into the instance folder."""
    env = os.environ if environ is None else environ
    value = env.get(f"COOPOL_{name.upper()}")
    if value:
        return value
    instance_path.mkdir(parents=True, exist_ok=True)
    path = instance_path / f"{name.lower()}.secret"
    if not path.exists():
        # Written aside then linked: a second process never reads a half-written key.
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text().strip()
