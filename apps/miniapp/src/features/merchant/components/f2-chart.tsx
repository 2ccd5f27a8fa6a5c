import { Canvas as F2Canvas } from '@antv/f2';
import { Canvas, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { acquireCanvas } from './chart-canvas';
import './f2-chart.scss';

const designToCss = (px: number) => Number((px * 0.5).toFixed(1));

interface F2ChartProps {
  /** Unique on the page: the selector query finds the canvas by it. */
  id: string;
  /** CSS pixels. */
  height: number;
  /** The chart as F2 elements (`createElement(Chart, …)`), drawn again when `dataKey` changes. */
  render: () => unknown;
  dataKey: string;
  className?: string;
}

/**
 * An AntV F2 chart in Taro: a `<Canvas type="2d">`, its node's 2d context (per platform, see
 * chart-canvas.*.ts), then F2's `new Canvas({ context, pixelRatio, width, height, children }).render()`.
 * The Taro canvas keeps the same props across renders so that it is never re-rendered (which would
 * clear it); new data draws a new F2 canvas on it.
 */
export function F2Chart({ id, height, render, dataKey, className }: F2ChartProps) {
  const chart = useRef<F2Canvas | null>(null);
  const renderRef = useRef(render);
  renderRef.current = render;
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    acquireCanvas(id)
      .then(async ({ context, width, height: cssHeight, pixelRatio, extra }) => {
        if (cancelled) return;
        chart.current?.destroy();
        const canvas = new F2Canvas({
          context,
          width,
          height: cssHeight,
          pixelRatio,
          animate: false,
          // F2's sizes are on a 750-wide design; its default reads the page's rem size, which Taro's H5
          // build sets for its own units. Half a design pixel is one CSS pixel, as in WeChat.
          px2hd: designToCss,
          children: renderRef.current(),
          ...extra,
        });
        chart.current = canvas;
        await canvas.render();
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [id, dataKey]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return (
    <View className={`f2-chart ${className ?? ''}`} style={`height:${height}px`}>
      <Canvas type="2d" id={id} className="f2-chart__canvas" />
      {failed ? <View className="f2-chart__failed">图表加载失败，请下拉刷新</View> : null}
    </View>
  );
}
