import { lazyPage, type UiFeature } from '../../feature';

/** The member portal's shell: its own chunk, loaded only on a member's device. */
export const PortalApp = lazyPage(() => import('./PortalApp'), 'PortalApp');
const PortalSettings = lazyPage(() => import('./PortalSettings'), 'PortalSettings');
const HerePage = lazyPage(() => import('./HerePage'), 'HerePage');
const CalendarLink = lazyPage(() => import('./CalendarLink'), 'CalendarLink');

/** The member portal: its settings at the desk; checking in by QR and the calendar link on the member's device. */
export const portalUi: UiFeature = {
  name: 'portal',
  portal: {
    routes: [
      { path: '/here/:bookableId', render: (p) => <HerePage bookableId={p.bookableId} />, page: HerePage },
      { path: '/here', render: () => <HerePage />, page: HerePage },
    ],
  },
  slots: { settings: [{ id: 'portal', title: 'Member portal', Part: PortalSettings }], profile: [CalendarLink] },
  palette: { actions: [{ id: 'portal', group: 'Action', label: 'Member portal settings', go: '/settings' }] },
};
