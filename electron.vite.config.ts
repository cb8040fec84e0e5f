import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { resolve } from 'node:path';
import { firstScreenChunks } from './electron/tools/firstScreenChunks';

// Our folders are not electron-vite's defaults, so every entry is named. `@shared` is the
// environment-free code both sides use (tsconfig's paths say the same to the type checker).
const alias = { '@shared': resolve('shared') };

// the files a cold open fetches: the shell, then the opened screen's group. Of the screens a
// cold open starts early (firstScreen.ts), the most opened; the month, the forms and the import
// bring the contract's field schemas (87 kB) and stay split as before
const chunks = firstScreenChunks('renderer/src/boot.tsx', {
  calendars: ['bookings/DayBoardPage.tsx', 'bookings/WeekPage.tsx', 'bookings/RoomsWeekPage.tsx'],
  today: ['frontdesk/TodayPage.tsx'],
  members: ['members/MembersPage.tsx'],
});

export default defineConfig({
  main: {
    // ES-module packages of hundreds of files are bundled in: Node resolving and reading each
    // was a third of the main process's start-up (the browser host's build does the same)
    plugins: [externalizeDepsPlugin({ exclude: ['zod', 'kysely', 'date-fns', '@date-fns/tz'] })],
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), chunks],
    resolve: { alias },
    build: {
      outDir: resolve('out/renderer'),
      // Minified and split by screen: the first chunk is what the shell needs to paint.
      minify: process.env.NO_MINIFY ? false : true,
      rollupOptions: { input: resolve('renderer/index.html'), output: { codeSplitting: { includeDependenciesRecursively: false, groups: chunks.groups } } },
    },
  },
});
