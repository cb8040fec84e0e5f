// Coopdesk's own lint rules: the architecture's boundaries, enforced in one place.
import { dirname, relative, resolve, sep } from 'node:path';

const FEATURE_ROOTS = ['electron/main/features', 'renderer/src/features'].map((r) => resolve(r));
const FACES = new Set(['', 'index', 'index.ts', 'index.tsx']);

/** Which feature a file belongs to, and its path inside that feature's folder. */
function placeOf(file) {
  for (const root of FEATURE_ROOTS) {
    const rel = relative(root, file);
    if (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '') {
      const [feature, ...rest] = rel.split(sep);
      return { root, feature, rest: rest.join('/') };
    }
  }
  return null;
}

/** Another feature is reached only through its face (`index.ts`): what it chose to offer. */
const featureFaces = {
  meta: { type: 'problem', messages: { internal: 'Import {{feature}} through its face ({{face}}), not its internals ({{path}}).' }, schema: [] },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = placeOf(resolve(dirname(file), spec));
      if (!target) return;
      const own = placeOf(file);
      if (own && own.root === target.root && own.feature === target.feature) return;
      if (FACES.has(target.rest.replace(/\.(ts|tsx)$/, '').replace(/^index$/, ''))) return;
      // The database type joins every feature's table types (db/schema.ts): the one reach inward, type-only.
      if (!own && /\.tables(\.ts)?$/.test(target.rest) && node.importKind === 'type') return;
      // A screen feature's `screens.ts` is its second, React-free face: the page's first script
      // (firstScreen.ts) reads the screens' paths, code and first reads from it before React loads.
      if (!own && target.root === FEATURE_ROOTS[1] && target.rest.replace(/\.ts$/, '') === 'screens') return;
      context.report({ node: node.source, messageId: 'internal', data: { feature: target.feature, face: `features/${target.feature}`, path: spec } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

/** A face offers the feature's reads and commands in its own language, never its rows: it may not re-export its repository. */
const facesSpeakTheFeaturesLanguage = {
  meta: {
    type: 'problem',
    messages: { rows: 'A feature’s face may not re-export its repository ({{path}}): offer a typed read or command from a service instead.' },
    schema: [],
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const place = placeOf(file);
    if (!place || !/^index\.tsx?$/.test(place.rest)) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec === 'string' && /\.repository(\.ts)?$/.test(spec)) context.report({ node: node.source, messageId: 'rows', data: { path: spec } });
    };
    return { ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

/**
 * One vocabulary of roles in every main-process feature folder, so a newcomer knows what a file
 * holds from its name: `index.ts` (the face) or `<name>.<role>.ts`.
 */
export const ROLES = ['handlers', 'commands', 'queries', 'service', 'policy', 'rules', 'model', 'repository', 'tables', 'seed', 'jobs', 'format'];
const roleNamePattern = new RegExp(`^[a-z][a-z0-9-]*\\.(${ROLES.join('|')})\\.ts$`);
const featureFileRoles = {
  meta: {
    type: 'suggestion',
    messages: { role: 'Name a feature file <name>.<role>.ts with a role from: {{roles}} (or index.ts for its face); “{{name}}” has none.' },
    schema: [],
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const place = placeOf(file);
    if (!place || place.root !== FEATURE_ROOTS[0] || place.rest.includes('/')) return {};
    if (place.rest === 'index.ts' || roleNamePattern.test(place.rest)) return {};
    return { Program: (node) => context.report({ node, messageId: 'role', data: { name: place.rest, roles: ROLES.join(', ') } }) };
  },
};

/**
 * zod as a namespace (`import * as z from 'zod'`): the named `z` is an object a bundler cannot
 * shake, and it kept all of zod (its 64 locales too, 580 kB) in the host's bundle. Types may
 * still be imported by name.
 */
const zodAsNamespace = {
  meta: {
    type: 'problem',
    messages: { named: "Import zod as a namespace, `import * as z from 'zod'`: the named `z` keeps all of zod in the host's bundle." },
    schema: [],
  },
  create(context) {
    return {
      ImportDeclaration(node) {
        if (node.source.value !== 'zod' || node.importKind === 'type') return;
        for (const spec of node.specifiers)
          if (spec.type === 'ImportSpecifier' && spec.importKind !== 'type' && spec.imported.name === 'z') context.report({ node: spec, messageId: 'named' });
      },
    };
  },
};

export default {
  rules: {
    'feature-faces': featureFaces,
    'faces-offer-no-rows': facesSpeakTheFeaturesLanguage,
    'feature-file-roles': featureFileRoles,
    'zod-as-namespace': zodAsNamespace,
  },
};

/** SQL is written in repositories and in db/; everything else calls them. */
export const queryBuildersOnlyInRepositories = {
  'no-restricted-syntax': [
    'error',
    {
      selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|with)$/]',
      message: 'Write queries in the feature’s <f>.repository.ts (or in db/): services hold the rules, repositories the SQL.',
    },
  ],
};
