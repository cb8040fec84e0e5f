import { z } from 'zod';
import { isIsoDateShape, isRealIsoDate, isValidTimeZone } from '../domain/dates';

/** Reusable field schemas with the messages people see next to the field. */

export const isoDate = z
  .string({ error: 'Enter a date' })
  .trim()
  .refine(isIsoDateShape, { message: 'Use the form YYYY-MM-DD, e.g. 2025-03-14', abort: true })
  .refine(isRealIsoDate, { message: 'There is no such day in the calendar' });

export const timeZone = z
  .string({ error: 'Choose a time zone' })
  .trim()
  .refine(isValidTimeZone, { message: 'Unknown time zone: use an IANA name such as Europe/London' });

export const id = z.string({ error: 'An id is required' }).trim().min(1, 'An id is required').max(64);

export const byId = z.object({ id });

export const empty = z.object({}).strict();

const knownCurrencies: ReadonlySet<string> = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []);

export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as GBP or EUR')
  .refine((c) => knownCurrencies.size === 0 || knownCurrencies.has(c), { message: 'Unknown currency code' });
