// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TimeField, TimeInput, parseClock } from '../../renderer/src/components/TimeField';

/** A form that shows what the field last handed it, as the booking dialog would use it. */
function Form({ start = '10:00' }: { start?: string }) {
  const [value, setValue] = useState(start);
  return (
    <>
      <TimeField label="From" value={value} onValue={setValue} step={5} />
      <output aria-label="taken">{value}</output>
      <button type="button" onClick={() => setValue('14:30')}>
        Pick a slot
      </button>
    </>
  );
}

describe('a time typed as a person writes it', () => {
  it.each([
    ['930', '09:30'],
    ['0930', '09:30'],
    ['9.30', '09:30'],
    ['9', '09:00'],
    ['21:05', '21:05'],
    ['24:00', '24:00'],
    ['25:00', null],
    ['9:60', null],
    ['9am', null],
    ['', null],
  ])('%s reads as %s', (text, time) => expect(parseClock(text)).toBe(time));

  it('is 24-hour text: a whole time is taken as it is typed, a short one when the field is left', async () => {
    render(<Form />);
    const user = userEvent.setup();
    const field = screen.getByLabelText('From');
    expect(field).toHaveValue('10:00');
    await user.clear(field);
    await user.keyboard('9');
    // half typed: the form keeps its last whole time
    expect(screen.getByLabelText('taken')).toHaveTextContent('');
    await user.keyboard('30');
    expect(screen.getByLabelText('taken')).toHaveTextContent('');
    await user.tab();
    expect(field).toHaveValue('09:30');
    expect(screen.getByLabelText('taken')).toHaveTextContent('09:30');
    await user.clear(field);
    await user.keyboard('17:45');
    expect(screen.getByLabelText('taken')).toHaveTextContent('17:45');
  });

  it('says how to write a time when the text is not one, and hands nothing on', async () => {
    render(<Form />);
    const user = userEvent.setup();
    const field = screen.getByLabelText('From');
    await user.clear(field);
    await user.keyboard('7pm');
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent('Use a 24-hour time such as 09:30');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('taken')).toHaveTextContent('');
    await user.clear(field);
    await user.keyboard('19:00');
    await user.tab();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('taken')).toHaveTextContent('19:00');
  });

  it('arrow keys move by the step, and a time picked elsewhere replaces what is shown', async () => {
    render(<Form />);
    const user = userEvent.setup();
    const field = screen.getByLabelText('From');
    await user.click(field);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(field).toHaveValue('10:10');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByLabelText('taken')).toHaveTextContent('10:05');
    await user.click(screen.getByRole('button', { name: 'Pick a slot' }));
    expect(field).toHaveValue('14:30');
  });
});

describe('a bare time input in a table (opening hours)', () => {
  it('marks text that is not a time even when the form says the field is fine', async () => {
    function Row() {
      const [value, setValue] = useState('18:00');
      return <TimeInput aria-label="Saturday closes" aria-invalid={false} value={value} onValue={setValue} />;
    }
    render(<Row />);
    const user = userEvent.setup();
    const field = screen.getByLabelText('Saturday closes');
    expect(field).toHaveAttribute('aria-invalid', 'false');
    await user.clear(field);
    await user.keyboard('7pm');
    await user.tab();
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });
});
