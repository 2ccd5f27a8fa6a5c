import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { usePrefillPhone, withPhone } from '../../../shared/phone/bound-phone';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';
import { AddressForm, type AddressFields } from '../../../features/inspection/components/address-form';
import { InspectionBar } from '../../../features/inspection/components/bottom-bar';
import { checkDraft, orderDraft, type DraftErrors } from '../../../features/inspection/draft';
import { usePreOrder } from '../../../features/inspection/hooks/use-inspection';
import { INSPECTION_ROUTES } from '../../../features/inspection/routes';

const EMPTY: AddressFields = { contactName: '', contactPhone: '', ownerPhone: '', area: [], address: '' };

export default function InspectionAddressPage() {
  const carId = parseIdParam(useRouter().params.carId);
  const preOrder = usePreOrder(carId);
  const [fields, setFields] = useState<AddressFields>(() => (carId !== null && orderDraft.get(carId)) || EMPTY);
  const [errors, setErrors] = useState<DraftErrors>({});
  usePrefillPhone((phone) => setFields((current) => withPhone(current, ['contactPhone'], phone)));
  if (carId === null) return <EmptyState title="车辆不存在" description="请从年检代办首页选择车辆" />;

  const next = (priceFen: number) => {
    const found = checkDraft(fields);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    orderDraft.set({ ...fields, garageCarId: carId, priceFen });
    void Taro.navigateTo({ url: INSPECTION_ROUTES.confirm(carId) });
  };

  return (
    <View className="inspection-address-page with-bottom-bar">
      <PageState {...preOrder}>
        {(pre) => (
          <>
            <AddressForm
              value={fields}
              errors={errors}
              onChange={(value) => {
                setFields(value);
                if (Object.keys(errors).length > 0) setErrors(checkDraft(value));
              }}
            />
            <InspectionBar priceFen={pre.priceFen} action="下一步：确认订单" onClick={() => next(pre.priceFen)} />
          </>
        )}
      </PageState>
    </View>
  );
}
