import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useAuth } from '../auth';

/** Works at another site from now on: this screen's board, rooms and rules, then every screen read again. */
export function useSwitchSite() {
  const queryClient = useQueryClient();
  return (siteId: string) => call('settings.switchSite', { siteId }).then(() => queryClient.invalidateQueries());
}

/** Beside the co-op's name, where it has more than one site: the site this screen works at, and the others. */
export function SiteSwitcher() {
  const settings = useApi('settings.get', {});
  const switchSite = useSwitchSite();
  // the kiosk is the screen of the site it stands at
  const kiosk = useAuth().data?.mode === 'kiosk';
  const data = settings.data;
  if (!data || data.sites.length < 2 || kiosk) return null;
  return (
    <label className="site-switcher small">
      <span className="visually-hidden">Site</span>
      <select value={data.site.id} onChange={(e) => void switchSite(e.target.value)}>
        {data.sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
