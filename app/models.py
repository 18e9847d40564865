"""Every table model, imported in one place so the metadata is complete."""

from app.actors.models import Actor
from app.auth.models import ApiKey
from app.catalog import CatalogState
from app.regions.models import Region, S3Priority
from app.vocab.models import VocabTerm

__all__ = ["Actor", "ApiKey", "CatalogState", "Region", "S3Priority", "VocabTerm"]
