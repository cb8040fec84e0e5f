import { bookablesContract } from '@shared/contract/bookables.contract';
import { defineFeature } from '../../feature';
import { handlers } from './bookables.handlers';

export const bookablesFeature = defineFeature({ name: 'bookables', contract: bookablesContract, handlers, tables: ['bookables'] });

export { effectiveRules, toBookable } from './bookables.service';
export { type BookableRow, findById as findBookable, list as listRows, onBoard } from './bookables.repository';
