/* Dateline explorer: vanilla JS, no build step.
 * Article text and every record field are untrusted: the DOM is built with createElement/textContent only,
 * never via HTML parsing; external links are kept only when they are http(s). The server's CSP forbids inline script. */
"use strict";

const PAGE_SIZE = 50;
const state = { meta: null, map: null, mapLayer: null, daily: [], events: [], total: 0, filters: {}, offset: 0 };

// ------------------------------------------------------------------ DOM helpers

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key === "href") node.setAttribute("href", value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svgEl(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

function $(id) {
  return document.getElementById(id);
}

function safeUrl(url) {
  // only http(s) links from records: a javascript: URL in an article's metadata must never become a link
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (e) {
    return null;
  }
}

function status(message, isError) {
  const box = $("status");
  if (!message) {
    box.hidden = true;
    return;
  }
  box.textContent = message;
  box.className = isError ? "error" : "";
  box.hidden = false;
}

// ------------------------------------------------------------------ API

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== "" && v !== false) q.set(k, String(v));
  }
  return q.toString();
}

async function api(path, params) {
  const qs = query(params);
  const resp = await fetch(path + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await resp.json();
  } catch (e) {
    body = null;
  }
  if (!resp.ok) {
    let detail = body && body.detail !== undefined ? body.detail : resp.statusText;
    if (Array.isArray(detail)) detail = detail.map((d) => (d.loc || []).slice(1).join(".") + ": " + d.msg).join("; ");
    const err = new Error(String(detail));
    err.status = resp.status;
    throw err;
  }
  return body;
}

// ------------------------------------------------------------------ dates (UTC days)

const DAY = 86400000;
function dayNum(iso) {
  return Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY);
}
function isoDay(n) {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

// ------------------------------------------------------------------ routing

const FILTER_KEYS = ["actor", "type", "country", "place", "factuality", "outlet", "since", "until", "doc_id", "story"];

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, qs] = raw.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { view: parts[0] || "events", arg: parts.slice(1).join("/"), params: new URLSearchParams(qs || "") };
}

function go(view, arg, params) {
  const qs = query(params);
  location.hash = "#/" + view + (arg ? "/" + encodeURIComponent(arg) : "") + (qs ? "?" + qs : "");
}

function eventsHash(filters, offset) {
  const qs = query({ ...filters, offset: offset || "" });
  return "#/events" + (qs ? "?" + qs : "");
}

function showView(name) {
  for (const section of document.querySelectorAll("section.view")) {
    section.hidden = section.id !== "view-" + name;
    // views built per visit are emptied when left, so ids inside them stay unique in the document
    if (section.hidden && section.dataset.dynamic !== undefined) clear(section);
  }
  if (name !== "docs") $("search-q").value = "";
  const nav = { event: "events", actor: "events", doc: "docs", story: "stories" }[name] || name;
  for (const a of document.querySelectorAll("header nav a")) a.classList.toggle("active", a.dataset.nav === nav);
}

async function route() {
  const { view, arg, params } = parseHash();
  status("");
  try {
    await loadMeta();
    if (view === "events") await showEvents(params);
    else if (view === "event") await showEvent(arg);
    else if (view === "doc") await showDocument(arg);
    else if (view === "docs") await showDocuments(params);
    else if (view === "actor") await showActor(arg);
    else if (view === "stories") await showStories();
    else if (view === "story") await showStory(arg);
    else if (view === "ingest") showView("ingest");
    else await showEvents(new URLSearchParams());
  } catch (e) {
    status(e.message, true);
  }
}

// ------------------------------------------------------------------ shared bits

function actorLinks(actors) {
  const out = [];
  (actors || []).forEach((a, i) => {
    if (i) out.push(", ");
    const name = a.name || a.text;
    const code = [a.country, a.sector].filter(Boolean).join("/");
    out.push(el("a", { href: "#/actor/" + encodeURIComponent(name), class: "actor-link", text: name }));
    if (code) out.push(el("span", { class: "muted", text: " " + code }));
  });
  return out.length ? out : [el("span", { class: "muted", text: "—" })];
}

function placeName(p) {
  return p ? p.name || p.text : "";
}

function sizeText(sizes) {
  return (sizes || []).map((s) => s.text).join("; ");
}

function factTag(f) {
  return el("span", { class: "tag fact-" + f, text: f });
}

function eventRow(e) {
  const row = el(
    "tr",
    { dataset: { id: e.id }, onclick: (ev) => { if (ev.target.tagName !== "A") go("event", e.id); } },
    el("td", { text: e.date && e.date.value ? e.date.value : "?" }),
    el("td", {}, el("strong", { text: e.event }), e.mode ? el("span", { class: "muted", text: " " + e.mode }) : null),
    el("td", {}, actorLinks(e.actor)),
    el("td", {}, actorLinks(e.recipient)),
    el("td", { text: placeName(e.location) }),
    el("td", { text: sizeText(e.size) }),
    el("td", {}, factTag(e.factuality)),
    el("td", { class: "words", text: e.event_text }),
  );
  return row;
}

function eventTable(events) {
  return el(
    "table",
    { class: "records" },
    el("thead", {}, el("tr", {}, ["Date", "Event", "Actor", "Recipient", "Place", "Size", "Factuality", "Words"].map((h) => el("th", { text: h })))),
    el("tbody", {}, events.map(eventRow)),
  );
}

