import type { BoardBooking } from '@shared/contract/bookings.contract';
import { blockClass } from './boardLayout';
import { whoOf } from './time';

/**
 * The week of all rooms draws its booking blocks on one canvas laid over the rows in view: a busy
 * week shows about a thousand of them, and as elements they were most of the cost of every next
 * week (React, style, layout and paint of a thousand buttons). The blocks look as the stylesheet draws
 * `.block` (their colours are read from it, so they live in one place), and the cells under them
 * stay the grid a keyboard and a screen reader use: each names its bookings, and the cell under
 * the cursor shows its blocks as real buttons.
 */

/** What a block holds, as the row places it. */
export interface PaintedBlock {
  booking: BoardBooking;
  lane: number;
  from: number;
  to: number;
}

interface Look {
  fill: string;
  /** Hatched blocks (waiting for approval, released): the second colour of the stripes. */
  stripe: string | null;
  border: string;
  dashed: boolean;
  /** A checked-in block's thicker left edge, and its colour. */
  leftEdge: number;
  edge: string;
  text: string;
  struck: boolean;
  font: string;
  /** The text's inset from the block's sides. */
  pad: number;
}

const looks = new Map<string, Look>();

/**
 * The stylesheet's looks for kinds of blocks not yet seen, read from hidden blocks in a week cell:
 * all placed first, then all read, so the page's style is worked out once for them all.
 */
function learnLooks(classNames: Iterable<string>, host: Element): void {
  const probes = [...new Set(classNames)]
    .filter((className) => !looks.has(className))
    .map((className) => {
      const cell = document.createElement('div');
      cell.className = 'rooms-week-cell';
      cell.style.visibility = 'hidden';
      const probe = document.createElement('div');
      probe.className = className;
      cell.append(probe);
      host.append(cell);
      return [className, probe] as const;
    });
  for (const [className, probe] of probes) {
    const s = getComputedStyle(probe);
    // a hatched background is a repeating gradient of two colours: its first and its third stop
    const stops = s.backgroundImage.match(/rgba?\([^)]*\)/g);
    looks.set(className, {
      fill: stops?.[0] ?? s.backgroundColor,
      stripe: stops && stops.length > 2 ? stops[2] : null,
      border: s.borderTopColor,
      dashed: s.borderTopStyle === 'dashed',
      leftEdge: parseFloat(s.borderLeftWidth) || 1,
      edge: s.borderLeftColor,
      text: s.color,
      struck: s.textDecorationLine.includes('line-through'),
      font: `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`,
      pad: parseFloat(s.paddingLeft) || 0,
    });
  }
  for (const [, probe] of probes) probe.parentElement!.remove();
}

export const LANE_PX = 20;
export const BLOCK_TOP = 4;
export const BLOCK_HEIGHT = LANE_PX - 3;

/** Where a block is in its cell, in CSS pixels. */
function boxOf(block: PaintedBlock, cellWidth: number, share: (minute: number) => number) {
  const x = (share(block.from) / 100) * cellWidth;
  const w = Math.max(8, ((share(block.to) - share(block.from)) / 100) * cellWidth - 1);
  return { x, y: BLOCK_TOP + block.lane * LANE_PX, w, h: BLOCK_HEIGHT };
}

/** The block under a point of a cell (its offset from the cell's corner), if any. */
export function blockAt(blocks: readonly PaintedBlock[], x: number, y: number, cellWidth: number, share: (minute: number) => number): PaintedBlock | undefined {
  return blocks.find((b) => {
    const box = boxOf(b, cellWidth, share);
    return x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h;
  });
}

/**
 * Text cut to a width with an ellipsis, as `text-overflow: ellipsis` does. Widths are summed from
 * each character's, measured once per font: measuring every name of a busy week was most of its
 * drawing time. (Kerning is left out; the text is clipped to its block besides.)
 */
const charWidths = new Map<string, Map<string, number>>();
function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  let widths = charWidths.get(ctx.font);
  if (!widths) charWidths.set(ctx.font, (widths = new Map()));
  const of = (ch: string) => {
    let w = widths.get(ch);
    if (w === undefined) widths.set(ch, (w = ctx.measureText(ch).width));
    return w;
  };
  let total = 0;
  for (const ch of text) total += of(ch);
  if (total <= width) return text;
  const room = width - of('…');
  let used = 0;
  let cut = 0;
  for (const ch of text) {
    if (used + of(ch) > room) break;
    used += of(ch);
    cut += ch.length;
  }
  return cut > 0 ? `${text.slice(0, cut)}…` : '';
}

/** One row of the week in view: its band of the canvas (from the first row's top), its bookings by day, and the column left out. */
export interface RowPaint {
  key: string;
  top: number;
  height: number;
  cells: readonly (readonly PaintedBlock[])[];
  kind: string;
  /** The cursor's column on this row (its blocks are buttons), else -1. */
  skip: number;
}

