// The modelfile-ls registry dashboard: one page over the registry's read-only JSON API.
//
// Everything the registry holds is user data (model names, descriptions, Modelfile text from
// imports): it reaches the page only through textContent and attribute setters, never as markup,
// and the server's Content-Security-Policy allows this file as the only script.

const main = document.getElementById("main");
const PAGE_SIZE = 50;
const SORTS = [
  ["name", "Name"],
  ["family", "Family"],
  ["parameters", "Parameters"],
  ["context", "Context"],
  ["updated", "Updated"],
];
const OLLAMA_CAPABILITIES = new Set(["completion", "chat", "tools", "vision", "embedding", "thinking", "code", "insert"]);
const lists = {};

// -- DOM helpers --------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  append(node, children);
  return node;
}

function svgEl(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  setAttributes(node, attrs);
  append(node, children);
  return node;
}

function setAttributes(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "text") node.textContent = String(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function safeHref(url) {
  // Only web links: a registry row could hold `javascript:` in its source column.
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function modelHref(name) {
  return `#/model/${encodeURIComponent(name)}`;
}

function chip(text, known = false) {
  return el("span", { class: known ? "chip known" : "chip", text });
}

function fmtNumber(value, digits = 1) {
  if (value === null || value === undefined || value === "") return "–";
  return Number(value).toLocaleString("en", { maximumFractionDigits: digits });
}

function fmtBytes(bytes) {
  if (!bytes && bytes !== 0) return "–";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toLocaleString("en", { maximumFractionDigits: 1 })} ${units[unit]}`;
}

function table(headers, rows, { caption, numeric = [] } = {}) {
  const head = el("tr", {}, headers.map((h, i) => el("th", { scope: "col", class: numeric.includes(i) ? "num" : null }, h)));
  const body = rows.map((cells) => el("tr", {}, cells.map((c, i) => el("td", { class: numeric.includes(i) ? "num" : null }, c))));
  return el("div", { class: "table-wrap" }, el("table", {}, caption ? el("caption", { class: "note", text: caption }) : null, el("thead", {}, head), el("tbody", {}, body)));
}

// -- API ------------------------------------------------------------------------------------------

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`${path}: HTTP ${response.status}, not a JSON answer`);
  }
  if (!body.success) throw new Error(body.error || `${path}: HTTP ${response.status}`);
  return body;
}

async function vocabulary(name) {
  if (!lists[name]) lists[name] = api(`/api/${name}`).then((b) => b.data);
  return lists[name];
}

// -- routing --------------------------------------------------------------------------------------

// Only "#/…" names a view. Any other fragment (the skip link's "#main", a bookmarked anchor) is a
// place on the page: on load it shows the models view, and arriving at it later never replaces
// the view being read.
function route(event) {
  const isView = location.hash === "" || location.hash.startsWith("#/");
  if (event && !isView) return;
  const hash = isView ? location.hash.replace(/^#/, "") || "/" : "/";
  const [path, query = ""] = hash.split("?");
  const params = new URLSearchParams(query);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const view = parts[0] || "models";
  for (const link of document.querySelectorAll("nav a")) {
    if (link.dataset.view === (view === "model" ? "models" : view)) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  const views = { models: modelsView, model: modelView, compare: compareView, performance: performanceView, hosts: hostsView, stats: statsView };
  // Which address the view on screen answers: a reader (or a test) that has just changed the
  // address waits for this before it trusts data-state, which is still the last view's until
  // the hashchange event has run.
  main.dataset.route = location.hash;
  const render = views[view];
  if (!render) return show(`No view “${view}”`, [el("p", { class: "error", text: `There is no view “${view}”.` })], "error");
  main.dataset.state = "loading";
  render(parts.slice(1), params).catch((error) => show("Something went wrong", [el("p", { class: "error", role: "alert", text: error.message })], "error"));
}

function show(title, children, state = "ready") {
  document.title = `${title} · modelfile-ls registry`;
  main.replaceChildren(el("h2", { text: title }), ...children);
  main.dataset.state = state;
  // Two frames later the view is on screen: bench/dashboard.py reads this mark.
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark(`painted:${state}`)));
}

function go(path, params) {
  const query = params && [...params].length ? `?${params}` : "";
  location.hash = `#${path}${query}`;
}

// -- models ---------------------------------------------------------------------------------------

const selected = new Set();

async function modelsView(_parts, params) {
  const query = new URLSearchParams();
  for (const key of ["search", "family", "capability", "tag", "installed", "sort", "order"]) {
    if (params.get(key)) query.set(key, params.get(key));
  }
  const page = Math.max(0, Number.parseInt(params.get("page") || "0", 10) || 0);
  query.set("limit", String(PAGE_SIZE));
  query.set("offset", String(page * PAGE_SIZE));
  // One round trip: the page of models and the filter vocabularies are fetched together.
  const [result, families, capabilities, tags] = await Promise.all([api(`/api/models?${query}`), vocabulary("families"), vocabulary("capabilities"), vocabulary("tags")]);

  const select = (name, label, options) =>
    el("label", {}, label, el("select", { name }, el("option", { value: "", text: "any" }), options.map((o) => el("option", { value: o.name, selected: params.get(name) === o.name, text: `${o.name} (${o.models})` }))));
  const form = el(
    "form",
    { class: "filters", role: "search", onsubmit: (event) => { event.preventDefault(); applyFilters(form, params); } },
    el("label", {}, "Search", el("input", { type: "search", name: "search", value: params.get("search") || "", placeholder: "name, description, tag…" })),
    select("family", "Family", families),
    select("capability", "Capability", capabilities),
    select("tag", "Tag", tags),
    el("label", {}, "Installed", el("select", { name: "installed" }, [["", "any"], ["true", "installed"], ["false", "not installed"]].map(([value, text]) => el("option", { value, text, selected: (params.get("installed") || "") === value })))),
    el("button", { type: "submit", class: "primary", text: "Filter" }),
  );
  for (const control of form.querySelectorAll("select")) control.addEventListener("change", () => applyFilters(form, params));

  const compare = el("button", { type: "button", onclick: () => go(`/compare/${[...selected].map(encodeURIComponent).join(",")}`) });
  const updateCompare = () => {
    compare.textContent = `Compare selected (${selected.size})`;
    compare.disabled = selected.size < 2 || selected.size > 4;
  };
  updateCompare();

  const sort = params.get("sort") || "name";
  const order = params.get("order") || "asc";
  const sortHeader = (key, label) => {
    const active = sort === key;
    const next = new URLSearchParams(params);
    next.set("sort", key);
    next.set("order", active && order === "asc" ? "desc" : "asc");
    next.delete("page");
    return el("th", { scope: "col", "aria-sort": active ? (order === "asc" ? "ascending" : "descending") : "none" },
      el("button", { type: "button", class: "sort", onclick: () => go("/", next), text: `${label}${active ? (order === "asc" ? " ▲" : " ▼") : ""}` }));
  };
  const rows = result.data.map((model) => {
    const box = el("input", { type: "checkbox", "aria-label": `select ${model.name} for comparison`, checked: selected.has(model.name) });
    box.addEventListener("change", () => {
      if (box.checked) selected.add(model.name);
      else selected.delete(model.name);
      updateCompare();
    });
    const sizes = model.variants.map((v) => v.parameters_b).filter((v) => v !== null);
    const contexts = model.variants.map((v) => v.context_length).filter((v) => v !== null);
    return el("tr", { "data-model": model.name },
      el("td", {}, box),
      el("td", {}, el("a", { href: modelHref(model.name), text: model.name })),
      el("td", { text: model.family || "–" }),
      el("td", { class: "num", text: span(sizes, "B") }),
      el("td", { class: "num", text: contexts.length ? fmtNumber(Math.max(...contexts), 0) : "–" }),
      el("td", {}, model.capabilities.map((c) => chip(c, OLLAMA_CAPABILITIES.has(c)))),
      el("td", { text: model.installed ? "yes" : "no" }),
      el("td", { class: "desc" }, el("span", { class: "clamp", text: model.description })),
    );
  });
  const head = el("tr", {}, el("th", { scope: "col" }, el("span", { class: "note", text: "Select" })), sortHeader("name", "Name"), sortHeader("family", "Family"), sortHeader("parameters", "Parameters"), sortHeader("context", "Context"), el("th", { scope: "col", text: "Capabilities" }), el("th", { scope: "col", text: "Installed" }), el("th", { scope: "col", text: "Description" }));
  const listing = rows.length
    ? el("div", { class: "table-wrap" }, el("table", { id: "models" }, el("thead", {}, head), el("tbody", {}, rows)))
    : el("p", { class: "note", id: "no-models", text: "No model matches these filters." });

  const first = result.total ? result.offset + 1 : 0;
  const last = result.offset + result.data.length;
  const pageLink = (delta, label) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page + delta));
    return el("button", { type: "button", disabled: delta < 0 ? page === 0 : last >= result.total, onclick: () => go("/", next), text: label });
  };
  show("Models", [
    form,
    el("div", { class: "pager" }, el("span", { class: "note", id: "count", text: `${first.toLocaleString("en")}–${last.toLocaleString("en")} of ${result.total.toLocaleString("en")} models` }), compare),
    listing,
    el("div", { class: "pager" }, pageLink(-1, "← Previous"), pageLink(1, "Next →")),
  ]);
}

