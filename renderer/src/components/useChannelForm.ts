import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, type UseFormReturn, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { type Channel, type InputOf, type OutputOf, contract } from '@shared/contract';
import { ApiCallError, call } from '../api/client';

interface Options<V extends FieldValues, C extends Channel> {
  defaultValues: DefaultValues<V>;
  /** What the form's values send (text turned into minor units, a picked member into its id…); the values themselves by default. */
  toInput?: (values: V) => InputOf<C>;
  /** The schema checked before sending; the channel's own by default. */
  schema?: z.ZodType;
  /** A channel's field shown under another name on the form (`{ hostMemberId: 'host' }`). */
  fieldOf?: Partial<Record<string, Path<V>>>;
  /** Where a refusal that names no field on the form is shown (a PIN box, say); with the buttons otherwise. */
  fallbackField?: Path<V>;
  /** After a success; `form` to reset it, say. */
  onSaved?: (output: OutputOf<C>, values: V, form: UseFormReturn<V>) => void | Promise<void>;
  /** Names of the form's fields in words: the note after saving then says which of them changed. */
  labels?: Partial<Record<keyof V & string, string>>;
}

/**
 * One way to fill in and send a command: react-hook-form for the values, the contract's zod schema
 * checked before sending, and every refusal (the schema's here, the server's there) shown next to
 * the field it concerns; what concerns no field on the form is `formError`, shown with the buttons.
 */
export function useChannelForm<V extends FieldValues, C extends Channel>(channel: C, options: Options<V, C>) {
  const queryClient = useQueryClient();
  const form = useForm<V>({ defaultValues: options.defaultValues });
  const [saved, setSaved] = useState<string | null>(null);
  const shown = new Set(Object.keys(options.defaultValues ?? {}));

  /** Puts each message on its field; returns whether any found one. */
  function place(fields: Record<string, string>): boolean {
    let placed = false;
    for (const [path, message] of Object.entries(fields)) {
      const name = options.fieldOf?.[path] ?? fieldFor(path);
      if (!name) continue;
      form.setError(name, { message });
      placed = true;
    }
    return placed;
  }

  /** A field of the form for a schema path: itself, or a list of tags' box for one of its tags (`offers.3`). */
  function fieldFor(path: string): Path<V> | undefined {
    const top = path.split('.')[0];
    if (!shown.has(top)) return undefined;
    const value: unknown = form.getValues(top as Path<V>);
    return (Array.isArray(value) && value.every((x) => typeof x !== 'object') ? top : path) as Path<V>;
  }

  const fallback = (message: string) => form.setError(options.fallbackField ?? 'root.server', { message });

  /** "Saved: currency, opening hours." from the labelled fields whose value differs from the one the form started from. */
  function savedNote(values: V): string {
    if (!options.labels) return 'Saved.';
    const before = (form.formState.defaultValues ?? {}) as Record<string, unknown>;
    const changed = Object.entries(options.labels)
      .filter(([key]) => JSON.stringify(values[key as keyof V]) !== JSON.stringify(before[key]))
      .map(([, label]) => label as string);
    return changed.length === 0 ? 'Nothing had changed.' : `Saved: ${changed.join(', ')}.`;
  }

  const submit = form.handleSubmit(async (values) => {
    setSaved(null);
    const input = options.toInput ? options.toInput(values) : (values as unknown as InputOf<C>);
    const parsed = (options.schema ?? contract[channel].input).safeParse(input);
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.map(String).join('.') || '_', i.message]));
      if (!place(fields)) fallback(parsed.error.issues[0]?.message ?? 'The form is not valid.');
      return;
    }
    // Said from the values the form started from, before the refetch after saving resets it to the new ones.
    const note = savedNote(values);
    try {
      const output = await call(channel, input);
      await queryClient.invalidateQueries();
      await options.onSaved?.(output, values, form);
      setSaved(note);
    } catch (error) {
      if (!(error instanceof ApiCallError)) throw error;
      if (!place(error.fields)) fallback(error.message);
    }
  });

  /** The message for a field of the form, if any. */
  const errorOf = (name: Path<V>): string | undefined => {
    const found = name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], form.formState.errors);
    return (found as { message?: string } | undefined)?.message;
  };

  /** `saved`: what the last successful submit saved, in words (for the note by the buttons); null otherwise. */
  return { ...form, submit, errorOf, saved, clearSaved: () => setSaved(null), formError: form.formState.errors.root?.server?.message };
}
