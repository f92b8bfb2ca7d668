// npm run audit:verify: walk the audit log's hash chain, check its start against the last retention purge
// and its end against the anchors (audit_anchors and AUDIT_ANCHOR_FILE); report the first problem (exit 1).
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { AuditService } from '../server/modules/audit/audit.service';

const REASONS: Record<string, string> = {
  hash_mismatch: '内容被篡改 / an entry was altered',
  link_mismatch: '链接断开 / an entry was removed',
  head_cut: '开头的记录被删除（非保留期清理）/ entries deleted at the start, not by the retention purge',
  tail_cut: '末尾的记录被删除 / the chain ends before the newest anchor',
  anchor_mismatch: '与锚点不符 / the entry at an anchored seq is missing or differs (chain rewritten)',
};

const config = loadConfig();
const database = await openDatabase(config);
const verdict = await new AuditService(database.db, config.audit.retentionDays, config.audit.anchorFile).verify();
await database.close();
const anchors = `${verdict.anchors} anchors${verdict.lastAnchor ? `, newest seq ${verdict.lastAnchor.seq} at ${verdict.lastAnchor.at}` : ''}`;
if (verdict.ok) {
  console.log(`审计链完整 / Audit chain intact: ${verdict.checked} entries (seq ${verdict.firstSeq ?? '-'}…${verdict.lastSeq ?? '-'}); ${anchors}.`);
} else {
  console.error(
    `审计链断裂 / Audit chain BROKEN at seq ${verdict.brokenAt}: ${REASONS[verdict.reason ?? ''] ?? verdict.reason}; ${verdict.checked} entries verified before it; ${anchors}.`,
  );
  process.exit(1);
}
