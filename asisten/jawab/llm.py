"""Optional seam: an OpenAI-compatible chat endpoint rewrites a grounded answer for readability.

Off by default. The rewrite is accepted only if it keeps every citation marker [n] of the
extractive answer; any failure (network, timeout, bad reply) keeps the extractive answer.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import httpx

from asisten import templates
from asisten.jawab.answer import Answer

log = logging.getLogger(__name__)
_MARKER = re.compile(r"\[(\d+)\]")


class LlmRewriter:
    def __init__(
        self, base_url: str, model: str, api_key: str | None, prompts_dir: Path, timeout: float
    ) -> None:
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.prompts_dir = prompts_dir
        self.timeout = timeout

    def rewrite(self, answer: Answer) -> Answer:
        if not answer.found:
            return answer
        prompt = templates.render(
            self.prompts_dir,
            "llm_tulis_ulang.txt.j2",
            question=answer.question,
            answer=answer.text,
            sources=answer.sources,
        )
        try:
            response = httpx.post(
                self.url,
                json={"model": self.model, "messages": [{"role": "user", "content": prompt}]},
                headers=self.headers,
                timeout=self.timeout,
            )
            response.raise_for_status()
            rewritten = response.json()["choices"][0]["message"]["content"].strip()
        except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as exc:
            log.warning("LLM rewrite failed, keeping the extractive answer: %s", exc)
            return answer
        if set(_MARKER.findall(answer.text)) - set(_MARKER.findall(rewritten)):
            log.warning("LLM rewrite dropped citations; keeping the extractive answer")
            return answer
        answer.text = rewritten
        return answer
