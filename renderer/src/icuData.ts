/** Makes one date formatter with a time zone: in a new page's process, the first loads ICU's data (`warmIntl.ts`). */
export const loadIcuData = () => void new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', timeZoneName: 'longOffset' }).format(0);
