import { systemContract } from '@shared/contract/system.contract';
import { defineFeature } from '../../feature';
import { handlers } from './system.handlers';

export const systemFeature = defineFeature({ name: 'system', contract: systemContract, handlers });
