import { Checkbox, Loading } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ViolationListDto } from '../../../features/vehicles/api/types';
import { vehiclesApi } from '../../../features/vehicles/api/vehicles-api';
import { BottomBar } from '../../../shared/ui/bottom-bar';
import { ViolationItem } from '../../../features/vehicles/components/violation-item';
import { selectionTotals } from '../../../features/vehicles/fees';
import { TICKET_QUOTED, VEHICLE_ROUTES } from '../../../features/vehicles/routes';
import { ApiError } from '../../../shared/api/http';
import { formatDateTime, formatFen } from '../../../shared/format';
import { usePullDownReload } from '../../../shared/hooks/use-page-events';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageSkeleton } from '../../../shared/ui/page-skeleton';
import './index.scss';

function Violations({ carId }: { carId: number }) {
  const [list, setList] = useState<ViolationListDto>();
  const [querying, setQuerying] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const query = useCallback(async () => {
    setQuerying(true);
    setFailure(null);
    try {
      const fresh = await vehiclesApi.queryViolations(carId, { silent: true });
      setList(fresh);
      // Keep what is still selectable.
      setSelected(
        (current) => new Set(fresh.items.filter((v) => v.canSelect && current.has(v.code)).map((v) => v.code)),
      );
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : '网络异常，请检查网络后重试');
    } finally {
      setQuerying(false);
    }
  }, [carId]);

  useEffect(() => {
    // The stored list shows at once; the fresh one replaces it when the vendor answers.
    vehiclesApi
      .storedViolations(carId)
      .then((stored) => setList((current) => current ?? stored))
      .catch(() => undefined);
    void query();
  }, [carId, query]);
  usePullDownReload(query);

  // Back from the ticket page: the priced violations are in the stored list now, chosen for payment.
  useEffect(() => {
    const onQuoted = (quotedCarId: number, codes: string[]) => {
      if (quotedCarId !== carId) return;
      void vehiclesApi.storedViolations(carId).then((stored) => {
        setList(stored);
        const selectable = new Set(stored.items.filter((v) => v.canSelect).map((v) => v.code));
        setSelected((current) => new Set([...current, ...codes.filter((code) => selectable.has(code))]));
      });
    };
    Taro.eventCenter.on(TICKET_QUOTED, onQuoted);
    return () => void Taro.eventCenter.off(TICKET_QUOTED, onQuoted);
  }, [carId]);

  const items = useMemo(() => list?.items ?? [], [list]);
  const payable = items.filter((v) => v.canSelect);
  const totals = selectionTotals(items, selected);
  const lockedPoints = items.some((v) => !v.canSelect && v.points > 0 && v.processStatus === 1);

  if (!list && querying) {
    return (
      <View className="violations-page">
        <View className="violations-progress">
          <Loading type="spinner">正在向交管数据查询违章…</Loading>
        </View>
        <PageSkeleton cards={2} />
      </View>
    );
  }
  if (!list) {
    return (
      <EmptyState
        title="查询失败"
        description={failure ?? '请稍后重试'}
        action={{ text: '重新查询', onClick: () => void query() }}
      />
    );
  }

  const toggle = (code: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const allSelected = payable.length > 0 && payable.every((v) => selected.has(v.code));

  return (
    <View className="violations-page with-bottom-bar">
      <View className="violations-summary">
        <View className="violations-summary__plate">
          {list.plateNumber}
          <Text className="violations-summary__city">{list.city}</Text>
        </View>
        <View className="violations-summary__numbers">
          <View className="violations-number">
            <Text className="violations-number__value">{list.summary.untreated}</Text>
            <Text className="violations-number__label">未处理(条)</Text>
          </View>
          <View className="violations-number">
            <Text className="violations-number__value">{formatFen(list.summary.totalFineFen)}</Text>
            <Text className="violations-number__label">罚款</Text>
          </View>
          <View className="violations-number">
            <Text className="violations-number__value">{list.summary.totalPoints}</Text>
            <Text className="violations-number__label">扣分</Text>
          </View>
        </View>
        <View className="violations-summary__time">
          {querying ? '正在查询最新违章…' : list.queriedAt ? `更新于 ${formatDateTime(list.queriedAt)}` : ''}
        </View>
      </View>

      {list.stale && list.staleReason ? (
        <View className="violations-banner violations-stale">{list.staleReason}</View>
      ) : null}
      {failure && !list.stale ? <View className="violations-banner">{failure}</View> : null}
      {lockedPoints && !list.deductSelfReady ? (
        <View
          className="violations-banner violations-banner--action"
          onClick={() => void Taro.navigateTo({ url: VEHICLE_ROUTES.license(carId) })}
        >
          有扣分违章？驾驶证本人可完成“自扣分验证”并上传行驶证后代办 ›
        </View>
      ) : null}

      {items.length === 0 ? (
        <EmptyState className="violations-empty" title="暂无违章记录" description="保持良好驾驶习惯，安全出行" />
      ) : (
        <>
          {payable.length > 0 ? (
            <View
              className="violations-select-all"
              onClick={() => setSelected(allSelected ? new Set() : new Set(payable.map((v) => v.code)))}
            >
              <Checkbox className="violations-select-all__box" checked={allSelected} />
              <Text>全选可代缴的 {payable.length} 条</Text>
            </View>
          ) : null}
          {items.map((violation) => (
            <ViolationItem
              key={violation.code}
              violation={violation}
              selected={selected.has(violation.code)}
              onToggle={() => toggle(violation.code)}
            />
          ))}
        </>
      )}

      <View
        className="violations-ticket-link"
        onClick={() => void Taro.navigateTo({ url: VEHICLE_ROUTES.ticket(carId) })}
      >
        收到罚单但列表里没有？按处罚决定书录入报价 ›
      </View>

      <BottomBar
        block="vehicles-bottom-bar"
        label={totals.count > 0 ? `已选 ${totals.count} 条，合计` : '请选择要缴纳的违章'}
        totalFen={totals.count > 0 ? totals.totalFen : undefined}
        action="去缴费"
        disabled={totals.count === 0}
        onClick={() => void Taro.navigateTo({ url: VEHICLE_ROUTES.confirm(carId, [...selected]) })}
      />
    </View>
  );
}

export default function ViolationsPage() {
  const carId = parseIdParam(useRouter().params.carId);
  if (carId === null) return <EmptyState title="车辆不存在" description="请从车库进入" />;
  return <Violations carId={carId} />;
}
