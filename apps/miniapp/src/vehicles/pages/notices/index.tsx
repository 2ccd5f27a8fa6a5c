import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NoticeDto } from '../../../features/vehicles/api/types';
import { vehiclesApi } from '../../../features/vehicles/api/vehicles-api';
import { useNotices } from '../../../features/vehicles/hooks/use-vehicles';
import { formatDateTime } from '../../../shared/format';
import { useInfiniteScroll } from '../../../shared/hooks/use-page-events';
import { CursorListView } from '../../../shared/ui/cursor-list-view';
import './index.scss';

const KIND_LABELS: Record<string, string> = {
  new_violations: '违章提醒',
  monitor_failed: '监控异常',
  order_finished: '订单进度',
};

export default function NoticesPage() {
  const list = useNotices();
  useInfiniteScroll(list);

  const open = (notice: NoticeDto) => {
    if (!notice.read) {
      void vehiclesApi.readNotice(notice.id).then(() => list.setUnread((n) => Math.max(0, n - 1)));
      notice.read = true;
    }
    if (notice.link) void Taro.navigateTo({ url: notice.link });
  };
  const readAll = async () => {
    await vehiclesApi.readAllNotices();
    await list.refresh();
  };

  return (
    <View className="notices-page">
      <View className="notices-head">
        <Text className="notices-head__count">{list.unread > 0 ? `${list.unread} 条未读` : '全部已读'}</Text>
        {list.unread > 0 ? (
          <Text className="notices-head__read-all" onClick={() => void readAll()}>
            全部标为已读
          </Text>
        ) : null}
      </View>
      <CursorListView
        list={list}
        renderItem={(notice) => (
          <View className={`notice-item ${notice.read ? '' : 'notice-item--unread'}`} onClick={() => open(notice)}>
            <View className="notice-item__head">
              <Text className="notice-item__kind">{KIND_LABELS[notice.kind] ?? '通知'}</Text>
              <Text className="notice-item__time">{formatDateTime(notice.createdAt)}</Text>
            </View>
            <View className="notice-item__title">
              {notice.read ? null : <View className="notice-item__dot" />}
              {notice.title}
            </View>
            <View className="notice-item__body">{notice.body}</View>
            {notice.link ? <View className="notice-item__link">查看详情 ›</View> : null}
          </View>
        )}
        empty={{ title: '暂无消息', description: '开启违章监控后，新违章会在这里提醒您' }}
      />
    </View>
  );
}
