// Loads ICU's locale and time zone data for the whole page's process, on this worker's thread
// (`warmIntl.ts` says why), then says so.
import { loadIcuData } from './icuData';

loadIcuData();
postMessage('warm');