function span(values, unit) {
  if (!values.length) return "–";
  const [low, high] = [fmtNumber(Math.min(...values)), fmtNumber(Math.max(...values))];
  return low === high ? `${low}${unit}` : `${low}–${high}${unit}`;
}

function applyFilters(form, params) {
  const next = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (value) next.set(key, String(value));
  for (const key of ["sort", "order"]) if (params.get(key)) next.set(key, params.get(key));
  go("/", next);
}

// -- one model ------------------------------------------------------------------------------------

async function modelView(parts) {
  const name = parts.join("/");
  const [{ data: model }, { data: modelfiles }] = await Promise.all([
    api(`/api/models/${encodeURIComponent(name)}`),
    api(`/api/modelfiles?model=${encodeURIComponent(name)}`),
  ]);
  const source = safeHref(model.source);
  const facts = [
    ["Name", model.name],
    ["Display name", model.display_name],
    ["Family", model.family || "–"],
    ["Publisher", model.publisher || "–"],
    ["License", model.license || "–"],
    ["Source", source ? el("a", { href: source, rel: "noreferrer noopener", text: model.source }) : model.source || "–"],
    ["latest", model.latest || (model.has_latest ? "unknown tag" : "no latest tag")],
    ["Capabilities", model.capabilities.length ? model.capabilities.map((c) => chip(c, OLLAMA_CAPABILITIES.has(c))) : "–"],
    ["Tags", model.tags.length ? model.tags.map((t) => chip(t)) : "–"],
    ["Origin", model.origin],
    ["Updated", model.updated_at],
    ...Object.entries(model.metadata).map(([k, v]) => [k, v]),
  ];
  const sections = [
    el("p", { class: "desc", text: model.description }),
    el("div", { class: "grid" },
      el("section", { class: "card", "aria-labelledby": "facts-h" }, el("h3", { id: "facts-h", text: "Facts" }), el("dl", { class: "facts" }, facts.map(([k, v]) => [el("dt", { text: k }), el("dd", {}, v)]))),
      el("section", { class: "card", "aria-labelledby": "defaults-h" }, el("h3", { id: "defaults-h", text: "Default parameters" }),
        model.default_parameters === null ? el("p", { class: "note", text: "Not known." })
          : model.default_parameters.length === 0 ? el("p", { class: "note", text: "The model's params layer sets none." })
          : table(["Parameter", "Value"], model.default_parameters.map((p) => [p.name, p.value]))),
    ),
    el("h3", { text: "Tags" }),
    model.variants.length
      ? table(["Tag", "Parameters (B)", "Context", "Quantization", "Format", "latest"], model.variants.map((v) => [v.tag, fmtNumber(v.parameters_b, 2), fmtNumber(v.context_length, 0), v.quantization || "–", v.file_format || "–", v.latest ? "yes" : ""]), { numeric: [1, 2] })
      : el("p", { class: "note", text: "No tags known." }),
    el("h3", { text: "Installed" }),
    model.installed.length
      ? table(["Host", "Name", "Size", "Quantization", "Context", "Modified", "Synced"], model.installed.map((i) => [i.host, i.name, fmtBytes(i.size), i.quantization_level || "–", fmtNumber(i.context_length, 0), i.modified_at, i.synced_at]), { numeric: [2, 4] })
      : el("p", { class: "note", text: "Not installed on any synced Ollama host." }),
    el("h3", { text: "Performance" }),
    ...metricsSection(model.metrics),
    el("h3", { text: "Stored Modelfiles" }),
    modelfiles.length
      ? el("div", { class: "grid" }, modelfiles.map((m) => el("section", { class: "card" }, el("h4", { text: m.name }), el("p", { class: "note", text: `${m.path} · saved ${m.saved_at}` }), table(["Kind", "Element", "Used by"], m.elements.map((e) => [e.kind, e.name, String(e.used_by)])), el("pre", { text: m.text }))))
      : el("p", { class: "note", text: "No stored Modelfile builds on this model." }),
  ];
  show(model.display_name && model.display_name !== model.name ? `${model.display_name} (${model.name})` : model.name, sections);
}

