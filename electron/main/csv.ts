import Papa from 'papaparse';

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab or carriage return) as a formula:
 * "+1+cmd|x", "-2+3", "=HYPERLINK(…)". Every CSV the app writes goes through `toCsv`, which puts
 * a quote in front of such a cell (spreadsheets show it as text, the quote hidden); a plain
 * number ("-2", "+3.5") stays a number.
 */
const RISKY = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function defuseCell(value: string): string {
  return (RISKY.test(value) && !PLAIN_NUMBER.test(value)) || /^'+[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The value a defused cell stood for (the full export's import reads its own cells back). */
export const restoreCell = (value: string): string => (/^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

/** A CSV file (CRLF lines, header first) with every text cell defused. */
export function toCsv(fields: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return Papa.unparse(
    { fields: [...fields], data: rows.map((row) => row.map((cell) => (typeof cell === 'string' ? defuseCell(cell) : cell))) },
    { newline: '\r\n' },
  );
}

/** Rows only (no header), every text cell defused, each line ending in CRLF: for writing a CSV in parts. */
export function csvLines(rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0) return '';
  return `${Papa.unparse(
    rows.map((row) => row.map((cell) => (typeof cell === 'string' ? defuseCell(cell) : cell))),
    { newline: '\r\n', header: false },
  )}\r\n`;
}
