"""The optional LLM rewrite against a local OpenAI-compatible fake server."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from asisten.config import PROJECT_ROOT
from asisten.jawab.answer import Answer, Source
from asisten.jawab.llm import LlmRewriter


def _serve(reply_text: str):
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server API
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            received.append(body)
            payload = {"choices": [{"message": {"role": "assistant", "content": reply_text}}]}
            data = json.dumps(payload).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, received


def _answer() -> Answer:
    source = Source(1, "PP 38/2017", "PP 38/2017 Pasal 7 ayat (1)", "pp-38-2017", 1.0,
                    "Usulan dapat berasal dari kepala Daerah.", None, "c")  # fmt: skip
    return Answer("siapa pengusul?", "Kepala daerah dapat mengusulkan. [1]", True, [source], "faq")


@pytest.mark.parametrize(
    ("reply", "accepted"),
    [("Pengusulnya kepala daerah [1].", True), ("Pengusulnya kepala daerah.", False)],
)
def test_rewrite_kept_only_with_citations(reply, accepted):
    server, received = _serve(reply)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        rewriter = LlmRewriter(url, "uji", "kunci", PROJECT_ROOT / "prompts", timeout=5)
        result = rewriter.rewrite(_answer())
    finally:
        server.shutdown()
    assert (result.text == reply) is accepted
    prompt = received[0]["messages"][0]["content"]
    assert "PP 38/2017 Pasal 7 ayat (1)" in prompt and "siapa pengusul?" in prompt


def test_unreachable_endpoint_keeps_extractive_answer():
    rewriter = LlmRewriter("http://127.0.0.1:9", "uji", None, PROJECT_ROOT / "prompts", 1)
    assert rewriter.rewrite(_answer()).text == "Kepala daerah dapat mengusulkan. [1]"