// ------------------------------------------------------------------ bar charts (timeline)

function drawBars(svg, days, opts) {
  // days: [{day, count, count2?}], opts: {from, to, selFrom, selTo, onBrush, onDay}
  clear(svg);
  const width = svg.clientWidth || svg.parentNode.clientWidth || 800;
  const height = +svg.getAttribute("height") || 110;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const pad = { l: 34, r: 8, t: 6, b: 18 };
  if (!days.length) {
    svg.appendChild(svgEl("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" })).textContent =
      "No dated events for these filters";
    return;
  }
  const from = opts.from !== undefined ? opts.from : dayNum(days[0].day);
  const to = opts.to !== undefined ? opts.to : dayNum(days[days.length - 1].day);
  const span = Math.max(1, to - from + 1);
  const plotW = width - pad.l - pad.r;
  const plotH = height - pad.t - pad.b;
  const x = (n) => pad.l + ((n - from) / span) * plotW;
  const visible = days.filter((d) => { const n = dayNum(d.day); return n >= from && n <= to; });
  const max = Math.max(1, ...visible.map((d) => (d.count || 0) + (d.count2 || 0)));
  const bw = Math.min(48, Math.max(1, plotW / span - 1));
  svg.appendChild(svgEl("line", { x1: pad.l, x2: width - pad.r, y1: pad.t + plotH, y2: pad.t + plotH, class: "baseline" }));
  svg.appendChild(svgEl("text", { x: pad.l - 4, y: pad.t + 8, "text-anchor": "end", class: "axis" })).textContent = String(max);
  for (const d of visible) {
    const n = dayNum(d.day);
    const inSel = (opts.selFrom === undefined || n >= opts.selFrom) && (opts.selTo === undefined || n <= opts.selTo);
    let y = pad.t + plotH;
    for (const [value, cls] of [[d.count || 0, ""], [d.count2 || 0, " recipient"]]) {
      if (!value) continue;
      const h = (value / max) * plotH;
      y -= h;
      const rect = svgEl("rect", { x: x(n), y, width: bw, height: h, class: "bar" + cls + (inSel ? "" : " out"), "data-day": d.day });
      const title = svgEl("title");
      title.textContent = `${d.day}: ${value}`;
      rect.appendChild(title);
      svg.appendChild(rect);
    }
  }
  const ticks = Math.min(6, span);
  for (let i = 0; i <= ticks; i++) {
    const n = Math.round(from + (i / ticks) * (span - 1));
    const anchor = i === 0 ? "start" : i === ticks ? "end" : "middle";
    svg.appendChild(svgEl("text", { x: x(n) + (i === ticks ? bw : 0), y: height - 4, "text-anchor": anchor, class: "axis" })).textContent = isoDay(n);
  }
  if (!opts.onBrush) return;
  // brushing: drag to choose a range; a click on one bar chooses that day
  const toDay = (px) => Math.max(from, Math.min(to, Math.floor(from + ((px - pad.l) / plotW) * span)));
  const localX = (ev) => ev.clientX - svg.getBoundingClientRect().left;
  let startX = null;
  let brush = null;
  svg.onpointerdown = (ev) => {
    startX = localX(ev);
    brush = svg.appendChild(svgEl("rect", { x: startX, y: pad.t, width: 0, height: plotH, class: "brush" }));
    svg.setPointerCapture(ev.pointerId);
  };
  svg.onpointermove = (ev) => {
    if (startX === null) return;
    const cur = localX(ev);
    brush.setAttribute("x", Math.min(cur, startX));
    brush.setAttribute("width", Math.abs(cur - startX));
  };
  svg.onpointerup = (ev) => {
    if (startX === null) return;
    const endX = localX(ev);
    const a = toDay(Math.min(startX, endX));
    const b = toDay(Math.max(startX, endX));
    startX = null;
    if (Math.abs(endX - a) < 0 || b < a) return;
    opts.onBrush(a, b);
  };
}

// ------------------------------------------------------------------ map (Leaflet, offline)

function makeMap(container) {
  const map = L.map(container, { worldCopyJump: false, minZoom: 1, maxZoom: 14, attributionControl: false });
  // no tiles (no network): a light graticule every 15 degrees for orientation
  const grid = L.layerGroup().addTo(map);
  for (let lat = -75; lat <= 75; lat += 15) {
    L.polyline([[lat, -180], [lat, 180]], { color: lat === 0 ? "#9fb4d0" : "#cad7e8", weight: lat === 0 ? 1.5 : 1, interactive: false }).addTo(grid);
    const label = el("span", { class: "grat-label", text: `${Math.abs(lat)}°${lat > 0 ? "N" : lat < 0 ? "S" : ""}` });
    L.marker([lat, -178], { icon: L.divIcon({ html: label, className: "", iconSize: null }), interactive: false }).addTo(grid);
  }
  for (let lon = -180; lon <= 180; lon += 15) {
    L.polyline([[-85, lon], [85, lon]], { color: lon === 0 ? "#9fb4d0" : "#cad7e8", weight: lon === 0 ? 1.5 : 1, interactive: false }).addTo(grid);
  }
  L.control.scale({ imperial: false }).addTo(map);
  map.setView([20, 10], 2);
  return map;
}

