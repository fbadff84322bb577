# asisten: one image for every role (bot replica, `asisten db upgrade`, `asisten indeks`).
# Installed as the Makefile installs it: the pinned CPU torch first, then the project.
FROM python:3.11-slim

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 \
    TOKENIZERS_PARALLELISM=false \
    ASISTEN_HOME=/data

WORKDIR /app
RUN pip install --no-cache-dir torch==2.13.0
COPY pyproject.toml README.md ./
COPY asisten ./asisten
COPY corpus ./corpus
COPY prompts ./prompts
RUN pip install --no-cache-dir -e .

VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s \
    CMD python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:3000/healthz', timeout=4)"
CMD ["asisten", "bot", "--http", "--host", "0.0.0.0", "--port", "3000"]
