import { useApi } from '../api/hooks';

/** The site's time zone, in which every instant on screen is shown (UTC until the settings arrive). */
export function useSiteZone(): string {
  return useApi('settings.get', {}).data?.site.timeZone ?? 'UTC';
}
