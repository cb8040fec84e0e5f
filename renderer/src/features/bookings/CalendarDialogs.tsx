import { Suspense } from 'react';
import type { DayBoard } from '@shared/contract/bookings.contract';
import { lazyPage } from '../../feature';
import type { BookingDraft } from './BookingDialog';

/** The dialogs' code, each its own chunk: loaded when first opened, or ahead with `preload()` once a calendar is drawn. */
export const BookingDialog = lazyPage(() => import('./BookingDialog'), 'BookingDialog');
export const BookingDetailsById = lazyPage(() => import('./BookingDetails'), 'BookingDetailsById');

/** What every calendar (day, week, week of all rooms, month) opens: a new booking from a picked slot, or a booking's details. */
export function CalendarDialogs({
  draft,
  opened,
  data,
  onCloseDraft,
  onCloseOpened,
}: {
  draft: BookingDraft | null;
  opened: string | null;
  data: { bookables: DayBoard['bookables']; timeZone: string } | undefined;
  onCloseDraft: () => void;
  onCloseOpened: () => void;
}) {
  return (
    <Suspense fallback={null}>
      {draft && data ? <BookingDialog draft={draft} bookables={data.bookables} timeZone={data.timeZone} onClose={onCloseDraft} /> : null}
      {opened ? <BookingDetailsById id={opened} onClose={onCloseOpened} /> : null}
    </Suspense>
  );
}
