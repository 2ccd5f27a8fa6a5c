/** What scanning an invoice QR code gave. */
export type QrScanOutcome =
  /** The code's text, from the camera (WeChat's scanCode). */
  | { kind: 'text'; text: string }
  /** No camera scanner here (a browser): the page for pasting the text or choosing a QR image opens instead. */
  | { kind: 'manual' }
  | { kind: 'cancelled' };

export type ScanQr = () => Promise<QrScanOutcome>;
