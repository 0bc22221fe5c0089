#!/usr/bin/env python3
"""The workbench in a real browser: Playwright for Python driving Debian's Chromium
(executable_path; no browser download). Opens the dashboard, changes a growth control
and sees the probabilities move, uses the keyboard, saves and reloads a scenario,
uploads a malformed actuals file and sees the reader's message, downloads reports.
With --screenshots DIR it also writes the screenshots used in docs/ and the README.
Prints 'N passed, N failed'; exit status 1 on any failure."""
import argparse
import shutil
import sys
import time
from pathlib import Path

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
        #    5,000 paths here; the 20,000-path figures of the release build are bench.py's.
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
