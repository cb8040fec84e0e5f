import * as z from 'zod';
import { command, contractPart, query } from './common';
import { empty } from './fields';

export interface MailSettings {
  configured: boolean;
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  username: string;
  passwordSet: boolean;
  /** The From address: "Millbrook Works <desk@millbrook.coop>". */
  sender: string;
}

const address = z.string().trim().toLowerCase().pipe(z.email('Not an e-mail address'));

export const mailSettingsInput = z.object({
  host: z
    .string()
    .trim()
    .min(1, 'The mail server’s name')
    .max(200, 'Too long')
    .regex(/^[A-Za-z0-9.-]+$/, 'A host name such as smtp.example.coop'),
  port: z.coerce.number({ error: 'A port number' }).int('A whole number').min(1, 'From 1').max(65535, 'Up to 65535'),
  secure: z.boolean().default(false),
  username: z.string().trim().max(200, 'Too long').default(''),
  /** Blank keeps the password already saved. */
  password: z.string().max(500, 'Too long').default(''),
  sender: address,
});

/** The co-op's own mail server (SMTP): how e-mail notifications and sign-in codes leave. On this machine only. */
export const mailContract = contractPart('mail', 'E-mail', ['mail.changed'], {
  'mail.settings': query<MailSettings>()(empty, 'manager'),
  'mail.save': command<MailSettings>()(mailSettingsInput, 'manager', { audit: 'changed the mail server settings' }),
  'mail.clear': command<MailSettings>()(empty, 'manager', { audit: 'turned e-mail off' }),
  'mail.test': command<{ sentTo: string }>()(z.object({ to: address }), 'manager', { audit: 'sent a test e-mail' }),
});
