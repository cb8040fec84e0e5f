import { read, type Screen } from '../../screen';

const loadForm = () => import('./MemberForm');

/** The members' screens, specific paths before general ones. A member's page reads the member and the settings on opening. */
export const memberScreens = {
  add: { path: '/members/new', load: loadForm },
  import: { path: '/members/import', load: () => import('./ImportMembers') },
  edit: { path: '/members/:id/edit', load: loadForm },
  member: {
    path: '/members/:id',
    load: () => import('./MemberDetail'),
    reads: (p) => (p.id ? [read('members.get', { id: p.id }), read('settings.get', {})] : []),
  },
  list: { path: '/members', load: () => import('./MembersPage') },
} satisfies Record<string, Screen>;