function metricsSection(metrics) {
  if (!metrics.length) return [el("p", { class: "note", text: "No measurements yet (modelfile-ls bench, or a metrics CSV import)." })];
  const byHardware = new Map();
  for (const m of metrics) {
    if (!byHardware.has(m.hardware)) byHardware.set(m.hardware, []);
    byHardware.get(m.hardware).push(m);
  }
  const charts = [];
  for (const [hardware, rows] of byHardware) {
    const speed = rows.filter((m) => m.metric === "tokens_per_second");
    const latest = new Map();
    for (const m of speed) if (!latest.has(m.tag) || m.measured_at > latest.get(m.tag).measured_at) latest.set(m.tag, m);
    const tags = [...latest.keys()];
    charts.push(el("section", { class: "card" }, el("h4", { text: `${hardware}` }),
      tags.length ? barChart(`tokens/s on ${hardware}`, tags, [{ name: "tokens/s", values: tags.map((t) => latest.get(t).value) }]) : el("p", { class: "note", text: "No tokens/s measured here." }),
      lineChart(`history on ${hardware}`, seriesOverTime(rows))));
  }
  return [
    el("div", { class: "grid" }, charts),
    table(["Tag", "Hardware", "Metric", "Value", "Context", "Ollama", "Measured"], metrics.map((m) => [m.tag, m.hardware, m.metric, fmtNumber(m.value, 2), fmtNumber(m.context_size, 0), m.ollama_version || "–", m.measured_at]), { numeric: [3, 4] }),
  ];
}