function plotEvents(map, layer, events, onClick) {
  layer.clearLayers();
  const bounds = [];
  for (const e of events) {
    const p = e.location;
    if (!p || p.lat === null || p.lat === undefined || p.lon === null || p.lon === undefined) continue;
    const ll = [p.lat, p.lon];
    bounds.push(ll);
    if (p.precision_km) {
      // the place's precision as a circle: a country-level place is drawn as wide as it is uncertain
      L.circle(ll, { radius: p.precision_km * 1000, color: "#2f5fb3", weight: 1, fillOpacity: 0.06, interactive: false }).addTo(layer);
    }
    const marker = L.circleMarker(ll, { radius: 6, color: "#17233a", weight: 1, fillColor: "#f0a31a", fillOpacity: 0.9 });
    const popup = el(
      "div",
      { class: "popup" },
      el("strong", { text: `${e.event} ` }),
      el("span", { text: e.date && e.date.value ? e.date.value : "" }),
      el("div", { text: placeName(p) + (p.precision_km ? ` (±${p.precision_km} km)` : "") }),
      el("div", { class: "muted", text: e.event_text }),
      onClick ? el("a", { href: "#/event/" + encodeURIComponent(e.id), text: "evidence →" }) : null,
    );
    marker.bindPopup(popup);
    marker.bindTooltip(el("span", { text: `${e.event} · ${placeName(p)}` }));
    marker.addTo(layer);
  }
  if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6, animate: false });
  return bounds.length;
}

// ------------------------------------------------------------------ events view

async function loadMeta() {
  if (state.meta) return state.meta;
  const meta = await api("/api/meta");
  state.meta = meta;
  $("stats").textContent = `${meta.documents} documents · ${meta.events} events · ${meta.quotes} quotes`;
  const fill = (select, values) => {
    while (select.options.length > 1) select.remove(1);
    for (const v of values) select.appendChild(el("option", { value: v, text: v }));
  };
  fill($("f-type"), meta.event_types);
  fill($("f-factuality"), meta.factuality);
  fill($("f-outlet"), meta.outlets);
  return meta;
}

function readFilters(params) {
  const f = {};
  for (const k of FILTER_KEYS) if (params.get(k)) f[k] = params.get(k);
  return f;
}

async function showEvents(params) {
  showView("events");
  await loadMeta();
  const filters = readFilters(params);
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  state.filters = filters;
  state.offset = offset;
  for (const k of ["actor", "type", "country", "place", "factuality", "outlet", "since", "until"]) $("f-" + k).value = filters[k] || "";
  const noDates = { ...filters };
  delete noDates.since;
  delete noDates.until;
  const [page, daily, located] = await Promise.all([
    api("/api/events", { ...filters, limit: PAGE_SIZE, offset }),
    api("/api/events/daily", noDates),
    api("/api/events", { ...filters, located: true, limit: 1000, count: "none" }),
  ]);
  status(filters.story ? `Showing the events of story ${filters.story} (Reset clears it).` : "");
  state.daily = daily.days;
  state.events = page.items;
  state.total = page.total;
  renderTimeline();
  const body = $("events-table").tBodies[0];
  clear(body);
  append(body, page.items.map(eventRow));
  if (!page.items.length) body.appendChild(el("tr", {}, el("td", { colspan: 8, class: "muted", text: "No events match these filters." })));
  const total = page.total.toLocaleString("en") + (page.total_exact === false ? "+" : "");
  $("ev-count").textContent = `${total} event${page.total === 1 ? "" : "s"}`;
  $("ev-page").textContent = page.total ? `${offset + 1}–${offset + page.items.length} of ${total}` : "";
  $("ev-prev").disabled = offset <= 0;
  $("ev-next").disabled = page.items.length < PAGE_SIZE || (page.total_exact !== false && offset + PAGE_SIZE >= page.total);
  for (const [id, format] of [["exp-csv", "csv"], ["exp-json", "json"], ["exp-geojson", "geojson"]]) {
    $(id).setAttribute("href", "/api/export?" + query({ what: "events", format, ...filters }));
  }
  if (!state.map) {
    state.map = makeMap($("map"));
    state.mapLayer = L.layerGroup().addTo(state.map);
  }
  state.map.invalidateSize();
  const n = plotEvents(state.map, state.mapLayer, located.items, true);
  $("map-note").textContent = ` ${n} located event${n === 1 ? "" : "s"}` + (located.items.length >= 1000 ? " (the first 1000)" : "") + "; circles show place precision";
}

function renderTimeline() {
  const days = state.daily;
  const f = state.filters;
  const first = days.length ? dayNum(days[0].day) : undefined;
  const last = days.length ? dayNum(days[days.length - 1].day) : undefined;
  const from = f.since ? dayNum(f.since) : first;
  const to = f.until ? dayNum(f.until) : last;
  $("tl-range").textContent = f.since || f.until ? `${f.since || "…"} to ${f.until || "…"}` : "all dates";
  drawBars($("timeline"), days, {
    from: from === undefined ? undefined : Math.min(from, to === undefined ? from : to),
    to,
    onBrush: (a, b) => setRange(a, b),
  });
}

