// The story map: Leaflet over Natural Earth country shapes shipped with the package (no
// tile server), one circle per place the story's documents name. Names are set as text.
"use strict";

(function () {
  const places = JSON.parse(document.getElementById("map-data").textContent);
  const map = L.map("map", { attributionControl: false, worldCopyJump: true, minZoom: 1, maxZoom: 10 });
  L.control.attribution({ prefix: false }).addAttribution("Natural Earth").addTo(map);

  fetch("/static/vendor/countries-110m.json", { credentials: "same-origin" })
    .then((r) => r.json())
    .then((world) => {
      const countries = topojson.feature(world, world.objects.countries);
      L.geoJSON(countries, { style: { color: "#9aa5b8", weight: 1, fillColor: "#eef0f4", fillOpacity: 1 },
        interactive: false }).addTo(map).bringToBack();
    });

  const most = Math.max(1, ...places.map((p) => p.documents));
  const markers = places.map((p) => {
    const marker = L.circleMarker([p.lat, p.lon], {
      radius: 5 + 10 * Math.sqrt(p.documents / most), color: "#b3261e", weight: 1,
      fillColor: "#b3261e", fillOpacity: 0.6,
    });
    const tip = document.createElement("span");
    tip.textContent = `${p.name} (${p.documents} doc)`;
    marker.bindTooltip(tip);
    const popup = document.createElement("div");
    const link = document.createElement("a");
    link.href = "/actors/" + encodeURIComponent(p.id);
    link.textContent = p.name;
    popup.append(link, ` · ${p.documents} documents, ${p.mentions} mentions`);
    marker.bindPopup(popup);
    return marker.addTo(map);
  });
  const bounds = L.featureGroup(markers).getBounds();
  if (bounds.isValid()) {
    map.fitBounds(bounds.pad(0.5), { maxZoom: 6 });
  } else {
    map.setView([20, 0], 1);
  }
  window.claimtraceMap = map;  // for the browser test
})();
