import { defineFeature } from '../../feature';

/** Files in the data folder: the one way to turn stored names into paths. A kernel with no channels or tables. */
export const storageFeature = defineFeature({ kernel: true, name: 'storage' });

export { dataPath, isRecordId, isStoredName, safeFileName } from './storage.service';
export { diskFull, ensureRoom, freeBytes, roomCheck } from './disk.service';
