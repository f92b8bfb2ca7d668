import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy';

const policy = { minLength: 8, minClasses: 3 };

describe('checkPassword', () => {
  it('accepts the demo password', () => {
    expect(checkPassword('Shequ@2026', policy)).toEqual([]);
  });
  it('refuses short passwords', () => {
    expect(checkPassword('Ab1!', policy)).toContain('too_short');
  });
  it('refuses passwords with fewer than three character classes', () => {
    expect(checkPassword('abcdefgh1', policy)).toEqual(['too_few_classes']);
  });
  it('refuses a password containing the username', () => {
    expect(checkPassword('Chengdong#1', policy, 'chengdong')).toEqual(['contains_username']);
  });
});
