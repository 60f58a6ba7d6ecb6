"""Downloading pages and feeds. The only module that talks to the network.

Every way a download can go wrong (timeout, HTTP status, DNS, refused
connection, oversized body) becomes a FetchError with one readable line.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

MAX_DOWNLOAD_BYTES = 20 << 20
USER_AGENT = "quotebook/0.1 (news quotation archive)"


class FetchError(Exception):
    """A download failed; the message is one line fit for a user."""


@dataclass(frozen=True)
class Download:
    url: str  # after redirects
    content_type: str | None
    body: bytes


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = 20.0, max_bytes: int = MAX_DOWNLOAD_BYTES) -> Download:
    """Download ``url``; raises FetchError with a one-line reason on any failure."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise FetchError(f"download larger than {max_bytes >> 20} MB, refused")
            return Download(response.geturl(), response.headers.get("Content-Type"), body)
    except urllib.error.HTTPError as error:
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise FetchError(f"timed out after {timeout:g}s") from None
        raise FetchError(f"cannot connect: {reason}") from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"timed out after {timeout:g}s") from None
    except (OSError, ValueError) as error:
        # ValueError: malformed URL; OSError: connection reset mid-body, etc.
        raise FetchError(f"download failed: {error}") from None
