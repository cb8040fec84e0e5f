import { call } from '../../api/client';
import { downloadText } from '../../components/format';

/** Downloads a member's or a bookable's bookings as an .ics file. */
export function IcsButton({ of }: { of: { memberId: string } | { bookableId: string } }) {
  return (
    <button
      type="button"
      onClick={async () => {
        const file = await call('bookings.ics', of);
        downloadText(file.filename, file.ics, 'text/calendar;charset=utf-8');
      }}
    >
      Export .ics
    </button>
  );
}
