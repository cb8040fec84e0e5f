import { Controller } from 'react-hook-form';
import type { Member } from '@shared/contract/members.contract';
import { useApi } from '../../api/hooks';
import { TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { TagInput } from '../../components/TagInput';
import { useChannelForm } from '../../components/useChannelForm';
import { useSlot } from '../../feature';

/** The member's own profile on the portal: what they offer and need, what others see; then the features' parts (password, PIN, calendar). */
export function ProfilePage({ memberId }: { memberId: string }) {
  const me = useApi('members.get', { id: memberId });
  const parts = useSlot('profile');
  return (
    <div className="stack">
      <h1>Me</h1>
      {me.data ? <ProfileForm member={me.data} /> : null}
      {parts.map((Part, i) => (
        <Part key={i} />
      ))}
    </div>
  );
}

function ProfileForm({ member }: { member: Member }) {
  const tags = useApi('members.tags', {});
  const suggestions = (tags.data ?? []).map((t) => t.tag);
  const form = useChannelForm('members.updateProfile', {
    defaultValues: {
      phone: member.phone,
      businessName: member.businessName,
      businessDescription: member.businessDescription,
      website: member.website,
      offers: member.offers,
      needs: member.needs,
      shareContact: member.shareContact,
      listed: member.listed,
    },
  });
  return (
    <form className="card form" aria-labelledby="profile-title" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2 id="profile-title">Your profile</h2>
      <Controller
        control={form.control}
        name="offers"
        render={({ field, fieldState }) => (
          <TagInput label="What you offer" value={field.value ?? []} onChange={field.onChange} suggestions={suggestions} error={fieldState.error?.message} />
        )}
      />
      <Controller
        control={form.control}
        name="needs"
        render={({ field, fieldState }) => (
          <TagInput label="What you need" value={field.value ?? []} onChange={field.onChange} suggestions={suggestions} error={fieldState.error?.message} />
        )}
      />
      <TextField label="Business name" error={form.errorOf('businessName')} {...form.register('businessName')} />
      <TextAreaField label="What your business does" error={form.errorOf('businessDescription')} {...form.register('businessDescription')} />
      <TextField label="Website" error={form.errorOf('website')} {...form.register('website')} />
      <TextField label="Phone" type="tel" autoComplete="tel" error={form.errorOf('phone')} {...form.register('phone')} />
      <label className="checkbox-inline">
        <input type="checkbox" {...form.register('listed')} /> List me in the members’ directory
      </label>
      <label className="checkbox-inline">
        <input type="checkbox" {...form.register('shareContact')} /> Show my e-mail and phone to other members
      </label>
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          Save
        </button>
      </FormActions>
    </form>
  );
}
