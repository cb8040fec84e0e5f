import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, type FieldPath, useForm } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import type { z } from 'zod';
import { MEMBER_ROLES, MEMBER_STATUSES, type Member, memberFields } from '../../../../shared/contract/members.contract';
import { ApiCallError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { TagInput } from '../../components/TagInput';
import { todayLocal } from '../../components/format';

type FormIn = z.input<typeof memberFields>;
type FormOut = z.output<typeof memberFields>;

function toForm(member: Member | undefined): FormIn {
  return {
    name: member?.name ?? '',
    email: member?.email ?? '',
    phone: member?.phone ?? '',
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
  const queryClient = useQueryClient();
  const existing = useApi('members.get', { id: id ?? '' }, { enabled: Boolean(id) });
  const tags = useApi('members.tags', {});
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(memberFields), defaultValues: toForm(undefined) });
  const { register, handleSubmit, formState, reset, setError, control } = form;
  const errors = formState.errors;

  useEffect(() => {
    if (existing.data) reset(toForm(existing.data));
  }, [existing.data, reset]);

  async function save(values: FormOut) {
    setFormError(null);
    try {
      const saved = id ? await call('members.update', { id, ...values }) : await call('members.create', values);
      await queryClient.invalidateQueries();
      navigate(`/members/${saved.id}`);
    } catch (error) {
      if (!(error instanceof ApiCallError)) throw error;
      const fieldNames = Object.keys(error.fields).filter((f) => f in memberFields.shape);
      for (const f of fieldNames) setError(f as FieldPath<FormIn>, { message: error.fields[f] });
      if (fieldNames.length === 0) setFormError(error.message);
    }
  }

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
        onSubmit={handleSubmit(save)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') navigate(id ? `/members/${id}` : '/members');
        }}
      >
        <fieldset>
          <legend>Person</legend>
          <div className="grid">
            <TextField label="Name" autoFocus autoComplete="off" error={errors.name?.message} {...register('name')} />
            <TextField label="Email" type="email" autoComplete="off" error={errors.email?.message} {...register('email')} />
            <TextField label="Phone" error={errors.phone?.message} {...register('phone')} />
            <TextField
              label="Member since"
              hint="Start of continuous membership (YYYY-MM-DD)"
              placeholder="YYYY-MM-DD"
              error={errors.memberSince?.message}
              {...register('memberSince')}
            />
            <SelectField label="Status" options={MEMBER_STATUSES.map((s) => [s, s] as const)} error={errors.status?.message} {...register('status')} />
            <SelectField label="Role" options={MEMBER_ROLES.map((r) => [r, r] as const)} error={errors.role?.message} {...register('role')} />
          </div>
        </fieldset>
        <fieldset>
          <legend>Business</legend>
          <div className="grid">
            <TextField label="Business name" error={errors.businessName?.message} {...register('businessName')} />
            <TextField label="Website" placeholder="example.coop" error={errors.website?.message} {...register('website')} />
            <TextAreaField label="What the business does" wide error={errors.businessDescription?.message} {...register('businessDescription')} />
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
          <TextAreaField label="Private notes" wide hint="Internal notes for the front desk" error={errors.notes?.message} {...register('notes')} />
        </fieldset>
        {formError ? (
          <p className="form-error" role="alert">
            {formError}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={formState.isSubmitting}>
            {id ? 'Save changes' : 'Create member'}
          </button>
          <Link href={id ? `/members/${id}` : '/members'} className="button">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
