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
});
