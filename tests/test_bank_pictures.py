"""Pictures in banks: where they are found, what check says about a bad one, the cache and
the round trip through dump_bank."""

import dataclasses
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from quizhall import i18n
from quizhall.bank import pictures
from quizhall.bank.dump import dump_bank
from quizhall.bank.loader import load_bank, parse_bank
from quizhall.cli import main


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language(None)


def sign(path: Path, size=(40, 30), colour="red", fmt=None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, format=fmt)
    return path


BANK = """\
bank: {id: signs, title: Signs}
questions:
  - id: q1
    type: single
    stem: What does the sign mean?
    image: signs/stop.png
    alt: a red square
    options: {A: stop, B: go}
    answer: A
  - id: q2
    type: single
    stem: Which one warns?
    options:
      A: {image: signs/stop.png, alt: red}
      B: {text: Go, image: signs/go.webp}
      C: plain words
    answer: A
"""


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    sign(tmp_path / "signs" / "stop.png")
    sign(tmp_path / "signs" / "go.webp", colour="green")
    path = tmp_path / "bank.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def test_pictures_are_found_beside_the_bank(bank_file, tmp_path):
    result = load_bank(bank_file, use_cache=False)
    assert result.diagnostics == []
    q1, q2 = result.banks[0].questions
    assert q1.image == str(tmp_path / "signs" / "stop.png") and q1.alt == "a red square"
    assert q2.options == {"A": "red", "B": "Go", "C": "plain words"}
    assert q2.option_images == {"A": (str(tmp_path / "signs" / "stop.png"), "red"),
                                "B": (str(tmp_path / "signs" / "go.webp"), "")}


def test_dump_writes_pictures_relative_to_where_the_bank_is_saved(bank_file, tmp_path):
    bank = load_bank(bank_file, use_cache=False).banks[0]
    text = dump_bank(bank, tmp_path)
    assert "image: signs/stop.png" in text and "{image: signs/stop.png, alt: red}" in text
    again, diagnostics = parse_bank(text, "again.yaml", tmp_path)
    assert diagnostics == []
    strip = [dataclasses.replace(q, line=0) for q in bank.questions]
    assert [dataclasses.replace(q, line=0) for q in again.questions] == strip


def errors_for(tmp_path: Path, image_line: str) -> list[str]:
    bank = tmp_path / "bad.yaml"
    bank.write_text("bank: {id: b, title: B}\nquestions:\n"
                    f"  - {{id: q1, type: judge, stem: s, answer: yes, {image_line}}}\n",
                    encoding="utf-8")
    return [d.format() for d in load_bank(bank, use_cache=False).diagnostics]


def test_check_reports_a_missing_picture_at_its_position(tmp_path):
    assert errors_for(tmp_path, "image: gone.png") == [
        f"{tmp_path / 'bad.yaml'}:3:56: error: picture gone.png not found "
        "(paths are relative to the bank file's folder)"]


def test_check_reports_a_file_that_is_no_picture(tmp_path):
    (tmp_path / "notes.png").write_text("not a picture")
    [error] = errors_for(tmp_path, "image: notes.png")
    assert "notes.png is not a picture quizhall reads (use PNG, JPEG, GIF, WebP)" in error


def test_check_reports_a_picture_in_another_format(tmp_path):
    sign(tmp_path / "old.bmp")
    [error] = errors_for(tmp_path, "image: old.bmp")
    assert "old.bmp is not a picture quizhall reads" in error


def test_check_reports_a_truncated_picture(tmp_path):
    sign(tmp_path / "whole.png", size=(200, 200))
    data = (tmp_path / "whole.png").read_bytes()
    (tmp_path / "cut.png").write_bytes(data[:len(data) - 20])
    [error] = errors_for(tmp_path, "image: cut.png")
    assert "picture cut.png cannot be read" in error


def test_check_reports_too_many_pixels_with_the_limit_and_the_size(tmp_path, monkeypatch):
    monkeypatch.setattr(pictures, "MAX_PIXELS", 100 * 100)
    sign(tmp_path / "big.png", size=(101, 100))
    [error] = errors_for(tmp_path, "image: big.png")
    assert "picture big.png is 101×100 pixels, above the limit of 10,000 pixels" in error


