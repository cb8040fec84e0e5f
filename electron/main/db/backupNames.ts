/**
 * Backup files live in <data folder>/backups and say what made them and when:
 * `auto-2026-11-24T10-00-00Z.sqlite`, `manual-…`, `pre-migration-…`, `pre-restore-…`.
 */
export const BACKUP_KINDS = ['auto', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

const PATTERN = /^(auto|manual|pre-migration|pre-restore)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.sqlite$/;

export function backupFileName(kind: BackupKind, at: Date): string {
  return `${kind}-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.sqlite`;
}

/** The kind and time of a backup file, or null for any other file (never touched). */
export function parseBackupName(name: string): { kind: BackupKind; at: Date } | null {
  const m = PATTERN.exec(name);
  if (!m) return null;
  return { kind: m[1] as BackupKind, at: new Date(`${m[2]}T${m[3]}:${m[4]}:${m[5]}Z`) };
}
