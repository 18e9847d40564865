"""Operations: health, readiness, metrics, request ids."""
