from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from app.core.columns import VersionChecked, json_column, timestamp_field, utcnow
from app.core.fields import LongText, NaceCode, Name, Slug


class S3PriorityBase(SQLModel):
    title: Name
    description: LongText = ""
    themes: list[Slug] = json_column(max_length=30)
    nace_codes: list[NaceCode] = json_column(max_length=50)


class S3Priority(S3PriorityBase, table=True):
    __tablename__ = "s3_priority"

    id: int | None = Field(default=None, primary_key=True)
    region_code: str = Field(
        sa_column=sa.Column(
            sa.String(8),
            sa.ForeignKey("region.code", ondelete="CASCADE"),
            nullable=False,
            index=True,
        )
    )
    position: int = 0
    description: str = Field(default="", sa_type=sa.Text)
    region: "Region" = Relationship(back_populates="priorities")


class S3PriorityIn(S3PriorityBase):
    pass


class S3PriorityPublic(S3PriorityBase):
    pass


class RegionBase(SQLModel):
    name: Name | None = Field(default=None, description="Defaults to the NUTS label")
    local_name: Name | None = None
    s3_platform_member: bool = False


class Region(RegionBase, VersionChecked, table=True):
    __tablename__ = "region"

    code: str = Field(primary_key=True, max_length=8)
    name: str = Field(max_length=200)
    country_code: str = Field(max_length=2, index=True)
    level: int = Field(index=True)
    parent_code: str | None = Field(default=None, max_length=8)
    created_at: datetime = timestamp_field(default_factory=utcnow)
    updated_at: datetime = timestamp_field(default_factory=utcnow)
    version: int = 1
    priorities: list[S3Priority] = Relationship(
        back_populates="region",
        sa_relationship_kwargs={
            "order_by": "S3Priority.position",
            "cascade": "all, delete-orphan",
            "lazy": "selectin",
        },
    )


_PUT_EXAMPLE: dict[str, Any] = {
    "name": "West Sweden",
    "local_name": "Västsverige",
    "s3_platform_member": True,
    "s3_priorities": [
        {
            "title": "Textiles and fashion",
            "description": "Smart textiles and sustainable fashion.",
            "themes": ["textiles"],
            "nace_codes": ["13", "14"],
        }
    ],
}


class RegionPut(RegionBase):
    s3_priorities: list[S3PriorityIn] = Field(default_factory=list, max_length=50)

    model_config = {"json_schema_extra": {"examples": [_PUT_EXAMPLE]}}


class RegionPublic(RegionBase):
    code: str
    name: str
    country_code: str
    level: int
    parent_code: str | None
    s3_priorities: list[S3PriorityPublic]
    updated_at: datetime
    version: int

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "code": "SE23",
                    "country_code": "SE",
                    "level": 2,
                    "parent_code": "SE2",
                    **_PUT_EXAMPLE,
                    "updated_at": "2026-01-01T00:00:00Z",
                    "version": 1,
                }
            ]
        }
    }
