import { Button, Collapse, Empty, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import type { OrderView, VendorEventView } from '../api/types';

const TONE_COLORS = { success: 'green', warning: 'orange', danger: 'red', normal: 'default' } as const;

interface Props {
  events: OrderView['vendorEvents'];
  canReplay: boolean;
  replaying: number | null;
  onReplay(callbackId: number): void;
}

function ReplayButton({ event, canReplay, replaying, onReplay }: { event: VendorEventView } & Omit<Props, 'events'>) {
  if (!event.replayable || event.callbackId === null) return null;
  const id = event.callbackId;
  if (!canReplay) {
    return (
      <Tooltip title="仅管理员可以重放回调">
        <Button size="small" className="replay-button" disabled>
          重放
        </Button>
      </Tooltip>
    );
  }
  return (
    <Popconfirm
      title="重放回调"
      description="将按服务商原始报文重新处理这条回调，每条只会生效一次。"
      okText="重放"
      cancelText="取消"
      onConfirm={() => onReplay(id)}
    >
      <Button
        size="small"
        type="primary"
        className="replay-button"
        loading={replaying === id}
        onClick={(e) => e.stopPropagation()}
      >
        重放
      </Button>
    </Popconfirm>
  );
}

/** Callbacks and answers to our queries, with what verifying and applying them did; payloads folded. */
export function VendorEvents({ events, ...actions }: Props) {
  if (events.items.length === 0) return <Empty description="还没有服务商事件" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Collapse
      className="vendor-events"
      size="small"
      items={events.items.map((event) => ({
        key: event.key,
        className: `vendor-event vendor-event--${event.tone}`,
        label: (
          <Space wrap size={6}>
            <Tag>{event.source}</Tag>
            <Typography.Text strong>{event.title}</Typography.Text>
            <Typography.Text type="secondary">{event.at}</Typography.Text>
            <Tag color={TONE_COLORS[event.tone]}>{event.result}</Tag>
            <Typography.Text type="secondary">{event.verification}</Typography.Text>
          </Space>
        ),
        extra: <ReplayButton event={event} {...actions} />,
        children: (
          <>
            {event.fields.length > 0 ? (
              <Space wrap size={16} style={{ marginBottom: 8 }}>
                {event.fields.map((field) => (
                  <span key={field.label}>
                    <Typography.Text type="secondary">{field.label}：</Typography.Text>
                    {field.value}
                  </span>
                ))}
              </Space>
            ) : null}
            <Typography.Text type="secondary">原始报文（已脱敏）</Typography.Text>
            <pre className="vendor-event__payload">{event.payload}</pre>
          </>
        ),
      }))}
    />
  );
}
