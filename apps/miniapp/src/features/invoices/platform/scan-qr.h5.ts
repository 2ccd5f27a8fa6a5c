import type { QrScanOutcome, ScanQr } from './scan-qr.types';

/** A browser has no code scanner: the user pastes the text (from another scanner) or chooses a QR image. */
export const scanInvoiceQr: ScanQr = async (): Promise<QrScanOutcome> => ({ kind: 'manual' });
