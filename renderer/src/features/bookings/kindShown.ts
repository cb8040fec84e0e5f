import type { BookableKind } from '@shared/contract/bookables.contract';

/** Which bookables a week or month of the site shows, kept in the address (?kind=desk); rooms unless said, all for `all`. */
export function kindOf(search: URLSearchParams): BookableKind | undefined {
  const kind = search.get('kind');
  if (kind === 'all') return undefined;
  return kind === 'desk' || kind === 'resource' ? kind : 'room';
}
