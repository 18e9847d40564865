from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.core.columns import json_column
from app.core.fields import Keyword, Label, Slug


class VocabKind(StrEnum):
    theme = "theme"
    capability = "capability"


class TermBase(SQLModel):
    slug: Slug = Field(primary_key=True)
    label_en: Label
    label_sv: Label
    synonyms_en: list[Keyword] = json_column()
    synonyms_sv: list[Keyword] = json_column()


class VocabTerm(TermBase, table=True):
    __tablename__ = "vocab_term"

    kind: VocabKind = Field(primary_key=True, sa_type=sa.String(16))


class TermCreate(TermBase):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "slug": "maritime",
                    "label_en": "Maritime",
                    "label_sv": "Maritim näring",
                    "synonyms_en": ["shipping", "ports"],
                    "synonyms_sv": ["sjöfart", "hamnar"],
                }
            ]
        }
    }


class TermPublic(TermBase):
    pass
