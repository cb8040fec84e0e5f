import { useApi } from '../../api/hooks';
import { lazyPage, type PaletteEntry, type UiFeature } from '../../feature';

const BookableForm = lazyPage(() => import('./BookableForm'), 'BookableForm');
const BookablesPage = lazyPage(() => import('./BookablesPage'), 'BookablesPage');

const GROUP = { room: 'Room', desk: 'Desk', resource: 'Resource' } as const;

/** Rooms, desks and resources by name, opening their week. */
function useBookableResults(text: string): PaletteEntry[] {
  const bookables = useApi('bookables.list', {}, { enabled: text.length > 0 });
  const today = useApi('frontdesk.today', {}, { enabled: text.length > 0 });
  if (!text) return [];
  const date = today.data?.date ?? new Date().toISOString().slice(0, 10);
  return (bookables.data ?? [])
    .filter((b) => b.name.toLowerCase().includes(text))
    .map((b) => ({ id: b.id, group: GROUP[b.kind], label: b.name, hint: 'week view', go: `/bookables/${b.id}/week/${date}` }));
}

export const bookablesUi: UiFeature = {
  name: 'bookables',
  nav: { href: '/bookables', label: 'Bookables', match: '/bookables/*?' },
  routes: [
    { path: '/bookables/new', render: () => <BookableForm />, page: BookableForm },
    { path: '/bookables/:id/edit', render: (p) => <BookableForm key={p.id} id={p.id} />, page: BookableForm },
    { path: '/bookables', render: () => <BookablesPage />, page: BookablesPage },
  ],
  palette: { useResults: useBookableResults },
};
