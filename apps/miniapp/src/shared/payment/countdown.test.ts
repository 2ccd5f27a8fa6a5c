import { countdown } from './countdown';

const EXPIRES = '2025-03-01T06:35:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('countdown', () => {
  it('shows minutes and seconds left, rounded up', () => {
    expect(countdown(EXPIRES, at('2025-03-01T06:05:00.000Z'))).toEqual({
      seconds: 1800,
      text: '剩余 30:00',
      expired: false,
    });
    expect(countdown(EXPIRES, at('2025-03-01T06:05:00.001Z')).text).toBe('剩余 30:00');
    expect(countdown(EXPIRES, at('2025-03-01T06:05:01.000Z')).text).toBe('剩余 29:59');
    expect(countdown(EXPIRES, at('2025-03-01T06:34:51.500Z')).text).toBe('剩余 00:09');
  });

  it('counts the last second as left, and is expired exactly at the deadline', () => {
    expect(countdown(EXPIRES, at('2025-03-01T06:34:59.999Z'))).toMatchObject({ seconds: 1, text: '剩余 00:01' });
    expect(countdown(EXPIRES, at(EXPIRES))).toEqual({ seconds: 0, text: '已超时', expired: true });
  });

  it('never goes below zero past the deadline', () => {
    expect(countdown(EXPIRES, at('2025-03-01T07:00:00.000Z'))).toEqual({ seconds: 0, text: '已超时', expired: true });
  });

  it('does not wrap long waits into hours', () => {
    expect(countdown(EXPIRES, at('2025-03-01T04:35:00.000Z')).text).toBe('剩余 120:00');
  });

  it('treats an unreadable time as expired rather than counting to NaN', () => {
    expect(countdown('not a time', 0)).toEqual({ seconds: 0, text: '已超时', expired: true });
  });
});
