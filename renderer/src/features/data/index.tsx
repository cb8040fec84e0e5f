import { lazyPage, type UiFeature } from '../../feature';
const DataCard = lazyPage(() => import('./DataCard'), 'DataCard');

export const dataUi: UiFeature = { name: 'data', slots: { settings: [{ id: 'data', title: 'Your data', Part: DataCard }] } };
