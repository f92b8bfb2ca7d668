/**
 * What a photo or document of premises may be, decided by its first bytes (magic numbers), never by the
 * name or the type the browser claims. Pure: no database, no HTTP.
 */

/** The kinds of file a premises row keeps: photos are shown as thumbnails, documents listed. */
export type PremisesFileKind = 'photo' | 'document';

export interface SniffedType {
  kind: PremisesFileKind;
  contentType: string;
  /** The extension the download is given (the uploaded name's own is not trusted). */
  extension: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The accepted types, for the upload area's hint. */
export const PREMISES_FILE_TYPES = ['JPEG', 'PNG', 'PDF', 'DOCX', 'XLSX'] as const;

const startsWith = (data: Uint8Array, magic: number[]) => data.length >= magic.length && magic.every((b, i) => data[i] === b);

/** Whether `needle` (ASCII) occurs among the first `limit` bytes (a ZIP's first entry names sit there). */
function contains(data: Uint8Array, needle: string, limit = 64 * 1024): boolean {
  const n = [...needle].map((c) => c.charCodeAt(0));
  const end = Math.min(data.length, limit) - n.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < n.length; j++) if (data[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The type of a file from its content: JPEG, PNG, PDF, or an Office Open XML document (a ZIP holding
 * `word/` or `xl/` parts). null for anything else (an executable renamed .jpg, a plain ZIP, HTML …).
 */
export function sniffPremisesFile(data: Uint8Array): SniffedType | null {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return { kind: 'photo', contentType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'photo', contentType: 'image/png', extension: 'png' };
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'document', contentType: 'application/pdf', extension: 'pdf' };
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) && contains(data, '[Content_Types].xml')) {
    if (contains(data, 'word/')) return { kind: 'document', contentType: DOCX, extension: 'docx' };
    if (contains(data, 'xl/')) return { kind: 'document', contentType: XLSX, extension: 'xlsx' };
  }
  return null;
}

/**
 * A file name safe to show and to put in a Content-Disposition header: no path, no control characters or
 * quotes, at most 120 characters, ending in the extension of the sniffed type.
 */
export function safeFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|:*?;]/g, '_')
    .trim()
    .replace(/^\.+/, '');
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 110) || 'file';
  return `${stem}.${extension}`;
}
