import { Button, Form, Input } from '@nutui/nutui-react-taro';
import type { MerchantCredentials } from '../api/login-merchant';

interface LoginFormProps {
  submitting: boolean;
  onSubmit: (credentials: MerchantCredentials) => void;
}

export function LoginForm({ submitting, onSubmit }: LoginFormProps) {
  const [form] = Form.useForm();
  return (
    <Form
      className="merchant-login-form"
      form={form}
      labelPosition="left"
      onFinish={(values: MerchantCredentials) =>
        onSubmit({ username: values.username.trim(), password: values.password })
      }
      footer={
        <Button
          className="merchant-login-submit"
          type="primary"
          block
          loading={submitting}
          disabled={submitting}
          onClick={() => form.submit()}
        >
          登录
        </Button>
      }
    >
      <Form.Item label="账号" name="username" rules={[{ required: true, message: '请输入账号' }]}>
        <Input className="merchant-login-username" placeholder="请输入商家账号" maxLength={64} />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input className="merchant-login-password" type="password" placeholder="请输入密码" maxLength={128} />
      </Form.Item>
    </Form>
  );
}
