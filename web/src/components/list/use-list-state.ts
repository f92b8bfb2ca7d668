import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

type Value = string | number | undefined;
/** A change of list parameters: the common ones and the page's own filters. */
type CommonPatch = { q?: Value; page?: Value; pageSize?: Value };
export type ListPatch<F extends string> = CommonPatch | (CommonPatch & { [K in F]?: Value });

/** A list's state as it lives in the URL: search text, page, page size and named filters. */
export interface ListState<F extends string> {
  /** The search text in effect (the URL's `q`). */
  q: string;
  /** The text as typed; it becomes `q` 300 ms after the last keystroke, or at once on Enter. */
  text: string;
  setText: (text: string) => void;
  page: number;
  pageSize: number;
  /** The filters' values, each falling back to its default. */
  filters: Record<F, string>;
  /**
   * Changes URL parameters (`undefined` or '' removes one, and a filter set to its default is removed);
   * any change but the page itself returns to page 1.
   */
  set: (patch: ListPatch<F>) => void;
}

/**
 * The state of a list page, kept in the URL (so a link or the back button restores it): search text with
 * a 300 ms debounce, page, page size and named filters with defaults.
 */
export function useListState<F extends string = never>(filterDefaults: Record<F, string> = {} as Record<F, string>, debounceMs = 300): ListState<F> {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const filters = Object.fromEntries(Object.entries(filterDefaults).map(([k, d]) => [k, params.get(k) ?? d])) as Record<F, string>;
  const [text, setText] = useState(q);

  const set: ListState<F>['set'] = (patch) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch) as [string, Value][]) {
          const isDefault = k in filterDefaults && String(v) === (filterDefaults as Record<string, string>)[k];
          if (v === undefined || v === '' || isDefault) next.delete(k);
          else next.set(k, String(v));
        }
        if (!('page' in patch)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  // The URL changed under us (back button, a link): show its text.
  useEffect(() => {
    setText((typed) => (typed.trim() === q ? typed : q));
  }, [q]);
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => set({ q: text.trim() }), debounceMs);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text starts a search
  }, [text]);

  return { q, text, setText, page, pageSize, filters, set };
}
