import { Dialog, Input } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

interface PasswordDialogProps {
  username: string | null;
  /** One's own account: the current password is asked for too (the server requires it). */
  self: boolean;
  onCancel: () => void;
  onConfirm: (password: string, currentPassword?: string) => void;
}

/** Asks the owner for a new password of an account (at least 10 characters, as the server requires). */
export function PasswordDialog({ username, self, onCancel, onConfirm }: PasswordDialogProps) {
  const [password, setPassword] = useState('');
  const [current, setCurrent] = useState('');
  const reset = () => {
    setPassword('');
    setCurrent('');
  };
  const close = () => {
    reset();
    onCancel();
  };
  return (
    <Dialog
      className="password-dialog"
      visible={username !== null}
      title={self ? '修改我的密码' : `重置 ${username ?? ''} 的密码`}
      confirmText={self ? '修改' : '重置'}
      cancelText="取消"
      onCancel={close}
      onClose={close}
      onConfirm={() => {
        if (self && !current) {
          void Taro.showToast({ title: '请填写当前密码', icon: 'none' });
          return;
        }
        if (password.length < 10) {
          void Taro.showToast({ title: '密码至少 10 位', icon: 'none' });
          return;
        }
        reset();
        onConfirm(password, self ? current : undefined);
      }}
    >
      <View className="password-dialog__body">
        {self ? (
          <Input
            className="password-dialog__current"
            type="password"
            placeholder="当前密码"
            maxLength={128}
            value={current}
            onChange={setCurrent}
          />
        ) : null}
        <Input
          className="password-dialog__input"
          type="password"
          placeholder="新密码，至少 10 位"
          maxLength={128}
          value={password}
          onChange={setPassword}
        />
      </View>
    </Dialog>
  );
}
