import { Switch, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { formatDateTime, formatFen } from '../../../shared/format';
import type { CarDto } from '../api/types';
import './car-card.scss';

interface CarCardProps {
  car: CarDto;
  onOpen: () => void;
  onEdit: () => void;
  onRemove: () => void;
  onMonitor: (enabled: boolean) => void;
  monitorBusy?: boolean;
}

const MONITOR_TEXT: Record<CarDto['monitor']['state'], string> = {
  off: '开启后有新违章会通知您',
  pending: '正在开启…',
  on: '监控中，有新违章会通知您',
  failed: '监控未生效',
};

/** A car in the garage: plate, counts by region, the last query's totals, and the monitoring switch. */
export function CarCard({ car, onOpen, onEdit, onRemove, onMonitor, monitorBusy }: CarCardProps) {
  const { violations, counts } = car;
  const monitorText = car.monitor.enabled ? MONITOR_TEXT[car.monitor.state] : MONITOR_TEXT.off;
  return (
    <View className="car-card">
      <View className="car-card__head" onClick={onOpen}>
        <View className="car-card__plate-box">
          <Text className="car-card__plate">{car.plateNumber}</Text>
        </View>
        <View className="car-card__meta">
          <Text>{car.city}</Text>
          <Text className="car-card__dot">·</Text>
          <Text>{car.carTypeLabel}</Text>
        </View>
      </View>

      <View className="car-card__counts" onClick={onOpen}>
        {counts ? (
          <>
            <View className="car-count">
              <Text className="car-count__value">{counts.localCity}</Text>
              <Text className="car-count__label">本市未处理</Text>
            </View>
            <View className="car-count">
              <Text className="car-count__value">{counts.localProvince}</Text>
              <Text className="car-count__label">省内外市</Text>
            </View>
            <View className="car-count">
              <Text className="car-count__value">{counts.otherProvince}</Text>
              <Text className="car-count__label">外省</Text>
            </View>
          </>
        ) : (
          <View className="car-card__counts-note">{car.countsNote ?? '正在统计各地违章条数…'}</View>
        )}
      </View>

      <View className="car-card__summary" onClick={onOpen}>
        {violations.queriedAt ? (
          <>
            <View className="car-card__summary-main">
              {violations.untreated > 0 ? (
                <Text>
                  未处理 <Text className="car-card__em">{violations.untreated}</Text> 条 · 罚款{' '}
                  {formatFen(violations.totalFineFen)} · 扣 {violations.totalPoints} 分
                </Text>
              ) : (
                <Text className="car-card__clean">暂无未处理违章</Text>
              )}
              {violations.payable > 0 ? (
                <Tag className="car-card__tag" round background="#e6f8ee" color="#07c160">
                  {violations.payable} 条可代缴
                </Tag>
              ) : null}
            </View>
            <View className="car-card__time">更新于 {formatDateTime(violations.queriedAt)}</View>
          </>
        ) : (
          <Text className="car-card__summary-main">尚未查询，点击查看违章</Text>
        )}
        <Text className="car-card__go">查违章 ›</Text>
      </View>

      <View className="car-card__monitor">
        <View className="car-card__monitor-text">
          <Text className="car-card__monitor-title">违章监控</Text>
          <Text className={`car-card__monitor-state car-monitor-state--${car.monitor.state}`}>
            {car.monitor.state === 'failed' && car.monitor.message ? car.monitor.message : monitorText}
          </Text>
        </View>
        <Switch
          className="car-monitor-switch"
          checked={car.monitor.enabled}
          disabled={monitorBusy}
          onChange={(value) => onMonitor(value)}
        />
      </View>

      <View className="car-card__actions">
        <Text className="car-card__action car-edit" onClick={onEdit}>
          修改信息
        </Text>
        <Text className="car-card__action car-card__action--danger car-remove" onClick={onRemove}>
          删除车辆
        </Text>
      </View>
    </View>
  );
}
