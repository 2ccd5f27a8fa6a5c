import sharp from 'sharp';

/** Receipts and photos are a few hundred KB; anything this large is not what was expected. */
export const VENDOR_FILE_MAX_BYTES = 10 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 20_000;

export interface VendorImage {
  body: Buffer;
  contentType: 'image/jpeg' | 'image/png';
}

/** A result file that could not be fetched or is not an image: worth trying again later. */
export class VendorFileError extends Error {
  override name = 'VendorFileError';
}

/** For messages: the vendor's file URLs are unguessable, so only their host is written down. */
function where(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}

/**
 * Fetches a photo or receipt the vendor made. The vendor's URLs expire, so results are copied into
 * our storage byte for byte: re-encoding would change the DPI and the file size the authorities check.
 */
export async function downloadVendorImage(url: string): Promise<VendorImage> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (error) {
    throw new VendorFileError(`could not download a vendor file from ${where(url)}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new VendorFileError(`vendor file at ${where(url)} answered HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > VENDOR_FILE_MAX_BYTES) throw new VendorFileError(`vendor file at ${where(url)} is too large`);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length === 0 || body.length > VENDOR_FILE_MAX_BYTES) {
    throw new VendorFileError(`vendor file at ${where(url)} is empty or too large (${body.length} bytes)`);
  }
  const format = await sharp(body)
    .metadata()
    .then((metadata) => metadata.format)
    .catch(() => undefined);
  if (format !== 'jpeg' && format !== 'png') {
    throw new VendorFileError(`vendor file at ${where(url)} is not a JPEG or PNG image`);
  }
  return { body, contentType: format === 'png' ? 'image/png' : 'image/jpeg' };
}
