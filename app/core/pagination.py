"""The list envelope `{items, total, limit, offset}` and its query parameters."""

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

MAX_PAGE_SIZE = 200

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


class PageParams(BaseModel):
    limit: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description=f"At most {MAX_PAGE_SIZE}")
    offset: int = Field(0, ge=0, le=2**31 - 1)
