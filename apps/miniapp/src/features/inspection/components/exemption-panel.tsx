import { Text, View } from '@tarojs/components';
import type { ExemptionDto } from '../api/types';
import './exemption-panel.scss';

/**
 * The 免检 verdict for a car, rule by rule: each rule with what we know of the car, the failing ones in red,
 * and for a car that does not qualify what to do instead (station inspection cannot be booked here).
 */
export function ExemptionPanel({ exemption }: { exemption: ExemptionDto }) {
  return (
    <View className={`exemption-panel ${exemption.eligible ? 'exemption-panel--ok' : 'exemption-panel--no'}`}>
      <View className="exemption-panel__verdict">{exemption.eligible ? '符合免检条件' : '不符合免检条件'}</View>
      <View className="exemption-panel__checks">
        {exemption.checks.map((check) => (
          <View
            key={check.rule}
            className={`exemption-check exemption-check--${check.rule} ${check.passed ? 'exemption-check--passed' : 'exemption-check--failed'}`}
          >
            <Text className="exemption-check__mark">{check.passed ? '✓' : '✗'}</Text>
            <View className="exemption-check__body">
              <Text className="exemption-check__label">{check.label}</Text>
              <Text className="exemption-check__detail">{check.detail}</Text>
            </View>
          </View>
        ))}
      </View>
      {exemption.eligible ? (
        <View className="exemption-panel__note">
          无需到检测站，寄送材料即可办理{exemption.exemptUntil ? `；${exemption.exemptUntil} 前有效` : ''}
        </View>
      ) : (
        <View className="exemption-panel__note exemption-panel__note--station">
          该车辆需要到检测站上线检测。{exemption.stationNotice}
        </View>
      )}
    </View>
  );
}
