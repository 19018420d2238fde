"""Bank loading speed: quizhall's loader against plain PyYAML, on a 10,000-question bank.

Generates the synthetic bank with ../shared/bench/gen_bank.py into a temporary directory,
then prints, best of three runs each: ``yaml.safe_load`` (pure-Python loader), a bare
``CSafeLoader`` load, quizhall's cold load (full validation, no cache) and warm load (cache
hit), and the ratios against their targets: cold ≤ 1.5 × CSafeLoader, warm ≥ 50 × faster
than ``yaml.safe_load``. Every timing includes reading the file.

Then pictures: a bank of 1,000 questions with 1,000 distinct small PNG pictures, loaded cold
(every picture's header read and its PNG chunks verified) and warm (a cache hit, which still
hashes every picture's bytes so a changed one is seen), against the same bank without
pictures; and the time to draw a 1920×1080 photo (a JPEG) in the projector's picture box at
160×45: decoding it (a cold decode; screens keep it decoded) and turning it into half-blocks,
a Kitty graphics upload and Sixel data.

Run from the repository: ``PYTHONPATH=src python benchmarks/bank_load.py [N]``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO.parent / "shared" / "bench" / "gen_bank.py"
RUNS = 3


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The shortest of ``runs`` timings of ``action``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    if GENERATOR.is_file():
        text_banks(sys.argv[1] if len(sys.argv) > 1 else "10000")
    else:
        print(f"generator not found: {GENERATOR}; the 10,000-question bank is skipped",
              file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="quizhall-bench-pictures-") as tmp:
        pictures(Path(tmp))
    return 0


def text_banks(count: str) -> None:
    with tempfile.TemporaryDirectory(prefix="quizhall-bench-") as tmp:
        path = Path(tmp) / "bank.yaml"
        subprocess.run([sys.executable, str(GENERATOR), count, str(path)], check=True,
                       stdout=subprocess.DEVNULL)
        # The cache directory must be set before quizhall decides where its cache lives.
        os.environ["QUIZHALL_CACHE_DIR"] = str(Path(tmp) / "cache")
        from quizhall.bank import loader

        def read() -> str:
            return path.read_text(encoding="utf-8")

        def cold() -> object:
            result = loader.load_bank(path, use_cache=False)
            assert result.ok and result.banks, [d.format() for d in result.diagnostics[:5]]
            return result

        expected = cold().banks
        loader.load_bank(path)  # fills the cache

        def warm() -> object:
            result = loader.load_bank(path)
            assert result.banks == expected
            return result

        real_parse = loader.parse_bank

        def no_parse(*args: object) -> None:
            raise AssertionError("the warm load parsed the file instead of using the cache")

        loader.parse_bank = no_parse  # prove that the warm timings are cache hits
        try:
            warm_s = best_of(RUNS, warm)
        finally:
            loader.parse_bank = real_parse
        csafe_s = best_of(RUNS, lambda: yaml.load(read(), Loader=yaml.CSafeLoader))
        cold_s = best_of(RUNS, cold)
        safe_s = best_of(RUNS, lambda: yaml.safe_load(read()))
        size = path.stat().st_size

    questions = len(expected[0].questions)
    print(f"bank: {questions} questions, {size / 2**20:.1f} MB; best of {RUNS} runs each")
    print(f"  yaml.safe_load (pure Python)      {safe_s * 1000:9.1f} ms")
    print(f"  yaml.load, CSafeLoader            {csafe_s * 1000:9.1f} ms")
    print(f"  quizhall cold (validated, no cache){cold_s * 1000:8.1f} ms")
    print(f"  quizhall warm (cache hit)         {warm_s * 1000:9.1f} ms")
    cold_ratio = cold_s / csafe_s
    warm_ratio = safe_s / warm_s
    print(f"  cold / CSafeLoader     = {cold_ratio:6.2f}   (target <= 1.5: "
          f"{'met' if cold_ratio <= 1.5 else 'MISSED'})")
    print(f"  safe_load / warm       = {warm_ratio:6.1f}   (target >= 50: "
          f"{'met' if warm_ratio >= 50 else 'MISSED'})")


def picture_bank(folder: Path, count: int, with_pictures: bool) -> Path:
    """A bank of ``count`` judge questions, each with its own picture if ``with_pictures``."""
    from PIL import Image

    lines = ["bank: {id: pictures, title: Pictures}", "questions:"]
    for number in range(count):
        line = f"  - {{id: p{number}, type: judge, stem: 图中的标志正确吗？ {number}, answer: 对"
        if with_pictures:
            name = f"signs/p{number}.png"
            if not (folder / name).exists():
                colour = (number * 37 % 256, number * 91 % 256, number * 53 % 256)
                picture = Image.new("RGB", (160, 120), colour)
                picture.paste((255, 255, 255), (20 + number % 100, 20, 60 + number % 100, 100))
                (folder / "signs").mkdir(exist_ok=True)
                picture.save(folder / name)
            line += f", image: {name}, alt: 标志 {number}"
        lines.append(line + "}")
    path = folder / ("with.yaml" if with_pictures else "without.yaml")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def pictures(folder: Path) -> None:
    from PIL import Image, ImageDraw, ImageFilter

    from quizhall.bank import loader

    count = 1000
    timings = {}
    for with_pictures in (False, True):
        path = picture_bank(folder, count, with_pictures)
        result = loader.load_bank(path, use_cache=False)
        assert result.ok, [d.format() for d in result.diagnostics[:5]]
        cold_s = best_of(RUNS, lambda p=path: loader.load_bank(p, use_cache=False))
        loader.load_bank(path)  # fills the cache
        real_parse = loader.parse_bank
        loader.parse_bank = None  # type: ignore[assignment]  # a parse would fail: cache hits
        try:
            warm_s = best_of(RUNS, lambda p=path: loader.load_bank(p))
        finally:
            loader.parse_bank = real_parse
        timings[with_pictures] = (cold_s, warm_s)
    (plain_cold, plain_warm), (cold, warm) = timings[False], timings[True]
    print(f"bank: {count} questions with {count} PNG pictures (160×120); best of {RUNS} runs")
    print(f"  cold, no pictures                 {plain_cold * 1000:9.1f} ms")
    print(f"  cold, {count} pictures checked      {cold * 1000:9.1f} ms   "
          f"({(cold - plain_cold) / count * 1e6:.0f} µs a picture)")
    print(f"  warm, no pictures                 {plain_warm * 1000:9.1f} ms")
    print(f"  warm, {count} pictures hashed       {warm * 1000:9.1f} ms   "
          f"({(warm - plain_warm) / count * 1e6:.0f} µs a picture)")
    print(f"  cold / warm with pictures = {cold / warm:5.1f}")

    # A photo-like 1920×1080 JPEG: gradients, shapes and noise, so it compresses like one.
    photo = Image.radial_gradient("L").resize((1920, 1080)).convert("RGB")
    draw = ImageDraw.Draw(photo)
    for index in range(60):
        x, y = index * 97 % 1800, index * 53 % 1000
        draw.ellipse((x, y, x + 120, y + 90), fill=(index * 40 % 256, 120, 255 - index * 4))
    noise = Image.effect_noise((1920, 1080), 40).convert("RGB")
    photo = Image.blend(photo, noise, 0.25).filter(ImageFilter.SMOOTH)
    file = folder / "photo.jpg"
    photo.save(file, quality=90)
    draw_photo(file)


def draw_photo(file: Path) -> None:
    import io

    from rich.console import Console
    from textual_image.renderable.sixel import Image as SixelImage
    from textual_image.renderable.tgp import Image as KittyImage

    from quizhall.bank.pictures import decode_picture
    from quizhall.tui.widgets.picture import GRAPHICS_SIDE, HALFCELL_SIDE, fit, half_blocks

    box = (156, 18)  # the projector's question picture at 160×45: 40 % of the height
    decode_half_s = best_of(RUNS, lambda: decode_picture(file, HALFCELL_SIDE))
    decode_full_s = best_of(RUNS, lambda: decode_picture(file, GRAPHICS_SIDE))
    small = decode_picture(file, HALFCELL_SIDE)
    columns, rows = fit(box, small.size)
    half_s = best_of(RUNS, lambda: half_blocks(small, columns, rows))
    large = decode_picture(file, GRAPHICS_SIDE)
    cell = (10, 20)  # a common cell size in pixels
    g_columns, g_rows = fit(box, large.size, cell)

    def render(renderable: object) -> None:
        console = Console(file=io.StringIO(), width=box[0], height=box[1], force_terminal=True)
        console.print(renderable)

    saved = sys.__stdout__
    sys.__stdout__ = io.StringIO()  # the Kitty upload is written straight to the terminal
    try:
        kitty_s = best_of(RUNS, lambda: render(KittyImage(large, g_columns, g_rows)))
    finally:
        sys.__stdout__ = saved
    sixel_s = best_of(RUNS, lambda: render(SixelImage(large, g_columns, g_rows)))
    print(f"1920×1080 JPEG photo, {file.stat().st_size // 1024} KB, on the projector at 160×45 "
          f"({columns}×{rows} cells); best of {RUNS} runs")
    print(f"  decode for half-blocks ({HALFCELL_SIDE} px)   {decode_half_s * 1000:8.1f} ms")
    print(f"  half-blocks                       {half_s * 1000:9.1f} ms   "
          f"(total {(decode_half_s + half_s) * 1000:.1f} ms)")
    print(f"  decode for graphics ({GRAPHICS_SIDE} px)     {decode_full_s * 1000:8.1f} ms")
    print(f"  Kitty graphics upload ({g_columns}×{g_rows} cells) {kitty_s * 1000:7.1f} ms")
    print(f"  Sixel data ({g_columns}×{g_rows} cells)           {sixel_s * 1000:7.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
