/** The two languages of the UI and the API's messages. */
export type Lang = 'zh' | 'en';

/** Picks zh or en from an Accept-Language header; Chinese is the default. */
export function pickLang(header: string | undefined): Lang {
  if (!header) return 'zh';
  const tags = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh';
}
