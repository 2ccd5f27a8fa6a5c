/**
 * The one interface of `chart-canvas.h5.ts` and `chart-canvas.weapp.ts`: the 2d context of a Taro
 * `<Canvas type="2d" id=…>` with its size in CSS pixels, and whatever else F2's Canvas needs on
 * that platform.
 */
export interface ChartCanvas {
  context: CanvasRenderingContext2D;
  width: number;
  height: number;
  pixelRatio: number;
  /** Extra props for F2's `Canvas` (WeChat's canvas brings its own image and animation-frame functions). */
  extra: Record<string, unknown>;
}

export type AcquireCanvas = (id: string) => Promise<ChartCanvas>;

/** The canvas appears a moment after the first render (a web component in H5): ask again a few times. */
export async function retry<T>(attempt: () => Promise<T | null>, times = 40, delayMs = 50): Promise<T> {
  for (let i = 0; i < times; i++) {
    const found = await attempt();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  throw new Error('the chart canvas did not appear');
}
