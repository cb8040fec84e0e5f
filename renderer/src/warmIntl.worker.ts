// Loads ICU's locale and time zone data for the whole page's process, on this worker's thread
// (`warmIntl.ts` says why), then says so.
new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', timeZoneName: 'longOffset' }).format(0);
postMessage('warm');
