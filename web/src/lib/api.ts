/**
 * The one way the web app talks to the server: same-origin JSON with the session cookie, the CSRF token
 * on state-changing requests, and the UI language in Accept-Language so error messages come back in it.
 */
import { getLang } from './i18n-store';

/** An error answer from the server, or a network failure (code NETWORK_ERROR). */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** Stable code from shared/errors.ts, e.g. AUTH_INVALID_CREDENTIALS. */
    readonly code: string,
    message: string,
    /** Extra context from the server (field errors, remainingAttempts, lockedUntil…). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
/** Remembers the CSRF token handed out by sign-in or /api/auth/me. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The CSRF token for requests that do not go through api(). */
export const getCsrfToken = () => csrfToken;

let onSessionExpired: () => void = () => window.location.assign('/session-expired');
/** What to do when the server says the session has expired (the app navigates to its page). */
export function setSessionExpiredHandler(handler: () => void) {
  onSessionExpired = handler;
}

/** Pages that must not bounce to the session-expired page (they are where the user goes next). */
const NO_REDIRECT = ['/login', '/session-expired'];

type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `path?query`, leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** Sends a request and returns the parsed JSON body; throws ApiError on any non-2xx answer. */
export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const lang = getLang();
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang === 'en' ? 'en' : 'zh-CN' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK_ERROR', lang === 'en' ? 'Cannot reach the server' : '无法连接服务器');
  }
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const error = new ApiError(response.status, e?.code ?? `HTTP_${response.status}`, e?.message ?? response.statusText, e?.details);
    if (error.code === 'AUTH_SESSION_EXPIRED' && !NO_REDIRECT.includes(window.location.pathname)) {
      csrfToken = null;
      onSessionExpired();
    }
    throw error;
  }
  return data as T;
}

/** True for an ApiError with the given code. */
export const isApiError = (err: unknown, code?: string): err is ApiError => err instanceof ApiError && (code === undefined || err.code === code);

/**
 * POSTs a multipart form through XMLHttpRequest, so that the upload's progress can be shown (fetch cannot
 * report it): the same cookie, CSRF token, language and ApiError as api(). With `fieldMessage`, a refusal
 * carries the first field's own message (wrong type, over the limit) instead of the headline.
 */
export function upload<T>(path: string, body: FormData, onProgress?: (percent: number) => void, options: { fieldMessage?: boolean } = {}): Promise<T> {
  const lang = getLang();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', lang === 'en' ? 'en' : 'zh-CN');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', lang === 'en' ? 'Cannot reach the server' : '无法连接服务器'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      const field = options.fieldMessage && Array.isArray(e?.details) ? (e.details[0] as { message?: string } | undefined)?.message : undefined;
      reject(new ApiError(xhr.status, e?.code ?? `HTTP_${xhr.status}`, field ?? e?.message ?? xhr.statusText, e?.details));
    };
    xhr.send(body);
  });
}
