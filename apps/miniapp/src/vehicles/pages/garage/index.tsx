import { Badge, Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { CarDto, GarageDto } from '../../../features/vehicles/api/types';
import { vehiclesApi } from '../../../features/vehicles/api/vehicles-api';
import { CarCard } from '../../../features/vehicles/components/car-card';
import { useGarage } from '../../../features/vehicles/hooks/use-vehicles';
import { VEHICLE_ROUTES } from '../../../features/vehicles/routes';
import { usePullDownReload, useReloadOnReturn } from '../../../shared/hooks/use-page-events';
import { messagesApi } from '../../../shared/messages/messages-api';
import { ROUTES } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';
import './index.scss';

const COUNTS_FRESH_MS = 30 * 60_000;

function Garage({ garage, onChanged }: { garage: GarageDto; onChanged: () => Promise<void> }) {
  const [cars, setCars] = useState<CarDto[]>(garage.items);
  const [busy, setBusy] = useState<number | null>(null);
  const [unread, setUnread] = useState(0);
  const asked = useRef(new Set<number>());
  useEffect(() => setCars(garage.items), [garage]);

  useEffect(() => {
    messagesApi
      .unread()
      .then((answer) => setUnread(answer.unread))
      .catch(() => undefined);
    // Counts by region are fetched in the background, at most once per car and visit.
    for (const car of garage.items) {
      const stale = !car.counts || Date.now() - Date.parse(car.counts.updatedAt) > COUNTS_FRESH_MS;
      if (car.countsNote || !stale || asked.current.has(car.id)) continue;
      asked.current.add(car.id);
      vehiclesApi
        .refreshCounts(car.id)
        .then((fresh) => setCars((list) => list.map((c) => (c.id === fresh.id ? fresh : c))))
        .catch(() => undefined);
    }
  }, [garage]);

  const full = cars.length >= garage.limit;
  const monitor = async (car: CarDto, enabled: boolean) => {
    setBusy(car.id);
    try {
      const fresh = await vehiclesApi.setMonitor(car.id, enabled);
      setCars((list) => list.map((c) => (c.id === fresh.id ? fresh : c)));
      const text = !enabled ? '已关闭违章监控' : fresh.monitor.state === 'on' ? '已开启违章监控' : '正在开启，稍后生效';
      void Taro.showToast({ title: fresh.monitor.state === 'failed' ? '开启失败' : text, icon: 'none' });
    } catch {
      // The request already said why.
    } finally {
      setBusy(null);
    }
  };
  const remove = async (car: CarDto) => {
    const { confirm } = await Taro.showModal({
      title: '删除车辆',
      content: `删除 ${car.plateNumber} 后将不再保存它的车辆信息和违章记录，已下的订单不受影响。`,
      confirmText: '删除',
      confirmColor: '#fa5151',
    });
    if (!confirm) return;
    await vehiclesApi.removeCar(car.id);
    void Taro.showToast({ title: '已删除', icon: 'success' });
    await onChanged();
  };

  return (
    <View className="garage-page">
      <View className="garage-header">
        <View>
          <Text className="garage-header__title">我的车辆</Text>
          <Text className="garage-header__count">
            {cars.length}/{garage.limit}
          </Text>
        </View>
        <View className="garage-header__notices" onClick={() => void Taro.navigateTo({ url: ROUTES.messages })}>
          <Badge value={unread > 0 ? unread : undefined} max={99}>
            <Text className="garage-header__notices-text">消息通知</Text>
          </Badge>
        </View>
      </View>
      {cars.length === 0 ? (
        <EmptyState
          className="garage-empty"
          title="还没有添加车辆"
          description="添加车辆后可查询违章、在线缴纳罚款，并开启新违章提醒"
          action={{ text: '添加车辆', onClick: () => void Taro.navigateTo({ url: VEHICLE_ROUTES.addCar }) }}
        />
      ) : (
        cars.map((car) => (
          <CarCard
            key={car.id}
            car={car}
            monitorBusy={busy === car.id}
            onOpen={() => void Taro.navigateTo({ url: VEHICLE_ROUTES.violations(car.id) })}
            onEdit={() => void Taro.navigateTo({ url: VEHICLE_ROUTES.editCar(car.id) })}
            onRemove={() => void remove(car)}
            onMonitor={(enabled) => void monitor(car, enabled)}
          />
        ))
      )}
      {cars.length > 0 ? (
        <View className="garage-add">
          <Button
            className="garage-add-button"
            type="primary"
            fill={full ? 'outline' : 'solid'}
            block
            disabled={full}
            onClick={() => void Taro.navigateTo({ url: VEHICLE_ROUTES.addCar })}
          >
            {full ? `最多添加 ${garage.limit} 辆车` : '添加车辆'}
          </Button>
          {full ? <View className="garage-add__hint">删除一辆车后可再添加</View> : null}
        </View>
      ) : null}
      <View className="garage-footnote">
        违章数据来自各地交管部门，由服务商懂云提供；代缴服务收取服务费，下单前会列明。
      </View>
    </View>
  );
}

export default function GaragePage() {
  const garage = useGarage();
  usePullDownReload(garage.reload);
  useReloadOnReturn(garage.reload);
  return <PageState {...garage}>{(data) => <Garage garage={data} onChanged={garage.reload} />}</PageState>;
}
