// npm run crash:drill [-- --db pglite|pg --rounds 3 --term-rounds 1 --writes 300 --concurrency 48 --residents 300]
//
// Crash safety and graceful shutdown, on the real server process with a throw-away database (a temporary
// DATA_DIR for PGlite; database shequ_rel_crash_<time> on DATABASE_URL's server or 127.0.0.1 for pg):
//  - SIGKILL rounds: a community worker fires concurrent writes (creates, and PATCH edits carrying the
//    version they read); the server is killed in the middle; it is restarted and every acknowledged (2xx)
//    write must be there with its acknowledged content and version. A write whose answer never came may
//    have happened or not, but wholly: it is resolved against the restarted server.
//  - SIGTERM rounds: the same load, then SIGTERM in the middle; new requests stop. Every request the server
//    had started must be answered before it exits with code 0, promptly: a write in flight that got no
//    answer must not have taken effect (a request still in the accept queue or unread in its socket buffer
//    when the server closes is reset unprocessed: on PGlite the busy event loop leaves many there; the drill
//    counts those apart).
// At the end the server is stopped and the database is opened directly: every drill resident must have
// exactly one residents.create audit entry and one register move, (version - 1) residents.update audit
// entries, the acknowledged content, and the audit hash chain must verify. Exits 1 on any loss.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeIdNumber } from '../shared/domain/id-number';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { AuditService } from '../server/modules/audit/audit.service';
import { ApiClient, createScratch, freePort, gridsOf, LiveServer, percentile, serverEnv, sleep, type Reply } from './live-server';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    rounds: { type: 'string', default: '3' },
    'term-rounds': { type: 'string', default: '1' },
    writes: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '48' },
    residents: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  console.log('usage: npm run crash:drill -- [--db pglite|pg] [--rounds 3] [--term-rounds 1] [--writes 300] [--concurrency 48] [--residents 300] [--keep]');
  process.exit(0);
}
const kind = args.db === 'pg' || args.db === 'postgres' ? 'pg' : 'pglite';
const killRounds = Number(args.rounds);
const termRounds = Number(args['term-rounds']);
const writesPerRound = Number(args.writes);
const concurrency = Number(args.concurrency);
const TAG = 'crash-drill';

interface Content {
  name: string;
  phone: string;
  notes: string;
}

/** One resident the drill wrote, and what the server acknowledged about it. */
interface Tracked {
  idNumber: string;
  gridId: string;
  sent: Content;
  id?: string;
  /** acked: the create was answered 201; unknown: no answer came; absent: it was never created. */
  state: 'pending' | 'acked' | 'unknown' | 'absent';
  version: number;
  content: Content;
  /** An edit whose answer never came (the server died): it may or may not have happened. */
  uncertain?: { version: number; content: Content };
  /** The unanswered create or edit was in flight at a SIGTERM: a graceful stop must answer whatever it processed. */
  unansweredAtTerm?: boolean;
  busy: boolean;
}

interface RoundStats {
  round: number;
  signal: 'SIGKILL' | 'SIGTERM';
  sent: number;
  acked: number;
  conflicts: number;
  otherStatus: Record<string, number>;
  networkErrors: number;
  /** Why the unanswered requests got no answer (ECONNRESET, ECONNREFUSED …). */
  errorCodes: Record<string, number>;
  inflightAtSignal: number;
  inflightAnswered: number;
  inflightFailed: number;
  exit: string;
  exitMs: number;
  restartMs: number;
  writesPerSecond: number;
  p50: number;
  p99: number;
}

const problems: string[] = [];
const tracked: Tracked[] = [];
let idCounter = 0;
let editCounter = 0;

function newResident(round: number, gridId: string): Tracked {
  idCounter += 1;
  // Birth dates one day apart from 1950 and a region code the demo city does not use: unique numbers.
  const birth = new Date(Date.UTC(1950, 0, 1) + idCounter * 86_400_000).toISOString().slice(0, 10);
  const idNumber = makeIdNumber('110101', birth, (idCounter * 7) % 1000, idCounter % 2 ? 'M' : 'F');
  const sent = { name: `演练${round}号${idCounter}`, phone: `139${String(10_000_000 + idCounter).slice(-8)}`, notes: `${TAG} r${round} c${idCounter}` };
  return { idNumber, gridId, sent, state: 'pending', version: 0, content: sent, busy: false };
}

