import { useEffect } from 'react';
import { Controller } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import type { z } from 'zod';
import { MEMBER_ROLES, MEMBER_STATUSES, type Member, memberFields } from '@shared/contract/members.contract';
import { useApi } from '../../api/hooks';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { TagInput } from '../../components/TagInput';
import { FormActions } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';
import { todayLocal } from '../../components/format';

type FormIn = z.input<typeof memberFields>;

function toForm(member: Member | undefined): FormIn {
  return {
    name: member?.name ?? '',
    email: member?.email ?? '',
    phone: member?.phone ?? '',
    shareContact: member?.shareContact ?? false,
    listed: member?.listed ?? false,
    businessName: member?.businessName ?? '',
    businessDescription: member?.businessDescription ?? '',
    website: member?.website ?? '',
    memberSince: member?.memberSince ?? todayLocal(),
    status: member?.status ?? 'active',
    role: member?.role ?? 'member',
    offers: member?.offers ?? [],
    needs: member?.needs ?? [],
    notes: member?.notes ?? '',
  };
}

/** Create a member (no id) or edit one. Validation is the contract's schema, here and in the service. */
export function MemberForm({ id }: { id?: string }) {
  const [, navigate] = useLocation();
  const existing = useApi('members.get', { id: id ?? '' }, { enabled: Boolean(id) });
  const tags = useApi('members.tags', {});
  // Create and update check the same fields; an edit sends the member's id with them.
  const { register, submit, errorOf, formError, formState, reset, control } = useChannelForm(id ? 'members.update' : 'members.create', {
    defaultValues: toForm(undefined),
    schema: memberFields,
    toInput: (values: FormIn) => (id ? { id, ...values } : values),
    onSaved: (saved) => navigate(`/members/${(saved as Member).id}`),
  });

  useEffect(() => {
    if (existing.data) reset(toForm(existing.data));
  }, [existing.data, reset]);

  const suggestions = (tags.data ?? []).map((t) => t.tag);
  const title = id ? `Edit ${existing.data?.name ?? 'member'}` : 'New member';

  return (
    <section className="page" aria-labelledby="form-title">
      <header className="page-header">
        <h1 id="form-title">{title}</h1>
      </header>
      <form
        className="form"
        noValidate
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') navigate(id ? `/members/${id}` : '/members');
        }}
      >
        <fieldset>
          <legend>Person</legend>
          <div className="grid">
            <TextField label="Name" autoFocus autoComplete="off" error={errorOf('name')} {...register('name')} />
            <TextField label="Email" type="email" autoComplete="off" error={errorOf('email')} {...register('email')} />
            <TextField label="Phone" error={errorOf('phone')} {...register('phone')} />
            <TextField
              label="Member since"
              hint="Start of continuous membership (YYYY-MM-DD)"
              placeholder="YYYY-MM-DD"
              error={errorOf('memberSince')}
              {...register('memberSince')}
            />
            <SelectField label="Status" options={MEMBER_STATUSES.map((s) => [s, s] as const)} error={errorOf('status')} {...register('status')} />
            <SelectField label="Role" options={MEMBER_ROLES.map((r) => [r, r] as const)} error={errorOf('role')} {...register('role')} />
          </div>
          <label className="override">
            <input type="checkbox" {...register('shareContact')} /> Other members may see this email and phone (the front desk always can)
          </label>
          <label className="override">
            <input type="checkbox" {...register('listed')} /> Listed in the members’ directory (the portal and the kiosk)
          </label>
        </fieldset>
        <fieldset>
          <legend>Business</legend>
          <div className="grid">
            <TextField label="Business name" error={errorOf('businessName')} {...register('businessName')} />
            <TextField label="Website" placeholder="example.coop" error={errorOf('website')} {...register('website')} />
            <TextAreaField label="What the business does" wide error={errorOf('businessDescription')} {...register('businessDescription')} />
          </div>
        </fieldset>
        <fieldset>
          <legend>Skills and services</legend>
          <Controller
            control={control}
            name="offers"
            render={({ field, fieldState }) => (
              <TagInput label="Offers" value={field.value ?? []} onChange={field.onChange} suggestions={suggestions} error={fieldState.error?.message} />
            )}
          />
          <Controller
            control={control}
            name="needs"
            render={({ field, fieldState }) => (
              <TagInput label="Needs" value={field.value ?? []} onChange={field.onChange} suggestions={suggestions} error={fieldState.error?.message} />
            )}
          />
        </fieldset>
        <fieldset>
          <legend>Notes</legend>
          <TextAreaField label="Private notes" wide hint="Internal notes for the front desk" error={errorOf('notes')} {...register('notes')} />
        </fieldset>
        <FormActions error={formError}>
          <button type="submit" className="button-primary" disabled={formState.isSubmitting}>
            {id ? 'Save changes' : 'Create member'}
          </button>
          <Link href={id ? `/members/${id}` : '/members'} className="button">
            Cancel
          </Link>
        </FormActions>
      </form>
    </section>
  );
}