function setRange(a, b) {
  const f = { ...state.filters };
  if (a === null) {
    delete f.since;
    delete f.until;
  } else {
    f.since = isoDay(a);
    f.until = isoDay(b);
  }
  location.hash = eventsHash(f, 0);
}

function zoom(factor) {
  const days = state.daily;
  if (!days.length) return;
  const f = state.filters;
  const from = f.since ? dayNum(f.since) : dayNum(days[0].day);
  const to = f.until ? dayNum(f.until) : dayNum(days[days.length - 1].day);
  const mid = (from + to) / 2;
  const half = Math.max(0, ((to - from + 1) * factor) / 2);
  let a = Math.round(mid - half);
  let b = Math.round(mid + half);
  if (b <= a) b = a;
  const lo = dayNum(days[0].day);
  const hi = dayNum(days[days.length - 1].day);
  if (factor > 1 && a <= lo && b >= hi) return setRange(null);
  a = Math.max(a, factor > 1 ? lo : -Infinity);
  b = Math.min(b, factor > 1 ? hi : Infinity);
  setRange(a, b);
}

// ------------------------------------------------------------------ evidence: text with highlighted spans

function highlighted(text, spans) {
  // split the text at every span boundary; each piece gets the classes of the spans covering it
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start && s.start >= 0 && s.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const box = el("div", { class: "article" });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = valid.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) {
      box.appendChild(document.createTextNode(piece));
      continue;
    }
    const classes = [...new Set(covering.map((s) => s.cls))];
    const marks = classes.filter((c) => c !== "hl-sentence");
    const span = el("span", { class: "hl " + classes.join(" ") + (marks.length > 1 ? " multi" : ""), title: covering.map((s) => s.label).filter(Boolean).join(" · ") || null, text: piece });
    if (covering.some((s) => s.role)) span.dataset.role = covering.filter((s) => s.role).map((s) => s.role).join(" ");
    box.appendChild(span);
  }
  return box;
}

function eventSpans(e) {
  const spans = [{ start: e.sentence_start, end: e.sentence_end, cls: "hl-sentence" }];
  spans.push({ start: e.event_start, end: e.event_end, cls: "hl-event", label: e.event + (e.mode ? "/" + e.mode : ""), role: "event" });
  for (const a of e.actor || []) spans.push({ start: a.start, end: a.end, cls: "hl-actor", label: "actor: " + (a.name || a.text), role: "actor" });
  for (const a of e.recipient || []) spans.push({ start: a.start, end: a.end, cls: "hl-recipient", label: "recipient: " + (a.name || a.text), role: "recipient" });
  if (e.location) spans.push({ start: e.location.start, end: e.location.end, cls: "hl-place", label: "place: " + placeName(e.location), role: "place" });
  if (e.date && e.date.start !== null && e.date.start !== undefined) spans.push({ start: e.date.start, end: e.date.end, cls: "hl-date", label: "date: " + e.date.value, role: "date" });
  for (const s of e.size || []) spans.push({ start: s.start, end: s.end, cls: "hl-size", label: "size", role: "size" });
  if (e.source) spans.push({ start: e.source.start, end: e.source.end, cls: "hl-source", label: "source: " + (e.source.name || e.source.text), role: "source" });
  return spans;
}

function legend(keys) {
  const names = { "hl-event": "event words", "hl-actor": "actor", "hl-recipient": "recipient", "hl-place": "place", "hl-date": "date", "hl-size": "size", "hl-source": "source", "hl-quote": "quote" };
  return el("div", { class: "legend" }, keys.map((k) => el("span", { class: k, text: names[k] })));
}

function removedBox(doc) {
  const removed = doc.removed || [];
  return el(
    "details",
    { class: "removed panel", id: "removed" },
    el("summary", { text: `Removed boilerplate (${removed.length})` }),
    removed.length
      ? el("ul", {}, removed.map((r) => el("li", {}, el("span", { class: "tag kind", text: r.kind }), r.text)))
      : el("p", { class: "muted", text: "Nothing was removed." }),
  );
}

function docFacts(doc) {
  const link = doc.url ? safeUrl(doc.url) : null;
  const rows = [
    ["Title", doc.title],
    ["Outlet", doc.outlet],
    ["Published", doc.published ? doc.published + (doc.published_source ? ` (${doc.published_source})` : "") : null],
    ["Byline", doc.byline],
    ["URL", link ? el("a", { href: link, rel: "noopener noreferrer", target: "_blank", text: doc.url }) : doc.url],
    ["Status", doc.status + (doc.duplicate_of ? " of " + doc.duplicate_of : "")],
    ["Document", el("a", { href: "#/doc/" + encodeURIComponent(doc.id), text: doc.id })],
  ];
  return factList(rows);
}

function factList(rows) {
  return el("dl", { class: "facts" }, rows.filter((r) => r[1] !== null && r[1] !== undefined && r[1] !== "").map(([k, v]) => [el("dt", { text: k }), el("dd", {}, v)]));
}

