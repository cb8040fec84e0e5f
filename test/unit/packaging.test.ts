import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';

// The installers cannot be built here (electron-builder downloads Electron's zip from outside the
// npm registry), so the configuration is checked instead: by electron-builder's own schema, and
// for what matters to a co-op installing the app.
const config = JSON.parse(readFileSync('electron-builder.json', 'utf8')) as Configuration & Record<string, unknown>;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string>; main: string };

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the packaging configuration', () => {
  it('passes electron-builder’s own validation', async () => {
    const { $schema: _schema, ...builderConfig } = config;
    const logger = { isEnabled: false, add: () => undefined } as never;
    await expect(validateConfiguration(builderConfig as Configuration, logger)).resolves.toBeUndefined();
    // and the validation is real: a misspelt option is refused
    await expect(validateConfiguration({ ...builderConfig, asarUnpak: ['x'] } as Configuration, logger)).rejects.toThrow(/asarUnpak/);
  });

  it('names the app and builds AppImage and deb, NSIS and dmg', () => {
    expect(config.appId).toBe('coop.coopdesk.desk');
    expect(config.productName).toBe('Coopdesk');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.directories).toMatchObject({ output: 'dist', buildResources: 'resources' });
  });

  it('rebuilds better-sqlite3 for Electron and keeps it outside the asar archive, where a native module must be', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
  });

  it('ships the built app and nothing of the development tree', () => {
    const files = config.files as string[];
    for (const wanted of ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']) expect(files).toContain(wanted);
    for (const left of ['!**/*.map', '!node_modules/.coopdesk-native/**']) expect(files).toContain(left);
    expect(files.some((f) => /^(electron|renderer|shared|test)\//.test(f))).toBe(false);
    expect(config.extraMetadata).toMatchObject({ main: pkg.main });
  });

  it('has every icon it names, at the sizes each platform wants, made from the SVG by a script kept here', () => {
    expect(existsSync('resources/icon.svg')).toBe(true);
    expect(readFileSync('resources/make-icons.mjs', 'utf8')).toContain('icon.svg');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) expect(pngSize(`resources/icons/${size}x${size}.png`)).toEqual([size, size]);
    expect(pngSize('resources/icon.png')).toEqual([512, 512]);
    // Windows: an ICO holding a 256-pixel image (0 in the directory means 256)
    const ico = readFileSync(config.win!.icon as string);
    expect(ico.readUInt16LE(2)).toBe(1);
    const images = ico.readUInt16LE(4);
    expect(Array.from({ length: images }, (_, i) => ico[6 + i * 16])).toContain(0);
    // macOS: an ICNS file whose length is what its header says
    const icns = readFileSync(config.mac!.icon as string);
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(config.linux!.icon).toBe('resources/icons');
  });

  it('is what npm run dist builds with', () => {
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder --config electron-builder.json');
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\^26\./);
  });
});
