"""Office formats checked by independent readers (issue 12).

openpyxl, pandas and LibreOffice read what `planforecast` writes; openpyxl writes the
actuals workbook `planforecast` reads. Run by scripts/test after `swift test`:

    python3 -m pytest -q Tests/office

PLANFORECAST_BIN names the binary (default .build/debug/planforecast). The LibreOffice
test is skipped, saying so, only when `soffice` is absent (scripts/ensure-deps installs it).
"""
import csv
import io
import math
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = os.environ.get("PLANFORECAST_BIN", str(ROOT / ".build" / "debug" / "planforecast"))
# The embedded plan's folder (issue 15 moves it from Sources/PlanIO/Plans to Notebooks-data/plans).
PLAN = next(p for p in [ROOT / "Notebooks-data" / "plans" / "an-hung", ROOT / "Sources" / "PlanIO" / "Plans" / "an-hung"]
            if (p / "plan.yaml").is_file())
EXAMPLE_ACTUALS = PLAN / "actuals-example.csv"


def run(*args, check=True, env=None):
    p = subprocess.run([BIN, *map(str, args)], capture_output=True, text=True, env=env)
    if check and p.returncode != 0:
        raise AssertionError(f"{args} exited {p.returncode}: {p.stderr}")
    return p


def review_csv(tmp_path, *extra):
    out = tmp_path / "review.csv"
    run("review", "--format", "csv", "--output", out, *extra)
    return pd.read_csv(out, dtype={"target": str, "years_missed": str})


def numeric_columns(frame):
    return [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])]


def assert_same_numbers(expected, actual, key="target"):
    """Every numeric column of `expected` holds the same values in `actual` (NaN = empty)."""
    expected = expected.set_index(key)
    actual = actual.set_index(key).loc[expected.index]
    checked = 0
    for column in numeric_columns(expected):
        for target, want in expected[column].items():
            got = actual.at[target, column]
            if pd.isna(want):
                assert pd.isna(got) or got == "", f"{target} {column}: want empty, got {got!r}"
            else:
                assert float(got) == pytest.approx(float(want), rel=0, abs=0), f"{target} {column}: {got!r} != {want!r}"
                checked += 1
    assert checked > 100, "too few numbers compared"


def test_review_workbook_opens_in_openpyxl_and_pandas_with_the_csv_numbers(tmp_path):
    book = tmp_path / "review.xlsx"
    run("review", "--format", "xlsx", "--lang", "en", "--output", book)
    expected = review_csv(tmp_path, "--lang", "en")
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["assessments", "targets", "notes", "method", "series", "charts"]
    assert len(wb["charts"]._charts) > 5   # openpyxl reads the native charts back
    ws = wb["assessments"]
    # The example actuals are illustrative: banner in row 1, header in row 2, both frozen.
    assert ws["A1"].value.startswith("ILLUSTRATIVE")
    assert ws.freeze_panes == "A3"
    header = [c.value for c in ws[2]]
    assert all(c.font.bold for c in ws[2])
    assert set(header) == set(expected.columns)
    # Status cells carry the report's traffic-light fills.
    fills = {"green": "FFD9F2DD", "amber": "FFFFF0C2", "red": "FFFBD9D5", "grey": "FFECECEC"}
    light, status = header.index("light") + 1, header.index("status_label") + 1
    for row in range(3, ws.max_row + 1):
        colour = ws.cell(row, light).value
        assert ws.cell(row, status).fill.fgColor.rgb == fills[colour]
    # Numbers are stored as numbers, with a number format.
    ratio = header.index("progress_ratio_pct") + 1
    stored = [ws.cell(r, ratio) for r in range(3, ws.max_row + 1) if ws.cell(r, ratio).value is not None]
    assert stored and all(isinstance(c.value, (int, float)) and c.number_format != "General" for c in stored)
    # pandas reads the same numbers as the CSV report.
    frame = pd.read_excel(book, sheet_name="assessments", header=1, dtype={"target": str, "years_missed": str})
    assert_same_numbers(expected, frame)


