// PlanForecast workbench: the what-if panel's script (ours, served by the tool; no
// libraries, nothing from elsewhere). It reads the controls into a scenario with the keys of
// a scenario file, asks the server for a sweep, and writes the answer into the page. All
// text from the server goes in through textContent; the HTML fragments it sends (table
// rows, charts, the comparison) are escaped by the server.
"use strict";
(function () {
  const body = document.body;
  const plan = body.dataset.plan;
  if (!plan) return; // the plan list has nothing to drive
  const lang = body.dataset.lang;
  const seed = body.dataset.seed;
  const maxPins = Number(body.dataset.maxPins || 3);
  const form = document.getElementById("whatif");
  const $ = (id) => document.getElementById(id);
  const api = "/api/plans/" + encodeURIComponent(plan);
  let lastSweep = null;      // the last successful sweep's answer
  let inFlight = false;      // one sweep at a time; the latest change waits its turn
  let pending = false;
  let actualsUpload = null;  // {name, bytes} once the user uploaded actuals
  let pins = [];             // the user's scenarios in the comparison (at most maxPins)

  // ---- reading the controls -------------------------------------------------------
  function num(input) {
    if (!input) return undefined;
    const text = input.value.trim().replace(",", ".");
    if (text === "") return "";
    const x = Number(text);
    return Number.isFinite(x) ? x : input.value; // the server's reader names the bad value
  }

  /// The scenario the controls describe (see DriverControl.swift for the rule).
  function readScenario() {
    const field = (name) => form.elements.namedItem(name);
    const s = { name: field("scenario.name").value, plan: plan, drivers: {} };
    const description = field("scenario.description").value;
    if (description) s.description = description;
    const evaluate = field("scenario.evaluate").value;
    if (evaluate) s.evaluate = evaluate.split(",");
    const baseline = {}, shocks = [];
    for (const fs of form.querySelectorAll("fieldset.driver")) {
      const id = fs.dataset.driver, key = fs.dataset.model;
      const b = num(field("baseline." + id));
      if (b !== "" && b !== undefined) baseline[id] = b;
      if (!field("use." + id).checked) continue;
      const c = num(field(key + "." + id));
      const below = num(field("below." + id)), above = num(field("above." + id)), sd = num(field("sd." + id));
      const lo = typeof c === "number" && typeof below === "number" ? round(c - below) : c;
      const hi = typeof c === "number" && typeof above === "number" ? round(c + above) : c;
      let spec;
      switch (field("dist." + id).value) {
        case "uniform": spec = { uniform: [lo, hi] }; break;
        case "triangular": spec = { triangular: [lo, c, hi] }; break;
        case "normal": spec = { normal: { mean: c, sd: sd } }; break;
        case "truncated_normal": spec = { truncated_normal: { mean: c, sd: sd, low: lo, high: hi } }; break;
        default: spec = c;
      }
      const d = {}; d[key] = spec;
      const vol = num(field("volatility." + id));
      if (vol !== 0 && vol !== "") d.volatility = vol;
      s.drivers[id] = d;
      // Every shock row of the driver (several are allowed); a row without a year is none.
      for (const row of fs.querySelectorAll(".shock")) {
        const year = row.querySelector("select").value;
        if (year) shocks.push({ driver: id, year: Number(year), pp: num(row.querySelector("input")) });
      }
    }
    if (Object.keys(baseline).length) s.baseline = baseline;
    const corr = [];
    for (const row of document.querySelectorAll("#correlations .corr")) {
      const [a, b] = row.querySelectorAll("select");
      corr.push([a.value, b.value, num(row.querySelector("[data-corr-r]"))]);
    }
    if (corr.length) s.correlations = corr;
    if (shocks.length) s.shocks = shocks;
    return s;
  }
  const round = (x) => Math.round(x * 1e9) / 1e9;

  // ---- talking to the server ------------------------------------------------------
  async function request(method, url, bodyValue, type) {
    const init = { method: method, headers: {}, credentials: "same-origin" };
    if (bodyValue !== undefined) {
      init.body = type ? bodyValue : JSON.stringify(bodyValue);
      init.headers["Content-Type"] = type || "application/json";
    }
    const r = await fetch(url, init);
    return r;
  }
  async function errorText(r) {
    try { const j = await r.json(); return j.error || r.statusText; } catch (e) { return r.status + " " + r.statusText; }
  }
  function sweepQuery() {
    return "samples=" + encodeURIComponent(form.elements.namedItem("samples").value) + "&seed=" + seed + "&lang=" + lang;
  }

  // ---- the sweep ------------------------------------------------------------------
  function schedule() {
    if (inFlight) { pending = true; return; }
    runSweep();
  }

  async function runSweep() {
    inFlight = true; pending = false;
    const scenario = readScenario();
    const status = $("sweep-status"), error = $("sweep-error");
    status.textContent = body.dataset.running;
    body.setAttribute("aria-busy", "true");
    const started = performance.now();
    try {
      const r = await request("POST", api + "/sweep?" + sweepQuery() + "&charts=1", scenario);
      if (!r.ok) {
        error.textContent = await errorText(r);
        error.hidden = false;
        status.textContent = "";
      } else {
        const answer = await r.json();
        error.hidden = true;
        lastSweep = answer;
        applySweep(answer);
        const ms = Math.round(performance.now() - started);
        status.textContent = answer.samples.toLocaleString(lang) + (lang === "vi" ? " đường · " : " paths · ") + ms + " ms"
          + (answer.cached ? (lang === "vi" ? " (đã có sẵn)" : " (cached)") : " (engine " + Math.round(answer.engine_milliseconds) + " ms)");
        $("scenario-yaml").textContent = answer.yaml;
        rememberInURL(scenario);
      }
    } catch (e) {
      error.textContent = String(e);
      error.hidden = false;
    } finally {
      body.removeAttribute("aria-busy");
      inFlight = false;
      if (pending) runSweep();
    }
  }

  function applySweep(answer) {
    const byId = new Map(answer.targets.map((t) => [t.id, t]));
    for (const row of document.querySelectorAll("#review-rows tr[data-target]")) {
      const t = byId.get(row.dataset.target);
      const p = row.querySelector(".wf-p"), proj = row.querySelector(".wf-proj");
      if (!t) { row.removeAttribute("data-probability"); p.textContent = "—"; proj.textContent = "—"; continue; }
      const before = row.dataset.probability;
      row.dataset.probability = String(t.probability);
      p.textContent = t.probability_text;
      showWithBand(proj, t.projected_text);
      if (before !== undefined && before !== String(t.probability)) {
        row.classList.remove("changed"); void row.offsetWidth; row.classList.add("changed");
      }
    }
    for (const c of answer.charts || []) {
      const box = document.querySelector('#charts section.chart[data-indicator="' + CSS.escape(c.indicator) + '"] .svg');
      if (box) box.innerHTML = c.svg;
    }
  }

  // The query is built with encodeURIComponent (space as %20): URLSearchParams would
  // write "+", which the server reads as a plus sign.
  function scenarioAddress(scenario) {
    let q = "lang=" + lang + "&what-if=" + encodeURIComponent(JSON.stringify(scenario));
    if (pins.length) q += "&pins=" + encodeURIComponent(JSON.stringify(pins));
    return window.location.pathname + "?" + q;
  }
  /// "12.5 [10.1, 14.2] %/yr": the median, and the band on its own smaller line (as the
  /// report's cells show intervals).
  function showWithBand(cell, text) {
    const cut = text.indexOf(" [");
    cell.textContent = cut < 0 ? text : text.slice(0, cut);
    if (cut >= 0) {
      const band = document.createElement("span");
      band.className = "iv";
      band.textContent = text.slice(cut + 1);
      cell.append(document.createElement("br"), band);
    }
  }
  function rememberInURL(scenario) {
    history.replaceState(null, "", scenarioAddress(scenario));
  }

  // ---- comparison -----------------------------------------------------------------
  async function compare() {
    const box = $("compare");
    const r = await request("POST", api + "/compare?" + sweepQuery(), { scenarios: pins });
    if (!r.ok) { box.textContent = await errorText(r); return; }
    const answer = await r.json();
    box.innerHTML = answer.html;
  }

  // ---- controls -------------------------------------------------------------------
  function syncDistribution(fs) {
    const kind = fs.querySelector("select[name^='dist.']").value;
    for (const label of fs.querySelectorAll("label[data-show]")) {
      label.hidden = !label.dataset.show.split(" ").includes(kind);
    }
  }
  for (const fs of form.querySelectorAll("fieldset.driver")) syncDistribution(fs);

  form.addEventListener("input", (ev) => {
    const t = ev.target;
    if (t.name === "scenario.name") return; // a name changes no result
    if (t.type === "range") {
      const partner = form.elements.namedItem(t.dataset.for);
      if (partner) partner.value = t.value;
    } else if (t.name && form.querySelector('input[type=range][data-for="' + CSS.escape(t.name) + '"]')) {
      const slider = form.querySelector('input[type=range][data-for="' + CSS.escape(t.name) + '"]');
      if (t.value !== "") slider.value = t.value;
    }
    schedule();
  });
  form.addEventListener("change", (ev) => {
    const t = ev.target;
    if (t.name === "scenario.name") return;
    const fs = t.closest("fieldset.driver");
    if (fs && t.name && t.name.startsWith("dist.")) syncDistribution(fs);
    if (fs && t.name && t.name.startsWith("use.")) fs.toggleAttribute("data-off", !t.checked);
    schedule();
  });
  form.addEventListener("submit", (ev) => { ev.preventDefault(); schedule(); });
  form.addEventListener("click", (ev) => {
    const remove = ev.target.closest("[data-remove]");
    if (remove) {
      const row = remove.closest(".corr, .shock");
      // Keyboard users keep their place: focus moves to the list's add button.
      const next = row.classList.contains("shock") ? row.parentElement.querySelector("[data-add-shock]") : $("add-corr");
      row.remove();
      next.focus();
      schedule();
      return;
    }
    const add = ev.target.closest("[data-add-shock]");
    if (add) {
      const id = add.dataset.addShock;
      const row = $("shock-template").content.firstElementChild.cloneNode(true);
      row.querySelector("select").name = "shock-year." + id;
      row.querySelector("input").name = "shock-pp." + id;
      add.before(row);
      row.querySelector("select").focus();
      schedule();
    }
  });
  const addDriver = $("add-driver");
  if (addDriver) addDriver.addEventListener("change", (ev) => {
    ev.stopPropagation();
    const id = addDriver.value;
    if (!id) return;
    const fs = form.querySelector('fieldset.driver[data-driver="' + CSS.escape(id) + '"]');
    fs.hidden = false;
    fs.removeAttribute("data-off");
    form.elements.namedItem("use." + id).checked = true;
    addDriver.querySelector('option[value="' + CSS.escape(id) + '"]').remove();
    addDriver.value = "";
    fs.querySelector("input[type=number]").focus();
    schedule();
  });
  $("add-corr").addEventListener("click", () => {
    const row = $("corr-template").content.firstElementChild.cloneNode(true);
    $("add-corr").before(row);
    row.querySelector("select").focus();
    schedule();
  });

  $("pin").addEventListener("click", () => {
    const status = $("save-status");
    if (pins.length >= maxPins) {
      status.textContent = lang === "vi" ? "Tối đa " + maxPins + " kịch bản của bạn; bỏ bớt trước." : "At most " + maxPins + " of your scenarios; clear them first.";
      return;
    }
    pins.push(readScenario());
    rememberInURL(readScenario());
    compare();
  });
  $("clear-pins").addEventListener("click", () => { pins = []; rememberInURL(readScenario()); compare(); });

  // ---- saving and loading ---------------------------------------------------------
  async function save(overwrite) {
    const status = $("save-status"), error = $("sweep-error");
    const r = await request("POST", api + "/scenarios" + (overwrite ? "?overwrite=1" : ""), readScenario());
    if (r.status === 409) {
      const message = await errorText(r);
      if (window.confirm(message)) return save(true);
      status.textContent = message;
      return;
    }
    if (!r.ok) { error.textContent = await errorText(r); error.hidden = false; return; }
    const answer = await r.json();
    error.hidden = true;
    status.textContent = body.dataset.saved + ": " + answer.file;
    await listSaved();
  }
  $("save").addEventListener("click", () => save(false));

  async function listSaved() {
    const select = $("load-select");
    for (const o of select.querySelectorAll("option[data-saved]")) o.remove();
    const r = await request("GET", api + "/scenarios");
    if (!r.ok) return;
    const answer = await r.json();
    for (const entry of answer.scenarios) {
      if (entry.error) continue;
      const o = document.createElement("option");
      o.value = "file:" + entry.file;
      o.dataset.saved = "";
      o.textContent = entry.file + (entry.description ? " — " + entry.description : "");
      select.append(o);
    }
  }

  $("load").addEventListener("click", async () => {
    const value = $("load-select").value;
    const file = value.startsWith("file:") ? value.slice(5) : value;
    const r = await request("GET", api + "/scenarios/" + encodeURIComponent(file));
    if (!r.ok) { $("sweep-error").textContent = await errorText(r); $("sweep-error").hidden = false; return; }
    const answer = await r.json();
    window.location.assign(scenarioAddress(answer.scenario));
  });

  // ---- actuals in, reports out ----------------------------------------------------
  $("upload").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const input = ev.target.elements.namedItem("actuals");
    const error = $("upload-error");
    if (!input.files.length) { error.textContent = lang === "vi" ? "Chọn một tệp CSV hoặc .xlsx." : "Choose a CSV or .xlsx file."; error.hidden = false; return; }
    const file = input.files[0];
    const bytes = await file.arrayBuffer();
    // The server tells CSV from .xlsx by the name and the first bytes, as the command line does.
    const type = file.type || "application/octet-stream";
    const r = await request("POST", api + "/review?lang=" + lang + "&file=" + encodeURIComponent(file.name), bytes, type);
    if (!r.ok) { error.textContent = await errorText(r); error.hidden = false; return; }
    const answer = await r.json();
    error.hidden = true;
    actualsUpload = { name: file.name, bytes: bytes, type: type };
    showReview(answer);
    $("use-example").hidden = false;
  });
  $("use-example").addEventListener("click", () => { window.location.reload(); });

  function showReview(answer) {
    const [rows, foot] = answer.table_html.split("<!--foot-->");
    $("review-rows").innerHTML = rows;
    $("review-foot").innerHTML = foot || "";
    $("review-source").textContent = (lang === "vi" ? "Số liệu thực hiện: " : "Actuals: ") + answer.actuals + (lang === "vi" ? "; đến năm " : "; up to ") + answer.as_of + ".";
    if (lastSweep) applySweep(lastSweep);
  }

  async function download(url, bodyValue, type, fallbackName) {
    const r = await request("POST", url, bodyValue, type);
    if (!r.ok) { $("upload-error").textContent = await errorText(r); $("upload-error").hidden = false; return; }
    const blob = await r.blob();
    const match = /filename="([^"]+)"/.exec(r.headers.get("Content-Disposition") || "");
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = match ? match[1] : fallbackName;
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  for (const link of document.querySelectorAll("a[data-report]")) {
    link.addEventListener("click", (ev) => {
      if (!actualsUpload) return; // the link itself downloads the example actuals' review
      ev.preventDefault();
      const url = "/plans/" + encodeURIComponent(plan) + "/report." + link.dataset.report + "?lang=" + lang + "&file=" + encodeURIComponent(actualsUpload.name);
      download(url, actualsUpload.bytes, actualsUpload.type, "review." + link.dataset.report);
    });
  }
  $("download-sweep").addEventListener("click", (ev) => {
    ev.preventDefault();
    download("/plans/" + encodeURIComponent(plan) + "/sweep.csv?" + sweepQuery(), readScenario(), undefined, "sweep.csv");
  });

  // ---- start ----------------------------------------------------------------------
  try {
    const given = new URL(window.location.href).searchParams.get("pins");
    if (given) pins = JSON.parse(given).slice(0, maxPins);
  } catch (e) { pins = []; }
  listSaved();
  runSweep().then(compare);
})();
