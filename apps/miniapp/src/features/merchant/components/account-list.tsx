import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../../../shared/format';
import type { MerchantAccountDto } from '../api/types';
import { ROLE_LABELS } from '../labels';

interface AccountListProps {
  accounts: MerchantAccountDto[];
  /** The signed-in owner: they cannot disable themselves. */
  selfId: number | undefined;
  busyId: number | null;
  onResetPassword: (account: MerchantAccountDto) => void;
  onToggleDisabled: (account: MerchantAccountDto) => void;
}

export function AccountList({ accounts, selfId, busyId, onResetPassword, onToggleDisabled }: AccountListProps) {
  return (
    <View className="account-list">
      {accounts.map((account) => (
        <View key={account.id} className={`account-row account-row--${account.username}`}>
          <View className="account-row__head">
            <Text className="account-row__name">{account.username}</Text>
            <View className="account-row__tags">
              <Tag plain round background={account.role === 'owner' ? '#576b95' : '#1677ff'}>
                {ROLE_LABELS[account.role]}
              </Tag>
              {account.disabled ? (
                <Tag className="account-row__disabled" plain round background="#fa5151">
                  已停用
                </Tag>
              ) : null}
              {account.id === selfId ? (
                <Tag plain round background="#07c160">
                  当前账号
                </Tag>
              ) : null}
            </View>
          </View>
          <Text className="account-row__meta">创建于 {formatDateTime(account.createdAt)}</Text>
          <View className="account-row__actions">
            <Button
              className="account-row__reset"
              size="small"
              disabled={busyId === account.id}
              onClick={() => onResetPassword(account)}
            >
              重置密码
            </Button>
            {account.id !== selfId ? (
              <Button
                className="account-row__toggle"
                size="small"
                type={account.disabled ? 'primary' : 'danger'}
                fill="outline"
                loading={busyId === account.id}
                disabled={busyId === account.id}
                onClick={() => onToggleDisabled(account)}
              >
                {account.disabled ? '启用' : '停用'}
              </Button>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}
