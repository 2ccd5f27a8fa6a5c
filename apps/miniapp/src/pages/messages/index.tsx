import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime } from '../../shared/format';
import { useInfiniteScroll } from '../../shared/hooks/use-page-events';
import { messagesApi, type NoticeDto } from '../../shared/messages/messages-api';
import { useMessages } from '../../shared/messages/use-messages';
import { CursorListView } from '../../shared/ui/cursor-list-view';
import './index.scss';

/** What kind of message it is, for the small label on each. */
function kindLabel(kind: string): string {
  if (kind.startsWith('order_')) return '订单进度';
  if (kind === 'new_violations') return '违章提醒';
  if (kind === 'monitor_failed') return '监控异常';
  if (kind === 'content_withdrawn') return '图片审核';
  return '通知';
}

/** 消息中心: every service's messages, newest first; opening one marks it read and opens its page. */
export default function MessagesPage() {
  const list = useMessages();
  useInfiniteScroll(list);

  const open = (notice: NoticeDto) => {
    if (!notice.read) {
      void messagesApi.read(notice.id).then(() => list.setUnread((n) => Math.max(0, n - 1)));
      notice.read = true;
    }
    if (notice.link) void Taro.navigateTo({ url: notice.link });
  };
  const readAll = async () => {
    await messagesApi.readAll();
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
              <Text className="notice-item__kind">{kindLabel(notice.kind)}</Text>
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
        empty={{ title: '暂无消息', description: '订单有进展、违章有变化时，会在这里告诉您' }}
      />
    </View>
  );
}
