import type { UiFeature } from '../../feature';
import { DataCard } from './DataCard';

export const dataUi: UiFeature = { name: 'data', slots: { settings: [DataCard] } };
