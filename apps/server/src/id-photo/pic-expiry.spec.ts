import { ZJZ_PIC_TTL_MS } from '@banshi/vendor-clients/zjz';
import { isPicExpired, picExpiresAt } from './id-photo-photos.service.js';

describe('pic_id expiry', () => {
  const now = Date.parse('2025-03-01T10:00:00Z');
  const madeAgo = (ms: number) => ({ picId: '9000001', picMadeAt: new Date(now - ms) });

  it('a pic_id lives 50 minutes at the vendor', () => {
    expect(picExpiresAt(madeAgo(0)).getTime()).toBe(now + ZJZ_PIC_TTL_MS);
  });

  it('is no longer used two minutes before the vendor drops it, so a submission never races the expiry', () => {
    expect(isPicExpired(madeAgo(47 * 60_000), now)).toBe(false);
    expect(isPicExpired(madeAgo(48 * 60_000), now)).toBe(true);
    expect(isPicExpired(madeAgo(3 * 3600_000), now)).toBe(true);
  });

  it('a pic_id the vendor refused is forgotten: the photo must be made again', () => {
    expect(isPicExpired({ picId: null, picMadeAt: new Date(now) }, now)).toBe(true);
  });
});
