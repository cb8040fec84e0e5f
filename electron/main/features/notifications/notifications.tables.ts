/** The notifications feature's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). */
export interface NotificationsTable {
  id: string;
  /** A member's id, or a staff account's id. */
  recipient_id: string;
  kind: string;
  title: string;
  body: string;
  /** The screen that shows what it is about (a route of the app). */
  href: string;
  created_at: number;
  read_at: number | null;
  email_state: 'none' | 'pending' | 'sent' | 'failed';
  email_attempts: number;
  email_error: string;
  /** When the next try to send it is due (it backs off after a failure). */
  email_next_at: number | null;
}

export interface NotificationPrefsTable {
  recipient_id: string;
  kind: string;
  /** 1: by e-mail too; 0: the inbox only. */
  email: number;
}

export interface NotificationsTables {
  notifications: NotificationsTable;
  notification_prefs: NotificationPrefsTable;
}
