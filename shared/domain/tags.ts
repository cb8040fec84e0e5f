/**
 * Tags are free text ("copywriting", "3D printing", "bookkeeping"). One spelling per idea:
 * trimmed, inner spaces collapsed, lower-cased so "Web Design" and "web design" are one tag.
 */
export function normalizeTag(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Normalizes and removes duplicates and empties, keeping first-seen order. */
export function uniqueTags(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const t of raw) {
    const n = normalizeTag(t);
    if (n) seen.add(n);
  }
  return [...seen];
}

/** Splits "a; b, c" (CSV cells, pasted lists) into tags. */
export function splitTagList(text: string): string[] {
  return uniqueTags(text.split(/[;,]/));
}
