import { DatePicker, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TicketDraft, TicketProblems } from '../ticket';
import './ticket-form.scss';

type TextField = Exclude<keyof TicketDraft, 'time'>;

const FIELDS: { key: TextField; label: string; placeholder: string; type?: 'number' | 'text'; max: number }[] = [
  { key: 'city', label: '违章城市', placeholder: '如 杭州市', max: 16 },
  { key: 'location', label: '违章地点', placeholder: '决定书上的地点', max: 64 },
  { key: 'reason', label: '违章行为', placeholder: '如 违反规定停放', max: 100 },
  { key: 'lawCode', label: '违章代码', placeholder: '决定书上的代码，如 1039', max: 16 },
  { key: 'fineYuan', label: '罚款(元)', placeholder: '整数，如 200', type: 'number', max: 6 },
  { key: 'points', label: '扣分', placeholder: '0–12', type: 'number', max: 2 },
  { key: 'ticketNo', label: '决定书编号', placeholder: '选填，便于核对', max: 32 },
];

export interface TicketFormProps {
  value: TicketDraft;
  problems: TicketProblems;
  onChange: (next: TicketDraft) => void;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The fields of one ticket: text rows, and the time from a date-time picker (never typed). */
export function TicketForm({ value, problems, onChange }: TicketFormProps) {
  const [picking, setPicking] = useState(false);
  const now = new Date();
  const row = (key: keyof TicketDraft, label: string, body: JSX.Element) => (
    <View key={key} className={`ticket-form__row ${problems[key] ? 'ticket-form__row--error' : ''}`}>
      <View className="ticket-form__line">
        <Text className="ticket-form__label">{label}</Text>
        {body}
      </View>
      {problems[key] ? <Text className={`ticket-form__error ticket-${key}-error`}>{problems[key]}</Text> : null}
    </View>
  );
  return (
    <View className="ticket-form">
      <View className="ticket-form__rows">
        {row(
          'time',
          '违章时间',
          <View className="ticket-form__picker ticket-time" onClick={() => setPicking(true)}>
            <Text className={value.time ? '' : 'ticket-form__placeholder'}>{value.time || '请选择'}</Text>
            <Text className="ticket-form__caret">›</Text>
          </View>,
        )}
        {FIELDS.map((field) =>
          row(
            field.key,
            field.label,
            <Input
              className={`ticket-form__input ticket-${field.key}`}
              type={field.type ?? 'text'}
              value={value[field.key]}
              placeholder={field.placeholder}
              maxLength={field.max}
              clearable
              onChange={(text) => onChange({ ...value, [field.key]: text })}
            />,
          ),
        )}
      </View>
      <DatePicker
        title="违章时间"
        visible={picking}
        type="datetime"
        showChinese
        startDate={new Date(now.getFullYear() - 3, 0, 1)}
        endDate={now}
        defaultValue={now}
        onClose={() => setPicking(false)}
        onConfirm={(_options, values) => {
          const [y, m, d, h, min] = values.map(Number);
          onChange({ ...value, time: `${y}-${pad(m)}-${pad(d)} ${pad(h)}:${pad(min)}` });
        }}
      />
    </View>
  );
}
