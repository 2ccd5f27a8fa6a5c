import { Alert, App, Button, Card, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime, formatFen } from '@miniapp-shared/format';
import { ApiError } from '../api/client';
import type { Price } from '../api/types';
import { session } from '../api/session';
import { useLoad } from '../shared/use-load';
import { fenToYuanText, parsePrice, yuanRule } from '../shared/yuan';
import { changedPrices, type PriceValues } from './price-changes';
import { getPrices, savePrices } from './money-api';

/**
 * 价格设置: what each paid service costs the user (0: free, no payment step). The owner edits in
 * yuan and saves (the server audits each change); staff read them only.
 */
export default function PricesPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<PriceValues>();
  const prices = useLoad('prices', getPrices);
  const [saving, setSaving] = useState(false);
  const owner = session.merchant()?.role === 'owner';
  const items = prices.data ?? [];

  const save = async () => {
    const values = await form.validateFields();
    const changes = changedPrices(items, values);
    if (changes.length === 0) {
      void message.info('价格没有变化');
      return;
    }
    setSaving(true);
    try {
      await savePrices(changes);
      void message.success('价格已保存');
      prices.reload();
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : '保存失败，请稍后重试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      className="prices-page"
      title="价格设置"
      extra={
        owner ? (
          <Button
            type="primary"
            className="prices-save"
            loading={saving}
            disabled={!prices.data}
            onClick={() => void save()}
          >
            保存
          </Button>
        ) : null
      }
    >
      {owner ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="价格以元为单位，最多两位小数；0 表示免费（用户下单时不需支付）。修改只影响之后的新订单，并记入操作日志。"
        />
      ) : (
        <Alert
          className="prices-readonly-note"
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="价格仅管理员可修改，员工账号只能查看。"
        />
      )}
      {prices.error ? <Alert type="error" showIcon message={prices.error.message} /> : null}
      <Form
        form={form}
        key={items.map((p) => `${p.service}:${p.amountFen}`).join(',')}
        initialValues={Object.fromEntries(items.map((p) => [p.service, fenToYuanText(p.amountFen)]))}
      >
        <Table<Price>
          className="price-table"
          size="small"
          rowKey="service"
          pagination={false}
          loading={prices.loading}
          dataSource={items}
          columns={[
            { key: 'label', title: '服务', width: 220, render: (_, row) => row.label },
            { key: 'unit', title: '计价', width: 80, render: (_, row) => row.unit },
            {
              key: 'amount',
              title: '价格（元）',
              width: 220,
              render: (_, row) =>
                owner ? (
                  <Form.Item name={row.service} rules={[yuanRule(parsePrice)]} style={{ margin: 0 }}>
                    <Input className={`price-input price-input--${row.service}`} prefix="¥" inputMode="decimal" />
                  </Form.Item>
                ) : (
                  <Typography.Text className={`price-value price-value--${row.service}`}>
                    {row.amountFen > 0 ? formatFen(row.amountFen) : '免费'}
                  </Typography.Text>
                ),
            },
            {
              key: 'updatedAt',
              title: '最后修改',
              render: (_, row) => (row.updatedAt ? formatDateTime(row.updatedAt) : '未设置（免费）'),
            },
          ]}
        />
      </Form>
    </Card>
  );
}
