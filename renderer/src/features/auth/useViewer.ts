import { useAuth } from './useAuth';

/** Who is looking: the member (at the kiosk or on the portal), the desk, and whether the desk is the manager. */
export function useViewer() {
  const auth = useAuth().data;
  const memberId = auth?.mode === 'manager' ? null : (auth?.member?.id ?? auth?.account?.memberId ?? null);
  const staff = auth?.mode === 'manager';
  const manager = staff && (!auth?.account || auth.account.role === 'manager');
  return { memberId, staff, manager, ready: Boolean(auth) };
}