function seriesOverTime(rows) {
  const series = new Map();
  for (const m of rows) {
    const key = `${m.metric}${m.tag ? ` (${m.tag})` : ""}`;
    if (!series.has(key)) series.set(key, []);
    series.get(key).push({ x: Date.parse(m.measured_at), y: m.value });
  }
  return [...series].map(([name, points]) => ({ name, points: points.filter((p) => !Number.isNaN(p.x)).sort((a, b) => a.x - b.x) }));
}

// -- charts (SVG) -----------------------------------------------------------------------------------

function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

function barChart(title, categories, series) {
  const width = 640;
  const rowHeight = 16 * series.length + 10;
  const left = 150;
  const height = categories.length * rowHeight + 40;
  const max = niceMax(Math.max(...series.flatMap((s) => s.values.filter((v) => v !== null))));
  const scale = (v) => ((width - left - 60) * v) / max;
  const chart = svgEl("svg", { class: "chart bar-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": title }, svgEl("title", { text: title }));
  for (let tick = 0; tick <= 4; tick += 1) {
    const x = left + scale((max * tick) / 4);
    chart.append(svgEl("line", { class: "grid-line", x1: x, x2: x, y1: 10, y2: height - 24 }), svgEl("text", { x, y: height - 8, "text-anchor": "middle", text: fmtNumber((max * tick) / 4) }));
  }
  categories.forEach((category, i) => {
    const y = 10 + i * rowHeight;
    chart.append(svgEl("text", { x: left - 8, y: y + rowHeight / 2, "text-anchor": "end", "dominant-baseline": "middle", text: category.length > 24 ? `${category.slice(0, 23)}…` : category }));
    series.forEach((s, j) => {
      const value = s.values[i];
      if (value === null || value === undefined) return;
      const bar = svgEl("rect", { class: `s${j % 4}`, x: left, y: y + j * 16 + 2, width: Math.max(1, scale(value)), height: 13 }, svgEl("title", { text: `${category} · ${s.name}: ${fmtNumber(value, 2)}` }));
      chart.append(bar, svgEl("text", { x: left + scale(value) + 4, y: y + j * 16 + 12, text: fmtNumber(value) }));
    });
  });
  const legend = series.length > 1 ? el("div", { class: "legend" }, series.map((s, j) => el("span", { class: `s${j % 4}`, text: s.name }))) : null;
  return el("figure", {}, chart, legend);
}

