import { App, Button, Card, Form, Input, Modal, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '@miniapp-shared/format';
import { api, ApiError } from '../api/client';
import type { MerchantAccount, MerchantAccountList } from '../api/types';
import { session } from '../api/session';
import { ROLE_LABELS } from '../shared/labels';
import { useLoad } from '../shared/use-load';

const PASSWORD_RULES = [
  { required: true, message: '请输入密码' },
  { min: 10, message: '密码至少 10 位' },
];

/** The owner's accounts: add staff, reset a password, disable an account (owner only, as the server says). */
export default function AccountsPage() {
  const { message } = App.useApp();
  const accounts = useLoad('accounts', () => api<MerchantAccountList>('/api/merchant/accounts'));
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<MerchantAccount | null>(null);
  const me = session.merchant();

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      accounts.reload();
      return true;
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : '操作失败，请稍后重试');
      return false;
    }
  };

  return (
    <Card
      size="small"
      className="accounts-page"
      title="商家账号"
      extra={
        <Button type="primary" className="account-create" onClick={() => setCreating(true)}>
          添加员工账号
        </Button>
      }
    >
      <Table<MerchantAccount>
        size="small"
        rowKey="id"
        pagination={false}
        loading={accounts.loading}
        dataSource={accounts.data?.items ?? []}
        columns={[
          { title: '账号', render: (_, row) => row.username },
          { title: '角色', render: (_, row) => <Tag>{ROLE_LABELS[row.role]}</Tag> },
          { title: '创建时间', render: (_, row) => formatDateTime(row.createdAt) },
          {
            title: '启用',
            render: (_, row) => (
              <Switch
                checked={!row.disabled}
                disabled={row.id === me?.id}
                onChange={(on) =>
                  void run(
                    () => api(`/api/merchant/accounts/${row.id}`, { method: 'PATCH', body: { disabled: !on } }),
                    on ? '已启用' : '已停用',
                  )
                }
              />
            ),
          },
          {
            title: '操作',
            render: (_, row) => (
              <Button size="small" onClick={() => setResetting(row)}>
                重置密码
              </Button>
            ),
          },
        ]}
      />
      <Modal title="添加员工账号" open={creating} onCancel={() => setCreating(false)} footer={null} destroyOnHidden>
        <Form
          layout="vertical"
          onFinish={async (values: { username: string; password: string }) => {
            if (await run(() => api('/api/merchant/accounts', { method: 'POST', body: values }), '已添加'))
              setCreating(false);
          }}
        >
          <Form.Item name="username" label="账号" rules={[{ required: true, message: '请输入账号' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label="初始密码" rules={PASSWORD_RULES}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            添加
          </Button>
        </Form>
      </Modal>
      <Modal
        title={`重置密码：${resetting?.username ?? ''}`}
        open={resetting !== null}
        onCancel={() => setResetting(null)}
        footer={null}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={async (values: { password: string }) => {
            const id = resetting?.id;
            if (
              id &&
              (await run(() => api(`/api/merchant/accounts/${id}`, { method: 'PATCH', body: values }), '密码已重置'))
            )
              setResetting(null);
          }}
        >
          <Form.Item name="password" label="新密码" rules={PASSWORD_RULES}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            重置
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}
