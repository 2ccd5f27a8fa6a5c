import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../../../shared/format';
import type { AuditLogEntryDto } from '../api/types';
import { auditDetailText } from '../audit-details';
import { auditActionLabel } from '../labels';

/** One line of the audit log: when, who, what, on what, from where. */
export function AuditRow({ entry }: { entry: AuditLogEntryDto }) {
  const failed = entry.action === 'login_failed' || entry.details?.ok === false;
  return (
    <View className={`audit-row audit-row--${entry.action}${failed ? ' audit-row--failed' : ''}`}>
      <View className="audit-row__head">
        <Text className="audit-row__action">{auditActionLabel(entry.action)}</Text>
        <Text className="audit-row__time">{formatDateTime(entry.createdAt)}</Text>
      </View>
      <View className="audit-row__who">
        {entry.merchantUsername}
        {entry.target ? ` · ${entry.target}` : ''}
        {entry.ip ? ` · ${entry.ip.replace(/^::ffff:/, '')}` : ''}
      </View>
      {entry.details ? <View className="audit-row__details">{auditDetailText(entry.details)}</View> : null}
    </View>
  );
}
