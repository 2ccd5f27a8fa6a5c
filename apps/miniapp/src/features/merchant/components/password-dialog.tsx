import { Dialog, Input } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

interface PasswordDialogProps {
  username: string | null;
  onCancel: () => void;
  onConfirm: (password: string) => void;
}

/** Asks the owner for a new password of an account (at least 10 characters, as the server requires). */
export function PasswordDialog({ username, onCancel, onConfirm }: PasswordDialogProps) {
  const [password, setPassword] = useState('');
  const close = () => {
    setPassword('');
    onCancel();
  };
  return (
    <Dialog
      className="password-dialog"
      visible={username !== null}
      title={`重置 ${username ?? ''} 的密码`}
      confirmText="重置"
      cancelText="取消"
      onCancel={close}
      onClose={close}
      onConfirm={() => {
        if (password.length < 10) {
          void Taro.showToast({ title: '密码至少 10 位', icon: 'none' });
          return;
        }
        setPassword('');
        onConfirm(password);
      }}
    >
      <View className="password-dialog__body">
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
