import { useApi } from '../../api/hooks';
import { lazyPage, type PaletteEntry, type UiFeature } from '../../feature';
import { useAuth } from '../auth';
import { memberScreens } from './screens';

const screens = memberScreens;
const ImportMembers = lazyPage(screens.import.load, 'ImportMembers');
const MemberDetail = lazyPage(screens.member.load, 'MemberDetail');
const MemberForm = lazyPage(screens.add.load, 'MemberForm');
const MembersPage = lazyPage(screens.list.load, 'MembersPage');
const DirectoryPage = lazyPage(() => import('./DirectoryPage'), 'DirectoryPage');
const ProfilePage = lazyPage(() => import('./ProfilePage'), 'ProfilePage');

const directoryRoute = { path: '/directory', render: () => <DirectoryPage />, page: DirectoryPage };
const directoryNav = { href: '/directory', label: 'Members', match: '/directory' };

/** The signed-in member's own profile (the portal shows it only to someone signed in). */
function MyProfile() {
  const auth = useAuth();
  const memberId = auth.data?.member?.id;
  return memberId ? <ProfilePage memberId={memberId} /> : <p className="muted">Only a member has a profile here.</p>;
}

function useMemberResults(text: string): PaletteEntry[] {
  const members = useApi('members.list', { q: text, limit: 6 }, { enabled: text.length > 0 });
  return text ? (members.data?.rows ?? []).map((m) => ({ id: m.id, group: 'Member', label: m.name, hint: m.businessName, go: `/members/${m.id}` })) : [];
}

export const membersUi: UiFeature = {
  name: 'members',
  nav: { href: '/members', label: 'Members', match: '/members/*?' },
  routes: [
    { ...screens.add, render: () => <MemberForm />, page: MemberForm },
    { ...screens.import, render: () => <ImportMembers />, page: ImportMembers },
    { ...screens.edit, render: (p) => <MemberForm key={p.id} id={p.id} />, page: MemberForm },
    { ...screens.member, render: (p) => <MemberDetail id={p.id!} />, page: MemberDetail },
    { ...screens.list, render: () => <MembersPage />, page: MembersPage },
  ],
  palette: { actions: [{ id: 'a-member', group: 'Action', label: 'New member', go: '/members/new' }], useResults: useMemberResults },
  // the members' directory for a member identified at the kiosk too
  kiosk: { routes: [directoryRoute], nav: directoryNav },
  portal: {
    routes: [directoryRoute, { path: '/me', render: () => <MyProfile />, page: ProfilePage }],
    nav: directoryNav,
  },
};