def test_libreoffice_converts_the_review_workbook_to_csv_with_the_same_numbers(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed: scripts/ensure-deps installs libreoffice-calc")
    book = tmp_path / "review.xlsx"
    run("review", "--format", "xlsx", "--lang", "en", "--output", book)
    # Filter options: comma, double quote, UTF-8, from line 1; "save cell contents as
    # shown" off, so numbers are written in full rather than in their display format.
    filt = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false'
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to", filt,
                    "--outdir", str(tmp_path / "lo"), str(book)], check=True, capture_output=True, timeout=300)
    converted = tmp_path / "lo" / "review.csv"
    frame = pd.read_csv(converted, skiprows=1, dtype={"target": str, "years_missed": str})
    assert_same_numbers(review_csv(tmp_path, "--lang", "en"), frame)


def write_actuals_workbook(path, rows, uncalculated=False):
    """The example actuals as a planner's sheet, written by openpyxl: a merged title row,
    the header on row 2, numbers as numbers, some as Vietnamese text (decimal comma), one
    value as a formula. openpyxl stores no cached value for a formula (it calculates
    nothing); Excel and LibreOffice store one when they save, so the cached value is put
    into the sheet XML here as they would, unless `uncalculated`."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Thực hiện"
    ws["A1"] = "Số liệu thực hiện (minh họa)"
    ws.merge_cells("A1:F1")
    header = ["indicator", "year", "value", "estimate", "source", "note"]
    ws.append(header)
    formula_cell = None
    for i, r in enumerate(rows):
        value = float(r["value"])
        if i % 3 == 1:
            cell_value = f"{value:.10g}".replace(".", ",")           # Vietnamese decimal comma, as text
        elif i == 0:
            cell_value = f"={value:.10g}-0"
            formula_cell = f"C{ws.max_row + 1}"
        else:
            cell_value = value
        ws.append([r["indicator"], int(r["year"]), cell_value, r["estimate"], r["source"], r["note"]])
    wb.save(path)
    if not uncalculated:
        cached = f"{float(rows[0]['value']):.10g}"
        with zipfile.ZipFile(path) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        sheet = parts["xl/worksheets/sheet1.xml"].decode()
        sheet, n = re.subn(rf'(<c r="{formula_cell}"[^>]*>\s*<f>[^<]*</f>)\s*(<v\s*/>|<v></v>)?', rf"\g<1><v>{cached}</v>", sheet)
        assert n == 1
        parts["xl/worksheets/sheet1.xml"] = sheet.encode()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)
    return formula_cell


def test_openpyxl_actuals_workbook_gives_the_same_review_as_the_csv(tmp_path):
    rows = list(csv.DictReader(open(EXAMPLE_ACTUALS, encoding="utf-8")))
    book = tmp_path / "actuals.xlsx"
    write_actuals_workbook(book, rows)
    from_csv = run("review", "--actuals", EXAMPLE_ACTUALS, "--format", "csv").stdout
    from_xlsx = run("review", "--actuals", book, "--format", "csv").stdout
    assert from_xlsx == from_csv
    assert len(from_csv.splitlines()) > 30


def test_formula_without_cached_value_is_refused_naming_the_cell(tmp_path):
    rows = list(csv.DictReader(open(EXAMPLE_ACTUALS, encoding="utf-8")))
    book = tmp_path / "actuals.xlsx"
    cell = write_actuals_workbook(book, rows, uncalculated=True)
    p = run("review", "--actuals", book, "--format", "csv", check=False)
    assert p.returncode == 65
    assert f'actuals.xlsx, sheet "Thực hiện", {cell} [value]: found the formula' in p.stderr
    assert p.stdout == ""


def test_word_in_a_number_cell_names_file_sheet_and_cell(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Thực hiện"
    ws.append(["indicator", "year", "value"])
    for year in range(2026, 2031):
        ws.append(["budget_revenue", year, 130 + year - 2026])
    ws["C6"] = "mười hai"
    book = tmp_path / "actuals.xlsx"
    wb.save(book)
    p = run("review", "--actuals", book, check=False)
    assert p.returncode == 65
    assert f'{book}, sheet "Thực hiện", C6 [value]: found "mười hai"; expected' in p.stderr


def test_template_workbook_has_lists_notes_and_reads_back(tmp_path):
    book = tmp_path / "plan.xlsx"
    run("template", "--plan", PLAN, "--output", book)
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["plan", "indicators", "targets", "baseline", "actuals", "notes"]
    targets = wb["targets"]
    lists = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1 for dv in targets.data_validations.dataValidation if dv.type == "list"}
    header = [c.value for c in targets[1]]
    assert lists[openpyxl.utils.get_column_letter(header.index("kind") + 1)] == '"growth,level,maintained,qualitative"'
    assert lists[openpyxl.utils.get_column_letter(header.index("direction") + 1)] == '"higher,lower"'
    prompts = [dv.prompt for dv in targets.data_validations.dataValidation if dv.prompt]
    assert any("Mã" in p and "Id" in p for p in prompts)
    assert pd.read_excel(book, sheet_name="indicators").shape[0] > 10
    # Accepted wherever a plan folder is: the same review.
    assert run("review", "--plan", book, "--actuals", EXAMPLE_ACTUALS, "--format", "csv").stdout == \
        run("review", "--actuals", EXAMPLE_ACTUALS, "--format", "csv").stdout


@pytest.mark.parametrize("command", [["project"], ["targets"], ["fit"],
                                     ["forecast", "--input", str(EXAMPLE_ACTUALS), "--x", "year", "--y", "value",
                                      "--group", "indicator", "--horizon", "3", "--model", "drift"],
                                     ["sweep", "--scenario", str(ROOT / "Scenarios" / "mc-a.yaml"), "--samples", "500", "--sobol-samples", "0"]])
def test_command_workbooks_open_in_pandas_with_the_csv_numbers(tmp_path, command):
    book = tmp_path / "out.xlsx"
    run(*command, "--format", "xlsx", "--output", book)
    sheets = pd.read_excel(book, sheet_name=None)
    assert sheets
    text = run(*command, "--format", "csv").stdout
    expected = pd.read_csv(io.StringIO(text))
    first = next(iter(sheets.values()))
    skip = 1 if str(first.columns[0]).startswith("ILLUSTRATIVE") else 0
    frame = pd.read_excel(book, sheet_name=0, header=skip)
    if command[0] == "sweep":
        expected = expected[expected["section"] == expected["section"].iloc[0]].drop(columns=["section"])
    assert list(frame.columns) == list(expected.columns)
    for column in numeric_columns(expected):
        assert frame[column].tolist() == pytest.approx(expected[column].tolist(), nan_ok=True), column


def test_docx_and_pdf(tmp_path):
    docx, pdf = tmp_path / "review.docx", tmp_path / "review.pdf"
    run("review", "--format", "docx", "--output", docx)
    with zipfile.ZipFile(docx) as z:
        document = z.read("word/document.xml").decode()
        assert 'w:orient="landscape"' in document
        assert "StatusGreen" in document or "Statusgreen" in document
        assert any(n.startswith("word/media/") for n in z.namelist())   # the charts
    run("review", "--format", "pdf", "--output", pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout if shutil.which("pdfinfo") else ""
    if info:
        width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        assert width > height   # A4 landscape for the wide table


def test_missing_converter_exits_69_naming_the_package(tmp_path):
    env = dict(os.environ, PATH=str(tmp_path))
    for fmt, package in [("docx", "pandoc"), ("pdf", "chromium")]:
        p = run("review", "--format", fmt, "--output", tmp_path / f"r.{fmt}", check=False, env=env)
        assert p.returncode == 69, p.stderr
        assert f"apt-get install {package}" in p.stderr
        assert not (tmp_path / f"r.{fmt}").exists()


def write_series_workbook(path, rows, title=True):
    """The plan's actuals as a series workbook written by openpyxl: a merged title row
    above the header, years and values stored as numbers, one value as Vietnamese text."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Chuỗi số liệu"
    if title:
        sheet.append(["Số liệu thực hiện (minh họa)"])
        sheet.merge_cells("A1:C1")
    sheet.append(["indicator", "year", "value"])
    for i, r in enumerate(rows):
        value = float(r["value"])
        cell = f"{value:.1f}".replace(".", ",") if i == 0 and value == round(value, 1) else value
        sheet.append([r["indicator"], int(r["year"]), cell])
    book.save(path)


