import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { CursorListState } from '../../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../../shared/format';
import { CursorListView } from '../../../shared/ui/cursor-list-view';
import type { CertificationDto } from '../api/types';
import './certification-history.scss';

interface CertificationHistoryProps {
  list: CursorListState<CertificationDto>;
  onOpen: (item: CertificationDto) => void;
}

/** My attempts, newest first: who (masked), when, the verdict and, for a failure, what failed. */
export function CertificationHistory({ list, onOpen }: CertificationHistoryProps) {
  return (
    <CursorListView
      className="certification-history"
      list={list}
      empty={{ title: '暂无认证记录', description: '完成的认证会显示在这里' }}
      renderItem={(item) => (
        <View className="history-row" hoverClass="history-row--pressed" onClick={() => onOpen(item)}>
          <View className="history-row__head">
            <Text className="history-row__who">{`${item.name}\u3000${item.idNumber}`}</Text>
            <Tag
              className={`history-row__tag ${item.passed ? 'is-passed' : 'is-failed'}`}
              plain
              round
              background={item.passed ? '#07c160' : '#fa5151'}
            >
              {item.passed ? '通过' : '未通过'}
            </Tag>
          </View>
          {item.passed ? null : <View className="history-row__reason">{item.advice?.title ?? item.failedReason}</View>}
          <View className="history-row__time">{formatDateTime(item.createdAt)}</View>
        </View>
      )}
    />
  );
}
