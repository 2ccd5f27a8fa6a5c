import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ApiError } from '../../../shared/api/http';
import { formatDateTime, formatFen } from '../../../shared/format';
import { useReloadOnReturn, usePullDownReload } from '../../../shared/hooks/use-page-events';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageSkeleton } from '../../../shared/ui/page-skeleton';
import { StatusTag } from '../../../shared/ui/status-tag';
import { CarCard } from '../../../features/inspection/components/car-card';
import { useInspectionCars, useInspectionOrders } from '../../../features/inspection/hooks/use-inspection';
import { INSPECTION_ROUTES } from '../../../features/inspection/routes';
import './index.scss';

const go = (url: string) => void Taro.navigateTo({ url });

function Rules() {
  return (
    <View className="inspection-intro">
      <View className="inspection-intro__title">免检代办：不用去检测站</View>
      <View className="inspection-intro__text">符合以下全部条件的车辆，寄送材料即可办好年检，办完寄回检验标志：</View>
      <View className="inspection-intro__rules">
        <Text className="inspection-rule">5座及以下</Text>
        <Text className="inspection-rule">非营运车辆</Text>
        <Text className="inspection-rule">未发生伤亡事故</Text>
        <Text className="inspection-rule">注册未满6年</Text>
      </View>
      <View className="inspection-intro__station">
        其他车辆需到检测站上线检测：暂不支持预约上线检测，请前往当地检测站。
      </View>
    </View>
  );
}

function Cars() {
  const cars = useInspectionCars();
  useReloadOnReturn(cars.reload);
  usePullDownReload(cars.reload);
  if (cars.data === undefined && (cars.loading || !cars.error)) return <PageSkeleton cards={1} />;
  if (cars.error) {
    const noGarage = cars.error instanceof ApiError && cars.error.code === 'GARAGE_UNAVAILABLE';
    return (
      <EmptyState
        className="inspection-cars-error"
        title={noGarage ? '还没有车辆' : '加载失败'}
        description={cars.error instanceof ApiError ? cars.error.message : '请检查网络后重试'}
        action={
          noGarage
            ? { text: '去添加车辆', onClick: () => go(INSPECTION_ROUTES.addCar) }
            : { text: '重新加载', onClick: () => void cars.reload() }
        }
      />
    );
  }
  const list = cars.data?.cars ?? [];
  if (list.length === 0) {
    return (
      <EmptyState
        className="inspection-cars-empty"
        title="车库里还没有车辆"
        description="先在车辆页添加要办年检的车辆"
        action={{ text: '去添加车辆', onClick: () => go(INSPECTION_ROUTES.addCar) }}
      />
    );
  }
  return (
    <View className="inspection-cars">
      {list.map((car) => (
        <CarCard
          key={car.garageCarId}
          car={car}
          onClick={() =>
            go(
              car.openOrderId !== null
                ? INSPECTION_ROUTES.order(car.openOrderId)
                : INSPECTION_ROUTES.car(car.garageCarId),
            )
          }
        />
      ))}
      <View className="inspection-cars__add">
        <Button size="small" fill="outline" onClick={() => go(INSPECTION_ROUTES.addCar)}>
          添加其他车辆
        </Button>
      </View>
    </View>
  );
}

function Orders() {
  const orders = useInspectionOrders();
  useReloadOnReturn(orders.refresh);
  if (orders.items.length === 0) return null;
  return (
    <View className="inspection-orders">
      <View className="inspection-section-title">我的年检订单</View>
      {orders.items.map((order) => (
        <View
          key={order.id}
          className="inspection-order-row"
          hoverClass="inspection-order-row--pressed"
          onClick={() => go(INSPECTION_ROUTES.order(order.id))}
        >
          <View className="inspection-order-row__head">
            <Text className="inspection-order-row__plate">{order.plateNumber}</Text>
            <StatusTag status={order.status} />
          </View>
          <View className="inspection-order-row__meta">
            <Text>{order.worderLabel}</Text>
            <Text>{formatFen(order.amountFen)}</Text>
          </View>
          <View className="inspection-order-row__time">{formatDateTime(order.createdAt)}</View>
        </View>
      ))}
    </View>
  );
}

export default function InspectionHomePage() {
  return (
    <View className="inspection-home">
      <Rules />
      <View className="inspection-section-title">选择要办理的车辆</View>
      <Cars />
      <Orders />
    </View>
  );
}
