import { Button, Loading } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import './list-footer.scss';

interface ListFooterProps {
  loadingMore: boolean;
  hasMore: boolean;
  failed: boolean;
  onLoadMore: () => void;
}

/**
 * Foot of an infinite list. Scrolling to the bottom loads more by itself; the button is there for a first
 * page too short to scroll, where no reach-bottom event ever comes.
 */
export function ListFooter({ loadingMore, hasMore, failed, onLoadMore }: ListFooterProps) {
  let content;
  if (loadingMore) {
    content = <Loading type="spinner">加载中…</Loading>;
  } else if (failed) {
    content = (
      <Button className="list-footer__more" size="small" fill="none" onClick={onLoadMore}>
        加载失败，点击重试
      </Button>
    );
  } else if (hasMore) {
    content = (
      <Button className="list-footer__more" size="small" fill="none" onClick={onLoadMore}>
        加载更多
      </Button>
    );
  } else {
    content = <View className="list-footer__end">没有更多了</View>;
  }
  return <View className="list-footer">{content}</View>;
}
