// eslint-disable-next-line no-restricted-imports -- the one place NutUI's Progress is wrapped
import { Progress } from '@nutui/nutui-react-taro';

/** The app's green; NutUI's Progress paints its own red (#ff0f23) when no colour is passed. */
export const PROGRESS_COLOR = '#07c160';

interface ProgressBarProps {
  percent: number;
  /** Thickness in px (NutUI's default 10 when absent). */
  strokeWidth?: string;
  animated?: boolean;
}

/** Every progress bar of the app, in the app's colour (the lint forbids NutUI's Progress elsewhere). */
export function ProgressBar({ percent, strokeWidth, animated }: ProgressBarProps) {
  return (
    <Progress percent={percent} color={PROGRESS_COLOR} strokeWidth={strokeWidth} showText={false} animated={animated} />
  );
}
