import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import {
  ZJZ_BACKGROUND_COLORS,
  type ZjzReceiptSpec,
  decodeBase64Image,
  ZJZ_MAX_IMAGE_BYTES,
  ZJZ_MAX_IMAGE_SIDE,
} from '@banshi/vendor-clients/zjz';
import { ZJZ_SIM_CODES, ZjzSimError } from './codes.js';

export interface InspectedUpload {
  bytes: Buffer;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
}

/**
 * Applies the document's 请求限制 to an uploaded `image`: base64, at most 5 MB decoded, JPEG or PNG
 * by its content (not by any declared type), each side under 6000 px.
 */
export async function inspectUpload(base64: string): Promise<InspectedUpload> {
  const bytes = decodeBase64Image(base64);
  if (!bytes) throw new ZjzSimError(ZJZ_SIM_CODES.IMAGE_INVALID, '图片内容不是有效的base64编码');
  if (bytes.length > ZJZ_MAX_IMAGE_BYTES) {
    throw new ZjzSimError(ZJZ_SIM_CODES.IMAGE_TOO_LARGE, '图片大小不能超过5M');
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch {
    throw new ZjzSimError(ZJZ_SIM_CODES.IMAGE_INVALID, '无法识别的图片，仅支持JPG、JPEG、PNG格式');
  }
  if (metadata.format !== 'jpeg' && metadata.format !== 'png') {
    throw new ZjzSimError(ZJZ_SIM_CODES.IMAGE_INVALID, `不支持的图片格式（${metadata.format}），仅支持JPG、JPEG、PNG`);
  }
  const { width, height } = metadata;
  if (!width || !height || width >= ZJZ_MAX_IMAGE_SIDE || height >= ZJZ_MAX_IMAGE_SIDE) {
    throw new ZjzSimError(
      ZJZ_SIM_CODES.IMAGE_TOO_MANY_PIXELS,
      `图片分辨率需小于6000×6000像素，当前为${width}×${height}`,
    );
  }
  // 检测: a strip of pixels holds no portrait; refusing it also spares scaling it up a hundredfold.
  const ratio = width / height;
  if (ratio > 3 || ratio < 1 / 3) {
    throw new ZjzSimError(ZJZ_SIM_CODES.IMAGE_INVALID, `照片比例异常（${width}×${height}），未检测到完整人像`);
  }
  return { bytes, format: metadata.format, width, height };
}

export interface SpecPhotos {
  /** JPEG per background colour of the spec, in the spec's order. */
  byColor: Map<string, Buffer>;
}

/**
 * Makes the photo to the spec the way the vendor does: crop on the salient region to the spec's
 * aspect, scale to its pixel size, replace the background by each of the spec's colours, and encode
 * a JPEG at the spec's dpi within its file size range. Decoding every pixel here is also what catches
 * a file whose header is fine and whose data is not.
 */
export async function makeSpecPhotos(upload: InspectedUpload, spec: ZjzReceiptSpec): Promise<SpecPhotos> {
  let subject: { data: Buffer; info: OutputInfo };
  try {
    subject = await sharp(upload.bytes)
      .rotate()
      .resize(spec.widthPx, spec.heightPx, { fit: 'cover', position: sharp.strategy.attention })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new ZjzSimError(ZJZ_SIM_CODES.IMAGE_INVALID, '图片已损坏，无法解码');
  }
  const { width, height } = subject.info;
  const rgba = await replaceableBackground(subject.data, width, height);
  const byColor = new Map<string, Buffer>();
  for (const color of spec.colors) {
    const background = ZJZ_BACKGROUND_COLORS[color] ?? '#FFFFFF';
    const flattened = sharp(rgba, { raw: { width, height, channels: 4 } }).flatten({ background });
    byColor.set(color, await encodeJpegForSpec(flattened, spec));
  }
  return { byColor };
}

/** The backdrop is found on an image this many times smaller: the mask is then scaled up, edges softened. */
const MASK_SCALE = 3;

/**
 * Makes the backdrop transparent: the region connected to the image border whose colour is close to
 * the top corners' colour. An upload that already has transparency (a cut-out PNG) keeps its own.
 */
async function replaceableBackground(rgba: Buffer, width: number, height: number): Promise<Buffer> {
  const raw = { width, height, channels: 4 as const };
  const smallWidth = Math.max(1, Math.round(width / MASK_SCALE));
  const smallHeight = Math.max(1, Math.round(height / MASK_SCALE));
  const small = await sharp(rgba, { raw }).resize(smallWidth, smallHeight, { fit: 'fill' }).raw().toBuffer();
  const mask = backdropMask(small, smallWidth, smallHeight);
  if (!mask) return rgba;
  const alpha = await sharp(mask, { raw: { width: smallWidth, height: smallHeight, channels: 1 } })
    .resize(width, height, { fit: 'fill' })
    .extractChannel(0) // sharp would otherwise hand back three channels
    .raw()
    .toBuffer();
  // Two steps: in one pipeline sharp would remove the joined alpha along with the old one.
  const rgb = await sharp(rgba, { raw }).removeAlpha().raw().toBuffer();
  return sharp(rgb, { raw: { width, height, channels: 3 } })
    .joinChannel(alpha, { raw: { width, height, channels: 1 } })
    .raw()
    .toBuffer();
}

/**
 * Flood fill from the border over pixels close to the corners' colour: 0 for backdrop, 255 for the
 * subject. Undefined when the image already has transparency.
 */
export function backdropMask(rgba: Uint8Array, width: number, height: number): Uint8Array | undefined {
  const pixels = width * height;
  for (let i = 0; i < pixels; i++) if (rgba[i * 4 + 3] < 250) return undefined;
  const [r0, g0, b0] = averageCorners(rgba, width, height);
  const toleranceSquared = 40 * 40;
  const close = new Uint8Array(pixels);
  for (let i = 0; i < pixels; i++) {
    const dr = rgba[i * 4] - r0;
    const dg = rgba[i * 4 + 1] - g0;
    const db = rgba[i * 4 + 2] - b0;
    close[i] = dr * dr + dg * dg + db * db < toleranceSquared ? 1 : 0;
  }
  const mask = new Uint8Array(pixels).fill(255);
  // A pixel is marked when queued, so each is queued at most once.
  const queue = new Int32Array(pixels);
  let tail = 0;
  const visit = (i: number) => {
    if (close[i] && mask[i] === 255) {
      mask[i] = 0;
      queue[tail++] = i;
    }
  };
  for (let x = 0; x < width; x++) {
    visit(x);
    visit((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    visit(y * width);
    visit(y * width + width - 1);
  }
  for (let head = 0; head < tail; head++) {
    const i = queue[head];
    const x = i % width;
    if (x > 0) visit(i - 1);
    if (x < width - 1) visit(i + 1);
    if (i >= width) visit(i - width);
    if (i < pixels - width) visit(i + width);
  }
  return mask;
}

function averageCorners(rgba: Uint8Array, width: number, height: number): [number, number, number] {
  const size = Math.max(1, Math.min(6, Math.floor(width / 10), Math.floor(height / 10)));
  const sum = [0, 0, 0];
  let count = 0;
  for (const x0 of [0, width - size]) {
    for (let y = 0; y < size; y++) {
      for (let x = x0; x < x0 + size; x++) {
        const i = (y * width + x) * 4;
        sum[0] += rgba[i];
        sum[1] += rgba[i + 1];
        sum[2] += rgba[i + 2];
        count++;
      }
    }
  }
  return [sum[0] / count, sum[1] / count, sum[2] / count];
}

/**
 * JPEG at the spec's dpi. With a size range, the quality is searched so that the file fits; a file
 * still too small at full quality is padded with a comment segment, as ID-photo tools do, because the
 * authorities' upload forms check the byte count, not the content.
 */
export async function encodeJpegForSpec(image: Sharp, spec: ZjzReceiptSpec): Promise<Buffer> {
  // Flatten once; each quality tried is then only an encode.
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const encode = (quality: number) => sharp(data, { raw }).jpeg({ quality }).withDensity(spec.dpi).toBuffer();
  const first = await encode(90);
  if (!spec.fileSizeKb) return first;
  const min = spec.fileSizeKb.min * 1024;
  const max = spec.fileSizeKb.max * 1024;
  if (first.length >= min && first.length <= max) return first;

  // The finest quality that stays under the ceiling (size grows with quality), searched on the side of 90
  // where it lies.
  let low = first.length > max ? 10 : 91;
  let high = first.length > max ? 89 : 100;
  let best: Buffer | undefined = first.length <= max ? first : undefined;
  if (low === 91) {
    const finest = await encode(100);
    if (finest.length <= max) {
      best = finest;
      low = high + 1;
    } else high = 99;
  }
  while (low <= high) {
    const quality = Math.floor((low + high) / 2);
    const candidate = await encode(quality);
    if (candidate.length <= max) {
      best = candidate;
      low = quality + 1;
    } else high = quality - 1;
  }
  if (!best) return encode(10);
  return best.length >= min ? best : padJpeg(best, Math.min(min + 512, max));
}

/** Inserts comment (COM) segments after the leading APPn segments until the file is `target` bytes. */
export function padJpeg(jpeg: Buffer, target: number): Buffer {
  let offset = 2;
  while (offset + 4 <= jpeg.length && jpeg[offset] === 0xff && jpeg[offset + 1] >= 0xe0 && jpeg[offset + 1] <= 0xef) {
    offset += 2 + jpeg.readUInt16BE(offset + 2);
  }
  const segments: Buffer[] = [];
  let missing = target - jpeg.length;
  while (missing > 4) {
    const payload = Math.min(65_533, missing - 4);
    const segment = Buffer.alloc(4 + payload, 0x20);
    segment.writeUInt16BE(0xfffe, 0);
    segment.writeUInt16BE(payload + 2, 2);
    segments.push(segment);
    missing -= segment.length;
  }
  return Buffer.concat([jpeg.subarray(0, offset), ...segments, jpeg.subarray(offset)]);
}
