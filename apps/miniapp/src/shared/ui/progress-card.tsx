import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ProgressBar } from './progress-bar';
import './progress-card.scss';

interface ProgressCardProps {
  /** The feature's block beside `progress-card` (e.g. `submit-progress`): its tests select on it. */
  block: string;
  title: string;
  /** 0–100, shown as the bar and as a number. */
  percent: number;
  /** A line under the number: what to do (or not do) meanwhile. */
  hint: string;
  /** Over the whole page (an upload the page must not be left during), rather than in its flow. */
  overlay?: boolean;
  /** Between the number and the hint, e.g. the steps of the wait. */
  children?: ReactNode;
}

/** A wait shown as it is: a spinner, what is happening, and how far it has got. */
export function ProgressCard({ block, title, percent, hint, overlay = false, children }: ProgressCardProps) {
  const shown = Math.round(percent);
  const card = (
    <View className={`progress-card ${overlay ? 'progress-card--sheet' : block}`}>
      <View className={`progress-card__spinner ${block}__spinner`} />
      <View className={`progress-card__title ${block}__title`}>{title}</View>
      <View className={`progress-card__bar ${block}__bar`}>
        <ProgressBar percent={shown} strokeWidth="8" />
      </View>
      <Text className={`progress-card__percent ${block}__percent`}>{shown}%</Text>
      {children}
      <View className={`progress-card__hint ${block}__hint`}>{hint}</View>
    </View>
  );
  return overlay ? <View className={`progress-card-overlay ${block}`}>{card}</View> : card;
}