async function showEvent(id) {
  showView("event");
  const box = clear($("view-event"));
  const e = await api("/api/events/" + encodeURIComponent(id));
  const doc = await api("/api/documents/" + encodeURIComponent(e.doc_id));
  const facts = factList([
    ["Event", el("span", {}, el("strong", { text: e.event }), e.mode ? " / " + e.mode : "", e.cameo ? el("span", { class: "muted", text: ` CAMEO ${e.cameo}` }) : null)],
    ["Factuality", factTag(e.factuality)],
    ["Date", e.date ? `${e.date.value || "?"}${e.date.source ? ` (from ${e.date.source})` : ""}` : null],
    ["Actor", el("span", {}, actorLinks(e.actor))],
    ["Recipient", el("span", {}, actorLinks(e.recipient))],
    ["Place", e.location ? `${placeName(e.location)}${e.location.country ? ", " + e.location.country : ""}${e.location.precision_km ? ` (±${e.location.precision_km} km)` : ""}` : null],
    ["Size", (e.size || []).map((s) => `${s.text}${s.min !== null || s.max !== null ? ` [${s.min ?? "…"}–${s.max ?? "…"}${s.unit ? " " + s.unit : ""}]` : ""}`).join("; ") || null],
    ["Source", e.source ? e.source.name || e.source.text : null],
    ["Confidence", e.confidence],
  ]);
  const back = el("a", { href: eventsHash(state.filters, state.offset), text: "← back to events" });
  const article = highlighted(doc.text, eventSpans(e));
  article.id = "evidence-text";
  const mapBox = e.location && e.location.lat !== null && e.location.lat !== undefined ? el("div", { class: "map small", id: "event-map" }) : null;
  append(box, [
    back,
    el("h2", { text: `${e.event}: ${e.event_text}` }),
    el(
      "div",
      { class: "evidence-grid" },
      el("div", {}, el("div", { class: "panel" }, facts), el("div", { class: "panel" }, docFacts(doc)), mapBox ? el("div", { class: "panel" }, mapBox) : null),
      el(
        "div",
        {},
        el("div", { class: "panel" }, legend(["hl-event", "hl-actor", "hl-recipient", "hl-place", "hl-date", "hl-size", "hl-source"]), article),
        removedBox(doc),
      ),
    ),
  ]);
  if (mapBox) {
    const map = makeMap(mapBox);
    plotEvents(map, L.layerGroup().addTo(map), [e], false);
  }
  if (state.meta.link) {
    const panel = await mergedPanel(e.id);
    if (panel) box.querySelector(".evidence-grid > div").appendChild(panel);
  }
  const first = article.querySelector(".hl-event");
  if (first) first.scrollIntoView({ block: "center" });
}

// ------------------------------------------------------------------ document view

async function showDocument(id) {
  showView("doc");
  const box = clear($("view-doc"));
  const doc = await api("/api/documents/" + encodeURIComponent(id));
  const spans = [];
  for (const q of doc.quotes || []) spans.push({ start: q.start, end: q.end, cls: "hl-quote", label: "quote: " + (q.speaker || q.speaker_text || "?") });
  for (const e of doc.events || []) spans.push({ start: e.event_start, end: e.event_end, cls: "hl-event", label: e.event });
  for (const p of doc.places || []) spans.push({ start: p.start, end: p.end, cls: "hl-place", label: placeName(p) });
  const article = highlighted(doc.text, spans);
  article.id = "doc-text";
  append(box, [
    el("h2", { text: doc.title || doc.id }),
    el(
      "div",
      { class: "evidence-grid" },
      el(
        "div",
        {},
        el("div", { class: "panel" }, docFacts(doc)),
        el("div", { class: "panel" }, el("div", { class: "panel-head" }, el("strong", { text: `Quotes (${(doc.quotes || []).length})` })), quoteList(doc.quotes || [])),
      ),
      el("div", {}, el("div", { class: "panel" }, legend(["hl-event", "hl-place", "hl-quote"]), article), removedBox(doc)),
    ),
    el("h3", { text: `Events (${(doc.events || []).length})` }),
    el("div", { class: "panel table-wrap" }, eventTable(doc.events || [])),
  ]);
}

function quoteList(quotes) {
  if (!quotes.length) return el("p", { class: "muted", text: " No quotes." });
  return el(
    "ul",
    { class: "plain" },
    quotes.map((q) =>
      el(
        "li",
        {},
        q.speaker ? el("a", { href: "#/actor/" + encodeURIComponent(q.speaker), text: q.speaker }) : el("span", { class: "muted", text: q.speaker_text || "unknown speaker" }),
        el("span", { class: "muted", text: ` ${q.cue || ""}${q.direct ? "" : " (reported)"}` }),
        el("blockquote", { text: q.content }),
        el("a", { href: "#/doc/" + encodeURIComponent(q.doc_id), class: "muted", text: "in " + (q.outlet || q.doc_id) + (q.published ? " " + q.published.slice(0, 10) : "") }),
      ),
    ),
  );
}

// ------------------------------------------------------------------ documents list and search

function snippet(text) {
  // FTS snippets mark matches with [ and ]: turn them into <mark> nodes without parsing any HTML
  const out = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  let m;
  while ((m = re.exec(text || "")) !== null) {
    out.push(text.slice(last, m.index));
    out.push(el("mark", { text: m[1] }));
    last = re.lastIndex;
  }
  out.push((text || "").slice(last));
  return out;
}

