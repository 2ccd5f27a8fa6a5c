import Taro from '@tarojs/taro';
import { retry, type AcquireCanvas } from './chart-canvas.types';

/**
 * H5: Taro's `<Canvas type="2d">` is a `taro-canvas-core` element holding a real `<canvas>`; the
 * selector query's `node` is that canvas (its `size` field is not filled in on H5, so the size is
 * read from the element). F2 sizes the backing store for the pixel ratio itself.
 */
export const acquireCanvas: AcquireCanvas = (id) =>
  retry(async () => {
    const node = await new Promise<HTMLCanvasElement | null>((resolve) => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result: Array<{ node?: HTMLCanvasElement } | null>) => resolve(result?.[0]?.node ?? null));
    });
    const context = node?.getContext?.('2d');
    if (!node || !context) return null;
    const { width, height } = node.getBoundingClientRect();
    if (width === 0 || height === 0) return null;
    return { context, width, height, pixelRatio: window.devicePixelRatio || 1, extra: {} };
  });
