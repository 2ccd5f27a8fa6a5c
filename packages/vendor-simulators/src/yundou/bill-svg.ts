import type { BillLayout } from './bill-layout.js';

const FONT = "'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','SimSun',sans-serif";
const WIDTH = 1240;
const MARGIN = 48;
const LINE = 52;
const ITEM_LINE = 44;

export interface BillSvg {
  svg: string;
  width: number;
  height: number;
  /** Where the QR code goes (top-left, as on Chinese invoices). */
  qr: { left: number; top: number };
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const text = (x: number, y: number, size: number, content: string, attrs = '') =>
  `<text x="${x}" y="${y}" font-size="${size}" font-family="${FONT}" ${attrs}>${escape(content)}</text>`;

/** Rough width of a text line: CJK glyphs are square, Latin ones about half as wide. */
function textWidth(content: string, size: number): number {
  let width = 0;
  for (const char of content) width += /[\u2e80-\uffef]/.test(char) ? size : size * 0.58;
  return Math.ceil(width);
}

/** Draws a bill's layout as SVG, leaving a square of `qrSize` pixels for its QR code. */
export function billSvg(layout: BillLayout, qrSize: number): BillSvg {
  const parts: string[] = [];
  const headerBottom = MARGIN + Math.max(qrSize, 150) + 50;
  const titleX = (MARGIN + qrSize + WIDTH) / 2;
  parts.push(
    text(titleX, MARGIN + 64, 50, layout.title, `text-anchor="middle" font-weight="bold" fill="${layout.accent}"`),
  );
  parts.push(
    `<line x1="${titleX - 260}" y1="${MARGIN + 86}" x2="${titleX + 260}" y2="${MARGIN + 86}" stroke="${layout.accent}" stroke-width="3"/>`,
    `<line x1="${titleX - 260}" y1="${MARGIN + 93}" x2="${titleX + 260}" y2="${MARGIN + 93}" stroke="${layout.accent}" stroke-width="1"/>`,
  );
  parts.push(text(titleX, MARGIN + 136, 26, layout.subtitle, `text-anchor="middle" fill="#555"`));

  let y = headerBottom;
  const column = (WIDTH - 2 * MARGIN) / 2;
  let slot = 0;
  for (const [label, value] of layout.fields) {
    const labelWidth = textWidth(`${label}：`, 26);
    // A field too long for half the page takes a whole row.
    const wide = labelWidth + textWidth(value, 28) > column - 24;
    if (slot === 1 && wide) {
      y += LINE;
      slot = 0;
    }
    const x = MARGIN + slot * column;
    parts.push(text(x, y, 26, `${label}：`, `fill="${layout.accent}"`));
    parts.push(text(x + labelWidth, y, 28, value, 'fill="#1a1a1a"'));
    if (wide || slot === 1) {
      y += LINE;
      slot = 0;
    } else slot = 1;
  }
  if (slot === 1) y += LINE;

  if (layout.itemHeader && layout.items) {
    const widths = [330, 130, 70, 80, 130, 150, 80, 140];
    const tableTop = y - 8;
    const rows = [layout.itemHeader, ...layout.items];
    rows.forEach((row, r) => {
      let x = MARGIN;
      row.forEach((cell, c) => {
        parts.push(text(x + 8, y + 22, r === 0 ? 22 : 24, cell, `fill="${r === 0 ? layout.accent : '#1a1a1a'}"`));
        x += widths[c];
      });
      y += ITEM_LINE;
    });
    const tableWidth = widths.reduce((sum, w) => sum + w, 0);
    parts.push(
      `<rect x="${MARGIN}" y="${tableTop}" width="${tableWidth}" height="${y - tableTop}" fill="none" stroke="${layout.accent}" stroke-width="2"/>`,
      `<line x1="${MARGIN}" y1="${tableTop + ITEM_LINE}" x2="${MARGIN + tableWidth}" y2="${tableTop + ITEM_LINE}" stroke="${layout.accent}"/>`,
    );
    y += 24;
  }

  const height = y + 150;
  if (layout.stamped) {
    // The round red seal (发票专用章) that `chapter: 1` stands for.
    const cx = WIDTH - MARGIN - 140;
    const cy = height - 110;
    parts.push(
      `<ellipse cx="${cx}" cy="${cy}" rx="120" ry="80" fill="none" stroke="#d0342c" stroke-width="6" opacity="0.8"/>`,
      text(cx, cy + 10, 28, '发票专用章', `text-anchor="middle" fill="#d0342c" opacity="0.8"`),
    );
  }
  parts.push(text(MARGIN, height - 40, 22, layout.footer, 'fill="#666"'));

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    `<rect width="100%" height="100%" fill="${layout.paper}"/>`,
    `<rect x="16" y="16" width="${WIDTH - 32}" height="${height - 32}" fill="none" stroke="${layout.accent}" stroke-width="4"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
  return { svg, width: WIDTH, height, qr: { left: MARGIN, top: MARGIN } };
}
