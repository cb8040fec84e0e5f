/**
 * Which automatic backups to keep: the newest of each of the last 7 days, of the last 4 ISO
 * weeks and of the last 12 months (grandfather–father–son). Manual, pre-migration and
 * pre-restore backups are never deleted automatically.
 */
export interface Dated {
  name: string;
  kind: string;
  at: Date;
}

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
const monthKey = (d: Date) => d.toISOString().slice(0, 7);
function weekKey(d: Date): string {
  // ISO week: the Thursday of the week decides its year.
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${week}`;
}

export const KEEP = { daily: 7, weekly: 4, monthly: 12 };

export function backupsToDelete(backups: readonly Dated[]): string[] {
  const autos = backups.filter((b) => b.kind === 'auto').sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set<string>();
  for (const [key, count] of [
    [dayKey, KEEP.daily],
    [weekKey, KEEP.weekly],
    [monthKey, KEEP.monthly],
  ] as const) {
    const seen = new Set<string>();
    for (const b of autos) {
      const k = key(b.at);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(b.name);
    }
  }
  return autos.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
