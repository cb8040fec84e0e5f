import * as z from 'zod';
import type { BookingRules } from '../domain/bookingRules';
import { bookingRulesSchema } from './bookables.contract';
import { command, query, contractPart } from './common';
import { currencyCode, empty, id, isoDate, timeZone } from './fields';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const clock = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use a 24-hour time such as 08:30');

export const dayHours = z
  .object({
    weekday: z.number().int().min(1).max(7),
    open: z.boolean(),
    opens: clock,
    closes: clock,
  })
  .refine((d) => !d.open || d.opens < d.closes, {
    message: 'Closing time must be after opening time',
    path: ['closes'],
  });
export type DayHours = z.infer<typeof dayHours>;

export const coopSettings = z.object({
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(120, 'Name is too long'),
  currency: currencyCode,
  timeZone,
  ownershipMonths: z.number({ error: 'Enter a number of months' }).int('Whole months only').min(0, 'Cannot be negative').max(120, 'At most 120 months'),
});
export type CoopSettings = z.infer<typeof coopSettings>;

export const siteSettings = z.object({
  id,
  name: z.string().trim().min(1, 'Name is required').max(120, 'Name is too long'),
  address: z.string().trim().max(500, 'Address is too long').default(''),
  timeZone,
  hours: z
    .array(dayHours)
    .length(7, 'Give hours for all seven weekdays')
    .refine((days) => days.every((d, i) => d.weekday === i + 1), { message: 'Weekdays must run Monday to Sunday' }),
});
export type SiteSettings = z.infer<typeof siteSettings>;

/** Another of the co-op's premises (its hours and rules are set afterwards, as the first site's are). */
export const newSite = z.object({
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(120, 'Name is too long'),
  address: z.string().trim().max(500, 'Address is too long').default(''),
  timeZone,
});
export type NewSite = z.input<typeof newSite>;

/** The first-run set-up: the co-op, its one time zone and its opening hours, in one step. */
export const setUpInput = z
  .object({
    coopName: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(120, 'Name is too long'),
    currency: currencyCode,
    timeZone,
    opens: clock,
    closes: clock,
    openDays: z.array(z.number().int().min(1).max(7)).min(1, 'Choose the days the co-op is open').max(7),
  })
  .refine((s) => s.opens < s.closes, { message: 'Closing time must be after opening time', path: ['closes'] });
export type SetUpInput = z.input<typeof setUpInput>;

export interface Closure {
  date: string;
  reason: string;
}

export interface Settings {
  coop: CoopSettings;
  site: SiteSettings;
  /** The site's default booking rules; each bookable may override them. */
  bookingRules: BookingRules;
  /** Days the site is closed (holidays), from today on. */
  closures: Closure[];
  /** Every site of the co-op, the first created first: `site` is the one this session works at. */
  sites: { id: string; name: string }[];
}

export const settingsContract = contractPart('settings', 'Settings', ['settings.changed'], {
  'settings.get': query<Settings>()(empty, 'public'),
  'settings.setUp': command<Settings>()(setUpInput, 'manager', { audit: 'set up the co-op' }),
  'settings.updateCoop': command<Settings>()(coopSettings, 'manager', { audit: 'changed the co-op’s settings' }),
  'settings.updateSite': command<Settings>()(siteSettings, 'manager', { audit: 'changed the site’s settings' }),
  'settings.updateBookingRules': command<Settings>()(z.object({ siteId: id, rules: bookingRulesSchema }), 'manager', { audit: 'changed the booking rules' }),
  'settings.addClosure': command<Settings>()(
    z.object({ siteId: id, date: isoDate, reason: z.string().trim().max(120, 'Keep the reason short').default('') }),
    'manager',
    { audit: 'added a closure day' },
  ),
  'settings.removeClosure': command<Settings>()(z.object({ siteId: id, date: isoDate }), 'manager', { audit: 'removed a closure day' }),
  'settings.addSite': command<Settings>()(newSite, 'manager', { audit: 'added a site' }),
  // members book at any site: the desk and a member's own device both switch
  'settings.switchSite': command<Settings>()(z.object({ siteId: id }), 'member', { audit: 'switched to another site' }),
});
