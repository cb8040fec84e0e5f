// Fails when files import each other in a cycle (type-only imports included: a cycle of types
// is still two files that cannot be read apart). Run by `npm run lint`.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const roots = ['electron', 'shared', 'renderer/src'];
const exts = ['.ts', '.tsx', '/index.ts', '/index.tsx'];
const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : /\.tsx?$/.test(n) ? [join(d, n)] : []));
const files = roots.flatMap((r) => (existsSync(r) ? walk(r) : [])).map((f) => resolve(f));

function resolveImport(from, spec) {
  const base = spec.startsWith('@shared/') ? resolve('shared', spec.slice('@shared/'.length)) : resolve(dirname(from), spec);
  for (const candidate of [base, ...exts.map((e) => base + e)]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

const graph = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const targets = [...text.matchAll(/(?:import|export)\s[^'";]*?from\s+['"]((?:\.|@shared\/)[^'"]+)['"]|import\(\s*['"]((?:\.|@shared\/)[^'"]+)['"]\s*\)/g)]
    .map((m) => resolveImport(file, m[1] ?? m[2]))
    .filter(Boolean);
  graph.set(file, [...new Set(targets)]);
}

// Tarjan's strongly connected components: any component of two or more files is a cycle.
let index = 0;
const stack = [];
const meta = new Map();
const cycles = [];
function visit(v) {
  meta.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    if (!meta.has(w)) {
      visit(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component);
  }
}
for (const file of graph.keys()) if (!meta.has(file)) visit(file);

if (cycles.length > 0) {
  console.error(`Import cycles (${cycles.length}):`);
  for (const c of cycles) console.error('  ' + c.map((f) => relative(process.cwd(), f)).join(' <-> '));
  process.exit(1);
}
console.log(`No import cycles among ${files.length} files.`);
