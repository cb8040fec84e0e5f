import { useApi } from '../../api/hooks';

/** The session's mode (manager or kiosk) and the member identified at the kiosk. */
export function useAuth() {
  return useApi('auth.status', {});
}
