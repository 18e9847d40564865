"""clustermatch: interregional cluster-matchmaking REST API."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
