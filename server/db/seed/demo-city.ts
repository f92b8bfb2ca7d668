import { rng } from './random';

/** The demo city's code (a county-level city under 宣城, as in the speech). */
export const CITY = { code: '341881', name: '宁阳市', nameEn: 'Ningyang City' };

/** Streets and their communities (DOMAIN.md §5: 9 communities with the speech's names). */
export const STREETS = [
  { code: '341881001', name: '东城街道', nameEn: 'Dongcheng Street' },
  { code: '341881002', name: '西城街道', nameEn: 'Xicheng Street' },
  { code: '341881003', name: '南城街道', nameEn: 'Nancheng Street' },
] as const;

/** Each community: its street, its place in the 3×3 layout of the urban area (row 0 is north), and whether it is a pilot. */
export const COMMUNITIES = [
  { code: '341881001001', street: 0, name: '城东社区', nameEn: 'Chengdong', row: 1, col: 2, pilot: true },
  { code: '341881001002', street: 0, name: '城中社区', nameEn: 'Chengzhong', row: 1, col: 1, pilot: true },
  { code: '341881001003', street: 0, name: '世纪社区', nameEn: 'Shiji', row: 0, col: 2, pilot: true },
  { code: '341881002001', street: 1, name: '城西社区', nameEn: 'Chengxi', row: 1, col: 0, pilot: false },
  { code: '341881002002', street: 1, name: '桥西社区', nameEn: 'Qiaoxi', row: 0, col: 0, pilot: false },
  { code: '341881002003', street: 1, name: '城北社区', nameEn: 'Chengbei', row: 0, col: 1, pilot: false },
  { code: '341881003001', street: 2, name: '城南社区', nameEn: 'Chengnan', row: 2, col: 1, pilot: false },
  { code: '341881003002', street: 2, name: '桥东社区', nameEn: 'Qiaodong', row: 2, col: 2, pilot: false },
  { code: '341881003003', street: 2, name: '河滨社区', nameEn: 'Hebin', row: 2, col: 0, pilot: false },
] as const;

/** Grids per community (a grid holds roughly 300 households). */
export const GRIDS_PER_COMMUNITY = 8;

type Pt = [number, number];

/**
 * Community boundaries that tile a ~4 km × 3 km urban area: a 4×4 lattice of corners with jittered
 * interior points, and edges broken into jittered segments shared by both neighbours, so the map has
 * no gaps or overlaps.
 */
export function communityBoundaries(seed = 20261126): Map<string, { type: 'Polygon'; coordinates: Pt[][] }> {
  const r = rng(seed);
  const west = 118.96;
  const north = 30.645;
  const dLon = 0.0139; // ≈ 1.33 km at 30.6°N
  const dLat = 0.009; // ≈ 1.0 km
  const corner: Pt[][] = [];
  for (let i = 0; i <= 3; i++) {
    corner[i] = [];
    for (let j = 0; j <= 3; j++) {
      const interior = i > 0 && i < 3 && j > 0 && j < 3;
      const jx = interior ? (r.next() - 0.5) * dLon * 0.35 : 0;
      const jy = interior ? (r.next() - 0.5) * dLat * 0.35 : 0;
      corner[i][j] = [west + j * dLon + jx, north - i * dLat + jy];
    }
  }
  const edges = new Map<string, Pt[]>();
  const round = (p: Pt): Pt => [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
  /** Points strictly between two lattice corners, the same for both neighbours. */
  const edge = (a: [number, number], b: [number, number]): Pt[] => {
    const key = `${a}-${b}`;
    const rev = `${b}-${a}`;
    if (edges.has(rev)) return [...edges.get(rev)!].reverse();
    if (!edges.has(key)) {
      const [p, q] = [corner[a[0]][a[1]], corner[b[0]][b[1]]];
      const outer = (a[0] === b[0] && (a[0] === 0 || a[0] === 3)) || (a[1] === b[1] && (a[1] === 0 || a[1] === 3));
      const pts: Pt[] = [];
      for (let k = 1; k < 4; k++) {
        const t = k / 4;
        const wobble = outer ? 0.08 : 0.15;
        pts.push(round([p[0] + (q[0] - p[0]) * t + (r.next() - 0.5) * dLon * wobble, p[1] + (q[1] - p[1]) * t + (r.next() - 0.5) * dLat * wobble]));
      }
      edges.set(key, pts);
    }
    return edges.get(key)!;
  };
  const out = new Map<string, { type: 'Polygon'; coordinates: Pt[][] }>();
  for (const c of COMMUNITIES) {
    const { row: i, col: j } = c;
    const a: [number, number] = [i, j];
    const b: [number, number] = [i, j + 1];
    const cc: [number, number] = [i + 1, j + 1];
    const d: [number, number] = [i + 1, j];
    // Counter-clockwise ring (GeoJSON right-hand rule): a → d → cc → b → a.
    const ring: Pt[] = [
      round(corner[a[0]][a[1]]),
      ...edge(a, d),
      round(corner[d[0]][d[1]]),
      ...edge(d, cc),
      round(corner[cc[0]][cc[1]]),
      ...edge(cc, b),
      round(corner[b[0]][b[1]]),
      ...edge(b, a),
    ];
    ring.push(ring[0]);
    out.set(c.code, { type: 'Polygon', coordinates: [ring] });
  }
  return out;
}

/** The code of grid n (1-based) of a community. */
export function gridCode(communityCode: string, n: number) {
  return `${communityCode}${String(n).padStart(2, '0')}`;
}
