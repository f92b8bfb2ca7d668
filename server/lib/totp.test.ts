import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchTotp, newTotpSecret, otpauthUri, totpCode, totpStep } from './totp';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP', () => {
  it('gives the RFC 6238 test vectors (8 digits, SHA-1)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) expect(totpCode(RFC_SECRET, totpStep(seconds * 1000), 8)).toBe(code);
  });

  it('round-trips base32 and matches the RFC 4648 examples', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
    expect(() => base32Decode('MZ1W')).toThrow();
  });

  it('accepts the code of the current step and of one step either side, and nothing further', () => {
    const secret = newTotpSecret();
    const at = 1_800_000_000_000;
    const step = totpStep(at);
    expect(matchTotp(secret, totpCode(secret, step), at)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, step - 1), at)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, step + 1), at)).toBe(step + 1);
    // A code two steps away is refused (unless it collides with a nearer one by chance, one in a million).
    const far = totpCode(secret, step - 2);
    if (![step - 1, step, step + 1].some((s) => totpCode(secret, s) === far)) expect(matchTotp(secret, far, at)).toBeNull();
  });

  it('refuses anything that is not six digits', () => {
    const secret = newTotpSecret();
    for (const code of ['', '12345', '1234567', 'abcdef', ' 123456', '１２３４５６']) expect(matchTotp(secret, code)).toBeNull();
  });

  it('builds the otpauth address authenticator apps read', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'admin');
    expect(uri.startsWith('otpauth://totp/Shequ%20%E7%A4%BE%E5%8C%BA%3Aadmin?')).toBe(true);
    const params = new URL(uri).searchParams;
    expect(params.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(params.get('period')).toBe('30');
    expect(params.get('digits')).toBe('6');
  });
});
