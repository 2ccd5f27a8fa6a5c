import { VatQrParseError, looksLikeVatQr, parseVatQr } from '@banshi/vendor-clients/yundou';
import { readBillQrPayload } from './generated-bill.js';
import { vendorResultOf, vendorResultOfVatQr, type VendorBillResult } from './vendor-data.js';

/**
 * Recognises a bill from the text of its QR code: a test bill from `renderBillImage`, or a real
 * invoice's standard QR. `undefined` for any other text, which the vendor would fail to recognise.
 */
export function recogniseBillFromQr(text: string): VendorBillResult | undefined {
  const payload = readBillQrPayload(text);
  if (payload) return vendorResultOf(payload.bill);
  if (!looksLikeVatQr(text)) return undefined;
  try {
    return vendorResultOfVatQr(parseVatQr(text));
  } catch (error) {
    if (error instanceof VatQrParseError) return undefined;
    throw error;
  }
}
