import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { showError } from '../../../shared/api/request';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';
import { saveInspectionCar } from '../../../features/inspection/api/inspection-api';
import type { SaveCarInput } from '../../../features/inspection/api/types';
import { CarForm } from '../../../features/inspection/components/car-form';
import { useInspectionCar } from '../../../features/inspection/hooks/use-inspection';
import { INSPECTION_ROUTES } from '../../../features/inspection/routes';
import './index.scss';

export default function InspectionCarPage() {
  const carId = parseIdParam(useRouter().params.carId);
  const car = useInspectionCar(carId);
  const [saving, setSaving] = useState(false);

  if (carId === null) return <EmptyState title="车辆不存在" description="请从年检代办首页选择车辆" />;

  const save = async (input: SaveCarInput) => {
    setSaving(true);
    try {
      const saved = await saveInspectionCar(carId, input);
      if (saved.exemption?.eligible) {
        void Taro.navigateTo({ url: INSPECTION_ROUTES.materials(carId) });
      } else {
        void Taro.showToast({ title: '已保存：该车辆不符合免检条件', icon: 'none', duration: 2500 });
      }
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="inspection-car-page">
      <PageState {...car}>
        {(data) => (
          <>
            <View className="inspection-car-page__plate">
              <Text className="inspection-car-page__plate-text">{data.plateNumber}</Text>
              <Text className="inspection-car-page__plate-hint">请按行驶证填写，用于判断能否免检</Text>
            </View>
            <CarForm profile={data.profile} saving={saving} onSubmit={(input) => void save(input)} />
          </>
        )}
      </PageState>
    </View>
  );
}
