import { createHash } from 'node:crypto';
import { parseYundouTimestamp, verifyYundouSignature, yundouSignature, yundouTimestamp } from './signing.js';

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

describe('yundouSignature', () => {
  it('is lowercase md5 of apiKey-API-companyId-timestamp (golden vector)', () => {
    const fixed = 'bX9k2LqP7wY3-/api/bill/upload-20931-1710000000';
    const signature = yundouSignature({
      apiKey: 'bX9k2LqP7wY3',
      api: '/api/bill/upload',
      companyId: '20931',
      timestamp: '1710000000',
    });
    expect(signature).toBe(md5(fixed));
    expect(signature).toBe('11f0f6cc590c443aa2362c0eaddcfce8');
  });

  it('signs the QR endpoint with its own path and the timestamp text as sent', () => {
    const signature = yundouSignature({
      apiKey: 'bX9k2LqP7wY3',
      api: '/api/bill/qr_upload',
      companyId: '20931',
      timestamp: '1710000000123',
    });
    expect(signature).toBe('9ccc517b70df88f0d3402ee3f405469a');
    expect(signature).toBe(md5('bX9k2LqP7wY3-/api/bill/qr_upload-20931-1710000000123'));
  });

  it('verify: accepts the right signature and refuses one for another path or timestamp', () => {
    const input = { apiKey: 'k', api: '/api/bill/upload', companyId: '1', timestamp: '1710000000' };
    const signature = yundouSignature(input);
    expect(verifyYundouSignature(input, signature)).toBe(true);
    expect(verifyYundouSignature({ ...input, api: '/api/bill/qr_upload' }, signature)).toBe(false);
    expect(verifyYundouSignature({ ...input, timestamp: '1710000001' }, signature)).toBe(false);
    expect(verifyYundouSignature(input, signature.toUpperCase())).toBe(false);
  });
});

describe('timestamps', () => {
  it('sends seconds by default and milliseconds on request', () => {
    expect(yundouTimestamp(1_710_000_000_999)).toBe('1710000000');
    expect(yundouTimestamp(1_710_000_000_999, 'milliseconds')).toBe('1710000000999');
  });

  it('reads either unit back as milliseconds', () => {
    expect(parseYundouTimestamp('1710000000')).toBe(1_710_000_000_000);
    expect(parseYundouTimestamp('1710000000999')).toBe(1_710_000_000_999);
    expect(parseYundouTimestamp('17e8')).toBeUndefined();
    expect(parseYundouTimestamp('')).toBeUndefined();
  });
});
