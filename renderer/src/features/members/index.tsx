import { useApi } from '../../api/hooks';
import type { PaletteEntry, UiFeature } from '../../feature';
import { ImportMembers } from './ImportMembers';
import { MemberDetail } from './MemberDetail';
import { MemberForm } from './MemberForm';
import { MembersPage } from './MembersPage';

function useMemberResults(text: string): PaletteEntry[] {
  const members = useApi('members.list', { q: text, limit: 6 }, { enabled: text.length > 0 });
  return text ? (members.data?.rows ?? []).map((m) => ({ id: m.id, group: 'Member', label: m.name, hint: m.businessName, go: `/members/${m.id}` })) : [];
}

export const membersUi: UiFeature = {
  name: 'members',
  nav: { href: '/members', label: 'Members', match: '/members/*?' },
  routes: [
    { path: '/members/new', render: () => <MemberForm /> },
    { path: '/members/import', render: () => <ImportMembers /> },
    { path: '/members/:id/edit', render: (p) => <MemberForm key={p.id} id={p.id} /> },
    { path: '/members/:id', render: (p) => <MemberDetail id={p.id!} /> },
    { path: '/members', render: () => <MembersPage /> },
  ],
  palette: { actions: [{ id: 'a-member', group: 'Action', label: 'New member', go: '/members/new' }], useResults: useMemberResults },
};
