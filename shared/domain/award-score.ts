/**
 * A community's 以奖代补 score from several inspection items, each with a weight (the speech's six aims and
 * the four haves, DOMAIN.md §12). Pure: the weighted mean of the item scores, to the thousandth of a point.
 * Until the evaluation module computes scores, inspectors enter each item by hand (0–100).
 */
import type { AwardIssue } from './award';

export interface InspectionItem {
  /** Stable key, e.g. `order`. */
  key: string;
  /** The item's name as the inspection form shows it. */
  label: string;
  /** Relative weight (> 0); the weights need not add up to 1 or 100. */
  weight: number;
}

/** The default items of a round scored by item: 管理有序、服务完善、环境优美、治安良好、生活便利、人际关系和谐, plus 四有. */
export const DEFAULT_INSPECTION_ITEMS: InspectionItem[] = [
  { key: 'order', label: '管理有序', weight: 15 },
  { key: 'service', label: '服务完善', weight: 15 },
  { key: 'environment', label: '环境优美', weight: 10 },
  { key: 'safety', label: '治安良好', weight: 15 },
  { key: 'convenience', label: '生活便利', weight: 10 },
  { key: 'harmony', label: '人际关系和谐', weight: 10 },
  { key: 'four_haves', label: '四有建设', weight: 25 },
];

/** Problems with a set of item scores, each naming its field (`itemScores.safety`). */
export function checkItemScores(items: InspectionItem[], scores: Record<string, number>): AwardIssue[] {
  const issues: AwardIssue[] = [];
  const keys = new Set(items.map((i) => i.key));
  for (const i of items) {
    const s = scores[i.key];
    if (s === undefined)
      issues.push({ path: `itemScores.${i.key}`, code: 'required', message: `请填写“${i.label}”得分`, messageEn: `the score of "${i.key}" is required` });
    else if (!Number.isFinite(s) || s < 0 || s > 100)
      issues.push({
        path: `itemScores.${i.key}`,
        code: 'out_of_range',
        message: `“${i.label}”得分须在 0–100 之间`,
        messageEn: `the score of "${i.key}" must be between 0 and 100`,
      });
  }
  for (const k of Object.keys(scores))
    if (!keys.has(k)) issues.push({ path: `itemScores.${k}`, code: 'unknown', message: `没有考评项目“${k}”`, messageEn: `no inspection item "${k}"` });
  return issues;
}

/** The weighted mean of the item scores (0–100), rounded to 0.001. */
export function weightedScore(items: InspectionItem[], scores: Record<string, number>): number {
  const total = items.reduce((s, i) => s + i.weight, 0);
  if (total <= 0) return 0;
  const sum = items.reduce((s, i) => s + i.weight * (scores[i.key] ?? 0), 0);
  return Math.round((sum / total) * 1000) / 1000;
}
