import { describe, expect, it } from 'vitest';
import type { BoundaryCollection } from '../../regions/api/get-boundaries';
import type { FourHavesRow } from '../api/four-haves';
import { drillDownLink, fourHavesMapData, tooltipHtml } from './four-haves-map';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};
const BOUNDARIES: BoundaryCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'a', properties: { id: 'a', name: '城东社区', code: '1' }, geometry: square },
    { type: 'Feature', id: 'b', properties: { id: 'b', name: '城西社区', code: '2' }, geometry: square },
    { type: 'Feature', id: 'c', properties: { id: 'c', name: '无轮廓', code: '3' }, geometry: null },
    { type: 'Feature', id: 'd', properties: { id: 'd', name: '范围外', code: '4' }, geometry: square },
  ],
};
const have = (status: 'green' | 'amber' | 'red', reason: string) => ({ status, reason });
const ROWS: FourHavesRow[] = [
  {
    communityId: 'a',
    name: '城东社区',
    people: have('green', '达到 5+1+3 标准'),
    money: have('amber', '未编制预算'),
    premises: { ...have('red', '在用面积 200 m²，低于标准 300 m²'), areaM2: 200, requiredM2: 300 },
    rules: have('green', '均已登记'),
  },
  {
    communityId: 'b',
    name: '城西社区',
    people: have('red', '专职干部 3 人，标准 5 人'),
    money: have('green', '已到位'),
    premises: { ...have('green', '达标'), areaM2: 400, requiredM2: 300 },
    rules: have('amber', '<b>居民公约</b> 超过 5 年'),
  },
  {
    communityId: 'c',
    name: '无轮廓',
    people: have('red', 'x'),
    money: have('red', 'x'),
    premises: { ...have('red', 'x'), areaM2: 0, requiredM2: 300 },
    rules: have('red', 'x'),
  },
];
const COLOURS = { green: 'G', amber: 'A', red: 'R', none: '-' };

describe('the four-haves map', () => {
  it('colours each community with an outline by the chosen have, and leaves out those without a verdict', () => {
    const premises = fourHavesMapData(BOUNDARIES, ROWS, 'premises', COLOURS);
    expect(premises.features.map((f) => f.properties.id)).toEqual(['a', 'b']);
    expect(premises.data.map((d) => [d.name, d.status, d.itemStyle.areaColor])).toEqual([
      ['a', 'red', 'R'],
      ['b', 'green', 'G'],
    ]);
    const people = fourHavesMapData(BOUNDARIES, ROWS, 'people', COLOURS);
    expect(people.data.map((d) => d.itemStyle.areaColor)).toEqual(['G', 'R']);
    expect(people.data[1].reason).toBe('专职干部 3 人，标准 5 人');
  });

  it('writes the status in words and the reason in the tooltip, escaping what people typed', () => {
    const [, xi] = fourHavesMapData(BOUNDARIES, ROWS, 'rules', COLOURS).data;
    const html = tooltipHtml(xi, (s) => ({ green: '达标', amber: '需关注', red: '未达标' })[s], '有章（制度）');
    expect(html).toContain('<b>城西社区</b>');
    expect(html).toContain('有章（制度）：需关注');
    expect(html).toContain('&lt;b&gt;居民公约&lt;/b&gt; 超过 5 年');
    expect(html).not.toContain('<b>居民公约');
  });

  it('leads a click to the community’s page at the records behind the colour', () => {
    expect(drillDownLink('a', 'money')).toBe('/four-haves/a#money');
  });
});
