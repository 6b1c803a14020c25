/* AI ETL menu: a thin browser client over the JSON endpoints (no framework, no external assets). */
(function () {
  "use strict";

  const body = document.body;
  const API = body.dataset.api;
  const CAPS = JSON.parse(body.dataset.caps || "{}");
  const T = JSON.parse(document.getElementById("ai-etl-texts").textContent);
  const $ = (id) => document.getElementById(id);
  const t = (key, fields) => {
    let text = T[key] || key;
    Object.entries(fields || {}).forEach(([k, v]) => { text = text.replace("{" + k + "}", v); });
    return text;
  };

  /** Why JSON.parse failed, in the page's language: the browser words its errors in its own
   * language, so only the position it names is kept (and the English text on an English page). */
  function badJson(e) {
    const at = /position (\d+)/.exec(String(e && e.message));
    if (document.documentElement.lang === "en") return t("result.bad_json") + ": " + e.message;
    return at ? t("result.bad_json_at", { position: at[1] }) : t("result.bad_json");
  }

  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  /** Call a JSON endpoint; resolves to {ok, status, data}. A non-JSON answer (a proxy's error page)
   *  becomes {error: "<generic text> (<status>)"}, never a raw "400 Bad Request". */
  async function api(path, method, payload) {
    const options = { method: method || "GET", credentials: "same-origin", headers: { Accept: "application/json" } };
    if (payload !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.headers["X-CSRFToken"] = csrfToken();
      options.body = JSON.stringify(payload);
    }
    const response = await fetch(API + path, options);
    let data = {};
    try { data = await response.json(); } catch (e) { data = { error: t("error.generic") + " (" + response.status + ")" }; }
    return { ok: response.ok, status: response.status, data: data };
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }

  function show(el, visible) { if (el) el.hidden = !visible; }

  /** Show an error in `box` (default: the page's failure box); an expired CSRF token offers a reload. */
  function fail(message, data, box) {
    box = box || $("failure");
    if (!box) return;
    let html = escapeHtml(message || "");
    if (data && data.code === "csrf") {
      html += ' <a href="#" data-testid="reload" class="reload">' + escapeHtml(t("error.reload")) + "</a>";
    }
    box.innerHTML = html;
    show(box, Boolean(message));
    const reload = box.querySelector("a.reload");
    if (reload) reload.addEventListener("click", (e) => { e.preventDefault(); window.location.reload(); });
  }

  /** The error text of a failed call. */
  function errorOf(res) {
    return (res && res.data && res.data.error) || t("error.generic") + (res ? " (" + res.status + ")" : "");
  }

  // --- links into Airflow from inside its shell ---------------------------------------------------
  // Airflow 3.3 shows plugin pages in an iframe sandboxed with "allow-scripts allow-same-origin
  // allow-forms allow-downloads": no top navigation and no pop-ups, so target=_top and _blank links
  // are dead there. The frame is same-origin with the shell, so a link moves the shell's own router
  // instead (history.pushState + popstate on the top window, as its in-app links do).
  function openInShell(href) {
    if (window.top === window) return false;
    try {
      const top = window.top;
      const url = new URL(href, top.location.href);
      if (url.origin !== top.location.origin) return false;
      top.history.pushState({}, "", url.pathname + url.search + url.hash);
      top.dispatchEvent(new top.PopStateEvent("popstate", { state: {} }));
      return true;
    } catch (e) {
      return false; // another origin: leave the link to the browser
    }
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest ? event.target.closest('a[target="_top"]') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    if (openInShell(link.href)) event.preventDefault();
  });

  // --- rendering helpers ------------------------------------------------------------------------

  const PY_KEYWORDS = new Set(("False None True and as assert async await break class continue def del elif else " +
    "except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield").split(" "));
  const PY_TOKENS = /("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|(#[^\n]*)|(@[\w.]+)|\b(\d+(?:\.\d+)?)\b|\b([A-Za-z_]\w*)\b(\s*\()?/g;

  /** Minimal Python highlighter: strings, comments, decorators, numbers, keywords, calls. */
  function highlightPython(code) {
    let out = "";
    let last = 0;
    code.replace(PY_TOKENS, (match, str, com, dec, num, word, call, offset) => {
      out += escapeHtml(code.slice(last, offset));
      last = offset + match.length;
      if (str) out += '<span class="str">' + escapeHtml(str) + "</span>";
      else if (com) out += '<span class="com">' + escapeHtml(com) + "</span>";
      else if (dec) out += '<span class="dec">' + escapeHtml(dec) + "</span>";
      else if (num) out += '<span class="num">' + num + "</span>";
      else if (PY_KEYWORDS.has(word)) out += '<span class="kw">' + word + "</span>" + escapeHtml(call || "");
      else if (call) out += '<span class="fn">' + word + "</span>" + escapeHtml(call);
      else out += word;
      return match;
    });
    return out + escapeHtml(code.slice(last));
  }

  function renderDiff(el, diff, emptyText) {
    if (!diff) { el.textContent = emptyText || ""; return; }
    el.innerHTML = diff.split("\n").map((line) => {
      const cls = line.startsWith("+++") || line.startsWith("---") ? "hunk"
        : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : line.startsWith("@@") ? "hunk" : "";
      return cls ? '<span class="' + cls + '">' + escapeHtml(line) + "</span>" : escapeHtml(line) + "\n";
    }).join("");
  }

  /** Left-to-right layered drawing of {nodes, edges} as SVG. */
  function renderGraph(el, graph) {
    const nodes = graph.nodes || [];
    if (!nodes.length) { el.innerHTML = ""; return; }
    const depth = {};
    nodes.forEach((n) => { depth[n.id] = 0; });
    for (let pass = 0; pass < nodes.length; pass++) {
      (graph.edges || []).forEach((e) => { depth[e.to] = Math.max(depth[e.to], depth[e.from] + 1); });
    }
    const columns = {};
    nodes.forEach((n) => { (columns[depth[n.id]] = columns[depth[n.id]] || []).push(n); });
    const W = 230, H = 46, GX = 50, GY = 18;
    const pos = {};
    let maxRows = 1;
    Object.keys(columns).forEach((c) => {
      maxRows = Math.max(maxRows, columns[c].length);
      columns[c].forEach((n, i) => { pos[n.id] = { x: 10 + c * (W + GX), y: 10 + i * (H + GY) }; });
    });
    const width = 20 + Object.keys(columns).length * (W + GX) - GX;
    const height = 20 + maxRows * (H + GY) - GY;
    let svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + width + " " + height + '" width="' + width +
      '" height="' + height + '" role="img"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" ' +
      'markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#64748b"/>' +
      "</marker></defs>";
    (graph.edges || []).forEach((e) => {
      const a = pos[e.from], b = pos[e.to];
      if (!a || !b) return;
      const x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x - 2, y2 = b.y + H / 2, mx = (x1 + x2) / 2;
      svg += '<path d="M' + x1 + "," + y1 + " C" + mx + "," + y1 + " " + mx + "," + y2 + " " + x2 + "," + y2 + '"/>';
    });
    nodes.forEach((n) => {
      const p = pos[n.id];
      const label = n.label.length > 32 ? n.label.slice(0, 31) + "…" : n.label;
      svg += '<g class="node ' + escapeHtml(n.kind) + '" data-node="' + escapeHtml(n.id) + '"><title>' +
        escapeHtml(n.label) + "</title>" + '<rect x="' + p.x + '" y="' + p.y + '" width="' + W + '" height="' + H + '"/>' +
        '<text x="' + (p.x + 10) + '" y="' + (p.y + (n.operator ? 19 : 28)) + '">' + escapeHtml(label) + "</text>" +
        (n.operator ? '<text class="op" x="' + (p.x + 10) + '" y="' + (p.y + 36) + '">' + escapeHtml(n.operator) + "</text>" : "") +
        "</g>";
    });
    el.innerHTML = svg + "</svg>";
  }


  // --- Form editor (beside the JSON) -------------------------------------------------------------
  // The JSON spec stays the single source of truth: every form change is written into it and checked
  // by the server (/check), whose answer redraws the graph and code and puts errors next to fields.
  // A rejected edit keeps what the user typed in the form and in the JSON.

  function scheduleParts(cron) {
    if (!cron) return { kind: "manual" };
    const f = cron.trim().split(/\s+/);
    const num = (x) => /^\d+$/.test(x);
    const hhmm = (h, m) => String(h).padStart(2, "0") + ":" + String(m).padStart(2, "0");
    if (f.length === 5 && num(f[0]) && f[1] === "*" && f[2] === "*" && f[3] === "*" && f[4] === "*") return { kind: "hourly", minute: f[0] };
    if (f.length === 5 && num(f[0]) && num(f[1]) && f[3] === "*") {
      if (f[2] === "*" && f[4] === "*") return { kind: "daily", time: hhmm(f[1], f[0]) };
      if (f[2] === "*" && /^[0-7](,[0-7])*$/.test(f[4])) return { kind: "weekly", time: hhmm(f[1], f[0]), days: f[4].split(",") };
      if (f[2] === "*" && /^[0-7]-[0-7]$/.test(f[4])) {
        const [a, b] = f[4].split("-").map(Number);
        const days = [];
        for (let d = a; d <= b; d++) days.push(String(d % 7));
        return { kind: "weekly", time: hhmm(f[1], f[0]), days: days };
      }
      if (num(f[2]) && f[4] === "*") return { kind: "monthly", time: hhmm(f[1], f[0]), dom: f[2] };
    }
    return { kind: "cron", cron: cron };
  }

  function cronOf(form) {
    const v = (name) => (form.elements[name] ? form.elements[name].value.trim() : "");
    const kind = v("sched.kind");
    const [h, m] = (v("sched.time") || "00:00").split(":").map((x) => String(Number(x)));
    if (kind === "manual") return null;
    if (kind === "hourly") return (v("sched.minute") || "0") + " * * * *";
    if (kind === "daily") return m + " " + h + " * * *";
    if (kind === "weekly") {
      const days = Array.from(form.querySelectorAll('input[name="sched.day"]:checked')).map((c) => c.value);
      return m + " " + h + " * * " + (days.length ? days.join(",") : "*");
    }
    if (kind === "monthly") return m + " " + h + " " + (v("sched.dom") || "1") + " * *";
    return v("sched.cron");
  }

  function specForm(hooks) {
    const form = $("spec-form");
    if (!form) return null;
    const el = (name) => form.elements[name];
    let catalog = null;
    let tables = [];          // tables of the chosen source connection
    let autoTarget = "";      // target table / dag id the form derived (replaced when the source changes)
    let autoDagId = "";
    let seq = 0;
    let timer = null;
    const tableRef = (tb) => (tb.schema === "public" ? tb.name : tb.schema + "." + tb.name);

    async function loadCatalog() {
      if (catalog) return catalog;
      const res = await api("/catalog");
      catalog = res.ok ? res.data : { connections: [], tables: {} };
      return catalog;
    }

    function connections(type) {
      return (catalog.connections || []).filter((c) => c.conn_type === type).map((c) => c.conn_id);
    }

    function options(select, values, labels, chosen) {
      select.innerHTML = values.map((v, i) => '<option value="' + escapeHtml(v) + '"' + (v === chosen ? " selected" : "") +
        ">" + escapeHtml(labels ? labels[i] : v) + "</option>").join("");
      if (chosen !== undefined && !values.includes(chosen) && chosen) {
        select.insertAdjacentHTML("beforeend", '<option value="' + escapeHtml(chosen) + '" selected>' + escapeHtml(chosen) + "</option>");
      }
    }

    function checkboxes(list, columns, checked) {
      const box = form.querySelector('[data-list="' + list + '"]');
      box.innerHTML = columns.map((c) => '<label><input type="checkbox" value="' + escapeHtml(c) + '"' +
        (checked.includes(c) ? " checked" : "") + ">" + escapeHtml(c) + "</label>").join("");
    }

    const ticked = (list) => Array.from(form.querySelectorAll('[data-list="' + list + '"] input:checked')).map((c) => c.value);

    function columnsOf(ref) {
      const table = tables.find((tb) => tableRef(tb) === ref);
      return table ? table.columns.map((c) => c.name) : [];
    }

    function fillTables(conn, chosen) {
      tables = (catalog.tables || {})[conn] || [];
      options(el("source.table"), tables.map(tableRef), null, chosen);
    }

    function fillColumns(spec) {
      const cols = columnsOf(el("source.table").value);
      const source = spec.source || {};
      const target = spec.target || {};
      const transforms = spec.transforms || [];
      const checks = spec.checks || [];
      const mask = transforms.find((tr) => tr.type === "mask");
      // The form edits the first failing check of each kind; warnings and further checks (asked in the
      // request, or proposed: «предупреждать, если дубли по id») stay in the spec as they are.
      const check = (type) => checks.find((c) => c.type === type && (c.severity || "fail") === "fail");
      checkboxes("columns", cols, source.columns || []);
      checkboxes("keys", cols, target.keys || []);
      checkboxes("masks", cols, mask ? mask.columns : []);
      checkboxes("not_null", cols, check("not_null") ? check("not_null").columns : []);
      checkboxes("unique", cols, check("unique") ? check("unique").columns : []);
      el("mask.method").value = mask ? mask.method : "hash";
      options(el("source.incremental"), [""].concat(cols), [t("form.incremental.none")].concat(cols),
        source.incremental ? source.incremental.column : "");
      el("check.row_count_min").value = check("row_count_min") ? check("row_count_min").value : "";
    }

    function showSchedule() {
      const kind = el("sched.kind").value;
      form.querySelectorAll(".sched").forEach((x) => show(x, x.classList.contains("sched-" + kind)));
    }

    function derivedDagId(source, target) {
      const name = String(source.table || "").split(".").pop();
      return name && source.conn_id && target.conn_id ? name + "_" + source.conn_id + "_to_" + target.conn_id : "";
    }

    /** Fill the form from a spec (a new result, or a JSON edit that validated). */
    async function fill(spec) {
      await loadCatalog();
      const source = spec.source || {};
      const target = spec.target || {};
      const editable = source.type === "sql" && Boolean(source.table) && target.type === "clickhouse";
      $("form-blocked").textContent = editable ? "" : t("form.other_source");
      show($("form-blocked"), !editable);
      form.querySelectorAll("input, select").forEach((x) => { x.disabled = !editable || !CAPS.generate; });
      if (!editable) return;
      options(el("source.conn_id"), connections("postgres"), null, source.conn_id);
      fillTables(source.conn_id, source.table);
      options(el("target.conn_id"), connections("clickhouse"), null, target.conn_id);
      el("target.table").value = target.table || "";
      el("target.mode").value = target.mode || "append";
      el("source.where").value = source.where || "";
      fillColumns(spec);
      const parts = scheduleParts(spec.schedule);
      el("sched.kind").value = parts.kind;
      el("sched.minute").value = parts.minute || "0";
      el("sched.time").value = parts.time || "02:00";
      el("sched.dom").value = parts.dom || "1";
      el("sched.cron").value = parts.cron || spec.schedule || "";
      form.querySelectorAll('input[name="sched.day"]').forEach((c) => { c.checked = (parts.days || []).includes(c.value); });
      el("timezone").value = spec.timezone || "UTC";
      el("dag_id").value = spec.dag_id || "";
      autoTarget = String(source.table || "").split(".").pop();
      autoDagId = derivedDagId(source, target);
      showSchedule();
      clearErrors();
    }

    /** The JSON spec with the form's values written into it. */
    function apply(spec, changed) {
      const out = JSON.parse(JSON.stringify(spec));
      out.source = out.source || {};
      out.target = out.target || {};
      const tableChanged = changed === "source.table" || changed === "source.conn_id";
      if (changed === "source.conn_id") fillTables(el("source.conn_id").value, "");
      if (tableChanged) fillColumns({ source: {}, target: {}, transforms: [], checks: [] });
      out.source.conn_id = el("source.conn_id").value;
      out.source.table = el("source.table").value;
      const cols = ticked("columns");
      out.source.columns = cols.length ? cols : null;
      out.source.where = el("source.where").value.trim() || null;
      out.source.incremental = el("source.incremental").value ? { column: el("source.incremental").value } : null;
      out.target.conn_id = el("target.conn_id").value;
      const name = out.source.table.split(".").pop();
      if (tableChanged && (!el("target.table").value || el("target.table").value === autoTarget)) {
        el("target.table").value = name;
      }
      autoTarget = name;
      out.target.table = el("target.table").value.trim();
      out.target.mode = el("target.mode").value;
      out.target.keys = ticked("keys");
      const masked = ticked("masks");
      out.transforms = (out.transforms || []).filter((tr) => tr.type !== "mask");
      if (masked.length) out.transforms.push({ type: "mask", columns: masked, method: el("mask.method").value });
      out.checks = (out.checks || []).slice();
      const minimum = el("check.row_count_min").value;
      const edited = {
        row_count_min: minimum !== "" ? { type: "row_count_min", columns: [], value: Number(minimum) } : null,
        not_null: ticked("not_null").length ? { type: "not_null", columns: ticked("not_null"), value: null } : null,
        unique: ticked("unique").length ? { type: "unique", columns: ticked("unique"), value: null } : null,
      };
      Object.entries(edited).forEach(([type, made]) => {
        const at = out.checks.findIndex((c) => c.type === type && (c.severity || "fail") === "fail");
        if (at >= 0 && made) out.checks[at] = Object.assign({}, out.checks[at], made);
        else if (at >= 0) out.checks.splice(at, 1);
        else if (made) out.checks.push(made);
      });
      out.schedule = cronOf(form);
      out.timezone = el("timezone").value.trim() || "UTC";
      const derived = derivedDagId(out.source, out.target);
      if (changed !== "dag_id" && (el("dag_id").value === autoDagId || !el("dag_id").value)) el("dag_id").value = derived;
      autoDagId = derived;
      out.dag_id = el("dag_id").value.trim();
      return out;
    }

    function clearErrors() {
      form.querySelectorAll(".field-error").forEach((x) => x.remove());
      form.querySelectorAll(".field.invalid").forEach((x) => x.classList.remove("invalid"));
    }

    /** The form field an error is about: the longest data-field that prefixes the error's field. */
    function fieldFor(problem) {
      const name = problem.field || "";
      let best = null;
      form.querySelectorAll("[data-field]").forEach((x) => {
        const f = x.dataset.field;
        if ((name === f || name.startsWith(f + ".")) && (!best || f.length > best.dataset.field.length)) best = x;
      });
      if (!best && /keys/.test(problem.message_en || problem.message)) best = form.querySelector('[data-field="target.keys"]');
      if (!best && name) best = form.querySelector('[data-field^="' + name.split(".")[0] + '"]');
      return best;
    }

    function showErrors(errors) {
      clearErrors();
      const rest = [];
      errors.forEach((p) => {
        const field = fieldFor(p);
        if (!field) { rest.push(p); return; }
        field.classList.add("invalid");
        field.insertAdjacentHTML("beforeend", '<div class="field-error" data-testid="field-error">' + escapeHtml(p.message) + "</div>");
      });
      return rest;
    }

    async function check(spec) {
      const mine = ++seq;
      $("form-state").textContent = t("form.checking");
      const res = await api("/check", "POST", { spec: spec });
      if (mine !== seq) return; // a newer edit is being checked
      $("form-state").textContent = "";
      if (!isResultData(res)) { fail(errorOf(res), res.data); return; }
      hooks.render(res.data);
      showErrors(res.data.status === "ok" ? [] : res.data.errors || []);
      const human = form.querySelector('[data-testid="f-schedule-human"]');
      human.textContent = res.data.spec ? res.data.schedule_description || "" : "";
    }

    function changed(event) {
      const name = event.target.name || (event.target.closest("[data-list]") || {}).dataset?.list || "";
      if (name === "sched.kind") showSchedule();
      let spec;
      try {
        spec = JSON.parse(hooks.specBox.value);
        show($("form-blocked"), false);
      } catch (e) {
        $("form-blocked").textContent = t("form.json_broken");
        show($("form-blocked"), true);
        return;
      }
      const next = apply(spec, name);
      const text = JSON.stringify(next, null, 2);
      // A "change" fired by leaving a field (e.g. clicking Deploy) with nothing changed is no edit.
      if (text === hooks.specBox.value && event.type === "change" && !name.startsWith("sched.kind")) return;
      hooks.specBox.value = text;
      hooks.pending();
      window.clearTimeout(timer);
      timer = window.setTimeout(() => check(next), event.type === "input" ? 600 : 50);
    }

    form.addEventListener("change", changed);
    form.addEventListener("input", (event) => { if (["text", "number", "time"].includes(event.target.type)) changed(event); });

    /** A first spec from the catalog: the first PostgreSQL table into the first ClickHouse connection. */
    async function blank() {
      await loadCatalog();
      const pg = connections("postgres")[0] || "";
      const ch = connections("clickhouse")[0] || "";
      const first = ((catalog.tables || {})[pg] || [])[0];
      const table = first ? tableRef(first) : "";
      const source = { type: "sql", conn_id: pg, table: table };
      const target = { type: "clickhouse", conn_id: ch, table: table.split(".").pop(), mode: "replace" };
      return { version: 1, dag_id: derivedDagId(source, target), schedule: "0 2 * * *", timezone: "UTC",
        source: source, target: target, transforms: [], checks: [] };
    }

    return { fill: fill, check: check, blank: blank, showErrors: showErrors };
  }

  function isResultData(res) {
    return res && res.data && ["ok", "needs_clarification", "rejected"].includes(res.data.status);
  }

  // --- New pipeline page ------------------------------------------------------------------------

  function newPage() {
    const form = $("request-form");
    const requestBox = $("request");
    const specBox = $("spec");
    const deployButton = $("deploy");
    const replaceButton = $("replace");
    let current = null; // the last result payload
    let lastRequest = "";
    let handEdit = null; // the hand edit a replace would throw away (its sha256 goes with the replace)

    document.querySelectorAll("button.example").forEach((b) => b.addEventListener("click", () => {
      requestBox.value = b.textContent.trim();
      requestBox.focus();
    }));

    const BUTTONS = "#generate, #revalidate, #replan, #deploy, #replace, #pii-mask, #pii-allow";

    async function call(path, payload) {
      fail("");
      show($("busy"), true);
      document.querySelectorAll(BUTTONS).forEach((b) => { b.dataset.was = b.disabled; b.disabled = true; });
      try {
        return await api(path, "POST", payload);
      } catch (e) {
        fail(t("error.generic") + ": " + e);
        return null;
      } finally {
        show($("busy"), false);
        document.querySelectorAll(BUTTONS).forEach((b) => { b.disabled = b.dataset.was === "true"; });
      }
    }

    const isResult = isResultData;
    const editor = specForm({
      specBox: specBox,
      render: (data) => renderResult(data, true, true),
      pending: () => { if (deployButton) deployButton.disabled = true; },
    });

    /** Put the caret on the line of `field` ("source.table" -> the "table" key) in the JSON text. */
    function selectField(field) {
      const key = '"' + String(field).split(".").filter((k) => !/^\d+$/.test(k)).pop() + '"';
      const text = specBox.value;
      const at = text.indexOf(key + ":");
      if (at < 0) return;
      const end = text.indexOf("\n", at);
      specBox.focus();
      specBox.setSelectionRange(at, end < 0 ? text.length : end);
    }

    /** Errors next to the spec: the field each concerns, click to jump to it. */
    function showSpecErrors(errors) {
      const list = $("spec-error-list");
      list.innerHTML = errors.map((p, i) => "<li>" + (p.field ? '<a href="#" class="field" data-i="' + i + '" translate="no">' +
        escapeHtml(p.field) + "</a>: " : "") + escapeHtml(p.message) + "</li>").join("");
      list.querySelectorAll("a.field").forEach((a) => a.addEventListener("click", (e) => {
        e.preventDefault();
        selectField(errors[Number(a.dataset.i)].field);
      }));
      show($("spec-errors"), errors.length > 0);
    }

    function renderHandEdit(edit, message) {
      handEdit = edit || null;
      show($("hand-edit"), Boolean(edit));
      if (!edit) return;
      $("hand-edit-message").textContent = message ||
        t("deploy.hand_edited." + edit.kind, { path: edit.path, version: edit.version });
      renderDiff($("hand-edit-diff"), edit.diff, "");
      if (deployButton) show(deployButton, false);
    }

    /** Show a result. keepText: the spec box holds the user's own edit, which is never replaced;
     *  fromForm: the form made the edit (its fields keep what the user chose). */
    function renderResult(data, keepText, fromForm) {
      current = data;
      show($("result"), true);
      const status = $("status");
      status.textContent = t("status." + data.status);
      status.className = "badge " + data.status;
      status.dataset.status = data.status;
      $("dag-id").textContent = data.dag_id || "—";
      $("schedule").textContent = data.schedule_description || "";
      $("cron").textContent = data.spec && data.spec.schedule ? data.spec.schedule : "";
      show($("facts"), Boolean(data.spec));

      const questions = data.questions || [];
      // The personal-data question is answered with a button (mask / load as is), not with text.
      const piiAsked = Boolean(data.pii && !data.pii.answer && data.status === "needs_clarification");
      show($("questions"), questions.length > 0);
      $("question-list").innerHTML = questions.map((q, i) =>
        "<li>" + escapeHtml(q) + (piiAsked ? "" : '<input type="text" class="answer" data-index="' + i + '" placeholder="' +
        escapeHtml(t("result.answer")) + '" data-testid="answer-' + i + '">') + "</li>").join("");
      show($("replan"), !piiAsked);
      show($("pii"), piiAsked);
      $("pii-findings").innerHTML = piiAsked ? (data.pii.findings || []).map((f) => {
        const why = [];
        if (f.hint) why.push(t("pii.hint." + f.hint));
        if (f.sampled) why.push(t("pii.values", { matched: f.matched, sampled: f.sampled, share: Math.round(100 * (f.share || 0)) }));
        return '<li data-column="' + escapeHtml(f.column) + '"><code translate="no">' + escapeHtml(f.column) + "</code> — " +
          escapeHtml(f.label || f.kind) + (why.length ? ": " + escapeHtml(why.join("; ")) : "") + "</li>";
      }).join("") : "";
      const piiAnswer = data.pii && data.pii.answer;
      show($("pii-answer"), Boolean(piiAnswer));
      $("pii-answer").textContent = piiAnswer ? t("pii.answered." + piiAnswer, { columns: (data.pii.columns || []).join(", ") }) : "";

      const assumptions = data.assumptions || [];
      show($("assumptions"), assumptions.length > 0);
      $("assumption-list").innerHTML = assumptions.map((a) => "<li>" + escapeHtml(a) + "</li>").join("");

      const errors = data.errors || [];
      const listed = errors.filter((p) => !questions.includes(p.message));
      $("validation").innerHTML = listed.length
        ? listed.map((p) => '<li class="problem"><span class="gate">' + escapeHtml(t("gate." + p.gate)) + "</span>" +
            (p.field ? ' <code translate="no">' + escapeHtml(p.field) + "</code>" : "") + ": " + escapeHtml(p.message) + "</li>").join("")
        : (data.status === "ok" ? '<li class="ok">' + escapeHtml(t("result.valid")) + "</li>" : "");
      show($("validation-block"), listed.length > 0 || data.status === "ok");

      // Panels only when they have something to show.
      const hasSpec = Boolean(data.spec) || keepText;
      if (!keepText) specBox.value = data.spec ? JSON.stringify(data.spec, null, 2) : "";
      show($("spec-card"), hasSpec);
      showSpecErrors(keepText && data.status !== "ok" ? errors : []);
      const graph = data.graph || { nodes: [], edges: [] };
      const hasCode = Boolean(data.source_code);
      renderGraph($("graph"), hasCode ? graph : { nodes: [], edges: [] });
      $("code").innerHTML = highlightPython(data.source_code || "");
      show($("code-card"), hasCode);
      show($("panels"), hasSpec || hasCode);
      show($("form-card"), hasSpec && Boolean(editor));
      if (editor && data.spec && !fromForm && (!keepText || data.status === "ok")) editor.fill(data.spec);
      if (fromForm) showSpecErrors([]);

      const isMart = data.status === "ok" && data.spec && data.spec.source && data.spec.source.type === "mart";
      show($("preview"), Boolean(isMart));
      show($("preview-card"), false);

      const preview = data.deploy_preview;
      show($("deploy-card"), data.status === "ok" && Boolean(preview));
      show($("deployed"), false);
      fail("", null, $("deploy-failure"));
      if (deployButton) { show(deployButton, true); deployButton.disabled = false; }
      renderHandEdit(null);
      if (preview) {
        $("deploy-summary").textContent = preview.current_version
          ? (preview.changed ? t("deploy.current") + " (v" + preview.current_version + ")" : t("deploy.unchanged"))
          : t("deploy.new_file");
        renderDiff($("deploy-diff"), preview.diff, "");
        show($("deploy-diff"), Boolean(preview.diff));
        renderHandEdit(preview.hand_edit);
      }
    }

    async function plan(text, pii) {
      const body = { request: text, strategy: $("planner").value };
      if (pii) body.pii = pii;
      const res = await call("/generate", body);
      if (isResult(res)) renderResult(res.data, false);
      else if (res) fail(errorOf(res), res.data);
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      lastRequest = requestBox.value.trim();
      if (lastRequest) plan(lastRequest);
    });

    ["mask", "allow"].forEach((answer) => $("pii-" + answer).addEventListener("click", () => {
      plan(lastRequest || requestBox.value.trim(), answer);
    }));

    $("replan").addEventListener("click", () => {
      const answers = Array.from(document.querySelectorAll("input.answer")).map((i) => i.value.trim()).filter(Boolean);
      const base = lastRequest || requestBox.value.trim();
      const text = [base].concat(answers).join(". ");
      requestBox.value = text;
      lastRequest = text;
      plan(text);
    });

    /** The edited spec, or null after showing the JSON error next to the box. */
    function editedSpec() {
      try {
        return JSON.parse(specBox.value);
      } catch (e) {
        showSpecErrors([{ field: "", message: badJson(e) }]);
        return null;
      }
    }

    $("revalidate").addEventListener("click", async () => {
      const spec = editedSpec();
      if (!spec) return;
      const res = await call("/check", { spec: spec });
      if (isResult(res)) renderResult(res.data, true);
      else if (res) fail(errorOf(res), res.data);
    });

    $("preview").addEventListener("click", async () => {
      let spec;
      try { spec = JSON.parse($("spec").value); } catch (e) { fail(badJson(e)); return; }
      fail("");
      show($("busy"), true);
      try {
        const res = await api("/preview", "POST", { spec: spec });
        if (!res.ok || res.data.status !== "ok") {
          const reasons = (res.data.questions || []).concat((res.data.errors || []).map((p) => p.message));
          fail(res.data.error || reasons.join("; ") || t("error.generic") + " (" + res.status + ")");
          return;
        }
        const cell = (v) => "<td>" + (v === null ? '<span class="muted">NULL</span>' : escapeHtml(v)) + "</td>";
        $("preview-table").innerHTML = "<thead><tr>" + res.data.columns.map((c) => "<th>" + escapeHtml(c) + "</th>").join("") +
          "</tr></thead><tbody>" + res.data.rows.map((r) => "<tr>" + r.map(cell).join("") + "</tr>").join("") + "</tbody>";
        $("preview-estimate").textContent = t(res.data.estimate_kind === "plan" ? "preview.estimate_plan" : "preview.estimate_exact",
          { shown: res.data.rows.length, rows: res.data.estimated_rows });
        show($("preview-card"), true);
      } finally {
        show($("busy"), false);
      }
    });

    async function deploy(replace) {
      if (!current || !current.spec) return;
      const spec = editedSpec();
      if (!spec) return;
      const payload = { spec: spec };
      if (replace) payload.replace_hand_edit = handEdit.sha256;
      const res = await call("/deploy", payload);
      if (!res) return;
      if (res.ok && res.data.path) {
        const done = $("deployed");
        const historyUrl = document.getElementById("history-url").innerHTML.trim() + "/" + encodeURIComponent(res.data.dag_id);
        done.innerHTML = "<strong>" + escapeHtml(t("deploy.done")) + '</strong>: <code data-testid="deployed-path" translate="no">' +
          escapeHtml(res.data.path) + "</code> (" + escapeHtml(t("deploy.version")) + ' <span data-testid="deployed-version">' +
          res.data.version + "</span>) · " + '<a target="_top" data-testid="dag-link" href="' + escapeHtml(res.data.dag_url) + '">' +
          escapeHtml(t("deploy.open_dag")) + " ↗</a> · " + '<a data-testid="history-link" href="' + escapeHtml(historyUrl) + '">' +
          escapeHtml(t("deploy.history")) + "</a>";
        show(done, true);
        show($("deploy-diff"), false);
        renderHandEdit(null);
        $("deploy-summary").textContent = "";
        if (deployButton) { show(deployButton, true); deployButton.disabled = true; } // until the next result
        return;
      }
      if (res.data && res.data.code === "hand_edited") {
        renderHandEdit(res.data.hand_edit, res.data.error);
        return;
      }
      if (isResult(res)) { renderResult(res.data, true); return; }
      fail(errorOf(res), res.data, $("deploy-failure"));
    }

    if (deployButton) deployButton.addEventListener("click", () => deploy(false));
    if (replaceButton) replaceButton.addEventListener("click", () => {
      if (handEdit && window.confirm(t("deploy.replace_confirm"))) deploy(true);
    });

    const build = $("build");
    if (build && editor) {
      build.addEventListener("click", async () => {
        fail("");
        const spec = await editor.blank();
        specBox.value = JSON.stringify(spec, null, 2);
        renderResult({ status: "rejected", spec: spec, errors: [], questions: [], graph: { nodes: [], edges: [] } }, true);
        await editor.fill(spec);
        editor.check(spec);
      });
    }

    if (requestBox.value.trim() && CAPS.generate) form.requestSubmit();
  }

  // --- History page -----------------------------------------------------------------------------

  function historyPage() {
    const table = document.querySelector("table[data-dag-id]");
    const statusBox = $("dag-status");
    const dagId = table ? table.dataset.dagId : (statusBox ? statusBox.dataset.dagId : "");
    const done = (html) => { const box = $("done"); box.innerHTML = html; show(box, true); };
    const base = "/pipelines/" + encodeURIComponent(dagId);

    const compare = $("compare");
    if (compare) {
      compare.addEventListener("click", async () => {
        fail("");
        const oldV = (document.querySelector('input[name="old"]:checked') || {}).value;
        const newV = (document.querySelector('input[name="new"]:checked') || {}).value;
        const res = await api(base + "/diff?old=" + oldV + "&new=" + newV);
        if (!res.ok) { fail(errorOf(res), res.data); return; }
        const pre = $("diff");
        renderDiff(pre, res.data.diff, t("history.no_diff"));
        show(pre, true);
      });
    }

    document.querySelectorAll("button.rollback").forEach((button) => button.addEventListener("click", async () => {
      const version = Number(button.dataset.version);
      if (!window.confirm(t("history.confirm_rollback", { version: version }))) return;
      fail("");
      button.disabled = true;
      const res = await api(base + "/rollback", "POST", { version: version });
      button.disabled = false;
      if (!res.ok) { fail(errorOf(res), res.data); return; }
      done(escapeHtml(t("history.rolled_back")) + ' <span data-testid="rolled-back-version">v' + res.data.version + "</span>");
      window.setTimeout(() => window.location.reload(), 900);
    }));

    const trigger = $("trigger");
    if (!trigger || !statusBox) return;
    let timer = null;

    /** Trigger only once Airflow knows the DAG; say why not, offer to unpause, show the latest run. */
    function renderStatus(s) {
      const reasons = [];
      let wait = 0;
      if (!s.known) {
        reasons.push(t("trigger.unknown", { dag_id: dagId }));
        wait = 5000;
      } else if (!s.can_trigger) {
        reasons.push(t("trigger.no_perm"));
      } else if (s.paused) {
        reasons.push(t("trigger.paused"));
      }
      trigger.disabled = !(s.known && s.can_trigger);
      $("trigger-reason").textContent = reasons.join(" ");
      show($("unpause"), Boolean(s.known && s.paused && s.can_unpause));
      show($("pause"), Boolean(s.known && !s.paused && s.can_unpause));
      const run = s.last_run;
      show($("last-run"), Boolean(run));
      if (run) {
        $("last-run-id").textContent = run.run_id;
        const badge = $("last-run-state");
        badge.textContent = t("run." + run.state);
        badge.className = "badge run-" + run.state;
        badge.dataset.state = run.state;
        if ((run.state === "queued" || run.state === "running") && !s.paused) wait = wait || 3000;
        if (run.state === "queued" && s.paused) wait = wait || 10000;
      }
      statusBox.className = "note" + (reasons.length && !s.known ? " warn" : "");
      statusBox.dataset.known = String(Boolean(s.known));
      statusBox.dataset.paused = String(Boolean(s.paused));
      window.clearTimeout(timer);
      if (wait) timer = window.setTimeout(refresh, wait);
    }

    async function refresh() {
      const res = await api(base + "/status");
      if (res.ok) renderStatus(res.data);
      else fail(errorOf(res), res.data);
    }

    trigger.addEventListener("click", async () => {
      fail("");
      trigger.disabled = true;
      const res = await api(base + "/trigger", "POST", {});
      if (!res.ok) { fail(errorOf(res), res.data); refresh(); return; }
      done(escapeHtml(t("history.triggered")) + ': <code translate="no">' + escapeHtml(res.data.run_id) + "</code> · " +
        '<a target="_top" data-testid="run-dag-link" href="' + escapeHtml(res.data.dag_url) + '">' + escapeHtml(t("deploy.open_dag")) + " ↗</a>");
      refresh();
    });

    $("unpause").addEventListener("click", async () => {
      fail("");
      const res = await api(base + "/unpause", "POST", {});
      if (!res.ok) { fail(errorOf(res), res.data); return; }
      done(escapeHtml(t("trigger.unpaused")));
      refresh();
    });

    $("pause").addEventListener("click", async () => {
      fail("");
      const res = await api(base + "/pause", "POST", {});
      if (!res.ok) { fail(errorOf(res), res.data); return; }
      done(escapeHtml(t("trigger.paused_done")));
      refresh();
    });

    refresh();
  }

  if (body.dataset.page === "new") newPage();
  if (body.dataset.page === "history") historyPage();
})();
