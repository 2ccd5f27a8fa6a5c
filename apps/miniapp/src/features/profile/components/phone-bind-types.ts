export interface PhoneBindProps {
  onCode: (code: string) => void;
  busy: boolean;
}
