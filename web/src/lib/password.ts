import type { FormRule as Rule } from 'antd';
import { checkPassword, type PasswordPolicy } from '@shared/domain/password-policy';
import type { MessageKey } from './messages';

/**
 * The server's default password policy (PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES). Forms check it for a
 * quick answer; the server decides, and its message is shown if its settings are stricter.
 */
export const PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3 };

/** An antd form rule applying the policy (and, when given, the no-username rule). */
export function passwordRule(t: (key: MessageKey, params?: Record<string, unknown>) => string, username?: () => string | undefined): Rule {
  return {
    validator(_, value: string | undefined) {
      if (!value) return Promise.resolve();
      const problems = checkPassword(value, PASSWORD_POLICY, username?.());
      if (problems.includes('too_short')) return Promise.reject(new Error(t('password.tooShort', { n: PASSWORD_POLICY.minLength })));
      if (problems.includes('too_few_classes')) return Promise.reject(new Error(t('password.tooFewClasses', { n: PASSWORD_POLICY.minClasses })));
      if (problems.includes('contains_username')) return Promise.reject(new Error(t('password.containsUsername')));
      return Promise.resolve();
    },
  };
}
