import { formatDateTime, formatDay, formatFen } from './format';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [29, '¥0.29'],
    [100, '¥1.00'],
    [1999, '¥19.99'],
    [123456789, '¥1234567.89'],
    [-250, '-¥2.50'],
  ])('formats %i fen as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });
});

describe('formatDateTime', () => {
  it('shows Beijing time whatever the device time zone', () => {
    expect(formatDateTime('2025-03-01T06:05:00.000Z')).toBe('2025-03-01 14:05');
    expect(formatDateTime('2025-12-31T16:30:00Z')).toBe('2026-01-01 00:30');
  });

  it('shows an unparsable value as it came rather than "NaN"', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('gives the Beijing calendar day for the merchant date filters', () => {
    expect(formatDay(new Date('2025-03-01T17:00:00Z'))).toBe('2025-03-02');
  });
});
