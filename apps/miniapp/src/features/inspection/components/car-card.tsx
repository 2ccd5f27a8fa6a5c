import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { InspectionCarDto } from '../api/types';
import './car-card.scss';

function verdict(car: InspectionCarDto): { text: string; color: string } {
  if (car.openOrderId !== null) return { text: '办理中', color: '#1677ff' };
  if (!car.exemption) return { text: '待完善信息', color: '#ff8f1f' };
  return car.exemption.eligible ? { text: '符合免检', color: '#07c160' } : { text: '不符合免检', color: '#fa5151' };
}

/** A garage car on the inspection home page: plate, model, and where it stands for 免检. */
export function CarCard({ car, onClick }: { car: InspectionCarDto; onClick: () => void }) {
  const tag = verdict(car);
  const profile = car.profile;
  return (
    <View className="inspection-car" hoverClass="inspection-car--pressed" onClick={onClick}>
      <View className="inspection-car__head">
        <Text className="inspection-car__plate">{car.plateNumber}</Text>
        <Tag className="inspection-car__tag" plain round background={tag.color}>
          {tag.text}
        </Tag>
      </View>
      <View className="inspection-car__model">
        {profile
          ? `${profile.brandName} ${profile.seriesName} · ${profile.modelName}`
          : '填写品牌车型、注册日期等信息后即可判断能否免检'}
      </View>
      {profile ? (
        <View className="inspection-car__facts">
          {profile.registerDate} 注册 · {profile.carSeats} 座 · {profile.useFor === 1 ? '公车' : '私家车'}
        </View>
      ) : null}
      <View className="inspection-car__action">
        {car.openOrderId !== null ? '查看办理进度' : profile ? '查看 / 修改' : '去填写'} ›
      </View>
    </View>
  );
}
