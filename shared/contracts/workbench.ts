import { z } from 'zod';

/** A text in both languages of the UI (zh-CN first). */
const Bilingual = z.object({ zh: z.string(), en: z.string() });

/** One number on the 工作台, counted within the caller's scope. */
export const WorkbenchCardView = z.object({
  /** Stable key, `<module>.<what>`. */
  key: z.string(),
  label: Bilingual,
  value: z.number(),
  /** The same number 30 days ago, when the module can tell (the trend arrow compares with it). */
  previous: z.number().optional(),
  /** Unit after the number (人, 户, 个). */
  unit: Bilingual.optional(),
  /** The web route that lists what the number counts. */
  link: z.string().optional(),
  /** warning/danger when the number asks for work. */
  tone: z.enum(['normal', 'warning', 'danger']).optional(),
});
export type WorkbenchCardView = z.infer<typeof WorkbenchCardView>;

/** One thing with a due date on the 待办 list. */
export const TodoItemView = z.object({
  /** `<module>:<kind>:<id>`. */
  id: z.string(),
  module: z.string(),
  title: Bilingual,
  /** YYYY-MM-DD (the city's time zone). */
  dueDate: z.string(),
  /** True when the due date lies before today. */
  overdue: z.boolean(),
  /** The web route of the record. */
  link: z.string(),
  /** The community it belongs to. */
  regionName: z.string().optional(),
});
export type TodoItemView = z.infer<typeof TodoItemView>;

/** A record the caller touched lately (from the audit log), still inside their scope. */
export const RecentItemView = z.object({
  /** resident | household */
  type: z.enum(['resident', 'household']),
  id: z.uuid(),
  /** The resident's name or the household's address. */
  title: z.string(),
  /** What the caller did last (the audit action, e.g. residents.update). */
  action: z.string(),
  /** When (ISO 8601). */
  at: z.string(),
  link: z.string(),
});
export type RecentItemView = z.infer<typeof RecentItemView>;

/** A notice published today that reaches the caller (通知公告), as the 工作台 and a resident's home list it. */
export const WorkbenchNoticeView = z.object({
  id: z.uuid(),
  title: z.string(),
  /** normal | important */
  importance: z.enum(['normal', 'important']),
  /** staff | residents | all */
  audience: z.enum(['staff', 'residents', 'all']),
  pinned: z.boolean(),
  /** Whether the caller has opened it. */
  read: z.boolean(),
  /** YYYY-MM-DD: the first day it is shown. */
  publishFrom: z.string(),
  /** The region it is addressed to (城东社区, 东城街道, the city). */
  regionName: z.string(),
  /** The web route of the notice. */
  link: z.string(),
});
export type WorkbenchNoticeView = z.infer<typeof WorkbenchNoticeView>;

/** A daily action of the caller's role. */
export const ShortcutView = z.object({ key: z.string(), label: Bilingual, link: z.string() });
export type ShortcutView = z.infer<typeof ShortcutView>;

/** GET /api/workbench: the signed-in user's 工作台. */
export const WorkbenchResponse = z.object({
  /** Today in the city's time zone (YYYY-MM-DD): what `overdue` was decided against. */
  today: z.string(),
  cards: z.array(WorkbenchCardView),
  /** Sorted by due date, overdue first. */
  todos: z.array(TodoItemView),
  /** The last records the caller viewed or changed, newest first (at most 10). */
  recent: z.array(RecentItemView),
  shortcuts: z.array(ShortcutView),
  /** Current notices reaching the caller, pinned and important first (absent when no module lists any). */
  notices: z.array(WorkbenchNoticeView).optional(),
  /** Modules whose contribution could not be computed this time (left out, logged). */
  unavailable: z.array(z.string()),
});
export type WorkbenchResponse = z.infer<typeof WorkbenchResponse>;
