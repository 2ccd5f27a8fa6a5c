import { Button, Space, Typography } from 'antd';

export function Pager({ pageNumber, prev, next }: { pageNumber: number; prev?: () => void; next?: () => void }) {
  return (
    <Space className="pager">
      <Typography.Text type="secondary">第 {pageNumber} 页</Typography.Text>
      <Button className="pager-prev" disabled={!prev} onClick={prev}>
        上一页
      </Button>
      <Button className="pager-next" disabled={!next} onClick={next}>
        下一页
      </Button>
    </Space>
  );
}
