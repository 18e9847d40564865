# Production image: migrations run at start, then uvicorn workers serve the API.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CLUSTERMATCH_DATABASE_URL=sqlite:////data/clustermatch.db \
    WORKERS=4

RUN useradd --create-home --uid 10001 clustermatch && mkdir /data && chown clustermatch /data
WORKDIR /srv/clustermatch

COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY seed_data ./seed_data
# Editable, so the app finds migrations/ and seed_data/ beside its package.
RUN pip install -e .

USER clustermatch
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz')"
CMD ["sh", "-c", "exec clustermatch serve --host 0.0.0.0 --port 8000 --workers ${WORKERS}"]
