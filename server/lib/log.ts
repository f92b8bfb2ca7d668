/**
 * A URL for the request log with every query value replaced by `*`: search texts can be ID numbers, names
 * or phone numbers, which the log must not keep. The parameter names stay, for debugging.
 */
export function redactQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((p) => (p.includes('=') ? `${p.slice(0, p.indexOf('='))}=*` : p));
  return `${url.slice(0, q)}?${params.join('&')}`;
}
