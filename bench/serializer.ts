/**
 * What the response serializer costs per request: zod's safeEncode + JSON.stringify (the type provider's
 * default) against fast-json-stringify compiled from the same schema's JSON Schema. Prints µs per call.
 *   npx tsx bench/serializer.ts
 */
import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { ResidentsPage } from '../shared/contracts/residents';

const item = (i: number) => ({
  id: '0b6b8c9e-3f0a-4c1e-9a55-' + String(100000000000 + i),
  name: '张三' + i,
  sex: i % 2 ? 'M' : 'F',
  birthDate: '1950-01-0' + ((i % 9) + 1),
  age: 70 + (i % 20),
  idMasked: '110101********123X',
  phoneMasked: '138****0000',
  ethnicity: '汉族',
  communityId: '0b6b8c9e-3f0a-4c1e-9a55-000000000001',
  communityName: '城东社区',
  gridId: '0b6b8c9e-3f0a-4c1e-9a55-000000000002',
  gridName: '第一网格',
  householdId: '0b6b8c9e-3f0a-4c1e-9a55-000000000003',
  address: '城东路1号1栋101室',
  status: 'active',
  careGroups: ['elderly_alone'],
  relationToHead: '户主',
  ageBand: '80+',
  residenceType: 'registered',
  version: 1,
});
const page = { items: Array.from({ length: 20 }, (_, i) => item(i)), total: 1000, totalCapped: false, nextCursor: null };

function time(label: string, fn: () => string, n = 20_000) {
  for (let i = 0; i < 2000; i++) fn();
  const t0 = process.hrtime.bigint();
  let len = 0;
  for (let i = 0; i < n; i++) len += fn().length;
  const us = Number(process.hrtime.bigint() - t0) / 1000 / n;
  console.log(`${label.padEnd(40)} ${us.toFixed(1)} µs/call (${len / n} bytes)`);
}

const zodEncode = () => {
  const r = z.safeEncode(ResidentsPage, page as never);
  if (r.error) throw r.error;
  return JSON.stringify(r.data);
};
const compiled = fastJson(z.toJSONSchema(ResidentsPage, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as never);
time('zod safeEncode + JSON.stringify', zodEncode);
time('JSON.stringify alone', () => JSON.stringify(page));
time('fast-json-stringify (compiled)', () => compiled(page));
