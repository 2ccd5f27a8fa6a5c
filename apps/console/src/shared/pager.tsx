import { Button, Select, Space, Typography } from 'antd';
import { PAGE_SIZES, type PageSize } from './page-size';

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

/** 20 / 50 / 100 条/页 beside a list's pager. */
export function PageSizeSelect({ value, onChange }: { value: PageSize; onChange(size: PageSize): void }) {
  return (
    <Select<PageSize>
      className="page-size"
      value={value}
      options={PAGE_SIZES.map((size) => ({ value: size, label: `${size} 条/页` }))}
      onChange={onChange}
      style={{ width: 110 }}
    />
  );
}
