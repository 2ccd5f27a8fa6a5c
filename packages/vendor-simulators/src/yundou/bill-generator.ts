import QRCode from 'qrcode';
import sharp from 'sharp';
import { billLayout } from './bill-layout.js';
import { billSvg } from './bill-svg.js';
import { billQrPayload, type GeneratedBill } from './generated-bill.js';

export interface RenderBillOptions {
  /** JPEG quality, 1-100 (default 88). */
  quality?: number;
  /** Turns the page by this many degrees over a grey desk, like a hand-held photo (default 0). */
  rotateDeg?: number;
  /** Pixels per QR module (default 4). */
  qrModulePx?: number;
}

interface QrRaster {
  pixels: Buffer;
  size: number;
}

/**
 * Draws the QR code's modules as grey pixels. qrcode's own PNG output encodes in JavaScript, which is
 * very slow inside jest's vm contexts; sharp composites raw pixels natively.
 */
function qrRaster(text: string, modulePx: number): QrRaster {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const size = (modules.size + 2 * quiet) * modulePx;
  const pixels = Buffer.alloc(size * size, 0xff);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const left = (col + quiet) * modulePx;
      for (let dy = 0; dy < modulePx; dy++) {
        const start = ((row + quiet) * modulePx + dy) * size + left;
        pixels.fill(0, start, start + modulePx);
      }
    }
  }
  return { pixels, size };
}

const rasterInput = (qr: QrRaster) => ({
  input: qr.pixels,
  raw: { width: qr.size, height: qr.size, channels: 1 as const },
});

/**
 * Renders a test bill as a JPEG photo: the bill's title and fields in Chinese, a seal when it is
 * stamped, and a QR code holding the bill as JSON (`billQrPayload`, with the standard invoice QR text
 * under `vatQr` on VAT bills). The Yundou simulator recognises bills by decoding that QR code.
 * CJK glyphs need a CJK font on the machine (fonts-noto-cjk); without one the text shows as boxes
 * and the QR code, which is all recognition reads, is unaffected.
 */
export async function renderBillImage(bill: GeneratedBill, options: RenderBillOptions = {}): Promise<Buffer> {
  const qr = qrRaster(billQrPayload(bill), options.qrModulePx ?? 4);
  const page = billSvg(billLayout(bill), qr.size);
  let image = sharp(Buffer.from(page.svg)).composite([{ ...rasterInput(qr), left: page.qr.left, top: page.qr.top }]);
  if (options.rotateDeg) {
    // Rotating needs the composited pixels, so flatten to a buffer first.
    const flat = await image.png().toBuffer();
    image = sharp(flat).rotate(options.rotateDeg, { background: '#6f6a62' });
  }
  return image.jpeg({ quality: options.quality ?? 88, mozjpeg: false }).toBuffer();
}

/** A photo of an e-invoice's QR code alone (as `uploadQr` receives it), holding `text` as is. */
export async function renderVatQrImage(text: string, options: { modulePx?: number } = {}): Promise<Buffer> {
  const qr = qrRaster(text, options.modulePx ?? 6);
  const canvas = qr.size + 160;
  return sharp({ create: { width: canvas, height: canvas, channels: 3, background: '#ffffff' } })
    .composite([{ ...rasterInput(qr), left: 80, top: 80 }])
    .jpeg({ quality: 90 })
    .toBuffer();
}
