import type { NewSite, Settings } from '@shared/contract/settings.contract';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';
import { useSwitchSite } from './SiteSwitcher';
import { ZoneField } from './ZoneField';

/** The co-op's sites: which one this desk works at, working at another, and adding one. */
export function SitesCard({ settings }: { settings: Settings }) {
  const switchSite = useSwitchSite();
  const site = useChannelForm('settings.addSite', {
    defaultValues: { name: '', address: '', timeZone: settings.site.timeZone } as NewSite,
    labels: { name: 'site name' },
    onSaved: (_saved, _values, form) => form.reset({ name: '', address: '', timeZone: settings.site.timeZone }),
  });
  return (
    <div className="card" role="region" aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      <p className="muted small">
        A co-op with several premises: each site has its rooms, hours and rules; members book at any. Each desk starts at its own (COOPDESK_SITE).
      </p>
      <ul className="closure-list" aria-label="Sites">
        {settings.sites.map((s) => (
          <li key={s.id}>
            <span>{s.name}</span>
            {s.id === settings.site.id ? (
              <span className="muted small">Working here</span>
            ) : (
              <button type="button" onClick={() => void switchSite(s.id)}>
                Work at {s.name}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form className="inline-form" aria-label="Add a site" noValidate onSubmit={(e) => void site.submit(e)}>
        <TextField label="New site" placeholder="e.g. Harbour Yard" error={site.errorOf('name')} {...site.register('name')} />
        <TextField label="Address" hint="Shown to members" error={site.errorOf('address')} {...site.register('address')} />
        <ZoneField hint="Where the site is" error={site.errorOf('timeZone')} {...site.register('timeZone')} />
        <button type="submit">Add site</button>
      </form>
      <FormError message={site.formError} />
    </div>
  );
}
