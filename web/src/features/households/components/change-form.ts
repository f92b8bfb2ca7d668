import dayjs, { type Dayjs } from 'dayjs';
import { relationsOnArrival } from '@shared/domain/households';
import { isApiError } from '../../../lib/api';
import type { Lang } from '../../../lib/i18n';
import { options } from '../../residents/labels';
import { useHouseholdsT, zh, type HouseholdsMessageKey } from '../messages';

/** How the change dialogs send a date. */
export const DAY = 'YYYY-MM-DD';

/** A change takes effect today or earlier, never in the future. */
export const afterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** The relations offered for a resident joining a household (`head` only when it has none). */
export const relationOptions = (lang: Lang, hasHead: boolean) => options('relation', lang, relationsOnArrival(hasHead));

/** The server's message, or ours for a CONFLICT whose reason we know. */
export function useChangeErrorText() {
  const t = useHouseholdsT();
  return (err: Error) => {
    const reason = isApiError(err, 'CONFLICT') ? (err.details as { reason?: string } | undefined)?.reason : undefined;
    const key = `conflict.${reason}`;
    return reason && key in zh ? t(key as HouseholdsMessageKey) : err.message;
  };
}
