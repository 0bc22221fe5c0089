#!/usr/bin/env python3
"""The workbench in a real browser: Playwright for Python driving Debian's Chromium
(executable_path; no browser download). Opens the dashboard, changes a growth control
and sees the probabilities move, uses the keyboard, saves and reloads a scenario,
adds and removes several shocks on one driver (keyboard only), uploads actuals as CSV and
as .xlsx (written by openpyxl) and malformed ones and sees the reader's messages,
downloads reports (HTML, CSV, .xlsx).
With --screenshots DIR it also writes the screenshots used in docs/ and the README.
Prints 'N passed, N failed'; exit status 1 on any failure."""
import argparse
import io
import shutil
import sys
import time
from pathlib import Path

import openpyxl
from playwright.sync_api import sync_playwright

from server import Checks, Server

check = Checks()


def load_saved(page, url, file):
    """Opens the dashboard and loads the scenario file `file` with "Start from"."""
    page.goto(url + "plans/an-hung?lang=en")
    page.wait_for_selector(f'#load-select option[value="file:{file}"]', state="attached", timeout=5000)
    page.select_option("#load-select", f"file:{file}")
    # The page writes the scenario into its address after every sweep, so wait for the
    # navigation the click starts, not for the address.
    with page.expect_navigation(timeout=10000):
        page.click("#load")
    page.wait_for_selector('tr[data-target="T02b"][data-probability]', timeout=15000)


