import { isIsoDate, read, type Screen } from '../../screen';
import { kindOf } from './kindShown';

const loadRoomsWeek = () => import('./RoomsWeekPage');
const loadMonth = () => import('./MonthPage');
const loadDayBoard = () => import('./DayBoardPage');
const siteCalendar = (span: 'week' | 'month') => (p: { date?: string }, search: URLSearchParams) =>
  isIsoDate(p.date) ? [read('bookings.calendar', { date: p.date, span, kind: kindOf(search) })] : [];

/** The bookings screens, specific paths before general ones. */
export const bookingScreens = {
  find: { path: '/bookings/find', load: () => import('./FindRoomPage') },
  pending: { path: '/bookings/pending', load: () => import('./PendingPage') },
  roomsWeekOn: { path: '/bookings/week/:date', load: loadRoomsWeek, reads: siteCalendar('week') },
  roomsWeek: { path: '/bookings/week', load: loadRoomsWeek },
  monthOn: { path: '/bookings/month/:date', load: loadMonth, reads: siteCalendar('month') },
  month: { path: '/bookings/month', load: loadMonth },
  dayBoardOn: {
    path: '/bookings/:date',
    load: loadDayBoard,
    reads: (p) =>
      isIsoDate(p.date)
        ? [read('bookings.dayBoard', { date: p.date }), read('settings.get', {}), read('bookings.pending', {}), read('bookings.deskSeatsFree', {})]
        : [],
  },
  dayBoard: { path: '/bookings', load: loadDayBoard },
  bookableWeek: {
    path: '/bookables/:id/week/:date',
    load: () => import('./WeekPage'),
    reads: (p) => (p.id && isIsoDate(p.date) ? [read('bookings.calendar', { bookableId: p.id, date: p.date, span: 'week' })] : []),
  },
} satisfies Record<string, Screen>;
