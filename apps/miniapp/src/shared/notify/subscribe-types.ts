export interface SubscribeAnswer {
  templateId: string;
  answer: 'accept' | 'reject' | 'ban' | 'filter';
}
