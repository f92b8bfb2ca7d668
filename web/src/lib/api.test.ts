import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setCsrfToken, setSessionExpiredHandler, withQuery } from './api';
import { storeLang } from './i18n-store';

type Call = { url: string; init: RequestInit };
let calls: Call[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: {} };

beforeEach(() => {
  calls = [];
  answer = { status: 200, body: { ok: true } };
  vi.stubGlobal('window', { location: { pathname: '/residents', assign: vi.fn() } });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  });
  setCsrfToken('token-1');
  storeLang('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

const header = (c: Call, name: string) => (c.init.headers as Record<string, string>)[name];

describe('the fetch client', () => {
  it('sends the CSRF token on state-changing requests only', async () => {
    await api('GET', '/api/auth/me');
    await api('POST', '/api/auth/logout', {});
    expect(header(calls[0], 'x-csrf-token')).toBeUndefined();
    expect(header(calls[1], 'x-csrf-token')).toBe('token-1');
    expect(calls[1].init.credentials).toBe('same-origin');
    expect(calls[1].init.body).toBe('{}');
  });

  it('asks for messages in the UI language', async () => {
    await api('GET', '/api/x');
    storeLang('en');
    await api('GET', '/api/x');
    expect(header(calls[0], 'accept-language')).toBe('zh-CN');
    expect(header(calls[1], 'accept-language')).toBe('en');
  });

  it('throws an ApiError with the code, message and details of the answer', async () => {
    answer = { status: 401, body: { error: { code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误', details: { remainingAttempts: 3 } } } };
    const err = await api('POST', '/api/auth/login', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误', details: { remainingAttempts: 3 } });
  });

  it('sends the user to the session-expired page when the session has expired', async () => {
    const expired = vi.fn();
    setSessionExpiredHandler(expired);
    answer = { status: 401, body: { error: { code: 'AUTH_SESSION_EXPIRED', message: '登录已过期' } } };
    await expect(api('GET', '/api/regions/tree')).rejects.toMatchObject({ code: 'AUTH_SESSION_EXPIRED' });
    expect(expired).toHaveBeenCalledOnce();
  });

  it('does not bounce away from the sign-in page', async () => {
    const expired = vi.fn();
    setSessionExpiredHandler(expired);
    vi.stubGlobal('window', { location: { pathname: '/login' } });
    answer = { status: 401, body: { error: { code: 'AUTH_SESSION_EXPIRED', message: '登录已过期' } } };
    await expect(api('GET', '/api/auth/me')).rejects.toBeInstanceOf(ApiError);
    expect(expired).not.toHaveBeenCalled();
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/api/audit', { page: 2, username: '', action: undefined, q: '张 三' })).toBe('/api/audit?page=2&q=%E5%BC%A0+%E4%B8%89');
    expect(withQuery('/api/audit', {})).toBe('/api/audit');
  });
});
