/**
 * Spreadsheets run cells starting with = @ (or + and - before a non-digit) as formulas; a
 * leading quote keeps them text. Phone numbers like +44 stay as they are.
 */
export function defuseCell(value: string): string {
  return /^[=@\t\r]|^[+-][^\d\s]/.test(value) ? `'${value}` : value;
}
