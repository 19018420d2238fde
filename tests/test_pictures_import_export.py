"""Pictures through imports and exports: embedded in an XLSX 题库 and named by GIFT's [html]
<img>, saved beside the imported bank; carried by the XLSX template and the HTML report;
GIFT export says it cannot hold them."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.drawing.image import Image as SheetImage
from PIL import Image

from quizhall.bank.loader import load_bank
from quizhall.cli import main
from quizhall.exporters.results import CONTEST, write_results
from quizhall.report.contest import load_contest_report
from quizhall.store import open_store

SIGNS = Path(__file__).resolve().parents[1] / "question_banks" / "pictures"


def png(colour: str, size=(60, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def sheet_picture(data: bytes) -> SheetImage:
    return SheetImage(io.BytesIO(data))


def test_xlsx_pictures_are_saved_beside_the_bank_and_linked(tmp_path, capsys):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["题干", "选项A", "选项B", "答案", "图片"])
    sheet.append(["图中是什么标志？", "禁止吸烟", "安全出口", "A", None])
    sheet.append(["哪个是红色？", None, None, "A", None])
    sheet.add_image(sheet_picture(png("red")), "E2")  # the question's picture
    sheet.add_image(sheet_picture(png("red")), "B3")  # option pictures in option cells
    sheet.add_image(sheet_picture(png("green")), "C3")
    workbook.save(tmp_path / "题库.xlsx")

    bank_path = tmp_path / "out" / "signs.yaml"
    bank_path.parent.mkdir()
    assert main(["import", str(tmp_path / "题库.xlsx"), "-o", str(bank_path)]) == 0
    assert "pictures saved in" in capsys.readouterr().out
    result = load_bank(bank_path, use_cache=False)
    assert result.ok, [d.format() for d in result.diagnostics]
    first, second = result.banks[0].questions
    folder = bank_path.parent / "signs-pictures"
    assert first.image == str(folder / f"{first.id}.png")
    assert Path(first.image).read_bytes() == png("red")
    assert set(second.option_images) == {"A", "B"}
    assert Path(second.option_images["B"][0]).read_bytes() == png("green")
    assert second.options == {"A": "picture A", "B": "picture B"}
    assert f"image: signs-pictures/{first.id}.png" in bank_path.read_text(encoding="utf-8")


def wps_workbook(path: Path, cells: dict[str, str], pictures: dict[str, bytes]) -> None:
    """A workbook as WPS Office saves pictures placed in cells: each named cell holds
    ``_xlfn.DISPIMG("ID",1)`` with the formula's text as its cached value, and
    xl/cellimages.xml (with its relationships) names each ID's file in xl/media/."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["题干", "选项A", "选项B", "答案", "图片"])
    sheet.append(["图中是什么标志？", "禁止吸烟", "安全出口", "A", None])
    sheet.append(["哪个是绿色？", None, None, "B", None])
    for ref in cells:
        sheet[ref] = "PLACEHOLDER-" + ref
    plain = path.with_suffix(".plain.xlsx")
    workbook.save(plain)
    drawing = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
    images = "".join(
        f'<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="{n}" name="{pid}" descr=""/>'
        f'<xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId{n}"/>'
        f'</xdr:blipFill></xdr:pic></etc:cellImage>'
        for n, pid in enumerate(pictures, 1))
    parts = (
        '<etc:cellImages xmlns:xdr="' + drawing + '" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">' + images
        + "</etc:cellImages>")
    relations = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/'
                  f'officeDocument/2006/relationships/image" Target="media/image{n}.png"/>'
                  for n in range(1, len(pictures) + 1))
        + "</Relationships>")
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                text = data.decode("utf-8")
                for ref, pid in cells.items():
                    placeholder = f'<c r="{ref}" t="inlineStr">'
                    start = text.index(placeholder)
                    end = text.index("</c>", start) + len("</c>")
                    text = (text[:start] + f'<c r="{ref}" t="str"><f>_xlfn.DISPIMG("{pid}",1)'
                            f'</f><v>=DISPIMG("{pid}",1)</v></c>' + text[end:])
                data = text.encode("utf-8")
            target.writestr(item, data)
        target.writestr("xl/cellimages.xml", parts)
        target.writestr("xl/_rels/cellimages.xml.rels", relations)
        for n, data in enumerate(pictures.values(), 1):
            target.writestr(f"xl/media/image{n}.png", data)
    plain.unlink()


def test_wps_pictures_in_cells_are_read_through_dispimg(tmp_path, capsys):
    wps_workbook(tmp_path / "wps.xlsx",
                 {"E2": "ID_STEM", "B3": "ID_RED", "C3": "ID_GREEN"},
                 {"ID_STEM": png("blue"), "ID_RED": png("red"), "ID_GREEN": png("green")})
    bank_path = tmp_path / "out" / "wps.yaml"
    bank_path.parent.mkdir()
    assert main(["import", str(tmp_path / "wps.xlsx"), "-o", str(bank_path)]) == 0
    assert "pictures saved in" in capsys.readouterr().out
    result = load_bank(bank_path, use_cache=False)
    assert result.ok, [d.format() for d in result.diagnostics]
    first, second = result.banks[0].questions
    assert Path(first.image).read_bytes() == png("blue")
    assert first.options == {"A": "禁止吸烟", "B": "安全出口"}  # no DISPIMG text anywhere
    assert Path(second.option_images["A"][0]).read_bytes() == png("red")
    assert Path(second.option_images["B"][0]).read_bytes() == png("green")
    assert "DISPIMG" not in bank_path.read_text(encoding="utf-8")


