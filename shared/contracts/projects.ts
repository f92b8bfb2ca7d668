import { z } from 'zod';
import { PROJECT_KINDS, PROJECT_STATES } from '../domain/projects';
import { FUNDING_SOURCES } from './fourhaves';
import { EditCapabilities, Version } from './common';

const dateStr = z.iso.date();
/** Yuan, ≥ 0, at most two decimals. */
const yuan = z
  .number()
  .min(0, '金额不能为负 | amount cannot be negative')
  .max(10_000_000_000)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '金额最多两位小数 | amount has at most two decimals');

// ------------------------------------------------------------------ list

export const ProjectsQuery = z.object({
  /** Name fragment. */
  q: z.string().trim().max(50).optional(),
  communityId: z.uuid().optional(),
  kind: z.enum(PROJECT_KINDS).optional(),
  state: z.enum(PROJECT_STATES).optional(),
  /** Only projects with a milestone past its planned date and not done. */
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ProjectsQuery = z.infer<typeof ProjectsQuery>;
/** The export takes the list's filters without the page. */
export const ProjectsExportQuery = ProjectsQuery.omit({ page: true, pageSize: true });

/** A project's money, in yuan. */
export const ProjectFundingView = z.object({
  budget: z.number(),
  /** Allocations received (funding entries of kind allocation linked to the project). */
  allocated: z.number(),
  spent: z.number(),
  /** Allocated − spent. */
  balance: z.number(),
  /** Budget − allocations, never below 0. */
  gap: z.number(),
  bySource: z.array(z.object({ source: z.enum(FUNDING_SOURCES).or(z.literal('unknown')), amount: z.number() })),
});
export type ProjectFundingView = z.infer<typeof ProjectFundingView>;

/** A project as lists show it. */
export const ProjectListItem = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  name: z.string(),
  kind: z.enum(PROJECT_KINDS),
  premisesId: z.uuid().nullable(),
  premisesName: z.string().nullable(),
  areaM2: z.number().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  state: z.enum(PROJECT_STATES),
  progressPercent: z.number().int(),
  milestonesTotal: z.number().int(),
  milestonesDone: z.number().int(),
  /** An active project with a milestone past its planned date and not done. */
  overdue: z.boolean(),
  funding: ProjectFundingView.omit({ bySource: true }),
  version: z.number().int(),
});
export type ProjectListItem = z.infer<typeof ProjectListItem>;
export const ProjectsPage = z.object({ items: z.array(ProjectListItem), total: z.number().int() });

export const MilestoneView = z.object({
  id: z.uuid(),
  name: z.string(),
  plannedOn: z.string(),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
});
export type MilestoneView = z.infer<typeof MilestoneView>;

/** One project with its milestones and its funding by source. */
export const ProjectDetail = ProjectListItem.extend({
  notes: z.string().nullable(),
  milestones: z.array(MilestoneView),
  funding: ProjectFundingView,
  /** fourhaves.write covers the community: edit, milestones; funding.write: record allocations and spending. */
  capabilities: EditCapabilities.extend({ canFund: z.boolean() }),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

// ------------------------------------------------------------------ writes

const fields = {
  name: z.string().trim().min(1, '请填写项目名称 | name is required').max(100),
  kind: z.enum(PROJECT_KINDS),
  /** Premises (四有 用房) of the same community the project builds or renovates. */
  premisesId: z.uuid().nullable().optional(),
  areaM2: z.number().positive('面积须大于 0 | area must be positive').max(1_000_000).nullable().optional(),
  /** Yuan. */
  budget: yuan,
  plannedStart: dateStr.nullable().optional(),
  plannedEnd: dateStr.nullable().optional(),
  notes: z.string().trim().max(1000).nullable().optional(),
};

/** Register a project (state: planned, progress 0). */
export const CreateProjectRequest = z.object({ communityId: z.uuid(), ...fields });
export type CreateProjectRequest = z.infer<typeof CreateProjectRequest>;

/** Edit a project at the version read; 409 when someone changed it since. */
export const UpdateProjectRequest = z.object({
  version: Version,
  name: fields.name.optional(),
  kind: fields.kind.optional(),
  premisesId: fields.premisesId,
  areaM2: fields.areaM2,
  budget: yuan.optional(),
  plannedStart: fields.plannedStart,
  plannedEnd: fields.plannedEnd,
  state: z.enum(PROJECT_STATES).optional(),
  progressPercent: z.number().int().min(0, '进度为 0–100 | progress is 0–100').max(100, '进度为 0–100 | progress is 0–100').optional(),
  notes: fields.notes,
});
export type UpdateProjectRequest = z.infer<typeof UpdateProjectRequest>;

export const AddMilestoneRequest = z.object({
  name: z.string().trim().min(1, '请填写节点名称 | name is required').max(100),
  plannedOn: dateStr,
  note: z.string().trim().max(500).nullable().optional(),
});
export type AddMilestoneRequest = z.infer<typeof AddMilestoneRequest>;

/** Mark a milestone done (default: today). */
export const CompleteMilestoneRequest = z.object({ doneOn: dateStr.optional(), note: z.string().trim().max(500).nullable().optional() });
export type CompleteMilestoneRequest = z.infer<typeof CompleteMilestoneRequest>;

export const MilestoneParams = z.object({ id: z.uuid(), milestoneId: z.uuid() });

/** Delete a planned project at the version read. */
export const DeleteProjectQuery = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });
