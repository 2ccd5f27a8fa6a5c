import { Text, View } from '@tarojs/components';
import { plateLength } from '../plate';
import './plate-cells.scss';

interface PlateCellsProps {
  value: string;
  newEnergy: boolean;
  active: boolean;
  onFocus: () => void;
  onToggleNewEnergy: (newEnergy: boolean) => void;
}

/** The plate as a row of character boxes (the keyboard fills them); the last box switches to new energy. */
export function PlateCells({ value, newEnergy, active, onFocus, onToggleNewEnergy }: PlateCellsProps) {
  const chars = [...value];
  const cells = Array.from({ length: plateLength(newEnergy) }, (_, index) => chars[index] ?? '');
  return (
    <View className="plate-cells">
      {cells.map((char, index) => (
        <View
          key={index}
          className={[
            'plate-cell',
            index === 1 ? 'plate-cell--dot' : '',
            active && index === Math.min(chars.length, cells.length - 1) ? 'plate-cell--cursor' : '',
            newEnergy ? 'plate-cell--green' : '',
          ].join(' ')}
          onClick={onFocus}
        >
          {char}
        </View>
      ))}
      {newEnergy ? null : (
        <View className="plate-cell plate-cell--new-energy" onClick={() => onToggleNewEnergy(true)}>
          <Text className="plate-cell__plus">+</Text>
          <Text className="plate-cell__label">新能源</Text>
        </View>
      )}
      {newEnergy ? (
        <Text className="plate-cells__switch" onClick={() => onToggleNewEnergy(false)}>
          普通车牌
        </Text>
      ) : null}
    </View>
  );
}
