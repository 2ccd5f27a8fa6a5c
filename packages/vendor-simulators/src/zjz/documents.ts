import QRCode from 'qrcode';
import sharp, { type OverlayOptions } from 'sharp';
import type { ZjzReceiptSpec } from '@banshi/vendor-clients/zjz';

export interface ReceiptContent {
  spec: ZjzReceiptSpec;
  orderNo: string;
  receiptNo: string;
  /** The name on the order, shown masked as on official receipts. */
  name?: string;
  issuedAt: Date;
  /** The made photo (JPEG) to print on the receipt. */
  photo: Buffer;
}

const RECEIPT_WIDTH = 900;
const RECEIPT_HEIGHT = 560;
const PHOTO_BOX_HEIGHT = 340;
const QR_SIZE = 180;

/**
 * Renders the 回执照: a card with the spec, the receipt number (also as a QR code, which is what the
 * authorities' counters scan), the order number and the photo. Chinese labels need a CJK font on the
 * machine; every value that matters is also written in ASCII.
 */
export async function renderReceipt(content: ReceiptContent): Promise<Buffer> {
  const date = content.issuedAt.toISOString().slice(0, 10);
  const lines: [string, string][] = [
    ['规格 Spec', `${content.spec.name} (item ${content.spec.itemId})`],
    ['回执编号 Receipt No.', content.receiptNo],
    ['订单号 Order No.', content.orderNo],
    ['姓名 Name', maskName(content.name ?? '')],
    ['日期 Date', date],
  ];
  const text = lines
    .map(
      ([label, value], index) =>
        `<text x="330" y="${150 + index * 48}" font-size="20" fill="#555">${escapeXml(label)}</text>` +
        `<text x="330" y="${174 + index * 48}" font-size="22" font-weight="bold" fill="#111">${escapeXml(value)}</text>`,
    )
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${RECEIPT_WIDTH}" height="${RECEIPT_HEIGHT}">` +
    `<rect width="100%" height="100%" fill="#FFFFFF"/>` +
    `<rect x="8" y="8" width="${RECEIPT_WIDTH - 16}" height="${RECEIPT_HEIGHT - 16}" fill="none" stroke="#1F4E79" stroke-width="4"/>` +
    `<text x="40" y="64" font-family="sans-serif" font-size="34" font-weight="bold" fill="#1F4E79">数码照片回执 DIGITAL PHOTO RECEIPT</text>` +
    `<g font-family="sans-serif">${text}</g>` +
    `</svg>`;

  const photo = await sharp(content.photo).resize({ height: PHOTO_BOX_HEIGHT }).png().toBuffer();
  // As SVG: qrcode's own PNG encoder is pure JavaScript and ten times slower than letting librsvg draw it.
  const qrSvg = await QRCode.toString(content.receiptNo, {
    type: 'svg',
    width: QR_SIZE,
    margin: 2,
    errorCorrectionLevel: 'M',
  });
  const qr = await sharp(Buffer.from(qrSvg)).resize(QR_SIZE, QR_SIZE).png().toBuffer();
  return sharp(Buffer.from(svg))
    .composite([
      { input: photo, left: 40, top: 110 },
      { input: qr, left: RECEIPT_WIDTH - QR_SIZE - 40, top: RECEIPT_HEIGHT - QR_SIZE - 40 },
    ])
    .flatten({ background: '#FFFFFF' })
    .jpeg({ quality: 90 })
    .withDensity(150)
    .toBuffer();
}

/** 6-inch photo paper (152×102 mm), landscape, as the print layout (排版照) is printed on. */
const SHEET_MM = { width: 152, height: 102 };

/** Renders the 排版照: as many copies of the photo as fit on a 6-inch sheet at the spec's dpi, with cut gaps. */
export async function renderPrintLayout(photo: Buffer, spec: ZjzReceiptSpec): Promise<Buffer> {
  const width = Math.round((SHEET_MM.width / 25.4) * spec.dpi);
  const height = Math.round((SHEET_MM.height / 25.4) * spec.dpi);
  const gap = Math.round((2 / 25.4) * spec.dpi);
  const columns = Math.max(1, Math.floor((width - gap) / (spec.widthPx + gap)));
  const rows = Math.max(1, Math.floor((height - gap) / (spec.heightPx + gap)));
  const left0 = Math.floor((width - columns * spec.widthPx - (columns - 1) * gap) / 2);
  const top0 = Math.floor((height - rows * spec.heightPx - (rows - 1) * gap) / 2);
  const tile = await sharp(photo).resize(spec.widthPx, spec.heightPx, { fit: 'fill' }).toBuffer();
  const copies: OverlayOptions[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      copies.push({
        input: tile,
        left: left0 + column * (spec.widthPx + gap),
        top: top0 + row * (spec.heightPx + gap),
      });
    }
  }
  return sharp({ create: { width, height, channels: 3, background: '#FFFFFF' } })
    .composite(copies)
    .jpeg({ quality: 92 })
    .withDensity(spec.dpi)
    .toBuffer();
}

/** The 证件照 after the reviewer's adjustment (brightness and contrast), same size and dpi. */
export async function renderAdjustedPhoto(photo: Buffer, spec: ZjzReceiptSpec): Promise<Buffer> {
  return sharp(photo)
    .modulate({ brightness: 1.06 })
    .linear(1.05, -6)
    .jpeg({ quality: 92 })
    .withDensity(spec.dpi)
    .toBuffer();
}

/** Keeps the family name, as on the authorities' receipts: 张三 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '-';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
