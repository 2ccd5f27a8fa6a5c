import { View } from '@tarojs/components';
import { useState } from 'react';
import { listAuditLog } from '../../../features/merchant/api/accounts';
import { AuditRow } from '../../../features/merchant/components/audit-row';
import { FilterChips } from '../../../features/merchant/components/filter-chips';
import { MerchantNav } from '../../../features/merchant/components/merchant-nav';
import { useMerchantGuard } from '../../../features/merchant/hooks/use-merchant-guard';
import { AUDIT_ACTIONS, auditActionLabel } from '../../../features/merchant/labels';
import { getMerchantAccount } from '../../../features/merchant/session';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { useInfiniteScroll } from '../../../shared/hooks/use-page-events';
import { CursorListView } from '../../../shared/ui/cursor-list-view';
import { EmptyState } from '../../../shared/ui/empty-state';
import './index.scss';

// Every action the server records (the generated enum's labels): a new one shows here without a copy to update.
const OPTIONS = AUDIT_ACTIONS.map((value) => ({ value, label: auditActionLabel(value) }));

function AuditLog() {
  const [action, setAction] = useState<string | null>(null);
  const list = useCursorList(`audit:${action}`, (cursor) => listAuditLog(action, cursor));
  useInfiniteScroll(list);
  return (
    <View className="merchant-audit-page">
      <View className="audit-filters">
        <FilterChips
          label="操作"
          className="audit-filter-action"
          options={OPTIONS}
          value={action}
          onChange={setAction}
        />
      </View>
      <CursorListView
        className="audit-log-list"
        list={list}
        renderItem={(entry) => <AuditRow entry={entry} />}
        empty={{ title: '还没有操作记录' }}
      />
      <MerchantNav current="audit" />
    </View>
  );
}

export default function MerchantAuditLogPage() {
  const signedIn = useMerchantGuard();
  if (!signedIn) return null;
  if (getMerchantAccount()?.role !== 'owner') {
    return (
      <View>
        <EmptyState title="仅管理员可以查看操作日志" description="请联系管理员" />
        <MerchantNav current="audit" />
      </View>
    );
  }
  return <AuditLog />;
}
