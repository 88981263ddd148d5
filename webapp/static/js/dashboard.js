// The dashboard's network picture, drawn with cytoscape.js (static/vendor/,
// copied from node_modules by `make`). The page works without it: the same
// figures are in its tables. A federation: sections sized by members, linked
// by their number of coopain links; clicking a section opens its dashboard.
// A section: its members and their links; clicking a named member opens the
// profile. Weakly linked sections and members without a coopain stand out by
// colour and by shape or border (see the legend), not by colour alone.
(function () {
  "use strict";

  var COLORS = {
    section: "#2f4a8a",
    weak: "#c4264f",
    member: "#2f4a8a",
    sympathisant: "#5a6283",
    isolated: "#b35900",
    edge: "#9aa3c4",
    label: "#1b2545"
  };

  function scale(value, max, low, high) {
    if (!max) return low;
    return low + (high - low) * Math.sqrt(value / max);
  }

  function federationElements(data) {
    var maxMembers = Math.max.apply(null, data.nodes.map(function (n) { return n.members; }).concat([1]));
    var maxLinks = Math.max.apply(null, data.edges.map(function (e) { return e.links; }).concat([1]));
    // Sections without members stay in the table, not in the picture.
    var nodes = data.nodes.filter(function (n) { return n.members > 0; }).map(function (n) {
      return { data: { id: n.id, label: n.label + " (" + n.members + ")", url: n.url, weak: n.weak,
                       size: scale(n.members, maxMembers, 18, 90) } };
    });
    var edges = data.edges.map(function (e, i) {
      return { data: { id: "e" + i, source: e.source, target: e.target, links: e.links,
                       width: scale(e.links, maxLinks, 1, 12) } };
    });
    return nodes.concat(edges);
  }

  function sectionElements(data) {
    var maxCoopains = Math.max.apply(null, data.nodes.map(function (n) { return n.coopains || 0; }).concat([1]));
    var nodes = data.nodes.map(function (n) {
      return { data: { id: n.id, label: n.label, url: n.url, isolated: n.isolated,
                       sympathisant: n.membership === "sympathisant",
                       size: scale(n.coopains || 0, maxCoopains, 10, 36) } };
    });
    var edges = data.edges.map(function (e, i) {
      return { data: { id: "e" + i, source: e.source, target: e.target, width: 1 } };
    });
    return nodes.concat(edges);
  }

  var STYLE = [
    { selector: "node", style: {
      "width": "data(size)", "height": "data(size)", "background-color": COLORS.section,
      "label": "data(label)", "font-size": 11, "color": COLORS.label, "text-valign": "bottom",
      "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": 140,
      "border-width": 2, "border-color": "#ffffff"
    } },
    { selector: "node[?weak]", style: {
      "background-color": COLORS.weak, "border-style": "dashed", "border-color": "#1b2545", "border-width": 3
    } },
    { selector: "node[?sympathisant]", style: { "background-color": COLORS.sympathisant } },
    { selector: "node[?isolated]", style: { "background-color": COLORS.isolated, "shape": "round-rectangle" } },
    { selector: "node[?url]", style: { "cursor": "pointer" } },
    { selector: "edge", style: {
      "width": "data(width)", "line-color": COLORS.edge, "opacity": 0.7, "curve-style": "haystack"
    } },
    { selector: "node:selected", style: { "border-color": "#f6b64a", "border-width": 4 } }
  ];

  function draw(container, data) {
    var kind = container.getAttribute("data-kind");
    var elements = kind === "section" ? sectionElements(data) : federationElements(data);
    container.hidden = false;
    var cy = window.cytoscape({
      container: container,
      elements: elements,
      style: STYLE,
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 8000; },
                idealEdgeLength: function () { return kind === "section" ? 40 : 90; } },
      wheelSensitivity: 0.3,
      minZoom: 0.1,
      maxZoom: 4
    });
    cy.on("tap", "node", function (event) {
      var url = event.target.data("url");
      if (url) window.location.assign(url);
    });
    container.setAttribute("data-drawn", String(cy.nodes().length));
  }

  function start() {
    var container = document.getElementById("dash-network");
    if (!container || typeof window.cytoscape !== "function" || !window.fetch) return;
    fetch(container.getAttribute("data-url"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (data) {
        if (data.nodes.length) draw(container, data);
      })
      .catch(function () { /* the tables below stay the way in */ });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
