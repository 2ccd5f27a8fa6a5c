import { BottomBar } from '../../../shared/ui/bottom-bar';

interface InspectionBarProps {
  priceFen?: number;
  /** 服务费 on the way, 合计 on the confirmation. */
  priceLabel?: string;
  action: string;
  disabled?: boolean;
  loading?: boolean;
  onClick: () => void;
}

/** An inspection step's bar: the service fee, once it is known, and the next step. */
export function InspectionBar({ priceFen, priceLabel = '服务费', ...rest }: InspectionBarProps) {
  return (
    <BottomBar
      block="inspection-bottom-bar"
      label={priceFen !== undefined ? priceLabel : undefined}
      totalFen={priceFen}
      {...rest}
    />
  );
}
