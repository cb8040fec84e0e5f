import * as z from 'zod';
import { command, contractPart, query } from './common';
import { empty, id } from './fields';

/** A network address of this computer the portal may listen on. */
export interface NetworkAddress {
  address: string;
  /** The interface's name ("eth0", "Wi-Fi"). */
  name: string;
}

export interface PortalSettings {
  enabled: boolean;
  /** The address it listens on; empty: not chosen yet. */
  address: string;
  port: number;
  /** This computer's addresses on the co-op's network (not 127.0.0.1). */
  addresses: NetworkAddress[];
  /** Where members open it ("https://192.168.1.20:8443/"), once it runs. */
  url: string | null;
  running: boolean;
  /** Why it does not run, in words (the port is taken, the address is gone). */
  problem: string | null;
  certificate: {
    /** The co-op's own certificate, or one the app made for itself. */
    own: boolean;
    /** SHA-256, as browsers show it: phones compare it on first visit. */
    fingerprint: string;
    subject: string;
    validTo: string;
  } | null;
}

const ipAddress = z
  .string()
  .trim()
  .min(1, 'Choose the address members reach this computer at')
  .max(64, 'Too long')
  .refine((value) => z.ipv4().safeParse(value).success || z.ipv6().safeParse(value).success, 'An IP address such as 192.168.1.20');

export const portalSettingsInput = z.object({
  enabled: z.boolean(),
  address: z.union([z.literal(''), ipAddress]).default(''),
  port: z.coerce
    .number({ error: 'A port number' })
    .int('A whole number')
    .min(1024, 'From 1024 (lower ports need administrator rights)')
    .max(65535, 'Up to 65535'),
});

const pem = (what: string, label: RegExp) =>
  z.string().trim().min(1, `Paste the ${what} (PEM)`).max(60_000, 'Too long for a PEM file').regex(label, `Not a PEM ${what}: it starts with -----BEGIN`);

export const certificateInput = z.object({
  cert: pem('certificate', /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/),
  key: pem('private key', /^-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+-----END (?:RSA |EC )?PRIVATE KEY-----/),
});

/** A member's private calendar subscription: the link is shown once, when made. */
export interface CalendarLink {
  exists: boolean;
  createdAt: string | null;
  lastReadAt: string | null;
  /** Only in the answer to making one: the member's bookings and events … */
  url?: string;
  /** … and the co-op's programme of events, behind the same secret. */
  eventsUrl?: string;
}

/** Links to print as QR codes: members scan one at the desk, or on a room's door, to check in. */
export interface CheckInCodes {
  desk: string;
  rooms: { bookableId: string; name: string; url: string }[];
}

export interface CheckedInHere {
  /** The member is in (they may already have been). */
  checkedIn: boolean;
  /** The booking of theirs at that room now, checked in with it. */
  booking: { id: string; bookableName: string } | null;
  message: string;
}

/**
 * The member portal: the app served on the co-op's network over HTTPS, for members' own phones
 * and laptops. Its settings are the manager's; members make their own calendar link and check in
 * with a QR code.
 */
export const portalContract = contractPart('portal', 'Member portal', ['portal.changed'], {
  'portal.settings': query<PortalSettings>()(empty, 'manager'),
  'portal.save': command<PortalSettings>()(portalSettingsInput, 'manager', { audit: 'changed the member portal settings' }),
  'portal.useCertificate': command<PortalSettings>()(certificateInput, 'manager', {
    audit: 'installed the co-op’s certificate for the member portal',
    maxBody: 128 * 1024,
  }),
  'portal.makeCertificate': command<PortalSettings>()(empty, 'manager', { audit: 'made a new certificate for the member portal' }),
  'portal.checkInCodes': query<CheckInCodes>()(empty, 'desk'),
  'portal.calendarLink': query<CalendarLink>()(empty, 'member'),
  'portal.newCalendarLink': command<CalendarLink>()(empty, 'member', { audit: 'made a new calendar link', secretAnswer: true }),
  'portal.revokeCalendarLink': command<CalendarLink>()(empty, 'member', { audit: 'revoked their calendar link' }),
  'portal.checkInHere': command<CheckedInHere>()(z.object({ bookableId: id.optional() }), 'member', { audit: 'checked in with a QR code' }),
});
