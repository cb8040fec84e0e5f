import { mailContract } from '@shared/contract/mail.contract';
import { defineFeature } from '../../feature';
import { handlers } from './mail.handlers';

/** The co-op's own mail server: how e-mail leaves. A kernel the notifications and sign-in codes use. */
export const mailFeature = defineFeature({
  kernel: true,
  name: 'mail',
  contract: mailContract,
  handlers,
  // The server's password is a secret of this machine: backed up, never exported.
  localTables: ['mail_settings'],
});

export { type Message, mailConfigured, sendMail, sendSoon } from './mail.service';
