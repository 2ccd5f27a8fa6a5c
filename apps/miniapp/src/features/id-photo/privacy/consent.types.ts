/** The privacy step before personal data is asked for; one interface for both platforms. */
export interface ConsentProps {
  /** Days after the order ends until photos and receipts are deleted. */
  retentionDays?: number;
  onAgree: () => void;
}

export const AGREEMENT_NAME = '《证件照回执服务说明与隐私保护指引》';
