import { lazyPage, type UiFeature } from '../../feature';
const DataCard = lazyPage(() => import('./DataCard'), 'DataCard');
const DatabaseCard = lazyPage(() => import('./DatabaseCard'), 'DatabaseCard');

export const dataUi: UiFeature = {
  name: 'data',
  slots: {
    settings: [
      { id: 'data', title: 'Your data', Part: DataCard },
      { id: 'database', title: 'Database', Part: DatabaseCard },
    ],
  },
};
