import { useApi } from '../../api/hooks';
import { lazyPage, type PaletteEntry, type UiFeature } from '../../feature';
import { useAuth } from '../auth';
import { bookingScreens } from './screens';

export { FLAG_RULES, NUMBER_RULES } from './ruleLabels';

const screens = bookingScreens;
const DayBoardPage = lazyPage(screens.dayBoard.load, 'DayBoardPage');
const FindRoomPage = lazyPage(screens.find.load, 'FindRoomPage');
const PendingPage = lazyPage(screens.pending.load, 'PendingPage');
const WeekPage = lazyPage(screens.bookableWeek.load, 'WeekPage');
const RoomsWeekPage = lazyPage(screens.roomsWeek.load, 'RoomsWeekPage');
const MonthPage = lazyPage(screens.month.load, 'MonthPage');
const KioskBookings = lazyPage(() => import('./KioskBookings'), 'KioskBookings');
const MemberBookings = lazyPage(() => import('./MemberBookings'), 'MemberBookings');

/** The portal's booking screen: book for oneself, one's bookings, the day at the co-op (others' bookings only as "booked"). */
function PortalBookings() {
  const member = useAuth().data?.member;
  return member ? (
    <div className="stack">
      <h1>Book</h1>
      <KioskBookings member={member} />
    </div>
  ) : (
    <p className="muted">Only a member books here.</p>
  );
}
const MyBookings = ({ member }: { member: { id: string } }) => <MemberBookings memberId={member.id} />;

/** Today's bookings of rooms, found by who, what or where. */
function useBookingResults(text: string): PaletteEntry[] {
  const today = useApi('frontdesk.today', {}, { enabled: text.length > 0 });
  if (!text || !today.data) return [];
  const has = (s: string) => s.toLowerCase().includes(text);
  return today.data.rooms.flatMap((r) =>
    r.bookings
      .filter((b) => has(b.who) || has(b.title) || has(r.name))
      .map((b) => ({
        id: b.bookingId,
        group: 'Booking' as const,
        label: `${b.localStart} ${r.name} · ${b.who}`,
        hint: b.title,
        go: `/bookings/${today.data!.date}`,
      })),
  );
}

export const bookingsUi: UiFeature = {
  name: 'bookings',
  nav: { href: '/bookings', label: 'Bookings', match: '/bookings/*?' },
  routes: [
    { ...screens.find, render: () => <FindRoomPage />, page: FindRoomPage },
    { ...screens.pending, render: () => <PendingPage />, page: PendingPage },
    { ...screens.roomsWeekOn, render: (p) => <RoomsWeekPage date={p.date} />, page: RoomsWeekPage },
    { ...screens.roomsWeek, render: () => <RoomsWeekPage />, page: RoomsWeekPage },
    { ...screens.monthOn, render: (p) => <MonthPage date={p.date} />, page: MonthPage },
    { ...screens.month, render: () => <MonthPage />, page: MonthPage },
    { ...screens.dayBoardOn, render: (p) => <DayBoardPage date={p.date} />, page: DayBoardPage },
    { ...screens.dayBoard, render: () => <DayBoardPage />, page: DayBoardPage },
    { ...screens.bookableWeek, render: (p) => <WeekPage bookableId={p.id!} date={p.date!} />, page: WeekPage },
  ],
  palette: {
    actions: [
      { id: 'a-book', group: 'Action', label: 'Book a room', go: '/bookings/find' },
      { id: 'a-board', group: 'Action', label: 'Day board', go: '/bookings' },
      { id: 'a-week', group: 'Action', label: 'Week of all rooms', go: '/bookings/week' },
      { id: 'a-month', group: 'Action', label: 'Month calendar', go: '/bookings/month' },
      { id: 'a-pending', group: 'Action', label: 'Bookings waiting for approval', go: '/bookings/pending' },
    ],
    useResults: useBookingResults,
  },
  slots: { memberPage: [MemberBookings], kioskHome: [KioskBookings], portalHome: [MyBookings] },
  portal: {
    routes: [{ path: '/book', render: () => <PortalBookings />, page: KioskBookings }],
    nav: { href: '/book', label: 'Book', match: '/book' },
  },
};
