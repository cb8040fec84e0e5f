import type { Plugin } from 'vite';

type Group = { name: string; test: (id: string) => boolean };

/**
 * The renderer's code for a cold open in a few files instead of two dozen. Left to itself the
 * bundler makes a file for every set of screens that share a module (Dialog, the field helpers,
 * the hooks …), and the day board's first open fetched 25 of them: for each, a request, a
 * response handled and a `modulepreload` link, all on the page's main thread. Here:
 * - `shell`: everything `boot.tsx` imports that the page's first script has not;
 * - one file per group named in `screenGroups` (each a few screens' files), and one named
 *   `screens` for what more than one of those groups shares.
 * A screen opened first then fetches three files (and the bundler's small runtime, a file of its
 * own that groups are not offered). Any other screen's code, and what the first screens load
 * later (dialogs, forms), is split as before.
 */
export function firstScreenChunks(shell: string, screenGroups: Record<string, string[]>): Plugin & { groups: Group[] } {
  const owner = new Map<string, string>();
  const names = ['shell', 'screens', ...Object.keys(screenGroups)];
  return {
    name: 'coopdesk-first-screen-chunks',
    apply: 'build',
    groups: names.map((name) => ({ name, test: (id) => owner.get(id) === name })),
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const closure = (roots: string[]) => {
        const seen = new Set<string>();
        const visit = (id: string) => {
          if (seen.has(id) || owner.has(id)) return;
          seen.add(id);
          (this.getModuleInfo(id)?.importedIds ?? []).forEach(visit);
        };
        roots.forEach(visit);
        return seen;
      };
      const find = (name: string, roots: string[]) =>
        roots.map((root) => ids.find((id) => id.endsWith(root)) ?? this.error(`first-screen chunk ${name}: no module ends with ${root}`));
      // the first script's modules stay where they are; each later file gets what is left
      for (const id of closure(ids.filter((id) => this.getModuleInfo(id)?.isEntry))) owner.set(id, '(entry)');
      for (const id of closure(find('shell', [shell]))) owner.set(id, 'shell');
      const wanted = new Map<string, string[]>();
      for (const [name, roots] of Object.entries(screenGroups)) for (const id of closure(find(name, roots))) wanted.set(id, [...(wanted.get(id) ?? []), name]);
      for (const [id, by] of wanted) owner.set(id, by.length === 1 ? by[0] : 'screens');
    },
    // V8's compile hint: the shell's functions nearly all run at once (React's, the features'
    // declarations), so they are compiled with the file on a background thread rather than one
    // by one on the main thread as they are first called (in traces of the day board, 40-60 ms
    // less compiling on the main thread; its longest task 75 -> 66 ms, on a phone 521 -> 467)
    generateBundle: {
      // after Vite's own additions: the hint counts only on the file's first line
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle))
          if (chunk.type === 'chunk' && chunk.name === 'shell') chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      },
    },
  };
}
