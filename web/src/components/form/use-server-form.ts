import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError, isApiError } from '../../lib/api';

type FieldData = Parameters<FormInstance['setFields']>[0][number];

/**
 * A 400's `details` (`[{ path, message }]`) as field errors of this form: the leading `body.` is stripped,
 * `rename` moves a server path onto the field that shows it (`opensOn` → `window`), and only the `fields`
 * the form has are kept; a path inside a list field (`tiers.1.max` under `tiers`) names that row's field.
 * Empty for any other error.
 */
export function serverFieldErrors(err: unknown, fields: readonly string[], rename: Record<string, string> = {}): FieldData[] {
  if (!isApiError(err) || !Array.isArray(err.details)) return [];
  const errors = new Map<string, string[]>();
  for (const d of err.details as { path?: unknown; message?: unknown }[]) {
    const path = String(d?.path ?? '').replace(/^body\./, '');
    const name = rename[path] ?? path;
    if (!fields.some((f) => name === f || name.startsWith(`${f}.`))) continue;
    errors.set(name, [...(errors.get(name) ?? []), typeof d.message === 'string' && d.message ? d.message : err.message]);
  }
  return [...errors].map(([name, list]) => ({
    name: name.includes('.') ? name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : name,
    errors: list,
  }));
}

/** Puts a 400's field errors on the form (see serverFieldErrors); true when at least one landed. */
export function applyServerFieldErrors<V>(form: FormInstance<V>, err: unknown, fields: readonly string[], rename?: Record<string, string>): boolean {
  const found = serverFieldErrors(err, fields, rename);
  if (found.length) form.setFields(found as Parameters<FormInstance<V>['setFields']>[0]);
  return found.length > 0;
}

export interface ServerFormErrorsOptions {
  /** The form's field names a 400 may point at; a path outside them falls through to the error alert. */
  fields: readonly string[];
  /** Server paths shown under another field, e.g. `{ opensOn: 'window' }`. */
  rename?: Record<string, string>;
  /** What a 409 VERSION_CONFLICT does instead of showing the error alert (reload, or say so and close). */
  onConflict?: (err: ApiError) => void | Promise<void>;
  /** The error alert's text (default: the server's message). */
  problemOf?: (err: Error) => string;
}

export interface ServerFormErrors {
  /** The text of the error alert, or null. */
  problem: string | null;
  /** Clears the alert (call it when a new save starts). */
  clear: () => void;
  /** The save's error handler: a stale version, field errors onto their fields, or the alert. */
  fail: (err: unknown) => Promise<void>;
}

/**
 * What a form does with a refused save: 409 VERSION_CONFLICT → `onConflict`; a 400 whose details name
 * fields of this form → those fields' errors; anything else → an error alert with the server's message.
 */
export function useServerFormErrors<V>(form: FormInstance<V>, { fields, rename, onConflict, problemOf }: ServerFormErrorsOptions): ServerFormErrors {
  const [problem, setProblem] = useState<string | null>(null);
  const clear = useCallback(() => setProblem(null), []);
  const fail = async (err: unknown) => {
    if (onConflict && isApiError(err, 'VERSION_CONFLICT')) return void (await onConflict(err));
    if (applyServerFieldErrors(form, err, fields, rename)) return;
    const error = err instanceof Error ? err : new Error(String(err));
    setProblem(problemOf ? problemOf(error) : error.message);
  };
  return { problem, clear, fail };
}

export interface VersionedSaveOptions<T extends { version: number }, V> extends Omit<ServerFormErrorsOptions, 'onConflict'> {
  /** What the form was filled from: the save sends its version. */
  initial: T;
  /** Loads the latest object after a 409 (its values replace the form's). */
  reload: () => Promise<T | undefined>;
  /** The form's values for an object. */
  valuesOf: (o: T) => V;
}

export interface VersionedSave<T> extends ServerFormErrors {
  /** The object the form was last filled from (what `base.version` a save sends). */
  base: T;
  /** True after a 409: the form shows the latest values and the user should check them and save again. */
  stale: boolean;
  /**
   * Sends the save built from `base` (the version read), then `onSuccess` with its answer; a refusal goes
   * to `fail`. The alerts are cleared first.
   */
  run: <R>(send: (base: T) => Promise<R>, onSuccess: (saved: R) => void) => Promise<void>;
}

/**
 * A save at the version read that never overwrites silently: when someone else saved in between (409
 * VERSION_CONFLICT) the latest object is loaded, its values are put in the form and `stale` is set (the
 * form shows the warning); a 400 lands on the fields it names; anything else is the error alert.
 */
export function useVersionedSave<T extends { version: number }, V>(
  form: FormInstance<V>,
  { initial, reload, valuesOf, ...options }: VersionedSaveOptions<T, V>,
): VersionedSave<T> {
  const [base, setBase] = useState(initial);
  const [stale, setStale] = useState(false);
  const errors = useServerFormErrors(form, {
    ...options,
    onConflict: async () => {
      const latest = await reload();
      if (latest) {
        setBase(latest);
        form.setFieldsValue(valuesOf(latest) as Parameters<FormInstance<V>['setFieldsValue']>[0]);
      }
      setStale(true);
    },
  });
  const run = async <R>(send: (base: T) => Promise<R>, onSuccess: (saved: R) => void) => {
    errors.clear();
    let saved: R;
    try {
      saved = await send(base);
    } catch (err) {
      return errors.fail(err);
    }
    onSuccess(saved);
  };
  return { ...errors, base, stale, run };
}
