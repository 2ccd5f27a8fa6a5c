import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { vehiclesApi } from '../../../features/vehicles/api/vehicles-api';
import { BottomBar } from '../../../shared/ui/bottom-bar';
import { isMobilePhone, OrderPhoneCard } from '../../../features/vehicles/components/order-phone-card';
import { TicketForm } from '../../../features/vehicles/components/ticket-form';
import { TICKET_QUOTED } from '../../../features/vehicles/routes';
import { checkTicket, EMPTY_TICKET, ticketItem, type TicketProblems } from '../../../features/vehicles/ticket';
import { ApiError } from '../../../shared/api/http';
import { useRequest } from '../../../shared/api/use-request';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';
import './index.scss';

const PHONE_TIP = '报价需要车主手机号（服务商凭手机号和车牌报价），加密保存，下次无需再填。';

/**
 * 直通车: a violation on a paper ticket that the query does not show yet. The service prices it
 * (《直通车查询报价》) and it joins the car's list, where it is chosen and paid like the others.
 */
function Ticket({ carId }: { carId: number }) {
  const garage = useRequest('garage', () => vehiclesApi.garage());
  const [draft, setDraft] = useState(EMPTY_TICKET);
  const [problems, setProblems] = useState<TicketProblems>({});
  const [phone, setPhone] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (needsPhone: boolean) => {
    const found = checkTicket(draft);
    setProblems(found);
    const phoneProblem = needsPhone && !isMobilePhone(phone) ? '请填写正确的 11 位车主手机号' : null;
    setPhoneError(phoneProblem);
    if (Object.keys(found).length > 0 || phoneProblem) return;
    setSending(true);
    setFailure(null);
    try {
      const priced = await vehiclesApi.manualQuote(carId, {
        items: [ticketItem(draft)],
        ...(needsPhone ? { phone } : {}),
      });
      Taro.eventCenter.trigger(
        TICKET_QUOTED,
        carId,
        priced.items.map((item) => item.code),
      );
      void Taro.showToast({ title: '已报价，加入违章列表', icon: 'none' });
      await Taro.navigateBack();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : '网络异常，请检查网络后重试');
    } finally {
      setSending(false);
    }
  };

  return (
    <PageState {...garage}>
      {(g) => (
        <View className="ticket-page with-bottom-bar">
          <View className="ticket-intro">
            收到处罚决定书但违章列表中还没有？按决定书填写，服务商报价后即可勾选代缴。
          </View>
          <TicketForm value={draft} problems={problems} onChange={setDraft} />
          {g.phone ? null : <OrderPhoneCard value={phone} error={phoneError} onChange={setPhone} tip={PHONE_TIP} />}
          {failure ? <View className="ticket-failure">{failure}</View> : null}
          <BottomBar
            block="vehicles-bottom-bar"
            label="报价后可勾选代缴"
            action="获取报价"
            loading={sending}
            onClick={() => void submit(!g.phone)}
          />
        </View>
      )}
    </PageState>
  );
}

export default function TicketPage() {
  const carId = parseIdParam(useRouter().params.carId);
  if (carId === null) return <EmptyState title="车辆不存在" description="请从车库进入" />;
  return <Ticket carId={carId} />;
}
