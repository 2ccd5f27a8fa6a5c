/** How the vendor's pay page is reached on each platform (pay-link.h5.ts / pay-link.weapp.ts). */
export interface PayLink {
  /** The button text. */
  action: string;
  /** One line under the button: what will happen. */
  hint: string;
  open(url: string): Promise<void>;
}
