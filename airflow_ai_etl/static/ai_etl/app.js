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

  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  /** Call a JSON endpoint; resolves to {ok, status, data}. */
  async function api(path, method, payload) {
    const options = { method: method || "GET", credentials: "same-origin", headers: { Accept: "application/json" } };
    if (payload !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.headers["X-CSRFToken"] = csrfToken();
      options.body = JSON.stringify(payload);
    }
    const response = await fetch(API + path, options);
    let data = {};
    try { data = await response.json(); } catch (e) { data = { error: response.status + " " + response.statusText }; }
    return { ok: response.ok, status: response.status, data: data };
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }

  function show(el, visible) { if (el) el.hidden = !visible; }

  function fail(message) {
    const box = $("failure");
    if (!box) return;
    box.textContent = message || "";
    show(box, Boolean(message));
  }

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

  // --- New pipeline page ------------------------------------------------------------------------

  function newPage() {
    const form = $("request-form");
    const requestBox = $("request");
    let current = null; // the last result payload
    let lastRequest = "";

    document.querySelectorAll("button.example").forEach((b) => b.addEventListener("click", () => {
      requestBox.value = b.textContent.trim();
      requestBox.focus();
    }));

    async function run(path, payload) {
      fail("");
      show($("busy"), true);
      document.querySelectorAll("#generate, #revalidate, #replan, #deploy").forEach((b) => { b.dataset.was = b.disabled; b.disabled = true; });
      try {
        const res = await api(path, "POST", payload);
        if (res.data && res.data.status && res.data.status !== "error" && res.data.status !== "forbidden" &&
            res.data.status !== "unauthorized") {
          renderResult(res.data);
        } else {
          fail((res.data && res.data.error) || t("error.generic") + " (" + res.status + ")");
        }
        return res;
      } catch (e) {
        fail(t("error.generic") + ": " + e);
        return null;
      } finally {
        show($("busy"), false);
        document.querySelectorAll("#generate, #revalidate, #replan, #deploy").forEach((b) => { b.disabled = b.dataset.was === "true"; });
      }
    }

    function renderResult(data) {
      current = data;
      show($("result"), true);
      const status = $("status");
      status.textContent = t("status." + data.status);
      status.className = "badge " + data.status;
      status.dataset.status = data.status;
      $("dag-id").textContent = data.dag_id || "—";
      $("schedule").textContent = data.schedule_description || "";
      $("cron").textContent = data.spec && data.spec.schedule ? data.spec.schedule : "";

      const questions = data.questions || [];
      show($("questions"), questions.length > 0);
      $("question-list").innerHTML = questions.map((q, i) =>
        "<li>" + escapeHtml(q) + '<input type="text" class="answer" data-index="' + i + '" placeholder="' +
        escapeHtml(t("result.answer")) + '" data-testid="answer-' + i + '"></li>').join("");

      const errors = data.errors || [];
      $("validation").innerHTML = errors.length
        ? errors.map((p) => '<li class="problem"><span class="gate">' + escapeHtml(p.gate) + "</span>" +
            (p.field ? " <code>" + escapeHtml(p.field) + "</code>" : "") + ": " + escapeHtml(p.message) + "</li>").join("")
        : (data.status === "ok" ? '<li class="ok">' + escapeHtml(t("result.valid")) + "</li>" : "");

      $("spec").value = data.spec ? JSON.stringify(data.spec, null, 2) : "";
      renderGraph($("graph"), data.graph || { nodes: [], edges: [] });
      $("code").innerHTML = highlightPython(data.source_code || "");

      const isMart = data.status === "ok" && data.spec && data.spec.source && data.spec.source.type === "mart";
      show($("preview"), Boolean(isMart));
      show($("preview-card"), false);

      const preview = data.deploy_preview;
      show($("deploy-card"), data.status === "ok" && (Boolean(preview) || Boolean(data.path)));
      show($("deployed"), false);
      if (preview) {
        $("deploy-summary").textContent = preview.current_version
          ? (preview.changed ? t("deploy.current") + " (v" + preview.current_version + ")" : t("deploy.unchanged"))
          : t("deploy.new_file");
        renderDiff($("deploy-diff"), preview.diff, "");
        show($("deploy-diff"), Boolean(preview.diff));
      }
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      lastRequest = requestBox.value.trim();
      if (lastRequest) run("/generate", { request: lastRequest, strategy: $("planner").value });
    });

    $("replan").addEventListener("click", () => {
      const answers = Array.from(document.querySelectorAll("input.answer")).map((i) => i.value.trim()).filter(Boolean);
      const base = lastRequest || requestBox.value.trim();
      const text = [base].concat(answers).join(". ");
      requestBox.value = text;
      lastRequest = text;
      run("/generate", { request: text, strategy: $("planner").value });
    });

    $("revalidate").addEventListener("click", () => {
      let spec;
      try { spec = JSON.parse($("spec").value); } catch (e) { fail(t("result.bad_json") + ": " + e.message); return; }
      run("/check", { spec: spec });
    });

    $("preview").addEventListener("click", async () => {
      let spec;
      try { spec = JSON.parse($("spec").value); } catch (e) { fail(t("result.bad_json") + ": " + e.message); return; }
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

    const deployButton = $("deploy");
    if (deployButton) {
      deployButton.addEventListener("click", async () => {
        if (!current || !current.spec) return;
        let spec;
        try { spec = JSON.parse($("spec").value); } catch (e) { fail(t("result.bad_json") + ": " + e.message); return; }
        const res = await run("/deploy", { spec: spec });
        if (res && res.ok && res.data.path) {
          const done = $("deployed");
          const historyUrl = document.getElementById("history-url").innerHTML.trim() + "/" + encodeURIComponent(res.data.dag_id);
          done.innerHTML = "<strong>" + escapeHtml(t("deploy.done")) + "</strong>: <code data-testid=\"deployed-path\">" +
            escapeHtml(res.data.path) + "</code> (" + escapeHtml(t("deploy.version")) + ' <span data-testid="deployed-version">' +
            res.data.version + "</span>) · " + '<a target="_top" data-testid="dag-link" href="' + escapeHtml(res.data.dag_url) + '">' +
            escapeHtml(t("deploy.open_dag")) + " ↗</a> · " + '<a data-testid="history-link" href="' + escapeHtml(historyUrl) + '">' +
            escapeHtml(t("deploy.history")) + "</a>";
          show(done, true);
          show($("deploy-diff"), false);
          $("deploy-summary").textContent = "";
        }
      });
    }

    if (requestBox.value.trim() && CAPS.generate) form.requestSubmit();
  }

  // --- History page -----------------------------------------------------------------------------

  function historyPage() {
    const table = document.querySelector("table[data-dag-id]");
    const dagId = table ? table.dataset.dagId : (($("trigger") || {}).dataset || {}).dagId;
    const done = (html) => { const box = $("done"); box.innerHTML = html; show(box, true); };

    const compare = $("compare");
    if (compare) {
      compare.addEventListener("click", async () => {
        fail("");
        const oldV = (document.querySelector('input[name="old"]:checked') || {}).value;
        const newV = (document.querySelector('input[name="new"]:checked') || {}).value;
        const res = await api("/pipelines/" + encodeURIComponent(dagId) + "/diff?old=" + oldV + "&new=" + newV);
        if (!res.ok) { fail(res.data.error); return; }
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
      const res = await api("/pipelines/" + encodeURIComponent(dagId) + "/rollback", "POST", { version: version });
      button.disabled = false;
      if (!res.ok) { fail(res.data.error || res.status); return; }
      done(escapeHtml(t("history.rolled_back")) + ' <span data-testid="rolled-back-version">v' + res.data.version + "</span>");
      window.setTimeout(() => window.location.reload(), 900);
    }));

    const trigger = $("trigger");
    if (trigger) {
      trigger.addEventListener("click", async () => {
        fail("");
        const res = await api("/pipelines/" + encodeURIComponent(dagId) + "/trigger", "POST", {});
        if (!res.ok) { fail(res.data.error || res.status); return; }
        done(escapeHtml(t("history.triggered")) + ": <code>" + escapeHtml(res.data.run_id) + "</code> · " +
          '<a target="_top" href="' + escapeHtml(res.data.dag_url) + '">' + escapeHtml(t("deploy.open_dag")) + " ↗</a>");
      });
    }
  }

  if (body.dataset.page === "new") newPage();
  if (body.dataset.page === "history") historyPage();
})();
