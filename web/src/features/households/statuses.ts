/**
 * HOUSEHOLD_STATUSES of shared/contracts/households.ts (importing the contract's values would bring zod into
 * the pages). registry-ui.test.ts checks that they agree.
 */
export const HOUSEHOLD_STATUSES = ['active', 'merged', 'dissolved'] as const;
