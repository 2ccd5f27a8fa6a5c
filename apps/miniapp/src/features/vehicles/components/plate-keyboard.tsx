import { Text, View } from '@tarojs/components';
import { DIGITS, keysFor, LETTERS, plateLength, PROVINCES, SUFFIXES } from '../plate';
import './plate-keyboard.scss';

interface PlateKeyboardProps {
  value: string;
  newEnergy: boolean;
  onChange: (value: string) => void;
  onDone: () => void;
}

/**
 * The plate keyboard of Chinese car apps: the province grid first, then letters and digits (the last
 * position of an ordinary plate also offers 挂 学 警 港 澳 领). It never shows keys that cannot come next.
 */
export function PlateKeyboard({ value, newEnergy, onChange, onDone }: PlateKeyboardProps) {
  const chars = [...value];
  const full = chars.length >= plateLength(newEnergy);
  const kind = keysFor(Math.min(chars.length, plateLength(newEnergy) - 1), newEnergy);
  const press = (key: string) => {
    if (!full) onChange(value + key);
  };
  const backspace = () => onChange(chars.slice(0, -1).join(''));

  let rows: string[][];
  if (kind === 'province') {
    rows = [PROVINCES.slice(0, 10), PROVINCES.slice(10, 20), PROVINCES.slice(20)];
  } else {
    const letters = LETTERS;
    const digitsAllowed = kind !== 'letter';
    rows = [
      digitsAllowed ? DIGITS : [],
      letters.slice(0, 10),
      letters.slice(10, 19),
      letters.slice(19),
      kind === 'last' && !newEnergy ? SUFFIXES : [],
    ].filter((row) => row.length > 0);
  }

  return (
    <View className="plate-keyboard">
      <View className="plate-keyboard__bar">
        <Text className="plate-keyboard__title">{kind === 'province' ? '选择省份简称' : '输入车牌字母或数字'}</Text>
        <Text className="plate-keyboard__done" onClick={onDone}>
          完成
        </Text>
      </View>
      {rows.map((row, index) => (
        <View className="plate-keyboard__row" key={index}>
          {row.map((key) => (
            <View
              key={key}
              className={`plate-key ${full ? 'plate-key--disabled' : ''}`}
              hoverClass="plate-key--pressed"
              onClick={() => press(key)}
            >
              {key}
            </View>
          ))}
        </View>
      ))}
      <View className="plate-keyboard__row">
        <View
          className="plate-key plate-key--wide plate-key--delete"
          hoverClass="plate-key--pressed"
          onClick={backspace}
        >
          删除
        </View>
      </View>
    </View>
  );
}
