import { useApi } from '../../api/hooks';
import { lazyPage, type PaletteEntry, type UiFeature } from '../../feature';

const ImportMembers = lazyPage(() => import('./ImportMembers'), 'ImportMembers');
const MemberDetail = lazyPage(() => import('./MemberDetail'), 'MemberDetail');
const MemberForm = lazyPage(() => import('./MemberForm'), 'MemberForm');
const MembersPage = lazyPage(() => import('./MembersPage'), 'MembersPage');

function useMemberResults(text: string): PaletteEntry[] {
  const members = useApi('members.list', { q: text, limit: 6 }, { enabled: text.length > 0 });
  return text ? (members.data?.rows ?? []).map((m) => ({ id: m.id, group: 'Member', label: m.name, hint: m.businessName, go: `/members/${m.id}` })) : [];
}

export const membersUi: UiFeature = {
  name: 'members',
  nav: { href: '/members', label: 'Members', match: '/members/*?' },
  routes: [
    { path: '/members/new', render: () => <MemberForm />, page: MemberForm },
    { path: '/members/import', render: () => <ImportMembers />, page: ImportMembers },
    { path: '/members/:id/edit', render: (p) => <MemberForm key={p.id} id={p.id} />, page: MemberForm },
    { path: '/members/:id', render: (p) => <MemberDetail id={p.id!} />, page: MemberDetail, prefetch: (p, prefetch) => prefetch('members.get', { id: p.id! }) },
    { path: '/members', render: () => <MembersPage />, page: MembersPage },
  ],
  palette: { actions: [{ id: 'a-member', group: 'Action', label: 'New member', go: '/members/new' }], useResults: useMemberResults },
};
