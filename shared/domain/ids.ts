import { v7 } from 'uuid';

/** Time-ordered ids (UUIDv7) so that data from several sites can one day merge. */
export function newId(): string {
  return v7();
}
