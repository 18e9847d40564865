"""Settings read from CLUSTERMATCH_* environment variables."""

from functools import lru_cache
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLUSTERMATCH_", extra="ignore")

    database_url: str = "sqlite:///./clustermatch.db"
    admin_token: str | None = None
    public_read: bool = True
    seed_on_start: bool = True
    # Comma-separated in the environment: "https://a.example,https://b.example".
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    log_level: str = "INFO"
    thread_pool_size: int = Field(default=4, ge=1, le=200)
    read_cache_size: int = Field(default=50_000, ge=0)
    # Request bodies above these sizes are refused (413) before anything parses them.
    max_body_bytes: int = Field(default=1 << 20, ge=1024)
    sync_max_body_bytes: int = Field(default=16 << 20, ge=1024)
    # Bounded waits: a lock wait or a statement past these fails (503) instead of hanging.
    lock_timeout_ms: int = Field(default=5_000, ge=100)
    statement_timeout_ms: int = Field(default=30_000, ge=100)
    # On SIGTERM, requests in flight get this long to finish before the server stops.
    graceful_shutdown_s: int = Field(default=15, ge=0)
    # How much a partner's funded consortia lift its pair scores (0 = off).
    track_record_weight: float = Field(default=0.1, ge=0.0, le=1.0)
    # Webhooks: receivers on loopback, link-local or private addresses are refused unless
    # this is true (for tests and closed networks).
    webhooks_allow_private: bool = False
    # Run a delivery dispatcher inside each API process (`serve --no-dispatch` turns it off,
    # e.g. when `clustermatch webhooks dispatch` runs on its own).
    webhooks_dispatch: bool = True
    webhooks_timeout_s: float = Field(default=10.0, gt=0, le=120)
    webhooks_retry_base_s: float = Field(default=5.0, gt=0)
    webhooks_retry_max_s: float = Field(default=3600.0, gt=0)
    # A subscription whose every attempt failed for this long is turned off (3 days).
    webhooks_disable_after_s: float = Field(default=259_200.0, gt=0)
    webhooks_poll_interval_s: float = Field(default=0.2, gt=0, le=60)
    # After a secret rotation, deliveries are signed with the old secret too for this long.
    webhooks_secret_grace_s: float = Field(default=86_400.0, ge=0)
    webhooks_batch_size: int = Field(default=500, ge=1, le=10_000)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
