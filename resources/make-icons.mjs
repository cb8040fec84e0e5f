// Makes every icon the packagers want from resources/icon.svg: PNGs for Linux (and the window),
// icon.ico for Windows and icon.icns for macOS. Run it after changing the SVG:
//   node resources/make-icons.mjs
// The results are committed, so a build needs neither this script nor its tools.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const here = dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(join(here, 'icon.svg'));
/** The sizes Linux desktops and electron-builder look for (resources/icons/<n>x<n>.png). */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const png = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();

mkdirSync(join(here, 'icons'), { recursive: true });
for (const size of PNG_SIZES) writeFileSync(join(here, 'icons', `${size}x${size}.png`), png(size));
writeFileSync(join(here, 'icon.png'), png(512));
const big = png(1024);
// BICUBIC scaling, no colour reduction; the ICO keeps PNG-compressed images for its large sizes
writeFileSync(join(here, 'icon.ico'), png2icons.createICO(big, png2icons.BICUBIC, 0, true, true));
writeFileSync(join(here, 'icon.icns'), png2icons.createICNS(big, png2icons.BICUBIC, 0));
console.log(`icons written to ${here}`);