@pytest.mark.parametrize("command", [
    ["fit", "--x", "year", "--y", "value", "--group", "indicator", "--model", "exponential", "--until", "2030", "--format", "csv"],
    ["forecast", "--x", "year", "--y", "value", "--group", "indicator", "--horizon", "2", "--model", "drift", "--format", "csv"],
])
def test_fit_and_forecast_read_a_series_workbook_like_the_csv(tmp_path, command):
    rows = [r for r in csv.DictReader(open(EXAMPLE_ACTUALS, encoding="utf-8")) if r["value"].strip()]
    plain = tmp_path / "series.csv"
    with open(plain, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["indicator", "year", "value"])
        for r in rows:
            w.writerow([r["indicator"], r["year"], repr(float(r["value"]))])
    book = tmp_path / "series.xlsx"
    write_series_workbook(book, rows)
    from_csv = run(command[0], "--input", plain, *command[1:]).stdout
    from_xlsx = run(command[0], "--input", book, *command[1:]).stdout
    assert from_csv.count("\n") > 5
    assert from_xlsx == from_csv


def test_a_word_in_a_series_workbook_names_the_sheet_and_cell(tmp_path):
    rows = [{"indicator": "budget_revenue", "year": "2026", "value": "140"},
            {"indicator": "budget_revenue", "year": "2027", "value": "150"}]
    book = tmp_path / "series.xlsx"
    write_series_workbook(book, rows, title=False)
    wb = openpyxl.load_workbook(book)
    wb.active["C3"] = "một trăm"
    wb.save(book)
    p = run("fit", "--input", book, "--x", "year", "--y", "value", check=False)
    assert p.returncode == 65
    assert 'sheet "Chuỗi số liệu", C3' in p.stderr, p.stderr


