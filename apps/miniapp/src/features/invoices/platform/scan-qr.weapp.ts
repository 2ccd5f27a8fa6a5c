import Taro from '@tarojs/taro';
import type { QrScanOutcome, ScanQr } from './scan-qr.types';

/** WeChat's own scanner: camera or a picture from the album, answered as the code's text. */
export const scanInvoiceQr: ScanQr = async (): Promise<QrScanOutcome> => {
  try {
    const result = await Taro.scanCode({ scanType: ['qrCode'], onlyFromCamera: false });
    return result.result ? { kind: 'text', text: result.result } : { kind: 'cancelled' };
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? '');
    if (/cancel/i.test(message)) return { kind: 'cancelled' };
    // No camera permission or a scanner failure: typing the code in still works.
    return { kind: 'manual' };
  }
};
