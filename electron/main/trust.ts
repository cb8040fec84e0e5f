/**
 * Which URLs the app trusts. Plain functions, no Electron import, so they are unit-tested.
 */

/** A predicate telling whether a URL is our own page (the built index.html, or the dev server). */
export function ownPagePredicate(indexFileUrl: string, devServerUrl?: string): (url: string) => boolean {
  const own = new URL(indexFileUrl);
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  return (url: string) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    if (dev) return u.origin === dev.origin;
    return u.protocol === 'file:' && u.pathname === own.pathname;
  };
}

/** Links the app may hand to the system: https pages and mailto addresses only. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(u.pathname));
    return u.protocol === 'https:' && u.hostname.length > 0 && !u.username && !u.password;
  } catch {
    return false;
  }
}