APPENDIX_CSV = ROOT / "Tests" / "PlanIOTests" / "Fixtures" / "import" / "phu-luc-1-excel.csv"


def write_appendix_workbook(path, two_row_header=False):
    """An Hưng's Phụ lục I as a planner's sheet, written by openpyxl from its CSV export:
    a notes sheet first, then "Phụ lục I" with the title merged across, group rows merged
    across, responsible units merged down over the empty cells under them, and the plan
    values stored as numbers where Excel would store them (12,5 → 12.5), except 42,9
    (kept as Vietnamese text) and 01 (text: Excel would drop the zero). With
    `two_row_header`, "Mục tiêu" sits under the value title and the other header cells
    are merged down over both rows."""
    rows = list(csv.reader(open(APPENDIX_CSV, encoding="utf-8-sig"), delimiter=";"))
    wb = openpyxl.Workbook()
    wb.active.title = "Ghi chú"
    wb.active["A1"] = "Phụ lục kèm theo kế hoạch"
    ws = wb.create_sheet("Phụ lục I")
    r = 0
    data_rows = []
    for i, row in enumerate(rows):
        r += 1
        group = row[0].startswith("I")
        for c, text in enumerate(row, 1):
            if not text:
                continue
            number = c == 4 and re.fullmatch(r"[1-9][0-9]*(,[0-9]+)?", text) and text != "42,9"
            ws.cell(r, c, float(text.replace(",", ".")) if number else text)
        if i == 0 or group:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        if i == 1 and two_row_header:
            r += 1
            ws.cell(r, 4, "Mục tiêu")
            for c in (1, 2, 3, 5):
                ws.merge_cells(start_row=r - 1, start_column=c, end_row=r, end_column=c)
        if i >= 2:
            data_rows.append((r, bool(row[4:] and row[4]), group))
    for k, (start, has_unit, _) in enumerate(data_rows):
        if not has_unit:
            continue
        end = k
        while end + 1 < len(data_rows) and not data_rows[end + 1][1] and not data_rows[end + 1][2]:
            end += 1
        if end > k:
            ws.merge_cells(start_row=start, start_column=5, end_row=data_rows[end][0], end_column=5)
    wb.save(path)


