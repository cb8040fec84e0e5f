import * as z from 'zod';
import { isIsoDateShape, isRealIsoDate, isValidTimeZone } from '../domain/dates';

/**
 * Reusable field schemas with the messages people see next to the field.
 *
 * Time on the contract, one convention for every channel: a moment (a booking's start, a
 * deadline, "now") is an `instant`, ISO-8601 with its offset, stored as UTC. What is set on the
 * site's wall clock and must stay there across daylight-saving changes (a recurring series, the
 * times a series is moved to, opening hours) is an `isoDate` and `clockTime`s in the site's zone;
 * whole calendar days (a closure, a day pass, a day's board) are an `isoDate`.
 */

export const instant = z.iso.datetime({ offset: true, error: 'Use an ISO date-time such as 2026-03-30T09:00:00Z' });

export const clockTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use a 24-hour time such as 09:30');

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
