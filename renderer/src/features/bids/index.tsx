import { useApi } from '../../api/hooks';
import { lazyPage, type PaletteEntry, type UiFeature } from '../../feature';

const BidRoutes = lazyPage(() => import('./BidRoutes'), 'BidRoutes');
const BidsNeedingAttention = lazyPage(() => import('./BidCards'), 'BidsNeedingAttention');
const MemberBids = lazyPage(() => import('./BidCards'), 'MemberBids');

function useBidResults(text: string): PaletteEntry[] {
  const bids = useApi('bids.list', { q: text, stage: 'active' }, { enabled: text.length > 1 });
  return text.length > 1 ? (bids.data ?? []).slice(0, 4).map((b) => ({ id: b.id, group: 'Bid', label: b.title, hint: b.client, go: `/bids/${b.id}` })) : [];
}

const bidRoutes = [{ path: '/bids/*?', render: () => <BidRoutes />, page: BidRoutes }];
const nav = { href: '/bids', label: 'Joint bids', match: '/bids/*?' };

/** On the kiosk's home: the invitations waiting for this member's answer. */
const Invitations = ({ member }: { member: { id: string } }) => <MemberBids memberId={member.id} invitationsOnly />;

export const bidsUi: UiFeature = {
  name: 'bids',
  nav,
  routes: bidRoutes,
  palette: {
    actions: [
      { id: 'a-bids', group: 'Action', label: 'Joint bids', go: '/bids' },
      { id: 'a-bid', group: 'Action', label: 'New opportunity (joint bid)', go: '/bids/new' },
    ],
    useResults: useBidResults,
  },
  kiosk: { routes: bidRoutes, nav },
  portal: { routes: bidRoutes, nav: { ...nav, label: 'Bids' } },
  slots: { memberPage: [MemberBids], today: [BidsNeedingAttention], kioskHome: [Invitations], portalHome: [Invitations] },
};
