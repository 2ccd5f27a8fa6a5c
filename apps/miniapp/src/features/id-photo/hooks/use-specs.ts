import { useRequest } from '../../../shared/api/use-request';
import { listSpecs } from '../api/id-photo-api';
import type { SpecDto, SpecListDto } from '../api/types';

let cached: { at: number; list: Promise<SpecListDto> } | null = null;
const TTL_MS = 10 * 60_000;

/** The spec list, shared by the pages of one visit (it changes rarely; the server caches it too). */
export function loadSpecs(): Promise<SpecListDto> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const list = listSpecs().catch((error: unknown) => {
      cached = null;
      throw error;
    });
    cached = { at: Date.now(), list };
  }
  return cached.list;
}

export class SpecMissingError extends Error {
  override name = 'SpecMissingError';
}

export async function loadSpec(itemId: number): Promise<SpecDto> {
  const spec = (await loadSpecs()).items.find((item) => item.itemId === itemId);
  if (!spec) throw new SpecMissingError('该证件规格暂不支持，请重新选择');
  return spec;
}

export function useSpecs() {
  return useRequest('specs', loadSpecs);
}

export function useSpec(itemId: number | null) {
  return useRequest(itemId, () => loadSpec(itemId as number));
}
