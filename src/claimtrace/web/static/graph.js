// The citation graph page: Cytoscape.js over the graph the page carries as JSON data.
// Every name comes from article text: it is drawn on the canvas or set as textContent,
// never parsed as HTML.
"use strict";

(function () {
  const CLAIMS_SHOWN = 20;
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const form = document.getElementById("graph-filter");
  const panel = document.getElementById("graph-panel");
  const byId = new Map(data.nodes.map((n) => [n.id, n]));

  const elements = [];
  for (const n of data.nodes) {
    elements.push({ group: "nodes", data: { id: n.id, label: n.label, claims: n.claims,
      role: n.roles.includes("outlet") ? "outlet" : n.roles.includes("original") ? "original" : "cited" } });
  }
  data.edges.forEach((e, i) => {
    elements.push({ group: "edges", data: { id: "e" + i, source: e.source, target: e.target,
      count: e.count, index: i } });
  });

  const cy = cytoscape({
    container: document.getElementById("graph"),
    elements: elements,
    wheelSensitivity: 0.3,
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      { selector: "node", style: {
        label: "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
        "text-wrap": "ellipsis", "text-max-width": 140, width: "mapData(claims, 1, 30, 14, 40)",
        height: "mapData(claims, 1, 30, 14, 40)", "background-color": "#7a8aa6" } },
      { selector: 'node[role = "outlet"]', style: { "background-color": "#2357a6", shape: "round-rectangle" } },
      { selector: 'node[role = "original"]', style: { "background-color": "#b5651d" } },
      { selector: "edge", style: {
        width: "mapData(count, 1, 20, 1.5, 8)", "curve-style": "bezier", "target-arrow-shape": "triangle",
        "line-color": "#9aa5b8", "target-arrow-color": "#9aa5b8", label: "data(count)", "font-size": 9,
        "text-background-color": "#fff", "text-background-opacity": 0.8 } },
      { selector: ":selected", style: { "line-color": "#d0342c", "target-arrow-color": "#d0342c",
        "background-color": "#d0342c" } },
      { selector: ".hidden", style: { display: "none" } },
    ],
  });

  function params() {
    return Object.fromEntries(new FormData(form).entries());
  }

  function applyFilter() {
    const p = params();
    const min = Math.max(1, parseInt(p.min, 10) || 1);
    let keep = cy.elements();
    if (p.outlet && cy.getElementById(p.outlet).nonempty()) {
      const root = cy.getElementById(p.outlet);
      keep = keep.intersection(root.union(root.successors()));
    }
    if (p.source && cy.getElementById(p.source).nonempty()) {
      const node = cy.getElementById(p.source);
      keep = keep.intersection(node.union(node.predecessors()).union(node.successors()));
    }
    keep = keep.filter((el) => el.isNode() || el.data("count") >= min);
    const edges = keep.edges();
    keep = edges.union(edges.connectedNodes()).union(keep.nodes().filter((n) => p.outlet === n.id() || p.source === n.id()));
    cy.batch(() => {
      cy.elements().addClass("hidden");
      keep.removeClass("hidden");
    });
    layout(p.layout);
    const query = new URLSearchParams(window.location.search);
    for (const name of ["outlet", "source", "min", "layout"]) {
      if (p[name] && !(name === "min" && p[name] === "1") && !(name === "layout" && p[name] === "breadthfirst")) {
        query.set(name, p[name]);
      } else {
        query.delete(name);
      }
    }
    const search = query.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
  }

  function layout(name) {
    const visible = cy.elements().not(".hidden");
    const roots = visible.nodes().filter((n) => n.data("role") === "outlet");
    const options = name === "cose"
      ? { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 90 }
      : { name: "breadthfirst", directed: true, roots: roots.length ? roots : undefined, spacingFactor: 1.1, animate: false };
    visible.layout(options).run();
    cy.fit(visible, 30);
  }

  function element(tag, text, attrs) {
    const el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = String(text);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
    return el;
  }

  function link(href, text) {
    return element("a", text, { href: href });
  }

  function showNode(node) {
    const n = byId.get(node.id());
    panel.replaceChildren();
    panel.append(element("h2", n.label));
    panel.append(element("p", `${n.roles.join(", ")} · ${n.claims} claims · ${n.documents.length} documents · first seen ${n.first_seen || "undated"}`, { class: "meta" }));
    if (n.actor) {
      const p = element("p");
      p.append(link("/actors/" + encodeURIComponent(n.actor), "its page: every claim by, about and on the authority of it"));
      panel.append(p);
    }
    const list = element("ul");
    for (const doc of n.documents.slice(0, CLAIMS_SHOWN)) {
      const li = element("li");
      li.append(link("/documents/" + encodeURIComponent(doc), doc));
      list.append(li);
    }
    panel.append(element("h3", "Documents"), list);
  }

  async function showEdge(edge) {
    const e = data.edges[edge.data("index")];
    const from = byId.get(e.source), to = byId.get(e.target);
    panel.replaceChildren();
    panel.append(element("h2", `${from ? from.label : e.source} → ${to ? to.label : e.target}`));
    panel.append(element("p", `${e.count} claims · ${e.documents.length} documents · first seen ${e.first_seen || "undated"}`, { class: "meta" }));
    const list = element("ol", null, { class: "edge-claims" });
    panel.append(list);
    const shown = e.claims.slice(0, CLAIMS_SHOWN);
    const answers = await Promise.all(shown.map((id) =>
      fetch("/api/v1/claims/" + encodeURIComponent(id), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : null)).catch(() => null)));
    for (const claim of answers) {
      if (!claim) continue;
      const li = element("li");
      li.append(element("span", (claim.content && claim.content.text) || claim.text, { lang: claim.language || "" }), " ");
      const meta = element("span", null, { class: "meta" });
      meta.append(`${claim.relation || ""} · `, link("/documents/" + encodeURIComponent(claim.document_id), "document"));
      if (claim.group) meta.append(" · ", link("/groups/" + encodeURIComponent(claim.group), "who else says this"));
      li.append(meta);
      list.append(li);
    }
    if (e.claims.length > shown.length) panel.append(element("p", `and ${e.claims.length - shown.length} more`, { class: "meta" }));
  }

  cy.on("tap", "node", (evt) => showNode(evt.target));
  cy.on("tap", "edge", (evt) => { showEdge(evt.target); });
  form.addEventListener("change", applyFilter);
  form.addEventListener("submit", (evt) => { evt.preventDefault(); applyFilter(); });
  document.getElementById("graph-fit").addEventListener("click", () => cy.fit(cy.elements().not(".hidden"), 30));

  const given = new URLSearchParams(window.location.search);
  for (const name of ["outlet", "source", "min", "layout"]) {
    if (given.get(name) && form.elements[name]) form.elements[name].value = given.get(name);
  }
  applyFilter();
  window.claimtraceGraph = cy;  // for the browser test and the curious analyst's console
})();
