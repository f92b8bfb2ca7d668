// npm run text:check: list stored text holding U+FFFD (characters a broken decoder lost), with table, id,
// community and columns, so the affected rows can be corrected or imported again (exit 1 when any is found).
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { findDamagedText } from '../server/db/text-check';

const config = loadConfig();
const database = await openDatabase(config);
let found;
try {
  found = await findDamagedText(database);
} finally {
  await database.close();
}
if (found.length === 0) {
  console.log('未发现损坏的文字 / No stored text contains U+FFFD.');
} else {
  console.log(['表 table', 'id', '社区 community', '列 columns'].join('\t'));
  for (const f of found) console.log([f.table, f.id, f.communityId ? `${f.community ?? '?'} (${f.communityId})` : '-', f.columns.join(', ')].join('\t'));
  const tables = [...new Set(found.map((f) => f.table))].join(', ');
  console.error(
    `发现 ${found.length} 行含有 U+FFFD（${tables}）：请核对原始表格，修改或重新导入这些行 / ${found.length} rows contain U+FFFD (${tables}): correct them or import them again from the original file.`,
  );
  process.exit(1);
}