def test_a_damaged_wps_picture_part_keeps_the_rows_and_warns(tmp_path, capsys):
    wps_workbook(tmp_path / "wps.xlsx", {"E2": "ID_STEM"}, {"ID_STEM": png("blue")})
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(tmp_path / "wps.xlsx") as source, zipfile.ZipFile(damaged, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            out.writestr(item, b"<etc:cellImages><unclosed" if item.filename ==
                         "xl/cellimages.xml" else data)
    bank_path = tmp_path / "damaged.yaml"
    assert main(["import", str(damaged), "-o", str(bank_path)]) == 0
    out = capsys.readouterr().out
    assert "pictures cannot be read" in out and "ParseError" in out
    result = load_bank(bank_path, use_cache=False)
    assert [q.stem for q in result.banks[0].questions] == ["图中是什么标志？", "哪个是绿色？"]
    assert not result.banks[0].questions[0].image


def test_a_picture_that_fails_the_check_is_left_out_with_a_warning(tmp_path, capsys):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["题干", "答案", "图片"])
    sheet.append(["对吗？", "对", "picture.bmp"])  # a file named in the picture column
    workbook.save(tmp_path / "bank.xlsx")
    Image.new("RGB", (10, 10)).save(tmp_path / "picture.bmp")
    assert main(["import", str(tmp_path / "bank.xlsx"), "-o", str(tmp_path / "b.yaml")]) == 0
    out = capsys.readouterr().out
    assert "picture left out" in out and "is not a picture quizhall reads" in out
    assert load_bank(tmp_path / "b.yaml").banks[0].questions[0].image == ""


def test_gift_html_picture_beside_the_file_is_kept(tmp_path, capsys):
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "sign.png").write_bytes(png("blue"))
    (tmp_path / "quiz.gift").write_text(
        '::q1:: [html]<p>What is this?</p><img src="img/sign.png" alt="a blue square">'
        '<img src="https://example.com/x.png">{T}\n\n'
        '::q2:: [html]<img src="../outside.png">Where?{T}\n', encoding="utf-8")
    assert main(["import", str(tmp_path / "quiz.gift"), "-o", str(tmp_path / "quiz.yaml")]) == 0
    out = capsys.readouterr().out
    assert "1 pictures or media in the HTML cannot be imported" in out  # the web address
    assert "../outside.png is not a file beside the imported file" in out
    q1, q2 = load_bank(tmp_path / "quiz.yaml", use_cache=False).banks[0].questions
    assert Path(q1.image).read_bytes() == png("blue") and q1.alt == "a blue square"
    assert q2.image == ""


def test_the_xlsx_template_carries_pictures_there_and_back(tmp_path):
    shutil.copytree(SIGNS, tmp_path / "pictures")
    source = tmp_path / "pictures" / "safety-signs.zh.yaml"
    assert main(["export-bank", str(source), "-o", str(tmp_path / "signs.xlsx")]) == 0
    sheet = openpyxl.load_workbook(tmp_path / "signs.xlsx").worksheets[0]
    assert len(sheet._images) == 2 + 4 + 3  # sign-001, sign-003; sign-002's and sign-004's options
    assert main(["import", str(tmp_path / "signs.xlsx"), "-o", str(tmp_path / "back.yaml")]) == 0
    original = load_bank(source).banks[0].questions
    back = load_bank(tmp_path / "back.yaml", use_cache=False).banks[0].questions
    for before, after in zip(original, back, strict=True):
        assert bool(after.image) == bool(before.image)
        if before.image:
            assert Path(after.image).read_bytes() == Path(before.image).read_bytes()
            assert after.alt == before.alt
        assert {letter: Path(file).read_bytes() for letter, (file, _) in
                after.option_images.items()} == {letter: Path(file).read_bytes() for
                                                  letter, (file, _) in
                                                  before.option_images.items()}


def test_gift_export_says_pictures_are_lost(tmp_path, capsys):
    source = SIGNS / "safety-signs.zh.yaml"
    assert main(["--lang", "en", "export-bank", str(source), "--format", "gift",
                 "-o", str(tmp_path / "signs.gift")]) == 0
    out = capsys.readouterr()
    said = out.out + out.err
    assert "image" in said and "option_images" in said and "GIFT cannot hold it" in said


@pytest.fixture
def played(tmp_path):
    shutil.copytree(SIGNS, tmp_path / "pictures")
    contest = tmp_path / "signs.contest.yaml"
    contest.write_text("""\
title: 安全知识竞赛
base_score: 100
banks: [pictures/safety-signs.zh.yaml]
teams:
  - {name: 红队, members: [张三], key: "1"}
  - {name: 蓝队, members: [王五], key: "2"}
rounds:
  - type: buzz
    title: 看图抢答
    questions: {ids: [sign-001, sign-003]}
""", encoding="utf-8")
    script = tmp_path / "script.txt"
    script.write_text("next\nnext\nopen\nbuzz 1\nright\nnext\nopen\nbuzz 2\nwrong\nnext\n",
                      encoding="utf-8")
    data = tmp_path / "data"
    assert main(["rehearse", str(contest), "--commands", str(script), "--data-dir",
                 str(data)]) == 0
    (contest_id,) = os.listdir(data / "contests")
    return data, contest_id


def test_the_html_report_draws_the_pictures_inside_the_page(played, tmp_path):
    data, contest_id = played
    with open_store(data) as store:
        report = load_contest_report(store, contest_id)
    write_results(report, None, tmp_path / "report.html", CONTEST)
    write_results(report, None, tmp_path / "report.csv", CONTEST)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    # Two questions with pictures, in the questions table and in the round's.
    assert page.count('<img src="data:image/png;base64,') == 4
    assert 'alt="no-smoking.png"' in page
    assert "no-smoking.png" in (tmp_path / "report.csv").read_text(encoding="utf-8")
