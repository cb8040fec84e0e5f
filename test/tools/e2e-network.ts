import { otherDevice } from '../helpers/netns';

/**
 * Playwright's global setup: the member portal's "other device" made once, before any browser
 * starts, and shared by the tests through COOPDESK_OTHER_DEVICE (see `sharedDevice` in
 * helpers/netns.ts); removed after the run. Made per test, a new interface aborted the requests
 * of pages loading in the other worker's browser.
 */
export default function setUpOtherDevice() {
  const device = otherDevice();
  if (!device) return undefined;
  process.env.COOPDESK_OTHER_DEVICE = JSON.stringify({ ns: device.namespace, hostAddress: device.hostAddress, deviceAddress: device.deviceAddress });
  return () => device.close();
}
