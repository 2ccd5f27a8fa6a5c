import { uploadFile } from '../../../shared/upload/upload-file';
import type { InvoiceScan } from './types';

/** An original phone photo (several MB) over a slow mobile network. */
const UPLOAD_TIMEOUT_MS = 120_000;

export interface UploadOptions {
  onProgress?: (percent: number) => void;
  /** The price of a photo recognition shown to the user (absent while prices are unknown). */
  amountFen?: number;
}

export type UploadTarget = { kind: 'photo' } | { kind: 'qr-image' } | { kind: 'retry'; scanId: number };

function pathOf(target: UploadTarget): string {
  if (target.kind === 'photo') return '/api/invoices/photos';
  if (target.kind === 'qr-image') return '/api/invoices/qr-images';
  return `/api/invoices/${target.scanId}/retry`;
}

/**
 * Uploads a bill photo or a QR photo (`Taro.uploadFile`, multipart, with the user's token and progress) and
 * answers the new scan. The server fits the original photo to the vendor's limits; nothing is compressed here.
 */
export function uploadScan(target: UploadTarget, filePath: string, options: UploadOptions = {}): Promise<InvoiceScan> {
  const { onProgress, amountFen } = options;
  return uploadFile<InvoiceScan>({
    path: pathOf(target),
    filePath,
    name: 'file',
    // The price the user was shown for a photo recognition: the server refuses another one.
    formData: amountFen === undefined ? undefined : { amountFen: String(amountFen) },
    timeoutMs: UPLOAD_TIMEOUT_MS,
    onProgress,
  });
}
