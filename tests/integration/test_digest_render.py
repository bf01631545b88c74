"""The digest's HTML in a real headless Chromium (Debian package `chromium`): it renders, is not blank,
reads in dark mode and fits a phone. Skipped when chromium is not installed.

The screenshot is decoded with the standard library only (zlib + struct).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from followup.domain.digest import render_digest
from tests.unit.test_digest import TEMPLATES, Eval, sample_input

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)"
)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, timeout=90, check=True)


def screenshot(tmp_path: Path, html: str, size: tuple[int, int], *extra: str) -> Path:
    page = tmp_path / "digest.html"
    page.write_text(html, "utf-8")
    png = tmp_path / "shot.png"
    chromium(tmp_path, *extra, f"--screenshot={png}", f"--window-size={size[0]},{size[1]}", page.as_uri())
    assert png.is_file(), "chromium wrote no screenshot"
    return png


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB(A) bytes) of an 8-bit, non-interlaced RGB or RGBA PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, bytearray(), b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        ctype, chunk = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if ctype == b"IHDR":
            header = chunk
        elif ctype == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(bytes(idat))
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    # Keep only RGB.
    if bpp == 4:
        rows = [bytes(b for i, b in enumerate(r) if i % 4 != 3) for r in rows]
    return width, height, rows


def pixels(rows: list[bytes]) -> Counter[tuple[int, int, int]]:
    counts: Counter[tuple[int, int, int]] = Counter()
    for row in rows[::2]:  # every other row is plenty
        counts.update(zip(row[0::3], row[1::3], row[2::3], strict=True))
    return counts


def luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = rgb
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def near(counts: Counter[tuple[int, int, int]], target: tuple[int, int, int], tol: int = 24) -> int:
    return sum(
        n for rgb, n in counts.items() if all(abs(a - b) <= tol for a, b in zip(rgb, target, strict=True))
    )


def test_digest_renders_non_blank_with_funnel_bars_in_light_mode(tmp_path: Path) -> None:
    _, _, html = render_digest(sample_input(), TEMPLATES)
    width, height, rows = read_png(screenshot(tmp_path, html, (800, 1600)))
    assert (width, height) == (800, 1600)
    counts = pixels(rows)
    total = sum(counts.values())
    background, share = counts.most_common(1)[0]
    assert luminance(background) > 230, background  # a light page
    assert 0.40 < share / total < 0.97, share / total  # mostly page, clearly not blank
    assert len(counts) > 50  # anti-aliased text, badges, bars
    assert near(counts, (0x25, 0x63, 0xEB)) > 2000  # the blue funnel bars are drawn
    assert near(counts, (0xDC, 0x26, 0x26)) > 300  # overdue marks and the rejected bar


def test_digest_is_readable_in_dark_mode(tmp_path: Path) -> None:
    _, _, html = render_digest(sample_input(), TEMPLATES)
    png = screenshot(
        tmp_path, html, (800, 1200), "--force-dark-mode", "--blink-settings=preferredColorScheme=0"
    )
    width, height, rows = read_png(png)
    assert (width, height) == (800, 1200)
    counts = pixels(rows)
    background, _ = counts.most_common(1)[0]
    assert luminance(background) < 60, background  # the client's dark page shows through
    light_text = sum(n for rgb, n in counts.items() if luminance(rgb) > 180)
    assert light_text > 2000  # text is light on dark, not dark on dark


@pytest.mark.parametrize("company", ["Globex", "Globex-" + "Unbreakable" * 12])
def test_digest_fits_a_phone_without_horizontal_scrolling(tmp_path: Path, company: str) -> None:
    data = sample_input()
    first = Eval(replace(data.evaluations[0].process, company=company))
    _, _, html = render_digest(replace(data, evaluations=[first, *data.evaluations[1:]]), TEMPLATES)
    # Headless windows are at least 500 px wide, so the test narrows the body to a phone's 360 px and
    # measures the rightmost edge of any element. The digest has no script: only this test copy does.
    probe = (
        "<style>body{width:360px}</style><script>"
        "let r=0;for(const e of document.body.querySelectorAll('*')){r=Math.max(r,e.getBoundingClientRect().right)}"
        "document.title='R='+Math.ceil(r);</script></body>"
    )
    page = tmp_path / "phone.html"
    page.write_text(html.replace("</body>", probe), "utf-8")
    out = chromium(tmp_path, "--dump-dom", "--window-size=800,800", page.as_uri()).stdout.decode()
    marker = out.index("<title>R=") + len("<title>R=")
    right_edge = int(out[marker : out.index("<", marker)])
    assert 300 < right_edge <= 360, right_edge
