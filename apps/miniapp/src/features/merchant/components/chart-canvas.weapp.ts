import Taro from '@tarojs/taro';
import { retry, type AcquireCanvas } from './chart-canvas.types';

interface WeappCanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
  createImage(): unknown;
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(id: number): void;
}

function pixelRatio(): number {
  const windowInfo = (Taro as unknown as { getWindowInfo?: () => { pixelRatio: number } }).getWindowInfo;
  return windowInfo ? windowInfo().pixelRatio : Taro.getSystemInfoSync().pixelRatio;
}

/**
 * WeChat: the 2d canvas node comes from a selector query with `node` and `size`. Its backing store
 * is sized here (F2 only sees the context), and F2 gets the node's own image and animation-frame
 * functions, as AntV's own mini-program component does.
 */
export const acquireCanvas: AcquireCanvas = (id) =>
  retry(async () => {
    const info = await new Promise<{ node?: WeappCanvasNode; width: number; height: number } | null>((resolve) => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result) => resolve((result?.[0] as { node?: WeappCanvasNode; width: number; height: number }) ?? null));
    });
    const node = info?.node;
    if (!info || !node || !info.width || !info.height) return null;
    const ratio = pixelRatio();
    node.width = info.width * ratio;
    node.height = info.height * ratio;
    return {
      context: node.getContext('2d'),
      width: info.width,
      height: info.height,
      pixelRatio: ratio,
      extra: {
        createImage: () => node.createImage(),
        requestAnimationFrame: (callback: () => void) => node.requestAnimationFrame(callback),
        cancelAnimationFrame: (frame: number) => node.cancelAnimationFrame(frame),
      },
    };
  });
