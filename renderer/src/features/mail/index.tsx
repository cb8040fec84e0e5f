import { lazyPage, type UiFeature } from '../../feature';

const MailSettings = lazyPage(() => import('./MailSettings'), 'MailSettings');

export const mailUi: UiFeature = { name: 'mail', slots: { settings: [{ id: 'mail', title: 'E-mail', Part: MailSettings }] } };