async function showDocuments(params) {
  showView("docs");
  const box = clear($("view-docs"));
  const q = params.get("q");
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  const page = q ? await api("/api/search", { q, limit: PAGE_SIZE, offset }) : await api("/api/documents", { limit: PAGE_SIZE, offset });
  $("search-q").value = q || "";
  append(box, [
    el("h2", { text: q ? `Search: ${q}` : "Documents" }),
    el("p", { class: "muted", text: `${page.total} document${page.total === 1 ? "" : "s"}` }),
    el(
      "div",
      { class: "panel table-wrap" },
      el(
        "table",
        { class: "records", id: "docs-table" },
        el("thead", {}, el("tr", {}, ["Published", "Outlet", "Title", q ? "Match" : "Status"].map((h) => el("th", { text: h })))),
        el(
          "tbody",
          {},
          page.items.map((d) =>
            el(
              "tr",
              { onclick: () => go("doc", d.id) },
              el("td", { text: d.published || "" }),
              el("td", { text: d.outlet || "" }),
              el("td", {}, el("a", { href: "#/doc/" + encodeURIComponent(d.id), text: d.title || d.id })),
              el("td", { class: "words" }, q ? snippet(d.snippet) : d.status),
            ),
          ),
        ),
      ),
    ),
    el(
      "div",
      { class: "pager" },
      el("button", { type: "button", disabled: offset <= 0, onclick: () => go("docs", "", { q, offset: Math.max(0, offset - PAGE_SIZE) }), text: "← Previous" }),
      el("button", { type: "button", disabled: offset + PAGE_SIZE >= page.total, onclick: () => go("docs", "", { q, offset: offset + PAGE_SIZE }), text: "Next →" }),
    ),
  ]);
}

// ------------------------------------------------------------------ actor page

async function showActor(name) {
  showView("actor");
  const box = clear($("view-actor"));
  const a = await api("/api/actors/" + encodeURIComponent(name));
  const chart = svgEl("svg", { class: "bars", height: 90, id: "actor-timeline" });
  const mapBox = el("div", { class: "map small", id: "actor-map" });
  append(box, [
    el("a", { href: eventsHash(state.filters, state.offset), text: "← back to events" }),
    el("h2", { text: a.name }),
    el(
      "div",
      { class: "cards" },
      [["as actor", a.counts.as_actor], ["as recipient", a.counts.as_recipient], ["quotes", a.counts.quotes], ["places", a.places.length]].map(([k, v]) =>
        el("div", { class: "card" }, el("div", { class: "n", text: v }), el("div", { class: "muted", text: k })),
      ),
      el("div", { class: "card" }, el("a", { href: eventsHash({ actor: a.name }, 0), text: "filter events by this actor →" })),
    ),
    el("div", { class: "panel" }, el("div", { class: "panel-head" }, el("strong", { text: "Over time" }), el("span", { class: "muted", text: "blue: as actor, red: as recipient" })), chart),
    el(
      "div",
      { class: "split" },
      el("div", {}, el("div", { class: "panel" }, el("div", { class: "panel-head" }, el("strong", { text: "Places" })), mapBox, placeList(a.places))),
      el(
        "div",
        {},
        el("h3", { text: `Events as actor (${a.counts.as_actor})` }),
        el("div", { class: "panel table-wrap", id: "actor-as-actor" }, eventTable(a.as_actor)),
        el("h3", { text: `Events as recipient (${a.counts.as_recipient})` }),
        el("div", { class: "panel table-wrap", id: "actor-as-recipient" }, eventTable(a.as_recipient)),
        el("h3", { text: `Quotes (${a.counts.quotes})` }),
        el("div", { class: "panel" }, quoteList(a.quotes)),
      ),
    ),
  ]);
  drawBars(chart, a.over_time.map((d) => ({ day: d.day, count: d.as_actor, count2: d.as_recipient })), {});
  const map = makeMap(mapBox);
  const layer = L.layerGroup().addTo(map);
  const pts = a.places.filter((p) => p.lat !== null && p.lon !== null).map((p) => [p.lat, p.lon]);
  for (const p of a.places) {
    if (p.lat === null || p.lon === null) continue;
    L.circleMarker([p.lat, p.lon], { radius: 4 + Math.min(10, p.events), color: "#17233a", weight: 1, fillColor: "#f0a31a", fillOpacity: 0.85 })
      .bindPopup(el("div", { text: `${p.name} (${p.events})` }))
      .addTo(layer);
  }
  if (pts.length) map.fitBounds(pts, { padding: [30, 30], maxZoom: 6, animate: false });
}

function placeList(places) {
  if (!places.length) return el("p", { class: "muted", text: " No located events." });
  return el("ul", { class: "plain" }, places.map((p) => el("li", {}, el("a", { href: eventsHash({ place: p.name }, 0), text: p.name }), el("span", { class: "muted", text: ` ${p.country || ""} · ${p.events} event${p.events === 1 ? "" : "s"}` }))));
}

// ------------------------------------------------------------------ stories, timelines, troops (dateline.link)

function noLink(box) {
  box.appendChild(el("p", { class: "muted", id: "no-link", text: "Stories, merged timelines and troop series need cross-article linking (dateline.link), which this installation does not have." }));
}

