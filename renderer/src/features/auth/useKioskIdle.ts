import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { KIOSK_IDLE_SECONDS } from '@shared/contract/auth.contract';
import { call } from '../../api/client';

/** The last seconds before sign-out are counted down on the screen. */
const WARN_SECONDS = 30;
/** While the member is active, the host is told at most this often (it signs out on its own clock too). */
const KEEP_ALIVE_MS = 60_000;

/**
 * A member who walks away from the shared screen is signed out after the idle time the host also
 * applies: a touch or a key restarts it, the last 30 seconds show a countdown, and at zero the
 * screen goes back to "who are you?". Returns the seconds left while counting down, else null.
 */
export function useKioskIdle(active: boolean): number | null {
  const queryClient = useQueryClient();
  const [left, setLeft] = useState<number | null>(null);
  const last = useRef(0);
  useEffect(() => {
    if (!active) return;
    last.current = Date.now();
    let told = Date.now();
    const touched = () => {
      last.current = Date.now();
      setLeft(null);
      if (Date.now() - told > KEEP_ALIVE_MS) {
        told = Date.now();
        void queryClient.invalidateQueries({ queryKey: ['auth.status'] });
      }
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, touched, { passive: true });
    const timer = window.setInterval(() => {
      const remaining = Math.ceil(KIOSK_IDLE_SECONDS - (Date.now() - last.current) / 1000);
      if (remaining <= 0) {
        window.clearInterval(timer);
        void call('auth.signOut', {}).then(() => queryClient.invalidateQueries());
      } else setLeft(remaining <= WARN_SECONDS ? remaining : null);
    }, 1000);
    return () => {
      window.clearInterval(timer);
      for (const e of events) window.removeEventListener(e, touched);
    };
  }, [active, queryClient]);
  return active ? left : null;
}
