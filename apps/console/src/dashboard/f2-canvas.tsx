import { Canvas as F2Canvas } from '@antv/f2';
import { useEffect, useRef } from 'react';

/** An AntV F2 chart on a plain canvas, drawn again when `dataKey` changes or the box is resized. */
export function F2Canvas2d({ height, render, dataKey }: { height: number; render: () => unknown; dataKey: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const renderRef = useRef(render);
  renderRef.current = render;
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    let chart: F2Canvas | null = null;
    const draw = () => {
      const context = canvas.getContext('2d');
      const { width } = canvas.getBoundingClientRect();
      if (!context || width === 0) return;
      chart?.destroy();
      chart = new F2Canvas({
        context,
        width,
        height,
        pixelRatio: window.devicePixelRatio || 1,
        animate: false,
        px2hd: (px: number) => px * 0.5,
        children: renderRef.current() as never,
      });
      void chart.render();
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      chart?.destroy();
    };
  }, [dataKey, height]);
  return <canvas ref={ref} className="f2-canvas" style={{ width: '100%', height }} />;
}
