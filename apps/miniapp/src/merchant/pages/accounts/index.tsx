import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { createStaffAccount, listAccounts, updateAccount } from '../../../features/merchant/api/accounts';
import type { MerchantAccountDto } from '../../../features/merchant/api/types';
import { AccountList } from '../../../features/merchant/components/account-list';
import { MerchantNav } from '../../../features/merchant/components/merchant-nav';
import { PasswordDialog } from '../../../features/merchant/components/password-dialog';
import { useMerchantGuard } from '../../../features/merchant/hooks/use-merchant-guard';
import { getMerchantAccount, renewMerchantToken } from '../../../features/merchant/session';
import { useRequest } from '../../../shared/api/use-request';
import { usePullDownReload } from '../../../shared/hooks/use-page-events';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';
import './index.scss';

function Accounts() {
  const accounts = useRequest('accounts', listAccounts);
  usePullDownReload(accounts.reload);
  const [self] = useState(getMerchantAccount);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [creating, setCreating] = useState(false);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [resetting, setResetting] = useState<MerchantAccountDto | null>(null);

  const create = async () => {
    if (!/^[\w.@-]{3,32}$/.test(username.trim())) {
      void Taro.showToast({ title: '账号为 3–32 位字母、数字或 _ . - @', icon: 'none' });
      return;
    }
    if (password.length < 10) {
      void Taro.showToast({ title: '密码至少 10 位', icon: 'none' });
      return;
    }
    setCreating(true);
    try {
      await createStaffAccount(username.trim(), password);
      setUsername('');
      setPassword('');
      void Taro.showToast({ title: '员工账号已创建', icon: 'success' });
      await accounts.reload();
    } catch {
      // Shown by the request wrapper (e.g. the name is taken).
    } finally {
      setCreating(false);
    }
  };

  const change = async (
    account: MerchantAccountDto,
    patch: { password?: string; currentPassword?: string; disabled?: boolean },
    done: string,
  ) => {
    setBusyId(account.id);
    try {
      const updated = await updateAccount(account.id, patch);
      // One's own password changed: every other session has ended, this one goes on with its new token.
      if (updated.token) renewMerchantToken(updated.token);
      void Taro.showToast({ title: done, icon: 'success' });
      await accounts.reload();
    } catch {
      // Shown by the request wrapper.
    } finally {
      setBusyId(null);
    }
  };

  const toggle = async (account: MerchantAccountDto) => {
    if (!account.disabled) {
      const { confirm } = await Taro.showModal({
        title: `停用 ${account.username}`,
        content: '停用后该账号立即退出登录，且不能再登录，直到重新启用。',
        confirmText: '停用',
      });
      if (!confirm) return;
    }
    await change(account, { disabled: !account.disabled }, account.disabled ? '已启用' : '已停用');
  };

  return (
    <View className="merchant-accounts-page">
      <View className="account-create">
        <View className="account-create__title">新建员工账号</View>
        <Text className="account-create__hint">
          员工可以查看订单、看板和待处理事项，可以重放回调；不能管理账号和查看操作日志。
        </Text>
        <Input
          className="account-create__username"
          placeholder="账号（3–32 位字母、数字或 _ . - @）"
          maxLength={32}
          value={username}
          onChange={setUsername}
        />
        <Input
          className="account-create__password"
          type="password"
          placeholder="初始密码（至少 10 位）"
          maxLength={128}
          value={password}
          onChange={setPassword}
        />
        <Button
          className="account-create__submit"
          type="primary"
          block
          loading={creating}
          disabled={creating}
          onClick={() => void create()}
        >
          创建
        </Button>
      </View>
      <PageState {...accounts}>
        {({ items }) => (
          <AccountList
            accounts={items}
            selfId={self?.id}
            busyId={busyId}
            onResetPassword={setResetting}
            onToggleDisabled={(account) => void toggle(account)}
          />
        )}
      </PageState>
      <PasswordDialog
        username={resetting?.username ?? null}
        self={resetting !== null && resetting.id === self?.id}
        onCancel={() => setResetting(null)}
        onConfirm={(newPassword, currentPassword) => {
          const account = resetting as MerchantAccountDto;
          setResetting(null);
          void change(
            account,
            { password: newPassword, currentPassword },
            currentPassword ? '密码已修改' : '密码已重置',
          );
        }}
      />
      <MerchantNav current="accounts" />
    </View>
  );
}

export default function MerchantAccountsPage() {
  const signedIn = useMerchantGuard();
  if (!signedIn) return null;
  if (getMerchantAccount()?.role !== 'owner') {
    return (
      <View>
        <EmptyState title="仅管理员可以管理账号" description="请联系管理员为你创建或修改账号" />
        <MerchantNav current="accounts" />
      </View>
    );
  }
  return <Accounts />;
}