/** What a canvas holds: its size, the hours across each day, and each band as last drawn. */
interface Drawn {
  width: number;
  height: number;
  ratio: number;
  share: (minute: number) => number;
  bands: Map<number, RowPaint>;
}
const drawnOn = new WeakMap<HTMLCanvasElement, Drawn>();

/**
 * Draws the rows in view on the grid's one canvas, each cell a seventh of its width after a 1 px
 * left border. One canvas, not one a row: each canvas cost a millisecond or more to set up, most
 * of the drawing of a week opened. Only the bands of rows that changed are drawn again (a move of
 * the cursor draws two rows); a new size, or new hours across the days, draws them all.
 */
export function paintRows(canvas: HTMLCanvasElement, rows: readonly RowPaint[], share: (minute: number) => number): void {
  const width = canvas.clientWidth;
  const height = rows.length ? rows[rows.length - 1].top + rows[rows.length - 1].height : 0;
  const ratio = window.devicePixelRatio || 1;
  let drawn = drawnOn.get(canvas);
  const whole = !drawn || drawn.width !== width || drawn.height !== height || drawn.ratio !== ratio || drawn.share !== share;
  const changed = rows.filter((row) => {
    const before = whole ? undefined : drawn!.bands.get(row.top);
    return (
      !before || before.key !== row.key || before.height !== row.height || before.cells !== row.cells || before.skip !== row.skip || before.kind !== row.kind
    );
  });
  if (changed.length === 0) return;
  learnLooks(
    changed.flatMap(({ cells, kind }) => cells.flatMap((blocks) => blocks.map((b) => blockClass(b.booking, kind)))),
    canvas.parentElement ?? document.body,
  );
  if (whole) {
    [canvas.width, canvas.height] = [Math.round(width * ratio), Math.round(height * ratio)];
    drawnOn.set(canvas, (drawn = { width, height, ratio, share, bands: new Map() }));
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.textBaseline = 'middle';
  const column = width / changed[0].cells.length;
  const set = { font: '' };
  for (const row of changed) {
    ctx.clearRect(0, row.top, width, row.height);
    row.cells.forEach((blocks, col) => {
      if (col === row.skip) return;
      const left = col * column + 1;
      for (const block of blocks) {
        const look = looks.get(blockClass(block.booking, row.kind))!;
        const box = boxOf(block, column - 1, share);
        drawBlock(ctx, set, look, left + box.x, row.top + box.y, box.w, box.h, whoOf(block.booking));
      }
    });
    drawn!.bands.set(row.top, row);
  }
}

function drawBlock(ctx: CanvasRenderingContext2D, set: { font: string }, look: Look, x: number, y: number, w: number, h: number, label: string) {
  const outline = () => {
    ctx.beginPath();
    ctx.roundRect(x + 0.5, y + 0.5, w - 1, h - 1, 4);
  };
  outline();
  ctx.fillStyle = look.fill;
  ctx.fill();
  if (look.stripe) {
    // 135° stripes, 5 px each, as the stylesheet's repeating gradient
    ctx.save();
    ctx.clip();
    ctx.strokeStyle = look.stripe;
    ctx.lineWidth = 5 / Math.SQRT2;
    ctx.beginPath();
    for (let d = -h; d < w + h; d += 10 / Math.SQRT2) {
      ctx.moveTo(x + d, y);
      ctx.lineTo(x + d + h, y + h);
    }
    ctx.stroke();
    ctx.restore();
    outline();
  }
  ctx.setLineDash(look.dashed ? DASH : NO_DASH);
  ctx.strokeStyle = look.border;
  ctx.lineWidth = 1;
  ctx.stroke();
  if (look.leftEdge > 1) {
    // the thicker left edge follows the block's rounded corners, as the stylesheet's border does
    ctx.save();
    ctx.beginPath();
    ctx.roundRect(x, y, w, h, 4);
    ctx.clip();
    ctx.fillStyle = look.edge;
    ctx.fillRect(x, y, look.leftEdge, h);
    ctx.restore();
  }
  const edge = look.leftEdge > 1 ? look.leftEdge - 1 : 0;
  const room = w - 2 * look.pad - edge;
  if (room < 6) return;
  // a canvas parses its font on every set: set once a row while it stays the same
  if (set.font !== look.font) ctx.font = set.font = look.font;
  ctx.fillStyle = look.text;
  const text = fit(ctx, label, room);
  if (!text) return;
  ctx.fillText(text, x + look.pad + edge, y + h / 2 + 0.5, room);
  if (look.struck) ctx.fillRect(x + look.pad + edge, y + h / 2, Math.min(room, ctx.measureText(text).width), 1);
}

const DASH = [3, 2];
const NO_DASH: number[] = [];