def xlsx(rows, sheet="actuals"):
    """An .xlsx workbook written by openpyxl (not by our writer) with `rows` under the
    header indicator, year, value."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(["indicator", "year", "value"])
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def probabilities(page):
    return page.eval_on_selector_all("#review-rows tr[data-probability]",
                                     "rows => Object.fromEntries(rows.map(r => [r.dataset.target, Number(r.dataset.probability)]))")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--screenshots", help="folder for the documentation screenshots")
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if not chromium:
        raise SystemExit("Debian's chromium is missing (apt-get install chromium)")
    with Server() as s, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        problems = []
        # Console errors, except the 409 and 422 answers this test provokes on purpose.
        expected = ("status of 409", "status of 422")
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" and not any(x in m.text for x in expected) else None)
        page.on("pageerror", lambda e: problems.append(str(e)))

        # 1. The dashboard: one row per target; a sweep runs on load.
        page.goto(s.url + "plans/an-hung?lang=en")
        page.wait_for_selector('tr[data-target="T02b"][data-probability]', timeout=15000)
        before = probabilities(page)
        check(len(before) >= 5 and all(0 <= v <= 1 for v in before.values()), f"dashboard shows P(meet) for {len(before)} targets")
        check(page.locator("tr[data-target][data-status]").count() == page.locator("#review-rows tr").count(), "every row has data-target and data-status")
        check(page.locator("#charts svg").count() >= 3, "charts drawn")

        out = Path(args.screenshots) if args.screenshots else None

        # 2. Change a growth control: the probabilities move within 2 s. The tests run on
        #    the debug build (about 10 times slower than release), so the page is set to
        #    5,000 paths here; the 20,000-path figures of the release build are scripts/bench-workbench's.
        page.select_option('select[name="samples"]', "5000")
        page.wait_for_function("() => document.getElementById('sweep-status').textContent.startsWith('5')", timeout=15000)
        page.wait_for_function("() => !document.body.hasAttribute('aria-busy')", timeout=15000)
        before = probabilities(page)
        industry = page.locator('input[name="growth.gpv_industry"]')
        start = time.monotonic()
        industry.fill("11")
        page.wait_for_function("p => Number(document.querySelector('tr[data-target=\"T02b\"]').dataset.probability) !== p",
                               arg=before["T02b"], timeout=2000)
        moved = time.monotonic() - start
        after = probabilities(page)
        check(after["T02b"] < before["T02b"], f"T02b P(meet) {before['T02b']:.3f} -> {after['T02b']:.3f} after growth 14 -> 11 ({moved * 1000:.0f} ms)")
        check("what-if=" in page.url, "the scenario is in the address (a link reproduces it)")

        # 3. Keyboard: ArrowUp in the control raises growth and updates again.
        industry.focus()
        low = after["T02b"]
        for _ in range(30):
            page.keyboard.press("ArrowUp")
        page.wait_for_function("p => Number(document.querySelector('tr[data-target=\"T02b\"]').dataset.probability) > p", arg=low, timeout=4000)
        check(industry.input_value() == "14", f"keyboard moved the control to {industry.input_value()} and the row updated")

        if args.screenshots:
            # The documentation shows the repository's scenario with the plan's ranges and
            # yearly volatility (Scenarios/an-hung-ranges.yaml), loaded as a user would.
            shutil.copy(Path(__file__).resolve().parents[2] / "Scenarios/an-hung-ranges.yaml", s.scenarios)
            load_saved(page, s.url, "an-hung-ranges.yaml")
            page.locator('input[name="growth.gpv_industry"]').fill("13.5")
            page.wait_for_function("() => !document.body.hasAttribute('aria-busy')")
            page.wait_for_timeout(600)
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(out / "workbench-dashboard.png"), full_page=False)
            page.locator("aside.panel").screenshot(path=str(out / "workbench-what-if.png"))
            page.locator("#compare-section").scroll_into_view_if_needed()
            page.click("#pin")
            page.wait_for_selector("#compare table th.mine", timeout=10000)
            page.locator("#compare-section").screenshot(path=str(out / "workbench-compare.png"))
            page.locator("#charts section.chart").first.screenshot(path=str(out / "workbench-fan-chart.png"))
            page.click("#clear-pins")
            page.goto(s.url + "plans/an-hung?lang=en")
            page.wait_for_selector('tr[data-target="T02b"][data-probability]', timeout=15000)
            industry = page.locator('input[name="growth.gpv_industry"]')

        # 3b. Several shocks on one driver, with the keyboard only: "Add a shock" twice
        #     (Enter on the focused button), each a -3 pp shock in its year; both count
        #     (P(meet) of T02b falls twice), both go into the address and the YAML;
        #     "Remove" on one takes it out again and focus returns to the add button.
        def wait_idle():
            page.wait_for_function("() => !document.body.hasAttribute('aria-busy')", timeout=15000)
            page.wait_for_timeout(300)
            page.wait_for_function("() => !document.body.hasAttribute('aria-busy')", timeout=15000)
        industry.fill("13.6")
        wait_idle()
        no_shock = probabilities(page)["T02b"]
        add = page.locator('button[data-add-shock="gpv_industry"]')
        shock_p = []
        for year in ["2027", "2029"]:
            add.focus()
            page.keyboard.press("Enter")
            focused = page.evaluate("document.activeElement.name")
            page.keyboard.press("Tab")  # from the year to the size
            page.keyboard.press("Control+a")
            page.keyboard.type("-3")
            page.keyboard.press("Shift+Tab")
            page.select_option(f'select[name="shock-year.gpv_industry"] >> nth={len(shock_p)}', year)
            wait_idle()
            shock_p.append(probabilities(page)["T02b"])
        rows = page.locator('select[name="shock-year.gpv_industry"]').count()
        yaml_text = page.text_content("#scenario-yaml")
        check(focused == "shock-year.gpv_industry" and rows == 2, f"two shock rows added with the keyboard ({rows} rows)")
        check(no_shock > shock_p[0] > shock_p[1], f"each shock counts: T02b P(meet) {no_shock:.3f} -> {shock_p[0]:.3f} -> {shock_p[1]:.3f}")
        check(yaml_text.count("driver: gpv_industry") == 2 and "2029" in yaml_text and page.url.count("gpv_industry") >= 3,
              "both shocks in the YAML and the address")
        if args.screenshots:
            page.locator('fieldset.driver[data-driver="gpv_industry"]').screenshot(path=str(out / "workbench-shocks.png"))
        page.locator('.shock:has(select[name="shock-year.gpv_industry"]) button[data-remove] >> nth=1').focus()
        page.keyboard.press("Enter")
        wait_idle()
        after_remove = probabilities(page)["T02b"]
        check(page.locator('select[name="shock-year.gpv_industry"]').count() == 1
              and page.evaluate("document.activeElement.dataset.addShock") == "gpv_industry"
              and abs(after_remove - shock_p[0]) < 1e-12,
              f"a shock removed with the keyboard (P(meet) back to {after_remove:.3f}, focus on 'Add a shock')")
        page.locator('.shock:has(select[name="shock-year.gpv_industry"]) button[data-remove]').click()
        wait_idle()

        # 4. Save the scenario, save again (confirm the overwrite), reload it.
        page.fill('input[name="scenario.name"]', "Browser test")
        industry.fill("16")
        page.wait_for_function("() => !document.body.hasAttribute('aria-busy')")
        page.click("#save")
        page.wait_for_function("() => document.getElementById('save-status').textContent.includes('browser-test.yaml')", timeout=5000)
        check(Path(s.scenarios, "browser-test.yaml").exists(), "scenario saved as browser-test.yaml")
        dialogs = []
        page.once("dialog", lambda d: (dialogs.append(d.message), d.accept()))
        page.evaluate("document.getElementById('save-status').textContent = ''")
        page.click("#save")
        page.wait_for_function("() => document.getElementById('save-status').textContent.includes('browser-test.yaml')", timeout=5000)
        check(len(dialogs) == 1 and "already exists" in dialogs[0], "saving again asks before replacing the file")
        load_saved(page, s.url, "browser-test.yaml")
        check(page.locator('input[name="growth.gpv_industry"]').input_value() == "16", "reloaded scenario has growth 16 %/yr")
        check(page.locator('input[name="scenario.name"]').input_value() == "Browser test", "reloaded scenario keeps its name")

        # 5. Compare: pin the scenario; the table shows the plan's three and it.
        page.click("#pin")
        page.wait_for_selector("#compare table th.mine", timeout=10000)
        check(page.locator("#compare thead th").count() == 5, "comparison: plan-low, plan-mid, plan-high and the user's scenario")

        # 6. A malformed actuals file: the reader's message next to the form.
        page.set_input_files('input[name="actuals"]', files=[{"name": "bad.csv", "mimeType": "text/csv",
                                                               "buffer": b"indicator,year,value\ngpv_industry,2026,abc\n"}])
        page.click("#upload button[type=submit]")
        page.wait_for_selector("#upload-error:not([hidden])", timeout=5000)
        message = page.text_content("#upload-error")
        check(message.startswith("bad.csv:2 [value]"), f"upload error shown: {message!r}")

        # 7. A good actuals file replaces the review; downloads follow it.
        page.set_input_files('input[name="actuals"]', files=[{"name": "mine.csv", "mimeType": "text/csv",
                                                               "buffer": b"indicator,year,value\ngpv_industry,2026,650\ngpv_industry,2027,720\n"}])
        page.click("#upload button[type=submit]")
        page.wait_for_function("() => document.getElementById('review-source').textContent.includes('mine.csv')", timeout=5000)
        check(page.locator("#upload-error").is_hidden(), "good actuals accepted")
        with page.expect_download() as d:
            page.click('a[data-report="html"]')
        download = d.value
        path = download.path()
        text = Path(path).read_text(encoding="utf-8")
        check(download.suggested_filename == "review-an-hung.html" and text.startswith("<!DOCTYPE html>") and "mine.csv" in text,
              f"review HTML downloaded ({download.suggested_filename}, uses the uploaded actuals)")
        with page.expect_download() as d:
            page.click("#download-sweep")
        text = Path(d.value.path()).read_text(encoding="utf-8")
        check(d.value.suggested_filename.startswith("sweep-") and text.startswith("section,scenario,id"), f"sweep CSV downloaded ({d.value.suggested_filename})")
        page.goto(s.url + "plans/an-hung?lang=vi")
        with page.expect_download() as d:
            page.click('a[data-report="csv"]')
        check(d.value.suggested_filename == "review-an-hung.csv", "review CSV downloaded")

        # 7b. Actuals as .xlsx (written by openpyxl): accepted; a text in a value cell and
        #     a file that is not a workbook give the reader's messages (sheet and cell).
        page.goto(s.url + "plans/an-hung?lang=en")
        page.wait_for_selector('tr[data-target="T02b"][data-probability]', timeout=15000)
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        page.set_input_files('input[name="actuals"]', files=[{"name": "bad.xlsx", "mimeType": mime,
                                                               "buffer": xlsx([("gpv_industry", 2026, 650), ("gpv_industry", 2027, "abc")])}])
        page.click("#upload button[type=submit]")
        page.wait_for_selector("#upload-error:not([hidden])", timeout=5000)
        message = page.text_content("#upload-error")
        check(message.startswith("bad.xlsx") and "C3" in message and "actuals" in message, f"malformed .xlsx: {message!r}")
        if args.screenshots:
            page.locator("#actuals").screenshot(path=str(out / "workbench-actuals.png"))
        page.set_input_files('input[name="actuals"]', files=[{"name": "broken.xlsx", "mimeType": mime,
                                                               "buffer": b"PK\x03\x04 not a workbook"}])
        page.click("#upload button[type=submit]")
        page.wait_for_function("() => document.getElementById('upload-error').textContent.startsWith('broken.xlsx')", timeout=5000)
        check(True, f"a broken .xlsx: {page.text_content('#upload-error')!r}")
        page.set_input_files('input[name="actuals"]', files=[{"name": "mine.xlsx", "mimeType": mime,
                                                               "buffer": xlsx([("gpv_industry", 2026, 650), ("gpv_industry", 2027, 720)])}])
        page.click("#upload button[type=submit]")
        page.wait_for_function("() => document.getElementById('review-source').textContent.includes('mine.xlsx')", timeout=5000)
        check(page.locator("#upload-error").is_hidden(), "good .xlsx actuals accepted")
        with page.expect_download() as d:
            page.click('a[data-report="xlsx"]')
        saved = Path(s.scenarios) / "downloaded-review.xlsx"  # openpyxl goes by the extension
        d.value.save_as(str(saved))
        book = openpyxl.load_workbook(saved)
        cells = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
        check(d.value.suggested_filename == "review-an-hung.xlsx" and any("T02b" in c for c in cells) and any("mine.xlsx" in c for c in cells),
              f"review .xlsx downloaded and read by openpyxl ({len(book.worksheets)} sheets, uses the uploaded actuals)")

        # 8. A phone: the page fits its width (no sideways scrolling of the page itself).
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
        phone.goto(s.url + "plans/an-hung?lang=vi")
        phone.wait_for_selector('tr[data-target="T02b"][data-probability]', timeout=15000)
        overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        check(overflow <= 1, f"phone width: page does not scroll sideways (overflow {overflow} px)")
        if args.screenshots:
            phone.screenshot(path=str(out / "workbench-phone.png"))
        check(not problems, f"no script errors or blocked resources ({problems[:3]})")
        browser.close()
        code = s.stop()
        check(code == 0, f"server stopped cleanly (exit {code})")
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
