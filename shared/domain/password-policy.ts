/** The password rule: a minimum length and a minimum number of character classes (等保 level 3). */
export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
}

/** Which classes a password uses: lower, upper, digit, other. */
export function characterClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^a-zA-Z0-9]/.test(password)) n++;
  return n;
}

/** Returns the reasons a password fails the policy; an empty list means it passes. */
export function checkPassword(password: string, policy: PasswordPolicy, username?: string): ('too_short' | 'too_few_classes' | 'contains_username')[] {
  const problems: ('too_short' | 'too_few_classes' | 'contains_username')[] = [];
  if (password.length < policy.minLength) problems.push('too_short');
  if (characterClasses(password) < policy.minClasses) problems.push('too_few_classes');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('contains_username');
  return problems;
}