def test_check_reports_too_many_bytes_with_the_limit_and_the_size(tmp_path, monkeypatch):
    monkeypatch.setattr(pictures, "MAX_BYTES", 2048)
    (tmp_path / "heavy.png").write_bytes(b"\x89PNG" + bytes(4096))
    [error] = errors_for(tmp_path, "image: heavy.png")
    assert "picture heavy.png is 4 KB, above the limit of 2 KB" in error


def png_header(width: int, height: int) -> bytes:
    """The start of a PNG that claims this size: all a decoder reads before allocating."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", b"")


def test_a_decompression_bomb_is_refused_by_its_header(tmp_path):
    # 20000 × 20000 pixels claimed by a 45-byte file: 1.2 GB if it were decoded.
    (tmp_path / "bomb.png").write_bytes(png_header(20000, 20000))
    [error] = errors_for(tmp_path, "image: bomb.png")
    assert "picture bomb.png has 400,000,000 pixels, far above the limit of 40,000,000" in error
    with pytest.raises(pictures.PictureError):
        pictures.decode_picture(tmp_path / "bomb.png")


def test_every_bad_picture_is_reported_at_once(tmp_path):
    sign(tmp_path / "old.bmp")
    bank = tmp_path / "many.yaml"
    bank.write_text("""\
bank: {id: b, title: B}
questions:
  - {id: q1, type: judge, stem: s, answer: yes, image: a.png}
  - {id: q2, type: judge, stem: s, answer: yes, alt: words without a picture}
  - id: q3
    type: single
    stem: s
    options: [{image: old.bmp, alt: x}, {image: b.png}, {text: t}]
    answer: A
""", encoding="utf-8")
    lines = [(d.line, d.column) for d in load_bank(bank, use_cache=False).diagnostics]
    assert lines == [(3, 56), (4, 54), (8, 23), (8, 49), (8, 57)]


def test_a_picture_option_needs_words(tmp_path):
    sign(tmp_path / "a.png")
    bank = tmp_path / "words.yaml"
    bank.write_text("bank: {id: b, title: B}\nquestions:\n  - {id: q1, type: single, "
                    "stem: s, answer: A, options: [{image: a.png}, b]}\n", encoding="utf-8")
    [error] = [d.message for d in load_bank(bank, use_cache=False).diagnostics]
    assert error == "picture option A needs text or alt (the words said where the picture " \
                    "cannot be drawn)"


def test_a_changed_picture_is_seen_through_the_cache(bank_file, tmp_path):
    assert load_bank(bank_file).ok
    assert load_bank(bank_file).ok  # now from the cache
    (tmp_path / "signs" / "go.webp").write_text("broken")
    result = load_bank(bank_file)
    assert not result.ok
    assert "go.webp is not a picture" in result.diagnostics[0].message


def test_a_bank_read_from_a_contest_log_keeps_its_paths_unchecked():
    bank, diagnostics = parse_bank(BANK, "<stored bank 1>")
    assert diagnostics == []
    assert bank.questions[0].image == "signs/stop.png"


def test_decoding_gives_the_first_frame_shrunk_on_white(tmp_path):
    frames = [Image.new("RGBA", (400, 200), (255, 0, 0, 0)), Image.new("RGBA", (400, 200), "blue")]
    frames[0].save(tmp_path / "moving.gif", save_all=True, append_images=frames[1:])
    picture = pictures.decode_picture(tmp_path / "moving.gif", max_side=100)
    assert picture.size == (100, 50) and picture.mode == "RGB"
    assert picture.getpixel((10, 10)) == (255, 255, 255)


def test_check_command_prints_picture_errors(tmp_path, capsys):
    errors_for(tmp_path, "image: gone.png")
    assert main(["--lang", "en", "check", str(tmp_path / "bad.yaml")]) == 1
    assert "picture gone.png not found" in capsys.readouterr().err
