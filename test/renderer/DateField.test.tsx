// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DateField, parseDateText } from '../../renderer/src/components/DateField';

/** A form that shows what the field last handed it. */
function Form({ start = '2026-11-24' }: { start?: string }) {
  const [value, setValue] = useState(start);
  return (
    <>
      <DateField label="Date" value={value} onValue={setValue} />
      <output aria-label="taken">{value}</output>
      <button type="button" onClick={() => setValue('2027-01-05')}>
        Next month
      </button>
    </>
  );
}

describe('a date typed as a person writes it, in the co-op’s day-first order', () => {
  it.each([
    ['3/12', '2026-12-03'],
    ['3.12.27', '2027-12-03'],
    ['3-12-2027', '2027-12-03'],
    ['3 Dec', '2026-12-03'],
    ['3 december 2027', '2027-12-03'],
    ['Dec 3', '2026-12-03'],
    ['3rd Dec', '2026-12-03'],
    ['2027-02-28', '2027-02-28'],
    ['31/2', null],
    ['12/03/2026x', null],
    ['3 Decembre', null],
    ['next week', null],
    ['', null],
  ])('%s reads as %s', (text, date) => expect(parseDateText(text, '2026-11-24')).toBe(date));

  it('shows the co-op’s date, takes "3/12" on leaving the field, steps with the arrows and follows a new value from outside', async () => {
    render(<Form />);
    const user = userEvent.setup();
    const field = screen.getByLabelText('Date');
    expect(field).toHaveValue('24 Nov 2026');
    await user.clear(field);
    await user.keyboard('3/12');
    // half typed: the form keeps its last whole date until the field is left
    expect(screen.getByLabelText('taken')).toHaveTextContent('');
    await user.tab();
    expect(field).toHaveValue('3 Dec 2026');
    expect(screen.getByLabelText('taken')).toHaveTextContent('2026-12-03');
    await user.click(field);
    await user.keyboard('{ArrowUp}{ArrowUp}{PageDown}');
    expect(field).toHaveValue('28 Nov 2026');
    expect(screen.getByLabelText('taken')).toHaveTextContent('2026-11-28');
    await user.click(screen.getByRole('button', { name: 'Next month' }));
    expect(field).toHaveValue('5 Jan 2027');
  });

  it('says how to write a date when the text is not one, and hands nothing on', async () => {
    render(<Form />);
    const user = userEvent.setup();
    const field = screen.getByLabelText('Date');
    await user.clear(field);
    await user.keyboard('31/2');
    await user.tab();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Write a date such as 3 Dec 2026 or 3/12');
    expect(screen.getByLabelText('taken')).toHaveTextContent('');
  });
});
