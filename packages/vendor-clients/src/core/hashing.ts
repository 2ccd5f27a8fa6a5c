import { createHash, timingSafeEqual } from 'node:crypto';

export function md5Hex(input: string | Buffer): string {
  return createHash('md5').update(input).digest('hex');
}

/**
 * Compares two secrets without leaking, through timing, how many leading characters matched.
 * Both sides are hashed first so that inputs of different lengths take the same time too.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}
