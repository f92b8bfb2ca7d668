/**
 * Copies of RESIDENTS_TOTAL_CAP and RESIDENTS_EXPORT_CAP from shared/contracts/residents.ts: importing the
 * contract's values would bring zod into the pages. registry-ui.test.ts checks that they agree.
 */
export const RESIDENTS_TOTAL_CAP = 10_000;
export const RESIDENTS_EXPORT_CAP = 100_000;
