import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's lint rules, run on the files a newcomer might write: each must be refused.
const eslint = new ESLint({ overrideConfigFile: 'test/eslint.config.js' });
const problems = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0].messages.map((m) => m.ruleId);

describe('lint keeps the features’ boundaries', () => {
  it('refuses a face that re-exports its repository, and takes one that offers a service’s read', async () => {
    expect(await problems("export { findById } from './events.repository';\n", 'electron/main/features/events/index.ts')).toContain(
      'coopdesk/faces-offer-no-rows',
    );
    expect(await problems("export { eventById } from './events.service';\n", 'electron/main/features/events/index.ts')).not.toContain(
      'coopdesk/faces-offer-no-rows',
    );
  });

  it('refuses a feature reaching into another feature’s internals', async () => {
    expect(
      await problems(
        "import { onBoard } from '../bookings/bookings.repository';\nexport const x = onBoard;\n",
        'electron/main/features/events/events.service.ts',
      ),
    ).toContain('coopdesk/feature-faces');
  });

  it('refuses a feature file with no known role, and takes one named by its role', async () => {
    expect(await problems('export const x = 1;\n', 'electron/main/features/events/helpers.ts')).toContain('coopdesk/feature-file-roles');
    expect(await problems('export const x = 1;\n', 'electron/main/features/events/events.utils.ts')).toContain('coopdesk/feature-file-roles');
    expect(await problems('export const x = 1;\n', 'electron/main/features/events/events.rules.ts')).not.toContain('coopdesk/feature-file-roles');
    expect(await problems('export const x = 1;\n', 'electron/main/features/events/index.ts')).not.toContain('coopdesk/feature-file-roles');
  });

  it('lets only the database type reach a feature’s table types, and only as types', async () => {
    const code = (kind: string) => `import ${kind}{ EventsTables } from '../features/events/events.tables';\nexport type DB = EventsTables;\n`;
    expect(await problems(code('type '), 'electron/main/db/schema.ts')).not.toContain('coopdesk/feature-faces');
    expect(await problems(code(''), 'electron/main/db/schema.ts')).toContain('coopdesk/feature-faces');
  });

  it('takes zod only as a namespace, so the host’s bundle keeps only the zod it uses', async () => {
    const uses = 'export const name = z.string();\n';
    expect(await problems(`import { z } from 'zod';\n${uses}`, 'shared/contract/events.contract.ts')).toContain('coopdesk/zod-as-namespace');
    expect(await problems(`import * as z from 'zod';\n${uses}`, 'shared/contract/events.contract.ts')).not.toContain('coopdesk/zod-as-namespace');
    expect(await problems("import type { z } from 'zod';\nexport type N = z.infer<z.ZodString>;\n", 'renderer/src/x.ts')).not.toContain(
      'coopdesk/zod-as-namespace',
    );
  });
});