function lineChart(title, series) {
  const points = series.flatMap((s) => s.points);
  if (points.length < 2) return el("p", { class: "note", text: "One measurement so far: no history to draw." });
  const width = 640;
  const height = 220;
  const [left, right, top, bottom] = [50, 20, 10, 30];
  const minX = Math.min(...points.map((p) => p.x));
  const maxX = Math.max(...points.map((p) => p.x));
  const maxY = niceMax(Math.max(...points.map((p) => p.y)));
  const sx = (x) => left + (maxX === minX ? (width - left - right) / 2 : ((width - left - right) * (x - minX)) / (maxX - minX));
  const sy = (y) => height - bottom - ((height - top - bottom) * y) / maxY;
  const chart = svgEl("svg", { class: "chart line-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": title }, svgEl("title", { text: title }));
  for (let tick = 0; tick <= 4; tick += 1) {
    const y = sy((maxY * tick) / 4);
    chart.append(svgEl("line", { class: "grid-line", x1: left, x2: width - right, y1: y, y2: y }), svgEl("text", { x: left - 6, y, "text-anchor": "end", "dominant-baseline": "middle", text: fmtNumber((maxY * tick) / 4) }));
  }
  chart.append(
    svgEl("text", { x: left, y: height - 8, text: new Date(minX).toISOString().slice(0, 10) }),
    svgEl("text", { x: width - right, y: height - 8, "text-anchor": "end", text: new Date(maxX).toISOString().slice(0, 10) }),
  );
  series.forEach((s, j) => {
    if (!s.points.length) return;
    const d = s.points.map((p, i) => `${i ? "L" : "M"}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(" ");
    chart.append(svgEl("path", { class: `line s${j % 4}`, d, fill: "none" }));
    for (const p of s.points) chart.append(svgEl("circle", { class: `s${j % 4}`, cx: sx(p.x), cy: sy(p.y), r: 3 }, svgEl("title", { text: `${s.name}: ${fmtNumber(p.y, 2)} at ${new Date(p.x).toISOString()}` })));
  });
  return el("figure", {}, chart, el("div", { class: "legend" }, series.map((s, j) => el("span", { class: `s${j % 4}`, text: s.name }))));
}

// -- comparison -------------------------------------------------------------------------------------

async function compareView(parts) {
  const names = (parts[0] || "").split(",").map((n) => n.trim()).filter(Boolean);
  const picker = comparePicker(names);
  if (names.length < 2 || names.length > 4) {
    show("Compare models", [el("p", { class: "note", text: "Pick two to four models (or select them in the Models table)." }), picker]);
    return;
  }
  const models = (await Promise.all(names.map((n) => api(`/api/models/${encodeURIComponent(n)}`)))).map((b) => b.data);
  const best = (model) => {
    const byHardware = new Map();
    for (const m of model.metrics) if (m.metric === "tokens_per_second") byHardware.set(m.hardware, Math.max(byHardware.get(m.hardware) ?? 0, m.value));
    return [...byHardware].sort().map(([h, v]) => `${h}: ${fmtNumber(v)} tok/s`).join("\n") || "–";
  };
  const range = (values, unit = "") => {
    const known = values.filter((v) => v !== null && v !== undefined);
    if (!known.length) return "–";
    const [low, high] = [Math.min(...known), Math.max(...known)];
    return low === high ? `${fmtNumber(low, 2)}${unit}` : `${fmtNumber(low, 2)}–${fmtNumber(high, 2)}${unit}`;
  };
  const rows = [
    ["Family", (m) => m.family || "–"],
    ["Publisher", (m) => m.publisher || "–"],
    ["License", (m) => m.license || "–"],
    ["Tags", (m) => m.variants.map((v) => v.tag).join(" ") || "–"],
    ["Parameters", (m) => range(m.variants.map((v) => v.parameters_b), "B")],
    ["Context length", (m) => range(m.variants.map((v) => v.context_length))],
    ["Quantization", (m) => [...new Set(m.variants.map((v) => v.quantization).filter(Boolean))].join(", ") || "–"],
    ["Capabilities", (m) => m.capabilities.join(", ") || "–"],
    ["Free tags", (m) => m.tags.join(", ") || "–"],
    ["Default parameters", (m) => (m.default_parameters === null ? "unknown" : m.default_parameters.map((p) => `${p.name} ${p.value}`).join("\n") || "none")],
    ["Installed on", (m) => [...new Set(m.installed.map((i) => i.host))].join("\n") || "–"],
    ["Best tokens/s", best],
  ];
  const body = rows.map(([label, value]) => {
    const cells = models.map(value);
    const differs = new Set(cells).size > 1;
    return el("tr", { class: differs ? "diff" : null, "data-differs": differs ? "true" : "false" }, el("th", { scope: "row", text: label }), cells.map((c) => el("td", {}, el("span", { style: null, text: c }))));
  });
  const head = el("tr", {}, el("th", { scope: "col", text: "" }), models.map((m) => el("th", { scope: "col" }, el("a", { href: modelHref(m.name), text: m.name }))));
  const speed = models.filter((m) => m.metrics.some((x) => x.metric === "tokens_per_second"));
  const hardware = [...new Set(speed.flatMap((m) => m.metrics.filter((x) => x.metric === "tokens_per_second").map((x) => x.hardware)))].sort();
  const chart = speed.length
    ? barChart("best tokens/s by model and hardware", speed.map((m) => m.name), hardware.map((h) => ({ name: h, values: speed.map((m) => bestOf(m.metrics, h)) })))
    : el("p", { class: "note", text: "None of these models has speed measurements." });
  show(`Compare ${models.map((m) => m.name).join(" · ")}`, [
    el("p", { class: "note", text: "Rows marked ≠ differ between the models." }),
    el("div", { class: "table-wrap" }, el("table", { id: "comparison" }, el("thead", {}, head), el("tbody", {}, body))),
    el("h3", { text: "Speed" }),
    chart,
    el("h3", { text: "Compare other models" }),
    picker,
  ]);
}

function bestOf(metrics, hardware) {
  const values = metrics.filter((m) => m.metric === "tokens_per_second" && m.hardware === hardware).map((m) => m.value);
  return values.length ? Math.max(...values) : null;
}

function comparePicker(names) {
  const inputs = [0, 1, 2, 3].map((i) => el("input", { type: "text", name: `model${i}`, value: names[i] || "", "aria-label": `model ${i + 1}`, list: "model-names", autocomplete: "off" }));
  const options = el("datalist", { id: "model-names" });
  for (const input of inputs) {
    input.addEventListener("input", async () => {
      if (input.value.length < 2) return;
      const { data } = await api(`/api/models?search=${encodeURIComponent(input.value)}&limit=10`);
      options.replaceChildren(...data.map((m) => el("option", { value: m.name })));
    });
  }
  return el("form", { class: "filters", onsubmit: (event) => {
    event.preventDefault();
    go(`/compare/${inputs.map((i) => i.value.trim()).filter(Boolean).map(encodeURIComponent).join(",")}`);
  } }, inputs.map((input, i) => el("label", {}, `Model ${i + 1}`, input)), options, el("button", { type: "submit", class: "primary", text: "Compare" }));
}

// -- performance, hosts, statistics --------------------------------------------------------------

async function performanceView() {
  const { data } = await api("/api/metrics?metric=tokens_per_second");
  if (!data.length) {
    show("Performance", [el("p", { class: "note", text: "No tokens/s measurements yet: run `modelfile-ls bench MODEL` or import a metrics CSV." })]);
    return;
  }
  const hardware = [...new Set(data.map((m) => m.hardware))].sort();
  const best = new Map();
  for (const m of data) {
    const key = `${m.model}${m.tag ? `:${m.tag}` : ""}`;
    if (!best.has(key)) best.set(key, new Map());
    best.get(key).set(m.hardware, Math.max(best.get(key).get(m.hardware) ?? 0, m.value));
  }
  const ranked = [...best].sort((a, b) => Math.max(...b[1].values()) - Math.max(...a[1].values())).slice(0, 20);
  show("Performance", [
    el("p", { class: "note", text: `Best tokens/s per model and hardware (top ${ranked.length} of ${best.size}).` }),
    barChart("tokens/s by model and hardware", ranked.map(([k]) => k), hardware.map((h) => ({ name: h, values: ranked.map(([, v]) => v.get(h) ?? null) }))),
    table(["Model", ...hardware], ranked.map(([k, v]) => [el("a", { href: modelHref(k.split(":")[0]), text: k }), ...hardware.map((h) => fmtNumber(v.get(h) ?? null))]), { numeric: hardware.map((_, i) => i + 1) }),
  ]);
}

async function hostsView() {
  const { data } = await api("/api/hosts");
  if (!data.length) {
    show("Ollama hosts", [el("p", { class: "note", text: "No Ollama host configured or synced yet (modelfile-ls registry sync)." })]);
    return;
  }
  show("Ollama hosts", [
    table(["Host", "State", "Version", "Latency", "Models synced", "Last sync", "Message"], data.map((h) => [
      h.host,
      el("span", { class: h.reachable ? "state-up" : "state-down", text: h.reachable ? "● connected" : "○ unreachable" }),
      h.version || "–",
      h.latency_ms === null ? "–" : `${fmtNumber(h.latency_ms, 0)} ms`,
      String(h.models),
      h.synced_at || "never",
      h.message || "",
    ]), { numeric: [3, 4] }),
  ]);
}

async function statsView() {
  const [{ data: stats }, families, capabilities, tags] = await Promise.all([api("/api/stats"), vocabulary("families"), vocabulary("capabilities"), vocabulary("tags")]);
  const counts = Object.entries(stats).filter(([, v]) => typeof v === "number" || typeof v === "string");
  const top = (items) => items.slice().sort((a, b) => b.models - a.models).slice(0, 15);
  show("Statistics", [
    el("div", { class: "grid" },
      el("section", { class: "card" }, el("h3", { text: "Registry" }), el("dl", { class: "facts", id: "stats" }, counts.map(([k, v]) => [el("dt", { text: k.replaceAll("_", " ") }), el("dd", { text: typeof v === "number" ? v.toLocaleString("en") : v })]))),
      el("section", { class: "card" }, el("h3", { text: "Families" }), barChart("models per family", top(families).map((f) => f.name), [{ name: "models", values: top(families).map((f) => f.models) }])),
      el("section", { class: "card" }, el("h3", { text: "Capabilities" }), barChart("models per capability", top(capabilities).map((f) => f.name), [{ name: "models", values: top(capabilities).map((f) => f.models) }])),
      el("section", { class: "card" }, el("h3", { text: "Tags" }), barChart("models per tag", top(tags).map((f) => f.name), [{ name: "models", values: top(tags).map((f) => f.models) }])),
    ),
  ]);
}

// The skip link moves focus into the view without touching the address: the view and its query
// stay as they are, and Back still leaves the page's last view rather than the anchor.
document.querySelector("a.skip").addEventListener("click", (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener("hashchange", route);
route();