async function showStories() {
  showView("stories");
  const box = clear($("view-stories"));
  box.appendChild(el("h2", { text: "Stories" }));
  if (!state.meta.link) return noLink(box);
  const page = await api("/api/stories", { limit: 200 });
  box.appendChild(el("p", { class: "muted", text: `${page.total} stor${page.total === 1 ? "y" : "ies"}` }));
  box.appendChild(
    el(
      "div",
      { class: "panel table-wrap" },
      el(
        "table",
        { class: "records", id: "stories-table" },
        el("thead", {}, el("tr", {}, ["Story", "From", "To", "Articles", "Terms"].map((h) => el("th", { text: h })))),
        el(
          "tbody",
          {},
          page.items.map((st) =>
            el(
              "tr",
              { onclick: (ev) => { if (ev.target.tagName !== "A") go("story", st.id); } },
              el("td", {}, el("a", { href: "#/story/" + encodeURIComponent(st.id), text: st.title || st.id })),
              el("td", { text: st.first_date || "" }),
              el("td", { text: st.last_date || "" }),
              el("td", { text: st.documents }),
              el("td", { class: "words", text: (st.terms || []).slice(0, 8).join(", ") }),
            ),
          ),
        ),
      ),
    ),
  );
  // troop tracker: figures per sending country (and place) over time, each with its evidence
  const result = el("div", { id: "troops-result" });
  const country = el("input", { id: "tr-country", placeholder: "sender ISO3", maxlength: 3, size: 6 });
  const where = el("input", { id: "tr-in", placeholder: "in ISO3", maxlength: 3, size: 6 });
  const form = el(
    "form",
    { class: "filters", id: "troops-form", onsubmit: async (ev) => {
      ev.preventDefault();
      clear(result);
      try {
        const t = await api("/api/troops", { country: country.value.trim().toUpperCase(), in: where.value.trim().toUpperCase() });
        result.appendChild(troopTable(t.items));
      } catch (e) {
        result.appendChild(el("p", { class: "muted", text: e.message }));
      }
    } },
    el("label", {}, "Sending country", country),
    el("label", {}, "In", where),
    el("button", { type: "submit", text: "Show troop numbers" }),
  );
  append(box, [el("h3", { text: "Troop tracker" }), form, result]);
}

function troopTable(rows) {
  if (!rows.length) return el("p", { class: "muted", text: "No troop figures." });
  return el(
    "div",
    { class: "panel table-wrap" },
    el(
      "table",
      { class: "records" },
      el("thead", {}, el("tr", {}, ["Date", "Troops", "Kind", "Place", "Source", "Evidence"].map((h) => el("th", { text: h })))),
      el(
        "tbody",
        {},
        rows.map((r) =>
          el(
            "tr",
            { onclick: (ev) => { if (ev.target.tagName !== "A") go(r.event_id ? "event" : "doc", r.event_id || r.doc_id); } },
            el("td", { text: r.date || "" }),
            el("td", { text: r.size_text || r.value }),
            el("td", { text: r.kind || "" }),
            el("td", { text: r.place || "" }),
            el("td", {}, el("a", { href: "#/doc/" + encodeURIComponent(r.doc_id), text: `${r.outlet || r.doc_id} ${(r.published || "").slice(0, 10)}` })),
            el("td", { class: "words", text: r.sentence || "" }),
          ),
        ),
      ),
    ),
  );
}

function timelineList(entries) {
  if (!entries.length) return el("p", { class: "muted", text: "No dated merged events." });
  return el(
    "ul",
    { class: "plain", id: "story-timeline" },
    entries.map((t) =>
      el(
        "li",
        {},
        el("strong", { text: `${t.date} ${t.event}` }),
        t.disputed ? el("span", { class: "tag fact-denied", text: "disputed" }) : null,
        el("div", { text: t.text }),
        el(
          "div",
          { class: "muted" },
          (t.sizes || []).length ? t.sizes.join("; ") + " · " : "",
          (t.sources || []).map((src, i) => [i ? ", " : "", el("a", { href: "#/doc/" + encodeURIComponent(src.doc_id), text: `${src.outlet || src.doc_id.slice(0, 8)} ${(src.published || "").slice(0, 10)}` })]),
        ),
      ),
    ),
  );
}

async function showStory(id) {
  showView("story");
  const box = clear($("view-story"));
  if (!state.meta.link) return noLink(box);
  const st = await api("/api/stories/" + encodeURIComponent(id));
  const brief = el("pre", { class: "panel article", id: "story-brief", text: "…" });
  append(box, [
    el("a", { href: "#/stories", text: "← stories" }),
    el("h2", { text: st.title || st.id }),
    el(
      "div",
      { class: "evidence-grid" },
      el(
        "div",
        {},
        el("div", { class: "panel" }, factList([
          ["Dates", `${st.first_date || "?"} – ${st.last_date || "?"}`],
          ["Articles", st.documents],
          ["Terms", (st.terms || []).join(", ")],
          ["Actors", el("span", {}, (st.actors || []).map((a, i) => { const n = typeof a === "string" ? a : a.name || a[0]; return [i ? ", " : "", el("a", { href: "#/actor/" + encodeURIComponent(n), text: n })]; }))],
          ["Events", el("a", { href: eventsHash({ story: st.id }, 0), text: "on the timeline and map →" })],
        ])),
        el("h3", { text: `Articles (${st.documents_list.length})` }),
        el("ul", { class: "plain panel" }, st.documents_list.map((d) => el("li", {}, el("a", { href: "#/doc/" + encodeURIComponent(d.id), text: d.title || d.id }), el("span", { class: "muted", text: ` ${d.outlet || ""} ${d.published || ""}` })))),
      ),
      el("div", {}, el("h3", { text: "Briefing" }), brief, el("h3", { text: `Timeline (${st.timeline.length})` }), el("div", { class: "panel" }, timelineList(st.timeline))),
    ),
  ]);
  try {
    brief.textContent = (await api("/api/brief", { story: id })).markdown;
  } catch (e) {
    brief.textContent = e.message;
  }
}

