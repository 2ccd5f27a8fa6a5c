import { Checkbox, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { formatFen } from '../../../shared/format';
import type { ViolationDto } from '../api/types';
import './violation-item.scss';

const STATUS_COLOR: Record<number, string> = { 1: '#fa5151', 2: '#1677ff', 3: '#07c160', 4: '#9a9a9a' };

interface ViolationItemProps {
  violation: ViolationDto;
  selected: boolean;
  onToggle: () => void;
}

/**
 * One violation: when, where, what, and beside the fine the agency fee (服务费, plus 代扣分费 for point
 * violations) so the cost of having it handled is clear before choosing it.
 */
export function ViolationItem({ violation: v, selected, onToggle }: ViolationItemProps) {
  const agencyFen = (v.serviceFeeFen ?? 0) + (v.markFeeFen ?? 0);
  return (
    <View
      className={`violation-item ${v.canSelect ? '' : 'violation-item--locked'} ${selected ? 'violation-item--on' : ''}`}
      onClick={() => v.canSelect && onToggle()}
    >
      <View className="violation-item__check">
        {v.canSelect ? <Checkbox className="violation-checkbox" checked={selected} /> : null}
      </View>
      <View className="violation-item__body">
        <View className="violation-item__head">
          <Text className="violation-item__time">{v.time.slice(0, 16)}</Text>
          <Tag plain round background={STATUS_COLOR[v.processStatus ?? 4] ?? '#9a9a9a'}>
            {v.processStatusLabel}
          </Tag>
        </View>
        <View className="violation-item__place">
          {v.city ? `${v.city} · ` : ''}
          {v.address}
        </View>
        <View className="violation-item__reason">{v.reason}</View>
        <View className="violation-item__money">
          <Text className="violation-item__fine">罚款 {formatFen(v.fineFen)}</Text>
          <Text className={`violation-item__points ${v.points > 0 ? 'violation-item__points--on' : ''}`}>
            扣 {v.points} 分
          </Text>
          {v.serviceFeeFen !== null ? (
            <Text className="violation-item__fee">
              服务费 {formatFen(v.serviceFeeFen)}
              {v.markFeeFen ? ` + 代扣分费 ${formatFen(v.markFeeFen)}` : ''}
            </Text>
          ) : null}
        </View>
        {v.canSelect ? (
          <View className="violation-item__total">
            代缴合计 {formatFen(v.fineFen + agencyFen)}
            {v.needTravelLicense ? <Text className="violation-item__need">需上传行驶证</Text> : null}
          </View>
        ) : v.selectNote ? (
          <View className="violation-item__note">{v.selectNote}</View>
        ) : null}
      </View>
    </View>
  );
}