def targets_without_source(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8-sig")))
    return [{k: v for k, v in row.items() if k != "source"} for row in rows], [row["source"] for row in rows]


@pytest.mark.parametrize("two_row_header", [False, True])
def test_import_plan_reads_the_appendix_workbook_like_its_csv_export(tmp_path, two_row_header):
    book = tmp_path / "PhuLucI.xlsx"
    write_appendix_workbook(book, two_row_header)
    run("import-plan", APPENDIX_CSV, "--output", tmp_path / "from-csv")
    run("import-plan", book, "--output", tmp_path / "from-xlsx")
    expected, _ = targets_without_source(tmp_path / "from-csv" / "targets.csv")
    got, sources = targets_without_source(tmp_path / "from-xlsx" / "targets.csv")
    assert len(expected) == 32
    assert got == expected
    first_row = 5 if two_row_header else 4
    assert sources[0] == f'Phụ lục I dòng 1 — PhuLucI.xlsx, sheet "Phụ lục I", row {first_row}'
    for name in ["indicators.csv", "baseline.csv", "actuals.csv"]:
        assert (tmp_path / "from-xlsx" / name).read_text() == (tmp_path / "from-csv" / name).read_text()


def test_import_plan_names_the_sheet_and_cell_of_a_bad_workbook(tmp_path):
    book = tmp_path / "PhuLucI.xlsx"
    write_appendix_workbook(book)
    wb = openpyxl.load_workbook(book)
    wb["Phụ lục I"]["D7"] = "=D6*2"          # openpyxl stores no cached value
    wb.save(book)
    p = run("import-plan", book, "--output", tmp_path / "out", check=False)
    assert p.returncode == 65
    assert f'{book}, sheet "Phụ lục I", D7: found the formula =D6*2 with no calculated value' in p.stderr
    assert not (tmp_path / "out").exists()
    p = run("import-plan", book, "--sheet", "1", "--output", tmp_path / "out", check=False)
    assert p.returncode == 65
    assert f'{book}, sheet "Ghi chú": found no header row of a target table' in p.stderr
    assert not (tmp_path / "out").exists()


def write_table_workbook(csv_path, book_path, sheet_name):
    """A plan table's CSV as a workbook written by openpyxl: a merged title row above the
    header, numbers stored as numbers (as Excel stores what is typed), other fields as text."""
    rows = list(csv.reader(open(csv_path, encoding="utf-8-sig")))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet_name
    ws.append([f"Bảng {sheet_name} (minh họa)"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    numeric = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")   # "01" stays text, as Excel keeps it
    for row in rows:
        ws.append([float(v) if numeric.fullmatch(v) and "." in v else int(v) if numeric.fullmatch(v) else (v or None)
                   for v in row])
    wb.save(book_path)


def workbook_folder(tmp_path):
    """A copy of the embedded plan whose indicators, targets, baseline and actuals are
    workbooks (their CSV files removed)."""
    folder = tmp_path / "plan-xlsx"
    shutil.copytree(PLAN, folder)
    for kind, sheet in [("indicators", "Chỉ tiêu"), ("targets", "targets"), ("baseline", "Năm gốc")]:
        write_table_workbook(folder / f"{kind}.csv", folder / f"{kind}.xlsx", sheet)
        (folder / f"{kind}.csv").unlink()
    write_table_workbook(folder / "actuals-example.csv", folder / "actuals.xlsx", "actuals")
    (folder / "actuals-example.csv").unlink()
    return folder


def test_a_plan_folder_of_workbooks_gives_the_same_review_as_the_csv_folder(tmp_path):
    folder = workbook_folder(tmp_path)
    for args in [["review", "--format", "csv"], ["targets", "--format", "csv"],
                 ["project", "--format", "csv", "--view", "outcomes"]]:
        from_csv = run(*args, "--plan", PLAN).stdout
        from_xlsx = run(*args, "--plan", folder).stdout
        assert from_csv.count("\n") > 20
        assert from_xlsx == from_csv, args
    check = run("check", "--plan", folder, check=False)
    assert "actuals: " + str(folder / "actuals.xlsx") in check.stdout


def test_a_bad_cell_in_a_folder_workbook_is_named_and_both_formats_are_refused(tmp_path):
    folder = workbook_folder(tmp_path)
    wb = openpyxl.load_workbook(folder / "baseline.xlsx")
    wb.active["C4"] = "mười hai"
    wb.save(folder / "baseline.xlsx")
    p = run("review", "--plan", folder, "--format", "csv", check=False)
    assert p.returncode == 65
    assert f'{folder / "baseline.xlsx"}, sheet "Năm gốc", C4 [value]: found "mười hai"' in p.stderr
    assert p.stdout == ""
    shutil.copy(PLAN / "baseline.csv", folder / "baseline.csv")
    p = run("targets", "--plan", folder, check=False)
    assert p.returncode == 65
    assert "found both baseline.csv and baseline.xlsx" in p.stderr


def actuals_book(path, rows=(("budget_revenue", 2026, 130), ("budget_revenue", 2027, 140)), title=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actuals"
    if title:
        ws.append([title])
    ws.append(["indicator", "year", "value"])
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def rewrite_part(path, part, change):
    """Rebuilds the zip at `path` with `part` passed through `change` (bytes → bytes)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def bad_inputs(tmp_path):
    """Issue 12's bad inputs, each as (name, path, --sheet, exit code, fragments of the message)."""
    cases = []
    good = actuals_book(tmp_path / "good.xlsx")
    data = good.read_bytes()
    (tmp_path / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    cases.append(("truncated zip", tmp_path / "truncated.xlsx", None, 65, []))
    corrupt = bytearray(data)
    for i in range(200, 400):
        corrupt[i] ^= 0x5A
    (tmp_path / "corrupt.xlsx").write_bytes(bytes(corrupt))
    cases.append(("corrupt zip", tmp_path / "corrupt.xlsx", None, 65, []))
    (tmp_path / "legacy.xlsx").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    cases.append(("an .xls renamed", tmp_path / "legacy.xlsx", None, 65, [".xls"]))
    (tmp_path / "renamed.xlsx").write_text("indicator,year,value\nbudget_revenue,2026,130\n")
    cases.append(("a CSV renamed", tmp_path / "renamed.xlsx", None, 65, ["CSV"]))
    cases.append(("missing sheet", good, "Thực hiện", 65, ['no sheet named "Thực hiện"']))
    no_header = tmp_path / "noheader.xlsx"
    wb = openpyxl.Workbook(); wb.active.title = "actuals"; wb.active.append(["a", "b"]); wb.save(no_header)
    cases.append(("sheet without header", no_header, None, 65, ['sheet "actuals"', "no header row"]))
    for code in ["#DIV/0!", "#N/A"]:
        book = actuals_book(tmp_path / f"error{len(cases)}.xlsx")
        rewrite_part(book, "xl/worksheets/sheet1.xml", lambda x, code=code: re.sub(
            rb'<c r="C3"[^>]*>.*?</c>', f'<c r="C3" t="e"><v>{code}</v></c>'.encode(), x))
        cases.append((f"Excel error {code}", book, None, 65, ['sheet "actuals", C3', code]))
    strings = actuals_book(tmp_path / "strings.xlsx")
    # openpyxl writes inline strings: A3 becomes a reference into a shared-string table.
    rewrite_part(strings, "xl/worksheets/sheet1.xml", lambda x: re.sub(
        rb'<c r="A3".*?</c>', b'<c r="A3" t="s"><v>999</v></c>', x))
    cases.append(("shared string out of range", strings, None, 65, ['sheet "actuals", A3', "999"]))
    beyond = actuals_book(tmp_path / "beyond.xlsx")
    rewrite_part(beyond, "xl/worksheets/sheet1.xml", lambda x: x.replace(
        b"</sheetData>", b'<row r="1048577"><c r="B1048577"><v>2030</v></c></row></sheetData>'))
    cases.append(("row 1,048,577", beyond, None, 65, ["1048577", "1,048,576"]))
    return cases


def test_bad_workbooks_exit_65_naming_file_sheet_and_cell_and_write_nothing(tmp_path):
    cases = bad_inputs(tmp_path)
    assert run("review", "--actuals", cases[4][1], "--format", "csv").returncode == 0   # the good one reads
    for name, book, sheet, code, fragments in cases:
        out = tmp_path / "review.csv"
        args = ["review", "--actuals", book, "--format", "csv", "--output", out]
        if sheet:
            args += ["--sheet", sheet]
        p = run(*args, check=False)
        assert p.returncode == code, f"{name}: exit {p.returncode}: {p.stderr}"
        message = p.stderr.strip().splitlines()[-1]
        assert f"planforecast: error: {book}" in message, f"{name}: {message}"
        for fragment in fragments:
            assert fragment in message, f"{name}: {message} lacks {fragment}"
        assert not out.exists(), name
    missing = run("review", "--actuals", tmp_path / "none.xlsx", "--output", tmp_path / "r.csv", check=False)
    assert missing.returncode == 74 and not (tmp_path / "r.csv").exists()


def test_batch_review_reads_plan_folders_of_workbooks(tmp_path):
    """`review --plans DIR`: a folder of workbooks reviews like its CSV twin (the plan id
    changed so both can be in one batch)."""
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copytree(PLAN, plans / "csv")
    folder = workbook_folder(tmp_path)
    yaml = (folder / "plan.yaml").read_text()
    (folder / "plan.yaml").write_text(re.sub(r"(?m)^id: .*$", "id: an-hung-xlsx", yaml))
    shutil.move(folder, plans / "xlsx")
    out = run("review", "--plans", plans, "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    by_plan = {}
    for row in rows:
        plan = row.pop("plan")
        by_plan.setdefault(plan, []).append(row)
    assert set(by_plan) == {"an-hung", "an-hung-xlsx"}, set(by_plan)
    assert len(by_plan["an-hung"]) > 20
    assert by_plan["an-hung-xlsx"] == by_plan["an-hung"]


def test_percentages_shown_as_percent_give_the_same_review_as_the_csv(tmp_path):
    """A planner types 12,5% in Excel: the cell holds 0.125 shown as 12.5%. The review
    reads the figure shown (as a CSV export writes it), not 0.125; a % on an indicator
    whose unit is not % is refused naming the cell."""
    units = {r["id"]: r["unit"].strip() for r in csv.DictReader(open(PLAN / "indicators.csv", encoding="utf-8-sig"))}
    rows = list(csv.DictReader(open(EXAMPLE_ACTUALS, encoding="utf-8-sig")))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actuals"
    header = list(rows[0].keys())
    ws.append(header)
    shown_as_percent = 0
    first_other = None
    for r in rows:
        ws.append([int(r[h]) if h == "year" else r[h] for h in header])
        cell = ws.cell(ws.max_row, header.index("value") + 1)
        if not r["value"].strip():
            continue
        value = float(r["value"])
        if units[r["indicator"]] == "%":
            cell.value = value / 100
            cell.number_format = "0.0%"
            shown_as_percent += 1
        else:
            cell.value = value
            first_other = first_other or cell.coordinate
    book = tmp_path / "actuals.xlsx"
    wb.save(book)
    assert shown_as_percent > 10
    from_csv = run("review", "--actuals", EXAMPLE_ACTUALS, "--format", "csv").stdout
    assert run("review", "--actuals", book, "--format", "csv").stdout == from_csv
    ws[first_other].number_format = "0%"
    wb.save(book)
    p = run("review", "--actuals", book, "--format", "csv", check=False)
    assert p.returncode == 65
    assert f'sheet "actuals", {first_other} [value]: found "' in p.stderr and "%" in p.stderr, p.stderr
