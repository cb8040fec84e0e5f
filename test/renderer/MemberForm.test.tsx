// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { MemberForm } from '../../renderer/src/features/members/MemberForm';
import { installBridge } from '../helpers/bridge';

function renderForm() {
  const location = memoryLocation({ path: '/members/new', record: true });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <Router hook={location.hook}>
        <MemberForm />
      </Router>
    </QueryClientProvider>,
  );
  return location;
}

const tags = () => ({ ok: true as const, data: [{ tag: 'web design', offers: 2, needs: 1 }] });

describe('member form', () => {
  it('shows what is wrong next to each field and sends nothing', async () => {
    const invoke = installBridge({ 'members.tags': tags });
    renderForm();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.clear(screen.getByLabelText('Member since'));
    await user.type(screen.getByLabelText('Member since'), '2025-02-30');
    await user.click(screen.getByRole('button', { name: 'Create member' }));

    expect(await screen.findByText('Name is required')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Name is required');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(/Enter an email address/);
    expect(screen.getByLabelText('Member since')).toHaveAccessibleDescription('There is no such day in the calendar');
    expect(invoke.mock.calls.map((c) => c[0])).not.toContain('members.create');
  });

  it('puts the server’s answer next to the field it concerns', async () => {
    installBridge({
      'members.tags': tags,
      'members.create': () => ({
        ok: false,
        error: { code: 'CONFLICT', message: 'taken', fields: { email: 'ana@example.coop is already the email of Ana Ribeiro.' } },
      }),
    });
    renderForm();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'Ana Two');
    await user.type(screen.getByLabelText('Email'), 'ana@example.coop');
    await user.click(screen.getByRole('button', { name: 'Create member' }));
    expect(await screen.findByText('ana@example.coop is already the email of Ana Ribeiro.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
  });

  it('adds tags with Enter, removes them with their button, and sends them', async () => {
    const invoke = installBridge({
      'members.tags': tags,
      'members.create': (input) => ({ ok: true, data: { id: 'm1', ...input } }),
    });
    const location = renderForm();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'Ben Okafor');
    await user.type(screen.getByLabelText('Email'), 'ben@example.coop');
    await user.type(screen.getByLabelText('Offers'), 'Copywriting{Enter}tender writing{Enter}oops{Enter}');
    const offers = screen.getByRole('list', { name: 'Offers tags' });
    await user.click(within(offers).getByRole('button', { name: 'Remove oops' }));
    expect(
      within(offers)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.replace('×', '')),
    ).toEqual(['copywriting', 'tender writing']);
    await user.click(screen.getByRole('button', { name: 'Create member' }));

    await vi.waitFor(() => expect(location.history?.at(-1)).toBe('/members/m1'));
    const sent = invoke.mock.calls.find((c) => c[0] === 'members.create')![1] as Record<string, unknown>;
    expect(sent).toMatchObject({ name: 'Ben Okafor', email: 'ben@example.coop', offers: ['copywriting', 'tender writing'], status: 'active' });
  });
});
