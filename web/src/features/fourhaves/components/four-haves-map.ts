/**
 * What the 四有 map draws, as plain data (testable without a canvas): each community of the city's own
 * GeoJSON coloured by the chosen have's status, its tooltip with the reason, and where a click leads.
 */
import type { BoundaryCollection } from '../../regions/api/get-boundaries';
import type { FourHavesRow } from '../api/four-haves';

export const HAVES = ['people', 'money', 'premises', 'rules'] as const;
export type HaveKey = (typeof HAVES)[number];
type Status = 'green' | 'amber' | 'red';

/** The fill per status (theme tokens at the call site), and for a community without a verdict. */
export type MapColours = Record<Status | 'none', string>;

export interface MapDatum {
  /** The community id (the map joins on the feature's `id` property). */
  name: string;
  communityName: string;
  status: Status | null;
  reason: string;
  itemStyle: { areaColor: string };
}

/** The communities drawn (those with an outline) with the fill and the reason of `have`. */
export function fourHavesMapData(boundaries: BoundaryCollection, rows: FourHavesRow[], have: HaveKey, colours: MapColours) {
  const byId = new Map(rows.map((r) => [r.communityId, r]));
  const features = boundaries.features.filter((f) => f.geometry && byId.has(f.properties.id));
  const data: MapDatum[] = features.map((f) => {
    const row = byId.get(f.properties.id)!;
    const h = row[have];
    return { name: f.properties.id, communityName: row.name, status: h.status, reason: h.reason, itemStyle: { areaColor: colours[h.status] } };
  });
  return { features, data };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The tooltip's HTML: the community, the status in words (colour is never the only signal) and the reason, escaped. */
export function tooltipHtml(d: Pick<MapDatum, 'communityName' | 'status' | 'reason'>, statusLabel: (s: Status) => string, haveLabel: string): string {
  const status = d.status ? statusLabel(d.status) : '—';
  return `<b>${escape(d.communityName)}</b><br/>${escape(haveLabel)}：${escape(status)}<br/><span style="white-space:normal">${escape(d.reason)}</span>`;
}

/** Where a click on a community leads: its 四有 page, at the records behind the colour. */
export const drillDownLink = (communityId: string, have: HaveKey) => `/four-haves/${encodeURIComponent(communityId)}#${have}`;
