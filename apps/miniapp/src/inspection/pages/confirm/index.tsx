import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError } from '../../../shared/api/http';
import { useRequest } from '../../../shared/api/use-request';
import { formatFen } from '../../../shared/format';
import { askForUpdates, usePrepareUpdates } from '../../../shared/notify/ask-for-updates';
import { getPrices } from '../../../shared/payment/payment-api';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';
import { createInspectionOrder } from '../../../features/inspection/api/inspection-api';
import { InspectionBar } from '../../../features/inspection/components/bottom-bar';
import { orderDraft } from '../../../features/inspection/draft';
import { useInspectionCar } from '../../../features/inspection/hooks/use-inspection';
import { INSPECTION_ROUTES } from '../../../features/inspection/routes';
import './index.scss';

export default function InspectionConfirmPage() {
  const carId = parseIdParam(useRouter().params.carId);
  const car = useInspectionCar(carId);
  const draft = carId === null ? null : orderDraft.get(carId);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<{ message: string; code: string } | null>(null);
  usePrepareUpdates('inspection');
  // The merchant's price, when it charges for the service: paid after 确认下单, before the vendor is asked.
  const prices = useRequest('prices', getPrices);
  const price = prices.data?.items.find((item) => item.service === 'inspection')?.amountFen ?? 0;

  if (carId === null || !draft) {
    return (
      <EmptyState
        title="请先填写回寄地址"
        description="订单信息已失效，请返回重新填写"
        action={{ text: '返回年检代办', onClick: () => void Taro.redirectTo({ url: INSPECTION_ROUTES.home }) }}
      />
    );
  }

  const submit = async () => {
    askForUpdates('inspection');
    setSubmitting(true);
    setFailure(null);
    try {
      const order = await createInspectionOrder({
        garageCarId: carId,
        priceFen: draft.priceFen,
        amountFen: price > 0 ? price : undefined,
        contactName: draft.contactName.trim(),
        contactPhone: draft.contactPhone.trim(),
        ownerPhone: draft.ownerPhone.trim() || undefined,
        provinceId: draft.area[0].id,
        cityId: draft.area[1].id,
        districtId: draft.area[2]?.id,
        address: draft.address.trim(),
      });
      orderDraft.clear();
      void Taro.redirectTo({ url: INSPECTION_ROUTES.order(order.id) });
    } catch (error) {
      setFailure(
        error instanceof ApiError
          ? { message: error.message, code: error.code }
          : { message: '网络异常，请检查网络后重试', code: 'NETWORK_ERROR' },
      );
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="inspection-confirm-page with-bottom-bar">
      <PageState {...car}>
        {(data) => (
          <>
            <CellGroup className="inspection-confirm__group" title="办理车辆">
              <Cell title="车牌号" extra={data.plateNumber} />
              <Cell title="车型" extra={data.profile ? `${data.profile.brandName} ${data.profile.seriesName}` : ''} />
              <Cell title="办理方式" extra="免检代办（寄送材料，无需到站）" />
            </CellGroup>
            <CellGroup className="inspection-confirm__group" title="回寄信息">
              <Cell title="联系人" extra={draft.contactName} />
              <Cell title="手机号" extra={draft.contactPhone} />
              {draft.ownerPhone ? <Cell title="车主手机" extra={draft.ownerPhone} /> : null}
              <Cell
                title="回寄地址"
                extra={`${draft.area.map((a) => a.name).join('')}${draft.address}`}
                className="inspection-confirm__address"
              />
            </CellGroup>
            <CellGroup className="inspection-confirm__group" title="费用">
              <Cell title="年检代办服务费" extra={formatFen(price > 0 ? price : draft.priceFen)} />
              {price > 0 ? <Cell title="支付方式" extra="微信支付（下单后支付）" /> : null}
            </CellGroup>
            {failure ? (
              <View className="inspection-confirm__failure">
                <View className="inspection-confirm__failure-title">下单未成功</View>
                <View>{failure.message}</View>
                {failure.code === 'PRICE_CHANGED' ? (
                  <View
                    className="inspection-confirm__failure-action"
                    onClick={() => void Taro.redirectTo({ url: INSPECTION_ROUTES.materials(carId) })}
                  >
                    重新确认价格 ›
                  </View>
                ) : null}
                {failure.code === 'VIOLATIONS_UNTREATED' ? (
                  <View
                    className="inspection-confirm__failure-action"
                    onClick={() => void Taro.navigateTo({ url: INSPECTION_ROUTES.violations(carId) })}
                  >
                    去处理违章 ›
                  </View>
                ) : null}
              </View>
            ) : null}
            <View className="inspection-confirm__terms">
              提交即委托平台代办年检；快递员会按上面的手机号联系您上门取件。
            </View>
            <InspectionBar
              priceFen={price > 0 ? price : draft.priceFen}
              priceLabel="合计"
              action={submitting ? '正在提交…' : '确认下单'}
              loading={submitting || prices.loading}
              disabled={submitting || prices.loading}
              onClick={() => void submit()}
            />
          </>
        )}
      </PageState>
    </View>
  );
}
