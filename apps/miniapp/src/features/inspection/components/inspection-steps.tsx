import { Step, Steps } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { formatDateTime } from '../../../shared/format';
import type { InspectionStepDto } from '../api/types';
import './inspection-steps.scss';

/**
 * The vendor's steps of a 免检 order, top to bottom: the ones reached with the time we learnt of them, the
 * current one highlighted with what it means for the user, the ones to come greyed.
 */
export function InspectionSteps({ steps }: { steps: InspectionStepDto[] }) {
  const current = steps.findIndex((step) => step.current) + 1;
  return (
    <View className="inspection-steps">
      <Steps direction="vertical" type="dot" status="dynamic" value={current}>
        {steps.map((step, index) => (
          <Step
            key={step.worderStatus}
            value={index + 1}
            className={`inspection-step ${step.current ? 'inspection-step--current' : ''} ${step.reached ? 'inspection-step--reached' : 'inspection-step--todo'}`}
            title={<View className="inspection-step__label">{step.label}</View>}
            description={
              <View className="inspection-step__body">
                {step.current || !step.reached ? <View className="inspection-step__hint">{step.hint}</View> : null}
                {step.at ? <View className="inspection-step__time">{formatDateTime(step.at)}</View> : null}
              </View>
            }
          />
        ))}
      </Steps>
    </View>
  );
}
