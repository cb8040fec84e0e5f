import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Valid-looking inputs from a channel's own zod schema, so property tests reach the services,
 * not only the validation: strings of the right length and format, numbers in range, the enum's
 * values, and for fields naming a record (…Id, id) the ids of records that exist.
 */
type Def = { type: string; [k: string]: any };
const defOf = (s: z.ZodType): Def => (s as any)._zod.def;
const checks = (d: Def) => ((d.checks ?? []) as any[]).map((c) => c._zod.def);

export interface Pools {
  ids: string[];
  dates: string[];
}

function stringArb(d: Def, key: string, pools: Pools): fc.Arbitrary<string> {
  const cs = checks(d);
  const min = cs.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = Math.min(cs.find((c) => c.check === 'max_length')?.maximum ?? 40, 60);
  const regex = cs.find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern as RegExp | undefined;
  const format = d.format ?? cs.find((c) => c.check === 'string_format')?.format;
  if (/id$/i.test(key) || key === 'id') return fc.constantFrom(...pools.ids);
  if (format === 'datetime' || /^(start|end|at|from|to|expectedAt|deadline)$/.test(key))
    return fc.integer({ min: Date.UTC(2026, 10, 20), max: Date.UTC(2027, 1, 1) }).map((ms) => new Date(Math.floor(ms / 900_000) * 900_000).toISOString());
  if (format === 'email') return fc.constantFrom('ana@example.coop', 'new.person@example.coop', 'x@y.co');
  if (/date$|^date$|Since$/i.test(key)) return fc.constantFrom(...pools.dates);
  if (/time$/i.test(key)) return fc.constantFrom('08:00', '09:30', '10:00', '12:15', '17:45');
  if (/zone$/i.test(key)) return fc.constantFrom('Europe/London', 'Europe/Berlin', 'America/New_York');
  if (key === 'currency') return fc.constantFrom('GBP', 'EUR');
  if (regex) return fc.stringMatching(regex).filter((s) => s.length >= min && s.length <= Math.max(max, min));
  return fc.string({ minLength: Math.max(min, key === 'name' || key === 'title' ? 1 : 0), maxLength: Math.max(max, min) });
}

function numberArb(d: Def): fc.Arbitrary<number> {
  const cs = checks(d);
  const lo = cs.find((c) => c.check === 'greater_than')?.value ?? 0;
  const hi = Math.min(cs.find((c) => c.check === 'less_than')?.value ?? 1000, 100_000);
  const int = cs.some((c) => c.check === 'number_format' && /int/.test(c.format));
  return int ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true }).map((x) => Math.round(x * 100) / 100);
}

export function fromSchema(schema: z.ZodType, pools: Pools, key = ''): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  switch (d.type) {
    case 'object': {
      const shape = d.shape as Record<string, z.ZodType>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fromSchema(v, pools, k)])), { requiredKeys: [] });
    }
    case 'string':
      return stringArb(d, key, pools);
    case 'number':
      return numberArb(d);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(d.values as unknown[]));
    case 'array': {
      const cs = checks(d);
      const max = Math.min(cs.find((c) => c.check === 'max_length')?.maximum ?? 4, 6);
      return fc.array(fromSchema(d.element, pools, key.replace(/s$/, '')), {
        minLength: cs.find((c) => c.check === 'min_length')?.minimum ?? 0,
        maxLength: max,
      });
    }
    case 'optional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
      return fromSchema(d.innerType, pools, key);
    case 'nullable':
      return fc.option(fromSchema(d.innerType, pools, key), { nil: null, freq: 4 });
    case 'pipe':
      return fromSchema(d.in, pools, key);
    case 'union':
      return fc.oneof(...(d.options as z.ZodType[]).map((o) => fromSchema(o, pools, key)));
    case 'record':
      return fc.dictionary(fc.constantFrom('slotMinutes', 'minMinutes', 'maxMinutes'), fc.integer({ min: 0, max: 240 }), { maxKeys: 2 });
    default:
      return fc.constant(undefined);
  }
}
