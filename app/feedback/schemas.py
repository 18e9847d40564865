from datetime import datetime

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from app.core.fields import BodyId
from app.feedback.models import Verdict


class FeedbackIn(BaseModel):
    actor_id: BodyId = Field(description="The actor the candidates were ranked for")
    candidate_id: BodyId = Field(description="The candidate the verdict is about")
    verdict: Verdict

    model_config = {
        "json_schema_extra": {
            "examples": [{"actor_id": 15, "candidate_id": 28, "verdict": "relevant"}]
        }
    }

    # A field validator (not a model one) so the error is listed beside other fields' errors.
    @field_validator("candidate_id")
    @classmethod
    def not_the_actor_itself(cls, candidate_id: int, info: ValidationInfo) -> int:
        if candidate_id == info.data.get("actor_id"):
            raise ValueError("must differ from actor_id (no self-match)")
        return candidate_id


class FeedbackOut(BaseModel):
    id: int
    actor_id: int
    candidate_id: int
    verdict: Verdict
    key_id: int | None = Field(description="The API key that said it (null: the admin token)")
    replaced: bool = Field(
        description="True when this key's earlier verdict on the same pair was replaced"
    )
    previous_verdict: Verdict | None = Field(description="The verdict replaced, if any")
    created_at: datetime
    updated_at: datetime


class Weights(BaseModel):
    thematic: float
    complementarity: float
    regional: float


class LabelCounts(BaseModel):
    total: int = Field(description="Labels the next fit would read")
    positive: int
    negative: int
    by_source: dict[str, int] = Field(
        description="feedback (verdicts) and consortium (member pairs of funded or rejected "
        "saved consortia)"
    )
    by_verdict: dict[str, int] = Field(
        description="relevant, not_relevant, contacted, partnered; funded and rejected "
        "for consortium pairs"
    )


class ModelEvaluation(BaseModel):
    metric: str = Field(description="How ranking quality is measured")
    default_auc: float
    fitted_auc: float
    gain_standard_error: float
    folds: int
    labels: int
    queries: int = Field(description="Held-out query actors with positive and negative labels")


class ModelOut(BaseModel):
    source: str = Field(description="'default' or 'fitted': where the weights in use come from")
    weights: Weights = Field(description="The exponents of the pair score in use")
    default_weights: Weights
    fitted_weights: Weights | None = Field(
        description="What the last fit found, used only if it beat the defaults"
    )
    evaluation: ModelEvaluation | None = Field(
        description="The last fit's cross-validated ranking quality, fitted vs default weights"
    )
    reason: str | None = Field(description="Why the last fit kept or replaced the defaults")
    fitted_at: datetime | None
    labels: LabelCounts = Field(description="Labels stored now")
    labels_at_fit: LabelCounts | None = Field(description="Labels the last fit read")
