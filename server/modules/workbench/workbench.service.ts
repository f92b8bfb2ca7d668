import type { RecentItemView, WorkbenchResponse } from '../../../shared/contracts/workbench';
import { compareNotices } from '../../../shared/domain/notices';
import { isOverdue, shortcutsFor, sortTodos } from '../../../shared/domain/workbench';
import { today as cityToday } from '../../lib/clock';
import { actorOf, type RequestContext } from '../../lib/context';
import type { ModuleManifest, WorkbenchContribution } from '../module';
import type { Services } from '../../services';
import type { WorkbenchRepository } from './workbench.repository';

/** How many recent records the 工作台 shows. */
const RECENT_SHOWN = 10;

/** Where a failing module is reported (the request's logger). */
export type WorkbenchLog = (module: string, err: unknown) => void;

/**
 * The 工作台 as a frame: every module's `workbench` hook is asked in parallel for its cards and 待办
 * items (each hook checks the actor's permissions and scope itself); a hook that fails is logged and
 * left out, so one broken module never breaks the page. Recent records come from the audit log,
 * shortcuts from the actor's permissions.
 */
export class WorkbenchService {
  constructor(
    private readonly repo: WorkbenchRepository,
    private readonly services: Services,
    private readonly modules: readonly ModuleManifest[],
  ) {}

  async forActor(ctx: RequestContext, log: WorkbenchLog): Promise<WorkbenchResponse> {
    const actor = actorOf(ctx);
    const day = cityToday();
    const withHooks = this.modules.filter((m) => m.workbench);
    const [settled, recent] = await Promise.all([
      Promise.allSettled(withHooks.map((m) => m.workbench!(this.services, ctx, day))),
      this.recent(ctx).catch((err: unknown) => {
        log('workbench.recent', err);
        return null;
      }),
    ]);
    const unavailable: string[] = [];
    const parts: WorkbenchContribution[] = [];
    settled.forEach((s, i) => {
      if (s.status === 'fulfilled') parts.push(s.value);
      else {
        unavailable.push(withHooks[i].name);
        log(withHooks[i].name, s.reason);
      }
    });
    if (recent === null) unavailable.push('recent');
    const todos = sortTodos(parts.flatMap((p) => p.todos ?? []));
    const notices = parts.some((p) => p.notices) ? parts.flatMap((p) => p.notices ?? []).sort(compareNotices) : undefined;
    return {
      today: day,
      cards: parts
        .flatMap((p) => p.cards ?? [])
        .map((c, i) => ({ c, i }))
        .sort((a, b) => (a.c.order ?? 100) - (b.c.order ?? 100) || a.i - b.i)
        .map(({ c: { order: _order, ...card } }) => card),
      todos: todos.map((t) => ({ ...t, overdue: isOverdue(t.dueDate, day) })),
      recent: recent ?? [],
      shortcuts: shortcutsFor(actor.permissions),
      ...(notices ? { notices } : {}),
      unavailable,
    };
  }

  /** The records the actor touched lately that they may still read (a record moved out of scope is left out). */
  private async recent(ctx: RequestContext): Promise<RecentItemView[]> {
    const actor = actorOf(ctx);
    const rows = await this.repo.recentObjects(actor.userId, RECENT_SHOWN * 3);
    const ids = (type: string) => rows.filter((r) => r.type === type).map((r) => r.id);
    const [names, addresses] = await Promise.all([
      this.services.residents.namesFor(actor, ids('resident')),
      this.services.households.addressesFor(actor, ids('household')),
    ]);
    const out: RecentItemView[] = [];
    for (const r of rows) {
      const title = r.type === 'resident' ? names.get(r.id) : addresses.get(r.id);
      if (title === undefined) continue;
      out.push({ type: r.type, id: r.id, title, action: r.action, at: r.at, link: `/${r.type === 'resident' ? 'residents' : 'households'}/${r.id}` });
      if (out.length === RECENT_SHOWN) break;
    }
    return out;
  }
}
