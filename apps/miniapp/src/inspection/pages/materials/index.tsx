import { Checkbox } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';
import { InspectionBar } from '../../../features/inspection/components/bottom-bar';
import { MaterialsList } from '../../../features/inspection/components/materials-list';
import { ViolationNotice } from '../../../features/inspection/components/violation-notice';
import { usePreOrder } from '../../../features/inspection/hooks/use-inspection';
import { INSPECTION_ROUTES } from '../../../features/inspection/routes';
import './index.scss';

export default function InspectionMaterialsPage() {
  const carId = parseIdParam(useRouter().params.carId);
  const preOrder = usePreOrder(carId);
  const [ready, setReady] = useState(false);
  if (carId === null) return <EmptyState title="车辆不存在" description="请从年检代办首页选择车辆" />;
  return (
    <View className="inspection-materials-page with-bottom-bar">
      <PageState {...preOrder}>
        {(pre) => (
          <>
            <View className="inspection-quote">
              <View className="inspection-quote__row">
                <Text className="inspection-quote__plate">{pre.plateNumber}</Text>
                <Text className="inspection-quote__city">{pre.inspectionCityName} · 免检代办</Text>
              </View>
              <View className="inspection-quote__flow">寄送材料 → 检测站办理 → 寄回材料和检验标志，全程无需到站</View>
            </View>
            <ViolationNotice check={pre.violations} garageCarId={carId} />
            <View className="inspection-card">
              <View className="inspection-card__title">请准备以下材料（共 {pre.materials.length} 项）</View>
              {pre.useFor === 1 ? (
                <View className="inspection-card__note">公车（单位车辆）需另备加盖公章的委托书和营业执照复印件</View>
              ) : null}
              <MaterialsList materials={pre.materials} />
            </View>
            <View className="inspection-ready">
              <Checkbox
                className="inspection-ready__box"
                checked={ready}
                disabled={pre.violations.blocking}
                onChange={setReady}
              >
                <Text className="inspection-ready__text">我已备齐以上材料，快递员上门取件时交给他</Text>
              </Checkbox>
            </View>
            <InspectionBar
              priceFen={pre.priceFen}
              action={pre.violations.blocking ? '请先处理违章' : '填写回寄地址'}
              disabled={!ready || pre.violations.blocking}
              onClick={() => void Taro.navigateTo({ url: INSPECTION_ROUTES.address(carId) })}
            />
          </>
        )}
      </PageState>
    </View>
  );
}
