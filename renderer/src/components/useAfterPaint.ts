import { useEffect, useState } from 'react';

/**
 * True once a frame has been painted while `ready` held: for work that must not hold up that
 * paint (code for the cards below a screen's first view; every other screen's code).
 */
export function useAfterPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    // the first callback runs before the next frame is painted, the second after it
    let second = 0;
    const first = requestAnimationFrame(() => (second = requestAnimationFrame(() => setAfter(true))));
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [ready, after]);
  return after;
}