const same = (a: Content, b: { name?: unknown; notes?: unknown }) => a.name === b.name && a.notes === b.notes;

async function runLoad(
  api: ApiClient,
  server: LiveServer,
  round: number,
  grids: string[],
  sig: 'SIGKILL' | 'SIGTERM',
): Promise<Omit<RoundStats, 'exit' | 'exitMs' | 'restartMs'> & { signalledAt: number }> {
  const killAt = Math.floor(writesPerRound * (0.3 + Math.random() * 0.4));
  const stats = {
    round,
    signal: sig,
    sent: 0,
    acked: 0,
    conflicts: 0,
    otherStatus: {} as Record<string, number>,
    networkErrors: 0,
    errorCodes: {} as Record<string, number>,
  };
  const inflight = new Set<{ done: boolean; answered: boolean }>();
  let atSignal: { done: boolean; answered: boolean }[] = [];
  let stopped = false;
  let signalledAt = 0;
  const latencies: number[] = [];
  const started = performance.now();

  const fire = async (call: () => Promise<Reply>): Promise<Reply> => {
    const mark = { done: false, answered: false };
    inflight.add(mark);
    stats.sent += 1;
    const reply = await call();
    mark.done = true;
    mark.answered = reply.status !== 0;
    inflight.delete(mark);
    if (reply.status === 0) {
      stats.networkErrors += 1;
      stats.errorCodes[reply.error ?? '?'] = (stats.errorCodes[reply.error ?? '?'] ?? 0) + 1;
    } else latencies.push(reply.ms);
    if (reply.status >= 200 && reply.status < 300) {
      stats.acked += 1;
      if (stats.acked >= killAt && !stopped) {
        stopped = true;
        signalledAt = performance.now();
        atSignal = [...inflight];
        server.signal(sig);
      }
    } else if (reply.status === 409) stats.conflicts += 1;
    else if (reply.status !== 0) stats.otherStatus[reply.status] = (stats.otherStatus[reply.status] ?? 0) + 1;
    return reply;
  };

  const create = async () => {
    const r = newResident(round, grids[Math.floor(Math.random() * grids.length)]);
    tracked.push(r);
    const reply = await fire(() =>
      api.post('/api/residents', { name: r.sent.name, idNumber: r.idNumber, gridId: r.gridId, phone: r.sent.phone, notes: r.sent.notes }),
    );
    if (reply.status === 201) {
      const body = reply.body as { id: string; version: number; name: string; notes: string };
      r.id = body.id;
      r.state = 'acked';
      r.version = body.version;
      if (body.version !== 1 || !same(r.sent, body))
        problems.push(`round ${round}: create of ${r.sent.name} answered with other content: ${JSON.stringify(body).slice(0, 200)}`);
    } else if (reply.status === 0) {
      r.state = 'unknown';
      r.unansweredAtTerm = sig === 'SIGTERM';
    } else r.state = 'absent';
  };

  const edit = async (r: Tracked) => {
    r.busy = true;
    editCounter += 1;
    const content = {
      name: `${r.sent.name}改${editCounter}`,
      phone: `137${String(10_000_000 + editCounter).slice(-8)}`,
      notes: `${TAG} r${round} e${editCounter}`,
    };
    const reply = await fire(() => api.patch(`/api/residents/${r.id}`, { version: r.version, ...content }));
    if (reply.status === 200) {
      const body = reply.body as { version: number; name: string; notes: string };
      if (body.version !== r.version + 1 || !same(content, body))
        problems.push(`round ${round}: edit of ${r.id} answered v${body.version}, expected v${r.version + 1}`);
      r.version = body.version;
      r.content = content;
    } else if (reply.status === 0) {
      r.uncertain = { version: r.version + 1, content };
      r.unansweredAtTerm = sig === 'SIGTERM';
    } else if (reply.status === 409) {
      problems.push(`round ${round}: unexpected 409 editing ${r.id} at v${r.version} (one edit at a time per resident)`);
    }
    r.busy = false;
  };

  const worker = async () => {
    while (!stopped && stats.sent < writesPerRound * 2) {
      const editable = tracked.filter((t) => t.state === 'acked' && !t.busy && !t.uncertain);
      if (editable.length < 20 || Math.random() < 0.4) await create();
      else await edit(editable[Math.floor(Math.random() * editable.length)]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (!stopped) {
    // Fewer acknowledgements than planned (errors): signal anyway so that the round still tests recovery.
    problems.push(`round ${round}: only ${stats.acked} writes acknowledged out of ${stats.sent}; signalled at the end`);
    signalledAt = performance.now();
    server.signal(sig);
  }
  const seconds = ((signalledAt || performance.now()) - started) / 1000;
  return {
    ...stats,
    signalledAt,
    inflightAtSignal: atSignal.length,
    inflightAnswered: atSignal.filter((m) => m.answered).length,
    inflightFailed: atSignal.filter((m) => !m.answered).length,
    writesPerSecond: Math.round(stats.acked / seconds),
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
  };
}

/** Checks every tracked resident against the (restarted) server and resolves the writes whose answer never came. */
async function verifyOverHttp(api: ApiClient, label: string): Promise<{ checked: number; resolved: string[] }> {
  const resolved = { createdUnanswered: 0, notCreated: 0, editApplied: 0, editNotApplied: 0 };
  let checked = 0;
  const queue = tracked.filter((t) => t.state === 'acked' || t.state === 'unknown');
  const one = async (r: Tracked) => {
    if (r.state === 'unknown') {
      const found = await api.get(`/api/residents?q=${r.idNumber}&status=all`);
      const items = (found.body as { items?: { id: string }[] }).items ?? [];
      if (found.status !== 200) return void problems.push(`${label}: search for an unanswered create failed: ${found.status}`);
      if (items.length === 0) {
        r.state = 'absent';
        resolved.notCreated += 1;
        return;
      }
      r.id = items[0].id;
      r.state = 'acked';
      if (r.unansweredAtTerm) problems.push(`${label}: a create was processed during the SIGTERM drain but its answer never came`);
      r.version = 1;
      resolved.createdUnanswered += 1;
    }
    const res = await api.get(`/api/residents/${r.id}`);
    checked += 1;
    if (res.status !== 200) return void problems.push(`${label}: LOST acknowledged resident ${r.id} (${r.content.name}): GET answered ${res.status}`);
    const body = res.body as { version: number; name: string; notes: string };
    if (r.uncertain) {
      if (body.version === r.uncertain.version && same(r.uncertain.content, body)) {
        r.version = r.uncertain.version;
        r.content = r.uncertain.content;
        if (r.unansweredAtTerm) problems.push(`${label}: an edit of ${r.id} was processed during the SIGTERM drain but its answer never came`);
        resolved.editApplied += 1;
      } else if (body.version === r.version && same(r.content, body)) resolved.editNotApplied += 1;
      else problems.push(`${label}: resident ${r.id} is neither before nor after its unanswered edit: v${body.version} ${body.name}`);
      r.uncertain = undefined;
      r.unansweredAtTerm = false;
    } else if (body.version !== r.version || !same(r.content, body)) {
      problems.push(`${label}: resident ${r.id} differs from its acknowledged state: v${body.version} "${body.name}" vs v${r.version} "${r.content.name}"`);
    }
  };
  for (let i = 0; i < queue.length; i += 16) await Promise.all(queue.slice(i, i + 16).map(one));
  return {
    checked,
    resolved: [
      `${resolved.createdUnanswered} unanswered creates had happened, ${resolved.notCreated} had not`,
      `${resolved.editApplied} unanswered edits had happened, ${resolved.editNotApplied} had not`,
    ],
  };
}

/** Opens the stopped server's database directly: acknowledged content, audit entries and moves, the hash chain. */
async function deepCheck(env: Record<string, string>): Promise<string[]> {
  const config = loadConfig(env);
  const database = await openDatabase(config);
  const lines: string[] = [];
  try {
    const rows = await database.query<{ id: string; name: string; phone: string | null; notes: string; version: number }>(
      `SELECT id, name, phone, notes, version FROM residents WHERE notes LIKE '${TAG}%'`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const acked = tracked.filter((t) => t.state === 'acked');
    for (const t of acked) {
      const row = byId.get(t.id!);
      if (!row) problems.push(`deep check: LOST resident ${t.id} (${t.content.name})`);
      else if (row.version !== t.version || row.name !== t.content.name || row.phone !== t.content.phone || row.notes !== t.content.notes)
        problems.push(
          `deep check: resident ${t.id} is v${row.version} ${row.name} ${row.phone}, acknowledged v${t.version} ${t.content.name} ${t.content.phone}`,
        );
    }
    const known = new Set(acked.map((t) => t.id));
    for (const row of rows) if (!known.has(row.id)) problems.push(`deep check: resident ${row.id} (${row.name}) exists but the drill never saw it created`);
    const ids = rows.map((r) => r.id);
    const audits = await database.query<{ object_id: string; action: string; n: number }>(
      `SELECT object_id, action, count(*)::int AS n FROM audit_log WHERE action IN ('residents.create', 'residents.update') AND object_id = ANY($1) GROUP BY 1, 2`,
      [ids],
    );
    const moves = await database.query<{ resident_id: string; n: number }>(
      `SELECT resident_id, count(*)::int AS n FROM resident_moves WHERE move_type = 'register' AND resident_id = ANY($1::uuid[]) GROUP BY 1`,
      [ids],
    );
    const count = (id: string, action: string) => audits.find((a) => a.object_id === id && a.action === action)?.n ?? 0;
    const moveCount = new Map(moves.map((m) => [m.resident_id, m.n]));
    let halfWritten = 0;
    for (const row of rows) {
      const creates = count(row.id, 'residents.create');
      const updates = count(row.id, 'residents.update');
      if (creates !== 1 || updates !== row.version - 1 || moveCount.get(row.id) !== 1) {
        halfWritten += 1;
        problems.push(
          `deep check: resident ${row.id} v${row.version} has ${creates} create and ${updates} update audit entries, ${moveCount.get(row.id) ?? 0} register moves`,
        );
      }
    }
    const verdict = await new AuditService(database.db, config.audit.retentionDays).verify();
    if (!verdict.ok) problems.push(`deep check: audit chain broken at seq ${verdict.brokenAt} (${verdict.reason})`);
    lines.push(
      `deep check: ${rows.length} drill residents in the database, ${acked.length} acknowledged; ${halfWritten} half-written; ` +
        `audit chain ${verdict.ok ? 'intact' : 'BROKEN'} (${verdict.checked} entries)`,
    );
  } finally {
    await database.close();
  }
  return lines;
}

async function main() {
  const pgServer = kind === 'pg' ? (loadConfig().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres') : undefined;
  const scratch = await createScratch(kind, 'crash', pgServer);
  const port = await freePort();
  const env = serverEnv(scratch, port, { SEED_RESIDENTS: args.residents! });
  const server = new LiveServer(env, path.join(scratch.dir, 'server.log'));
  const rounds: RoundStats[] = [];
  const notes: string[] = [];
  console.log(`Crash drill on ${kind === 'pg' ? `PostgreSQL (${scratch.databaseUrl})` : `PGlite (${scratch.dataDir})`}, port ${port}`);
  try {
    const firstStart = await server.start();
    console.log(`  server up in ${(firstStart / 1000).toFixed(1)} s (seeded ${args.residents} residents)`);
    const plan: ('SIGKILL' | 'SIGTERM')[] = [...Array<'SIGKILL'>(killRounds).fill('SIGKILL'), ...Array<'SIGTERM'>(termRounds).fill('SIGTERM')];
    for (let i = 0; i < plan.length; i++) {
      const api = new ApiClient(server.base);
      await api.login('chengdong');
      const grids = await gridsOf(api);
      const load = await runLoad(api, server, i + 1, grids, plan[i]);
      const exit = await Promise.race([server.exited, sleep(60_000).then(() => null)]);
      if (!exit) {
        problems.push(`round ${i + 1}: the server did not exit within 60 s of ${plan[i]}`);
        server.signal('SIGKILL');
        await server.exited;
      }
      // From the signal to the process's exit: for SIGTERM, the drain of the requests in flight.
      const exitMs = server.exitedAt - load.signalledAt;
      const exitText = exit ? (exit.signal ?? `code ${exit.code}`) : 'hung';
      if (plan[i] === 'SIGTERM') {
        if (exit?.code !== 0) problems.push(`round ${i + 1}: after SIGTERM the server exited with ${exitText}, expected code 0`);
        // A request still in the accept queue or unread in its socket buffer when the server closes is reset
        // unprocessed (verifyOverHttp fails the drill if such a write took effect after all).
        if (load.inflightFailed > 0)
          notes.push(
            `round ${i + 1}: ${load.inflightFailed} of ${load.inflightAtSignal} requests in flight at SIGTERM were reset before the server read them (none took effect, or the drill fails)`,
          );
        if (kind === 'pglite' && fs.existsSync(path.join(scratch.dataDir, 'pglite', 'shequ.lock')))
          problems.push(`round ${i + 1}: the PGlite lock file was left behind`);
      }
      const restartMs = await server.start();
      // Sessions live in the database: the one signed in before the crash must still work.
      const me = await api.get('/api/auth/me');
      if (me.status !== 200) {
        notes.push(`round ${i + 1}: the session did not survive the restart (${me.status}); signed in again`);
        await api.login('chengdong');
      }
      const check = await verifyOverHttp(api, `round ${i + 1}`);
      const { signalledAt: _s, ...stats } = load;
      rounds.push({ ...stats, exit: exitText, exitMs: Math.round(exitMs), restartMs: Math.round(restartMs) });
      console.log(
        `  round ${i + 1} ${plan[i]}: ${load.sent} writes sent, ${load.acked} acknowledged (${load.writesPerSecond}/s, p50 ${load.p50} ms, p99 ${load.p99} ms), ` +
          `${load.conflicts} conflicts, ${load.networkErrors} unanswered ${JSON.stringify(load.errorCodes)}; in flight at signal ${load.inflightAtSignal} ` +
          `(answered ${load.inflightAnswered}); exit ${exitText} after ${Math.round(exitMs)} ms; restart ${(restartMs / 1000).toFixed(1)} s; ` +
          `verified ${check.checked} residents; ${check.resolved.join('; ')}`,
      );
    }
    const stop = await server.stop();
    if (stop.code !== 0) problems.push(`final stop: exit ${stop.signal ?? stop.code}`);
    notes.push(...(await deepCheck(env)));
  } catch (err) {
    problems.push(`drill error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    server.signal('SIGKILL');
  } finally {
    await server.exited;
    if (args.keep) console.log(`  kept ${scratch.dir}${scratch.databaseUrl ? ` and ${scratch.databaseUrl}` : ''}`);
    else await scratch.dispose();
  }

  const acked = tracked.filter((t) => t.state === 'acked').length;
  console.log('');
  console.log('round  signal   sent  acked  409  unanswered  in-flight→answered  exit      exit ms  restart s  writes/s  p50  p99');
  for (const r of rounds) {
    console.log(
      [
        String(r.round).padEnd(5),
        r.signal.padEnd(7),
        String(r.sent).padStart(5),
        String(r.acked).padStart(6),
        String(r.conflicts).padStart(4),
        String(r.networkErrors).padStart(11),
        `${r.inflightAtSignal}→${r.inflightAnswered}`.padStart(19),
        r.exit.padEnd(8),
        String(r.exitMs).padStart(8),
        (r.restartMs / 1000).toFixed(1).padStart(10),
        String(r.writesPerSecond).padStart(9),
        String(r.p50).padStart(4),
        String(r.p99).padStart(4),
        Object.keys(r.otherStatus).length ? ` other: ${JSON.stringify(r.otherStatus)}` : '',
      ].join('  '),
    );
  }
  for (const n of notes) console.log(n);
  console.log(`${tracked.length} residents attempted, ${acked} present and verified.`);
  if (problems.length > 0) {
    console.error(`\n崩溃演练失败 / Crash drill FAILED (${problems.length} problems):`);
    for (const p of problems.slice(0, 50)) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log('崩溃演练通过 / Crash drill PASSED: no acknowledged write lost, nothing half-written.');
}

await main();
