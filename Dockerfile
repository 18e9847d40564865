# Production image. Stage 1 builds the wheel; stage 2 installs it (with its migrations and
# seed data) into a slim runtime and runs it as a non-root user. `scripts/check-wheel`
# runs these same steps without Docker.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY app ./app
COPY migrations ./migrations
COPY seed_data ./seed_data
RUN pip wheel --no-cache-dir --no-deps -w /dist .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CLUSTERMATCH_DATABASE_URL=sqlite:////data/clustermatch.db \
    WORKERS=4
COPY --from=build /dist /dist
RUN pip install /dist/*.whl && rm -rf /dist \
    && useradd --create-home --uid 10001 clustermatch && mkdir /data && chown clustermatch /data
USER clustermatch
WORKDIR /home/clustermatch
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz')"
CMD ["sh", "-c", "exec clustermatch serve --host 0.0.0.0 --port 8000 --workers ${WORKERS}"]