async function mergedPanel(eventId) {
  // the merged event this report belongs to: other sources, and where they disagree
  let m;
  try {
    m = await api("/api/explain/" + encodeURIComponent(eventId));
  } catch (e) {
    return null;
  }
  const others = (m.mentions || []).filter((x) => x.event_id !== eventId);
  return el(
    "div",
    { class: "panel", id: "merged" },
    el("div", { class: "panel-head" }, el("strong", { text: `Reported by ${m.sources} source${m.sources === 1 ? "" : "s"}` }), m.disputed ? el("span", { class: "tag fact-denied", text: "disputed" }) : null),
    others.length
      ? el("ul", { class: "plain" }, others.map((x) => el("li", {}, el("a", { href: "#/event/" + encodeURIComponent(x.event_id), text: `${x.outlet || x.doc_id} ${(x.published || "").slice(0, 10)}` }), " ", factTag(x.factuality), el("div", { class: "muted", text: x.text }))))
      : el("p", { class: "muted", text: " No other report of this event." }),
    (m.conflicts || []).length ? el("ul", { class: "plain" }, m.conflicts.map((c) => el("li", {}, el("strong", { text: `${c.kind}: ` }), c.mentions.map((x) => `${x.outlet || "?"}: ${x.value}`).join(" vs ")))) : null,
  );
}

// ------------------------------------------------------------------ ingest

async function submitIngest(ev) {
  ev.preventDefault();
  const body = $("in-body").value;
  const kind = document.querySelector("input[name=kind]:checked").value;
  const payload = {};
  if (body.trim()) payload[kind] = body;
  for (const [id, key] of [["in-url", "url"], ["in-title", "title"], ["in-outlet", "outlet"], ["in-published", "published"]]) {
    const v = $(id).value.trim();
    if (v) payload[key] = v;
  }
  const out = $("in-result");
  out.textContent = "Processing…";
  $("in-submit").disabled = true;
  try {
    const resp = await fetch("/api/ingest", { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(payload) });
    const data = await resp.json().catch(() => ({}));
    if (!resp.ok) {
      let detail = data.detail || resp.statusText;
      if (Array.isArray(detail)) detail = detail.map((d) => d.msg).join("; ");
      throw new Error(String(detail));
    }
    out.textContent = `${data.status}: document ${data.doc_id}`;
    state.meta = null;
    go("doc", data.doc_id);
  } catch (e) {
    out.textContent = "Failed: " + e.message;
  } finally {
    $("in-submit").disabled = false;
  }
}

async function readFile() {
  const file = $("in-file").files[0];
  if (!file) return;
  $("in-body").value = await file.text();
  const isHtml = /\.html?$/i.test(file.name) || file.type === "text/html";
  document.querySelector(`input[name=kind][value=${isHtml ? "html" : "text"}]`).checked = true;
  if (!$("in-title").value) $("in-title").value = file.name.replace(/\.[^.]+$/, "");
}

// ------------------------------------------------------------------ wiring

function init() {
  $("filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = {};
    for (const k of ["actor", "type", "country", "place", "factuality", "outlet", "since", "until"]) {
      const v = $("f-" + k).value.trim();
      if (v) f[k] = k === "country" ? v.toUpperCase() : v;
    }
    if (state.filters.story) f.story = state.filters.story;
    location.hash = eventsHash(f, 0);
  });
  $("f-reset").addEventListener("click", () => (location.hash = "#/events"));
  $("tl-in").addEventListener("click", () => zoom(0.5));
  $("tl-out").addEventListener("click", () => zoom(2));
  $("tl-all").addEventListener("click", () => setRange(null));
  $("ev-prev").addEventListener("click", () => (location.hash = eventsHash(state.filters, Math.max(0, state.offset - PAGE_SIZE))));
  $("ev-next").addEventListener("click", () => (location.hash = eventsHash(state.filters, state.offset + PAGE_SIZE)));
  $("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = $("search-q").value.trim();
    go("docs", "", q ? { q } : {});
  });
  $("ingest-form").addEventListener("submit", submitIngest);
  $("in-file").addEventListener("change", readFile);
  window.addEventListener("hashchange", route);
  window.addEventListener("resize", () => {
    if (!$("view-events").hidden) renderTimeline();
  });
  route();
}

document.addEventListener("DOMContentLoaded", init);
