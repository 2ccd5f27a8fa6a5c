import { Tag } from '@nutui/nutui-react-taro';

/** The same mark the profile card shows for a verified user. */
export function VerifiedBadge() {
  return (
    <Tag className="verified-badge" background="#07c160" round>
      已实名
    </Tag>
  );
}
