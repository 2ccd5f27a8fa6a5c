import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import type { MerchantToken } from '../api/types';
import { session } from '../api/session';

export default function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const back = (location.state as { from?: string } | null)?.from ?? '/orders';

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      session.save(await api<MerchantToken>('/api/merchant/login', { method: 'POST', body: values }));
      navigate(back, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card" title="办事 · 商家工作台">
        <Typography.Paragraph type="secondary">使用商家账号登录（账号由管理员创建）。</Typography.Paragraph>
        {error ? (
          <Alert className="login-error" type="error" showIcon message={error} style={{ marginBottom: 16 }} />
        ) : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label="账号" rules={[{ required: true, message: '请输入账号' }]}>
            <Input className="login-username" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password className="login-password" autoComplete="current-password" />
          </Form.Item>
          <Button className="login-submit" type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
